"""pipeline.process_articles: a worker's batch parsed through spaCy at once gives the same
results as one article at a time, and a batch that fails is retried article by article."""

from __future__ import annotations

import pytest

from newsevents import nlp as nlp_module
from newsevents.clean import CorpusProfile
from newsevents.ingest import iter_inputs
from newsevents.options import Options
from newsevents.pipeline import Context, process_article, process_articles
from newsevents.records import RawArticle


@pytest.fixture(scope="module")
def context(nlp, knowledge) -> Context:
    return Context(options=Options(), knowledge=knowledge, nlp=nlp, profile=CorpusProfile())


@pytest.fixture(scope="module")
def raws(corpus_dir) -> list[RawArticle]:
    found = [r for r in iter_inputs([corpus_dir / "seeds"], None, Options())
             if isinstance(r, RawArticle)]
    empty = RawArticle("empty", "empty.txt", "txt", "   \n")  # rejected by the cleaner
    return [*found[:2], empty, *found[2:]]


def test_a_batch_gives_what_one_at_a_time_gives(context, raws) -> None:
    batched = process_articles(raws, context)
    single = [process_article(raw, context) for raw in raws]
    assert [r.doc_id for r in batched] == [r.doc_id for r in raws]
    assert batched == single
    assert batched[2].rejection is not None and batched[0].events


def test_a_failing_batch_is_retried_one_by_one(context, raws, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise MemoryError("batch too large")

    monkeypatch.setattr(nlp_module, "parse_many", broken)
    results = process_articles(raws, context)
    assert results == [process_article(raw, context) for raw in raws]
