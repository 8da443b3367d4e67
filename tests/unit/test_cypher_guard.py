"""The plan check behind POST /cypher, on hand-built EXPLAIN plans (no database)."""

from __future__ import annotations

from typing import Any

import pytest

from queries.cypher_guard import ForbiddenCypherError, check_plan, precheck


def plan(*operators: tuple[str, str]) -> dict[str, Any]:
    """A linear plan: the first operator on top, each next one its only child."""
    node: dict[str, Any] | None = None
    for operator, details in reversed(operators):
        node = {
            "operatorType": f"{operator}@neo4j",
            "args": {"Details": details},
            "children": [node] if node else [],
        }
    assert node is not None
    return node


READS = [
    plan(("ProduceResults", "n"), ("Filter", "n.id = $id"), ("NodeByLabelScan", "n:Person")),
    plan(
        ("ProduceResults", "d"),
        (
            "Projection",
            "date.truncate($s, date()) AS d, point.distance(a, b) AS p, toUpper(x) AS u",
        ),
    ),
    plan(
        ("ProduceResults", "node"),
        ("ProcedureCall", "db.index.fulltext.queryNodes($autostring_0, $q) :: (node :: NODE)"),
    ),
    plan(("ProduceResults", "label"), ("ProcedureCall", "db.labels() :: (label :: STRING)")),
    plan(
        ("ProduceResults", "c"),
        ("EagerAggregation", "count(n) AS c"),
        ("Expand(All)", "(n)-[r]->(m)"),
        ("AllNodesScan", "n"),
    ),
]
REFUSED = [
    (plan(("ProduceResults", "l"), ("LoadCSV", "l")), "LoadCSV"),
    (plan(("ProduceResults", "x"), ("ShowTransactions", "allTransactions")), "ShowTransactions"),
    (plan(("ProduceResults", "x"), ("TerminateTransactions", "transactions(x)")), "Terminate"),
    (plan(("ProduceResults", "x"), ("ShowSettings", "allSettings")), "ShowSettings"),
    (plan(("AdministrationCommand", "")), "AdministrationCommand"),
    (plan(("ProduceResults", "n"), ("Create", "(n)")), "Create"),
    (
        plan(("ProduceResults", "v"), ("ProcedureCall", "dbms.listConfig() :: (name :: STRING)")),
        "dbms.listconfig",
    ),
    (
        plan(("ProduceResults", "v"), ("ProcedureCall", "db.clearQueryCaches() :: (v :: STRING)")),
        "db.clearquerycaches",
    ),
    (plan(("ProduceResults", "v"), ("Projection", "apoc.version() AS v")), "apoc.version"),
    (plan(("ProduceResults", "v"), ("Projection", "`apoc` . `load`.json($u) AS v")), "apoc"),
    (
        plan(("ProduceResults", "v"), ("ProcedureCall", "db.labels(dbms.x()) :: (l :: STRING)")),
        "dbms.x",
    ),
    (plan(("ProduceResults", "n"), ("SomeOperatorOfNeo4j6", "n")), "SomeOperatorOfNeo4j6"),
]


@pytest.mark.parametrize("tree", READS)
def test_read_plans_pass(tree: dict[str, Any]) -> None:
    check_plan(tree, "r")


@pytest.mark.parametrize(("tree", "named"), REFUSED)
def test_other_plans_are_refused_naming_the_reason(tree: dict[str, Any], named: str) -> None:
    with pytest.raises(ForbiddenCypherError, match=named):
        check_plan(tree, "r")


def test_a_plan_neo4j_calls_anything_but_read_only_is_refused() -> None:
    with pytest.raises(ForbiddenCypherError, match="'s'"):
        check_plan(READS[0], "s")
    with pytest.raises(ForbiddenCypherError):
        check_plan(None, "r")


@pytest.mark.parametrize(
    "query", ["", "   ", "RETURN 1" + " " * 20_000, "RETURN '\x00'", "RETURN '\ud800'"]
)
def test_precheck_refuses_what_needs_no_parser(query: str) -> None:
    with pytest.raises(ForbiddenCypherError):
        precheck(query)


def test_precheck_leaves_everything_else_to_neo4j() -> None:
    precheck("//\rLOAD CSV FROM 'file:///etc/passwd' AS l RETURN l")  # the plan decides
