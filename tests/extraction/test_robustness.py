"""Bad input gives an empty or partial result with a warning, never a crash."""

from __future__ import annotations

from loaders.contract import ArticleMeta
from loaders.extract import MAX_CHARS, extract
from tests.extraction.conftest import run


def test_header_and_dateline_become_metadata_and_offsets_point_at_the_text() -> None:
    text = (
        " date 2024-02-01 Patna: JD(U) president Nitish Rai said, “We stay with the NDA "
        "for good.” He praised Prime Minister Narendra Modi."
    )
    doc = run(text, published=None)
    assert doc.article.published == "2024-02-01" and doc.article.dateline == "Patna"
    for rel in doc.relations:
        assert rel.evidence is not None
        assert text[rel.evidence.start : rel.evidence.end] == rel.evidence.sentence
    for q in doc.quotes:
        assert q.start is not None and text[q.start : q.end] == q.text


def test_empty_and_sentence_less_texts_give_empty_results_with_a_warning() -> None:
    assert run("   \n ").warnings
    doc = run("---- ... ----")
    assert doc.entities == [] and doc.relations == []


def test_a_huge_text_is_cut_with_a_warning() -> None:
    text = "The Congress met in Delhi. " * 90_000  # ~2.4 MB
    doc = extract(ArticleMeta(id="big", text=text))
    assert any(str(MAX_CHARS) in w for w in doc.warnings)


def test_non_english_text_warns_and_does_not_crash() -> None:
    doc = run("प्रधानमंत्री ने आज संसद में भाषण दिया और विपक्ष पर हमला किया।")
    assert any("English" in w for w in doc.warnings)
