"""Read what the report and the timelines show from a DuckDB store (schema v1), read-only.

One loader, `load_snapshot`, turns the `articles`, `events` and `stories` tables into immutable
records: events and stories become the pipeline's own `Event` and `Story` records, articles an
`ArticleView` (the store keeps the cleaned text and the raw text, not the body lines).
Columns are selected by name, so columns a later schema adds do not disturb the report.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.errors import StoreError
from newsevents.records import Account, ActorRef, Event, RemovedLine, Story

ARTICLE_COLUMNS: tuple[str, ...] = (
    "doc_id", "source_path", "status", "error", "outlet", "outlet_country", "url", "title",
    "pub_date", "pub_date_source", "dateline_place", "text", "raw", "removed_lines_json",
    "truncated", "content_hash",
)
ACTOR_FIELDS: tuple[str, ...] = ("text", "name", "country", "sector", "code")
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "doc_id", "type", "mode", "context",
    *(f"source_{f}" for f in ACTOR_FIELDS), *(f"target_{f}" for f in ACTOR_FIELDS),
    "date", "date_text", "status", "background", "attributed_to", "evidence",
    "evidence_start", "evidence_end", "quad_class", "goldstein", "plover_score", "trigger",
    "main", "story_id", "confidence",
)
STORY_COLUMNS: tuple[str, ...] = (
    "story_id", "type", "dyad", "date", "first_reported", "n_mentions", "outlets", "doc_ids",
    "event_ids", "background", "accounts_json",
)
TEXT_COLUMNS = frozenset({"text", "raw", "removed_lines_json"})


@dataclass(frozen=True)
class ArticleView:
    """One stored article as the report shows it: metadata, cleaning result, status."""

    doc_id: str
    source_path: str | None = None
    status: str = "ok"
    error: str | None = None
    outlet: str | None = None
    outlet_country: str | None = None
    url: str | None = None
    title: str | None = None
    pub_date: str | None = None
    pub_date_source: str | None = None
    dateline_place: str | None = None
    text: str | None = None  # the cleaned body
    raw: str | None = None  # the text all offsets index
    removed_lines: tuple[RemovedLine, ...] = ()
    truncated: bool = False
    content_hash: str | None = None


@dataclass(frozen=True)
class StoreSnapshot:
    """Everything read from one store, in a stable order (articles and events by id)."""

    articles: tuple[ArticleView, ...]
    events: tuple[Event, ...]
    stories: tuple[Story, ...]


def load_snapshot(db_path: str | Path, with_text: bool = True) -> StoreSnapshot:
    """Read articles, events and stories from the store at `db_path`.

    `with_text=False` leaves out the article texts (enough for timelines, much less memory).
    """
    with _connect(Path(db_path)) as con:
        article_columns = tuple(c for c in ARTICLE_COLUMNS if with_text or c not in TEXT_COLUMNS)
        articles = tuple(_article(r) for r in _rows(con, "articles", article_columns, "doc_id"))
        events = tuple(_event(r) for r in _rows(con, "events", EVENT_COLUMNS, "event_id"))
        stories = tuple(_story(r) for r in _rows(con, "stories", STORY_COLUMNS, "story_id"))
    return StoreSnapshot(articles=articles, events=events, stories=stories)


@contextmanager
def _connect(path: Path) -> Iterator[Any]:
    import duckdb

    if not path.is_file():
        raise StoreError(f"no store at {path}; create one with `newsevents extract ... --db {path}`")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise StoreError(f"cannot open the store {path} read-only: {exc}") from exc
    try:
        yield con
    finally:
        con.close()


def _rows(con: Any, table: str, columns: Sequence[str], order: str) -> list[dict[str, Any]]:
    import duckdb

    sql = f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}"
    try:
        cursor = con.execute(sql)
    except duckdb.Error as exc:
        raise StoreError(
            f"the store lacks table {table!r} or one of its columns ({exc}); "
            "it may predate schema v1 - re-run `newsevents extract` to rebuild it"
        ) from exc
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _json_list(value: str | None, what: str) -> list[Any]:
    if not value:
        return []
    try:
        data = json.loads(value)
    except json.JSONDecodeError as exc:
        raise StoreError(f"{what} is not valid JSON: {exc}") from exc
    if not isinstance(data, list):
        raise StoreError(f"{what} should be a JSON list, got {type(data).__name__}")
    return data


def _article(row: dict[str, Any]) -> ArticleView:
    removed = _json_list(row.get("removed_lines_json"), f"removed_lines_json of {row['doc_id']}")
    return ArticleView(
        doc_id=row["doc_id"],
        source_path=row.get("source_path"),
        status=row.get("status") or "ok",
        error=row.get("error"),
        outlet=row.get("outlet"),
        outlet_country=row.get("outlet_country"),
        url=row.get("url"),
        title=row.get("title"),
        pub_date=row.get("pub_date"),
        pub_date_source=row.get("pub_date_source"),
        dateline_place=row.get("dateline_place"),
        text=row.get("text"),
        raw=row.get("raw"),
        removed_lines=tuple(_removed_line(r) for r in removed if isinstance(r, dict)),
        truncated=bool(row.get("truncated")),
        content_hash=row.get("content_hash"),
    )


def _removed_line(item: dict[str, Any]) -> RemovedLine:
    def offset(key: str) -> int:
        value = item.get(key)
        return value if isinstance(value, int) else -1

    return RemovedLine(start=offset("start"), end=offset("end"), text=str(item.get("text", "")),
                       reason=str(item.get("reason") or "unspecified"))


def _actor(row: dict[str, Any], side: str) -> ActorRef | None:
    values = {f: row[f"{side}_{f}"] for f in ACTOR_FIELDS}
    if not any(values.values()):
        return None
    return ActorRef(**values)


def _event(row: dict[str, Any]) -> Event:
    context = tuple(c.strip() for c in (row["context"] or "").split(",") if c.strip())
    return Event(
        event_id=row["event_id"],
        doc_id=row["doc_id"],
        type=row["type"] or "",
        mode=row["mode"],
        context=context,
        source=_actor(row, "source"),
        target=_actor(row, "target"),
        date=row["date"],
        date_text=row["date_text"],
        status=row["status"] or "occurred",
        background=bool(row["background"]),
        attributed_to=row["attributed_to"],
        evidence=row["evidence"] or "",
        evidence_start=row["evidence_start"] if row["evidence_start"] is not None else -1,
        evidence_end=row["evidence_end"] if row["evidence_end"] is not None else -1,
        quad_class=row["quad_class"] or 0,
        goldstein=row["goldstein"],
        plover_score=row["plover_score"],
        trigger=row["trigger"],
        main=bool(row["main"]),
        story_id=row["story_id"],
        confidence=row["confidence"] if row["confidence"] is not None else 0.5,
    )


def _account(item: dict[str, Any]) -> Account:
    return Account(
        outlet=item.get("outlet"),
        outlet_country=item.get("outlet_country"),
        doc_ids=tuple(str(d) for d in item.get("doc_ids") or ()),
        only_here=tuple(str(e) for e in item.get("only_here") or ()),
        summary=tuple(str(s) for s in item.get("summary") or ()),
    )


def _story(row: dict[str, Any]) -> Story:
    sid = row["story_id"]
    accounts = _json_list(row["accounts_json"], f"accounts_json of story {sid}")
    return Story(
        story_id=sid,
        type=row["type"] or "",
        dyad=row["dyad"],
        date=row["date"],
        first_reported=row["first_reported"],
        n_mentions=row["n_mentions"] or 0,
        outlets=tuple(str(o) for o in _json_list(row["outlets"], f"outlets of story {sid}")),
        doc_ids=tuple(str(d) for d in _json_list(row["doc_ids"], f"doc_ids of story {sid}")),
        event_ids=tuple(str(e) for e in _json_list(row["event_ids"], f"event_ids of story {sid}")),
        background=bool(row["background"]),
        accounts=tuple(_account(a) for a in accounts if isinstance(a, dict)),
    )
