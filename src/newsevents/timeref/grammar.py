"""How time words combine into time expressions, and what each expression means.

One regular expression per form of expression, built from the word classes of `time_words.tsv`.
`scan` finds every expression in a text (longest match wins where two overlap); `interpret` reads
one expression back into a `Meaning`, so a `TimeRef` needs to carry only its text to be resolved
again later (for example once a publication date is inferred for an undated article).

Why the rules look the way they do:
- Month and weekday names must be capitalised: news style always does, and "may", "march" are
  common words. A bare month ("September") needs a preposition, a deictic ("last May") or an edge
  ("late October") before it, or a possessive after it, so a person named May is not a date.
- A four-digit number is a year only between 1800 and 2099, and not when it counts something
  ("2000 troops"); `find.py` checks that with the parse.
- Ranges ("1910-1945", "between 2010 and 2015") are found so that their years are not taken for
  event dates: a range is a period, not the time of one event.
- A preposition in front is kept in the text because it changes the role of the time: "since 2018"
  starts a state, "until Friday" bounds it; only "on/in/during" give the event's own time.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from newsevents.timeref.lexicon import TimeLexicon

Form = Literal[
    "date", "month_year", "year", "range", "month_day", "month", "weekday", "shift", "season",
    "vague",
]
# at: the event's own time; since: start of a state; bound: a limit ("until", "by");
# after: the event follows it; complement: the time of the event *inside* the phrase
# ("comes a day after [the army warned]": the warning was a day before the news).
Relation = Literal["at", "since", "bound", "after", "complement"]

SP = r"[^\S\n]+"  # horizontal white space: an expression never spans two lines
YEAR = r"(?:1[89]\d\d|20\d\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class Meaning:
    """What a time expression says, before any publication date is known.

    `deictic` places a unit or name relative to publication (-1 last, 0 this, +1 next);
    `amount`/`unit` shift the publication date ("two years ago": amount -2, unit year).
    """

    form: Form
    relation: Relation = "at"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    deictic: int | None = None
    unit: str | None = None
    amount: int | None = None
    season: tuple[int, int] | None = None  # first and last month of a season
    approximate: bool = False  # "about ten days ago": the day is not known, the month is


@dataclass(frozen=True)
class Found:
    """One expression found in a text: its span, the form of its pattern and its meaning."""

    start: int
    end: int
    meaning: Meaning
    bare_year: bool = False  # a year with nothing around it: find.py checks it is not a count
    core_start: int = 0  # span of the name at the heart of the expression (month, weekday, year)
    core_end: int = 0


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", SP) for w in words)


@dataclass(frozen=True)
class TimeGrammar:
    """The compiled patterns for one lexicon."""

    lexicon: TimeLexicon
    patterns: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def build(cls, lexicon: TimeLexicon) -> TimeGrammar:
        return cls(lexicon=lexicon, patterns=_compile(lexicon))


def _compile(lex: TimeLexicon) -> tuple[tuple[str, re.Pattern[str]], ...]:
    month = (
        rf"(?-i:(?:{_alt(lex.words('month'))})(?![\w-])"
        rf"|(?:{_alt(lex.words('month_abbr'))})(?:\.|(?![\w-])))"
    )
    weekday = rf"(?-i:(?:{_alt(lex.words('weekday'))})(?!\w))"
    prep = rf"(?:(?P<prep>{_alt(lex.words('preposition'))}){SP})?"
    deictic = rf"(?P<deictic>{_alt(lex.words('deictic'))})"
    edge_words = tuple(w for w in lex.words("edge") if w != "mid")
    edge = rf"(?P<edge>(?:{_alt(edge_words)}){SP}|mid-?{SP[:-1]}*)"
    unit = rf"(?P<unit>{_alt(lex.words('unit'))})s?"
    pod = rf"(?:{SP}(?P<pod>{_alt(lex.words('part_of_day'))}))?"
    number = rf"(?P<number>\d{{1,3}}|{_alt(lex.words('number'))}|{_alt(lex.words('vague_count'))})"
    season = rf"(?P<season>{_alt(lex.words('season'))})"
    approx = rf"(?:(?P<approx>{_alt(lex.words('approximator'))}){SP})?"
    wd_lead = rf"(?:(?P<wd>{weekday}),?{SP})?"
    year = rf"(?<![\d$€£¥.,:/])(?P<year>{YEAR})(?!\d|,\d|\.\d|%|s\b|-\d)"
    day = rf"(?P<day>{DAY})(?![\d:])"
    sources = {
        "range": (
            rf"(?:(?P<prep>between){SP})?(?<![\d$€£¥.,:/])(?P<y1>{YEAR}){SP}and{SP}(?P<y2>{YEAR})(?!\d)"
            rf"|(?:(?P<prep2>from){SP})?(?<![\d$€£¥.,:/])(?P<y3>{YEAR})"
            rf"(?:\s?[-–—]\s?|{SP}to{SP})(?P<y4>{YEAR}|\d\d)(?!\d)"
        ),
        "date_mdy": rf"{prep}{wd_lead}(?P<month>{month}){SP}{day},?{SP}{year}",
        "date_dmy": rf"{prep}{wd_lead}(?:the{SP})?{day}{SP}(?:of{SP})?(?P<month>{month}),?{SP}{year}",
        "date_iso": rf"{prep}(?<![\d-])(?P<year>{YEAR})-(?P<mm>0[1-9]|1[0-2])-(?P<dd>[0-3]\d)(?!\d)",
        "month_year": rf"{prep}(?:{edge})?(?P<month>{month}),?{SP}(?:of{SP})?{year}",
        "month_day": (
            rf"{prep}{wd_lead}(?:(?P<month>{month}){SP}{day}(?!{SP}?\d)"
            rf"|(?:the{SP})?(?<![\d.,])(?P<day2>{DAY}){SP}(?:of{SP})?(?P<month2>{month}))"
        ),
        "month": (
            rf"{prep}(?:{deictic}{SP}|{edge})?(?P<month>{month})(?P<poss>'s|’s)?"
        ),
        "season": (
            rf"{prep}(?:(?:{deictic}|the){SP}|{edge})*{season}(?:{SP}(?:of{SP})?{year})?"
        ),
        "weekday": rf"{prep}(?:{deictic}{SP}|(?P<edge>early|late){SP})?(?P<weekday>{weekday}){pod}",
        "day_word": (
            rf"{prep}(?:(?P<edge>earlier|later|early|late){SP})?(?P<dayword>{_alt(lex.words('day_word'))})"
            rf"(?!\w){pod}"
        ),
        "part_of_day": rf"{prep}(?P<deictic>this|last){SP}(?P<pod>{_alt(lex.words('part_of_day'))})",
        "in_the_day": rf"(?P<edge>earlier|later){SP}(?:in|on){SP}the{SP}(?P<unit>day|week|month|year)",
        "deictic_unit": (
            rf"{prep}(?:{edge})?(?:(?:the{SP})?(?P<part>end|beginning|start|middle|rest){SP}of{SP})?"
            rf"(?:{deictic}|(?P<the>the)){SP}(?P<unit>{_alt(lex.words('unit'))})(?!\w)"
        ),
        "ago": rf"{approx}{number}{SP}{unit}{SP}ago",
        "interval_after": rf"{approx}{number}{SP}{unit}{SP}after",
        "year": rf"{prep}(?:{edge}|(?:the{SP})?(?:end|beginning|start|middle){SP}of{SP})?{year}",
        "vague": rf"(?P<vague>{_alt(lex.words('vague'))})(?!\w)",
    }
    return tuple(
        (name, re.compile(rf"(?<![\w-]){src}(?!\w)", re.IGNORECASE)) for name, src in sources.items()
    )


# --------------------------------------------------------------------------- scanning


def scan(grammar: TimeGrammar, text: str) -> list[Found]:
    """Every time expression in `text`, in order, without overlaps (longer spans win)."""
    candidates = [found for found in _all_matches(grammar, text) if found is not None]
    candidates.sort(key=lambda f: (-(f.end - f.start), f.start))
    taken: list[Found] = []
    for found in candidates:
        if all(found.end <= t.start or found.start >= t.end for t in taken):
            taken.append(found)
    return sorted(taken, key=lambda f: f.start)


def _all_matches(grammar: TimeGrammar, text: str) -> Iterator[Found | None]:
    for name, pattern in grammar.patterns:
        for match in pattern.finditer(text):
            yield _found(grammar.lexicon, name, match)


def interpret(grammar: TimeGrammar, text: str) -> Meaning | None:
    """The meaning of one expression as found by `scan` (None if `text` is not one)."""
    best: Found | None = None
    for name, pattern in grammar.patterns:
        match = pattern.fullmatch(text.strip())
        if match is None:
            continue
        found = _found(grammar.lexicon, name, match)
        if found is not None:
            best = found
            break
    return best.meaning if best else None


def _found(lex: TimeLexicon, name: str, match: re.Match[str]) -> Found | None:
    meaning = _meaning(lex, name, match)
    if meaning is None:
        return None
    core = _core_group(match)
    groups = match.groupdict()
    bare = name == "year" and not (groups.get("prep") or groups.get("edge"))
    if name == "month" and not (groups.get("prep") or groups.get("deictic") or groups.get("edge")
                                or groups.get("poss")):
        return None
    start, end = _trimmed_span(match)
    return Found(start, end, meaning, bare_year=bare, core_start=core[0], core_end=core[1])


def _trimmed_span(match: re.Match[str]) -> tuple[int, int]:
    """The match without a possessive ending, and without a preposition or article that belongs
    to the noun the expression modifies ("In [Thursday]'s meeting", "the [1 September] ruling")."""
    groups = match.groupdict()
    start, end = match.span()
    if groups.get("poss"):
        end = match.start("poss")
    possessive = match.string[end:end + 2] in ("'s", "’s")
    if groups.get("prep") and (possessive or groups.get("poss")):
        start = match.end("prep")
        start += len(match.string[start:end]) - len(match.string[start:end].lstrip())
    if not groups.get("prep") and groups.get("day2") and match.string[start:start + 3].lower() == "the":
        start = match.start("day2")
    return start, end


def _core_group(match: re.Match[str]) -> tuple[int, int]:
    for group in ("month", "month2", "weekday", "year", "y1", "y3", "season", "dayword", "unit"):
        if match.groupdict().get(group):
            return match.span(group)
    return match.span()


def _relation(lex: TimeLexicon, groups: dict[str, str | None]) -> Relation:
    word = groups.get("prep") or groups.get("prep2")
    if not word:
        return "at"
    role = lex.value("preposition", word)
    return role if role in ("at", "since", "bound", "after") else "at"  # type: ignore[return-value]


def _month_of(lex: TimeLexicon, word: str) -> int | None:
    return lex.int_value("month", word) or lex.int_value("month_abbr", word)


def _day_of(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _meaning(lex: TimeLexicon, name: str, match: re.Match[str]) -> Meaning | None:
    g = match.groupdict()
    rel = _relation(lex, g)
    builder = _BUILDERS[name]
    return builder(lex, g, rel)


def _range(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    first = int(g.get("y1") or g["y3"])
    last_text = g.get("y2") or g["y4"]
    last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
    return Meaning("range", year=first) if last > first else None


def _full_date(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    month = _month_of(lex, g["month"])
    if month is None:
        return None
    return _checked_date(int(g["year"]), month, _day_of(g["day"]), rel)


def _iso_date(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    return _checked_date(int(g["year"]), int(g["mm"]), int(g["dd"]), rel)


def _checked_date(year: int, month: int, day: int, rel: Relation) -> Meaning | None:
    import datetime as dt

    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return Meaning("date", rel, year=year, month=month, day=day)


def _month_year(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    month = _month_of(lex, g["month"])
    return Meaning("month_year", rel, year=int(g["year"]), month=month) if month else None


def _month_day(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    month = _month_of(lex, g.get("month") or g["month2"])
    day = _day_of(g.get("day") or g["day2"])
    if month is None or day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
        return None
    return Meaning("month_day", rel, month=month, day=day)


def _month(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    month = _month_of(lex, g["month"])
    if month is None or (lex.int_value("month", g["month"]) is None and not g.get("prep")):
        return None  # an abbreviation alone ("Oct.") is a date only after a preposition
    deictic = lex.int_value("deictic", g["deictic"]) if g.get("deictic") else None
    return Meaning("month", rel, month=month, deictic=deictic)


def _season(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    if g.get("year"):
        return Meaning("year", rel, year=int(g["year"]), season=lex.season_months(g["season"]))
    if not g.get("deictic"):
        return None  # "the summer" / "in spring" alone: no way to place it
    deictic = lex.int_value("deictic", g["deictic"])
    return Meaning("season", rel, deictic=deictic, season=lex.season_months(g["season"]))


def _weekday(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    deictic = lex.int_value("deictic", g["deictic"]) if g.get("deictic") else None
    return Meaning("weekday", rel, weekday=lex.int_value("weekday", g["weekday"]), deictic=deictic)


def _day_word(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    return Meaning("shift", rel, unit="day", amount=lex.int_value("day_word", g["dayword"]))


def _part_of_day(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    night_before = g["deictic"].lower() == "last"
    return Meaning("shift", rel, unit="day", amount=-1 if night_before else 0)


def _in_the_day(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    return Meaning("shift", rel, unit=g["unit"].lower(), amount=0)


def _deictic_unit(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    if g.get("the") and not (g.get("part") or g.get("edge")):
        return None  # "the week" / "the year" alone does not say which one
    unit = lex.value("unit", g["unit"])
    deictic = lex.int_value("deictic", g["deictic"]) if g.get("deictic") else 0
    if unit in (None, "decade") or deictic is None:  # "last decade" is the 2010s, not -10 years
        return None
    return Meaning("shift", rel, unit=unit, amount=deictic, deictic=deictic)


def _ago(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    unit = lex.value("unit", g["unit"])
    word = g["number"]
    amount = int(word) if word.isdigit() else lex.int_value("number", word)
    if unit is None:
        return None
    return Meaning("shift", unit=unit, amount=-amount if amount is not None else None,
                   approximate=bool(g.get("approx")))


def _interval_after(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    meaning = _ago(lex, g, rel)
    return dataclasses.replace(meaning, relation="complement") if meaning else None


def _year(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    return Meaning("year", rel, year=int(g["year"]))


def _vague(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    return Meaning("vague")


_BUILDERS = {
    "range": _range,
    "date_mdy": _full_date,
    "date_dmy": _full_date,
    "date_iso": _iso_date,
    "month_year": _month_year,
    "month_day": _month_day,
    "month": _month,
    "season": _season,
    "weekday": _weekday,
    "day_word": _day_word,
    "part_of_day": _part_of_day,
    "in_the_day": _in_the_day,
    "deictic_unit": _deictic_unit,
    "ago": _ago,
    "interval_after": _interval_after,
    "year": _year,
    "vague": _vague,
}
