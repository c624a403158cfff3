"""Turning a time expression into a date, given the publication date and the verb's tense.

Rules (the issue's "Event dates" section):
- A weekday, a month or a year-less day ("Thursday", "in September", "on Sept. 11") is the latest
  one on or before publication for a past or present verb, the next one on or after it for a future
  verb; "last"/"next" exclude publication day itself.
- Shifts ("yesterday", "last week", "two years ago") move the publication date; the result keeps
  only the precision the words support: a day for day words, the month for weeks and months
  ("last week" is a month, not a day), the year for years.
- Vague stretches ("in recent weeks", "several days ago") give the month or year that holds the
  whole stretch they may mean, or nothing when it straddles two.
- With no publication date only absolute expressions resolve. A past-tense verb never gets a date
  after publication (not even from "in 2030"): such a reading is inconsistent, and gives None.
"""

from __future__ import annotations

import calendar
import datetime as dt

from newsevents.records import Tense
from newsevents.timeref.grammar import Meaning

Precision = str  # "year" | "month" | "day"


def parse_pub_date(pub_date: str | None) -> dt.date | None:
    """The publication date as a date, or None when missing or malformed."""
    if not pub_date:
        return None
    try:
        return dt.date.fromisoformat(pub_date[:10])
    except ValueError:
        return None


def format_date(day: dt.date, precision: Precision) -> str:
    """`day` written at `precision`: YYYY, YYYY-MM or YYYY-MM-DD."""
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def absolute_value(meaning: Meaning) -> tuple[str | None, Precision | None]:
    """The date an expression gives without a publication date, and its precision."""
    if meaning.form == "date":
        return format_date(dt.date(meaning.year, meaning.month, meaning.day), "day"), "day"
    if meaning.form == "month_year":
        return f"{meaning.year:04d}-{meaning.month:02d}", "month"
    if meaning.form == "year":
        return f"{meaning.year:04d}", "year"
    return None, None


def resolve_meaning(meaning: Meaning, pub: dt.date | None, tense: Tense) -> str | None:
    """The date `meaning` denotes for a verb of `tense` published on `pub`."""
    value, precision = absolute_value(meaning)
    if value is not None:
        day = dt.date(meaning.year, meaning.month or 1, meaning.day or 1)
    elif meaning.form == "range" or pub is None:
        return None
    elif meaning.span is not None:
        return _stretch(pub, meaning.unit, meaning.span)
    else:
        try:
            found = _relative(meaning, pub, tense == "future")
        except (ValueError, OverflowError):
            return None  # the calendar ends (year 1 or 9999): no such date
        if found is None:
            return None
        day, precision = found
    if tense == "past" and pub is not None and _period_start(day, precision) > pub:
        return None  # a past event cannot come after its report: the reading is wrong
    return format_date(day, precision)


def _stretch(pub: dt.date, unit: str | None, span: tuple[int, int]) -> str | None:
    """The month or year holding all of [pub + span[0] units, pub + span[1] units], if one does
    ("in recent weeks" in late March is March; in early March it could be February: no date)."""
    try:
        first, last = _shift(pub, unit, span[0]), _shift(pub, unit, span[1])
    except (ValueError, OverflowError):
        return None
    if first is None or last is None:
        return None
    a, b = first[0], last[0]
    if (a.year, a.month) == (b.year, b.month) and unit in ("day", "week"):
        return format_date(a, "month")
    if a.year == b.year:
        return format_date(a, "year")
    return None


def _period_start(day: dt.date, precision: Precision) -> dt.date:
    if precision == "year":
        return dt.date(day.year, 1, 1)
    if precision == "month":
        return dt.date(day.year, day.month, 1)
    return day


def _relative(meaning: Meaning, pub: dt.date, future: bool) -> tuple[dt.date, Precision] | None:
    if meaning.form == "weekday" and meaning.weekday is not None:
        if meaning.unit == "week" and meaning.amount is not None:
            return _weekday_of_week(pub, meaning.weekday, meaning.amount), "day"
        return _weekday(pub, meaning.weekday, meaning.deictic, future), "day"
    if meaning.form == "weekend":
        return _weekend(pub, future)
    if meaning.form == "month_day":
        day = _month_day(pub, meaning.month, meaning.day, future)
        return (day, "day") if day else None
    if meaning.form == "month":
        return _month(pub, meaning.month, meaning.deictic, future), "month"
    if meaning.form == "shift":
        shifted = _shift(pub, meaning.unit, meaning.amount)
        if shifted and meaning.approximate and shifted[1] == "day":
            return shifted[0], "month"
        return shifted
    if meaning.form == "season":
        return _season(pub, meaning.season, meaning.deictic)
    return None


def _weekday(pub: dt.date, weekday: int, deictic: int | None, future: bool) -> dt.date:
    """The weekday nearest publication in the direction the words and tense give."""
    if deictic == -1:
        return pub - dt.timedelta(days=(pub.weekday() - weekday - 1) % 7 + 1)
    if deictic == 1:
        return pub + dt.timedelta(days=(weekday - pub.weekday() - 1) % 7 + 1)
    if future:
        return pub + dt.timedelta(days=(weekday - pub.weekday()) % 7)
    return pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)


def _weekday_of_week(pub: dt.date, weekday: int, weeks: int) -> dt.date:
    """"Thursday last week": the weekday of the calendar week (Monday first) `weeks` away."""
    monday = pub - dt.timedelta(days=pub.weekday())
    return monday + dt.timedelta(weeks=weeks, days=weekday)


def _weekend(pub: dt.date, future: bool) -> tuple[dt.date, Precision]:
    """The weekend nearest publication; Saturday or Sunday is unknown, so the month (or the year
    when the two days straddle a month)."""
    saturday = _weekday(pub, 5, None, future)
    if pub.weekday() == 6 and not future:
        saturday = pub - dt.timedelta(days=1)
    sunday = saturday + dt.timedelta(days=1)
    return saturday, "month" if saturday.month == sunday.month else "year"


def _month_day(pub: dt.date, month: int, day: int, future: bool) -> dt.date | None:
    """The date with this month and day nearest publication (on/before, or on/after if future)."""
    step = 1 if future else -1
    for offset in range(0, 9):  # Feb 29 may need up to 8 years
        year = pub.year + step * offset
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if (candidate >= pub) if future else (candidate <= pub):
            return candidate
    return None


def _month(pub: dt.date, month: int, deictic: int | None, future: bool) -> dt.date:
    """The month named, in the year the deictic or the tense gives."""
    if deictic == 0:
        return dt.date(pub.year, month, 1)
    if deictic == -1:
        year = pub.year if month < pub.month else pub.year - 1
    elif deictic == 1:
        year = pub.year if month > pub.month else pub.year + 1
    elif future:
        year = pub.year if month >= pub.month else pub.year + 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return dt.date(year, month, 1)


def _shift(pub: dt.date, unit: str | None, amount: int | None) -> tuple[dt.date, Precision] | None:
    """Publication moved by `amount` units, at the precision the unit supports."""
    if amount is None:
        return None  # "a few days ago": no number to count with
    if unit == "day":
        return pub + dt.timedelta(days=amount), "day"
    if unit == "week":
        return pub + dt.timedelta(weeks=amount), "month"
    if unit == "month":
        return _add_months(pub, amount), "month"
    if unit == "year":
        return _add_months(pub, 12 * amount), "year"
    if unit == "decade":
        return _add_months(pub, 120 * amount), "year"
    return None


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _season(
    pub: dt.date, months: tuple[int, int] | None, deictic: int | None
) -> tuple[dt.date, Precision] | None:
    """The year of "last/this/next summer" (a season spanning New Year gets no date)."""
    if months is None or deictic is None or months[0] > months[1]:
        return None
    first, last = months
    if deictic == 0:
        year = pub.year
    elif deictic == -1:
        year = pub.year if last < pub.month else pub.year - 1
    else:
        year = pub.year if first > pub.month else pub.year + 1
    return dt.date(year, first, 1), "year"
