"""Query: filters that need no SQL, on the dev corpus's gold events stored in DuckDB."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.errors import UsageError
from newsevents.query import query_events
from newsevents.store import open_store
from storekit import failed_result, gold_results, gold_stories


@pytest.fixture(scope="module")
def db(tmp_path_factory, corpus_dir):
    path = tmp_path_factory.mktemp("query") / "s.duckdb"
    results = gold_results(corpus_dir / "dev") + gold_results(corpus_dir / "dev2")
    stories, linked = gold_stories(corpus_dir / "dev", gold_results(corpus_dir / "dev"))
    with open_store(path) as store:
        store.write_articles([*results, failed_result()], store.start_run())
        store.write_stories(stories, linked)
    return path


@pytest.fixture(scope="module")
def everything(db):
    return query_events(db)


def _countries(row):
    return {row["source_country"], row["target_country"]}


def test_no_filter_gives_every_event(db, everything):
    with open_store(db, read_only=True) as store:
        assert len(everything) == store.counts()["events"] > 0


def test_dyad_matches_either_order(db, everything):
    rows = query_events(db, dyad="KOR-JPN")
    assert rows and rows == query_events(db, dyad="jpn-kor")
    assert {(r["source_country"], r["target_country"]) for r in rows} == {
        ("JPN", "KOR"), ("KOR", "JPN")}
    assert len(rows) == sum(_countries(r) == {"JPN", "KOR"} for r in everything)


def test_single_country_matches_either_side(db, everything):
    rows = query_events(db, dyad="CHN")
    assert rows and all("CHN" in _countries(r) for r in rows)
    assert len(rows) == sum("CHN" in _countries(r) for r in everything)


def test_types_are_case_insensitive_and_can_be_several(db, everything):
    rows = query_events(db, type="assault,coerce")
    assert rows and {r["type"] for r in rows} <= {"ASSAULT", "COERCE"}
    assert len(rows) == sum(r["type"] in ("ASSAULT", "COERCE") for r in everything)


def _first_day(period):
    return period + "-01-01"[len(period) - 4:]


def _last_day(period):
    return period + "-12-31"[len(period) - 4:]


def _overlaps(period, since, until):
    """Reference rule: the event's period [first day, last day] meets [since, until]."""
    return _last_day(period) >= _first_day(since) and _first_day(period) <= _last_day(until)


@pytest.mark.parametrize(("since", "until"), [
    ("2019-02", "2019-02-23"), ("2013", "2013"), ("2017-04-05", "2018-03"), ("2021-05-20", "2030"),
])
def test_since_until_keep_overlapping_periods(db, everything, since, until):
    rows = query_events(db, since=since, until=until)
    expected = [r for r in everything
                if (r["date"] or r["pub_date"]) and _overlaps(r["date"] or r["pub_date"], since, until)]
    assert rows and rows == expected


def test_coarse_dates_match_ranges_inside_them(db, everything):
    rows = query_events(db, since="2019-02-10", until="2019-02-12")
    assert "2019-02" in {r["date"] for r in rows}
    assert "2019-02-14" not in {r["date"] for r in rows}


def test_story_outlet_actor_and_background(db, everything):
    story_rows = [r for r in everything if r["story_id"]]
    assert story_rows
    story = story_rows[0]["story_id"]
    assert {r["event_id"] for r in query_events(db, story=story)} == {
        r["event_id"] for r in story_rows if r["story_id"] == story}
    outlet = everything[0]["outlet"]
    assert all(r["outlet"] == outlet for r in query_events(db, outlet=outlet.lower()))
    assert all(not r["background"] for r in query_events(db, background=False))
    assert len(query_events(db, background=True)) + len(query_events(db, background=False)) == (
        len(everything))
    seoul = query_events(db, actor="south korea")
    assert seoul and all("south korea" in " ".join(
        str(r[k]).lower() for k in ("source_text", "target_text", "source_name", "target_name")
    ) for r in seoul)


def test_bad_filters_say_how_to_fix(db):
    with pytest.raises(UsageError, match="YYYY"):
        query_events(db, since="last week")
    with pytest.raises(UsageError, match="JPN-KOR"):
        query_events(db, dyad="JPN-KOR-CHN")


@settings(max_examples=25, deadline=None)
@given(a=st.sampled_from(["JPN", "KOR", "CHN", "USA", "RUS", "UKR", "PRK"]),
       b=st.sampled_from(["JPN", "KOR", "CHN", "USA", "RUS", "UKR", "PRK"]))
def test_dyad_is_symmetric(db, a, b):
    assert query_events(db, dyad=f"{a}-{b}") == query_events(db, dyad=f"{b}-{a}")


def test_open_store_and_limit(db, everything):
    with open_store(db, read_only=True) as store:
        assert query_events(store, limit=3) == everything[:3]
