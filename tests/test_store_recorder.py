"""Store: a run recorded article by article, then finished with its links."""

from __future__ import annotations

import dataclasses

import pytest

from newsevents.options import Options
from newsevents.records import RunResult, article_json, event_json
from newsevents.store import RunRecorder, open_store
from storekit import gold_results, gold_stories


def test_finish_rewrites_articles_changed_after_recording(tmp_path, corpus_dir):
    results = gold_results(corpus_dir / "dev")
    stories, linked = gold_stories(corpus_dir / "dev", results)
    story_of = {e.event_id: e.story_id for e in linked}
    undated = results[0]
    redone = dataclasses.replace(undated, article=dataclasses.replace(
        undated.article, pub_date="2018-10-31", pub_date_source="inferred"))
    final = [redone, *results[1:]]
    final = [dataclasses.replace(r, events=tuple(
        dataclasses.replace(e, story_id=story_of.get(e.event_id)) for e in r.events))
        for r in final]
    with open_store(tmp_path / "s.duckdb") as store:
        recorder = RunRecorder(store)
        for result in results:
            recorder.record(result)
        summary = recorder.finish(RunResult(articles=tuple(final), stories=tuple(stories)))
        loaded = store.load_results()
    assert summary["n_ok"] == len(results) and summary["skipped"] == 0
    assert loaded.articles[0].article.pub_date_source == "inferred"
    assert [article_json(a) for a in loaded.articles] == [article_json(a) for a in final]
    assert {e.event_id: e.story_id for e in loaded.events if e.story_id} == story_of


@pytest.mark.slow
def test_extract_recorded_article_by_article_equals_the_run(tmp_path, corpus_dir, nlp,
                                                            knowledge):
    from newsevents.clean import CorpusProfile
    from newsevents.pipeline import Context, extract

    options = Options.build(processes=1, progress=False)
    context = Context(options=options, knowledge=knowledge, nlp=nlp, profile=CorpusProfile())
    seeds = corpus_dir / "seeds"
    with open_store(tmp_path / "s.duckdb") as store:
        recorder = RunRecorder(store, options)
        run = extract([seeds], seeds / "manifest.jsonl", options=options, context=context,
                      on_article=recorder.record)
        recorder.finish(run)
        loaded = store.load_results()
    assert [article_json(a) for a in loaded.articles] == [article_json(a) for a in run.articles]
    assert [event_json(e) for e in loaded.events] == [event_json(e) for e in run.events]
    assert loaded.stories == tuple(sorted(run.stories, key=lambda s: s.story_id))


def test_recorder_commits_every_batch(tmp_path, corpus_dir):
    results = gold_results(corpus_dir / "seeds")
    with open_store(tmp_path / "s.duckdb") as store:
        recorder = RunRecorder(store, batch=2, max_delay=3600)
        recorder.record(results[0])
        assert store.counts()["articles"] == 0
        recorder.record(results[1])
        assert store.counts()["articles"] == 2


def test_leaving_the_block_by_ctrl_c_commits_what_is_pending(tmp_path, corpus_dir):
    results = gold_results(corpus_dir / "seeds")
    with open_store(tmp_path / "s.duckdb") as store:
        with pytest.raises(KeyboardInterrupt), RunRecorder(store, batch=100) as recorder:
            for result in results[:3]:
                recorder.record(result)
            raise KeyboardInterrupt
        assert [a.doc_id for a in store.load_results().articles] == [
            r.doc_id for r in results[:3]]
