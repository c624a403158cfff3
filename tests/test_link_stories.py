"""Same-event linking on the gold corpus: pairs, stories, what must stay apart."""

from __future__ import annotations

from dataclasses import replace

import pytest

from linkdata import gold_pairs, gold_result, gold_results, main_story_pairs
from newsevents import link

SEEDS_CALL = ("kyodo_2020-11-12_vice-fm-phone", "yonhap_2020-11-12_vice-fm-phone")


@pytest.fixture(scope="module")
def realistic_run(corpus_dir):
    return link.link(gold_results(corpus_dir, realistic=True))


def _main(run, doc_id):
    return next(e for r in run.articles if r.doc_id == doc_id for e in r.events if e.main)


def _scores(predicted, gold):
    hit = len(predicted & gold)
    return hit / len(gold), (hit / len(predicted) if predicted else 1.0)


def test_gold_pairs_found_with_gold_dates(corpus_dir):
    run = link.link(gold_results(corpus_dir, realistic=False))
    recall, precision = _scores(main_story_pairs(run.articles), gold_pairs(corpus_dir))
    assert recall >= 0.9
    assert precision >= 0.95


def test_gold_pairs_found_when_undated_articles_lose_relative_dates(realistic_run, corpus_dir):
    recall, precision = _scores(main_story_pairs(realistic_run.articles), gold_pairs(corpus_dir))
    assert recall >= 0.9
    assert precision >= 0.95


def test_every_event_gets_a_story(realistic_run):
    story_ids = {s.story_id for s in realistic_run.stories}
    events = realistic_run.events
    assert events and all(e.story_id in story_ids for e in events)
    assert sum(s.n_mentions for s in realistic_run.stories) == len(events)


def test_one_article_contributes_one_mention_per_linked_story(realistic_run):
    for story in realistic_run.stories:
        mains = [e for e in realistic_run.events if e.story_id == story.story_id and e.main]
        assert len({e.doc_id for e in mains}) == len(mains)


def test_phone_call_story_fields(realistic_run):
    story_id = _main(realistic_run, SEEDS_CALL[0]).story_id
    assert _main(realistic_run, SEEDS_CALL[1]).story_id == story_id
    story = next(s for s in realistic_run.stories if s.story_id == story_id)
    assert story.type == "CONSULT"
    assert story.dyad == "JPN-KOR"
    assert story.date == "2020-11-12"
    assert story.first_reported == "2020-11-12"
    assert story.outlets == ("Kyodo", "Yonhap")
    assert story.doc_ids == SEEDS_CALL
    assert not story.background


def test_same_day_visit_of_lawmakers_stays_apart_from_the_phone_call(realistic_run):
    kyodo = next(r for r in realistic_run.articles if r.doc_id == SEEDS_CALL[0])
    visit = next(e for e in kyodo.events if "parliamentary group" in e.evidence)
    assert visit.story_id != _main(realistic_run, SEEDS_CALL[1]).story_id


def test_appeals_in_opposite_directions_are_not_one_happening(realistic_run):
    requests = [e for r in realistic_run.articles if r.doc_id in SEEDS_CALL
                for e in r.events if e.type == "REQUEST"]
    assert len(requests) == 2
    assert requests[0].story_id != requests[1].story_id


def test_background_ruling_links_to_the_ruling_not_to_todays_call(realistic_run):
    kyodo = next(r for r in realistic_run.articles if r.doc_id == SEEDS_CALL[0])
    recap = next(e for e in kyodo.events if e.background and e.type == "COERCE")
    ruling = _main(realistic_run, "reuters_2018-10-30_nippon-steel-ruling")
    assert recap.story_id == ruling.story_id
    assert recap.story_id != _main(realistic_run, SEEDS_CALL[0]).story_id


def test_days_apart_beyond_the_window_do_not_link(corpus_dir):
    kyodo, yonhap = (gold_result(corpus_dir / "seeds" / f"{d}.json") for d in SEEDS_CALL)
    moved = replace(yonhap, events=tuple(replace(e, date="2020-11-19") if e.main else e
                                         for e in yonhap.events))
    run = link.link([kyodo, moved])
    assert _main(run, SEEDS_CALL[0]).story_id != _main(run, SEEDS_CALL[1]).story_id


def test_link_does_not_depend_on_input_order(corpus_dir):
    results = gold_results(corpus_dir, sets=("seeds", "dev"), realistic=True)
    forward = link.link(results)
    backward = link.link(tuple(reversed(results)))
    assert {(e.event_id, e.story_id) for e in forward.events} == {
        (e.event_id, e.story_id) for e in backward.events}


def test_failed_articles_pass_through(corpus_dir):
    from newsevents.records import ArticleResult, Rejection

    failed = ArticleResult("bad", "bad.txt", None,
                           rejection=Rejection("bad", "bad.txt", "ingest", "empty file"))
    run = link.link([failed, gold_result(corpus_dir / "seeds" / f"{SEEDS_CALL[0]}.json")])
    assert run.articles[0] is failed
    assert len(run.articles) == 2


def test_the_second_core_changes_nothing(corpus_dir):
    results = gold_results(corpus_dir, realistic=True)
    assert link.link(results, parallel=True) == link.link(results, parallel=False)


def test_a_failing_helper_falls_back_to_the_caller():
    import os

    from newsevents.linking.parallel import beside

    caller = os.getpid()

    def fails_in_a_child(x):
        if os.getpid() != caller:
            raise RuntimeError("the helper process fails")
        return x * 2

    assert beside(fails_in_a_child, 21)() == 42
