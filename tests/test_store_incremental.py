"""Store: re-running on the same or an overlapping corpus adds nothing twice."""

from __future__ import annotations

import dataclasses

import pytest

from newsevents.records import RunResult
from newsevents.store import open_store, save_run
from storekit import failed_result, gold_results


@pytest.fixture(scope="module")
def seeds(corpus_dir):
    return gold_results(corpus_dir / "seeds")


@pytest.fixture(scope="module")
def dev(corpus_dir):
    return gold_results(corpus_dir / "dev")


def test_same_corpus_twice_adds_nothing(tmp_path, seeds):
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        assert set(store.write_articles(seeds, store.start_run())) == {"added"}
        before = store.counts()
    with open_store(path) as store:
        assert set(store.write_articles(seeds, store.start_run())) == {"skipped"}
        after = store.counts()
    assert {k: after[k] for k in ("articles", "events")} == {
        k: before[k] for k in ("articles", "events")}


def test_overlapping_corpus_adds_only_new_articles(tmp_path, seeds, dev):
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        store.write_articles(seeds + dev[:4], store.start_run())
    with open_store(path) as store:
        outcomes = store.write_articles(dev, store.start_run())
        counts = store.counts()
    assert outcomes.count("skipped") == 4
    assert counts["articles"] == len(seeds) + len(dev)
    assert counts["events"] == sum(len(r.events) for r in seeds + dev)


def test_same_text_under_another_path_is_skipped(tmp_path, seeds):
    copy = dataclasses.replace(seeds[0], doc_id="mirror/" + seeds[0].doc_id)
    with open_store(tmp_path / "s.duckdb") as store:
        run_id = store.start_run()
        store.write_article(seeds[0], run_id)
        assert store.has_content(seeds[0].article.content_hash)
        assert store.write_article(copy, run_id) == "skipped"
        assert store.known_hashes() == {seeds[0].article.content_hash}
        assert store.known_articles() == {(seeds[0].article.content_hash,
                                           seeds[0].article.outlet)}


def test_same_text_from_another_outlet_is_a_syndicated_copy_and_kept(tmp_path, seeds):
    original = seeds[0]
    copy = dataclasses.replace(
        original, doc_id="partner/" + original.doc_id,
        article=dataclasses.replace(original.article, doc_id="partner/" + original.doc_id,
                                    outlet="Partner Daily"),
        events=(),
    )
    with open_store(tmp_path / "s.duckdb") as store:
        run_id = store.start_run()
        assert store.write_article(original, run_id) == "added"
        assert not store.has_article(original.article.content_hash, "Partner Daily")
        assert store.write_article(copy, run_id) == "added"
        assert store.has_article(original.article.content_hash, "Partner Daily")
        assert store.write_article(copy, run_id) == "skipped"
        assert store.counts()["articles"] == 2


def test_changed_text_replaces_the_article_and_its_events(tmp_path, seeds):
    first = seeds[0]
    edited = dataclasses.replace(
        first,
        article=dataclasses.replace(first.article, content_hash="edited"),
        events=first.events[:1],
    )
    with open_store(tmp_path / "s.duckdb") as store:
        run_id = store.start_run()
        store.write_article(first, run_id)
        assert store.write_article(edited, run_id) == "replaced"
        loaded = store.load_results()
    assert loaded.articles == (edited,)


def test_failure_never_overwrites_a_good_article_but_retries_replace_failures(tmp_path, seeds):
    good = seeds[0]
    broken = failed_result(good.doc_id)
    with open_store(tmp_path / "s.duckdb") as store:
        run_id = store.start_run()
        assert store.write_article(broken, run_id) == "added"
        assert store.write_article(good, run_id) == "replaced"
        assert store.write_article(broken, run_id) == "skipped"
        assert store.load_results().articles == (good,)


def test_save_run_relinks_over_the_whole_store(tmp_path, seeds, dev):
    calls = []

    def linker(results):
        calls.append([r.doc_id for r in results])
        return RunResult(articles=tuple(results))

    path = tmp_path / "s.duckdb"
    first = save_run(RunResult(articles=tuple(seeds)), path, linker=linker)
    assert calls == [] and first["n_ok"] == len(seeds)
    second = save_run(RunResult(articles=tuple(dev)), path, linker=linker)
    assert calls == [[r.doc_id for r in seeds + dev]]
    assert second["n_ok"] == len(dev) and second["skipped"] == 0


def test_read_only_store_refuses_writes(tmp_path, seeds):
    from newsevents.errors import StoreError

    path = tmp_path / "s.duckdb"
    open_store(path).close()
    with open_store(path, read_only=True) as store, pytest.raises(StoreError):
        store.write_article(seeds[0], "run")
