"""Scale out with Dask: clean, parse and code partitions of the corpus on a cluster.

The flow is the single-machine streaming run (`pipeline.extract_stream`) with the per-article
work distributed by a `DaskRunner`:

1. ingest on the client into a spool, learning the corpus-level cleaning profile on the way;
2. partitions of `options.batch_size` articles run `pipeline.process_articles` on the workers;
   each worker loads the spaCy pipeline and knowledge once (a worker plugin), and a worker that
   joins later loads them when it starts;
3. results come back in input order (a bounded window of partitions is in flight, the input is
   read lazily) and are handed on at once: `newsevents extract --engine dask` commits each to
   the store and spools it for the JSONL files, keeping only its light linking view, exactly as
   the local engine does, so the client's memory does not grow with the texts of the corpus;
   publication dates inferred through links are re-run the same way, and linking runs on the
   views (its blocking by dyad and calendar is `link`'s);
4. articles and events are copied from the store to Parquet, partitioned like the work
   (`export_parquet`), with the stories and duplicate groups beside them.

`run_dask` is the in-memory form for the Python API: it returns the whole RunResult.

Dask is an optional extra (`pip install newsevents[dask]`); it is imported only here, lazily.
Point `--scheduler tcp://host:8786` at an existing cluster (dask-jobqueue, Kubernetes), or let
`--workers N` start a LocalCluster of N single-threaded worker processes.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from uuid import uuid4

from newsevents.clean import CorpusProfile
from newsevents.errors import UsageError
from newsevents.options import Options
from newsevents.records import ArticleResult, RawArticle, RunResult

DASK_HINT = "install the Dask extra: pip install 'newsevents[dask]'"
PARQUET_DIR = "parquet"
IN_FLIGHT_PER_THREAD = 3  # partitions queued per worker thread


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise UsageError(f"--engine dask needs dask.distributed, which is not installed; "
                         f"{DASK_HINT}") from exc
    return distributed


# --------------------------------------------------------------------------- cluster


@contextmanager
def dask_client(options: Options) -> Iterator[Any]:
    """A client for `options.scheduler`, else for a LocalCluster of `options.workers` processes.

    A cluster started here is closed on exit; an existing one is left running.
    """
    distributed = _distributed()
    if options.scheduler:
        try:
            client = distributed.Client(options.scheduler, timeout="30s")
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {options.scheduler} ({exc}); "
                             "check the address and that the scheduler is running") from exc
        with client:
            yield client
        return
    cluster = distributed.LocalCluster(
        n_workers=max(1, options.workers), threads_per_worker=1, processes=True,
        dashboard_address=None, silence_logs=40,
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


@contextmanager
def dask_runner(options: Options) -> Iterator[DaskRunner]:
    """A `DaskRunner` on the cluster `options` name (see `dask_client`), cleaned up on exit."""
    with dask_client(options) as client, DaskRunner(client) as runner:
        yield runner


def _plugin_class() -> type:
    """The worker plugin class (defined lazily: its base class comes from Dask)."""
    distributed = _distributed()

    class ContextPlugin(distributed.WorkerPlugin):
        """Builds the worker's `pipeline.Context` once, when the worker starts or registers it."""

        def __init__(self, name: str, options: Options, profile: CorpusProfile) -> None:
            self.name = name
            self.options = options
            self.profile = profile
            self.context: Any = None

        def setup(self, worker: Any) -> None:
            from newsevents.pipeline import Context

            self.context = Context.create(self.options, self.profile)

    return ContextPlugin


def _process_partition(raws: Sequence[RawArticle], plugin_name: str) -> list[ArticleResult]:
    """Run on a worker: process one partition with the worker's loaded Context."""
    from distributed import get_worker

    from newsevents.pipeline import process_articles

    context = get_worker().plugins[plugin_name].context
    return process_articles(raws, context)


def partitions(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    """`items` cut into consecutive slices of at most `size` (at least 1)."""
    size = max(1, size)
    return [items[i:i + size] for i in range(0, len(items), size)]


def batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """`items` read lazily in consecutive lists of at most `size` (at least 1)."""
    iterator = iter(items)
    size = max(1, size)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class DaskRunner:
    """Runs `process_articles` on partitions of articles on a Dask cluster, in input order.

    Has the shape of `pipeline.run_local(raws, options, profile, n_inputs)` so either engine can
    drive the same flow; `raws` is read lazily, a window of partitions at a time. Workers build
    their Context once per (options, profile), however many passes use it; `close()` removes
    it from the workers.
    """

    def __init__(self, client: Any) -> None:
        self.client = client
        self._plugins: dict[tuple[Options, int], str] = {}

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Unregister this runner's worker plugins (the cluster may be shared)."""
        for name in self._plugins.values():
            self.client.unregister_worker_plugin(name)
        self._plugins.clear()

    def _plugin_for(self, options: Options, profile: CorpusProfile) -> str:
        key = (options, id(profile))
        if key not in self._plugins:
            name = f"newsevents-context-{uuid4().hex[:12]}"
            self.client.register_plugin(_plugin_class()(name, options, profile), name=name)
            self._plugins[key] = name
        return self._plugins[key]

    def __call__(
        self, raws: Iterable[RawArticle], options: Options, profile: CorpusProfile,
        n_inputs: int = 0, context: Any = None,
    ) -> Iterator[ArticleResult]:
        parts = batches(raws, options.batch_size)
        first = next(parts, None)
        if first is not None:
            name = self._plugin_for(options, profile)
            yield from self._in_order(itertools.chain([first], parts), name)

    def _in_order(self, parts: Iterable[Sequence[RawArticle]],
                  name: str) -> Iterator[ArticleResult]:
        """Results partition by partition, in input order, with a bounded number in flight.

        Only `window` partitions are on the cluster at a time, so memory on the scheduler and
        workers does not grow with the corpus; the workers stay busy while the head is consumed.
        """
        window = max(4, IN_FLIGHT_PER_THREAD * max(1, sum(self.client.nthreads().values())))
        pending: deque[Any] = deque()
        upcoming = iter(parts)
        for part in itertools.islice(upcoming, window):
            pending.append(self._submit(part, name))
        while pending:
            future = pending.popleft()
            results = future.result()
            future.release()
            for part in itertools.islice(upcoming, 1):
                pending.append(self._submit(part, name))
            yield from results

    def _submit(self, part: Sequence[RawArticle], name: str) -> Any:
        return self.client.submit(_process_partition, part, plugin_name=name, pure=False)


# --------------------------------------------------------------------------- the flow


def run_dask(
    inputs: Sequence[str | Path],
    manifest: str | Path | None,
    options: Options,
    out_dir: str | Path | None = None,
    client: Any = None,
) -> RunResult:
    """Extract events from `inputs` on Dask; write partitioned Parquet under `out_dir/parquet`.

    `client` reuses a connected `distributed.Client`; otherwise one is made from
    `options.scheduler` / `options.workers` (see `dask_client`).
    """
    from newsevents.pipeline import extract

    if client is None:
        with dask_client(options) as own, DaskRunner(own) as runner:
            run = extract(inputs, manifest=manifest, options=options, runner=runner)
    else:
        with DaskRunner(client) as runner:
            run = extract(inputs, manifest=manifest, options=options, runner=runner)
    if out_dir is not None:
        write_parquet(run, Path(out_dir) / PARQUET_DIR, options.batch_size)
    return run


# --------------------------------------------------------------------------- Parquet


def write_parquet(run: RunResult, folder: str | Path, partition_size: int) -> Path:
    """Write the articles and events of `run` (copies of one text included), partitioned, and
    its stories as Parquet (see `export_parquet`), through an in-memory store."""
    from newsevents.store import open_store

    with open_store(":memory:") as store:
        _insert_all(store.connection, run)
        return export_parquet(store.connection, folder, partition_size)


def export_parquet(con: Any, folder: str | Path, partition_size: int) -> Path:
    """Copy a store's tables to Parquet under `folder`.

    `articles/` and `events/` are Hive-partitioned by `part` (consecutive runs of
    `partition_size` articles in input order, an article's events with it); `stories.parquet`
    and `duplicates.parquet` are whole. The columns are the store's (store/schema_v*.sql).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    part = f"(a.seq - 1) // {max(1, partition_size)} AS part"
    copies = {
        "articles": f"SELECT a.*, {part} FROM articles a",
        "events": f"SELECT e.*, {part} FROM events e JOIN articles a USING (doc_id)",
    }
    for table, select in copies.items():
        con.execute(f"COPY ({select}) TO {_quoted(folder / table)} "
                    "(FORMAT parquet, PARTITION_BY (part), OVERWRITE)")
    for table in ("stories", "duplicates"):
        con.execute(f"COPY {table} TO {_quoted(folder / f'{table}.parquet')} (FORMAT parquet)")
    return folder


def _insert_all(con: Any, run: RunResult) -> None:
    """Every article, event and story of `run` as table rows (copies of one text included)."""
    from newsevents.store import insert_rows, rows

    insert_rows(con, "articles", (*rows.ARTICLE_COLUMNS, "seq"),
                [(*rows.article_row(a, "dask"), i + 1) for i, a in enumerate(run.articles)])
    insert_rows(con, "events", rows.EVENT_COLUMNS,
                [rows.event_row(e, i) for a in run.articles for i, e in enumerate(a.events)])
    insert_rows(con, "stories", rows.STORY_COLUMNS, [rows.story_row(s) for s in run.stories])
    insert_rows(con, "duplicates", rows.DUPLICATE_COLUMNS,
                [rows.duplicate_row(d) for d in run.duplicates])


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"
