"""Link-stage test inputs built from the gold corpus (/work/shared/corpus/<set>/*.json + .txt).

Each gold article becomes an ArticleResult: an Article with the body lines between the gold first
and last body line (boilerplate lines removed), outlet and pub_date from manifest.jsonl, and one
Event per gold event (actors, date, evidence offsets into the raw text, main flag).

`realistic=True` mimics what the pipeline knows for an article without a publication date: an
event date survives only when the evidence itself states the year (an absolute date); otherwise
the date is dropped and the weekday or relative word of the evidence is kept as date_text.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from newsevents.records import ActorRef, Article, ArticleResult, Event, Line

# Outlet home countries for the accounts tests (facts about the outlets, not about the events).
OUTLET_COUNTRY = {"Kyodo": "JPN", "Yonhap": "KOR"}
_RELATIVE = re.compile(
    r"\b(?:(?:on |late |early )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|yesterday|today|tonight|last night|this (?:morning|afternoon|evening))\b",
    re.IGNORECASE,
)


def _manifest(folder: Path) -> dict[str, dict]:
    rows = (json.loads(line) for line in (folder / "manifest.jsonl").read_text().splitlines()
            if line.strip())
    return {row["doc_id"]: row for row in rows}


def _body_lines(raw: str, gold: dict) -> tuple[Line, ...]:
    lines = []
    pos = 0
    inside = False
    boilerplate = {b.strip() for b in gold.get("boilerplate_lines", [])}
    for text in raw.split("\n"):
        start, end = pos, pos + len(text)
        pos = end + 1
        stripped = text.strip()
        if not inside and stripped == gold["body_first_line"].strip():
            inside = True
        if inside and stripped and stripped not in boilerplate:
            lines.append(Line(start, end, text))
        if inside and stripped == gold["body_last_line"].strip():
            break
    return tuple(lines)


def _actor(raw_actor: dict | None) -> ActorRef | None:
    if not raw_actor:
        return None
    country, sector = raw_actor.get("country"), raw_actor.get("sector")
    return ActorRef(text=raw_actor.get("text"), country=country, sector=sector,
                    code=country + (sector or "") if country else None)


def _event(doc_id: str, number: int, raw: str, gold_event: dict) -> Event:
    evidence = gold_event["evidence"]
    start = raw.find(evidence)
    relative = _RELATIVE.search(evidence)
    return Event(
        event_id=f"{doc_id}#{number}",
        doc_id=doc_id,
        type=gold_event["type"],
        mode=gold_event.get("mode"),
        context=(),
        source=_actor(gold_event.get("source")),
        target=_actor(gold_event.get("target")),
        date=gold_event.get("date"),
        date_text=relative.group() if relative else None,
        status=gold_event.get("status", "occurred"),
        background=bool(gold_event.get("background")),
        attributed_to=gold_event.get("attributed_to"),
        evidence=evidence,
        evidence_start=max(start, 0),
        evidence_end=max(start, 0) + len(evidence),
        quad_class=0,
        goldstein=None,
        main=bool(gold_event.get("main")),
    )


def _drop_relative_date(event: Event) -> Event:
    """The date an undated article's pipeline could not resolve: year not in the evidence."""
    if event.date and event.date[:4] in event.evidence:
        return event
    return replace(event, date=None)


def gold_result(json_path: Path, realistic: bool = False,
                drop_pub_date: bool = False) -> ArticleResult:
    """One gold article as the pipeline would hand it to the link stage."""
    gold = json.loads(json_path.read_text(encoding="utf-8"))
    doc_id = json_path.stem
    raw = json_path.with_suffix(".txt").read_text(encoding="utf-8")
    meta = _manifest(json_path.parent).get(doc_id, {})
    pub_date = None if drop_pub_date else meta.get("pub_date", gold.get("pub_date"))
    outlet = meta.get("outlet") or gold.get("outlet")
    article = Article(
        doc_id=doc_id, source_path=str(json_path.with_suffix(".txt")), raw=raw,
        body_lines=_body_lines(raw, gold), title=None, outlet=outlet,
        outlet_country=OUTLET_COUNTRY.get(outlet or ""), url=meta.get("url"),
        pub_date=pub_date, pub_date_source="manifest" if pub_date else None,
    )
    events = tuple(_event(doc_id, n, raw, e) for n, e in enumerate(gold["events"]))
    if realistic and pub_date is None:
        events = tuple(_drop_relative_date(e) for e in events)
    return ArticleResult(doc_id=doc_id, source_path=article.source_path, article=article,
                         events=events)


def gold_results(corpus: Path, sets: tuple[str, ...] = ("seeds", "dev", "dev2"),
                 realistic: bool = True) -> tuple[ArticleResult, ...]:
    """Every gold article of `sets`, in file order."""
    return tuple(gold_result(path, realistic=realistic)
                 for name in sets for path in sorted((corpus / name).glob("*.json")))


def gold_pairs(corpus: Path, sets: tuple[str, ...] = ("seeds", "dev", "dev2")) -> set[frozenset]:
    """Pairs of articles whose gold event_key is equal (same real-world happening)."""
    keys: dict[str, list[str]] = {}
    for name in sets:
        for path in sorted((corpus / name).glob("*.json")):
            keys.setdefault(json.loads(path.read_text())["event_key"], []).append(path.stem)
    return {frozenset((a, b)) for docs in keys.values()
            for i, a in enumerate(docs) for b in docs[i + 1:]}


def main_story_pairs(results) -> set[frozenset]:
    """Pairs of articles whose main events share a story_id."""
    by_story: dict[str, set[str]] = {}
    for result in results:
        for event in result.events:
            if event.main and event.story_id:
                by_story.setdefault(event.story_id, set()).add(event.doc_id)
    return {frozenset((a, b)) for docs in by_story.values()
            for a in docs for b in docs if a < b}
