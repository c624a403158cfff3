"""The whole flow: ingest -> clean -> parse -> actors + dates -> code -> link.

`process_article` is the per-article function every engine runs (in-process, a process pool on both
cores, or Dask workers). `extract` is the public entry point; the CLI is a thin wrapper over it.
"""

from __future__ import annotations

import dataclasses
import functools
import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents import actors, clean, coding, dates, link, nlp
from newsevents.clean import CorpusProfile
from newsevents.knowledge import Knowledge, knowledge_dirs, load_knowledge
from newsevents.options import Options
from newsevents.records import ArticleResult, RawArticle, Rejection, RunResult

ProgressCallback = Callable[[ArticleResult], None]
ManifestArg = str | Path | Sequence[str | Path] | None
# An engine: (articles, options, corpus profile, number of articles) -> results, in any order.
Runner = Callable[[Sequence[RawArticle], Options, CorpusProfile, int], Iterable[ArticleResult]]


@dataclass(frozen=True)
class Context:
    """What each worker needs to process articles: options, knowledge, spaCy pipeline, profile."""

    options: Options
    knowledge: Knowledge
    nlp: Any
    profile: CorpusProfile

    @classmethod
    def create(cls, options: Options, profile: CorpusProfile | None = None) -> Context:
        """Load knowledge and the spaCy pipeline named by `options` (once per process)."""
        return cls(
            options=options,
            knowledge=load_knowledge(options.kb_dirs),
            nlp=nlp.load_pipeline(options.model),
            profile=profile if profile is not None else CorpusProfile(),
        )


def _failed(raw: RawArticle, stage: str, exc: BaseException) -> ArticleResult:
    reason = f"internal error in {stage}: {type(exc).__name__}: {exc}".splitlines()[0]
    return ArticleResult(
        doc_id=raw.doc_id,
        source_path=raw.source_path,
        article=None,
        rejection=Rejection(raw.doc_id, raw.source_path, stage, reason),
    )


def process_article(raw: RawArticle, ctx: Context) -> ArticleResult:
    """Clean, parse, resolve and code one article; failures become a Rejection, never a raise.

    A bug in one stage must not lose the input or stop the run: the article is reported with
    status "error" and the stage named, and the run summary counts it.
    """
    try:
        cleaned = clean.clean(raw, ctx.knowledge, ctx.profile, ctx.options)
    except Exception as exc:  # noqa: BLE001 - accounted for as a rejection
        return _failed(raw, "clean", exc)
    if isinstance(cleaned, Rejection):
        return ArticleResult(raw.doc_id, raw.source_path, None, rejection=cleaned)
    stage = "parse"
    try:
        parsed = nlp.parse(cleaned, ctx.nlp)
        stage = "actors"
        mentions = actors.find_actors(parsed, ctx.knowledge.actors)
        stage = "dates"
        timerefs = dates.find_timerefs(parsed, ctx.knowledge.time)
        stage = "coding"
        events = coding.code_events(parsed, mentions, timerefs, ctx.knowledge, ctx.options)
    except Exception as exc:  # noqa: BLE001 - accounted for as a rejection
        return _failed(raw, stage, exc)
    kept = tuple(e for e in events if e.confidence >= ctx.options.min_confidence)
    return ArticleResult(raw.doc_id, raw.source_path, cleaned, events=kept)


# --------------------------------------------------------------------------- local engine

# Worker processes of the pool each hold one Context, built by the initializer. This is the only
# process-global state, and it lives only inside pool workers (never in the calling process).
_WORKER_CONTEXT: Context | None = None
MIN_ARTICLES_PER_WORKER = 12


def _init_worker(options: Options, profile: CorpusProfile) -> None:
    global _WORKER_CONTEXT
    _WORKER_CONTEXT = Context.create(options, profile)


def _process_in_worker(raw: RawArticle) -> ArticleResult:
    assert _WORKER_CONTEXT is not None, "pool worker used before its initializer ran"
    return process_article(raw, _WORKER_CONTEXT)


def _start_method() -> str:
    """"fork" (fast, no re-import) when this process runs no other thread, else "spawn".

    Forking while another thread holds a lock (a progress bar's refresher, a notebook's I/O
    thread) can deadlock the child; spawning is safe but needs the caller's script to guard its
    entry point with `if __name__ == "__main__":`.
    """
    return "fork" if threading.active_count() == 1 else "spawn"


def run_local(
    raws: Iterable[RawArticle], options: Options, profile: CorpusProfile, n_inputs: int,
    context: Context | None = None,
) -> Iterator[ArticleResult]:
    """Process articles in order, on `options.processes` worker processes (1 = in-process)."""
    # A worker process costs a spaCy load (seconds): below a few dozen articles one process wins.
    processes = max(1, min(options.processes, n_inputs // MIN_ARTICLES_PER_WORKER))
    if processes == 1:
        ctx = context or Context.create(options, profile)
        ctx = dataclasses.replace(ctx, profile=profile)
        for raw in raws:
            yield process_article(raw, ctx)
        return
    mp = multiprocessing.get_context(_start_method())
    with mp.Pool(processes, initializer=_init_worker, initargs=(options, profile)) as pool:
        yield from pool.imap(_process_in_worker, raws, chunksize=2)


# --------------------------------------------------------------------------- extract


def ingest_all(
    inputs: Sequence[str | Path], manifest: ManifestArg, options: Options
) -> tuple[list[RawArticle], list[Rejection]]:
    """Read every input: the articles to process and the inputs rejected while reading."""
    from newsevents import ingest

    raws: list[RawArticle] = []
    rejected: list[Rejection] = []
    for item in ingest.iter_inputs(inputs, manifest, options):
        (rejected if isinstance(item, Rejection) else raws).append(item)
    return raws, rejected


def with_pub_date(raw: RawArticle, pub_date: str) -> RawArticle:
    """`raw` with a publication date inferred through links (source "inferred")."""
    meta = dataclasses.replace(raw.meta, pub_date=pub_date, pub_date_source="inferred")
    return dataclasses.replace(raw, meta=meta)


def extract(
    inputs: Sequence[str | Path],
    manifest: ManifestArg = None,
    *,
    options: Options | None = None,
    on_article: ProgressCallback | None = None,
    on_start: Callable[[int], None] | None = None,
    context: Context | None = None,
    runner: Runner | None = None,
    **overrides: Any,
) -> RunResult:
    """Extract events from `inputs` (files, folders, "-" for stdin) and link them across articles.

    Every input is accounted for: each appears in the result as an ArticleResult, with a
    rejection when it could not be processed. `on_start(n)` is called with the number of inputs,
    `on_article(result)` after each one (for progress bars). Options come from `options` and
    keyword overrides (see `Options`). `context` reuses an already loaded spaCy pipeline and
    knowledge (single-process runs only). `runner` is the engine that processes articles
    (default: `run_local`; `engine_dask.DaskRunner` distributes them); it has `run_local`'s shape.
    """
    given = {k: v for k, v in overrides.items() if v is not None}
    options = Options.build(**given) if options is None else dataclasses.replace(options, **given)
    raws, rejected = ingest_all(inputs, manifest, options)
    if on_start:
        on_start(len(raws) + len(rejected))
    results: dict[str, ArticleResult] = {}
    for rejection in rejected:
        result = ArticleResult(rejection.doc_id, rejection.source_path, None, rejection=rejection)
        results[rejection.doc_id] = result
        if on_article:
            on_article(result)
    profile = clean.build_profile(raws, options)
    if runner is None:
        runner = functools.partial(run_local, context=context)
    for result in runner(raws, options, profile, len(raws)):
        results[result.doc_id] = result
        if on_article:
            on_article(result)
    ordered = [results[r.doc_id] for r in raws] + [results[r.doc_id] for r in rejected]
    if not options.link:
        return RunResult(articles=tuple(ordered))
    rules = link.load_link_rules(knowledge_dirs(options.kb_dirs))
    inferred = link.infer_pub_dates(ordered, rules)
    if inferred:
        redo = [with_pub_date(r, inferred[r.doc_id]) for r in raws if r.doc_id in inferred]
        for result in runner(redo, options, profile, len(redo)):
            results[result.doc_id] = result
        ordered = [results[r.doc_id] for r in raws] + [results[r.doc_id] for r in rejected]
    return link.link(ordered, rules)
