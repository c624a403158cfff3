"""ingest: each bad input gives exactly one Rejection whose one-line reason names the file."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from newsevents.ingest import iter_inputs
from newsevents.options import Options
from newsevents.records import RawArticle, Rejection

SEED = "kyodo_2020-11-12_vice-fm-phone"


def _only(path: Path, **options) -> Rejection:
    records = list(iter_inputs([path], None, Options.build(**options)))
    assert len(records) == 1
    [record] = records
    assert isinstance(record, Rejection), record
    assert record.stage == "ingest"
    assert path.name in record.reason and "\n" not in record.reason
    return record


def test_empty_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\n\t\n", encoding="utf-8")
    assert "empty" in _only(path).reason


def test_binary_file(tmp_path, corpus_dir):
    page = next((corpus_dir.parent / "refdata" / "article-extraction-benchmark" / "html").iterdir())
    path = tmp_path / "page.txt"
    path.write_bytes(page.read_bytes())  # gzip bytes under a .txt name
    assert "binary" in _only(path).reason


def test_undecodable_text(tmp_path, corpus_dir):
    text = (corpus_dir / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8")
    path = tmp_path / "latin.txt"
    path.write_bytes(text.replace(" the ", " thé ").encode("latin-1", errors="replace"))
    assert "UTF-8" in _only(path).reason


def test_file_over_the_size_limit(tmp_path, corpus_dir):
    path = tmp_path / "big.txt"
    shutil.copy(corpus_dir / "seeds" / f"{SEED}.txt", path)
    reason = _only(path, max_input_bytes=1000).reason
    assert "limit" in reason


def test_html_without_main_text(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><a href='/'>Home</a></div><script>var x;</script>",
                    encoding="utf-8")
    assert "HTML" in _only(path).reason


def test_gzip_bytes_named_html(tmp_path, corpus_dir):
    text = (corpus_dir / "seeds" / f"{SEED}.txt").read_bytes()
    path = tmp_path / "packed.html"
    path.write_bytes(gzip.compress(text))
    assert "binary" in _only(path).reason


def test_unsupported_file_type_given_explicitly(corpus_dir):
    reason = _only(corpus_dir / "seeds" / "INDEX.md").reason
    assert "unsupported" in reason


def test_missing_path(tmp_path):
    assert "no such file" in _only(tmp_path / "nowhere.txt").reason


def test_malformed_jsonl_lines_are_rejected_one_by_one(tmp_path, corpus_dir):
    text = (corpus_dir / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8")
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "ok", "text": text}),
        '{"id": "cut", "text": "Seoul and Tokyo',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "nothing", "url": "https://example.com"}),
    ]) + "\n", encoding="utf-8")
    records = list(iter_inputs([path], None, Options()))
    assert [type(r).__name__ for r in records] == ["RawArticle", "Rejection", "Rejection",
                                                   "Rejection"]
    reasons = [r.reason for r in records[1:]]
    assert all("feed.jsonl line" in reason for reason in reasons)
    assert "not valid JSON" in reasons[0]
    assert "not a JSON object" in reasons[1]
    assert "'text' or 'html'" in reasons[2]
    assert [r.doc_id for r in records] == ["ok", "feed-2", "feed-3", "nothing"]


def test_one_bad_file_does_not_stop_the_others(tmp_path, corpus_dir):
    shutil.copy(corpus_dir / "seeds" / f"{SEED}.txt", tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    shutil.copy(corpus_dir / "seeds" / f"{SEED}.txt", tmp_path / "c.txt")
    records = list(iter_inputs([tmp_path], None, Options()))
    assert [type(r) for r in records] == [RawArticle, Rejection, RawArticle]


@pytest.mark.parametrize("bad", ['{"path": "a.txt"', '["a.txt"]'])
def test_unreadable_manifest_is_a_usage_error(tmp_path, bad):
    from newsevents.errors import UsageError

    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(bad + "\n", encoding="utf-8")
    with pytest.raises(UsageError):
        list(iter_inputs([tmp_path], manifest, Options()))
