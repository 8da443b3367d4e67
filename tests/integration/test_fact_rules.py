"""Every fact ingested through the real loader names the rule that found it, in the graph
and in the API answers, so a researcher can trace a wrong fact to the rule to fix."""

from __future__ import annotations

from fastapi.testclient import TestClient
from neo4j import Driver

from app.config import Settings
from app.main import create_app

TEXT = (
    "New Delhi: BJP leader Asha Pillai slammed Congress MP Ravi Menon on Monday. "
    '"He has betrayed every farmer in this state," Pillai told reporters.'
)


def test_claims_and_quotes_carry_their_rule(graph: Driver, test_settings: Settings) -> None:
    with TestClient(create_app(test_settings)) as client:
        assert (
            client.post(
                "/articles", json={"id": "rules-1", "text": TEXT, "published": "2024-03-05"}
            ).status_code
            == 200
        )
        hits = client.get("/entities", params={"q": "Asha Pillai"}).json()["items"]
        pillai = hits[0]["id"]
        statements = client.get("/statements", params={"speaker": pillai}).json()["items"]
    assert statements and all(s["rule"] == "quote.speech_verb" for s in statements)
    records, _, _ = graph.execute_query(
        "MATCH (c:Claim)-[:IN]->(:Article {id: 'rules-1'}) RETURN c.type AS type, c.rule AS rule"
    )
    rules = {(r["type"], r["rule"]) for r in records}
    assert ("CRITICIZED", "stance.verb") in rules
    assert all(rule for _, rule in rules), rules
