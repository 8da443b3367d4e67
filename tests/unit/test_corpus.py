"""The synthetic corpus must be reproducible and its planted facts true to its text.

Benchmarks score extractors against these facts, so a fact the text does not
support (or a quote that is not verbatim) would be charged to the extractor.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.corpus import MAX_WORDS, MIN_WORDS, generate, main, write
from benchmarks.corpus_phrases import (
    ALLIANCE,
    APPEARANCE,
    CRITICISM,
    FILLER,
    NEGATIVE_PAIR,
    NEGATIVE_PARTIES,
    NEGATIVE_PARTY,
    OFFICE_CURRENT,
    OFFICE_FORMER,
    QUOTE_FOLLOW,
    QUOTE_NAMED,
    SUPPORT,
)
from benchmarks.corpus_world import N_PEOPLE, build_world
from loaders.contract import Extraction

N = 100


@pytest.fixture(scope="module")
def docs() -> list[tuple[dict, dict]]:
    return list(generate(N, seed=3))


def _digest(out: Path) -> str:
    h = hashlib.sha256()
    for name in ("articles.jsonl", "facts.jsonl"):
        h.update((out / name).read_bytes())
    return h.hexdigest()


def test_same_seed_same_bytes_and_different_seed_differs(tmp_path: Path) -> None:
    write(30, 5, tmp_path / "a")
    write(30, 5, tmp_path / "b")
    write(30, 6, tmp_path / "c")
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_output_does_not_depend_on_hash_randomisation(tmp_path: Path) -> None:
    """Set iteration order varies with PYTHONHASHSEED; none may leak into the output."""
    root = Path(__file__).resolve().parents[2]
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.corpus",
                "--n",
                "20",
                "--seed",
                "4",
                "--out",
                str(tmp_path / hash_seed),
            ],
            cwd=root,
            env=env,
            check=True,
        )
    assert _digest(tmp_path / "1") == _digest(tmp_path / "2")


def test_prefix_is_stable(docs: list[tuple[dict, dict]]) -> None:
    """Article i does not depend on how many articles are asked for."""
    assert list(generate(5, seed=3)) == docs[:5]


def test_jsonl_lines_pair_up(tmp_path: Path) -> None:
    assert main(["--n", "12", "--seed", "9", "--out", str(tmp_path)]) == 0
    arts = (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    facts = (tmp_path / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(arts) == len(facts) == 12
    for a_line, f_line in zip(arts, facts, strict=True):
        art, fact = json.loads(a_line), json.loads(f_line)
        assert set(art) == {"id", "title", "published", "text"}
        assert art["id"] == fact["article"]["id"] and art["text"] == fact["article"]["text"]


def test_as_dev_writes_one_contract_per_article(tmp_path: Path) -> None:
    assert main(["--n", "4", "--seed", "1", "--out", str(tmp_path), "--as-dev"]) == 0
    files = sorted(tmp_path.glob("*.json"))
    assert len(files) == 4
    for f in files:
        doc = Extraction.model_validate_json(f.read_text(encoding="utf-8"))
        assert f.stem == doc.article.id


def test_all_validate_against_the_contract(docs: list[tuple[dict, dict]]) -> None:
    for _art, facts in docs:
        Extraction.model_validate(facts)


def test_relation_and_quote_ends_are_entities(docs: list[tuple[dict, dict]]) -> None:
    for _art, facts in docs:
        types = {e["id"]: e["type"] for e in facts["entities"]}
        for rel in facts["relations"]:
            assert rel["subject"] in types and rel["object"] in types
            if rel["type"] == "HOLDS_OFFICE":
                assert (types[rel["subject"]], types[rel["object"]]) == ("Person", "Office")
                assert rel["status"] in ("current", "former")
            if rel["type"] == "MEMBER_OF":
                assert (types[rel["subject"]], types[rel["object"]]) == ("Person", "Party")
        for quote in facts["quotes"]:
            assert types[quote["speaker"]] == "Person"
            assert all(a in types for a in quote["about"])


def test_every_alias_and_quote_is_in_the_text(docs: list[tuple[dict, dict]]) -> None:
    for _art, facts in docs:
        text = facts["article"]["text"]
        for ent in facts["entities"]:
            for alias in ent["aliases"]:
                assert alias in text, (facts["article"]["id"], alias)
            if ent["type"] in ("Person", "Party", "Alliance"):
                assert ent["name"] in text
        for quote in facts["quotes"]:
            assert quote["text"] in text
            assert len(quote["text"].split()) >= 3  # shorter ones are scare quotes


def test_word_counts_and_header(docs: list[tuple[dict, dict]]) -> None:
    for art, facts in docs:
        assert MIN_WORDS <= len(art["text"].split()) <= MAX_WORDS
        assert art["text"].startswith(f" date {art['published']}")
        dateline = facts["article"]["dateline"]
        if dateline:
            assert dateline.upper() in art["text"][:60].upper()


def test_people_keep_names_and_parties_across_articles(docs: list[tuple[dict, dict]]) -> None:
    world = build_world(3)
    by_name = {p.full: p for p in world.people}
    parties = {p.name: p.key for p in world.parties.values()}
    seen = 0
    for _art, facts in docs:
        ents = {e["id"]: e for e in facts["entities"]}
        for rel in facts["relations"]:
            if rel["type"] == "MEMBER_OF":
                person = by_name[ents[rel["subject"]]["name"]]
                assert parties[ents[rel["object"]]["name"]] == person.party
                seen += 1
    assert seen > N


def test_world_size_and_template_variety() -> None:
    world = build_world(3)
    assert len(world.people) == N_PEOPLE
    assert len({p.full for p in world.people}) == N_PEOPLE
    assert len({p.last for p in world.people}) < N_PEOPLE  # some share a surname
    fact_templates = (
        len(CRITICISM)
        + len(SUPPORT)
        + len(ALLIANCE)
        + len(OFFICE_CURRENT)
        + len(OFFICE_FORMER)
        + len(APPEARANCE)
        + len(QUOTE_NAMED)
        + len(QUOTE_FOLLOW)
        + len(NEGATIVE_PAIR)
        + len(NEGATIVE_PARTY)
        + len(NEGATIVE_PARTIES)
    )
    assert fact_templates + len(FILLER) >= 40


def test_negatives_plant_nothing() -> None:
    """ "did not criticise" sentences appear, and never with a planted relation."""
    found = 0
    for _art, facts in generate(60, seed=11):
        text = facts["article"]["text"]
        if "did not criticise" not in text and "stopped short of attacking" not in text:
            continue
        names = {e["id"]: e for e in facts["entities"]}
        for sentence in re.split(r"(?<=[.?!])\s+", text):
            if "did not criticise" in sentence or "stopped short of attacking" in sentence:
                found += 1
                head, tail = sentence.split(
                    " did not criticise "
                    if "did not" in sentence
                    else " stopped short of attacking "
                )
                for rel in facts["relations"]:
                    if rel["type"] != "CRITICIZED":
                        continue
                    subj = names[rel["subject"]]
                    obj = names[rel["object"]]
                    forms_s = [subj["name"], *subj["aliases"]]
                    forms_o = [obj["name"], *obj["aliases"]]
                    assert not (
                        head.strip() in forms_s
                        and tail.split(" by name")[0].split(" directly")[0] in forms_o
                    )
    assert found
