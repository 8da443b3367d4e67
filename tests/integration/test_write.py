"""The writer on contract documents (gold annotations, no NLP): idempotence, entity
resolution across articles, replacement of an article's facts, aggregated edges."""

from __future__ import annotations

from neo4j import Driver

from loaders.contract import Extraction
from loaders.ingest import ingest_extractions
from tests.integration.api_support import gold_docs
from tests.integration.graph_checks import aggregated_edges_agree_with_claims, snapshot


def doc(
    article_id: str,
    text: str,
    entities: list[dict],
    relations: list[dict] | None = None,
    published: str = "2024-03-01",
) -> Extraction:
    return Extraction.model_validate(
        {
            "article": {"id": article_id, "text": text, "published": published},
            "entities": entities,
            "relations": relations or [],
            "quotes": [],
            "extractor_version": "test",
        }
    )


def test_same_corpus_twice_gives_the_same_graph(graph: Driver) -> None:
    docs = gold_docs()
    first = ingest_extractions(graph, docs, batch_size=4)
    before = snapshot(graph)
    second = ingest_extractions(graph, docs, batch_size=3)
    assert len(first.new) == len(docs) and len(second.unchanged) == len(docs)
    assert second.nodes_created == second.relationships_created == 0
    assert snapshot(graph) == before


def test_people_named_in_several_articles_are_one_node(graph: Driver) -> None:
    ingest_extractions(graph, gold_docs(), batch_size=5)
    records, _, _ = graph.execute_query("""
        MATCH (p:Person) WHERE p.name IN ['Rahul Gandhi', 'Mallikarjun Kharge', 'Mamata Banerjee',
                                           'Jagdeep Dhankhar']
        RETURN p.name AS name, count(*) AS nodes,
               size([(p)-[:MENTIONED_IN]->(a) | a]) AS articles""")
    by_name = {r["name"]: r for r in records}
    assert set(by_name) == {
        "Rahul Gandhi",
        "Mallikarjun Kharge",
        "Mamata Banerjee",
        "Jagdeep Dhankhar",
    }
    assert all(r["nodes"] == 1 and r["articles"] >= 2 for r in records)
    dupes, _, _ = graph.execute_query(
        "MATCH (p:Person) WITH p.key AS key, count(*) AS n WHERE n > 1 RETURN key"
    )
    assert dupes == []


def test_people_sharing_a_surname_stay_apart_and_surnames_join_the_right_one(graph: Driver) -> None:
    party = {
        "id": "p",
        "name": "Indian National Congress",
        "type": "Party",
        "aliases": ["Congress"],
    }
    ingest_extractions(
        graph,
        [
            doc(
                "a1",
                "Sonia Gandhi spoke.",
                [{"id": "s", "name": "Sonia Gandhi", "type": "Person"}, party],
                [{"type": "MEMBER_OF", "subject": "s", "object": "p"}],
            ),
            doc(
                "a2", "Rahul Gandhi spoke.", [{"id": "r", "name": "Rahul Gandhi", "type": "Person"}]
            ),
            doc(
                "a3",
                "Mr Dhankar spoke to Jagdeep Dhankhar's aides.",
                [{"id": "j", "name": "Jagdeep Dhankhar", "type": "Person"}],
            ),
            doc("a4", "Dhankar replied.", [{"id": "d", "name": "Dhankar", "type": "Person"}]),
            doc(
                "a5",
                "Congress leader Gandhi spoke.",
                [{"id": "g", "name": "Gandhi", "type": "Person"}, party],
                [{"type": "MEMBER_OF", "subject": "g", "object": "p"}],
            ),
        ],
    )
    records, _, _ = graph.execute_query(
        "MATCH (p:Person) RETURN p.name AS name, [(p)-[:MENTIONED_IN]->(a) | a.id] AS arts"
    )
    people = {r["name"]: sorted(r["arts"]) for r in records}
    assert people["Sonia Gandhi"] == ["a1", "a5"]  # bare surname joined through the party
    assert people["Rahul Gandhi"] == ["a2"]
    assert people["Jagdeep Dhankhar"] == ["a3", "a4"]  # spelling variant
    assert len(people) == 3


def test_replacing_an_article_replaces_its_facts_only(graph: Driver) -> None:
    docs = gold_docs()
    ingest_extractions(graph, docs)
    others_before = snapshot(graph)
    changed = docs[0].model_copy(deep=True)
    changed.article.text += "\nA correction was appended."
    changed.relations = [r for r in changed.relations if r.type != "CRITICIZED"]
    result = ingest_extractions(graph, [changed])
    assert result.replaced == [changed.article.id]
    crit, _, _ = graph.execute_query(
        "MATCH (c:Claim {type: 'CRITICIZED'})-[:IN]->(:Article {id: $id}) RETURN count(c) AS n",
        id=changed.article.id,
    )
    assert crit[0]["n"] == 0
    assert aggregated_edges_agree_with_claims(graph) == []
    # Putting the original back restores exactly the original graph.
    ingest_extractions(graph, [docs[0]])
    assert snapshot(graph) == others_before


def test_aggregated_edges_agree_with_their_claims(graph: Driver) -> None:
    ingest_extractions(graph, gold_docs(), batch_size=2)
    assert aggregated_edges_agree_with_claims(graph) == []
    records, _, _ = graph.execute_query(
        "MATCH ()-[e:CRITICIZED]->() RETURN count(e) AS n, sum(e.claims) AS claims"
    )
    assert records[0]["n"] > 0


def test_entities_left_without_mentions_are_removed(graph: Driver) -> None:
    ingest_extractions(
        graph, [doc("x1", "Ana Velo spoke.", [{"id": "a", "name": "Ana Velo", "type": "Person"}])]
    )
    ingest_extractions(graph, [doc("x1", "Nobody spoke.", [])])
    records, _, _ = graph.execute_query("MATCH (p:Person) RETURN count(p) AS n")
    assert records[0]["n"] == 0


def test_aliases_are_the_forms_of_the_articles_that_mention_the_entity(graph: Driver) -> None:
    """Added batch by batch without rereading every mention; a replaced article's forms go."""

    def kharge(article_id: str, form: str) -> Extraction:
        return doc(
            article_id,
            f"{form} spoke.",
            [{"id": "k", "name": "Mallikarjun Kharge", "type": "Person", "aliases": [form]}],
        )

    def aliases() -> list[str]:
        records, _, _ = graph.execute_query(
            "MATCH (p:Person {name: 'Mallikarjun Kharge'}) RETURN p.aliases AS aliases"
        )
        assert len(records) == 1
        return list(records[0]["aliases"])

    ingest_extractions(graph, [kharge("k1", "Kharge")])
    ingest_extractions(graph, [kharge("k2", "Mr Kharge"), kharge("k3", "Kharge")])
    assert aliases() == ["Kharge", "Mallikarjun Kharge", "Mr Kharge"]
    replaced = kharge("k2", "Kharge ji")
    replaced.article.text += " Corrected."
    ingest_extractions(graph, [replaced])
    assert aliases() == ["Kharge", "Kharge ji", "Mallikarjun Kharge"]


def _stance_doc(article_id: str, published: str, stance: str | None) -> Extraction:
    """One dated article in which Asha Rao takes `stance` toward Bala Iyer (None: no fact)."""
    people = [
        {"id": "e1", "name": "Asha Rao", "type": "Person"},
        {"id": "e2", "name": "Bala Iyer", "type": "Person"},
    ]
    relations = [{"type": stance, "subject": "e1", "object": "e2"}] if stance else []
    text = f"Asha Rao spoke about Bala Iyer on {published} ({stance or 'no stance'})."
    return doc(article_id, text, people, relations, published=published)


def _turns(graph: Driver) -> dict[str, str]:
    records, _, _ = graph.execute_query(
        "MATCH (t:Turn) RETURN t.date AS date, t.to_type AS to, elementId(t) AS node"
    )
    return {f"{r['date'].iso_format()} {r['to']}": r["node"] for r in records}


def test_turnarounds_follow_new_and_replaced_articles_and_unchanged_ones_stay(
    graph: Driver,
) -> None:
    """Each batch rewrites only the turnarounds that changed: one whose claims are the same
    keeps its node (and a graph client's handle on it), while added and replaced articles
    still move, add and remove turns."""
    ingest_extractions(graph, [_stance_doc("t1", "2024-01-01", "SUPPORTED")])
    ingest_extractions(graph, [_stance_doc("t2", "2024-02-01", "CRITICIZED")])
    first = _turns(graph)
    assert list(first) == ["2024-02-01 CRITICIZED"]
    ingest_extractions(graph, [_stance_doc("t3", "2024-03-01", "CRITICIZED")])
    assert _turns(graph) == first  # same stance again: nothing new, the node untouched
    ingest_extractions(graph, [_stance_doc("t4", "2024-04-01", "SUPPORTED")])
    second = _turns(graph)
    assert sorted(second) == ["2024-02-01 CRITICIZED", "2024-04-01 SUPPORTED"]
    assert second["2024-02-01 CRITICIZED"] == first["2024-02-01 CRITICIZED"]
    # t2 corrected to say nothing: the turn moves to March, April's turn stays as it was
    ingest_extractions(graph, [_stance_doc("t2", "2024-02-01", None)])
    third = _turns(graph)
    assert sorted(third) == ["2024-03-01 CRITICIZED", "2024-04-01 SUPPORTED"]
    assert third["2024-04-01 SUPPORTED"] == second["2024-04-01 SUPPORTED"]
    assert aggregated_edges_agree_with_claims(graph) == []
