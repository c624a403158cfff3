"""ingest: .txt folders with a manifest, sidecars, HTML, JSONL, stdin, unique doc_ids."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from newsevents.ingest import iter_inputs, load_manifest, sniff_format
from newsevents.options import Options
from newsevents.records import RawArticle, Rejection

SEED = "yonhap_2020-11-12_vice-fm-phone"


def _records(paths, manifest=None, **options):
    return list(iter_inputs(paths, manifest, Options.build(**options)))


def _seed_text(corpus_dir: Path, name: str = SEED) -> str:
    return (corpus_dir / "seeds" / f"{name}.txt").read_text(encoding="utf-8")


def _page(text: str, title: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return (f"<html><head><title>{title}</title>"
            '<meta property="article:published_time" content="2020-11-12T10:00:00+09:00">'
            '<meta property="og:site_name" content="Yonhap News Agency"></head>'
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs}"
            "</article><footer>(C) Yonhap News Agency</footer></body></html>")


def test_folder_with_manifest_gives_metadata_and_doc_ids(corpus_dir):
    folder = corpus_dir / "seeds"
    records = _records([folder], folder / "manifest.jsonl")
    assert all(isinstance(r, RawArticle) for r in records)
    assert [r.doc_id for r in records] == sorted(p.stem for p in folder.glob("*.txt"))
    yonhap = next(r for r in records if r.doc_id == SEED)
    assert yonhap.meta.outlet == "Yonhap"
    assert yonhap.meta.pub_date == "2020-11-12"
    assert yonhap.meta.pub_date_source == "manifest"
    assert yonhap.meta.url.startswith("https://en.yna.co.kr/")
    assert yonhap.text == _seed_text(corpus_dir)


def test_folder_walk_skips_gold_json_index_and_manifest(corpus_dir):
    records = _records([corpus_dir / "dev"])
    sources = {Path(r.source_path).suffix for r in records}
    assert sources == {".txt"}
    assert len(records) == len(list((corpus_dir / "dev").glob("*.txt")))


def test_folder_manifest_is_used_when_none_is_given(corpus_dir):
    records = _records([corpus_dir / "seeds"])
    assert all(r.meta.pub_date_source == "manifest" for r in records)


def test_csv_manifest_with_relative_paths(tmp_path, corpus_dir):
    shutil.copy(corpus_dir / "seeds" / f"{SEED}.txt", tmp_path / "a.txt")
    (tmp_path / "meta.csv").write_text(
        "path,doc_id,url,outlet,pub_date\na.txt,vice-fm,,Yonhap,2020-11-12\n", encoding="utf-8")
    manifest = load_manifest(tmp_path / "meta.csv")
    entry = manifest.entry_for(tmp_path / "a.txt")
    assert entry is not None and entry.doc_id == "vice-fm"
    [record] = _records([tmp_path / "a.txt"], tmp_path / "meta.csv")
    assert record.doc_id == "vice-fm" and record.meta.outlet == "Yonhap"


def test_sidecar_metadata(tmp_path, corpus_dir):
    shutil.copy(corpus_dir / "seeds" / f"{SEED}.txt", tmp_path / "story.txt")
    (tmp_path / "story.meta.json").write_text(
        json.dumps({"outlet": "Yonhap", "pub_date": "2020-11-12"}), encoding="utf-8")
    records = _records([tmp_path])
    assert len(records) == 1
    assert records[0].meta.pub_date_source == "sidecar"
    assert records[0].meta.outlet == "Yonhap"


def test_html_page_gives_main_text_and_page_metadata(tmp_path, corpus_dir):
    body = "\n".join(_seed_text(corpus_dir).splitlines()[1:10])
    title = "Vice FMs of S. Korea, Japan agree on need for close communication"
    (tmp_path / "page.html").write_text(_page(body, title), encoding="utf-8")
    [record] = _records([tmp_path / "page.html"])
    assert isinstance(record, RawArticle) and record.fmt == "html"
    assert "The vice foreign ministers of South Korea and Japan spoke" in record.text
    assert "Home" not in record.text.splitlines()
    assert record.html is not None and "<article>" in record.html
    assert record.meta.pub_date == "2020-11-12"
    assert record.meta.pub_date_source == "html-meta"
    assert record.meta.title == title


def test_jsonl_articles_with_text_html_and_ids(tmp_path, corpus_dir):
    text = _seed_text(corpus_dir)
    lines = [
        json.dumps({"id": "first", "text": text, "outlet": "Yonhap", "pub_date": "2020-11-12"}),
        "",
        json.dumps({"html": _page(text, "Vice FMs agree"), "url": "https://en.yna.co.kr/x"}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = _records([tmp_path / "batch.jsonl"])
    assert [r.doc_id for r in records] == ["first", "batch-3"]
    assert records[0].meta.pub_date_source == "jsonl"
    assert records[1].html is not None and "spoke over the phone" in records[1].text


def test_duplicate_doc_ids_are_made_unique(corpus_dir):
    path = corpus_dir / "seeds" / f"{SEED}.txt"
    records = _records([path, path])
    assert [r.doc_id for r in records] == [SEED, f"{SEED}-2"]


def test_stdin_text(monkeypatch, corpus_dir):
    data = _seed_text(corpus_dir).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [record] = _records(["-"])
    assert isinstance(record, RawArticle)
    assert record.doc_id == "stdin" and record.source_path == "-"
    assert record.text.startswith("Vice FMs of S. Korea")


@pytest.mark.parametrize(("content", "expected"), [
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ('{"text": "Seoul and Tokyo agreed."}\n', "jsonl"),
    ("SEOUL, Nov. 12 (Yonhap) -- The vice foreign ministers spoke.", "txt"),
])
def test_stdin_format_is_sniffed(content, expected):
    assert sniff_format(content) == expected


def test_every_input_is_accounted_for(tmp_path, corpus_dir):
    shutil.copy(corpus_dir / "seeds" / f"{SEED}.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    records = _records([tmp_path, tmp_path / "missing.txt"])
    kinds = {r.doc_id: type(r).__name__ for r in records}
    assert kinds == {"empty": "Rejection", "good": "RawArticle", "missing": "Rejection"}
    assert all(r.stage == "ingest" for r in records if isinstance(r, Rejection))


def test_real_news_page_from_the_extraction_benchmark(tmp_path, corpus_dir):
    import gzip

    bench = corpus_dir.parent / "refdata" / "article-extraction-benchmark"
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    item = next(k for k, v in sorted(truth.items()) if "reuters.com" in v["url"])
    page = gzip.decompress((bench / "html" / f"{item}.html.gz").read_bytes())
    (tmp_path / "reuters.html").write_bytes(page)
    [record] = _records([tmp_path / "reuters.html"])
    assert isinstance(record, RawArticle)
    first_sentence = truth[item]["articleBody"].split("\n")[0][:60]
    assert first_sentence in record.text
    assert record.meta.title and record.meta.pub_date_source == "html-meta"


def test_nested_folders_use_their_own_manifests(tmp_path, corpus_dir):
    for name in ("seeds", "dev"):
        shutil.copytree(corpus_dir / name, tmp_path / name)
    records = _records([tmp_path])
    assert len(records) == 17 and all(isinstance(r, RawArticle) for r in records)
    assert all(r.meta.pub_date_source == "manifest" for r in records)


def test_html_page_saved_as_txt_is_read_as_html(tmp_path, corpus_dir):
    body = "\n".join(_seed_text(corpus_dir).splitlines()[1:6])
    (tmp_path / "page.txt").write_text(_page(body, "Vice FMs agree"), encoding="utf-8")
    [record] = _records([tmp_path / "page.txt"])
    assert record.fmt == "html" and "<p>" not in record.text


def test_jsonl_from_common_scrapers_is_read_under_their_field_names(tmp_path, corpus_dir):
    """news-please ("maintext", "date_publish", "source_domain") and GDELT-like exports
    ("content", "seendate" in compact form, "link") need no renaming."""
    text = (corpus_dir / "seeds" / "yonhap_2020-11-12_vice-fm-phone.txt").read_text("utf-8")
    records = [
        {"maintext": text, "date_publish": "2020-11-12 10:31:00", "source_domain": "Yonhap",
         "url": "https://en.yna.co.kr/view/AEN20201112011100325", "title": "Vice FMs talk"},
        {"content": text, "seendate": "20201112T103100Z", "link": "https://example.org/a",
         "publisher": "Yonhap", "uuid": "gdelt-1"},
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    first, second = list(iter_inputs([path], None, Options()))
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle)
    assert (first.meta.outlet, first.meta.pub_date, first.meta.title) == (
        "Yonhap", "2020-11-12 10:31:00", "Vice FMs talk")
    assert (second.doc_id, second.meta.url, second.meta.pub_date) == (
        "gdelt-1", "https://example.org/a", "20201112T103100Z")
    assert first.text == second.text == text


def test_a_jsonl_record_without_text_names_the_fields_tried(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"headline": "only a title"}) + "\n", encoding="utf-8")
    (rejection,) = list(iter_inputs([path], None, Options()))
    assert isinstance(rejection, Rejection)
    assert "dump.jsonl line 1" in rejection.reason and "maintext" in rejection.reason
