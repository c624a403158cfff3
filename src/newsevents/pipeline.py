"""The whole flow: ingest -> clean -> parse -> actors + dates -> code -> link.

`process_article` is the per-article function every engine runs (in-process, a process pool on both
cores, or Dask workers). Two entry points run the flow:

- `extract_stream` streams: each input is read once into a spool file (the corpus profile is
  learnt on the way), each finished ArticleResult is handed to `on_article` at once and then
  dropped, and linking runs on light per-article views. Memory does not grow with the texts of
  the corpus; the CLI uses it (results go to the store and the output files as they come).
- `extract` keeps every result and returns one RunResult (for the Python API, tests, Dask); it is
  `extract_stream` with a callback that keeps the results.
"""

from __future__ import annotations

import dataclasses
import gc
import itertools
import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from newsevents import actors, clean, coding, dates, link, nlp
from newsevents.clean import CorpusProfile
from newsevents.knowledge import Knowledge, knowledge_dirs, load_knowledge
from newsevents.options import Options
from newsevents.records import Article, ArticleResult, Parsed, RawArticle, Rejection, RunResult
from newsevents.spool import Spool

ProgressCallback = Callable[[ArticleResult], None]
ManifestArg = str | Path | Sequence[str | Path] | None
# An engine: (articles, options, corpus profile, number of articles) -> results. Results may come
# in any order, but an engine that keeps input order lets a streaming run hold nothing back.
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
    cleaned = _cleaned(raw, ctx)
    if isinstance(cleaned, ArticleResult):
        return cleaned
    try:
        parsed = nlp.parse(cleaned, ctx.nlp)
    except Exception as exc:  # noqa: BLE001 - accounted for as a rejection
        return _failed(raw, "parse", exc)
    return _coded(raw, parsed, ctx)


def process_articles(raws: Sequence[RawArticle], ctx: Context) -> list[ArticleResult]:
    """`process_article` for several articles, their parses batched through spaCy (`nlp.pipe`
    costs less per article than one call each and gives the same Docs). Should the batch fail,
    each article is parsed alone, so a failure is charged to the article that caused it."""
    cleaned = [_cleaned(raw, ctx) for raw in raws]
    articles = [c for c in cleaned if isinstance(c, Article)]
    try:
        parses = iter(list(nlp.parse_many(articles, ctx.nlp, batch_size=len(articles) or 1)))
    except Exception:  # noqa: BLE001 - retried one by one below
        return [process_article(raw, ctx) for raw in raws]
    return [c if isinstance(c, ArticleResult) else _coded(raw, next(parses), ctx)
            for raw, c in zip(raws, cleaned, strict=True)]


def _cleaned(raw: RawArticle, ctx: Context) -> Article | ArticleResult:
    """The cleaned article, or the result that reports why there is none."""
    try:
        cleaned = clean.clean(raw, ctx.knowledge, ctx.profile, ctx.options)
    except Exception as exc:  # noqa: BLE001 - accounted for as a rejection
        return _failed(raw, "clean", exc)
    if isinstance(cleaned, Rejection):
        return ArticleResult(raw.doc_id, raw.source_path, None, rejection=cleaned)
    return cleaned


def _coded(raw: RawArticle, parsed: Parsed, ctx: Context) -> ArticleResult:
    """Actors, dates and events of a parsed article."""
    stage = "actors"
    try:
        mentions = actors.find_actors(parsed, ctx.knowledge.actors)
        stage = "dates"
        timerefs = dates.find_timerefs(parsed, ctx.knowledge.time)
        stage = "coding"
        events = coding.code_events(parsed, mentions, timerefs, ctx.knowledge, ctx.options)
    except Exception as exc:  # noqa: BLE001 - accounted for as a rejection
        return _failed(raw, stage, exc)
    kept = tuple(e for e in events if e.confidence >= ctx.options.min_confidence)
    return ArticleResult(raw.doc_id, raw.source_path, parsed.article, events=kept)


# --------------------------------------------------------------------------- local engine

# Worker processes of the pool each hold one Context, set by the initializer. This is the only
# process-global state, and it lives only inside pool workers (never in the calling process).
_WORKER_CONTEXT: Context | None = None
MIN_ARTICLES_PER_WORKER = 12
ARTICLES_PER_TASK = 8  # articles sent to a worker at a time, parsed as one spaCy batch
TASKS_IN_FLIGHT_PER_WORKER = 4  # queued tasks per worker: keeps it busy, bounds what waits
# A worker is replaced by a fresh one after this many tasks: spaCy's string store and caches grow
# with every new word a worker parses. Forked from a caller that holds the loaded Context, a fresh
# worker starts at once (nothing is loaded again).
TASKS_PER_WORKER = 500


def _init_worker(options: Options, profile: CorpusProfile, inherited: Context | None) -> None:
    """Set the worker's Context: the caller's, inherited through fork, else loaded here.

    An inheriting worker freezes the garbage collector first: a collection would write to every
    object inherited from the caller (its run state included), turning shared pages into copies.
    """
    global _WORKER_CONTEXT
    if inherited is not None:
        gc.freeze()
    _WORKER_CONTEXT = inherited if inherited is not None else Context.create(options, profile)


def _process_in_worker(raws: Sequence[RawArticle]) -> list[ArticleResult]:
    assert _WORKER_CONTEXT is not None, "pool worker used before its initializer ran"
    return process_articles(raws, _WORKER_CONTEXT)


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
    """Process articles in input order, on `options.processes` worker processes (1 = in-process).

    `raws` is read lazily: only a few tasks per worker are queued at a time, so neither the
    articles nor their results pile up in memory however large the corpus. A `context` (loaded
    spaCy pipeline and knowledge) is used in-process, and inherited by forked workers. The pool
    lives as long as this call; `LocalEngine` keeps one pool for several calls.
    """
    with LocalEngine(context) as engine:
        yield from engine(raws, options, profile, n_inputs)


class LocalEngine:
    """The local engine: a Runner that keeps one worker pool for every pass of a run.

    A run calls its engine twice (every article, then the few re-processed with a date inferred
    through links). Workers forked once, at the first call, when the caller holds little beyond
    the loaded Context, serve both; a pool forked for the second call would start from a caller
    that by then holds every article's linking view. Close it (or use it as a context manager)
    when the run's passes are done. Owned by one run; not thread-safe.
    """

    def __init__(self, context: Context | None = None) -> None:
        self._context = context
        self._pool: Any = None
        self._pool_key: tuple[Options, CorpusProfile] | None = None
        self._processes = 0
        self._froze_gc = False

    def __call__(self, raws: Iterable[RawArticle], options: Options, profile: CorpusProfile,
                 n_inputs: int) -> Iterator[ArticleResult]:
        pool = self._pool_for(options, profile, n_inputs)
        if pool is None:
            ctx = self._context or Context.create(options, profile)
            ctx = dataclasses.replace(ctx, profile=profile)
            return (process_article(raw, ctx) for raw in raws)
        return _in_flight_window(pool, raws, self._processes * TASKS_IN_FLIGHT_PER_WORKER)

    def _pool_for(self, options: Options, profile: CorpusProfile, n_inputs: int) -> Any:
        """The open pool if it serves these options and profile, else a new one (None: run
        in-process, as for a first call on fewer articles than a worker's start-up pays for)."""
        if self._pool is not None and self._pool_key == (options, profile):
            return self._pool
        self.close()
        # A worker process costs a spaCy load (seconds): below a few dozen articles one wins.
        processes = max(1, min(options.processes, n_inputs // MIN_ARTICLES_PER_WORKER))
        if processes == 1:
            return None
        method = _start_method()
        # Forked workers get the caller's Context as it is in memory (fork pickles nothing).
        inherited = dataclasses.replace(self._context, profile=profile) if (
            self._context is not None and method == "fork") else None
        if method == "fork":
            # The caller's collector would otherwise write to (and so copy) every object its
            # workers share with it; see the gc module's notes on fork.
            gc.freeze()
            self._froze_gc = True
        self._pool = multiprocessing.get_context(method).Pool(
            processes, initializer=_init_worker, initargs=(options, profile, inherited),
            maxtasksperchild=TASKS_PER_WORKER)
        self._pool_key, self._processes = (options, profile), processes
        return self._pool

    def close(self) -> None:
        """Stop the workers (waiting for queued tasks) and let the collector see everything."""
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool, self._pool_key = None, None
        if self._froze_gc:
            gc.unfreeze()
            self._froze_gc = False

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is not None and self._pool is not None:
            self._pool.terminate()
        self.close()


def _in_flight_window(pool: Any, raws: Iterable[RawArticle],
                      window: int) -> Iterator[ArticleResult]:
    """Results of `raws` in input order, with at most `window` tasks queued on the pool.

    (`Pool.imap` would read the whole input into its queue and buffer results the caller has not
    taken yet.)
    """
    pending: deque[Any] = deque()
    source = iter(raws)
    tasks = iter(lambda: list(itertools.islice(source, ARTICLES_PER_TASK)), [])
    for task in tasks:
        pending.append(pool.apply_async(_process_in_worker, (task,)))
        if len(pending) >= window:
            yield from pending.popleft().get()
    while pending:
        yield from pending.popleft().get()


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


@dataclass(frozen=True)
class StreamedRun:
    """What a streaming run keeps once every result has been handed on.

    `order` is the doc_ids as a whole run lists its articles (processed inputs in input order,
    then the inputs rejected while reading); `links` the stories and duplicate groups;
    `linked` whether linking ran (`options.link`); `rerun` the doc_ids re-processed with a date
    inferred through links; `left_out` those left out of the links (`leave_out`).
    """

    order: tuple[str, ...]
    links: link.Links
    linked: bool = True
    rerun: tuple[str, ...] = ()
    left_out: tuple[str, ...] = ()

    @property
    def n_inputs(self) -> int:
        return len(self.order)


def _spool_inputs(inputs: Sequence[str | Path], manifest: ManifestArg, options: Options,
                  spool: Spool[RawArticle], rejected: list[Rejection]) -> Iterator[RawArticle]:
    """Read every input once: articles go to `spool` (and are yielded), rejections to a list."""
    from newsevents import ingest

    for item in ingest.iter_inputs(inputs, manifest, options):
        if isinstance(item, Rejection):
            rejected.append(item)
        else:
            spool.add(item.doc_id, item)
            yield item


def _in_order(results: Iterable[ArticleResult], order: Sequence[str]) -> Iterator[ArticleResult]:
    """`results` in the order of `order` (engines that keep input order pass straight through)."""
    waiting: dict[str, ArticleResult] = {}
    expected = iter(order)
    head = next(expected, None)
    for result in results:
        waiting[result.doc_id] = result
        while head is not None and head in waiting:
            yield waiting.pop(head)
            head = next(expected, None)
    yield from waiting.values()


def _local_engine(options: Options, context: Context | None) -> LocalEngine:
    """A LocalEngine with a Context loaded here once when workers can inherit it by fork.

    Every forked worker (and each fresh worker that replaces one) then starts at once, sharing
    the loaded pipeline's memory instead of loading its own copy.
    """
    if context is None and _start_method() == "fork":
        context = Context.create(options)
    return LocalEngine(context)


def extract_stream(
    inputs: Sequence[str | Path],
    manifest: ManifestArg = None,
    *,
    options: Options | None = None,
    on_article: ProgressCallback | None = None,
    on_rerun: ProgressCallback | None = None,
    on_start: Callable[[int], None] | None = None,
    context: Context | None = None,
    runner: Runner | None = None,
    spool_dir: str | Path | None = None,
    leave_out: Callable[[], Collection[str]] | None = None,
    **overrides: Any,
) -> StreamedRun:
    """Extract events from `inputs` and link them, handing each result on as soon as it is done.

    `on_article(result)` is called once per input (first the inputs rejected while reading, then
    each processed article in input order); the result is not kept. Articles re-processed with
    a publication date inferred through links are handed to `on_rerun(result)`; they replace the
    earlier result of the same doc_id. The returned StreamedRun holds the run's order and links
    (apply `links.story_of()` to the events). Inputs are spooled to a temporary file in
    `spool_dir` (default: the system's temporary folder). `leave_out()`, asked once every
    result has been handed on, names doc_ids to leave out of the links (a store's skipped
    copies: `store.RunRecorder.skipped`). Other arguments as for `extract`.
    """
    given = {k: v for k, v in overrides.items() if v is not None}
    options = Options.build(**given) if options is None else dataclasses.replace(options, **given)
    engine = nullcontext(runner) if runner is not None else _local_engine(options, context)
    # Leaving the block stops a LocalEngine's workers before the links are made (see there).
    with engine as run_on:
        passes = _run_passes(inputs, manifest, options, run_on, spool_dir,
                             on_article, on_rerun, on_start)
    if passes.collected is None:
        return StreamedRun(passes.everything, link.Links(), linked=False)
    left_out = frozenset(leave_out()) if leave_out else frozenset()
    views = [v for v in passes.collected if v.doc_id not in left_out]
    return StreamedRun(passes.everything, link.link_views(views, passes.rules), rerun=passes.rerun,
                       left_out=tuple(d for d in passes.everything if d in left_out))


class _Passes(NamedTuple):
    """What the passes over the articles leave for linking."""

    everything: tuple[str, ...]  # StreamedRun.order
    collected: link.LinkCollector | None  # None: linking is off
    rules: link.LinkRules | None = None
    rerun: tuple[str, ...] = ()


def _run_passes(
    inputs: Sequence[str | Path], manifest: ManifestArg, options: Options, runner: Runner,
    spool_dir: str | Path | None, on_article: ProgressCallback | None,
    on_rerun: ProgressCallback | None, on_start: Callable[[int], None] | None,
) -> _Passes:
    """`extract_stream`'s passes on one engine: every article, then those re-run with a
    publication date inferred through links."""
    rejected: list[Rejection] = []
    with Spool[RawArticle](spool_dir) as spool:
        profile = clean.build_profile(
            _spool_inputs(inputs, manifest, options, spool, rejected), options)
        order = spool.keys()
        if on_start:
            on_start(len(order) + len(rejected))
        for rejection in rejected:
            if on_article:
                on_article(ArticleResult(rejection.doc_id, rejection.source_path, None,
                                         rejection=rejection))
        collected = link.LinkCollector()
        for result in _in_order(runner(iter(spool), options, profile, len(order)), order):
            if options.link:
                collected.add(result)
            if on_article:
                on_article(result)
        everything = (*order, *(r.doc_id for r in rejected))
        if not options.link:
            return _Passes(everything, None)
        rules = link.load_link_rules(knowledge_dirs(options.kb_dirs))
        inferred = link.infer_pub_dates(collected.views(), rules)
        rerun = tuple(doc_id for doc_id in order if doc_id in inferred)
        redo = (with_pub_date(spool.get(doc_id), inferred[doc_id]) for doc_id in rerun)
        for result in runner(redo, options, profile, len(rerun)):
            collected.add(result)
            if on_rerun:
                on_rerun(result)
    return _Passes(everything, collected, rules, rerun)


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
    (default: a `LocalEngine`; `engine_dask.DaskRunner` distributes them); it has `run_local`'s shape.

    The whole run is returned in memory; for large corpora use `extract_stream`, which hands
    each result on instead of keeping it (this function is `extract_stream` keeping them).
    """
    kept: dict[str, ArticleResult] = {}

    def keep(result: ArticleResult) -> None:
        kept[result.doc_id] = result
        if on_article:
            on_article(result)

    streamed = extract_stream(
        inputs, manifest, options=options, on_article=keep,
        on_rerun=lambda result: kept.__setitem__(result.doc_id, result), on_start=on_start,
        context=context, runner=runner, **overrides)
    ordered = [kept[doc_id] for doc_id in streamed.order]
    if not streamed.linked:
        return RunResult(articles=tuple(ordered))
    return link.with_links(ordered, streamed.links)
