"""Decide whether a user's Cypher may run on the read-only console, from Neo4j's own plan.

A block list of words lost to the lexer: Neo4j ends a `//` comment at a bare carriage
return, a keyword may follow a backticked name, `SHOW TRANSACTION` has a singular form, and
every release adds commands. So the words are not read here at all. `queries.read` asks
Neo4j to plan the query (`EXPLAIN`, in a READ transaction, with the caller's parameters) and
hands the plan to `check_plan`, which accepts it only when

* every operator is a read operator from `READ_OPERATORS` (an allow-list: `LoadCSV`,
  `ShowTransactions`, `TerminateTransactions`, `ShowSettings`, `AdministrationCommand`, any
  write or schema operator, and any operator a later Neo4j adds are refused),
* every procedure it calls is in `ALLOWED_PROCEDURES` (schema introspection, full-text
  search), and every namespaced function belongs to a built-in namespace
  (`FUNCTION_NAMESPACES`), so a plugin's functions never run, and
* Neo4j classifies the whole statement as read-only (query type "r").

Only `precheck` looks at the text, and only for what is sound without parsing: emptiness,
length, and characters no driver can send (lone surrogates, NUL).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

MAX_QUERY_CHARS = 20_000

#: Operators of read-only plans (Neo4j 5 names, without the "@database" suffix).
READ_OPERATORS = frozenset(
    {
        # leaves: scans and seeks
        "AllNodesScan",
        "NodeByLabelScan",
        "UnionNodeByLabelsScan",
        "IntersectionNodeByLabelsScan",
        "SubtractionNodeByLabelsScan",
        "NodeByIdSeek",
        "NodeByElementIdSeek",
        "NodeIndexSeek",
        "NodeUniqueIndexSeek",
        "MultiNodeIndexSeek",
        "AssertingMultiNodeIndexSeek",
        "NodeIndexSeekByRange",
        "NodeUniqueIndexSeekByRange",
        "NodeIndexScan",
        "NodeIndexContainsScan",
        "NodeIndexEndsWithScan",
        "DirectedRelationshipByIdSeek",
        "UndirectedRelationshipByIdSeek",
        "DirectedRelationshipByElementIdSeek",
        "UndirectedRelationshipByElementIdSeek",
        "DirectedAllRelationshipsScan",
        "UndirectedAllRelationshipsScan",
        "DirectedRelationshipTypeScan",
        "UndirectedRelationshipTypeScan",
        "DirectedUnionRelationshipTypesScan",
        "UndirectedUnionRelationshipTypesScan",
        "DirectedRelationshipIndexSeek",
        "UndirectedRelationshipIndexSeek",
        "DirectedRelationshipUniqueIndexSeek",
        "UndirectedRelationshipUniqueIndexSeek",
        "DirectedRelationshipIndexSeekByRange",
        "UndirectedRelationshipIndexSeekByRange",
        "DirectedRelationshipUniqueIndexSeekByRange",
        "UndirectedRelationshipUniqueIndexSeekByRange",
        "DirectedRelationshipIndexScan",
        "UndirectedRelationshipIndexScan",
        "DirectedRelationshipIndexContainsScan",
        "UndirectedRelationshipIndexContainsScan",
        "DirectedRelationshipIndexEndsWithScan",
        "UndirectedRelationshipIndexEndsWithScan",
        "NodeCountFromCountStore",
        "RelationshipCountFromCountStore",
        "Argument",
        "EmptyRow",
        # expansion and path finding
        "Expand(All)",
        "Expand(Into)",
        "OptionalExpand(All)",
        "OptionalExpand(Into)",
        "VarLengthExpand(All)",
        "VarLengthExpand(Into)",
        "VarLengthExpand(Pruning)",
        "VarLengthExpand(Pruning,BFS)",
        "VarLengthExpand(Pruning,BFS,All)",
        "VarLengthExpand(Pruning,BFS,Into)",
        "BFSPruningVarExpand",
        "ShortestPath",
        "StatefulShortestPath(All)",
        "StatefulShortestPath(Into)",
        "Repeat(Trail)",
        "Repeat(Walk)",
        "ProjectEndpoints",
        "TriadicSelection",
        "TriadicBuild",
        "TriadicFilter",
        # joins and subqueries
        "Apply",
        "SemiApply",
        "AntiSemiApply",
        "LetSemiApply",
        "LetAntiSemiApply",
        "SelectOrSemiApply",
        "SelectOrAntiSemiApply",
        "LetSelectOrSemiApply",
        "LetSelectOrAntiSemiApply",
        "RollUpApply",
        "ConditionalApply",
        "AntiConditionalApply",
        "CartesianProduct",
        "NodeHashJoin",
        "ValueHashJoin",
        "NodeLeftOuterHashJoin",
        "NodeRightOuterHashJoin",
        "Optional",
        "Anti",
        "Union",
        "OrderedUnion",
        # row operators
        "ProduceResults",
        "Projection",
        "Filter",
        "Limit",
        "ExhaustiveLimit",
        "Skip",
        "Sort",
        "PartialSort",
        "Top",
        "Top1WithTies",
        "PartialTop",
        "Distinct",
        "OrderedDistinct",
        "Aggregation",
        "EagerAggregation",
        "OrderedAggregation",
        "Unwind",
        "PartialUnwind",
        "Eager",
        "EmptyResult",
        "CacheProperties",
        "NullifyMetadata",
        "ProcedureCall",
    }
)
#: The only procedures a user query may call: schema introspection and full-text search.
ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "db.index.fulltext.querynodes",
        "db.index.fulltext.queryrelationships",
    }
)
#: Namespaces of Neo4j's built-in functions; any other namespaced function is a plugin's.
FUNCTION_NAMESPACES = frozenset(
    {
        "date",
        "datetime",
        "localdatetime",
        "localtime",
        "time",
        "duration",
        "point",
        "vector",
    }
)
_CALL = re.compile(
    r"((?:`[^`]*`|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:`[^`]*`|[A-Za-z_][\w$]*))+)"
    r"\s*\("
)
_SURROGATE = re.compile("[\ud800-\udfff]")


class ForbiddenCypherError(ValueError):
    """The query would write, administer the server or read files; the message says why."""


class CypherResultError(ValueError):
    """A query that planned fine but whose run or result the console cannot serve
    (a runtime error, a result nested too deep, more memory than one query may use)."""


def precheck(query: str) -> None:
    """The checks that need no parser: raise ForbiddenCypherError for an empty or oversized
    query and for characters no Bolt message can carry."""
    if not query.strip():
        raise ForbiddenCypherError("the query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise ForbiddenCypherError(f"the query is longer than {MAX_QUERY_CHARS} characters")
    if "\x00" in query or _SURROGATE.search(query):
        raise ForbiddenCypherError("the query contains NUL or unpaired surrogate characters")


def _walk(plan: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(operator, details) of every node of an EXPLAIN plan, the database suffix dropped."""
    operator = str(plan.get("operatorType", "")).split("@", 1)[0]
    details = (plan.get("args") or {}).get("Details") or ""
    yield operator, str(details)
    for child in plan.get("children") or ():
        yield from _walk(child)


def _dotted(name: str) -> str:
    return re.sub(r"\s+|`", "", name).lower()


def _check_procedure(details: str) -> None:
    match = _CALL.match(details.strip())
    name = _dotted(match.group(1)) if match else details.split("(", 1)[0].strip()
    if name not in ALLOWED_PROCEDURES:
        allowed = ", ".join(sorted(ALLOWED_PROCEDURES))
        raise ForbiddenCypherError(f"procedure '{name}' is not allowed; allowed: {allowed}")


def _check_functions(details: str) -> None:
    for match in _CALL.finditer(details):
        name = _dotted(match.group(1))
        if name.split(".", 1)[0] not in FUNCTION_NAMESPACES:
            raise ForbiddenCypherError(
                f"function '{name}' is not allowed: only Neo4j's built-in functions may run here"
            )


def check_plan(plan: Mapping[str, Any] | None, query_type: str | None) -> None:
    """Raise ForbiddenCypherError unless the EXPLAIN plan only reads (see module doc)."""
    if plan is None:
        raise ForbiddenCypherError("Neo4j returned no plan for the query")
    for operator, details in _walk(plan):
        if operator not in READ_OPERATORS:
            raise ForbiddenCypherError(
                f"'{operator}' is not allowed: this endpoint only reads "
                "the graph (no writes, LOAD CSV, SHOW, TERMINATE or "
                "administration)"
            )
        if operator == "ProcedureCall":
            _check_procedure(details)
            details = details.split("::", 1)[0].split("(", 1)[-1]  # the arguments only
        _check_functions(details)
    if query_type != "r":
        raise ForbiddenCypherError(f"Neo4j classifies the query as '{query_type}', not read-only")
