"""Export: every registered format writes the stored events in a shape other tools read."""

from __future__ import annotations

import csv
import json

import duckdb
import pytest

from newsevents.errors import StoreError, UsageError
from newsevents.export import (
    EXPORTERS,
    GDELT_COLUMNS,
    export,
    global_event_id,
    load_cameo_codes,
)
from newsevents.store import open_store
from storekit import gold_results, gold_stories


@pytest.fixture(scope="module")
def stored(tmp_path_factory, corpus_dir):
    path = tmp_path_factory.mktemp("export") / "s.duckdb"
    results = gold_results(corpus_dir / "dev")
    stories, linked = gold_stories(corpus_dir / "dev", results)
    with open_store(path) as store:
        store.write_articles(results, store.start_run())
        store.write_stories(stories, linked)
        run = store.load_results()
    return path, run


def test_registry_names_the_five_formats():
    assert set(EXPORTERS) == {"jsonl", "csv", "parquet", "gdelt", "plover"}


def test_unknown_format_and_missing_store_are_explained(tmp_path, stored):
    with pytest.raises(UsageError, match="jsonl"):
        export(stored[0], "xml", tmp_path / "x")
    with pytest.raises(StoreError, match="extract --db"):
        export(tmp_path / "none.duckdb", "csv", tmp_path / "x.csv")


def test_jsonl_lines_are_the_events(tmp_path, stored):
    path, run = stored
    out = tmp_path / "events.jsonl"
    assert export(path, "jsonl", out) == len(run.events)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["event_id"] for line in lines] == [e.event_id for e in run.events]
    first = lines[0]
    assert first["source"]["country"] == run.events[0].source.country
    assert first["outlet"] and first["evidence"] == run.events[0].evidence


def test_csv_and_parquet_hold_the_same_rows(tmp_path, stored):
    path, run = stored
    assert export(path, "csv", tmp_path / "e.csv") == len(run.events)
    assert export(path, "parquet", tmp_path / "e.parquet") == len(run.events)
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as handle:
        from_csv = list(csv.DictReader(handle))
    con = duckdb.connect()
    from_parquet = con.execute(
        f"SELECT event_id, type, evidence FROM read_parquet('{tmp_path / 'e.parquet'}')"
    ).fetchall()
    assert [(r["event_id"], r["type"], r["evidence"]) for r in from_csv] == from_parquet
    assert [r[0] for r in from_parquet] == [e.event_id for e in run.events]


def _gdelt_rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_gdelt_has_one_row_per_story_or_lone_event(tmp_path, stored):
    path, run = stored
    out = tmp_path / "gdelt.tsv"
    n = export(path, "gdelt", out)
    lone = [e for e in run.events if not e.story_id]
    assert n == len(run.stories) + len(lone)
    rows = _gdelt_rows(out)
    assert list(rows[0]) == list(GDELT_COLUMNS) and len(GDELT_COLUMNS) == 61
    by_id = {int(r["GLOBALEVENTID"]): r for r in rows}
    for story in run.stories:
        row = by_id[global_event_id(story.story_id)]
        assert int(row["NumMentions"]) == story.n_mentions
        assert int(row["NumArticles"]) == len(story.doc_ids)
        assert int(row["NumSources"]) == len(story.outlets)


def test_gdelt_row_carries_actors_codes_and_source(tmp_path, stored):
    path, run = stored
    out = tmp_path / "gdelt.tsv"
    export(path, "gdelt", out)
    rows = {int(r["GLOBALEVENTID"]): r for r in _gdelt_rows(out)}
    articles = {a.doc_id: a.article for a in run.articles}
    event = next(e for e in run.events if not e.story_id and e.source and e.source.country
                 and e.date and len(e.date) == 10)
    row = rows[global_event_id(event.event_id)]
    assert row["SQLDATE"] == event.date.replace("-", "")
    assert row["Actor1CountryCode"] == event.source.country
    assert row["Actor1Type1Code"] == (event.source.sector or "")
    assert row["QuadClass"] == str(event.quad_class)
    assert row["EventRootCode"] == row["EventCode"][:2] and row["EventCode"].isdigit()
    article = articles[event.doc_id]
    assert row["SOURCEURL"] == (article.url or article.outlet or event.doc_id)
    assert len(row["DATEADDED"]) == 14


def test_cameo_codes_follow_type_and_mode():
    codes = load_cameo_codes()
    assert codes.code_of("CONSULT", None)[:2] == "04"
    assert codes.code_of("ASSAULT", "heavy-weapons")[:2] == "19"
    assert codes.code_of("ASSAULT", "massacre")[:2] == "20"
    assert codes.code_of("ASSAULT", "no-such-mode") == codes.code_of("ASSAULT", None)


def test_plover_json_fields(tmp_path, stored, knowledge):
    path, run = stored
    out = tmp_path / "plover.jsonl"
    assert export(path, "plover", out) == len(run.events)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    raw = {a.doc_id: a.article.raw for a in run.articles}
    for record, event in zip(records, run.events, strict=True):
        assert record["id"] == event.event_id and record["act_type"] == event.type
        if event.status in ("planned", "conditional"):
            assert record["event_type"] == knowledge.ontology.plover_type(event.type, event.status)
        else:
            assert record["event"] == [event.type] and record["event_type"] == event.type
        assert record["link"] == event.story_id
        info = record["text_info"]
        assert raw[info["doc_id"]][info["start"]:info["end"]] == record["text"]
        if event.source:
            assert record["actor"][0]["country"] == event.source.country
        else:
            assert record["actor"] == []


def test_plover_json_codes_a_stated_intention_by_its_kind(tmp_path, stored):
    """PLOVER's manual: future meetings, visits and aid are AGREE; a planned strike is a
    THREATEN. The act's own type stays in `act_type`."""
    path, run = stored
    out = tmp_path / "plover.jsonl"
    export(path, "plover", out)
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    planned = [e for e in run.events if e.status == "planned"]
    assert planned, "the stored corpus has planned events"
    for event in planned:
        record = records[event.event_id]
        if event.type in ("CONSULT", "SUPPORT", "COOPERATE", "AID"):
            assert (record["event_type"], record["quad_code"]) == ("AGREE", 1)
        if event.type in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"):
            assert record["event_type"] == "THREATEN"
        assert record["act_type"] == event.type and record["status"] == "planned"
