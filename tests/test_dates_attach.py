"""timeref_for / event_date / news_day on real corpus sentences."""

from __future__ import annotations

import pytest

from newsevents.dates import event_date, find_timerefs, news_day, timeref_for
from newsevents.nlp import parse
from newsevents.records import Article, Line, Parsed


def parsed_of(nlp, text: str, pub: str | None = None) -> Parsed:
    article = Article("t", "t.txt", raw=text, body_lines=(Line(0, len(text), text),), pub_date=pub)
    return parse(article, nlp)


def token(parsed: Parsed, text: str, nth: int = 0):
    return [t for t in parsed.doc if t.text == text][nth]


@pytest.mark.parametrize(
    ("sentence", "pub", "event_word", "phrase", "date"),
    [
        # the verb's own time
        ("Police on Wednesday arrested Cristiana Chamorro, the leading opposition candidate for "
         "president.", "2021-06-04", "arrested", "on Wednesday", "2021-06-02"),
        ("India launched air strikes yesterday against a terrorist training camp hidden on a "
         "hilltop amid thick forests in Pakistan.", "2019-02-27", "launched", "yesterday",
         "2019-02-26"),
        # a time on the noun itself
        ("In Thursday's meeting, Motegi urged Kang not to scrap the pact.", "2019-09-27",
         "meeting", "Thursday", "2019-09-26"),
        ("Japan argues the ruling goes against a 1965 bilateral agreement.", "2020-10-27",
         "agreement", "1965", "1965"),
        # the reporting verb's time dates the reported event; Thursday is past for "said"
        ("South Korea said on Thursday it will scrap an intelligence-sharing pact with Japan.",
         "2019-08-23", "scrap", "on Thursday", "2019-08-22"),
        # a future event and its deadline
        ("Lithuanian Vice Foreign Minister Mantas Adomenas said last week that his country would "
         "open its office in Taipei by the end of the year.", "2021-08-10", "open",
         "by the end of the year", "2021"),
    ],
)
def test_event_date_on_real_sentences(nlp, sentence, pub, event_word, phrase, date) -> None:
    parsed = parsed_of(nlp, sentence, pub)
    refs = find_timerefs(parsed)
    ref, got = event_date(parsed, refs, token(parsed, event_word))
    assert ref is not None and ref.text == phrase
    assert got == date


def test_a_range_is_never_chosen(nlp) -> None:
    text = ("Bilateral ties started to chill after a series of South Korean court rulings, "
            "ordering Japanese firms to compensate for wartime forced labor during Japan's "
            "1910-1945 colonization.")
    parsed = parsed_of(nlp, text, "2019-09-27")
    assert timeref_for(parsed, find_timerefs(parsed), token(parsed, "compensate")) is None


def test_a_time_in_another_sentence_is_not_used(nlp) -> None:
    text = ("Senior officials from Japan and South Korea agreed Thursday over the telephone to "
            "continue dialogue. The officials also agreed on the importance of their countries "
            "cooperating bilaterally.")
    parsed = parsed_of(nlp, text, "2020-11-12")
    refs = find_timerefs(parsed)
    assert timeref_for(parsed, refs, token(parsed, "agreed", 0)).text == "Thursday"
    assert timeref_for(parsed, refs, token(parsed, "agreed", 1)) is None


def test_since_phrase_yields_to_a_point_time(nlp) -> None:
    text = ("On Tuesday, Park Jie-won became the highest-ranking South Korean official to meet "
            "with Prime Minister Yoshihide Suga since the latter took office in September.")
    parsed = parsed_of(nlp, text, "2020-11-12")
    ref, got = event_date(parsed, find_timerefs(parsed), token(parsed, "became"))
    assert (ref.text, got) == ("On Tuesday", "2020-11-10")


def test_news_day_is_the_day_the_lead_names(nlp) -> None:
    text = ("Japanese Prime Minister Shinzo Abe visited the controversial Yasukuni Shrine on "
            "Thursday, which honors Japan's war dead.\n\nVice Foreign Minister Kim Kyou-hyun "
            "summoned the deputy chief of the Japanese Embassy in Seoul and lodged a protest.")
    parsed = parsed_of(nlp, text, "2013-12-27")
    ref, day = news_day(parsed, find_timerefs(parsed))
    assert ref.text == "on Thursday" or ref.text == "Thursday"
    assert day == "2013-12-26"


def test_news_day_defaults_to_publication_day(nlp) -> None:
    text = "Russia announced its decision to expel two U.S. diplomats."
    parsed = parsed_of(nlp, text, "2023-09-14")
    assert news_day(parsed, find_timerefs(parsed)) == (None, "2023-09-14")


@pytest.mark.parametrize(
    ("sentence", "pub", "event_word", "date"),
    [
        # dailypakistan 2023-05-09
        ("The development comes a day after Pakistan Army warned PTI chief against making "
         "baseless allegations.", "2023-05-09", "warned", "2023-05-08"),
        # medicinehatnews 2024-01-22: an approximate count of days keeps only the month
        ("The joint operation comes about 10 days after U.S. and British warships and fighter "
         "jets struck more than 60 targets in 28 locations.", "2024-01-22", "struck", "2024-01"),
    ],
)
def test_interval_after_dates_the_event_inside_it(nlp, sentence, pub, event_word, date) -> None:
    parsed = parsed_of(nlp, sentence, pub)
    refs = find_timerefs(parsed)
    assert event_date(parsed, refs, token(parsed, event_word))[1] == date
    assert timeref_for(parsed, refs, token(parsed, "comes")) is None


def test_a_labelled_metadata_date_dates_no_event(nlp) -> None:
    # newsone 2021-05-21: the body's first line opens with the site's date label
    text = (" date 2021-05-21 Israel and Hamas have announced a ceasefire after they agreed to an "
            "Egyptian-brokered proposed to halt 11 days of fighting in the Gaza Strip.")
    parsed = parsed_of(nlp, text, "2021-05-21")
    refs = find_timerefs(parsed)
    # the parser never sees the stamp (nlp.parser_text blanks it), so it can date nothing
    assert all("2021-05-21" not in r.text for r in refs)
    assert timeref_for(parsed, refs, token(parsed, "announced")) is None


def test_a_planned_day_is_not_the_news_day(nlp) -> None:
    # kyodo 2020-10-27: the only day of the lead paragraph is a planned one
    text = ("Shigeki Takizaki, the head of the ministry’s Asian and Oceanian Affairs Bureau, is "
            "hoping to travel to the neighboring country as early as Wednesday to meet with his "
            "South Korean counterpart, Kim Jung-han, with wartime labor issues likely to be on the "
            "agenda in addition to responses to the coronavirus pandemic, the sources said.")
    parsed = parsed_of(nlp, text, "2020-10-27")
    assert news_day(parsed, find_timerefs(parsed)) == (None, "2020-10-27")


def test_a_scheduled_summit_lies_ahead(nlp) -> None:
    # yonhap 2019-10-24
    text = ("Speculation is widespread that Moon and Abe may have a separate meeting should they "
            "attend international summits scheduled in November.")
    parsed = parsed_of(nlp, text, "2019-10-24")
    assert event_date(parsed, find_timerefs(parsed), token(parsed, "scheduled"))[1] == "2019-11"


def test_the_end_of_a_stretch_dates_nothing(nlp) -> None:
    # iol 2022-08-04
    text = ("Sputnik News Agency reported that China would continue to conduct live-fire exercise "
            "drills until Sunday.")
    parsed = parsed_of(nlp, text, "2022-08-04")
    assert timeref_for(parsed, find_timerefs(parsed), token(parsed, "conduct")) is None


def test_a_relative_clause_keeps_its_own_time(nlp) -> None:
    # caribmagplus-wapo 2021-06-04
    text = ("Police on Wednesday arrested Cristiana Chamorro, the leading opposition candidate for "
            "president, in the latest in a string of moves that have curtailed any challenge to "
            "President Daniel Ortega in the November election.")
    parsed = parsed_of(nlp, text, "2021-06-04")
    refs = find_timerefs(parsed)
    assert timeref_for(parsed, refs, token(parsed, "arrested")).text == "on Wednesday"
    assert timeref_for(parsed, refs, token(parsed, "curtailed")) is None


@pytest.mark.parametrize(
    ("sentence", "event_word", "gloss"),
    [
        ("The former President also decreed a curfew throughout the country starting this "
         "Wednesday at 22.00 local time (03.00 GMT on Thursday).", "decreed", "on Thursday"),
        ("The ministry on Friday announced the closure of the border from midnight Sunday "
         "(11 p.m. GMT on Saturday).", "announced", "on Saturday"),
    ],
)
def test_a_bracketed_gloss_of_another_time_dates_nothing(nlp, sentence, event_word, gloss) -> None:
    parsed = parsed_of(nlp, sentence, "2022-12-07")
    refs = find_timerefs(parsed)
    assert gloss in [r.text for r in refs]
    ref = timeref_for(parsed, refs, token(parsed, event_word))
    assert ref is None or ref.text != gloss


def test_a_bracketed_time_alone_still_dates(nlp) -> None:
    parsed = parsed_of(nlp, "Peruvian police arrested Pedro Castillo (on Thursday).", "2022-12-07")
    ref = timeref_for(parsed, find_timerefs(parsed), token(parsed, "arrested"))
    assert ref is not None and ref.text == "on Thursday"


@pytest.mark.parametrize(
    ("sentence", "event_word", "date"),
    [
        # publication Friday 2024-03-15; the report is dated Monday 2024-03-11
        ("The government announced on Monday that it would impose a curfew from Wednesday.",
         "impose", "2024-03-13"),
        ("The army said on Monday that rebels attacked a checkpoint on Thursday.", "attacked",
         "2024-03-07"),
    ],
)
def test_a_weekday_counts_from_the_dated_report_it_is_told_in(nlp, sentence, event_word,
                                                               date) -> None:
    parsed = parsed_of(nlp, sentence, "2024-03-15")
    _, got = event_date(parsed, find_timerefs(parsed), token(parsed, event_word))
    assert got == date
