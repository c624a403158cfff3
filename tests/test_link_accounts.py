"""Each outlet's account of a story and the story view."""

from __future__ import annotations

import pytest

from linkdata import gold_result
from newsevents import link
from newsevents.errors import UsageError

SEEDS_CALL = ("kyodo_2020-11-12_vice-fm-phone", "yonhap_2020-11-12_vice-fm-phone")


@pytest.fixture(scope="module")
def call_run(corpus_dir):
    return link.link([gold_result(corpus_dir / "seeds" / f"{d}.json") for d in SEEDS_CALL])


@pytest.fixture(scope="module")
def call_story(call_run):
    return next(s for s in call_run.stories if s.type == "CONSULT" and len(s.doc_ids) == 2)


def _account(story, outlet):
    return next(a for a in story.accounts if a.outlet == outlet)


def test_one_account_per_outlet_with_its_country(call_story):
    assert {(a.outlet, a.outlet_country) for a in call_story.accounts} == {
        ("Kyodo", "JPN"), ("Yonhap", "KOR")}


def test_each_side_reports_its_own_appeal(call_story):
    kyodo = _account(call_story, "Kyodo").summary
    yonhap = _account(call_story, "Yonhap").summary
    assert any(line.startswith("REQUEST JPN") and "Akiba urged Seoul" in line for line in kyodo)
    assert any(line.startswith("REQUEST KOR") and "Choi reiterated" in line for line in yonhap)


def test_what_both_report_is_in_no_account(call_story):
    only = {i for a in call_story.accounts for i in a.only_here}
    assert not only & set(call_story.event_ids)


def test_recaps_of_the_past_are_not_part_of_an_account(call_run, call_story):
    only = {i for a in call_story.accounts for i in a.only_here}
    background = {e.event_id for e in call_run.events if e.background}
    assert only and not only & background


def test_single_article_story_has_no_accounts(call_run):
    lone = [s for s in call_run.stories if len(s.doc_ids) == 1]
    assert lone and all(s.accounts == () for s in lone)


def test_story_view_shows_mentions_and_accounts_side_by_side(call_run, call_story):
    view = link.story_view(call_run, call_story.story_id)
    assert view["story"]["story_id"] == call_story.story_id
    assert view["event"]["type"] == "CONSULT"
    assert view["event"]["date"] == "2020-11-12"
    assert {m["doc_id"] for m in view["mentions"]} == set(SEEDS_CALL)
    mention = view["mentions"][0]
    raw = next(r.article.raw for r in call_run.articles if r.doc_id == mention["doc_id"])
    assert raw[mention["evidence_start"]:mention["evidence_end"]] == mention["evidence"]
    assert [a["outlet"] for a in view["accounts"]] == ["Kyodo", "Yonhap"]
    assert all(a["only_here"] for a in view["accounts"])


def test_story_view_of_unknown_id_raises(call_run):
    with pytest.raises(UsageError):
        link.story_view(call_run, "s-000000000000")
