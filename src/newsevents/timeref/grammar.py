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
- Ranges ("1910-1945", "between 2010 and 2015", "from Thursday to Sunday") are found so that
  their parts are not taken for event dates: a range is a period, not the time of one event.
- "the next year", "the last week" count from the story's own time or mean a stretch ending
  now, unlike "next year", "last week": a deictic after "the" is not read.
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
    "date", "month_year", "year", "range", "month_day", "month", "weekday", "weekend", "shift",
    "season", "vague", "name",
]
# at: the event's own time; since: start of a state; bound: a deadline ("by Friday");
# until: the end of a stretch ("drills continue until Sunday");
# after: the event follows it; complement: the time of the event *inside* the phrase
# ("comes a day after [the army warned]": the warning was a day before the news).
# label: a metadata line ("date 2021-05-21 Israel and Hamas ..."), not a time in the prose.
Relation = Literal["at", "since", "bound", "until", "after", "complement", "label"]

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
    span: tuple[int, int] | None = None  # "several days ago": amount between these (negative)


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
    anchors: re.Pattern[str]  # a word every expression contains: the patterns run only near one

    @classmethod
    def build(cls, lexicon: TimeLexicon) -> TimeGrammar:
        return cls(lexicon=lexicon, patterns=_compile(lexicon), anchors=_compile_anchors(lexicon))


WINDOW = 50  # characters around an anchor word within which its expression must lie


def _compile_anchors(lex: TimeLexicon) -> re.Pattern[str]:
    names = _alt(lex.words("month") + lex.words("month_abbr") + lex.words("weekday"))
    words = _alt(lex.words("day_word") + lex.words("part_of_day") + lex.words("season")
                 + lex.words("vague") + lex.words("unit"))
    return re.compile(rf"(?-i:\b(?:{names}))|\d{{4}}|(?i:\b(?:{words})s?\b)")


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
    line_start = r"(?:(?<=\n)|(?<![\s\S]))[^\S\n]*"
    label = rf"{line_start}(?P<label>{_alt(lex.words('label'))})[^\S\n]*:?[^\S\n]*"
    lead = rf"(?:{label}|{prep})"
    year = rf"(?<![\d$€£¥.,:/])(?P<year>{YEAR})(?!\d|,\d|\.\d|%|s\b|-\d)"
    day = rf"(?P<day>{DAY})(?![\d:])"
    sources = {
        "range": (
            rf"(?P<prep>between){SP}(?<![\d$€£¥.,:/])(?P<y1>{YEAR}){SP}and{SP}(?P<y2>{YEAR})(?!\d)"
            rf"|(?:(?P<prep2>from){SP})?(?<![\d$€£¥.,:/])(?P<y3>{YEAR})"
            rf"(?:\s?[-–—]\s?|{SP}(?:to|through|until){SP})(?P<y4>{YEAR}|\d\d)(?!\d)"
        ),
        "span": (
            rf"(?:(?P<prep>from){SP})(?P<first>{weekday}|{month}){SP}(?:to|through|until|till){SP}"
            rf"(?P<last>{weekday}|{month})"
            rf"|(?:(?P<prep2>between){SP})(?P<first2>{weekday}|{month}){SP}and{SP}"
            rf"(?P<last2>{weekday}|{month})"
        ),
        "date_mdy": rf"{lead}{wd_lead}(?P<month>{month}){SP}{day},?{SP}{year}",
        "date_dmy": rf"{lead}{wd_lead}(?:the{SP})?{day}{SP}(?:of{SP})?(?P<month>{month}),?{SP}{year}",
        "date_iso": rf"{lead}(?<![\d-])(?P<year>{YEAR})-(?P<mm>0[1-9]|1[0-2])-(?P<dd>[0-3]\d)(?!\d)",
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
        "weekday": (
            # "late Thursday", "early on Sunday", "in the early hours of Sunday", "on the night of
            # Friday": the day is named, its part does not move it
            rf"{prep}(?:{deictic}{SP}|(?P<edge>early|late)(?:{SP}on)?{SP}"
            rf"|the{SP}(?:early|small|wee){SP}hours{SP}(?:of|on){SP}"
            rf"|the{SP}(?:{_alt(lex.words('part_of_day'))}){SP}of{SP})?(?P<weekday>{weekday}){pod}"
            rf"(?:,?{SP}(?P<week>{_alt(lex.words('deictic'))}){SP}week(?!\w))?"
        ),
        "weekend": rf"(?:(?P<prep>{_alt(lex.words('preposition'))}|over|at){SP})?the{SP}weekend(?!\w)",
        "day_word": (
            rf"{prep}(?:(?P<edge>earlier|later|early|late){SP})?(?P<dayword>{_alt(lex.words('day_word'))})"
            rf"(?!\w){pod}"
        ),
        "part_of_day": rf"{prep}(?P<deictic>this|last){SP}(?P<pod>{_alt(lex.words('part_of_day'))})",
        "in_the_day": rf"(?P<edge>earlier|later){SP}(?:in|on){SP}the{SP}(?P<unit>day|week|month|year)",
        "deictic_unit": (
            rf"{prep}(?:{edge})?(?:(?:the{SP})?(?P<part>end|beginning|start|middle|rest){SP}of{SP})?"
            rf"(?:(?<!the ){deictic}|(?P<the>the)){SP}(?P<unit>{_alt(lex.words('unit'))})(?!\w)"
        ),
        "ago": rf"{approx}{number}{SP}{unit}{SP}ago",
        # "within 60 days after the ruling" is a deadline, not the time of the ruling
        "interval_after": rf"(?<!within )(?<!within\xa0){approx}{number}{SP}{unit}{SP}after",
        "year": rf"{prep}(?:{edge}|(?:the{SP})?(?:end|beginning|start|middle){SP}of{SP})?{year}",
        "vague": rf"(?P<vague>{_alt(lex.words('vague'))})(?!\w)",
        "name": rf"(?-i:{_alt(lex.words('named_day'))})(?!\w)",
    }
    return tuple(
        (name, re.compile(rf"(?<![\w-]){src}(?!\w)", re.IGNORECASE)) for name, src in sources.items()
    )


# --------------------------------------------------------------------------- scanning


def scan(grammar: TimeGrammar, text: str) -> list[Found]:
    """Every time expression in `text`, in order, without overlaps (longer spans win).

    Names that contain a time word ("Black Friday", "Bloody Sunday") take part so that they
    win over the weekday inside them, then are dropped: they date nothing."""
    candidates = [found for found in _all_matches(grammar, text) if found is not None]
    candidates = list({(f.start, f.end, f.meaning): f for f in candidates}.values())
    candidates.sort(key=lambda f: (-(f.end - f.start), f.start))
    taken: list[Found] = []
    for found in candidates:
        if all(found.end <= t.start or found.start >= t.end for t in taken):
            taken.append(found)
    return sorted((t for t in taken if t.meaning.form != "name"), key=lambda f: f.start)


def _all_matches(grammar: TimeGrammar, text: str) -> Iterator[Found | None]:
    for start, end in _windows(grammar, text):
        for name, pattern in grammar.patterns:
            for match in pattern.finditer(text, start, end):
                yield _found(grammar.lexicon, name, match)


def _windows(grammar: TimeGrammar, text: str) -> list[tuple[int, int]]:
    """Stretches of `text` around anchor words, cut at white space and merged when they touch
    (running every pattern over the whole text costs ten times more)."""
    windows: list[tuple[int, int]] = []
    for anchor in grammar.anchors.finditer(text):
        start = _space_before(text, anchor.start() - WINDOW)
        end = _space_after(text, anchor.end() + WINDOW)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _space_before(text: str, pos: int) -> int:
    if pos <= 0:
        return 0
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _space_after(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos


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
    while start < end and match.string[start].isspace():
        start += 1
    return start, end


def _core_group(match: re.Match[str]) -> tuple[int, int]:
    for group in ("month", "month2", "weekday", "year", "y1", "y3", "season", "dayword", "unit"):
        if match.groupdict().get(group):
            return match.span(group)
    return match.span()


def _relation(lex: TimeLexicon, groups: dict[str, str | None]) -> Relation:
    if groups.get("label"):
        return "label"
    word = groups.get("prep") or groups.get("prep2")
    if not word:
        return "at"
    role = lex.value("preposition", word)
    return role if role in ("at", "since", "bound", "until", "after") else "at"  # type: ignore[return-value]


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


def _span(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    """"from Thursday to Sunday", "between March and June": a period, not an event's time."""
    return Meaning("range")


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
    week = lex.int_value("deictic", g["week"]) if g.get("week") else None
    if week is not None and deictic is not None:
        return None  # "last Thursday next week" says two things
    weekday = lex.int_value("weekday", g["weekday"])
    if week is not None:  # "Thursday last week": that weekday in the calendar week before
        return Meaning("weekday", rel, weekday=weekday, unit="week", amount=week)
    return Meaning("weekday", rel, weekday=weekday, deictic=deictic)


def _weekend(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    return Meaning("weekend", rel)


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
    if unit == "day" and not g.get("the"):
        return None  # "to this day" means until now; "next day" counts from the story, not today
    return Meaning("shift", rel, unit=unit, amount=deictic, deictic=deictic)


def _ago(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    unit = lex.value("unit", g["unit"])
    word = g["number"]
    amount = int(word) if word.isdigit() else lex.int_value("number", word)
    if unit is None:
        return None
    span = None
    if amount is None:
        bounds = (lex.value("vague_count", word) or "").split("|")
        span = (-int(bounds[1]), -int(bounds[0])) if len(bounds) == 2 else None
    return Meaning("shift", unit=unit, amount=-amount if amount is not None else None,
                   approximate=bool(g.get("approx")), span=span)


def _interval_after(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    meaning = _ago(lex, g, rel)
    return dataclasses.replace(meaning, relation="complement") if meaning else None


def _year(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    return Meaning("year", rel, year=int(g["year"]))


def _vague(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    value = lex.value("vague", g["vague"]) or ""
    parts = value.split("|")
    if len(parts) != 3:
        return Meaning("vague")  # "recently": no idea how long ago
    unit, low, high = parts[0], int(parts[1]), int(parts[2])
    return Meaning("vague", unit=unit, span=(-high, -low))


def _name(lex: TimeLexicon, g: dict, rel: Relation) -> Meaning | None:
    return Meaning("name")


_BUILDERS = {
    "range": _range,
    "span": _span,
    "date_mdy": _full_date,
    "date_dmy": _full_date,
    "date_iso": _iso_date,
    "month_year": _month_year,
    "month_day": _month_day,
    "month": _month,
    "season": _season,
    "weekday": _weekday,
    "weekend": _weekend,
    "day_word": _day_word,
    "part_of_day": _part_of_day,
    "in_the_day": _in_the_day,
    "deictic_unit": _deictic_unit,
    "ago": _ago,
    "interval_after": _interval_after,
    "year": _year,
    "vague": _vague,
    "name": _name,
}
