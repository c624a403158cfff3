"""Streaming extract: the CLI's streaming run writes what the in-memory API returns.

The streaming flow hands each result on at once and links light per-article views; these tests
check that nothing it writes differs from `write_run(extract(...))` / `save_run(...)` on the
real corpus, that an interrupted CLI run resumes, and the pieces it is made of.
"""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest

from newsevents import link
from newsevents.options import Options
from newsevents.output import OUTPUT_FILES, RunWriter, tally_of, write_run
from newsevents.pipeline import ARTICLES_PER_TASK, _in_flight_window, _in_order
from newsevents.records import ArticleResult
from newsevents.spool import Spool
from newsevents.store import open_store, relink_store, save_run
from storekit import failed_result, gold_results

# dev2 holds an undated article whose date is inferred through a dated one (a re-run) and is
# large enough for the worker pool (2 processes).
GOLD_SETS = ("dev2",)


def _store_rows(path: Path) -> dict[str, list[tuple]]:
    with open_store(path, read_only=True) as store:
        con = store.connection
        return {
            "articles": con.execute(
                "SELECT * EXCLUDE (run_id) FROM articles ORDER BY seq").fetchall(),
            "events": con.execute("SELECT * FROM events ORDER BY doc_id, seq").fetchall(),
            "stories": con.execute("SELECT * FROM stories ORDER BY story_id").fetchall(),
            "duplicates": con.execute("SELECT * FROM duplicates ORDER BY group_id").fetchall(),
        }


@pytest.fixture(scope="module")
def in_memory(corpus_dir, nlp, knowledge, tmp_path_factory):
    """The in-memory API's run over the whole corpus, written as files and as a store."""
    from newsevents.clean import CorpusProfile
    from newsevents.pipeline import Context, extract

    options = Options.build(processes=1, progress=False)
    context = Context(options=options, knowledge=knowledge, nlp=nlp, profile=CorpusProfile())
    run = extract([corpus_dir / name for name in GOLD_SETS], options=options, context=context)
    out = tmp_path_factory.mktemp("memory")
    write_run(run, out)
    save_run(run, out / "newsevents.duckdb", options)
    return run, out


@pytest.fixture(scope="module")
def streamed(corpus_dir, tmp_path_factory):
    from newsevents.cli import main

    out = tmp_path_factory.mktemp("stream")
    inputs = [str(corpus_dir / name) for name in GOLD_SETS]
    assert main(["extract", *inputs, "--out", str(out), "--quiet", "--processes", "2"]) == 0
    return out


@pytest.mark.slow
def test_streaming_cli_writes_the_in_memory_run_byte_for_byte(in_memory, streamed):
    run, memory_out = in_memory
    assert any(a.article and a.article.pub_date_source == "inferred" for a in run.articles), \
        "the corpus must exercise the re-run with an inferred date"
    for name in OUTPUT_FILES:
        assert (streamed / name).read_bytes() == (memory_out / name).read_bytes(), name
    assert not list(streamed.glob(".spool-*")), "the spool is deleted"


@pytest.mark.slow
def test_streaming_cli_stores_the_in_memory_run(in_memory, streamed):
    _, memory_out = in_memory
    assert _store_rows(streamed / "newsevents.duckdb") == _store_rows(
        memory_out / "newsevents.duckdb")


@pytest.mark.slow
def test_interrupted_cli_run_resumes(corpus_dir, streamed, tmp_path, monkeypatch):
    from newsevents import output
    from newsevents.cli import main

    inputs = [str(corpus_dir / name) for name in GOLD_SETS]
    out = tmp_path / "out"
    add = output.RunWriter.add
    seen = itertools.count()

    def interrupted(self, result):
        if next(seen) == 10:
            raise KeyboardInterrupt
        add(self, result)

    monkeypatch.setattr(output.RunWriter, "add", interrupted)
    assert main(["extract", *inputs, "--out", str(out), "--quiet", "--processes", "1"]) == 130
    monkeypatch.setattr(output.RunWriter, "add", add)
    with open_store(out / "newsevents.duckdb", read_only=True) as store:
        assert 0 < store.counts()["articles"] < 30
    assert main(["extract", *inputs, "--out", str(out), "--quiet", "--processes", "1"]) == 0
    resumed, whole = _store_rows(out / "newsevents.duckdb"), _store_rows(
        streamed / "newsevents.duckdb")
    assert sorted(r[0] for r in resumed["articles"]) == sorted(r[0] for r in whole["articles"])
    assert sorted(r[0] for r in resumed["events"]) == sorted(r[0] for r in whole["events"])
    with open_store(out / "newsevents.duckdb", read_only=True) as store:
        runs = store.runs()
    assert runs[0]["finished_at"] is None and runs[1]["finished_at"] is not None


# --------------------------------------------------------------------------- the pieces


def test_spool_reads_back_in_order_and_replaces_in_place(tmp_path, corpus_dir):
    results = gold_results(corpus_dir / "seeds")
    with Spool[ArticleResult](tmp_path) as spool:
        for result in results:
            spool.add(result.doc_id, result)
        changed = dataclasses.replace(results[1], events=())
        spool.add(changed.doc_id, changed)
        assert spool.keys() == [r.doc_id for r in results]
        assert list(spool) == [results[0], changed, *results[2:]]
        assert spool.get(results[0].doc_id) == results[0]
    assert not list(tmp_path.iterdir()), "closing deletes the file"


class _FakePool:
    """Runs tasks when asked for their result, and counts the tasks queued."""

    def __init__(self) -> None:
        self.queued = 0

    def apply_async(self, fn, args):
        self.queued += 1
        items = args[0]
        return type("Done", (), {"get": lambda _self: [f"done {i}" for i in items]})()


def test_worker_window_reads_the_input_lazily():
    pool, pulled = _FakePool(), []

    def inputs():
        for i in range(1000):
            pulled.append(i)
            yield i

    results = _in_flight_window(pool, inputs(), window=3)
    assert next(results) == "done 0"
    assert len(pulled) <= 3 * ARTICLES_PER_TASK + 2, "only the window is read ahead"
    assert list(results)[-1] == "done 999"
    assert list(_in_flight_window(_FakePool(), [1, 2, 3], window=2)) == [
        "done 1", "done 2", "done 3"], "a list is read once, not from its start again"


def test_out_of_order_results_are_put_back_in_input_order(corpus_dir):
    results = gold_results(corpus_dir / "seeds")
    shuffled = [results[2], results[0], results[1], *results[3:]]
    assert list(_in_order(shuffled, [r.doc_id for r in results])) == results


def test_collected_views_link_like_whole_results(corpus_dir):
    results = gold_results(corpus_dir / "dev") + [failed_result()]
    collector = link.LinkCollector()
    for result in results:
        collector.add(result)
    collector.add(results[3])  # a re-run keeps its place
    whole = link.link(results)
    links = link.link_views(collector.views())
    assert (links.stories, links.duplicates) == (whole.stories, whole.duplicates)
    assert link.with_links(results, links) == whole
    assert [v.doc_id for v in collector.views()] == [r.doc_id for r in results if r.ok]


def test_run_writer_writes_what_write_run_writes(corpus_dir, tmp_path):
    results = gold_results(corpus_dir / "dev") + [failed_result()]
    run = link.link(results)
    write_run(run, tmp_path / "memory")
    with RunWriter(tmp_path / "stream") as writer:
        for result in reversed(results):  # arrival order does not matter, `order` does
            writer.add(result)
        links = link.Links(run.stories, run.duplicates)
        _, tally = writer.finish([r.doc_id for r in results], run.stories, run.duplicates,
                                 links.story_of())
    for name in OUTPUT_FILES:
        assert (tmp_path / "stream" / name).read_bytes() == (
            tmp_path / "memory" / name).read_bytes()
    assert tally == tally_of(run)


def test_store_relinks_from_stored_views(corpus_dir, tmp_path):
    results = gold_results(corpus_dir / "dev2")
    with open_store(tmp_path / "s.duckdb") as store:
        run_id = store.start_run()
        store.write_articles(results, run_id)
        assert list(store.iter_results(batch=3)) == list(store.load_results().articles)
        whole = link.link(store.load_results().articles)
        assert relink_store(store) == (whole.stories, whole.duplicates)
