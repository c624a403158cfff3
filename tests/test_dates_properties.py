"""Property tests: the dates stage never crashes, keeps offsets exact and never dates a past
event after publication (issue 3, "Measured")."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.dates import BUNDLED_GRAMMAR, find_timerefs, resolve
from newsevents.nlp import parse
from newsevents.records import Article, Line, TimeRef
from newsevents.timeref.grammar import scan

FRAGMENTS = [
    "Thursday", "on Tuesday", "last week", "next year", "in September", "Sept. 11", "Oct. 30, 2018",
    "30 October 2018", "1965", "1910-1945", "since 2018", "two years ago", "yesterday", "today",
    "late last year", "earlier this month", "May", "Theresa May", "2000 troops", "Feb. 29",
    "this Wednesday", "the end of the year", "mid-2019", "2020-10-21", "3 days ago", "(Aug. 10)",
    "said", "will visit", "the court ruled", ",", ".", "\n", "\n\n", " ", "’s", "'s", "—", "-",
]
texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=25
).map(" ".join)
pub_dates = st.dates()
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def article_of(text: str, pub: str | None) -> Article:
    """Every line of `text` a body line, as the cleaner would keep them."""
    lines, pos = [], 0
    for piece in text.split("\n"):
        if piece.strip():
            lines.append(Line(pos, pos + len(piece), piece))
        pos += len(piece) + 1
    return Article("p", "p.txt", raw=text, body_lines=tuple(lines), pub_date=pub)


@SETTINGS
@given(text=texts, pub=st.one_of(st.none(), pub_dates.map(dt.date.isoformat)))
def test_find_never_crashes_and_offsets_slice_raw(nlp, text: str, pub: str | None) -> None:
    article = article_of(text, pub)
    refs = find_timerefs(parse(article, nlp))
    for ref in refs:
        assert article.raw[ref.start:ref.end] == ref.text
        for tense in ("past", "present", "future"):
            resolve(ref, pub, tense)


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_scan_never_crashes(text: str) -> None:
    for found in scan(BUNDLED_GRAMMAR, text):
        assert 0 <= found.start < found.end <= len(text)


@settings(max_examples=400, deadline=None)
@given(phrase=st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), pub=pub_dates)
def test_past_tense_never_after_publication(phrase: str, pub: dt.date) -> None:
    ref = TimeRef(text=phrase, start=0, end=len(phrase), sent_index=0, tok_start=0, tok_end=1,
                  kind="relative")
    got = resolve(ref, pub.isoformat(), "past")
    assert got is None or got <= pub.isoformat()[: len(got)]
