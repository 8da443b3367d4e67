"""Regression floor on the gold dev set, scored by shared/eval/score.py itself.

The floors sit just under the scores reached when they were set; a change that drops
below one has made extraction worse on real articles.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from loaders.article import read_articles
from loaders.contract import ArticleMeta
from loaders.extract import extract_many

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
FLOORS = {"entities": 0.98, "relations": 0.85, "quotes": 0.94}


def test_dev_set_scores_stay_above_their_floors(tmp_path: Path) -> None:
    gold = EVAL / "dev"
    if not (EVAL / "score.py").is_file():
        pytest.skip(f"no eval set at {EVAL}")
    articles = [a for a in read_articles(sorted(gold.glob("*.json")))
                if isinstance(a, ArticleMeta)]
    for doc in extract_many(articles):
        (tmp_path / f"{doc.article.id}.json").write_text(doc.model_dump_json())
    proc = subprocess.run([sys.executable, str(EVAL / "score.py"), str(gold), str(tmp_path),
                           "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(proc.stdout)
    achieved = {k: round(scores[k]["f1"], 3) for k in FLOORS}
    assert all(achieved[k] >= floor for k, floor in FLOORS.items()), achieved
