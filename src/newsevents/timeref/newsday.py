"""The news day: the day an article's current news happened, when it is not the publication day.

News writes the day once, in the lead ("Abe visited the shrine on Thursday"; "China yesterday
recalled its ambassador") and not again in the sentences that follow about the same happening.
So an event of the current news with no time expression of its own happened on the day of the
first day-precise expression of the body that lies in the week up to publication; without one,
on the publication day. Only expressions relative to publication count (a weekday, "yesterday",
"Sept. 11"): full dates with a year are how captions, metadata lines and recaps write days, not
how a lead names its news day. Expressions that start or bound a period ("since Monday") do not,
nor days of things still to come ("the leaders will meet on Friday").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from newsevents.records import Parsed, TimeRef
from newsevents.timeref.attach import anchor_verb
from newsevents.timeref.grammar import Meaning, TimeGrammar, interpret
from newsevents.timeref.resolve import parse_pub_date, resolve_meaning
from newsevents.timeref.tense import tense_of

NEWS_WEEK_DAYS = 7
DAY_FORMS = frozenset({"month_day", "weekday", "shift"})


def news_day(
    parsed: Parsed, timerefs: Sequence[TimeRef], grammar: TimeGrammar
) -> tuple[TimeRef | None, str | None]:
    """The expression naming the news day and the day (YYYY-MM-DD); (None, pub_date) without one."""
    pub = parse_pub_date(parsed.article.pub_date)
    if pub is None:
        return None, None
    for ref in timerefs:
        meaning = interpret(grammar, ref.text)
        if meaning is None or not _names_a_day(meaning) or _is_planned(parsed, ref, grammar):
            continue
        value = resolve_meaning(meaning, pub, "past")
        if value is None or len(value) != 10:
            continue
        day = dt.date.fromisoformat(value)
        if pub - dt.timedelta(days=NEWS_WEEK_DAYS) <= day <= pub:
            return ref, value
    return None, pub.isoformat()


def _is_planned(parsed: Parsed, ref: TimeRef, grammar: TimeGrammar) -> bool:
    """A day that dates something still to come ("will meet on Friday") is no news day."""
    verb = anchor_verb(parsed.doc, ref)
    return verb is not None and tense_of(verb, grammar.lexicon) == "future"


def _names_a_day(meaning: Meaning) -> bool:
    if meaning.form not in DAY_FORMS or meaning.relation != "at":
        return False
    return meaning.form != "shift" or meaning.unit == "day"
