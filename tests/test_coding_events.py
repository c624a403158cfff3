"""Event coding on real sentences from the gold corpus: types, roles, status, background."""

from __future__ import annotations

import pytest

from coding_helpers import code, countries, of_type
from newsevents.options import Options

# Sentences below are copied from /work/shared/corpus (seeds, dev, dev2).
ARREST = ("ISLAMABAD: Rangers on Tuesday arrested Pakistan Tehreek-e-Insaf (PTI) Chairman Imran "
          "Khan from Islamabad High Court.")
PHONE = ("The vice foreign ministers of South Korea and Japan spoke over the phone on Thursday "
         "and agreed on the need for close communication and dialogue, the ministry said.")
PLAN_VISIT = ("A senior official at the Foreign Ministry plans a visit to South Korea soon as "
              "bilateral ties have sunk to a historic low over a wartime labor row, diplomatic "
              "sources said Tuesday.")
EXPECTED_URGE = ("Takizaki is expected to urge South Korea to take proper measures to resolve the "
                 "row, including guarantees that the assets would not be sold off, the sources "
                 "said.")
IF_NOT_ATTEND = ("If a resolution is not reached, Suga will not attend a trilateral summit between "
                 "Japan, South Korea and China to be hosted by Seoul, the sources added.")
URGE_NOT_SCRAP = ("In Thursday's meeting, Motegi urged Kang not to scrap the pact, formally called "
                  "the General Security of Military Information Agreement.")
ANNEXED = "Russia annexed Crimea from Ukraine in 2014."
RECALL = ("China yesterday recalled its ambassador to Lithuania to protest the European nation’s "
          "move to let Taiwan set up a de facto embassy, sending a rare warning to others that "
          "might seek more formal ties with Taipei.")
SEVER = ("Venezuela has severed relations with Colombia and has expelled all diplomats from its "
         "Embassy, President Nicolas Maduro has announced, during a rally in Caracas.")
CURFEW = ("Bangladesh has announced the imposition of a curfew and the deployment of military "
          "forces after days of clashes at protests against government job quotas across the "
          "country.")


def test_arrest_is_coerce_between_the_named_parties(nlp, knowledge):
    events = code(nlp, knowledge, [ARREST], pub_date="2023-05-09")
    arrest = of_type(events, "COERCE")
    assert len(arrest) == 1 and arrest[0].main
    assert arrest[0].status == "occurred" and not arrest[0].background
    assert arrest[0].quad_class == 4 and arrest[0].goldstein < 0
    assert arrest[0].source is not None and arrest[0].source.country == "PAK"


def test_reported_speech_fills_attribution_not_the_actor(nlp, knowledge):
    events = code(nlp, knowledge, [PHONE])
    consult = of_type(events, "CONSULT")
    assert consult and consult[0].attributed_to == "the ministry"
    assert countries(consult[0]) == {"KOR", "JPN"}
    assert consult[0].main


def test_plans_a_visit_is_planned(nlp, knowledge):
    events = code(nlp, knowledge, [PLAN_VISIT], pub_date="2020-10-27")
    visit = of_type(events, "CONSULT")
    assert visit and visit[0].status == "planned"
    assert visit[0].attributed_to == "diplomatic sources"
    assert "KOR" in countries(visit[0])


def test_expected_to_urge_is_a_planned_request(nlp, knowledge):
    events = code(nlp, knowledge, [EXPECTED_URGE], pub_date="2020-10-27")
    assert [(e.type, e.status) for e in events] == [("REQUEST", "planned")]


def test_negated_cooperation_under_if_is_a_conditional_threat(nlp, knowledge):
    events = code(nlp, knowledge, [IF_NOT_ATTEND], pub_date="2020-10-27")
    assert not of_type(events, "CONSULT")
    threat = of_type(events, "THREATEN")
    assert threat and threat[0].status == "conditional" and threat[0].date is None


def test_the_content_of_a_request_is_not_an_event(nlp, knowledge):
    events = code(nlp, knowledge, [URGE_NOT_SCRAP], pub_date="2019-09-27")
    assert not of_type(events, "REJECT")
    assert of_type(events, "REQUEST")


def test_a_dated_recap_is_background_with_its_own_date(nlp, knowledge):
    events = code(nlp, knowledge, [ANNEXED], pub_date="2018-11-26")
    annex = of_type(events, "COERCE")
    assert annex and annex[0].background and annex[0].date == "2014"


def test_a_dated_treaty_is_a_background_agreement(nlp, knowledge):
    line = ("But Tokyo has argued that all reparation issues stemming from its colonial rule were "
            "settled under a 1965 treaty that normalized bilateral relations.")
    events = code(nlp, knowledge, [line], pub_date="2020-11-12")
    agree = of_type(events, "AGREE")
    assert agree and all(e.background for e in agree)
    assert not any(e.background is False and e.date == "2020-11-12" for e in agree)


def test_recalling_an_ambassador_is_a_sanction_on_the_host(nlp, knowledge):
    events = code(nlp, knowledge, [RECALL], pub_date="2021-08-11")
    recall = of_type(events, "SANCTION")
    assert recall and recall[0].main and recall[0].mode == "recall-ambassador"
    assert recall[0].source.country == "CHN" and recall[0].target.country == "LTU"
    assert not of_type(events, "PROTEST")  # "to protest the move" is the purpose, not a protest


def test_two_sanctions_in_one_sentence_stay_two(nlp, knowledge):
    events = code(nlp, knowledge, [SEVER], pub_date="2019-02-23")
    modes = {e.mode for e in of_type(events, "SANCTION")}
    assert {"break-relations", "expulsion"} <= modes


def test_light_verbs_carry_noun_events(nlp, knowledge):
    events = code(nlp, knowledge, [CURFEW], pub_date="2024-07-19")
    curfew = of_type(events, "COERCE")
    assert curfew and curfew[0].main and curfew[0].source.country == "BGD"
    assert of_type(events, "MOBILIZE")


def test_one_event_per_happening_across_sentences(nlp, knowledge):
    lines = [
        "The vice foreign ministers of South Korea and Japan spoke over the phone on Thursday.",
        "In the phone talks, Seoul's Vice Foreign Minister Choi Jong-kun and his Japanese "
        "counterpart, Takeo Akiba, discussed bilateral issues.",
    ]
    events = code(nlp, knowledge, lines)
    current = [e for e in of_type(events, "CONSULT") if not e.background]
    assert len(current) == 1
    assert current[0].evidence == lines[0]


def test_headline_the_body_repeats_is_not_coded(nlp, knowledge):
    title = "Rangers arrest Imran Khan"
    events = code(nlp, knowledge, [title, ARREST], pub_date="2023-05-09", title=title)
    assert all(e.evidence != title for e in events)
    assert len(of_type(events, "COERCE")) == 1


def test_min_confidence_drops_events(nlp, knowledge):
    events = code(nlp, knowledge, [ARREST], options=Options(min_confidence=0.99))
    assert events == ()


@pytest.mark.parametrize("line, expected", [
    ("Police on Wednesday arrested Cristiana Chamorro, the leading opposition candidate for "
     "president.", "COERCE"),
    ("The U.S. military attacked a Syria-government airfield with 59 Tomahawk missiles on "
     "Thursday evening.", "ASSAULT"),
    ("Russia announced its decision to expel two U.S. diplomats.", "SANCTION"),
    ("Kenya's supreme court has annulled the result of the country's contentious presidential "
     "election.", "COERCE"),
    ("Taiwan has put its military on alert and staged civil defense drills.", "MOBILIZE"),
    ("Chinese Foreign Minister Wang Yi summoned the Japanese ambassador and lodged a strong "
     "protest.", "ACCUSE"),
])
def test_main_event_type_of_lead_sentences(nlp, knowledge, line, expected):
    events = code(nlp, knowledge, [line], pub_date="2021-06-04")
    main = [e for e in events if e.main]
    assert len(main) == 1 and main[0].type == expected


def test_announced_sanction_has_occurred(nlp, knowledge):
    line = ("The Russian foreign ministry announced Saturday it will expel 23 British diplomats "
            "within a week.")
    events = code(nlp, knowledge, [line], pub_date="2018-03-17")
    expel = of_type(events, "SANCTION")
    assert expel and expel[0].status == "occurred"


def test_promised_summons_stays_planned(nlp, knowledge):
    line = "Japan's Foreign Ministry said it would summon the South Korean ambassador."
    events = code(nlp, knowledge, [line], pub_date="2018-10-30")
    summons = of_type(events, "ACCUSE")
    assert summons and summons[0].status == "planned"
    assert summons[0].source.country == "JPN"


def test_reported_obligation_is_a_request_on_its_subject(nlp, knowledge):
    line = "They said the diplomats must leave Russia within a week."
    events = code(nlp, knowledge, [line], pub_date="2018-03-17")
    assert [e.type for e in events] == ["REQUEST"]


def test_pronoun_doers_continue_the_sentence_before(nlp, knowledge):
    lines = [
        "The vice foreign ministers of South Korea and Japan spoke over the phone on Thursday.",
        "They shared the understanding that the governments of the two countries should continue "
        "to closely communicate on issues related to the COVID-19 pandemic.",
    ]
    events = code(nlp, knowledge, lines)
    agree = [e for e in of_type(events, "AGREE") if e.evidence == lines[1]]
    assert agree and countries(agree[0]) == {"KOR", "JPN"}


def test_events_in_an_if_clause_are_not_asserted(nlp, knowledge):
    line = ("If Nippon Steel refuses to compensate, the plaintiffs could request a seizure of its "
            "assets in South Korea.")
    events = code(nlp, knowledge, [line], pub_date="2018-10-30")
    assert not of_type(events, "REJECT")


def test_a_second_arrest_of_another_person_is_another_event(nlp, knowledge):
    lines = [
        "Police in Uganda arrested opposition presidential candidate Bobi Wine on Wednesday.",
        "Another opposition candidate, Patrick Oboi Amuriat, was also arrested for organizing an "
        "unauthorized rally in the northern city of Gulu.",
    ]
    events = code(nlp, knowledge, lines, pub_date="2020-11-18")
    assert len(of_type(events, "COERCE")) == 2


def test_dateline_place_is_not_an_actor(nlp, knowledge):
    line = ("COLOMBO, Sri Lanka — Sri Lankan protesters stormed President Gotabaya Rajapaksa’s "
            "residence and nearby office on Saturday.")
    events = code(nlp, knowledge, [line], pub_date="2022-07-09")
    main = [e for e in events if e.main]
    assert main and main[0].type == "PROTEST"  # civilians storming: a protest, not an assault


def test_a_same_country_pair_in_a_two_country_story_is_between_the_parties(nlp, knowledge):
    lines = [
        "Russia announced its decision to expel two U.S. diplomats.",
        "The ministry accused them of engaging in illegal activities.",
    ]
    events = code(nlp, knowledge, lines, pub_date="2023-09-14")
    accuse = of_type(events, "ACCUSE")
    assert accuse and countries(accuse[0]) == {"RUS", "USA"}
