"""The bulk loader's pure pieces: the in-memory stand-in for the `entity_names` full-text
index, the importer's CSV fields, and the edge fold (the integration test compares whole
graphs; these name the rules)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from loaders.bulk.aggregate import Point, fold_edge
from loaders.bulk.convert import BulkRefused, convert_shards
from loaders.bulk.csvfiles import ARRAY_DELIMITER, cell
from loaders.bulk.fulltext import FulltextIndex, analyse, parse_query, within_one_edit
from loaders.contract import Extraction
from loaders.resolve import NamedInArticle, lucene_terms
from loaders.shards import shard_name, write_shard


def test_analyse_breaks_words_like_the_standard_tokenizer() -> None:
    assert analyse("Dhankhar’s U.S. visit") == ["dhankhar’s", "u.s", "visit"]
    assert analyse("Jean-Luc O'Brien") == ["jean", "luc", "o'brien"]
    assert analyse("José") == ["josé"]  # no accent folding in the default analyser


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("gandhi", "gandhi", True),
        ("dhankar", "dhankhar", True),  # insertion
        ("kharge", "kharje", True),  # substitution
        ("kharge", "khagre", True),  # transposition counts as one edit
        ("kharge", "khrage", True),
        ("kharge", "kahrje", False),
        ("modi", "mod", True),
        ("singh", "sinhga", False),
    ],
)
def test_within_one_edit(a: str, b: str, near: bool) -> None:
    assert within_one_edit(a, b) is near
    assert within_one_edit(b, a) is near


def test_parse_query_reads_what_lucene_terms_writes() -> None:
    mention = NamedInArticle("Person", "Mallikarjun Kharge", ("Kharge",))
    clauses = parse_query(lucene_terms(mention))
    assert [(c.words, c.fuzzy) for c in clauses] == [
        (("kharge",), False),
        (("mallikarjun", "kharge"), False),
        (("kharge",), True),  # once per form, as lucene_terms writes it
        (("kharge",), True),
    ]


def test_search_phrases_need_adjacent_words_in_one_field() -> None:
    index = FulltextIndex()
    index.put("person:a", "Rahul Gandhi", ["Rahul Gandhi", "R. Gandhi"])
    index.put("person:b", "Gandhi Rahul", [])
    index.put("person:c", "Sonia Gandhi", ["Sonia"])
    assert index.search('"rahul gandhi"') == ["person:a"]
    assert index.search("gandhi~1") == ["person:a", "person:b", "person:c"]
    assert index.search('"sonia"') == ["person:c"]


def test_search_sees_renames_and_limits_like_lucene() -> None:
    index = FulltextIndex(limit=2)
    index.put("person:a", "Kharge", [])
    index.put("person:a", "Mallikarjun Kharge", ["Kharge"])  # re-indexed, not added twice
    assert index.search('"mallikarjun kharge"') == ["person:a"]
    index.put("person:b", "Ravi Kharje", [])
    index.put("person:c", "Kharge Mallikarjun Other", [])
    hits = index.search('"mallikarjun kharge" OR kharge~1')
    # most matching clauses first, then the shorter document (c's phrase is out of order)
    assert hits == ["person:a", "person:b"] and index.truncated == 1


def test_csv_cells_keep_null_and_empty_apart() -> None:
    assert cell(None) == ""  # no property
    assert cell("") == '""'  # an empty string
    assert cell('say "no"') == '"say ""no"""'
    assert cell(3) == "3" and cell(0.5) == "0.5"
    assert cell(date(2024, 2, 10)) == "2024-02-10"
    assert cell(["a", 'b"c']) == f'"a{ARRAY_DELIMITER}b""c"'
    assert cell([]) == ""  # CSV cannot say []: the loader sets those after the import
    with pytest.raises(ValueError, match="delimiter"):
        cell([f"x{ARRAY_DELIMITER}y"])


def test_fold_edge_is_the_refresh_query_in_python() -> None:
    def point(cid: str, day: date | None, status: str | None, conf: float = 1.0) -> Point:
        return Point(cid, day, status, conf, None, None, None, None)

    edge = fold_edge(
        ("person:a", "HOLDS_OFFICE", "office:b"),
        [
            point("c3", None, "former", 0.4),  # undated: sorted last, its status wins
            point("c2", date(2024, 1, 2), "current", 0.9),
            point("c1", date(2024, 1, 2), None),
            point("c0", date(2023, 5, 1), "current"),
        ],
    )
    assert (edge.claims, edge.first_seen, edge.last_seen) == (
        4,
        date(2023, 5, 1),
        date(2024, 1, 2),
    )
    assert (edge.confidence, edge.status) == (1.0, "former")


def _doc(aid: str, text: str) -> Extraction:
    return Extraction.model_validate(
        {
            "article": {"id": aid, "text": text, "published": "2024-02-10"},
            "entities": [
                {"id": "e1", "name": "Calla Ilvow", "type": "Person"},
                {"id": "e2", "name": "Progressive Labour Front", "type": "Party"},
            ],
            "relations": [{"type": "MEMBER_OF", "subject": "e1", "object": "e2"}],
        }
    )


def test_convert_counts_repeats_and_refuses_to_replace(tmp_path: Path) -> None:
    write_shard(tmp_path / "in" / shard_name(0), [_doc("a", "one"), _doc("b", "two")])
    write_shard(tmp_path / "in" / shard_name(1), [_doc("a", "one")])  # unchanged repeat
    plan = convert_shards([tmp_path / "in"], tmp_path / "csv", batch_size=2)
    assert (plan.new, plan.unchanged, plan.article_writes) == (2, 1, {"a": 2})
    assert plan.counts["entities"] == 2 and plan.counts["facts"] == 1  # resolved across both
    write_shard(tmp_path / "in" / shard_name(2), [_doc("b", "changed")])
    with pytest.raises(BulkRefused, match="article b comes twice"):
        convert_shards([tmp_path / "in"], tmp_path / "csv", batch_size=2)


def test_entity_links_are_what_build_rows_gives_the_resolver() -> None:
    """The resolver process commits `entity_links`; the rows the writer process builds
    must carry the very same aliases and party / office ties."""
    from benchmarks.corpus import generate
    from loaders.records import CONTEXT_TYPES, build_rows, entity_links

    for _, raw in generate(40, 3):
        doc = Extraction.model_validate(raw)
        ents = [e.id for e in doc.entities]
        if len(ents) < 3:
            continue
        # two local ids on one graph id, and one entity left unresolved
        ids = {e: f"g:{e}" for e in ents[1:]} | ({ents[1]: "g:shared", ents[2]: "g:shared"})
        rows, links = build_rows(doc, ids), entity_links(doc, ids)
        assert links.aliases == {m["entity"]: set(m["aliases"]) for m in rows.mentions}
        want = {(c["subject"], c["object"]) for c in rows.claims if c["type"] in CONTEXT_TYPES}
        assert set(links.context) == want


def test_a_failing_writer_process_fails_the_conversion(tmp_path: Path) -> None:
    """The writer process checks the documents it is told about; its error comes back."""
    from datetime import UTC, datetime

    from loaders.bulk.convert import _Writer
    from loaders.bulk.writer import BatchTodo

    write_shard(tmp_path / "in" / shard_name(0), [_doc("a", "one")])
    stamp = datetime.now(UTC)
    with (
        pytest.raises(RuntimeError, match="the shards changed"),
        _Writer([tmp_path / "in"], tmp_path / "csv", 2, stamp) as writer,
    ):
        writer.send(BatchTodo(0, [(0, "not-a", {"e1": "person:x"})]))
        writer.send(None)
        writer.result()
