"""The local engine: one worker pool serves every pass of a run, results in input order."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from newsevents import pipeline
from newsevents.clean import CorpusProfile
from newsevents.options import Options
from newsevents.pipeline import Context, LocalEngine
from newsevents.records import ArticleResult, RawArticle

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="workers inherit the patched function only by fork")


def _raws(n: int, tag: str) -> list[RawArticle]:
    return [RawArticle(f"{tag}{i:03d}", f"{tag}{i:03d}.txt", "txt", "text") for i in range(n)]


def _pid_of_worker(raws, ctx):
    """Stands in for the real work: says which process handled each article."""
    return [ArticleResult(raw.doc_id, str(os.getpid()), None) for raw in raws]


@pytest.fixture
def engine(monkeypatch):
    monkeypatch.setattr(pipeline, "process_articles", _pid_of_worker)
    # (threads left by other tests would make the engine spawn, and spawned workers would not
    # see the patch; these workers run nothing those threads could hold a lock for)
    monkeypatch.setattr(pipeline, "_start_method", lambda: "fork")
    context = Context(options=Options(), knowledge=None, nlp=None, profile=CorpusProfile())
    with LocalEngine(context) as engine:
        yield engine


def _children() -> set[int]:
    return {p.pid for p in multiprocessing.active_children()}


def test_both_passes_run_on_the_same_workers(engine):
    options, profile = Options(processes=2), CorpusProfile()
    first = list(engine(iter(_raws(60, "a")), options, profile, 60))
    workers = _children()
    again = list(engine(iter(_raws(5, "b")), options, profile, 5))
    assert len(workers) == 2 and _children() == workers
    assert {int(r.source_path) for r in [*first, *again]} <= workers


def test_closing_the_engine_stops_its_workers(engine):
    list(engine(iter(_raws(30, "a")), Options(processes=2), CorpusProfile(), 30))
    assert _children()
    engine.close()
    assert not _children()


def test_results_come_back_in_input_order(engine):
    raws = _raws(100, "a")
    results = engine(iter(raws), Options(processes=2), CorpusProfile(), len(raws))
    assert [r.doc_id for r in results] == [r.doc_id for r in raws]


def test_another_profile_gets_fresh_workers(engine):
    options = Options(processes=2)
    list(engine(iter(_raws(30, "a")), options, CorpusProfile(), 30))
    first = _children()
    other = CorpusProfile(repeated_lines=frozenset({"subscribe now"}), n_documents=30)
    list(engine(iter(_raws(30, "b")), options, other, 30))
    assert _children() and not first & _children()


def test_few_articles_run_in_process_without_workers(monkeypatch):
    seen = []
    monkeypatch.setattr(pipeline, "process_article",
                        lambda raw, ctx: seen.append(os.getpid()) or ArticleResult(
                            raw.doc_id, raw.source_path, None))
    context = Context(options=Options(), knowledge=None, nlp=None, profile=CorpusProfile())
    with LocalEngine(context) as engine:
        list(engine(iter(_raws(5, "a")), Options(processes=2), CorpusProfile(), 5))
    assert set(seen) == {os.getpid()}
