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
LITERAL_EXCEPTIONS = (
    # The extraction issue owns loaders/nlp/ while it splits the rule functions; its
    # components still compare labels and types as strings.
    "loaders/nlp/",
)
NAMES = {m.value for m in NodeLabel} | {m.value for m in RelType}


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
