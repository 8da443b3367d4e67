"""Readers turn files into articles and bad input into reported BadInput items."""

from __future__ import annotations

import json
from pathlib import Path

from loaders.article import BadInput, default_article_id, read_articles
from loaders.contract import ArticleMeta


def test_txt_id_is_the_file_stem_and_jsonl_keeps_given_ids(tmp_path: Path) -> None:
    (tmp_path / "a-story.txt").write_text("The minister spoke.")
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "x1", "text": "One.", "published": "2024-01-02"})
        + "\n\n"
        + json.dumps({"url": "https://example.org/2", "text": "Two."})
        + "\n"
        + json.dumps({"text": "Three."})
        + "\n"
    )
    items = list(read_articles([tmp_path]))
    assert all(isinstance(i, ArticleMeta) for i in items)
    ids = [i.id for i in items if isinstance(i, ArticleMeta)]
    assert ids == ["a-story", "x1", "https://example.org/2", default_article_id("Three.")]


def test_the_same_text_gets_the_same_id_whatever_its_whitespace() -> None:
    assert default_article_id("A  b\nc") == default_article_id("A b c")
    assert default_article_id("A b c") != default_article_id("A b d")


def test_a_contract_document_reads_as_its_article(tmp_path: Path) -> None:
    doc = {
        "article": {"id": "dev-9", "text": "Hello there.", "published": "2024-01-01"},
        "entities": [],
    }
    (tmp_path / "gold.json").write_text(json.dumps(doc))
    [item] = list(read_articles([tmp_path / "gold.json"]))
    assert isinstance(item, ArticleMeta) and item.id == "dev-9"


def test_bad_inputs_say_where_and_why(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01PNG")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (tmp_path / "big.txt").write_text("w " * 100)
    (tmp_path / "notes.md").write_text("ignored in folders, refused when named")
    items = list(
        read_articles([tmp_path, tmp_path / "notes.md", tmp_path / "nope.txt"], max_bytes=50)
    )
    bad = {Path(b.path).name: b.reason for b in items if isinstance(b, BadInput)}
    assert bad["empty.txt"] == "empty text"
    assert "binary" in bad["bin.txt"]
    assert "UTF-8" in bad["latin.txt"]
    assert "too large" in bad["big.txt"]
    assert "unsupported" in bad["notes.md"]
    assert "no such file" in bad["nope.txt"]
    assert str(BadInput("f.jsonl", "invalid JSON", 3)) == "f.jsonl:3: invalid JSON"
