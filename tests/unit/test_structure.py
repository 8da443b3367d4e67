"""The shape of the code, checked with the standard library's `ast`: one home for the
graph's labels and relationship types (graph_schema), imports that point one way
(app -> loaders -> queries -> graph_schema) and no import cycle."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from graph_schema import NodeLabel, RelType

ROOT = Path(__file__).resolve().parents[2]
#: Folders whose Python must name labels and types through graph_schema's enums.
CHECKED = ("app", "loaders", "queries", "benchmarks")
#: Known exceptions, each with its reason; remove an entry when its reason goes away.
LITERAL_EXCEPTIONS: tuple[str, ...] = ()
NAMES = {m.value for m in NodeLabel} | {m.value for m in RelType}
#: The layers, top first: a module imports from its own layer or from a lower one.
LAYERS = ("benchmarks", "app", "loaders", "queries", "graph_schema")
#: Known import cycles, each with its reason; remove an entry when its reason goes away.
CYCLE_EXCEPTIONS: tuple[frozenset[str], ...] = ()


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def python_files(*folders: str) -> Iterator[Path]:
    for folder in folders:
        yield from sorted((ROOT / folder).rglob("*.py"))


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring nodes: prose may name a label."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def label_literals(source: str, rel: str) -> list[str]:
    """`file:line: 'Person'` for each string literal that is a label or relationship type."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    return [
        f"{rel}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value in NAMES
        and id(node) not in docs
    ]


def test_labels_and_types_come_from_graph_schema() -> None:
    found = [
        hit
        for path in python_files(*CHECKED)
        if not _rel(path).startswith(LITERAL_EXCEPTIONS)
        for hit in label_literals(path.read_text("utf-8"), _rel(path))
    ]
    assert found == [], "use graph_schema's NodeLabel / RelType:\n" + "\n".join(found)


def test_the_literal_check_sees_literals() -> None:
    source = '"""Person."""\nx = "Person"\ny = f"{x}:Person"\nz = {"HOLDS_OFFICE": 1}\n'
    assert label_literals(source, "m.py") == ["m.py:2: 'Person'", "m.py:4: 'HOLDS_OFFICE'"]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """Every dotted name an import statement may refer to (anywhere in the file: an import
    inside a function is a dependency too)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, *([node.module] if node.module else [])])
    return [f"{base}.{alias.name}" for alias in node.names]


def import_graph() -> dict[str, set[str]]:
    """module -> the project modules it imports (a name resolves to its longest module)."""
    files = {module_name(p): p for p in python_files(*LAYERS)}

    def resolve(name: str) -> str | None:
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        tree = ast.parse(path.read_text("utf-8"))
        targets = {
            resolve(name)
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for name in _imported(node, module, path.name == "__init__.py")
        }
        graph[module] = {t for t in targets if t is not None and t != module}
    return graph


def _layer(module: str) -> int:
    return LAYERS.index(module.split(".")[0])


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = {stack.pop()}
            while v not in component:
                component.add(stack.pop())
            if len(component) > 1:
                found.append(frozenset(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_imports_point_down_the_layers() -> None:
    upward = [
        f"{module} -> {target}"
        for module, targets in sorted(import_graph().items())
        for target in sorted(targets)
        if _layer(target) < _layer(module)
    ]
    assert upward == [], "app -> loaders -> queries -> graph_schema:\n" + "\n".join(upward)


def test_no_import_cycle() -> None:
    found = [sorted(c) for c in cycles(import_graph()) if c not in CYCLE_EXCEPTIONS]
    assert found == []


def test_the_cycle_check_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [frozenset({"a", "b", "c"})]


def cypher_calls(source: str, rel: str) -> list[str]:
    """`file:line: call` for each place that sends Cypher to Neo4j itself."""
    return [
        f"{rel}:{node.lineno}: {ast.unparse(node.func)}"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and (
            node.func.attr == "execute_query"
            or (node.func.attr == "run" and ast.unparse(node.func.value) in ("tx", "session"))
        )
    ]


def test_only_queries_runs_cypher() -> None:
    """Cypher has one home: named files under queries/cypher/, run by queries/*.py only
    (the benchmarks time bare named queries too)."""
    found = [
        hit
        for path in python_files("app", "loaders", "graph_schema")
        for hit in cypher_calls(path.read_text("utf-8"), _rel(path))
    ]
    assert found == [], "run Cypher through a function in queries/:\n" + "\n".join(found)


def test_the_cypher_check_sees_calls() -> None:
    source = "driver.execute_query(q)\ntx.run(q)\nsubprocess.run(args)\n"
    assert cypher_calls(source, "m.py") == ["m.py:1: driver.execute_query", "m.py:2: tx.run"]
