"""The actor knowledge base: names, short forms, capitals, organisations, office holders by date."""

from __future__ import annotations

import pytest

from actors_kit import actor_knowledge
from newsevents.knowledge.actorkb import lookup_name, normalise_name


@pytest.fixture(scope="module")
def actor_kb():
    return actor_knowledge()


def codes(kb, name, on_date=None):
    return [(r.country, r.sector) for r in kb.lookup(name, on_date)]


def test_short_forms_of_countries_resolve(actor_kb):
    for name, iso3 in [("S. Korea", "KOR"), ("N. Korea", "PRK"), ("ROK", "KOR"), ("DPRK", "PRK"),
                       ("U.S.", "USA"), ("UK", "GBR"), ("UAE", "ARE"), ("the Philippines", "PHL"),
                       ("Ivory Coast", "CIV"), ("Burma", "MMR"), ("Turkiye", "TUR")]:
        assert (iso3, "GOV") in codes(actor_kb, name), name


def test_every_un_member_has_an_adjective(actor_kb):
    missing = [c.iso3 for c in actor_kb.countries.values() if not c.adjectives]
    assert missing == [], missing
    assert len(actor_kb.countries) >= 193


def test_acronyms_need_capitals_so_pronouns_do_not_match(actor_kb):
    assert kb_kinds(actor_kb, "us") == []
    assert kb_kinds(actor_kb, "is") == []
    assert ("USA", "GOV") in codes(actor_kb, "US")
    assert codes(actor_kb, "IS") == [(None, "REB")]


def kb_kinds(kb, name):
    return [f.entry.kind for f in kb.entries(name)]


def test_adjectives_and_demonyms(actor_kb):
    assert codes(actor_kb, "Japanese") == [("JPN", None)]
    assert ("ISR", "CVL") in codes(actor_kb, "Israelis")
    assert ("AFG", "CVL") in codes(actor_kb, "Afghans")


def test_capitals_and_seats_of_power_stand_for_governments(actor_kb):
    assert codes(actor_kb, "Seoul") == [("KOR", "GOV")]
    assert codes(actor_kb, "the Kremlin") == [("RUS", "GOV")]
    assert codes(actor_kb, "Downing Street") == [("GBR", "GOV")]
    assert codes(actor_kb, "Cheong Wa Dae") == [("KOR", "GOV")]
    assert codes(actor_kb, "the Pentagon") == [("USA", "MIL")]


def test_organisations_have_their_own_codes(actor_kb):
    assert [r.code for r in actor_kb.lookup("U.N. Security Council")] == ["UNSC"]
    assert [r.code for r in actor_kb.lookup("NATO")] == ["NATO"]
    assert codes(actor_kb, "Human Rights Watch") == [(None, "NGO")]
    assert codes(actor_kb, "Hamas") == [("PSE", "REB")]
    assert codes(actor_kb, "al-Shabaab") == [("SOM", "REB")]


def test_office_holders_depend_on_the_date(actor_kb):
    assert [r.name for r in actor_kb.lookup("Abe", "2019-10-24")] == ["Shinzo Abe"]
    assert [r.name for r in actor_kb.lookup("Suga", "2020-10-27")] == ["Yoshihide Suga"]
    imran_2019 = actor_kb.lookup("Imran Khan", "2019-06-01")
    imran_2023 = actor_kb.lookup("Imran Khan", "2023-05-09")
    assert [(r.country, r.sector) for r in imran_2019] == [("PAK", "GOV")]
    assert [(r.country, r.sector) for r in imran_2023] == [("PAK", "OPP")]


def test_phoenix_office_holders_are_loaded(actor_kb):
    refs = actor_kb.lookup("Junichiro Koizumi", "2003-01-01")
    assert [(r.country, r.sector) for r in refs] == [("JPN", "GOV")]


def test_regions_are_not_countries(actor_kb):
    assert codes(actor_kb, "South America") == [(None, None)]
    assert codes(actor_kb, "West African") == [(None, None)]


def test_sector_words(actor_kb):
    assert actor_kb.agent("foreign ministry").sector == "GOV"
    assert actor_kb.agent("supreme court").sector == "JUD"
    assert actor_kb.agent("protester").sector == "CVL"
    police = actor_kb.agent("police")
    assert (police.sector, police.cameo) == ("GOV", "COP")


def test_lookup_name_for_the_cli(actor_kb):
    refs = lookup_name(actor_kb, "Taro Kono", "2018-10-30")
    assert [(r.name, r.code) for r in refs] == [("Taro Kono", "JPNGOV")]


def test_normalise_name_ignores_case_dots_hyphens_and_the():
    assert normalise_name("the U.S.") == normalise_name("US") == "us"
    assert normalise_name("Jaish-e-Mohammed") == "jaish e mohammed"
    assert normalise_name("Russia\u2019s") == "russia's"
