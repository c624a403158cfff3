"""find_actors and resolve_group on whole corpus articles."""

from __future__ import annotations

import pytest

from actors_kit import actor_knowledge, parsed_article, span_of
from newsevents.actors import find_actors, resolve_group


@pytest.fixture(scope="module")
def actor_kb():
    return actor_knowledge()


@pytest.fixture(scope="module")
def yonhap(nlp, actor_kb):
    parsed = parsed_article(nlp, "yonhap_2020-11-12_vice-fm-phone", "KOR", "SEOUL")
    return parsed, find_actors(parsed, actor_kb)


@pytest.fixture(scope="module")
def kyodo(nlp, actor_kb):
    parsed = parsed_article(nlp, "kyodo_2020-10-27_takizaki-visit-plan", "JPN")
    return parsed, find_actors(parsed, actor_kb)


def test_mentions_are_in_token_order_with_raw_offsets(yonhap):
    parsed, mentions = yonhap
    assert [m.tok_start for m in mentions] == sorted(m.tok_start for m in mentions)
    for mention in mentions:
        ref = mention.ref
        assert parsed.article.raw[ref.start:ref.end] == ref.text
        assert ref.how


def test_news_agency_is_media_not_a_nationality(nlp, actor_kb):
    parsed = parsed_article(nlp, "reuters_2018-10-30_nippon-steel-ruling", "GBR")
    mentions = find_actors(parsed, actor_kb)
    yonhap = [m.ref for m in mentions if "Yonhap" in m.ref.text]
    assert yonhap and all((r.country, r.sector) == ("KOR", "MED") for r in yonhap)


def test_lone_surname_tagged_org_is_the_person(yonhap):
    _, mentions = yonhap
    choi = [m.ref for m in mentions if m.ref.text == "Choi"]
    assert choi and all((r.name, r.country) == ("Choi Jong-kun", "KOR") for r in choi)


def test_person_missed_by_the_model_is_a_mention(kyodo):
    _, mentions = kyodo
    found = [m.ref for m in mentions if "Takizaki" in m.ref.text]
    assert found and found[0].country == "JPN"


def test_countries_of_the_article_are_found(yonhap):
    _, mentions = yonhap
    assert {m.ref.country for m in mentions} >= {"KOR", "JPN"}


def test_coordinated_countries_give_both_parties(yonhap, actor_kb):
    parsed, mentions = yonhap
    start, end = span_of(parsed, "The vice foreign ministers of South Korea and Japan")
    parties = resolve_group(parsed, mentions, start, end, actor_kb)
    assert [(r.country, r.sector) for r in parties] == [("KOR", "GOV"), ("JPN", "GOV")]


def test_group_phrase_gives_the_dyad(yonhap, actor_kb):
    parsed, mentions = yonhap
    start, end = span_of(parsed, "the two countries", "noted that")
    assert [r.country for r in resolve_group(parsed, mentions, start, end, actor_kb)] == \
        ["KOR", "JPN"]


def test_group_of_a_non_actor_is_empty(yonhap, actor_kb):
    parsed, mentions = yonhap
    start, end = span_of(parsed, "the issue")
    assert resolve_group(parsed, mentions, start, end, actor_kb) == ()
