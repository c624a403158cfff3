"""Calls into the actors and dates stages, with plain fallbacks while a function is missing.

The actors and dates stages are written alongside this coder; each call here first tries their
function and, if it is not there yet (or not implemented), uses a small local rule so the coder
still runs. The fallbacks are deliberately simple: the stages' own functions are the real thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsevents.records import ActorMention, ActorRef, Parsed, Tense, TimeRef

MISSING = (NotImplementedError, AttributeError, TypeError)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
PAST_TAGS = frozenset({"VBD", "VBN"})


def resolve_span(
    parsed: Parsed, mentions: Sequence[ActorMention], start: int, end: int, kb: Any
) -> ActorRef | None:
    """actors.resolve_span, or None when the actors stage cannot say."""
    from newsevents import actors

    try:
        return actors.resolve_span(parsed, tuple(mentions), start, end, kb)
    except MISSING:
        return None


def resolve_group(
    parsed: Parsed, mentions: Sequence[ActorMention], start: int, end: int, kb: Any
) -> tuple[ActorRef, ...]:
    """actors.resolve_group (both parties of "the two countries"), or () when unavailable."""
    from newsevents import actors

    func = getattr(actors, "resolve_group", None)
    if func is None:
        return ()
    try:
        return tuple(func(parsed, tuple(mentions), start, end, kb) or ())
    except MISSING:
        return ()


def tense_of(token: Any) -> Tense:
    """dates.tense_of, or the verb's own morphology and auxiliaries."""
    from newsevents import dates

    func = getattr(dates, "tense_of", None)
    if func is not None:
        try:
            return func(token)
        except MISSING:
            pass
    return _local_tense(token)


def _local_tense(token: Any) -> Tense:
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in aux):
        return "future"
    if verb.tag_ in PAST_TAGS or any(a.tag_ == "VBD" for a in aux):
        return "past"
    return "present"


def timeref_for(parsed: Parsed, timerefs: Sequence[TimeRef], token: Any) -> TimeRef | None:
    """dates.timeref_for, or the time expression nearest `token` inside its clause."""
    from newsevents import dates

    func = getattr(dates, "timeref_for", None)
    if func is not None:
        try:
            return func(parsed, tuple(timerefs), token)
        except MISSING:
            pass
    return _local_timeref(parsed, timerefs, token)


def _local_timeref(parsed: Parsed, timerefs: Sequence[TimeRef], token: Any) -> TimeRef | None:
    clause = token
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    lo, hi = clause.left_edge.i, clause.right_edge.i
    inside = [r for r in timerefs if lo <= r.tok_start and r.tok_end - 1 <= hi]
    if not inside:
        return None
    return min(inside, key=lambda r: abs(r.tok_start - token.i))


def resolve_date(ref: TimeRef, pub_date: str | None, tense: Tense) -> str | None:
    """dates.resolve, or the absolute value the time expression already carries."""
    from newsevents import dates

    try:
        return dates.resolve(ref, pub_date, tense)
    except MISSING:
        return ref.value


def event_date(
    parsed: Parsed, timerefs: Sequence[TimeRef], token: Any, tense: Tense
) -> tuple[TimeRef | None, str | None]:
    """dates.event_date (the expression dating `token` and its date), or the local rules."""
    from newsevents import dates

    func = getattr(dates, "event_date", None)
    if func is not None:
        try:
            return func(parsed, tuple(timerefs), token)
        except MISSING:
            pass
    ref = timeref_for(parsed, timerefs, token)
    return ref, resolve_date(ref, parsed.article.pub_date, tense) if ref else None


def news_day(parsed: Parsed, timerefs: Sequence[TimeRef]) -> str | None:
    """dates.news_day: the day of the current news (for events with no time cue of their own),
    else the publication date."""
    from newsevents import dates

    func = getattr(dates, "news_day", None)
    if func is not None:
        try:
            return func(parsed, tuple(timerefs))[1]
        except MISSING:
            pass
    return parsed.article.pub_date
