"""dates stage: find time expressions and resolve them against the publication date with tense.

Interface used by the event coder:
- `find_timerefs(parsed)`: every time expression of the body, with raw offsets;
- `timeref_for(parsed, timerefs, token)`: the expression that dates an event word;
- `tense_of(token)`: past, present or future for an event word;
- `resolve(ref, pub_date, tense)`: YYYY, YYYY-MM or YYYY-MM-DD at the precision the text gives;
- `event_date(parsed, timerefs, token)`: the three above in one call, with the tense taken from
  the verb the expression is attached to ("said Thursday it will scrap": Thursday is past);
- `resolve_text(text, pub_date, tense)`: `resolve` for a stored `date_text`;
- `news_day(parsed, timerefs)`: the day of the current news (the first day named in the week up
  to publication, else the publication day): the date for current events with no cue of their own.

Every function takes an optional `grammar` built from a user lexicon (`--kb` folders):
`TimeGrammar.build(load_time_lexicon(extra_dirs))`; by default the bundled word lists are used.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsevents.records import Parsed, Tense, TimeRef
from newsevents.timeref import attach, find, newsday, tense
from newsevents.timeref.grammar import Meaning, TimeGrammar, interpret
from newsevents.timeref.lexicon import TimeLexicon, load_time_lexicon
from newsevents.timeref.resolve import parse_pub_date, resolve_meaning

__all__ = [
    "BUNDLED_GRAMMAR", "Meaning", "TimeGrammar", "TimeLexicon", "event_date", "find_timerefs",
    "interpret", "load_time_lexicon", "meaning_of", "news_day", "resolve", "resolve_text",
    "tense_of", "timeref_for",
]

BUNDLED_GRAMMAR = TimeGrammar.build(load_time_lexicon())


def find_timerefs(parsed: Parsed, grammar: TimeGrammar = BUNDLED_GRAMMAR) -> tuple[TimeRef, ...]:
    """Every time expression in the body, in order."""
    return find.find_timerefs(parsed, grammar)


def meaning_of(ref: TimeRef, grammar: TimeGrammar = BUNDLED_GRAMMAR) -> Meaning | None:
    """What the expression says (form, relation such as "since", fields), read from its text."""
    return interpret(grammar, ref.text)


def resolve(
    ref: TimeRef, pub_date: str | None, tense: Tense, grammar: TimeGrammar = BUNDLED_GRAMMAR
) -> str | None:
    """The date (YYYY, YYYY-MM or YYYY-MM-DD) `ref` denotes for a verb of `tense`, or None."""
    meaning = interpret(grammar, ref.text)
    if meaning is None:
        return ref.value
    return resolve_meaning(meaning, parse_pub_date(pub_date), tense)


def resolve_text(
    text: str, pub_date: str | None, tense: Tense, grammar: TimeGrammar = BUNDLED_GRAMMAR
) -> str | None:
    """`resolve` for a phrase alone (an event's `date_text`), e.g. once the link stage has
    inferred the publication date of an undated article."""
    meaning = interpret(grammar, text)
    return resolve_meaning(meaning, parse_pub_date(pub_date), tense) if meaning else None


def tense_of(token: Any, grammar: TimeGrammar = BUNDLED_GRAMMAR) -> Tense:
    """past, present or future for an event verb or noun (a noun is judged by its verb)."""
    return tense.tense_of(token, grammar.lexicon)


def timeref_for(
    parsed: Parsed, timerefs: Sequence[TimeRef], token: Any, grammar: TimeGrammar = BUNDLED_GRAMMAR
) -> TimeRef | None:
    """The time expression that dates the event word `token` (same sentence), or None."""
    return attach.timeref_for(parsed, timerefs, token, grammar)


def event_date(
    parsed: Parsed, timerefs: Sequence[TimeRef], token: Any, grammar: TimeGrammar = BUNDLED_GRAMMAR
) -> tuple[TimeRef | None, str | None]:
    """The expression dating `token` and its resolved date (None when there is no cue).

    The tense is the one of the verb the expression hangs on: in "said Thursday it will scrap
    the pact" Thursday dates the saying (past), even though the event word "scrap" is future.
    """
    ref = timeref_for(parsed, timerefs, token, grammar)
    if ref is None:
        return None, None
    anchor = attach.anchor_verb(parsed.doc, ref)
    event_verb = tense.governing_verb(token)
    if anchor is None or event_verb is None or anchor.i == event_verb.i:
        ref_tense = tense_of(token, grammar)
    else:
        ref_tense = tense_of(anchor, grammar)
    reference = _report_day(parsed, timerefs, ref, anchor, grammar) or parsed.article.pub_date
    return ref, resolve(ref, reference, ref_tense, grammar)


def _report_day(
    parsed: Parsed, timerefs: Sequence[TimeRef], ref: TimeRef, anchor: Any, grammar: TimeGrammar
) -> str | None:
    """The day of the report a weekday is told in, when that report has its own date.

    "announced on Monday that it would impose a curfew from Wednesday": Wednesday counts from
    the Monday of the announcement (the next Wednesday after it), not from publication; so does
    "said Monday that rebels attacked Thursday" (the Thursday before that Monday).
    """
    if anchor is None or ref.kind != "weekday":
        return None
    for other in timerefs:
        if other.sent_index != ref.sent_index or other is ref:
            continue
        verb = attach.anchor_verb(parsed.doc, other)
        if verb is None or verb.i == anchor.i or not attach.governs(verb, anchor):
            continue
        day = resolve(other, parsed.article.pub_date, tense_of(verb, grammar), grammar)
        if day is not None and len(day) == 10:
            return day
    return None


def news_day(
    parsed: Parsed, timerefs: Sequence[TimeRef], grammar: TimeGrammar = BUNDLED_GRAMMAR
) -> tuple[TimeRef | None, str | None]:
    """The expression naming the day of the current news and that day; else (None, pub_date)."""
    return newsday.news_day(parsed, timerefs, grammar)
