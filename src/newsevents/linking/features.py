"""What linking compares about one event mention: actors, type, date interval, terms.

Features are computed once per mention so that scoring a pair is cheap.
"""

from __future__ import annotations

import calendar
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from newsevents.linking.rules import LinkRules
from newsevents.linking.views import ArticleView, as_views
from newsevents.records import ActorRef, ArticleResult, Event

WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
STEM_LENGTH = 5  # word prefix used as a stem: "annulled"/"annuls", "missile"/"missiles" agree
NAME_BOOST = 1.5  # capitalised words and numbers are names and figures: more distinctive


@dataclass(frozen=True, slots=True)
class DateSpan:
    """An event date as an interval of day ordinals and the precision it was given with."""

    lo: int
    hi: int
    precision: str  # "day" | "month" | "year"


@dataclass(frozen=True, slots=True)
class Mention:
    """The linking view of one event mention (index `idx` into the run's event list)."""

    idx: int
    event: Event
    doc_id: str
    type: str
    outlet: str | None
    pub_ord: int | None
    src: str | None  # country, or the actor code when it has no country (IGOs)
    tgt: str | None
    src_sector: str | None
    tgt_sector: str | None
    src_name: str | None
    tgt_name: str | None
    sides: tuple[tuple[str | None, str | None, str | None], ...]  # (key, sector, name) x2
    span: DateSpan | None
    weekday: int | None  # from a bare weekday date text when the date is unknown
    day: int | None  # the day ordinal when the date is a day
    countries: tuple[str, ...]  # the parties' distinct countries (or codes), sorted
    terms: frozenset[str]
    names: frozenset[str]  # the terms written as names or figures


def parse_span(value: str | None) -> DateSpan | None:
    """"2020-11-12" / "2020-11" / "2020" as an interval of day ordinals; None if unreadable."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = date(*parts).toordinal()
            return DateSpan(day, day, "day")
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return DateSpan(date(parts[0], parts[1], 1).toordinal(),
                            date(parts[0], parts[1], last).toordinal(), "month")
        if len(parts) == 1:
            return DateSpan(date(parts[0], 1, 1).toordinal(), date(parts[0], 12, 31).toordinal(),
                            "year")
    except ValueError:
        return None
    return None


def day_ordinal(value: str | None) -> int | None:
    """The ordinal of a YYYY-MM-DD date, else None."""
    span = parse_span(value)
    return span.lo if span and span.precision == "day" else None


def weekday_of(text: str | None) -> int | None:
    """The weekday (Monday=0) named in a date phrase like "on Thursday", else None."""
    if not text:
        return None
    lowered = text.lower()
    found = [i for i, name in enumerate(WEEKDAYS) if name in lowered]
    return found[0] if len(found) == 1 else None


def stem(word: str) -> str | None:
    """A crude, language-agnostic stem: the lowercase word prefix (numbers kept whole)."""
    lowered = word.lower().replace("’", "'").removesuffix("'s")
    if not lowered:
        return None
    return lowered if lowered[0].isdigit() else lowered[:STEM_LENGTH]


def _content_stem(word: str, stopwords: frozenset[str]) -> str | None:
    """The stem of a content word; None for stopwords and short words."""
    lowered = word.lower().replace("’", "'").removesuffix("'s")
    if not lowered or lowered in stopwords or (len(lowered) < 3 and not lowered[0].isdigit()):
        return None
    return stem(word)


def words_of(text: str, stopwords: frozenset[str],
             cache: dict[str, str | None] | None = None) -> tuple[set[str], set[str]]:
    """(stems, name stems) of the content words of `text`.

    A word counts as a name when capitalised inside the sentence (not its first word) or a number.
    `cache` (word -> stem) may be shared across calls of one run to save work.
    """
    memo = cache if cache is not None else {}
    stems: set[str] = set()
    names: set[str] = set()
    for position, word in enumerate(_WORD.findall(text)):
        if word in memo:
            token = memo[word]
        else:
            token = memo[word] = _content_stem(word, stopwords)
        if token is None:
            continue
        stems.add(token)
        if word[0].isdigit() or (position > 0 and word[0].isupper()):
            names.add(token)
    return stems, names


IGO_SECTORS = frozenset({"IGO"})


def _side(ref: ActorRef | None,
          outlet: frozenset[str]) -> tuple[str | None, str | None, str | None]:
    """(party key, sector, name) of one actor; all None when the actor is unknown.

    The key is the country, except for international organisations, whose "country" is only
    where they met (Mercosur "in Brussels"): their resolved name (or own code) is the party.
    The outlet that reports the news ("SEOUL, Nov. 12 (Yonhap) --") is no party to it: a side
    naming the outlet is unknown. (A dateline capital read as its government is kept: news
    datelined in a capital is most often about that government.)
    """
    if ref is None or _names_outlet(ref, outlet):
        return None, None, None
    name = ref.name.lower() if ref.name else None
    # A code that is only a sector ("GOV") names no party: it cannot tell two events apart.
    code = ref.code if ref.code and ref.code != ref.sector else None
    if ref.sector in IGO_SECTORS:
        key = name or (code if not ref.country else None)
    else:
        key = ref.country or code
    return key, ref.sector, name


def is_outlet(ref: ActorRef, outlet: str | None) -> bool:
    """Whether an actor is only the outlet that reports the news ("(Yonhap) --").

    The whole outlet name must match, or an agency it names in brackets ("The Washington Post
    (AP)" -> "AP"): a word of the name is not enough ("Taiwan" is no outlet of "Taiwan News").
    """
    return _names_outlet(ref, outlet_names(outlet))


def _names_outlet(ref: ActorRef, names: frozenset[str]) -> bool:
    written = " ".join((ref.name or ref.text or "").lower().split())
    return bool(written) and written in names


def outlet_names(outlet: str | None) -> frozenset[str]:
    """The ways a text may name an outlet: its name, without "The", and bracketed agencies."""
    if not outlet:
        return frozenset()
    lowered = " ".join(outlet.lower().split())
    bare = re.sub(r"\s*\(.*?\)", "", lowered).strip()
    names = {lowered, bare, bare.removeprefix("the ")}
    for inner in re.findall(r"\((.*?)\)", lowered):
        names.update(part.strip().removeprefix("via ").strip() for part in inner.split("/"))
    return frozenset(n for n in names if n)


def mentions_of(results: Sequence[ArticleResult] | Sequence[ArticleView],
                rules: LinkRules) -> tuple[Mention, ...]:
    """The linking view of every event of the successfully processed articles, in run order.

    `results` are whole results or their light views (`views.ArticleView`): the same mentions.
    """
    mentions: list[Mention] = []
    cache: dict[str, str | None] = {}
    for view in as_views(results):
        pub_ord = day_ordinal(view.pub_date)
        outlet = outlet_names(view.outlet)
        for event in view.events:
            mentions.append(_mention(len(mentions), event, view.outlet, outlet, pub_ord, rules,
                                     cache))
    return tuple(mentions)


def _mention(idx: int, event: Event, outlet_name: str | None, outlet: frozenset[str],
             pub_ord: int | None, rules: LinkRules, cache: dict[str, str | None]) -> Mention:
    src, src_sector, src_name = _side(event.source, outlet)
    tgt, tgt_sector, tgt_name = _side(event.target, outlet)
    stems, names = words_of(event.evidence, rules.stopwords, cache)
    for ref in (event.source, event.target):
        if ref is not None and ref.name:
            ref_stems, ref_names = words_of(" " + ref.name, rules.stopwords, cache)
            stems |= ref_stems
            names |= ref_names
    span = parse_span(event.date)
    return Mention(
        idx=idx, event=event, doc_id=event.doc_id, type=event.type, outlet=outlet_name,
        pub_ord=pub_ord, src=src, tgt=tgt, src_sector=src_sector, tgt_sector=tgt_sector,
        src_name=src_name, tgt_name=tgt_name, span=span,
        sides=((src, src_sector, src_name), (tgt, tgt_sector, tgt_name)),
        weekday=weekday_of(event.date_text) if span is None else None,
        day=span.lo if span is not None and span.precision == "day" else None,
        countries=tuple(sorted({k for k in (src, tgt) if k})),
        terms=frozenset(stems), names=frozenset(names),
    )


@dataclass(frozen=True)
class TermStats:
    """How distinctive each term is in this run, and each mention's total term weight."""

    weights: Mapping[str, float]
    totals: tuple[float, ...]  # indexed by Mention.idx


def term_stats(mentions: Sequence[Mention]) -> TermStats:
    """IDF of each term over the articles of the run; names and figures weigh more."""
    doc_terms: dict[str, set[str]] = {}
    for m in mentions:
        doc_terms.setdefault(m.doc_id, set()).update(m.terms)
    df: Counter[str] = Counter()
    for terms in doc_terms.values():
        df.update(terms)
    n_docs = max(1, len(doc_terms))
    weights = {t: math.log(1.0 + n_docs / count) for t, count in df.items()}
    named = set().union(*(m.names for m in mentions)) if mentions else set()
    for t in named:
        weights[t] *= NAME_BOOST
    totals = tuple(sum(weights[t] for t in m.terms) for m in mentions)
    return TermStats(MappingProxyType(weights), totals)
