"""The data the HTML report embeds: a JSON-ready dict built from a store snapshot.

Offsets: the store's offsets count Python characters (code points); the browser slices strings in
UTF-16 code units, so every offset shipped to the page is converted (an emoji before the evidence
would otherwise shift the highlight). Offsets that do not point at their text are repaired by
searching for the text, or dropped (`-1`) so the page shows the sentence without highlighting.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from newsevents.records import ActorRef, Event, RemovedLine, Story
from newsevents.report.labels import QuadLabel
from newsevents.report.store_reader import ArticleView, StoreSnapshot

ASTRAL = re.compile("[\U00010000-\U0010FFFF]")  # characters that take two UTF-16 units


@dataclass(frozen=True)
class Span:
    """A located span of an article's raw text, in UTF-16 units (-1, -1 when not found)."""

    start: int
    end: int
    exact: bool  # the stored offsets were right (False: found by search, or not found)


class Utf16Offsets:
    """Converts code point offsets of one text to UTF-16 offsets (built once per article)."""

    def __init__(self, text: str) -> None:
        self.astral = tuple(m.start() for m in ASTRAL.finditer(text))

    def __call__(self, index: int) -> int:
        return index + bisect_left(self.astral, index)


def utf16_offset(text: str, index: int) -> int:
    """The UTF-16 code unit offset of code point `index` of `text`."""
    return Utf16Offsets(text)(index)


def locate(raw: str, start: int, end: int, text: str,
           offsets: Utf16Offsets | None = None) -> Span:
    """Where `text` is in `raw`: at [start, end) if the offsets are right, else its first match."""
    if not raw or not text:
        return Span(-1, -1, False)
    exact = 0 <= start < end <= len(raw) and raw[start:end] == text
    if not exact:
        start = raw.find(text)
        if start < 0:
            return Span(-1, -1, False)
        end = start + len(text)
    convert = offsets or Utf16Offsets(raw)
    return Span(convert(start), convert(end), exact)


def _actor(actor: ActorRef | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"text": actor.text, "name": actor.name, "country": actor.country,
            "sector": actor.sector, "code": actor.code}


def _event(event: Event, raw: str, offsets: Utf16Offsets) -> dict[str, Any]:
    span = locate(raw, event.evidence_start, event.evidence_end, event.evidence, offsets)
    return {
        "id": event.event_id, "doc": event.doc_id, "type": event.type, "mode": event.mode,
        "context": list(event.context), "source": _actor(event.source),
        "target": _actor(event.target), "date": event.date, "date_text": event.date_text,
        "status": event.status, "background": event.background,
        "attributed_to": event.attributed_to, "evidence": event.evidence,
        "ev_start": span.start, "ev_end": span.end, "ev_exact": span.exact,
        "quad": event.quad_class, "goldstein": event.goldstein, "plover": event.plover_score,
        "trigger": event.trigger, "main": event.main, "story": event.story_id,
        "confidence": event.confidence,
    }


def _removed(line: RemovedLine, raw: str, offsets: Utf16Offsets) -> dict[str, Any]:
    span = locate(raw, line.start, line.end, line.text, offsets)
    return {"text": line.text, "reason": line.reason, "start": span.start, "end": span.end}


def _article(article: ArticleView, n_events: int, offsets: Utf16Offsets) -> dict[str, Any]:
    raw = article.raw or ""
    return {
        "id": article.doc_id, "source_path": article.source_path, "status": article.status,
        "error": article.error, "outlet": article.outlet,
        "outlet_country": article.outlet_country, "url": article.url, "title": article.title,
        "pub_date": article.pub_date, "pub_date_source": article.pub_date_source,
        "dateline": article.dateline_place, "text": article.text, "raw": article.raw,
        "removed": [_removed(r, raw, offsets) for r in article.removed_lines],
        "truncated": article.truncated, "content_hash": article.content_hash,
        "n_events": n_events,
    }


def _story(story: Story) -> dict[str, Any]:
    return {
        "id": story.story_id, "type": story.type, "dyad": story.dyad, "date": story.date,
        "first_reported": story.first_reported, "n_mentions": story.n_mentions,
        "outlets": list(story.outlets), "docs": list(story.doc_ids),
        "events": list(story.event_ids), "background": story.background,
        "accounts": [
            {"outlet": a.outlet, "outlet_country": a.outlet_country, "docs": list(a.doc_ids),
             "only_here": list(a.only_here), "summary": list(a.summary)}
            for a in story.accounts
        ],
    }


def build_payload(
    snapshot: StoreSnapshot,
    quad_labels: Mapping[int, QuadLabel],
    title: str,
    generated: str,
    source_name: str,
) -> dict[str, Any]:
    """Everything the page needs, as plain JSON values."""
    raw_of = {a.doc_id: a.raw or "" for a in snapshot.articles}
    offsets = {doc_id: Utf16Offsets(raw) for doc_id, raw in raw_of.items()}
    counts: dict[str, int] = {}
    for event in snapshot.events:
        counts[event.doc_id] = counts.get(event.doc_id, 0) + 1
    no_text = Utf16Offsets("")
    return {
        "title": title,
        "generated": generated,
        "source": source_name,
        "quad_labels": {str(k): v.label for k, v in sorted(quad_labels.items())},
        "articles": [_article(a, counts.get(a.doc_id, 0), offsets[a.doc_id])
                     for a in snapshot.articles],
        "events": [_event(e, raw_of.get(e.doc_id, ""), offsets.get(e.doc_id, no_text))
                   for e in snapshot.events],
        "stories": [_story(s) for s in snapshot.stories],
    }
