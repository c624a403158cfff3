"""Dyad timelines: which events belong to a dyad, where they sit in time, how periods add up."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.errors import UsageError
from newsevents.records import ActorRef, Event
from newsevents.timeline import (
    aggregate,
    dyad_timeline,
    parse_dyad,
    period_of,
    place_event,
)
from report_gold_store import build_gold_store


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_gold_store(tmp_path_factory.mktemp("store") / "gold.duckdb")


def event(event_id="e1", doc_id="d1", date_=None, background=False, story=None, goldstein=-5.0,
          quad=3, source="JPN", target="KOR", main=False) -> Event:
    return Event(
        event_id=event_id, doc_id=doc_id, type="REQUEST", mode=None, context=(),
        source=ActorRef(text="Tokyo", country=source), target=ActorRef(text="Seoul", country=target),
        date=date_, date_text=None, status="occurred", background=background, attributed_to=None,
        evidence="Tokyo urged Seoul to drop the plan.", evidence_start=0, evidence_end=35,
        quad_class=quad, goldstein=goldstein, plover_score=None if goldstein is None else goldstein / 2, main=main,
        story_id=story,
    )


@pytest.mark.parametrize(("text", "expected"), [
    ("JPN-KOR", ("JPN", "KOR", False)),
    ("jpn-kor", ("JPN", "KOR", False)),
    ("JPN->KOR", ("JPN", "KOR", True)),
    ("KOR", ("KOR", None, False)),
])
def test_parse_dyad(text, expected):
    dyad = parse_dyad(text)
    assert (dyad.first, dyad.second, dyad.directed) == expected


@pytest.mark.parametrize("text", ["", "JPN-KOR-CHN", "JP N", "JPN-<KOR>"])
def test_unreadable_dyad_is_a_usage_error(text):
    with pytest.raises(UsageError):
        parse_dyad(text)


def test_undirected_dyad_takes_both_directions_directed_one():
    both, one = parse_dyad("JPN-KOR"), parse_dyad("JPN->KOR")
    assert both.matches("KOR", "JPN") and both.matches("JPN", "KOR")
    assert one.matches("JPN", "KOR") and not one.matches("KOR", "JPN")
    assert not both.matches("JPN", None) and parse_dyad("KOR").matches(None, "KOR")


@pytest.mark.parametrize(("day", "freq", "key", "start"), [
    (date(2019, 8, 22), "month", "2019-08", date(2019, 8, 1)),
    (date(2019, 8, 22), "week", "2019-W34", date(2019, 8, 19)),
    (date(2021, 1, 3), "week", "2020-W53", date(2020, 12, 28)),  # ISO week of the old year
    (date(2024, 12, 30), "week", "2025-W01", date(2024, 12, 30)),
])
def test_period_of(day, freq, key, start):
    assert period_of(day, freq) == (key, start)


def test_event_is_placed_at_its_own_date_else_its_pub_date():
    own = place_event(event(date_="2019-08-22"), "2019-08-23")
    assert (own.day, own.precision, own.by_pub_date) == (date(2019, 8, 22), "day", False)
    reported = place_event(event(), "2019-08-23")
    assert (reported.day, reported.by_pub_date) == (date(2019, 8, 23), True)


def test_undated_recap_is_not_placed_at_the_pub_date():
    assert place_event(event(background=True), "2019-08-23") is None


def test_mentions_of_one_story_count_once():
    mentions = [event("a", "d1", "2020-11-12", story="s1"), event("b", "d2", "2020-11-12", story="s1"),
                event("c", "d2", "2020-11-13")]
    (row,) = aggregate(mentions, {}, "month")
    assert (row.n_events, row.n_mentions) == (2, 3)
    (row,) = aggregate(mentions, {}, "month", dedupe=False)
    assert (row.n_events, row.n_mentions) == (3, 3)


def test_story_is_placed_by_its_best_dated_mention():
    mentions = [event("a", "d1", None, story="s1"), event("b", "d2", "2020-10-30", story="s1")]
    (row,) = aggregate(mentions, {"d1": "2020-11-12"}, "month")
    assert row.period == "2020-10" and row.event_ids == ("b",)


def test_recap_sits_at_its_own_year_marked_and_imprecise():
    rows = aggregate([event("treaty", date_="1965", background=True, goldstein=5.9, quad=1),
                      event("urge", date_="2019-10-24")], {}, "month")
    assert [r.period for r in rows] == ["1965-01", "2019-10"]
    assert (rows[0].n_background, rows[0].n_imprecise) == (1, 1)
    assert (rows[1].n_background, rows[1].n_imprecise) == (0, 0)
    assert aggregate([event(date_="1965", background=True)], {}, include_background=False) == ()


def test_period_sums_means_and_quad_counts():
    rows = aggregate([event("a", date_="2019-08-02", goldstein=-5.0, quad=3),
                      event("b", date_="2019-08-23", goldstein=-6.0, quad=4),
                      event("c", date_="2019-08-30", goldstein=None, quad=4)], {}, "month")
    (row,) = rows
    assert row.goldstein_sum == -11.0 and row.goldstein_mean == -5.5
    assert row.plover_sum == -5.5 and row.quad_counts == (0, 0, 1, 2)


@given(st.lists(st.tuples(st.dates(date(1950, 1, 1), date(2030, 12, 31)),
                          st.floats(-10, 10, allow_nan=False), st.integers(1, 4)), max_size=40),
       st.sampled_from(["week", "month"]))
def test_every_placed_event_is_counted_once(items, freq):
    events = [event(f"e{i}", date_=d.isoformat(), goldstein=g, quad=q)
              for i, (d, g, q) in enumerate(items)]
    rows = aggregate(events, {}, freq, dedupe=False)
    assert sum(r.n_events for r in rows) == len(events)
    assert sum(sum(r.quad_counts) for r in rows) == len(events)
    assert sum(r.goldstein_sum for r in rows) == pytest.approx(sum(g for _, g, _ in items), abs=1e-4)
    assert [r.start for r in rows] == sorted(r.start for r in rows)
    assert all(period_of(date.fromisoformat(r.start), freq)[0] == r.period for r in rows)


def test_gold_store_dyad_timeline(store):
    rows = dyad_timeline(store, "JPN-KOR")
    periods = [r.period for r in rows]
    assert "2019-08" in periods  # the GSOMIA termination, reported by Yonhap and TRT World
    assert "1965-01" in periods  # the 1965 treaty, recalled as background
    treaty = rows[periods.index("1965-01")]
    assert treaty.n_background == treaty.n_events
    directed = dyad_timeline(store, "KOR->JPN")
    assert 0 < sum(r.n_mentions for r in directed) < sum(r.n_mentions for r in rows)
    reversed_rows = dyad_timeline(store, "KOR-JPN")
    assert reversed_rows == rows


def test_gold_store_weekly_and_single_country(store):
    weekly = dyad_timeline(store, "JPN-KOR", freq="week")
    assert all("-W" in r.period for r in weekly)
    pakistan = dyad_timeline(store, "PAK")
    assert pakistan[-1].period == "2023-05"  # Imran Khan's arrest, both outlets
    assert pakistan[-1].n_mentions > pakistan[-1].n_events  # the two outlets' mentions merged


def test_unknown_frequency_is_a_usage_error(store):
    with pytest.raises(UsageError, match="frequency"):
        dyad_timeline(store, "JPN-KOR", freq="day")
