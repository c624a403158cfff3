"""The time grammar on phrases from real articles of ../shared/corpus (no parser needed)."""

from __future__ import annotations

import pytest

from newsevents.dates import BUNDLED_GRAMMAR, interpret
from newsevents.timeref.grammar import scan


def phrases(text: str) -> list[str]:
    return [text[f.start:f.end] for f in scan(BUNDLED_GRAMMAR, text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("South Korea said on Thursday it will scrap an intelligence-sharing pact with Japan.",
         ["on Thursday"]),
        ("Bilateral ties started to chill after a series of South Korean court rulings late last "
         "year, ordering Japanese firms to compensate for wartime forced labor during Japan's "
         "1910-1945 colonization.", ["late last year", "1910-1945"]),
        ("Relations between the two countries have slumped following a decision by a South Korean "
         "top court in October 2018, ordering a Japanese company to pay four men",
         ["in October 2018"]),
        ("Japan argues the ruling goes against a 1965 bilateral agreement", ["1965"]),
        ("In Thursday's meeting, Motegi urged Kang not to scrap the pact", ["Thursday"]),
        ("China said on Tuesday (Aug. 10) it was recalling its ambassador from Lithuania",
         ["on Tuesday", "Aug. 10"]),
        ("Lithuanian Vice Foreign Minister Mantas Adomenas said last week that his country would "
         "open its office in Taipei by the end of the year",
         ["last week", "by the end of the year"]),
        ("with his police killing more than 300 people during anti-government demonstrations three "
         "years ago.", ["three years ago"]),
        ("since their leaders agreed to improve bilateral relations in their recent phone talks in "
         "September, the ministry said", ["in September"]),
        ("The 1 September ruling - seen by many as a surprise - follows a legal challenge",
         ["1 September"]),
        ("the internet has been completely shut down since early yesterday [Thursday] evening",
         ["since early yesterday", "Thursday"]),
        ("Lee is scheduled to return home later in the day after wrapping up a three-day trip.",
         ["later in the day"]),
        ("Since the disputed results were announced last May, there have been regular protests.",
         ["last May"]),
        # a deadline after an event is not the event's interval ("within 60 days after")
        ("NAIROBI: Kenya’s Supreme Court on Friday ordered a new presidential election within 60 "
         "days after cancelling the results of last month’s poll in a shock decision in favour of "
         "the opposition.", ["on Friday", "last month"]),
    ],
)
def test_scan_finds_the_phrases_news_writes(sentence: str, expected: list[str]) -> None:
    assert phrases(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The move comes as a response after British Prime Minister Theresa May earlier ordered 23 "
        "Russian diplomats expelled",
        "France has about 4,300 troops in the Sahel region, including 2,400 in Mali.",
        "announced a special assistance of Rs.1,000 crore.",
        "Australia has indicated it may appeal to the World Trade Organization.",
        "Kenya's Supreme Court ordered a new presidential election within 60 days",

    ],
)
def test_scan_ignores_names_counts_and_durations(sentence: str) -> None:
    assert phrases(sentence) == []


def test_a_range_is_a_period_not_a_year() -> None:
    meaning = interpret(BUNDLED_GRAMMAR, "1910-45")
    assert meaning is not None and meaning.form == "range"


def test_since_and_until_keep_their_role() -> None:
    assert interpret(BUNDLED_GRAMMAR, "since 2013").relation == "since"
    assert interpret(BUNDLED_GRAMMAR, "by the end of the year").relation == "bound"
    assert interpret(BUNDLED_GRAMMAR, "on Wednesday").relation == "at"


def test_full_dates_in_both_orders() -> None:
    us = interpret(BUNDLED_GRAMMAR, "Oct. 30, 2018")
    uk = interpret(BUNDLED_GRAMMAR, "30 October 2018")
    assert (us.year, us.month, us.day) == (uk.year, uk.month, uk.day) == (2018, 10, 30)


def test_an_impossible_day_is_no_date() -> None:
    assert interpret(BUNDLED_GRAMMAR, "Feb. 30, 2019") is None
