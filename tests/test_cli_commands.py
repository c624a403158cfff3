"""End to end: the store commands on the seed run (query, export, timeline, report, story, kb)."""

from __future__ import annotations

import json

from newsevents.cli import main


def test_query_by_dyad_lists_only_that_dyad(seeds_out, capsys):
    db = str(seeds_out / "newsevents.duckdb")
    assert main(["query", "--db", db, "--dyad", "KOR-JPN", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert rows
    for row in rows:
        assert {row["source_country"], row["target_country"]} <= {"JPN", "KOR", None}


def test_query_sql_is_read_only(seeds_out, capsys):
    db = str(seeds_out / "newsevents.duckdb")
    assert main(["query", "--db", db, "--sql", "delete from events"]) == 2
    assert main(["query", "--db", db, "--sql", "select count(*) as n from events", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["n"] > 0


def test_export_gdelt_and_plover(seeds_out, tmp_path):
    db = str(seeds_out / "newsevents.duckdb")
    gdelt, plover = tmp_path / "events.tsv", tmp_path / "events.plover.jsonl"
    assert main(["export", "--db", db, "--format", "gdelt", "--out", str(gdelt)]) == 0
    assert main(["export", "--db", db, "--format", "plover", "--out", str(plover)]) == 0
    assert gdelt.read_text(encoding="utf-8").count("\n") >= 10
    first = json.loads(plover.read_text(encoding="utf-8").splitlines()[0])
    assert first


def test_story_shows_each_outlets_account(seeds_out, capsys):
    db = str(seeds_out / "newsevents.duckdb")
    stories = [json.loads(line) for line in (seeds_out / "stories.jsonl").read_text().splitlines()]
    shared = [s for s in stories if len(set(s["outlets"])) > 1 and not s["background"]]
    assert shared, "the Kyodo and Yonhap reports of one call should share a story"
    assert main(["story", shared[0]["story_id"], "--db", db, "--json"]) == 0
    view = json.loads(capsys.readouterr().out)
    assert {a["outlet"] for a in view["accounts"]} == {"Kyodo", "Yonhap"}


def test_timeline_and_report(seeds_out, tmp_path, capsys):
    db = str(seeds_out / "newsevents.duckdb")
    png = tmp_path / "chart.png"
    assert main(["timeline", "--db", db, "--dyad", "JPN-KOR", "--png", str(png)]) == 0
    assert "2020-11" in capsys.readouterr().out
    assert png.read_bytes()[:4] == b"\x89PNG"
    html = tmp_path / "report.html"
    assert main(["report", "--db", db, "--out", str(html)]) == 0
    assert "<html" in html.read_text(encoding="utf-8").lower()


def test_kb_lookup_knows_office_holders_by_date(capsys):
    assert main(["kb", "lookup", "Abe", "--date", "2019-10-24", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert any(r["country"] == "JPN" for r in rows)


def test_kb_check_passes_on_bundled_knowledge(capsys):
    assert main(["kb", "check"]) == 0
    assert capsys.readouterr().out.strip().endswith("ok")
