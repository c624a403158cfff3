"""Store: any event and story the pipeline can produce comes back from DuckDB unchanged."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.records import PLOVER_TYPES, STATUSES, Account, ActorRef, Event, Story
from newsevents.store import open_store
from storekit import gold_results

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
maybe_texts = st.none() | texts
labels = st.from_regex(r"[a-z][a-z_\-]{0,14}", fullmatch=True)
dates = st.none() | st.from_regex(r"(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d))?)?",
                                  fullmatch=True)
offsets = st.none() | st.integers(0, 10_000)
actors = st.none() | st.builds(
    ActorRef, text=texts, name=maybe_texts, country=st.none() | st.from_regex(r"[A-Z]{3}",
                                                                             fullmatch=True),
    sector=st.none() | st.sampled_from(["GOV", "MIL", "JUD", "OPP"]), code=maybe_texts,
    start=offsets, end=offsets, how=maybe_texts,
)
floats = st.floats(allow_nan=False, allow_infinity=False, width=64)


@st.composite
def events(draw, doc_id: str, index: int) -> Event:
    return Event(
        event_id=f"{doc_id}:p{index}", doc_id=doc_id, type=draw(st.sampled_from(PLOVER_TYPES)),
        mode=draw(st.none() | labels), context=tuple(draw(st.lists(labels, max_size=3))),
        source=draw(actors), target=draw(actors), date=draw(dates), date_text=draw(maybe_texts),
        status=draw(st.sampled_from(STATUSES)), background=draw(st.booleans()),
        attributed_to=draw(maybe_texts), evidence=draw(texts),
        evidence_start=draw(st.integers(0, 10_000)), evidence_end=draw(st.integers(0, 10_000)),
        quad_class=draw(st.integers(1, 4)), goldstein=draw(st.none() | floats),
        plover_score=draw(st.none() | floats), trigger=draw(maybe_texts),
        main=draw(st.booleans()), story_id=draw(st.none() | labels), confidence=draw(floats),
    )


@pytest.fixture(scope="module")
def article(corpus_dir):
    return gold_results(corpus_dir / "seeds")[0]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_events_round_trip(article, data):
    generated = tuple(data.draw(events(article.doc_id, i)) for i in range(data.draw(
        st.integers(0, 4))))
    result = dataclasses.replace(article, events=generated)
    with open_store(":memory:") as store:
        store.write_article(result, "run")
        loaded = store.load_results()
    assert loaded.articles == (result,)


accounts = st.builds(Account, outlet=maybe_texts, outlet_country=maybe_texts,
                     doc_ids=st.tuples(texts), only_here=st.tuples(texts),
                     summary=st.lists(texts, max_size=2).map(tuple))


@settings(max_examples=25, deadline=None)
@given(stories=st.lists(st.builds(
    Story, story_id=labels, type=st.sampled_from(PLOVER_TYPES), dyad=maybe_texts, date=dates,
    first_reported=dates, n_mentions=st.integers(1, 50), outlets=st.lists(texts).map(tuple),
    doc_ids=st.lists(texts).map(tuple), event_ids=st.lists(texts).map(tuple),
    background=st.booleans(), accounts=st.lists(accounts, max_size=2).map(tuple),
), max_size=4, unique_by=lambda s: s.story_id))
def test_stories_round_trip(stories):
    with open_store(":memory:") as store:
        store.write_stories(stories, ())
        loaded = store.load_results()
    assert loaded.stories == tuple(sorted(stories, key=lambda s: s.story_id))
