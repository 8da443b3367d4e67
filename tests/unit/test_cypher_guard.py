"""The keyword check in front of POST /cypher (no database)."""

from __future__ import annotations

import pytest

from queries.cypher_guard import ForbiddenCypherError, check_read_only, strip_literals

READS = [
    "MATCH (n:Person {id: $id}) RETURN n.name AS name",
    "MATCH (n) WHERE n.name = 'CREATE (x)' RETURN n  // DELETE in a comment",
    'MATCH (n) WHERE n.note = "it\\"s SET" RETURN n /* MERGE */',
    "MATCH (n:`CREATE`) RETURN n",
    "MATCH (n:Set {delete: 1}) RETURN n.start AS start, $set AS s",
    "MATCH (c:Claim) RETURN c.start, c.end ORDER BY c.date DESC",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.index.fulltext.queryNodes('entity_names', 'kharge~') YIELD node RETURN node",
    "MATCH (n) CALL (n) { RETURN count(*) AS c } RETURN n, c",
    "MATCH (n) CALL { WITH n RETURN 1 AS x } RETURN x",
    "SHOW INDEXES",
]
WRITES = [
    "CREATE (n)", "create (n)", "MERGE (n:X {id: 1})", "MATCH (n) DELETE n",
    "MATCH (n) DETACH DELETE n", "MATCH (n) SET n.x = 1", "MATCH (n) REMOVE n.x",
    "DROP INDEX person_name", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "MATCH (n) FOREACH (x IN [1] | CREATE (:Y))", "CALL dbms.security.createUser('a', 'b')",
    "CALL dbms.listConfig()", "CALL db.create.setNodeVectorProperty(n, 'v', [])",
    "CALL db.clearQueryCaches()", "RETURN apoc.version()", "RETURN dbms.components()",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10 ROWS",
    "USE system SHOW USERS", "GRANT ROLE admin TO eve", "ALTER USER eve SET PASSWORD 'x'",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "SHOW SETTINGS",
    "MATCH (n) RETURN n UNION CREATE (m) RETURN m",
    "RETURN 'ok' AS a // comment\nCREATE (n)",
    "RETURN 'a\\'' AS x CREATE (n)",  # an escaped quote does not end the string early
    "CALL dbms . security . createUser('a', 'b')",
]


@pytest.mark.parametrize("query", READS)
def test_reads_pass(query: str) -> None:
    check_read_only(query)


@pytest.mark.parametrize("query", WRITES)
def test_writes_and_admin_are_refused(query: str) -> None:
    with pytest.raises(ForbiddenCypherError):
        check_read_only(query)


@pytest.mark.parametrize("query", ["", "   ", "RETURN 'open", "RETURN 1 /* open",
                                   "MATCH (n:`open) RETURN n", "RETURN 1" + " " * 20_000])
def test_malformed_or_oversized_queries_are_refused(query: str) -> None:
    with pytest.raises(ForbiddenCypherError):
        check_read_only(query)


def test_literals_and_comments_are_blanked() -> None:
    stripped = strip_literals("MATCH (n) WHERE n.x = 'DELETE' // SET\nRETURN `CREATE`")
    assert "DELETE" not in stripped and "SET" not in stripped and "CREATE" not in stripped
    assert "MATCH" in stripped and "RETURN" in stripped
