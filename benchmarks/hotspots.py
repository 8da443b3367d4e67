"""Where polikg's own extraction time goes, beyond the spaCy model (pyinstrument).

Profiling `extract_docs` as a whole says "spaCy's pipe" for most of the time, since our
components run inside it. So every sampled moment is charged to the innermost polikg
function on its stack (anything under `loaders/`): a Matcher or regex our component calls is
our cost; the model's own components (tok2vec, tagger, parser, ner: spaCy frames entered
from `loaders/extract.py`, or seen with no Python caller, as Cython code often is) form a
separate "spaCy model" bucket. Samples with no Python frame at all are native code (mostly
the model) and are reported apart. The inclusive view adds each polikg function's callees.

    python -m benchmarks.hotspots --n 20
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.common import console

ROOT = Path(__file__).resolve().parents[1]
LOADERS = str(ROOT / "loaders") + "/"
EXTRACT = str(ROOT / "loaders" / "extract.py")
MODEL = "spaCy/thinc without a polikg caller (the model: tok2vec, tagger, parser, ner...)"
NATIVE = "no Python stack (native code, mostly the model's Cython) and extract.py glue"


def _is_spacy(path: str | None) -> bool:
    """spaCy or thinc code; Cython frames carry package-relative paths ("thinc/...")."""
    if not path:
        return False
    return any(path.startswith(p) or f"/{p}" in path for p in ("spacy/", "thinc/"))


def _charge(
    frame: Any, owner: str, stack: frozenset[str], costs: Counter[str], inclusive: Counter[str]
) -> None:
    """Self time to the innermost polikg function; total time to each polikg function once
    per stack (recursion is not counted twice)."""
    path = frame.file_path
    if path and path.startswith(LOADERS) and path != EXTRACT:
        owner = f"{frame.function} ({path[len(str(ROOT)) + 1 :]}:{frame.line_no})"
        if owner not in stack:
            inclusive[owner] += frame.time
            stack = stack | {owner}
    elif _is_spacy(path) and not owner.endswith(")"):
        owner = MODEL  # the model's own work, entered from extract.py or with no stack
    children = frame.children
    costs[owner] += max(frame.time - sum(c.time for c in children), 0.0)
    for child in children:
        _charge(child, owner, stack, costs, inclusive)


def profile_extraction(
    *, n: int, seed: int = 7, start: int = 0, top: int = 5, out: Path | None = None
) -> dict[str, Any]:
    """Profile extraction of n corpus articles in this process; the top polikg costs."""
    from pyinstrument import Profiler

    from app.config import Settings
    from benchmarks.ingest import corpus_slice
    from loaders.contract import ArticleMeta
    from loaders.extract import CHUNK, extract_docs
    from loaders.nlp.pipeline import load_pipeline

    metas = [ArticleMeta.model_validate(a) for a in corpus_slice(seed, start, n)]
    nlp = load_pipeline(Settings().spacy_model)
    extract_docs(metas[:2], nlp)  # lazy tables and first-call costs stay out of the profile
    profiler = Profiler(interval=0.001)
    with console.status(f"profiling extraction of {n} articles"):
        profiler.start()
        for i in range(0, n, CHUNK):
            extract_docs(metas[i : i + CHUNK], nlp)
        session = profiler.stop()
    root = session.root_frame()
    costs: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    if root is not None:
        _charge(root, NATIVE, frozenset(), costs, inclusive)
    total = sum(costs.values()) or 1.0
    if out is not None:
        out.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
    ours = [(k, v) for k, v in costs.most_common() if k.endswith(")") and "loaders/" in k]
    return {
        "articles": n,
        "seconds": round(session.duration, 2),
        "model_share": round(costs[MODEL] / total, 3),
        "polikg_share": round(sum(v for _, v in ours) / total, 3),
        "native_share": round(costs[NATIVE] / total, 3),
        "top": [
            {
                "function": k,
                "seconds": round(v, 2),
                "share": round(v / total, 3),
                "inclusive_share": round(inclusive[k] / total, 3),
            }
            for k, v in ours[:top]
        ],
        "top_inclusive": [
            {"function": k, "share": round(v / total, 3)} for k, v in inclusive.most_common(top)
        ],
        "profile_file": str(out) if out else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.hotspots",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--out", type=Path, help="also write pyinstrument's text report here")
    args = parser.parse_args(argv)
    result = profile_extraction(n=args.n, seed=args.seed, top=args.top, out=args.out)
    console.print(
        f"spaCy model {result['model_share']:.0%}, polikg {result['polikg_share']:.0%}"
        f", no stack {result['native_share']:.0%} of {result['seconds']} s"
    )
    for row in result["top"]:
        sys.stdout.write(f"{row['share']:6.1%} {row['seconds']:7.2f}s  {row['function']}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
