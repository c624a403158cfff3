"""Resolving time expressions against the publication date, with tense (issue 3, "Event dates").

Publication dates and phrases are those of real corpus articles (named in each case).
"""

from __future__ import annotations

import pytest

from newsevents.dates import resolve, resolve_text
from newsevents.records import TimeRef


def ref(text: str) -> TimeRef:
    return TimeRef(text=text, start=0, end=len(text), sent_index=0, tok_start=0, tok_end=1,
                   kind="relative")


@pytest.mark.parametrize(
    ("text", "pub", "tense", "expected"),
    [
        # kyodo 2019-09-27 (a Friday): "failed on Thursday to make progress"
        ("on Thursday", "2019-09-27", "past", "2019-09-26"),
        # yonhap 2019-08-22 (a Thursday): "announced its decision Thursday" - same day counts
        ("Thursday", "2019-08-22", "past", "2019-08-22"),
        # future: the next such weekday, same day included
        ("Wednesday", "2020-10-27", "future", "2020-10-28"),
        ("Tuesday", "2020-10-27", "future", "2020-10-27"),
        # "next" excludes the publication day, "last" too
        ("next Tuesday", "2020-10-27", "future", "2020-11-03"),
        ("last Tuesday", "2020-10-27", "past", "2020-10-20"),
        # present tense behaves like past ("is on a three-day visit ... from Thursday")
        ("from Thursday", "2020-11-12", "present", "2020-11-12"),
        # taipeitimes 2021-08-11: "China yesterday recalled its ambassador"
        ("yesterday", "2021-08-11", "past", "2021-08-10"),
        # precision stays honest: weeks and months give a month, years a year
        ("last week", "2021-08-10", "past", "2021-08"),
        ("last week", "2021-03-03", "past", "2021-02"),
        ("earlier this month", "2019-02-23", "past", "2019-02"),
        ("late last year", "2019-09-27", "past", "2018"),
        ("three years ago", "2021-06-04", "past", "2018"),
        ("three days ago", "2021-06-04", "past", "2021-06-01"),
        ("by the end of the year", "2021-08-10", "future", "2021"),
        # yonhap 2020-11-12: "in their recent phone talks in September"
        ("in September", "2020-11-12", "past", "2020-09"),
        # medicinehatnews 2024-01-22: "since the start of the Israel-Hamas war in October"
        ("in October", "2024-01-22", "past", "2023-10"),
        ("in October", "2024-01-22", "future", "2024-10"),
        # northafricapost 2020-02: "announced last May"
        ("last May", "2020-02-03", "past", "2019-05"),
        # year-less days: latest on/before for the past, next on/after for the future
        ("on Sept. 11", "2019-09-10", "past", "2018-09-11"),
        ("on Sept. 11", "2019-09-10", "future", "2019-09-11"),
        ("March 4", "2018-03-17", "past", "2018-03-04"),
        # a weekday of a named week, a weekend (Saturday or Sunday: the month), two days back
        ("Thursday last week", "2019-09-27", "past", "2019-09-19"),
        ("Thursday next week", "2019-09-27", "future", "2019-10-03"),
        ("over the weekend", "2019-09-27", "past", "2019-09"),
        ("over the weekend", "2019-09-02", "past", "2019"),
        ("the day before yesterday", "2019-09-27", "past", "2019-09-25"),
        # absolute expressions need no publication date
        ("in October 2018", None, "past", "2018-10"),
        ("Oct. 30, 2018", None, "past", "2018-10-30"),
        ("1965", None, "past", "1965"),
        ("since 2013", "2022-02-17", "present", "2013"),
    ],
)
def test_resolve(text: str, pub: str | None, tense: str, expected: str) -> None:
    assert resolve(ref(text), pub, tense) == expected


@pytest.mark.parametrize("text", ["Thursday", "last week", "in September", "on Sept. 11",
                                  "two years ago", "yesterday"])
def test_relative_refs_stay_unresolved_without_publication_date(text: str) -> None:
    assert resolve(ref(text), None, "past") is None


def test_a_range_is_never_an_event_date() -> None:
    assert resolve(ref("1910-1945"), "2019-09-27", "past") is None


def test_recently_gives_no_date() -> None:
    assert resolve(ref("recently"), "2019-09-27", "past") is None


def test_past_tense_never_gets_a_date_after_publication() -> None:
    assert resolve(ref("next week"), "2019-09-27", "past") is None
    assert resolve(ref("tomorrow"), "2019-09-27", "past") is None
    assert resolve(ref("next week"), "2019-09-27", "future") == "2019-10"


def test_leap_day_without_year_goes_back_to_a_leap_year() -> None:
    assert resolve(ref("Feb. 29"), "2023-05-01", "past") == "2020-02-29"


def test_malformed_publication_date_is_treated_as_unknown() -> None:
    assert resolve(ref("Thursday"), "sometime", "past") is None


@pytest.mark.parametrize(
    ("text", "pub", "expected"),
    [
        # yonhap 2019-10-24: "relations have been at one of the lowest ebbs in recent months"
        ("in recent months", "2019-10-24", "2019"),
        ("in recent months", "2019-03-02", None),
        ("in recent days", "2021-05-21", "2021-05"),
        ("in recent days", "2021-05-03", "2021"),
        ("several days ago", "2021-05-21", "2021-05"),
        ("a few years ago", "2021-05-21", None),
    ],
)
def test_vague_stretches_keep_the_period_that_holds_them(text, pub, expected) -> None:
    assert resolve(ref(text), pub, "past") == expected


def test_resolve_text_rereads_a_stored_date_text() -> None:
    from newsevents.dates import resolve_text

    # an undated article whose publication day the link stage inferred later
    assert resolve_text("on Thursday evening", "2017-04-07", "past") == "2017-04-06"
    assert resolve_text("on Thursday evening", None, "past") is None
    assert resolve_text("no time here", "2017-04-07", "past") is None


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        # a part of a named day keeps the day (publication 2024-03-15, a Friday)
        ("in the early hours of Sunday", "past", "2024-03-10"),
        ("early on Wednesday", "past", "2024-03-13"),
        ("late on Tuesday", "future", "2024-03-19"),
        ("on the night of Thursday", "past", "2024-03-14"),
    ],
)
def test_a_part_of_a_named_day_is_that_day(text: str, tense: str, expected: str) -> None:
    assert resolve_text(text, "2024-03-15", tense) == expected
