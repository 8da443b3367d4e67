"""A profile bounded by its evidence limit, not by fame (issue 12).

A party member named in many articles: the profile's latest evidence of that membership is
read newest first from the Claim(pair, date) index and the read stops after the limit (plus
ties on its last date), where the former query sorted every claim of the tie. The evidence
equals that former read-everything-then-sort answer, across the dated/undated boundary and
with two claims on the date where the page ends.
"""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from loaders.contract import Extraction
from loaders.ingest import ingest_extractions
from queries import load
from queries.read import Reader, get_entity
from tests.integration.api_support import extraction

N_DATED = 60
N_UNDATED = 4
LIMIT = 5
ASHA = "person:asha-rao"
PAIR = f"{ASHA}|MEMBER_OF|party:testland-peoples-party"

#: The former evidence read: every claim of the tie, sorted (kept as the reference answer).
REFERENCE = """
MATCH (c:Claim {pair: $pair})
OPTIONAL MATCH (c)-[:IN]->(a:Article)
WITH c, a ORDER BY c.date IS NULL, c.date DESC, c.id LIMIT $evidence_limit
RETURN c.id AS claim_id
"""


def _article(i: int, published: str | None) -> Extraction:
    sentence = f"Asha Rao spoke for the Testland Peoples Party for the {i}th time."
    doc = extraction(
        f"member-{i:03d}",
        "2024-01-01",
        [
            {"id": "a", "name": "Asha Rao", "type": "Person"},
            {"id": "p", "name": "Testland Peoples Party", "type": "Party"},
        ],
        [
            {
                "type": "MEMBER_OF",
                "subject": "a",
                "object": "p",
                "evidence": {"start": 0, "end": len(sentence), "sentence": sentence},
            }
        ],
        text=sentence,
    )
    doc.article.published = published
    return doc


@pytest.fixture()
def member(graph: Driver) -> Reader:
    days = [f"2024-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}" for i in range(N_DATED)]
    days[-2] = days[-1]  # two claims on the newest day: the page ends inside a tie
    docs = [_article(i, day) for i, day in enumerate(days)]
    docs += [_article(N_DATED + i, None) for i in range(N_UNDATED)]
    assert not ingest_extractions(graph, docs, batch_size=40).failed
    return Reader(graph, "neo4j", 30.0)


def _claims_read(reader: Reader, **params: Any) -> int:
    """The most rows any node index seek of the profile's plan produced (PROFILE)."""
    with reader.driver.session() as session:
        plan = session.run("PROFILE " + load("read/get_entity"), params).consume().profile

    def walk(op: dict[str, Any]) -> int:
        own = op.get("rows", 0) if op["operatorType"].startswith("NodeIndexSeek") else 0
        return max([own, *(walk(child) for child in op.get("children", []))])

    return walk(plan)


def test_a_famous_ties_evidence_reads_the_limit_not_the_tie(member: Reader) -> None:
    read = _claims_read(member, id=ASHA, evidence_limit=LIMIT)
    assert 0 < read <= LIMIT + 2  # the limit and its ties, of 64 claims


@pytest.mark.parametrize("limit", [1, 2, LIMIT, N_DATED - 1, N_DATED + 2, 100])
def test_a_ties_evidence_equals_the_sorted_claims(member: Reader, limit: int) -> None:
    profile = get_entity(member, ASHA, evidence_limit=limit)
    assert profile is not None
    evidence = profile["parties"][0]["evidence"]
    records, _, _ = member.driver.execute_query(REFERENCE, pair=PAIR, evidence_limit=limit)
    assert [e["claim_id"] for e in evidence] == [r["claim_id"] for r in records]
    assert len(evidence) == min(limit, N_DATED + N_UNDATED)
    assert all(e["article"] is not None for e in evidence)
