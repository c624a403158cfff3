"""End to end: the CLI on the bundled seed articles and on bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT

from newsevents.cli import main

EXAMPLES = ROOT / "examples"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_every_seed_article_is_accounted_for(seeds_out):
    articles = _rows(seeds_out / "articles.jsonl")
    assert sorted(a["doc_id"] for a in articles) == sorted(p.stem for p in EXAMPLES.glob("*.txt"))
    assert all(a["status"] == "ok" for a in articles)
    assert all(a["pub_date"] for a in articles)


def test_evidence_offsets_slice_the_raw_input(seeds_out):
    events = _rows(seeds_out / "events.jsonl")
    assert len(events) >= 10
    for event in events:
        raw = (EXAMPLES / f"{event['doc_id']}.txt").read_text(encoding="utf-8")
        assert raw[event["evidence_start"]:event["evidence_end"]] == event["evidence"]
        for role in ("source", "target"):
            actor = event[role]
            if actor and actor.get("start") is not None:
                assert raw[actor["start"]:actor["end"]] == actor["text"]


def test_each_article_has_one_main_event(seeds_out):
    events = _rows(seeds_out / "events.jsonl")
    for doc_id in {e["doc_id"] for e in events}:
        assert sum(e["main"] for e in events if e["doc_id"] == doc_id) == 1


def test_store_is_written(seeds_out):
    import duckdb

    with duckdb.connect(str(seeds_out / "newsevents.duckdb"), read_only=True) as con:
        n_articles = con.execute("select count(*) from articles").fetchone()[0]
        n_events = con.execute("select count(*) from events").fetchone()[0]
    assert n_articles == 5
    assert n_events == len(_rows(seeds_out / "events.jsonl"))


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_text("")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 20)
    good = EXAMPLES / "kyodo_2020-11-12_vice-fm-phone.txt"
    (inputs / "good.txt").write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "--out", str(out), "--quiet"]) == 0
    rows = {a["doc_id"]: a for a in _rows(out / "articles.jsonl")}
    assert set(rows) == {"empty", "binary", "good"}
    assert rows["good"]["status"] == "ok"
    for name in ("empty", "binary"):
        assert rows[name]["status"] == "error"
        assert rows[name]["error"] and "\n" not in rows[name]["error"]


def test_exit_code_is_1_when_every_input_failed(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    assert main(["extract", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o"), "-q"]) == 1


def test_usage_error_exit_code(tmp_path, capsys):
    assert main(["evaluate", "--gold", str(tmp_path)]) == 2
    assert "E001" in capsys.readouterr().err
