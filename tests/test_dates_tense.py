"""tense_of on event words of real corpus sentences."""

from __future__ import annotations

import pytest

from newsevents.dates import tense_of


def word(nlp, sentence: str, text: str, nth: int = 0):
    matches = [t for t in nlp(sentence) if t.text == text]
    return matches[nth]


@pytest.mark.parametrize(
    ("sentence", "event_word", "tense"),
    [
        ("South Korea said on Thursday it will scrap an intelligence-sharing pact with Japan.",
         "scrap", "future"),
        ("Japan's Foreign Ministry said it would summon the South Korean ambassador.",
         "summon", "future"),
        ("Takizaki is expected to urge South Korea to take proper measures to resolve the row.",
         "urge", "future"),
        ("Lee is scheduled to return home later in the day after wrapping up a three-day trip.",
         "return", "future"),
        ("Shigeki Takizaki is hoping to travel to the neighboring country as early as Wednesday.",
         "travel", "future"),
        ("A senior official at the Foreign Ministry plans a visit to South Korea soon.",
         "visit", "future"),
        ("Police on Wednesday arrested Cristiana Chamorro, the leading opposition candidate.",
         "arrested", "past"),
        ("Former prime minister Imran Khan has been arrested by Rangers in Islamabad.",
         "arrested", "past"),
        ("The Chinese Ministry of Foreign Affairs announced in a statement that it had recalled "
         "Ambassador Shen Zhifei from Vilnius.", "recalled", "past"),
        ("South Korea's cross-party parliamentary group is also on a three-day visit to Japan "
         "from Thursday.", "is", "present"),
        ("In Thursday's meeting, Motegi urged Kang not to scrap the pact.", "meeting", "past"),
        ("If a resolution is not reached, Suga will not attend a trilateral summit between Japan, "
         "South Korea and China to be hosted by Seoul, the sources added.", "hosted", "future"),
        ("Speculation is widespread that Moon and Abe may have a separate meeting should they "
         "attend international summits scheduled in November.", "scheduled", "future"),
    ],
)
def test_tense_of_event_words(nlp, sentence: str, event_word: str, tense: str) -> None:
    assert tense_of(word(nlp, sentence, event_word)) == tense
