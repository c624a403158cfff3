"""Linking stays right when upstream stages get actors wrong in the usual ways."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from linkdata import gold_pairs, gold_result, gold_results, main_story_pairs
from newsevents import link
from newsevents.records import ActorRef

KYODO, YONHAP = "kyodo_2020-11-12_vice-fm-phone", "yonhap_2020-11-12_vice-fm-phone"
CNN = "cnn_2019-06-28_eu-mercosur-trade-deal"
DOWJONES = "marketscreener-dj_2019-06-28_eu-mercosur-trade-deal"


def _seed(corpus_dir, doc_id, folder="seeds"):
    return gold_result(corpus_dir / folder / f"{doc_id}.json")


def _with_main(result, **changes):
    return replace(result, events=tuple(replace(e, **changes) if e.main else e
                                        for e in result.events))


def _linked(run, a, b):
    mains = {e.doc_id: e.story_id for e in run.events if e.main}
    return mains[a] == mains[b]


def test_the_reporting_outlet_read_as_a_party_is_ignored(corpus_dir):
    yonhap = _with_main(_seed(corpus_dir, YONHAP),
                        target=ActorRef(text="Yonhap", name="Yonhap", country="KOR", sector="MED"))
    assert _linked(link.link([_seed(corpus_dir, KYODO), yonhap]), KYODO, YONHAP)


def test_unknown_parties_are_not_different_parties(corpus_dir):
    yonhap = _with_main(_seed(corpus_dir, YONHAP), source=None, target=None)
    assert _linked(link.link([_seed(corpus_dir, KYODO), yonhap]), KYODO, YONHAP)


def test_a_known_different_party_keeps_reports_apart(corpus_dir):
    china = ActorRef(text="China", name="China", country="CHN", sector="GOV")
    yonhap = _with_main(_seed(corpus_dir, YONHAP), target=china)
    assert not _linked(link.link([_seed(corpus_dir, KYODO), yonhap]), KYODO, YONHAP)


def test_an_organisation_is_the_same_party_wherever_it_met(corpus_dir):
    def mercosur(country):
        return ActorRef(text="Mercosur", name="Mercosur", country=country, sector="IGO")

    eu = ActorRef(text="the European Union", name="European Union", country="BEL", sector="IGO")
    cnn = _with_main(_seed(corpus_dir, CNN, "dev2"), source=mercosur("BEL"), target=eu)
    dowjones = _with_main(_seed(corpus_dir, DOWJONES, "dev2"), source=eu,
                          target=mercosur("BRA"))
    assert _linked(link.link([cnn, dowjones]), CNN, DOWJONES)


def test_one_sentence_coded_twice_stays_one_story(corpus_dir):
    def doubled(result):
        main = next(e for e in result.events if e.main)
        twin = replace(main, event_id=main.event_id + "b", type="AGREE", main=False)
        return replace(result, events=(*result.events, twin))

    run = link.link([doubled(_seed(corpus_dir, KYODO)), doubled(_seed(corpus_dir, YONHAP))])
    assert _linked(run, KYODO, YONHAP)
    twins = [e for e in run.events if e.event_id.endswith("b")]
    mains = {e.story_id for e in run.events if e.main}
    assert {e.story_id for e in twins} == mains


def test_an_undated_recap_links_to_nothing(corpus_dir):
    def undate_recaps(result):
        return replace(result, events=tuple(
            replace(e, date=None) if e.background and e.type == "COERCE" else e
            for e in result.events))

    run = link.link([undate_recaps(_seed(corpus_dir, d)) for d in (KYODO, YONHAP)])
    stories = {e.story_id for e in run.events if e.background and e.type == "COERCE"}
    assert len(stories) == 2


_ALL = gold_results(CORPUS, realistic=True)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(range(len(_ALL))), min_size=2, max_size=20, unique=True))
def test_any_subset_links_consistently(corpus_dir, picks):
    results = [_ALL[i] for i in picks]
    run = link.link(results)
    events = run.events
    by_story = {s.story_id: s for s in run.stories}
    assert all(e.story_id in by_story for e in events)
    assert sorted(i for s in run.stories for i in s.event_ids) == sorted(e.event_id for e in events)
    pub = {r.doc_id: r.article.pub_date for r in results}
    for story in run.stories:
        assert story.n_mentions == len(story.event_ids)
        assert set(story.doc_ids) == {e.doc_id for e in events if e.story_id == story.story_id}
        dates = [pub[d] for d in story.doc_ids if pub[d]]
        assert story.first_reported == (min(dates) if dates else None)
    assert main_story_pairs(run.articles) <= gold_pairs(corpus_dir)


def test_only_whole_outlet_names_or_bracketed_agencies_count_as_the_outlet():
    from newsevents.linking.features import is_outlet

    def actor(name):
        return ActorRef(text=name, name=name)

    assert is_outlet(actor("Yonhap"), "Yonhap")
    assert is_outlet(actor("AP"), "The Washington Post (AP)")
    assert not is_outlet(actor("Taiwan"), "Taiwan News")
    assert not is_outlet(actor("Pakistan"), "Daily Pakistan")
    assert not is_outlet(actor("Yonhap"), None)
