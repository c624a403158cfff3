"""Publication dates written in an article's text: date stamps, "date 2020-10-21", datelines.

Only dates the text states are returned; a year-less dateline ("SEOUL, Nov. 12 (Yonhap)") gets a
year only when the text itself gives the same month and day with a year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NAME = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
              r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"
FULL_DATE_PATTERNS = (
    re.compile(rf"\b{YEAR}[-/.](?P<num_month>\d{{1,2}})[-/.]{DAY}\b"),
    re.compile(rf"\b{MONTH_NAME},?\s+{DAY},?\s+{YEAR}", re.IGNORECASE),
    re.compile(rf"\b{DAY},?\s+{MONTH_NAME},?\s+{YEAR}", re.IGNORECASE),
)
# Numeric dates written day first or month first: only read when the order is certain (dots are
# day.month.year; with slashes, a first part over 12 is a day, a second part over 12 a day).
NUMERIC_DATE = re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d{2})(?!\d)")
MONTH_DAY_PATTERN = re.compile(rf"\b{MONTH_NAME}\s+{DAY}\b", re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    """A date found in text: ISO value and where it starts in the searched string."""

    value: str
    start: int


def _month_number(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if groups.get("num_month"):
        return int(groups["num_month"])
    name = groups["month"].lower().rstrip(".")
    return MONTHS.get(name[:4] if name.startswith("sept") else name[:3], 0)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


COMPACT_DATE = re.compile(r"\s*((?:19|20)\d\d)(0[1-9]|1[0-2])([0-3]\d)(?:T|[0-2]\d{3}|\s|$)")
EPOCH = re.compile(r"\s*(\d{9,10}|\d{12,13})(?:\.\d+)?\s*$")


def normalise_date(value: str | None) -> str | None:
    """YYYY-MM-DD from a metadata date, or None: "2020-11-12", "2020-11-12T09:00:00+09:00",
    "Thu, 12 Nov 2020 09:00:00 GMT", compact "20201112" / "20201112T090000Z" (GDELT), and Unix
    time in seconds or milliseconds (read as UTC)."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if match is not None:
        return _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = COMPACT_DATE.match(value)
    if match is not None:
        return _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = EPOCH.match(value)
    if match is not None:
        seconds = int(match.group(1)) / (1000 if len(match.group(1)) > 10 else 1)
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date().isoformat()
    found = first_full_date(value)
    return found.value if found else None


def full_dates(text: str) -> list[FoundDate]:
    """Every valid full date (day, month and year) written in `text`, in reading order."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in FULL_DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            value = _iso(int(match.group("year")), _month_number(match), int(match.group("day")))
            if value is not None:
                found.append(FoundDate(value, match.start()))
                taken.append((match.start(), match.end()))
    for match in NUMERIC_DATE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        value = _numeric_date(match)
        if value is not None:
            found.append(FoundDate(value, match.start()))
    return sorted(found, key=lambda f: f.start)


def _numeric_date(match: re.Match[str]) -> str | None:
    """The date of "12.11.2020" (day first), or of "25/11/2020" / "11/25/2020" when one part is
    over 12; None when the order of day and month cannot be told."""
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    if match.group("sep") == ".":
        return _iso(year, b, a)
    if a > 12 >= b:
        return _iso(year, b, a)
    if b > 12 >= a:
        return _iso(year, a, b)
    return _iso(year, a, b) if a == b else None


def first_full_date(text: str) -> FoundDate | None:
    """The first full date in `text`, or None."""
    found = full_dates(text)
    return found[0] if found else None


def month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a year-less date such as "Nov. 12", or None."""
    match = MONTH_DAY_PATTERN.search(text)
    if match is None:
        return None
    month, day = _month_number(match), int(match.group("day"))
    return (month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def year_for(month: int, day: int, text: str) -> str | None:
    """The full date for (month, day) when the text states that month and day with one year."""
    years = {f.value[:4] for f in full_dates(text) if f.value[5:] == f"{month:02d}-{day:02d}"}
    if len(years) != 1:
        return None
    return _iso(int(years.pop()), month, day)


URL_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<sep>[/_-])(?P<month>\d{1,2})(?P=sep)"
                      r"(?P<day>\d{1,2})(?!\d)")


def url_date(url: str | None) -> str | None:
    """The date a URL's path states ("/2019/11/19/story", "/2021-08-10-title"), or None.

    Only separated year-month-day; digits run together ("AEN20201112011100325") may be an id.
    """
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.IGNORECASE)
    for match in URL_DATE.finditer(path):
        value = _iso(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        if value is not None:
            return value
    return None
