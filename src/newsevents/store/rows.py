"""Records <-> table rows: the one place that knows how each field is stored.

JSON-valued columns hold lists; `context` is comma-separated labels. Loading a row gives back an
equal record (round trip), so linking and reporting can run on the store.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from newsevents.records import (
    Account,
    ActorRef,
    Article,
    ArticleResult,
    DuplicateGroup,
    Event,
    Line,
    Rejection,
    RemovedLine,
    Story,
)

ARTICLE_COLUMNS: tuple[str, ...] = (
    "doc_id", "run_id", "source_path", "status", "error", "outlet", "outlet_country", "url",
    "title", "pub_date", "pub_date_source", "dateline_place", "text", "raw",
    "removed_lines_json", "truncated", "content_hash", "body_lines_json",
)
ACTOR_FIELDS: tuple[str, ...] = ("text", "name", "country", "sector", "code", "start", "end", "how")
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "doc_id", "type", "mode", "context",
    *(f"source_{f}" for f in ACTOR_FIELDS), *(f"target_{f}" for f in ACTOR_FIELDS),
    "dyad", "date", "date_text", "status", "background", "attributed_to", "evidence",
    "evidence_start", "evidence_end", "quad_class", "goldstein", "plover_score", "trigger",
    "main", "story_id", "confidence", "seq",
)
STORY_COLUMNS: tuple[str, ...] = (
    "story_id", "type", "dyad", "date", "first_reported", "n_mentions", "outlets", "doc_ids",
    "event_ids", "background", "accounts_json",
)
DUPLICATE_COLUMNS: tuple[str, ...] = ("group_id", "canonical", "doc_ids", "similarity")
ERROR_SEPARATOR = ": "


# --------------------------------------------------------------------------- articles


def article_row(result: ArticleResult, run_id: str) -> tuple[Any, ...]:
    """The `articles` row of one input, in ARTICLE_COLUMNS order (failures included)."""
    a = result.article
    rejection = result.rejection
    error = f"{rejection.stage}{ERROR_SEPARATOR}{rejection.reason}" if rejection else None
    if a is None:
        return (result.doc_id, run_id, result.source_path, "error", error,
                *([None] * 13))
    removed = [{"text": r.text, "reason": r.reason, "start": r.start, "end": r.end}
               for r in a.removed_lines]
    lines = [[line.start, line.end] for line in a.body_lines]
    return (
        result.doc_id, run_id, result.source_path, "ok" if rejection is None else "error", error,
        a.outlet, a.outlet_country, a.url, a.title, a.pub_date, a.pub_date_source,
        a.dateline_place, a.body, a.raw, json.dumps(removed, ensure_ascii=False), a.truncated,
        a.content_hash, json.dumps(lines),
    )


def article_from_row(row: Mapping[str, Any]) -> Article | None:
    """The Article stored in a row, or None for an input that failed before cleaning."""
    raw = row["raw"]
    if raw is None:
        return None
    lines = tuple(Line(s, e, raw[s:e]) for s, e in json.loads(row["body_lines_json"] or "[]"))
    removed = tuple(RemovedLine(r["start"], r["end"], r["text"], r["reason"])
                    for r in json.loads(row["removed_lines_json"] or "[]"))
    return Article(
        doc_id=row["doc_id"], source_path=row["source_path"], raw=raw, body_lines=lines,
        removed_lines=removed, title=row["title"], outlet=row["outlet"],
        outlet_country=row["outlet_country"], url=row["url"],
        dateline_place=row["dateline_place"], pub_date=row["pub_date"],
        pub_date_source=row["pub_date_source"], truncated=bool(row["truncated"]),
        content_hash=row["content_hash"] or "",
    )


def rejection_from_row(row: Mapping[str, Any]) -> Rejection | None:
    """The Rejection recorded in a row's `error` ("stage: reason"), if any."""
    if row["status"] == "ok" or row["error"] is None:
        return None
    stage, _, reason = row["error"].partition(ERROR_SEPARATOR)
    return Rejection(row["doc_id"], row["source_path"], stage, reason)


def result_from_row(row: Mapping[str, Any], events: tuple[Event, ...]) -> ArticleResult:
    """Rebuild one ArticleResult from its article row and its events."""
    return ArticleResult(
        doc_id=row["doc_id"], source_path=row["source_path"], article=article_from_row(row),
        events=events, rejection=rejection_from_row(row),
    )


# --------------------------------------------------------------------------- events


def _actor_values(ref: ActorRef | None) -> tuple[Any, ...]:
    if ref is None:
        return (None,) * len(ACTOR_FIELDS)
    return tuple(getattr(ref, f) for f in ACTOR_FIELDS)


def _actor_from(row: Mapping[str, Any], prefix: str) -> ActorRef | None:
    values = {f: row[f"{prefix}_{f}"] for f in ACTOR_FIELDS}
    if all(v is None for v in values.values()):
        return None
    return ActorRef(**values)


def event_dyad(event: Event) -> str | None:
    """"SRC-TGT" countries in the event's own order, or None unless both are known."""
    src = event.source.country if event.source else None
    tgt = event.target.country if event.target else None
    return f"{src}-{tgt}" if src and tgt else None


def event_row(event: Event, seq: int) -> tuple[Any, ...]:
    """The `events` row of one event, in EVENT_COLUMNS order."""
    return (
        event.event_id, event.doc_id, event.type, event.mode, ",".join(event.context),
        *_actor_values(event.source), *_actor_values(event.target),
        event_dyad(event), event.date, event.date_text, event.status, event.background,
        event.attributed_to, event.evidence, event.evidence_start, event.evidence_end,
        event.quad_class, event.goldstein, event.plover_score, event.trigger, event.main,
        event.story_id, event.confidence, seq,
    )


def event_from_row(row: Mapping[str, Any]) -> Event:
    """Rebuild an Event from its row."""
    context = tuple(c for c in (row["context"] or "").split(",") if c)
    return Event(
        event_id=row["event_id"], doc_id=row["doc_id"], type=row["type"], mode=row["mode"],
        context=context, source=_actor_from(row, "source"), target=_actor_from(row, "target"),
        date=row["date"], date_text=row["date_text"], status=row["status"],
        background=bool(row["background"]), attributed_to=row["attributed_to"],
        evidence=row["evidence"], evidence_start=row["evidence_start"],
        evidence_end=row["evidence_end"], quad_class=row["quad_class"],
        goldstein=row["goldstein"], plover_score=row["plover_score"], trigger=row["trigger"],
        main=bool(row["main"]), story_id=row["story_id"], confidence=row["confidence"],
    )


# --------------------------------------------------------------------------- stories


def story_row(story: Story) -> tuple[Any, ...]:
    """The `stories` row of one story, in STORY_COLUMNS order."""
    return (
        story.story_id, story.type, story.dyad, story.date, story.first_reported,
        story.n_mentions, json.dumps(list(story.outlets), ensure_ascii=False),
        json.dumps(list(story.doc_ids)), json.dumps(list(story.event_ids)), story.background,
        json.dumps([a.to_json() for a in story.accounts], ensure_ascii=False),
    )


def _account(data: Mapping[str, Any]) -> Account:
    return Account(
        outlet=data["outlet"], outlet_country=data["outlet_country"],
        doc_ids=tuple(data["doc_ids"]), only_here=tuple(data["only_here"]),
        summary=tuple(data["summary"]),
    )


def story_from_row(row: Mapping[str, Any]) -> Story:
    """Rebuild a Story from its row."""
    return Story(
        story_id=row["story_id"], type=row["type"], dyad=row["dyad"], date=row["date"],
        first_reported=row["first_reported"], n_mentions=row["n_mentions"],
        outlets=tuple(json.loads(row["outlets"])), doc_ids=tuple(json.loads(row["doc_ids"])),
        event_ids=tuple(json.loads(row["event_ids"])), background=bool(row["background"]),
        accounts=tuple(_account(a) for a in json.loads(row["accounts_json"] or "[]")),
    )


def duplicate_row(group: DuplicateGroup) -> tuple[Any, ...]:
    """The `duplicates` row of one group."""
    return (group.group_id, group.canonical, json.dumps(list(group.doc_ids)), group.similarity)


def duplicate_from_row(row: Mapping[str, Any]) -> DuplicateGroup:
    """Rebuild a DuplicateGroup from its row."""
    return DuplicateGroup(
        group_id=row["group_id"], canonical=row["canonical"],
        doc_ids=tuple(json.loads(row["doc_ids"])), similarity=row["similarity"],
    )
