"""Store: a streamed run whose copies the store skipped needs no relinking over the store."""

from __future__ import annotations

import dataclasses

import pytest

import newsevents.store as store_module
from newsevents import link
from newsevents.store import RunRecorder, open_store
from storekit import gold_results


@pytest.fixture(scope="module")
def dev(corpus_dir):
    return gold_results(corpus_dir / "dev")


def _with_copy(results):
    """The results with a copy of the first one (same text and outlet) under another path."""
    copy = dataclasses.replace(results[0], doc_id="mirror/" + results[0].doc_id, events=tuple(
        dataclasses.replace(e, event_id=e.event_id + "-mirror",
                            doc_id="mirror/" + e.doc_id) for e in results[0].events))
    return [*results, copy], copy.doc_id


def _forbid_relink(monkeypatch):
    def relink(store):
        raise AssertionError("relinked over the store")
    monkeypatch.setattr(store_module, "relink_store", relink)


def _record(store, results):
    recorder = RunRecorder(store)
    for result in results:
        recorder.record(result)
    return recorder


def test_skipped_copies_are_named(tmp_path, dev):
    results, copy_id = _with_copy(dev)
    with open_store(tmp_path / "s.duckdb") as store:
        assert _record(store, results).skipped() == {copy_id}


def test_links_made_without_the_skipped_copies_are_written_as_they_are(tmp_path, dev,
                                                                       monkeypatch):
    results, copy_id = _with_copy(dev)
    with open_store(tmp_path / "s.duckdb") as store:
        recorder = _record(store, results)
        left_out = recorder.skipped()
        links = link.link_views([v for v in link.views_of(results) if v.doc_id not in left_out])
        _forbid_relink(monkeypatch)
        recorder.finish_links(links.stories, links.duplicates, [r.doc_id for r in results],
                              left_out)
        stored = store.load_results()
    assert {e.event_id: e.story_id for e in stored.events if e.story_id} == dict(
        links.story_of())


def test_links_that_include_a_skipped_copy_are_remade_over_the_store(tmp_path, dev):
    results, _ = _with_copy(dev)
    with open_store(tmp_path / "s.duckdb") as store:
        recorder = _record(store, results)
        links = link.link_views(link.views_of(results))
        recorder.finish_links(links.stories, links.duplicates, [r.doc_id for r in results])
        stored = store.load_results()
    in_links = {event_id for s in links.stories for event_id in s.event_ids}
    assert any(event_id.endswith("-mirror") for event_id in in_links)
    stored_ids = {e.event_id for e in stored.events}
    assert all(set(s.event_ids) <= stored_ids for s in stored.stories)


def test_a_store_with_earlier_runs_is_relinked_even_without_copies(tmp_path, dev):
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        _record(store, dev[:3]).finish_links((), (), [r.doc_id for r in dev[:3]])
    with open_store(path) as store:
        recorder = _record(store, dev[3:])
        links = link.link_views(link.views_of(dev[3:]))
        recorder.finish_links(links.stories, links.duplicates, [r.doc_id for r in dev[3:]],
                              recorder.skipped())
        stored = store.load_results()
    relinked = link.link_views(link.views_of(stored.articles)).stories
    assert stored.stories == tuple(sorted(relinked, key=lambda s: s.story_id))
