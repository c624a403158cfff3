"""Building small articles from real corpus sentences for the event coder tests."""

from __future__ import annotations

from newsevents import actors, dates, nlp
from newsevents.coding import code_events
from newsevents.options import Options
from newsevents.records import Article, Event, Line, Parsed


def article(lines: list[str], pub_date: str | None = "2020-11-12", title: str | None = None,
            doc_id: str = "t", outlet_country: str | None = None) -> Article:
    """An article whose body is `lines`, one paragraph each, laid out as a raw text."""
    raw_parts, body, pos = [], [], 0
    for text in lines:
        body.append(Line(pos, pos + len(text), text))
        raw_parts.append(text)
        pos += len(text) + 2
    return Article(doc_id=doc_id, source_path=f"{doc_id}.txt", raw="\n\n".join(raw_parts),
                   body_lines=tuple(body), title=title, pub_date=pub_date,
                   outlet_country=outlet_country)


def parse(pipeline, art: Article) -> Parsed:
    return nlp.parse(art, pipeline)


def code(pipeline, knowledge, lines: list[str], options: Options | None = None,
         **kwargs) -> tuple[Event, ...]:
    """Parse, find actors and time expressions, code: the stages the pipeline runs."""
    parsed = parse(pipeline, article(lines, **kwargs))
    mentions = actors.find_actors(parsed, knowledge.actors)
    timerefs = dates.find_timerefs(parsed)
    return code_events(parsed, mentions, timerefs, knowledge, options or Options())


def of_type(events: tuple[Event, ...], event_type: str) -> list[Event]:
    return [e for e in events if e.type == event_type]


def countries(event: Event) -> set[str]:
    return {r.country for r in (event.source, event.target) if r is not None and r.country}
