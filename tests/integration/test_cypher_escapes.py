"""Issue 10: every known way out of the read-only console is refused, and leaves the graph,
the users, the settings and other clients' transactions as they were.

The queries are the ones that ran against the old word list (a `//` comment ended by a
bare carriage return, a keyword right after a backticked name, singular SHOW/TERMINATE
forms, admin procedures, LOAD CSV from files and loopback URLs) plus variants.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.neo4j_local import launcher_env
from queries import load, names

ESCAPES = [
    '//\rLOAD CSV FROM "file:///etc/passwd" AS l RETURN l',
    '//\r\nLOAD CSV FROM "file:///etc/passwd" AS l RETURN l',
    "/* x */LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    'MATCH (n) WHERE n:`Article` LOAD CSV FROM "file:///proc/self/environ" AS l RETURN l',
    "MATCH (n:`Article`)LOAD CSV FROM 'file:///proc/self/environ' AS l RETURN l LIMIT 1",
    "WITH 1 AS `x`LOAD CSV WITH HEADERS FROM 'file:///etc/hosts' AS l RETURN l",
    "load csv from 'file:///etc/passwd' as l return l",
    "LOAD CSV FROM $url AS l RETURN l",
    "SHOW TRANSACTION",
    "SHOW TRANSACTIONS",
    "show transactions yield *",
    "//\rSHOW TRANSACTIONS",
    "SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery",
    "TERMINATE TRANSACTION $tx",
    "//\rTERMINATE TRANSACTION $tx",
    "TERMINATE TRANSACTIONS $tx",
    "SHOW SETTING",
    "SHOW SETTINGS",
    "SHOW SETTINGS YIELD name, value RETURN name, value",
    "SHOW USERS",
    "//\rSHOW USERS",
    "SHOW CURRENT USER",
    "SHOW ROLES",
    "SHOW PRIVILEGES",
    "SHOW DATABASES",
    "SHOW PROCEDURES",
    "SHOW FUNCTIONS",
    "SHOW INDEXES",
    "SHOW CONSTRAINTS",
    "CALL dbms.listConfig()",
    "CALL dbms.listConfig() YIELD name, value RETURN name, value",
    "CALL `dbms`.`listConfig`()",
    "CALL dbms . listConfig()",
    "//\rCALL dbms.listConfig()",
    "CALL db.clearQueryCaches()",
    "CALL db.clearQueryCaches",
    "CALL dbms.components()",
    "CALL dbms.listConnections()",
    "CALL db.info()",
    "CALL db.ping()",
    "CREATE USER eve SET PASSWORD 'secret-pw-1' CHANGE NOT REQUIRED",
    "ALTER USER neo4j SET PASSWORD 'owned-pw-1'",
    "ALTER CURRENT USER SET PASSWORD FROM 'polikg-test-pw' TO 'owned-pw-1'",
    "DROP USER neo4j",
    "CREATE DATABASE foo",
    "CREATE (n:Intruder) RETURN n",
    "//\rCREATE (n:Intruder)",
    "MERGE (n:Intruder {id: 1})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) SET n.x = 1",
    "MATCH (n:Article) REMOVE n.text",
    "MATCH (n) FOREACH (x IN [1] | SET n.x = x)",
    "CALL { CREATE (n:Intruder) } RETURN 1",
    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS",
    "CREATE INDEX intruder FOR (n:Intruder) ON (n.y)",
    "DROP CONSTRAINT article_id",
    "MATCH (n) RETURN n.id AS x UNION CREATE (m:Intruder) RETURN m.id AS x",
    "RETURN 1 AS x; CREATE (n:Intruder)",
    "CYPHER runtime=slotted CREATE (n:Intruder)",
    "EXPLAIN CREATE (n:Intruder)",
    "PROFILE MATCH (n) RETURN n",
    "USE system SHOW USERS",
    "MATCH (n) WITH n LIMIT 1 CALL db.create.setNodeVectorProperty(n, 'v', [1.0])",
    "RETURN apoc.version()",
]


@pytest.fixture()
def loopback_http() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records what it is asked for (LOAD CSV must never ask)."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"a,b\n1,2\n")

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/data.csv", hits
    finally:
        server.shutdown()
        server.server_close()


def state(driver: Driver) -> dict[str, Any]:
    """What an escape could change: graph counts, labels, users, settings, indexes."""
    counts, _, _ = driver.execute_query(
        "MATCH (n) OPTIONAL MATCH (n)-[r]->() "
        "RETURN count(DISTINCT n) AS nodes, count(r) AS rels, "
        "collect(DISTINCT labels(n)) AS labels, "
        "sum(size(keys(n))) AS properties"
    )
    users, _, _ = driver.execute_query(
        "SHOW USERS YIELD user, roles, passwordChangeRequired", database_="system"
    )
    settings, _, _ = driver.execute_query(
        "CALL dbms.listConfig() YIELD name, value RETURN name, value"
    )
    indexes, _, _ = driver.execute_query("SHOW INDEXES YIELD name RETURN name")
    return {
        "graph": counts[0].data(),
        "users": [u.data() for u in users],
        "settings": {s["name"]: s["value"] for s in settings},
        "indexes": sorted(i["name"] for i in indexes),
    }


def test_every_escape_is_refused_and_changes_nothing(
    client: TestClient, session_driver: Driver, loopback_http: tuple[str, list[str]]
) -> None:
    url, hits = loopback_http
    before = state(session_driver)
    other = session_driver.session()
    running = other.begin_transaction()  # another client's work, which TERMINATE targeted
    running.run("RETURN 1").consume()
    [tx], _, _ = session_driver.execute_query(
        "SHOW TRANSACTIONS YIELD transactionId, currentQuery "
        "WHERE currentQuery = '' OR currentQuery IS NULL OR currentQuery = 'RETURN 1' "
        "RETURN transactionId LIMIT 1"
    )
    queries = [
        *ESCAPES,
        f"LOAD CSV FROM '{url}' AS l RETURN l",
        f"//\rLOAD CSV WITH HEADERS FROM '{url}' AS l RETURN l",
    ]
    refused = 0
    try:
        for query in queries:
            response = client.post(
                "/cypher",
                json={
                    "query": query,
                    "parameters": {"url": "file:///etc/passwd", "tx": tx["transactionId"]},
                },
            )
            assert response.status_code == 400, (query, response.text)
            assert response.json()["detail"].startswith("query refused"), query
            refused += 1
        assert running.run("RETURN 2 AS two").single()["two"] == 2  # not terminated
    finally:
        running.close()
        other.close()
    assert refused == len(queries)
    assert hits == []
    assert state(session_driver) == before


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (p:Person)-[r]->(x) RETURN p.name AS name, type(r) AS t, count(*) AS n "
        "ORDER BY n DESC, name LIMIT 5",
        "MATCH (a:Article) RETURN count(a) AS articles, min(a.published) AS first",
        "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score "
        "RETURN node.id AS id, score LIMIT 3",
        "CALL db.labels() YIELD label RETURN label ORDER BY label",
        "CALL db.schema.visualization()",
        "CALL db.relationshipTypes()",
        "CALL db.propertyKeys()",
        "RETURN date.truncate('month', date('2024-02-10')) AS month, toUpper($q) AS q",
        "MATCH p = shortestPath((a:Person)-[*..4]-(b:Party)) RETURN length(p) AS hops LIMIT 1",
        "MATCH (n:Person) WHERE n.name STARTS WITH 'M' WITH n ORDER BY n.name "
        "RETURN collect(n.name)[..3] AS names",
        "UNWIND $ids AS id OPTIONAL MATCH (e:Entity {id: id}) RETURN id, e IS NOT NULL AS known",
        "MATCH (n) WHERE n:`Person` RETURN n.id AS id LIMIT 1 // a comment\r",
    ],
)
def test_ordinary_reads_still_run(client: TestClient, query: str) -> None:
    response = client.post(
        "/cypher",
        json={
            "query": query,
            "parameters": {"q": "kharge", "ids": ["person:mallikarjun-kharge", "nobody"]},
        },
    )
    assert response.status_code == 200, response.text
    assert response.json()["columns"]


@pytest.mark.parametrize("name", [n for n in names() if n.startswith("read/")])
def test_every_read_query_of_the_api_passes_the_plan_check(client: TestClient, name: str) -> None:
    """The operator allow-list is complete enough for our own reads (parameters null)."""
    text = load(name)
    params = {p: None for p in _parameters(text)}
    response = client.post("/cypher", json={"query": text, "parameters": params})
    assert response.status_code in (200, 400), response.text
    assert not response.json().get("detail", "").startswith("query refused:"), response.text


def _parameters(text: str) -> set[str]:
    import re

    return set(re.findall(r"\$(\w+)", text))


def test_neo4j_itself_refuses_file_urls_and_keeps_secrets_out_of_its_environment(
    session_driver: Driver, neo4j_auth: tuple[str, str], neo4j_uri: str
) -> None:
    [setting], _, _ = session_driver.execute_query(
        "CALL dbms.listConfig('dbms.security.allow_csv_import_from_file_urls') "
        "YIELD name, value RETURN value"
    )
    assert setting["value"] == "false"
    env = launcher_env(
        {"PATH": "/bin", "POLIKG_API_KEY": "k", "NEO4J_PASSWORD": "p", "AWS_SECRET_ACCESS_KEY": "s"}
    )
    assert env == {"PATH": "/bin"}
    for pid in _launcher_pids(port=neo4j_uri.rsplit(":", 1)[-1]):
        environ = Path(f"/proc/{pid}/environ").read_bytes()
        assert neo4j_auth[1].encode() not in environ
        assert b"POLIKG_API_KEY" not in environ and b"NEO4J_PASSWORD" not in environ


def _launcher_pids(*, port: str) -> list[int]:
    """The test server's launcher (when this session started it): `Launcher HOME PORT ..`."""
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0") if entry.name.isdigit() else []
            if b"Launcher" in args and args[args.index(b"Launcher") + 2] == port.encode():
                pids.append(int(entry.name))
        except (OSError, IndexError):
            continue
    return pids
