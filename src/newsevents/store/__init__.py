"""The DuckDB store: articles, events, stories and runs in one file, added to incrementally.

Guarantees:
- an article's records (its row and all its events) are committed together, in one transaction;
- re-running on the same or an overlapping corpus adds nothing twice: an article whose content
  hash is already stored for the same outlet is skipped, so an interrupted run resumes where it
  stopped (the same text from another outlet is a syndicated copy and is kept);
- the schema is versioned; numbered migrations are applied on open, each in a transaction.

Schema: `schema_v1.sql` (tables and columns, the contract with reporting) and later migrations.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal
from uuid import uuid4

from newsevents.errors import StoreError
from newsevents.options import Options
from newsevents.records import (
    ArticleResult,
    DuplicateGroup,
    Event,
    RunResult,
    Story,
)
from newsevents.store import rows
from newsevents.store.migrate import current_version, latest_version, migrate

__all__ = [
    "RunRecorder", "Store", "WriteOutcome", "connect_read_only", "insert_rows", "open_store",
    "relink_store", "save_run",
]

WriteOutcome = Literal["added", "replaced", "skipped"]
MEMORY = ":memory:"  # DuckDB's name for a store that lives only in this process


def _placeholders(n: int) -> str:
    return ", ".join("?" * n)


_ARTICLE_INSERT = (
    f"INSERT INTO articles ({', '.join(rows.ARTICLE_COLUMNS)}, seq) "
    f"VALUES ({_placeholders(len(rows.ARTICLE_COLUMNS))}, coalesce(?, nextval('article_seq')))"
)
ROWS_PER_STATEMENT = 100
READ_BATCH = 500  # articles read at a time when iterating over the store


def insert_rows(
    con: Any, table: str, columns: Sequence[str], values: Sequence[Sequence[Any]]
) -> None:
    """Insert rows with multi-row VALUES statements (DuckDB's executemany runs one per row)."""
    one = f"({_placeholders(len(columns))})"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    for start in range(0, len(values), ROWS_PER_STATEMENT):
        chunk = values[start:start + ROWS_PER_STATEMENT]
        con.execute(head + ", ".join([one] * len(chunk)), [v for row in chunk for v in row])


def _duckdb() -> Any:
    import duckdb

    return duckdb


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _connect(path: str | Path, read_only: bool, config: dict[str, Any] | None = None) -> Any:
    duckdb = _duckdb()
    if read_only and not Path(path).exists():
        raise StoreError(f"no store at {path}; create it with `newsevents extract --db {path}`")
    if not read_only and str(path) != MEMORY:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(path), read_only=read_only, config=config or {})
    except duckdb.Error as exc:
        raise StoreError(
            f"cannot open the store {path} ({exc}); if another newsevents process is writing "
            "to it, wait for it to finish"
        ) from exc


def connect_read_only(path: str | Path) -> Any:
    """A DuckDB connection that cannot change the store (nor touch other files).

    External access is off, so `COPY ... TO`, `ATTACH` and file readers are refused as well.
    """
    con = _connect(path, read_only=True, config={"enable_external_access": False})
    _check_version(con, path)
    return con


def _check_version(con: Any, path: str | Path) -> None:
    version, latest = current_version(con), latest_version()
    if version > latest:
        con.close()
        raise StoreError(f"the store {path} has schema version {version} but this newsevents "
                         f"knows only up to {latest}; upgrade newsevents to read it")
    if version != latest:
        con.close()
        raise StoreError(
            f"the store {path} has schema version {version}, this newsevents uses {latest}; "
            "open it once for writing (e.g. `newsevents extract --db`) to migrate it"
        )


def open_store(path: str | Path, read_only: bool = False) -> Store:
    """Open (creating if needed) the store at `path` and bring its schema up to date."""
    con = _connect(path, read_only)
    if read_only:
        _check_version(con, path)
    else:
        try:
            migrate(con)
        except StoreError:
            con.close()
            raise
    return Store(con, Path(path), read_only)


class Store:
    """An open store. Use as a context manager, or call `close()`."""

    def __init__(self, con: Any, path: Path, read_only: bool) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only

    # ----------------------------------------------------------------- lifecycle

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (committed data is already durable)."""
        self._con.close()

    @property
    def connection(self) -> Any:
        """The underlying DuckDB connection (for exporters and queries in this package)."""
        return self._con

    @property
    def schema_version(self) -> int:
        return current_version(self._con)

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        if self.read_only:
            raise StoreError(f"the store {self.path} was opened read-only")
        duckdb = _duckdb()
        self._con.execute("BEGIN TRANSACTION")
        try:
            yield self._con
        except BaseException as exc:
            self._con.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"cannot write to the store {self.path}: {exc}") from exc
            raise
        else:
            self._con.execute("COMMIT")

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cursor = self._con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # ----------------------------------------------------------------- runs

    def start_run(self, options: Options | None = None) -> str:
        """Record the start of a run; return its id."""
        run_id = f"run-{_now():%Y%m%dT%H%M%S}-{uuid4().hex[:8]}"
        options_json = json.dumps(dataclasses.asdict(options), default=str) if options else None
        with self._transaction() as con:
            con.execute(
                "INSERT INTO runs (run_id, started_at, options_json) VALUES (?, ?, ?)",
                [run_id, _now(), options_json],
            )
        return run_id

    def finish_run(self, run_id: str, n_inputs: int | None = None) -> dict[str, Any]:
        """Record the end of a run with its counts (taken from the rows it wrote)."""
        n_ok, n_failed, n_events = self._con.execute(
            "SELECT count(*) FILTER (WHERE status = 'ok'), count(*) FILTER (WHERE status <> 'ok'),"
            " (SELECT count(*) FROM events e JOIN articles a USING (doc_id) WHERE a.run_id = ?)"
            " FROM articles WHERE run_id = ?",
            [run_id, run_id],
        ).fetchone()
        n_inputs = n_ok + n_failed if n_inputs is None else n_inputs
        with self._transaction() as con:
            con.execute(
                "UPDATE runs SET finished_at = ?, n_inputs = ?, n_ok = ?, n_failed = ?, "
                "n_events = ? WHERE run_id = ?",
                [_now(), n_inputs, n_ok, n_failed, n_events, run_id],
            )
        return {"run_id": run_id, "n_inputs": n_inputs, "n_ok": n_ok, "n_failed": n_failed,
                "n_events": n_events}

    def runs(self) -> list[dict[str, Any]]:
        """All runs, oldest first."""
        return self._rows("SELECT * FROM runs ORDER BY started_at, run_id")

    # ----------------------------------------------------------------- articles

    def has_content(self, content_hash: str) -> bool:
        """Whether an article with this content hash is already stored."""
        return bool(self._con.execute(
            "SELECT count(*) FROM articles WHERE content_hash = ?", [content_hash]
        ).fetchone()[0])

    def known_hashes(self) -> set[str]:
        """Content hashes of every stored article (to skip them before processing)."""
        found = self._con.execute(
            "SELECT content_hash FROM articles WHERE content_hash IS NOT NULL"
        ).fetchall()
        return {h for (h,) in found if h}

    def known_doc_ids(self) -> set[str]:
        """doc_ids of every article stored without error."""
        found = self._con.execute("SELECT doc_id FROM articles WHERE status = 'ok'").fetchall()
        return {d for (d,) in found}

    def has_article(self, content_hash: str, outlet: str | None) -> bool:
        """Whether this text from this outlet is stored (the rule `write_article` skips by)."""
        return self._has_copy(self._con, content_hash, outlet)

    @staticmethod
    def _has_copy(con: Any, content_hash: str, outlet: str | None) -> bool:
        # The same text from another outlet is a syndicated copy: kept, so that linking counts
        # every outlet that ran it. From the same outlet it is the same article (a re-run, an
        # overlapping corpus, a re-scrape under another path).
        return bool(con.execute(
            "SELECT count(*) FROM articles WHERE content_hash = ? "
            "AND outlet IS NOT DISTINCT FROM ?", [content_hash, outlet]
        ).fetchone()[0])

    def known_articles(self) -> set[tuple[str, str | None]]:
        """(content hash, outlet) of every stored article: inputs to skip before processing."""
        found = self._con.execute(
            "SELECT DISTINCT content_hash, outlet FROM articles WHERE content_hash IS NOT NULL"
        ).fetchall()
        return {(h, o) for h, o in found if h}

    def write_article(self, result: ArticleResult, run_id: str) -> WriteOutcome:
        """Commit one article and its events together; say whether it was added.

        "skipped": the same text from the same outlet is already stored (or it failed and a
        good copy is stored);
        "replaced": its doc_id was stored with other content (or as a failure) and is
        overwritten; "added": new.
        """
        with self._transaction() as con:
            return self._write(con, result, run_id)

    def write_articles(self, results: Iterable[ArticleResult], run_id: str) -> list[WriteOutcome]:
        """Commit several articles in one transaction (all or none): fewer commits, same rules."""
        with self._transaction() as con:
            return [self._write(con, result, run_id) for result in results]

    def replace_article(self, result: ArticleResult, run_id: str) -> WriteOutcome:
        """Commit one article and its events, overwriting whatever is stored under its doc_id.

        For results that changed after they were first written (e.g. re-run with a publication
        date inferred through links).
        """
        with self._transaction() as con:
            return self._write(con, result, run_id, force=True)

    def _write(
        self, con: Any, result: ArticleResult, run_id: str, force: bool = False
    ) -> WriteOutcome:
        existing = con.execute(
            "SELECT status, seq FROM articles WHERE doc_id = ?", [result.doc_id]
        ).fetchone()
        article = result.article
        if not force and article and article.content_hash and self._has_copy(
            con, article.content_hash, article.outlet
        ):
            return "skipped"
        if not force and existing and not result.ok and existing[0] == "ok":
            return "skipped"
        if existing:
            con.execute("DELETE FROM events WHERE doc_id = ?", [result.doc_id])
            con.execute("DELETE FROM articles WHERE doc_id = ?", [result.doc_id])
        seq = existing[1] if existing else None  # a replaced article keeps its place
        con.execute(_ARTICLE_INSERT, [*rows.article_row(result, run_id), seq])
        insert_rows(con, "events", rows.EVENT_COLUMNS,
                    [rows.event_row(e, i) for i, e in enumerate(result.events)])
        return "replaced" if existing else "added"

    # ----------------------------------------------------------------- links

    def write_stories(
        self,
        stories: Iterable[Story],
        events_with_story_ids: Iterable[Event],
        duplicates: Iterable[DuplicateGroup] | None = None,
    ) -> None:
        """Replace the stories (and duplicate groups, if given); set `events.story_id`.

        Linking runs over the whole store, so its output replaces the previous linking: events not
        in `events_with_story_ids` (or with story_id None) end up with no story.
        """
        pairs = [(e.event_id, e.story_id) for e in events_with_story_ids if e.story_id]
        story_rows = [rows.story_row(s) for s in stories]
        with self._transaction() as con:
            con.execute("DELETE FROM stories")
            insert_rows(con, "stories", rows.STORY_COLUMNS, story_rows)
            con.execute("UPDATE events SET story_id = NULL WHERE story_id IS NOT NULL")
            if pairs:
                con.execute("CREATE OR REPLACE TEMP TABLE story_links "
                            "(event_id VARCHAR, story_id VARCHAR)")
                insert_rows(con, "story_links", ("event_id", "story_id"), pairs)
                con.execute("UPDATE events SET story_id = l.story_id FROM story_links l "
                            "WHERE events.event_id = l.event_id")
                con.execute("DROP TABLE story_links")
            if duplicates is not None:
                con.execute("DELETE FROM duplicates")
                insert_rows(con, "duplicates", rows.DUPLICATE_COLUMNS,
                            [rows.duplicate_row(g) for g in duplicates])

    def write_links(self, stories: Sequence[Story],
                    duplicates: Iterable[DuplicateGroup] | None = None) -> None:
        """`write_stories` with each event's story_id taken from the stories' event ids.

        (The same rows, without needing the events themselves: a streaming run has handed them
        on already.)
        """
        self.write_stories(stories, (_StoryMark(event_id, s.story_id) for s in stories
                                     for event_id in s.event_ids), duplicates)

    # ----------------------------------------------------------------- reading

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        tables = ("runs", "articles", "events", "stories", "duplicates")
        return {t: self._con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def iter_results(self, batch: int = READ_BATCH) -> Iterator[ArticleResult]:
        """Every stored article with its events, in input order, read `batch` articles at a time.

        Memory holds one batch, not the store (for linking over a whole store).
        """
        order = [d for (d,) in self._con.execute(
            "SELECT doc_id FROM articles ORDER BY seq, doc_id").fetchall()]
        for start in range(0, len(order), max(1, batch)):
            doc_ids = order[start:start + max(1, batch)]
            marks = _placeholders(len(doc_ids))
            by_doc: dict[str, list[Event]] = {}
            for row in self._rows(f"SELECT * FROM events WHERE doc_id IN ({marks}) "
                                  "ORDER BY doc_id, seq, event_id", doc_ids):
                by_doc.setdefault(row["doc_id"], []).append(rows.event_from_row(row))
            found = {row["doc_id"]: row for row in self._rows(
                f"SELECT * FROM articles WHERE doc_id IN ({marks})", doc_ids)}
            for doc_id in doc_ids:
                yield rows.result_from_row(found[doc_id], tuple(by_doc.get(doc_id, ())))

    def load_results(self) -> RunResult:
        """Every stored article, event, story and duplicate group as records, in input order."""
        articles = tuple(self.iter_results())
        stories = tuple(rows.story_from_row(r)
                        for r in self._rows("SELECT * FROM stories ORDER BY story_id"))
        duplicates = tuple(rows.duplicate_from_row(r)
                           for r in self._rows("SELECT * FROM duplicates ORDER BY group_id"))
        return RunResult(articles=articles, stories=stories, duplicates=duplicates)


# --------------------------------------------------------------------------- whole runs

Linker = Callable[[Sequence[ArticleResult]], RunResult]
WRITE_BATCH = 64


@dataclasses.dataclass(frozen=True)
class _StoryMark:
    """An event id with its story id: all `write_stories` reads of an event."""

    event_id: str
    story_id: str


class RunRecorder:
    """Commits the articles of a run as they are processed, then the run's links.

    Pass `recorder.record` as `pipeline.extract(on_article=...)`. Articles are committed in
    small transactions (every `batch` articles or `max_delay` seconds, whichever comes first;
    each article whole, with its events), so a crash or `kill -9` loses at most the last few
    seconds of work and the next run skips what is stored. Use as a context manager: leaving
    the block (also by Ctrl-C or an error) commits what is pending. `finish(run)` rewrites the
    articles that changed after they were recorded (re-run with an inferred publication date),
    writes the links, and closes the run. A streaming run (`pipeline.extract_stream`) passes
    `rerun` as its `on_rerun` callback and closes with `finish_links(stories, duplicates,
    doc_ids)` instead: nothing of the run is held in memory here but a fingerprint per article.
    """

    def __init__(
        self, store: Store, options: Options | None = None, batch: int = 32,
        max_delay: float = 2.0,
    ) -> None:
        self.store = store
        self.run_id = store.start_run(options)
        self.outcomes: list[WriteOutcome] = []
        self.batch = max(1, batch)
        self.max_delay = max_delay
        self._pending: list[ArticleResult] = []
        self._pending_since = 0.0
        self._written: dict[str, int] = {}
        self._skipped: set[str] = set()

    def __enter__(self) -> RunRecorder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.flush()

    def record(self, result: ArticleResult) -> None:
        """Queue one article; commit the queue when it is full or old enough."""
        if not self._pending:
            self._pending_since = time.monotonic()
        self._pending.append(result)
        if (len(self._pending) >= self.batch
                or time.monotonic() - self._pending_since >= self.max_delay):
            self.flush()

    def flush(self) -> None:
        """Commit the queued articles now (one transaction)."""
        if self._pending:
            self.record_many(self._pending)
            self._pending = []

    def record_many(self, results: Sequence[ArticleResult]) -> None:
        """Commit several articles in one transaction."""
        outcomes = self.store.write_articles(results, self.run_id)
        self.outcomes += outcomes
        for result, outcome in zip(results, outcomes, strict=True):
            if outcome == "skipped":
                self._skipped.add(result.doc_id)
            else:
                self._written[result.doc_id] = _fingerprint(result)

    def skipped(self) -> frozenset[str]:
        """The doc_ids recorded so far that the store did not take (a copy is stored).

        A streaming run leaves them out of its links (`extract_stream(leave_out=...)`): its
        stories are then those of the stored articles, and `finish_links` need not relink.
        """
        self.flush()
        return frozenset(self._skipped)

    def rerun(self, result: ArticleResult) -> None:
        """Rewrite an article re-processed after it was recorded, when it changed.

        (A streaming run re-runs undated articles with a date inferred through links; pass this
        as `pipeline.extract_stream(on_rerun=...)`.)
        """
        self.flush()
        known = self._written.get(result.doc_id)
        fingerprint = _fingerprint(result)
        if known is not None and known != fingerprint:
            self.store.replace_article(result, self.run_id)
            self._written[result.doc_id] = fingerprint

    def finish(self, run: RunResult, linker: Linker | None = None) -> dict[str, Any]:
        """Rewrite changed articles, write the links and close the run; return its counts.

        When the store holds articles beyond this run, linking is redone over the whole store
        (`linker`, by default `newsevents.link.link` on the stored articles, read a batch at a
        time) so stories span runs.
        """
        self.flush()
        for result in run.articles:
            known = self._written.get(result.doc_id)
            if known is not None and known != _fingerprint(result):
                self.store.replace_article(result, self.run_id)
        if not self._spans_store({a.doc_id for a in run.articles}):
            self.store.write_stories(run.stories, run.events, run.duplicates)
        elif linker is not None:
            linked = linker(self.store.load_results().articles)
            self.store.write_stories(linked.stories, linked.events, linked.duplicates)
        else:
            self.store.write_links(*relink_store(self.store))
        return self._close(len(run.articles))

    def finish_links(self, stories: Sequence[Story], duplicates: Sequence[DuplicateGroup],
                     doc_ids: Iterable[str], left_out: Iterable[str] = ()) -> dict[str, Any]:
        """Close a streamed run: write its links and counts (`doc_ids`: every input of the run).

        Articles re-run after they were recorded were rewritten by `rerun`. The links are taken
        as they are when they were made from exactly what the store holds: the articles this
        run wrote, without those it skipped (`left_out`: the doc_ids left out of linking). When
        the store holds more (earlier runs) or the links include a skipped copy, linking is
        redone over the whole store, as `finish` does.
        """
        self.flush()
        if not self._links_match_store(set(left_out)):
            stories, duplicates = relink_store(self.store)
        self.store.write_links(stories, duplicates)
        return self._close(len(set(doc_ids)))

    def _spans_store(self, in_run: set[str]) -> bool:
        """Whether links must span the store: it holds articles this run did not write."""
        return "skipped" in self.outcomes or not self.store.known_doc_ids() <= in_run

    def _links_match_store(self, left_out: set[str]) -> bool:
        """Whether links made without `left_out` cover exactly the stored articles: everything
        stored was written by this run and everything skipped was left out."""
        return (left_out == self._skipped
                and self.store.known_doc_ids() <= self._written.keys())

    def _close(self, n_inputs: int) -> dict[str, Any]:
        summary = self.store.finish_run(self.run_id, n_inputs=n_inputs)
        summary["skipped"] = self.outcomes.count("skipped")
        return summary


def relink_store(store: Store) -> tuple[tuple[Story, ...], tuple[DuplicateGroup, ...]]:
    """(stories, duplicate groups) of every stored article, linked with the bundled rules.

    The articles are read a batch at a time and only their light linking views are kept.
    """
    from newsevents import link

    links = link.link_views(link.views_of(store.iter_results()))
    return links.stories, links.duplicates


def _fingerprint(result: ArticleResult) -> int:
    """What can change when an article is re-run after linking: its dates and its events."""
    article = result.article
    dates = (article.pub_date, article.pub_date_source) if article else None
    events = tuple(dataclasses.replace(e, story_id=None) for e in result.events)
    return hash((dates, events, result.rejection))


def save_run(
    run: RunResult,
    path: str | Path,
    options: Options | None = None,
    linker: Linker | None = None,
) -> dict[str, Any]:
    """Add a finished run to the store at `path` and record its links; return the run's counts.

    Articles already stored (same text, same outlet) are skipped; see `RunRecorder.finish` for
    how links are written.
    """
    with open_store(path) as store:
        recorder = RunRecorder(store, options)
        for start in range(0, len(run.articles), WRITE_BATCH):
            recorder.record_many(run.articles[start:start + WRITE_BATCH])
        return recorder.finish(run, linker)

