"""Test helper for the store, query, export and Dask tests: records built from the real corpus.

The articles are the shared corpus texts; their events are the gold events (GUIDE.md) located in
the raw text, so the store is exercised on real sentences without depending on the coder.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path

from newsevents.records import (
    Account,
    ActorRef,
    Article,
    ArticleResult,
    Event,
    Line,
    Rejection,
    RemovedLine,
    Story,
)

QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2,
        "RETREAT": 2, "REQUEST": 1, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 3,
        "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}


def _lines(raw: str) -> tuple[list[Line], list[RemovedLine]]:
    body, removed, pos = [], [], 0
    for text in raw.split("\n"):
        start, end = pos, pos + len(text)
        pos = end + 1
        if not text.strip():
            continue
        if len(text.split()) <= 3:  # short lines (datelines, bylines) stand in for boilerplate
            removed.append(RemovedLine(start, end, text, "short"))
        else:
            body.append(Line(start, end, text))
    return body, removed


def _actor(raw: str, gold: dict | None, within: int) -> ActorRef | None:
    if not gold:
        return None
    text = gold.get("text")
    start = raw.find(text, within) if text else -1
    country, sector = gold.get("country"), gold.get("sector")
    return ActorRef(
        text=text, name=text, country=country, sector=sector,
        code=(country or "") + (sector or "") or None,
        start=start if start >= 0 else None, end=start + len(text) if start >= 0 else None,
        how="gold",
    )


def _event(doc_id: str, raw: str, index: int, gold: dict) -> Event | None:
    start = raw.find(gold["evidence"])
    if start < 0:
        return None
    return Event(
        event_id=f"{doc_id}:e{index}", doc_id=doc_id, type=gold["type"], mode=gold.get("mode"),
        context=("diplomatic",) if gold["type"] in ("CONSULT", "AGREE") else (),
        source=_actor(raw, gold.get("source"), start), target=_actor(raw, gold.get("target"), start),
        date=gold.get("date"), date_text=None, status=gold.get("status", "occurred"),
        background=bool(gold.get("background")), attributed_to=gold.get("attributed_to"),
        evidence=gold["evidence"], evidence_start=start, evidence_end=start + len(gold["evidence"]),
        quad_class=QUAD.get(gold["type"], 1), goldstein=float(index % 7) - 3.5,
        plover_score=None, trigger=None, main=bool(gold.get("main")),
        confidence=0.5 + (index % 5) / 10,
    )


def gold_results(folder: Path) -> list[ArticleResult]:
    """One ArticleResult per article of a corpus folder, in manifest order."""
    results = []
    for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        meta = json.loads(line)
        doc_id = meta["doc_id"]
        raw = (folder / meta["path"]).read_text(encoding="utf-8")
        gold = json.loads((folder / f"{doc_id}.json").read_text(encoding="utf-8"))
        body, removed = _lines(raw)
        article = Article(
            doc_id=doc_id, source_path=str(folder / meta["path"]), raw=raw,
            body_lines=tuple(body), removed_lines=tuple(removed), title=body[0].text,
            outlet=meta.get("outlet"), url=meta.get("url"), pub_date=meta.get("pub_date"),
            pub_date_source="manifest" if meta.get("pub_date") else None,
            content_hash=hashlib.sha256(raw.encode()).hexdigest(),
        )
        events = [_event(doc_id, raw, i, g) for i, g in enumerate(gold["events"])]
        results.append(ArticleResult(doc_id, article.source_path, article,
                                     events=tuple(e for e in events if e)))
    return results


def failed_result(doc_id: str = "broken-input") -> ArticleResult:
    """An input that failed in cleaning."""
    rejection = Rejection(doc_id, f"/corpus/{doc_id}.html", "clean", "no article text found")
    return ArticleResult(doc_id, rejection.source_path, None, rejection=rejection)


def gold_stories(folder: Path, results: list[ArticleResult]) -> tuple[list[Story], list[Event]]:
    """Stories grouping the main events of articles that share a gold `event_key`."""
    groups: dict[str, list[Event]] = defaultdict(list)
    outlets = {r.doc_id: r.article.outlet for r in results if r.article}
    for result in results:
        gold = json.loads((folder / f"{result.doc_id}.json").read_text(encoding="utf-8"))
        mains = [e for e in result.events if e.main]
        if gold.get("event_key") and mains:
            groups[gold["event_key"]].append(mains[0])
    stories, linked = [], []
    for key, events in sorted(groups.items()):
        story_id = "s-" + hashlib.sha1(key.encode()).hexdigest()[:10]
        first = events[0]
        doc_ids = tuple(e.doc_id for e in events)
        countries = sorted({a.country for e in events for a in (e.source, e.target)
                            if a and a.country})
        accounts = tuple(
            Account(outlets[e.doc_id], None, (e.doc_id,), (e.event_id,), (e.evidence[:60],))
            for e in events
        )
        stories.append(Story(
            story_id=story_id, type=first.type, dyad="-".join(countries) or None, date=first.date,
            first_reported=min(e.date or "9999" for e in events), n_mentions=len(events),
            outlets=tuple(sorted({outlets[d] or "" for d in doc_ids})), doc_ids=doc_ids,
            event_ids=tuple(e.event_id for e in events), accounts=accounts,
        ))
        linked += [_with_story(e, story_id) for e in events]
    return stories, linked


def _with_story(event: Event, story_id: str) -> Event:
    from dataclasses import replace

    return replace(event, story_id=story_id)
