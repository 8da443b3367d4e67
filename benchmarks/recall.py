"""Extraction quality on the synthetic corpus, scored by ../shared/eval/score.py itself.

The generator's planted facts are correct by construction and already in the contract's
shape, so they serve as gold: gold and predictions are written to folders, one
`<article id>.json` each, and scored with score.py's own pairing and matching (imported by
path, so the benchmark can never drift from the scorer `make eval` uses). Without the eval
kit beside the repository the scoring is skipped, not faked.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from benchmarks.common import console

SCORE_PY = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def load_score() -> ModuleType | None:
    """../shared/eval/score.py as a module, or None when this checkout has no eval kit."""
    if not SCORE_PY.is_file():
        return None
    spec = importlib.util.spec_from_file_location("polikg_eval_score", SCORE_PY)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_sample(seed: int, start: int, n: int, pred_dir: Path) -> dict[str, Any] | None:
    """score.py's tallies (tp, fp, fn, p, r, f1) per category, gold = the planted facts."""
    score = load_score()
    if score is None:
        console.print(f"[yellow]{SCORE_PY} not found: recall not scored")
        return None
    from benchmarks.corpus import article
    from benchmarks.corpus_world import build_world

    gold_dir = pred_dir.parent / "gold"
    gold_dir.mkdir(exist_ok=True)
    world = build_world(seed)
    for i in range(start, start + n):
        facts = article(world, seed, i)[1]
        (gold_dir / f"{facts['article']['id']}.json").write_text(
            json.dumps(facts, ensure_ascii=False), encoding="utf-8"
        )
    total = score.Tally()
    for _name, gold, pred in score.pairs(gold_dir, pred_dir):
        one = score.Tally()
        score.score_doc(gold, pred, one)
        for cat, row in one.c.items():
            total.add(cat, *row)
    cats = [
        "entities",
        *[f"entity:{t}" for t in score.SCORED_ENTITY_TYPES],
        "relations",
        *[f"relation:{t}" for t in score.RELATION_TYPES],
        "quotes",
    ]
    keys = ("tp", "fp", "fn", "p", "r", "f1")
    return {c: {k: round(v, 3) for k, v in zip(keys, total.prf(c), strict=True)} for c in cats}
