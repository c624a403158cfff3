"""resolve_span: one test per resolution rule, on real sentences of the shared corpus."""

from __future__ import annotations

import pytest

from actors_kit import actor_knowledge, parsed_article, span_of
from newsevents.actors import find_actors, resolve_span


@pytest.fixture(scope="module")
def actor_kb():
    return actor_knowledge()


@pytest.fixture(scope="module")
def article(nlp, actor_kb):
    """parse(doc_id, outlet_country, dateline) -> (parsed, mentions), parsed once per module."""
    seen = {}

    def get(doc_id, outlet_country=None, dateline=None):
        key = (doc_id, outlet_country, dateline)
        if key not in seen:
            parsed = parsed_article(nlp, doc_id, outlet_country, dateline)
            seen[key] = (parsed, find_actors(parsed, actor_kb))
        return seen[key]

    return get


def resolve(article, kb, doc_id, phrase, within=None, outlet=None, dateline=None):
    parsed, mentions = article(doc_id, outlet, dateline)
    start, end = span_of(parsed, phrase, within)
    return resolve_span(parsed, mentions, start, end, kb)


def cs(ref):
    return (ref.country, ref.sector) if ref is not None else None


YONHAP = "yonhap_2020-11-12_vice-fm-phone"
KYODO = "kyodo_2020-11-12_vice-fm-phone"
TAKIZAKI = "kyodo_2020-10-27_takizaki-visit-plan"


def test_possessive_country_and_sector_word(article, actor_kb):
    ref = resolve(article, actor_kb, "reuters_2018-10-30_nippon-steel-ruling",
                  "Japan's Foreign Ministry", outlet="GBR")
    assert (ref.country, ref.sector, ref.code) == ("JPN", "GOV", "JPNGOV")


def test_court_with_possessive_is_judiciary(article, actor_kb):
    ref = resolve(article, actor_kb, YONHAP, "South Korea's top court", outlet="KOR")
    assert (ref.code, cs(ref)) == ("KORJUD", ("KOR", "JUD"))


def test_title_with_capital_and_person_name(article, actor_kb):
    ref = resolve(article, actor_kb, YONHAP, "Seoul's Vice Foreign Minister Choi Jong-kun",
                  outlet="KOR")
    assert cs(ref) == ("KOR", "GOV")
    assert ref.name == "Choi Jong-kun"


def test_counterpart_with_nationality(article, actor_kb):
    ref = resolve(article, actor_kb, YONHAP, "his Japanese counterpart, Takeo Akiba", outlet="KOR")
    assert cs(ref) == ("JPN", "GOV")


def test_title_with_nationality(article, actor_kb):
    assert cs(resolve(article, actor_kb, YONHAP, "the Japanese minister", outlet="KOR")) == \
        ("JPN", "GOV")


def test_apposition_gives_the_country_of_a_name(article, actor_kb):
    ref = resolve(article, actor_kb, KYODO, "Choi Jong-kun", outlet="JPN")
    assert cs(ref) == ("KOR", "GOV")
    assert ref.how in ("apposition", "office-holder")


def test_short_name_refers_to_the_earlier_full_name(article, actor_kb):
    ref = resolve(article, actor_kb, YONHAP, "Choi", "Choi wished", outlet="KOR")
    assert (ref.name, cs(ref)) == ("Choi Jong-kun", ("KOR", "GOV"))


def test_person_the_model_misses_is_found_and_resolved_by_outlet(article, actor_kb):
    ref = resolve(article, actor_kb, TAKIZAKI, "Shigeki Takizaki", outlet="JPN")
    assert cs(ref) == ("JPN", "GOV")
    later = resolve(article, actor_kb, TAKIZAKI, "Takizaki", "Takizaki is expected", outlet="JPN")
    assert later.name == "Shigeki Takizaki"


def test_unqualified_ministry_is_the_outlets_country(article, actor_kb):
    kyodo = resolve(article, actor_kb, KYODO, "the Foreign Ministry", outlet="JPN")
    assert (cs(kyodo), kyodo.how) == (("JPN", "GOV"), "home-country")


def test_unqualified_ministry_follows_the_dateline(article, actor_kb):
    ref = resolve(article, actor_kb, YONHAP, "the ministry", "dialogue, the ministry",
                  dateline="SEOUL")
    assert cs(ref) == ("KOR", "GOV")


def test_office_holder_by_article_date(article, actor_kb):
    suga = resolve(article, actor_kb, TAKIZAKI, "Suga", "If a resolution", outlet="JPN")
    assert (suga.name, cs(suga)) == ("Yoshihide Suga", ("JPN", "GOV"))
    kono = resolve(article, actor_kb, "reuters_2018-10-30_nippon-steel-ruling",
                   "Foreign Minister Taro Kono", outlet="GBR")
    assert (kono.name, cs(kono)) == ("Taro Kono", ("JPN", "GOV"))


def test_office_holder_sector_changes_with_the_date(article, actor_kb):
    ref = resolve(article, actor_kb, "thenews-pk_2023-05-09_rangers-arrest-imran", "Imran Khan",
                  outlet="PAK")
    assert cs(ref) == ("PAK", "OPP")


def test_capital_stands_for_the_government(article, actor_kb):
    ref = resolve(article, actor_kb, YONHAP, "Tokyo", "But Tokyo", outlet="KOR")
    assert (cs(ref), ref.how) == (("JPN", "GOV"), "capital")


def test_two_countries_is_the_dyad_in_focus(article, actor_kb):
    ref = resolve(article, actor_kb, YONHAP, "the two countries", "noted that", outlet="KOR")
    assert (ref.country, ref.how) == ("KOR", "dyad")
    officials = resolve(article, actor_kb, KYODO, "The officials", outlet="JPN")
    assert (officials.country, officials.how) == ("JPN", "dyad")


def test_the_latter_is_the_last_actor_named(article, actor_kb):
    ref = resolve(article, actor_kb, KYODO, "the latter", outlet="JPN")
    assert (ref.name, ref.country) == ("Yoshihide Suga", "JPN")


def test_companies_take_their_nationality(article, actor_kb):
    assert cs(resolve(article, actor_kb, YONHAP, "Japanese companies", "ordered Japanese",
                      outlet="KOR")) == ("JPN", "BUS")
    assert cs(resolve(article, actor_kb, TAKIZAKI, "Nippon Steel Corp.", outlet="JPN")) == \
        ("JPN", "BUS")


def test_country_inside_a_place_phrase_is_not_the_actors(article, actor_kb):
    doc = "cna-afp_2019-09-11_china-summons-german-envoy-wong"
    assert cs(resolve(article, actor_kb, doc, "the German ambassador in Beijing")) == \
        ("DEU", "GOV")
    assert cs(resolve(article, actor_kb, doc, "China's ambassador to Germany Wu Ken")) == \
        ("CHN", "GOV")


def test_sponsor_adjective_does_not_give_the_country(article, actor_kb):
    ref = resolve(article, actor_kb, "medicinehatnews-ap_2024-01-22_us-uk-strikes-houthis",
                  "the Iranian-backed Houthis", outlet="USA")
    assert cs(ref) == ("YEM", "REB")


def test_named_security_unit_and_police(article, actor_kb):
    rangers = resolve(article, actor_kb, "thenews-pk_2023-05-09_rangers-arrest-imran", "Rangers",
                      outlet="PAK")
    assert cs(rangers) == ("PAK", "MIL")
    police = resolve(article, actor_kb, "lfwp-dw_2020-11-18_uganda-bobi-wine-arrest-protests",
                     "police", outlet="DEU")
    assert (cs(police), police.code) == (("UGA", "GOV"), "UGACOP")


def test_protesters_are_civilians_of_the_story_country(article, actor_kb):
    ref = resolve(article, actor_kb, "lfwp-dw_2020-11-18_uganda-bobi-wine-arrest-protests",
                  "protesters", outlet="DEU")
    assert cs(ref) == ("UGA", "CVL")


def test_state_acting_militarily_is_mil(article, actor_kb):
    ref = resolve(article, actor_kb, "kion-ap_2022-02-17_france-mali-withdrawal", "France",
                  outlet="USA")
    assert cs(ref) == ("FRA", "MIL")


def test_region_state_phrase_is_the_member_last_named(article, actor_kb):
    ref = resolve(article, actor_kb, "taipeitimes_2021-08-11_china-recalls-envoy-lithuania",
                  "the Baltic state", outlet="TWN")
    assert cs(ref) == ("LTU", "GOV")


def test_possessor_person_lends_the_country(article, actor_kb):
    ref = resolve(article, actor_kb, "independent-ie-reuters_2018-03_russia-expels-23-uk-diplomats",
                  "Mr Putin’s spokesman", outlet="IRL")
    assert cs(ref) == ("RUS", "GOV")


def test_international_organisations_have_no_country(article, actor_kb):
    ref = resolve(article, actor_kb, "cnn_2019-06-28_eu-mercosur-trade-deal", "Mercosur",
                  outlet="USA")
    assert (ref.country, ref.sector, ref.code) == (None, "IGO", "MERCOSUR")


def test_non_actors_are_none(article, actor_kb):
    assert resolve(article, actor_kb, YONHAP, "the issue", outlet="KOR") is None
    assert resolve(article, actor_kb, KYODO, "bilateral ties", outlet="JPN") is None


def test_ref_text_and_offsets_index_the_raw_text(article, actor_kb):
    parsed, _ = article(YONHAP, "KOR")
    ref = resolve(article, actor_kb, YONHAP, "his Japanese counterpart, Takeo Akiba",
                  outlet="KOR")
    assert parsed.article.raw[ref.start:ref.end] == ref.text == \
        "his Japanese counterpart, Takeo Akiba"


def test_dateline_place_is_not_an_actor(article, actor_kb):
    parsed, mentions = article(YONHAP, "KOR")
    start, end = span_of(parsed, "SEOUL")
    assert resolve_span(parsed, mentions, start, end, actor_kb) is None
    assert all(m.ref.text != "SEOUL" for m in mentions)


def test_dateline_gives_the_home_country_when_the_cleaner_did_not(article, actor_kb):
    ref = resolve(article, actor_kb, YONHAP, "the ministry", "dialogue, the ministry")
    assert (cs(ref), ref.how) == (("KOR", "GOV"), "home-country")


def test_possessive_pronoun_prefers_the_subject(article, actor_kb):
    ref = resolve(article, actor_kb, "nysun_2022-07-09_sri-lanka-protesters-storm",
                  "its leaders", outlet="USA")
    assert cs(ref) == ("LKA", "GOV")


def test_pronoun_is_not_its_own_verbs_subject(article, actor_kb):
    ref = resolve(article, actor_kb, "theatlasnews_2023-09-14_russia-expels-us-diplomats", "them",
                  "The ministry accused", outlet="USA")
    assert ref.country == "USA"


def test_same_head_noun_refers_back_before_the_dyad(article, actor_kb):
    ref = resolve(article, actor_kb, "theatlasnews_2023-09-14_russia-expels-us-diplomats",
                  "The two diplomats", outlet="USA")
    assert (ref.country, ref.how) == ("USA", "coref")


def test_state_doing_armed_action_is_mil(article, actor_kb):
    seized = resolve(article, actor_kb, "breakingnews-ie-pa_2018-11_kerch-strait-ships-seized",
                     "Russia", "have been seized by", outlet="IRL")
    assert cs(seized) == ("RUS", "MIL")
    launched = resolve(article, actor_kb, "trtworld_2019-08-22_gsomia-termination",
                       "North Korea", "after North Korea launched", outlet="TUR")
    assert cs(launched) == ("PRK", "MIL")


def test_generic_plural_states_have_no_country(article, actor_kb):
    ref = resolve(article, actor_kb, "americandownfall_2017-04_us-tomahawks-shayrat",
                  "other nations", outlet="USA")
    assert (ref.country, ref.sector) == (None, "GOV")


def test_former_office_holder_keeps_the_country(article, actor_kb):
    ref = resolve(article, actor_kb, "taipeitimes_2021-08-11_china-recalls-envoy-lithuania",
                  "then-president Lee Teng-hui", outlet="TWN")
    assert cs(ref) == ("TWN", "GOV")


def test_bilateral_pact_stands_for_the_dyad(article, actor_kb):
    ref = resolve(article, actor_kb, KYODO, "a 1965 bilateral accord", outlet="JPN")
    assert (ref.country, ref.how) == ("JPN", "dyad")


def test_part_of_a_group_is_that_group(article, actor_kb):
    ref = resolve(article, actor_kb, "phnompenhpost_2017-11-16_cnrp-dissolved",
                  "118 of the party’s senior officials", outlet="KHM")
    assert ref.country == "KHM"


def test_non_actor_head_with_sector_modifier_is_none(article, actor_kb):
    assert resolve(article, actor_kb, "dnaindia_2018-04_modi-xi-wuhan-summit",
                   "the India-China border region", outlet="IND") is None


def test_unqualified_civilians_belong_to_the_one_country_of_their_sentence(article, actor_kb):
    ref = resolve(article, actor_kb, "americandownfall_2017-04_us-tomahawks-shayrat",
                  "innocent civilians", outlet="USA")
    assert (cs(ref), ref.how) == (("SYR", "CVL"), "sentence-country")


def test_someone_acting_for_a_named_person_takes_their_country(article, actor_kb):
    ref = resolve(article, actor_kb, "wantedinafrica_2017-09_kenya-result-annulled",
                  "A legal representative for Kenyatta", outlet="ITA")
    assert (cs(ref), ref.how) == (("KEN", "GOV"), "affiliation")


def test_goods_stand_for_the_business_of_their_origin(article, actor_kb):
    ref = resolve(article, actor_kb, "worldgrain_2020-05_china-barley-tariff",
                  "barley imported from Australia", outlet="USA")
    assert cs(ref) == ("AUS", "BUS")


def test_we_in_a_quote_is_the_speaker(article, actor_kb):
    ref = resolve(article, actor_kb, "trtworld_2019-08-22_gsomia-termination", "we",
                  "Under this situation", outlet="TUR")
    assert (ref.name, ref.country) == ("Kim You-Geun", "KOR")


def test_person_name_with_a_stop_word_inside_is_one_name(article, actor_kb):
    ref = resolve(article, actor_kb, "trtworld_2019-08-22_gsomia-termination", "Kim You-Geun",
                  outlet="TUR")
    assert (ref.name, cs(ref)) == ("Kim You-Geun", ("KOR", "GOV"))


def test_group_phrase_under_the_other_party_is_the_second_party(article, actor_kb):
    ref = resolve(article, actor_kb, KYODO, "their countries", outlet="JPN")
    assert (ref.country, ref.how) == ("KOR", "dyad")


def test_national_outlet_involved_in_the_story_is_home(article, actor_kb):
    ref = resolve(article, actor_kb, "chosun_2013-12-27_abe-yasukuni-visit", "The government",
                  outlet="KOR")
    assert (cs(ref), ref.how) == (("KOR", "GOV"), "home-country")
    ambassador = resolve(article, actor_kb, "chosun_2013-12-27_abe-yasukuni-visit",
                         "the ambassador", outlet="KOR")
    assert (cs(ambassador), ambassador.how) == (("JPN", "GOV"), "foreign-diplomat")
