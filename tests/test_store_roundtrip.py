"""Store: records written to DuckDB come back equal; evidence offsets still index the raw text."""

from __future__ import annotations

import json

import pytest

from newsevents.records import article_json, event_json
from newsevents.store import open_store
from storekit import failed_result, gold_results, gold_stories


@pytest.fixture(scope="module")
def dev_results(corpus_dir):
    return gold_results(corpus_dir / "dev")


def test_articles_and_events_round_trip(tmp_path, dev_results):
    results = [*dev_results, failed_result()]
    with open_store(tmp_path / "s.duckdb") as store:
        run_id = store.start_run()
        for result in results:
            assert store.write_article(result, run_id) == "added"
        loaded = store.load_results()
    assert [a.doc_id for a in loaded.articles] == [r.doc_id for r in results]
    assert [article_json(a) for a in loaded.articles] == [article_json(r) for r in results]
    assert loaded.articles == tuple(results)
    assert [event_json(e) for e in loaded.events] == [
        event_json(e) for r in results for e in r.events
    ]


def test_stored_evidence_indexes_stored_raw(tmp_path, dev_results):
    with open_store(tmp_path / "s.duckdb") as store:
        run_id = store.start_run()
        store.write_articles(dev_results, run_id)
        rows = store.connection.execute(
            "SELECT a.raw, e.evidence, e.evidence_start, e.evidence_end "
            "FROM events e JOIN articles a USING (doc_id)"
        ).fetchall()
    assert rows
    for raw, evidence, start, end in rows:
        assert raw[start:end] == evidence


def test_stories_replace_previous_links(tmp_path, corpus_dir, dev_results):
    stories, linked = gold_stories(corpus_dir / "dev", dev_results)
    assert stories, "the dev set has same-event pairs"
    with open_store(tmp_path / "s.duckdb") as store:
        store.write_articles(dev_results, store.start_run())
        store.write_stories(stories, linked)
        first = store.load_results()
        store.write_stories(stories[:1], [e for e in linked if e.story_id == stories[0].story_id])
        second = store.load_results()
    assert first.stories == tuple(sorted(stories, key=lambda s: s.story_id))
    with_story = {e.event_id: e.story_id for e in first.events if e.story_id}
    assert with_story == {e.event_id: e.story_id for e in linked}
    assert len(second.stories) == 1
    assert {e.story_id for e in second.events} == {None, stories[0].story_id}


def test_run_counts_come_from_the_rows_written(tmp_path, dev_results):
    with open_store(tmp_path / "s.duckdb") as store:
        run_id = store.start_run()
        store.write_articles([*dev_results, failed_result()], run_id)
        summary = store.finish_run(run_id)
        runs = store.runs()
    n_events = sum(len(r.events) for r in dev_results)
    assert summary == {"run_id": run_id, "n_inputs": len(dev_results) + 1,
                       "n_ok": len(dev_results), "n_failed": 1, "n_events": n_events}
    assert runs[0]["finished_at"] is not None


def test_removed_lines_keep_reason_and_offsets(tmp_path, dev_results):
    with open_store(tmp_path / "s.duckdb") as store:
        store.write_articles(dev_results, store.start_run())
        raw, removed = store.connection.execute(
            "SELECT raw, removed_lines_json FROM articles WHERE removed_lines_json <> '[]' LIMIT 1"
        ).fetchone()
    for line in json.loads(removed):
        assert raw[line["start"]:line["end"]] == line["text"]
        assert line["reason"]
