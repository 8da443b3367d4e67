"""Contract JSONL shards: written atomically, read back equal, bad lines reported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from loaders.article import BadInput
from loaders.contract import ArticleMeta, Entity, Extraction
from loaders.shards import count_documents, read_shards, shard_name, write_shard


def _doc(i: int) -> Extraction:
    return Extraction(
        article=ArticleMeta(id=f"a{i}", text=f"Text {i}.", published="2024-01-02"),
        entities=[Entity(id="e1", name="Asha Rao", type="Person")],
        extractor_version="v-test",
    )


def test_a_shard_reads_back_the_documents_it_was_written_from(tmp_path: Path) -> None:
    docs = [_doc(i) for i in range(3)]
    write_shard(tmp_path / shard_name(0), docs)
    assert list(read_shards([tmp_path])) == docs
    assert not list(tmp_path.glob("*.tmp"))
    assert count_documents([tmp_path]) == 3


def test_shards_are_read_in_name_order(tmp_path: Path) -> None:
    write_shard(tmp_path / shard_name(10), [_doc(10)])
    write_shard(tmp_path / shard_name(2), [_doc(2)])
    ids = [d.article.id for d in read_shards([tmp_path]) if isinstance(d, Extraction)]
    assert ids == ["a2", "a10"]


def test_a_malformed_line_is_reported_with_its_place_and_the_rest_is_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / shard_name(0)
    write_shard(path, [_doc(0), _doc(1)])
    lines = path.read_text().splitlines()
    lines.insert(1, '{"article": {"id": "x"')  # truncated JSON
    lines.insert(2, '{"article": {"id": "y", "text": "t"}, "bogus": 1}')  # not the contract
    path.write_text("\n".join(lines) + "\n")
    items = list(read_shards([path]))
    bad = [i for i in items if isinstance(i, BadInput)]
    good = [i for i in items if isinstance(i, Extraction)]
    assert [d.article.id for d in good] == ["a0", "a1"]
    assert [(b.line, b.reason.split(" (")[0]) for b in bad] == [
        (2, "not JSON"),
        (3, "not a contract document"),
    ]
    assert str(path) in str(bad[0])


def test_the_load_path_imports_no_nlp() -> None:
    code = (
        "import sys, loaders.load, loaders.shards, app.commands.cluster; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc') "
        "or m.startswith('loaders.nlp') or m == 'loaders.extract'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
