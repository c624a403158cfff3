"""Event lexicon rows written from the PLOVER definitions (issue #5), on real news sentences.

GSR_* sentences are records of the PLOVER gold standard (openeventdata/PLOVER, CC BY-SA 4.0,
../shared/refdata/plover/PLOVER_GSR_CAMEO.txt), all from the "tune" half of
bench/plover_gsr.py; the other sentences are from the shared corpus (the file is named).
"""

from __future__ import annotations

from coding_helpers import code, of_type
from newsevents.coder.triggers import drop_content_triggers, find_triggers, sense_of

GSR_INSPECTORS = ("The IAEA has dispatched inspectors to Esfahan Uranium Conversion Facilities "
                  "(UCF) in central Iran to monitor resumption of peaceful nuclear work at the "
                  "plant.")
GSR_MEDICINE = ("Swiss doctors handed over 700 kg of medicine to the Red Crescent in Bam, Iran, "
                "according to the Swiss Agency for Development and Cooperation.")
GSR_WELCOME = ("President Francois Mitterand gave a warm welcome on Thursday to South African "
               "leader F.W. de Klerk who is attempting to break his country's international "
               "isolation.")
GSR_RALLY = ("Saudi Arabia has mobilized pressure groups in the United States to help support the "
             "rights of Palestinians in their struggle against Israel, a top minister said in "
             "comments published Thursday.")
GSR_CEASEFIRE = ("Both the Phillippines military and the Moro Islamic Liberation Front are guilty "
                 "of violating the ceasefire agreement signed in March 2001, according to a group "
                 "that conducted simultaneous fact-finding missions in Lanao, Maguindanao, and "
                 "Cotabato provinces last week.")
# dev/theatlasnews_2023-09-14_russia-expels-us-diplomats.txt
REFUTED = ("As of now, the U.S. has not issued an immediate response to this expulsion. Previously, "
           "it has refuted the allegations against Shonov, asserting that they are baseless.")
# dev/thenews-pk_2023-05-09_rangers-arrest-imran.txt
ALLEGED = ("Taking to his Twitter, PTI Senior Vice President Fawad Chaudhry alleged that Khan had "
           "been \u201cabducted\u201d from the court premises while score of lawyers and general "
           "people had been \u201ctortured\u201d.")
STREETS = "He urged all party workers and supporters to take to the streets."
# dev/ap_2018-10-31_nippon-steel-ruling.txt
COMPENSATE = ("In a potentially far-reaching decision, South Korea\u2019s Supreme Court ruled that a "
              "major Japanese steelmaker should compensate four South Koreans for forced labor "
              "during Japan\u2019s colonial rule of the Korean Peninsula before the end of World "
              "War II.")
# dev2/shropshirestar-pa_2022-02-17_france-mali-withdrawal.txt
SUPPORT_NOUN = ("Mr Macron said support for civilians in Mali civilians will continue, but he "
                "blamed the junta now ruling the country for its decision to hire a private "
                "Russian military contractor known as the Wagner Group.")


def _main_type(nlp, knowledge, sentence: str) -> str | None:
    events = code(nlp, knowledge, [sentence], pub_date=None)
    main = next((e for e in events if e.main), None)
    return main.type if main else None


def _sense(nlp, knowledge, sentence: str, word: str):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    return sense_of(token, knowledge.lexicon)


def test_sending_inspectors_is_an_investigation(nlp, knowledge):
    assert _main_type(nlp, knowledge, GSR_INSPECTORS) == "ACCUSE"


def test_a_quantity_of_medicine_handed_over_is_aid(nlp, knowledge):
    assert _main_type(nlp, knowledge, GSR_MEDICINE) == "AID"


def test_a_warm_welcome_given_to_a_leader_hosts_a_visit(nlp, knowledge):
    assert _main_type(nlp, knowledge, GSR_WELCOME) == "CONSULT"


def test_mobilizing_support_rallies_support(nlp, knowledge):
    assert _main_type(nlp, knowledge, GSR_RALLY) == "SUPPORT"


def test_mobilizing_troops_outranks_mobilizing_support(knowledge):
    patterns = [s.pattern for s in knowledge.lexicon.senses("mobilize")]
    assert patterns.index("mobilize troop") < patterns.index("mobilize support")


def test_violating_a_ceasefire_agreement_is_an_assault_not_a_defiance(nlp, knowledge):
    sense = _sense(nlp, knowledge, GSR_CEASEFIRE, "violating")
    assert sense is not None and sense.type == "ASSAULT"


def test_refuting_allegations_rejects_them(nlp, knowledge):
    doc = nlp(REFUTED)
    kept = drop_content_triggers(find_triggers(doc[:], knowledge.lexicon), doc, knowledge.lexicon)
    kept_types = {doc[t.token_i].text: t.type for t in kept}
    assert kept_types["refuted"] == "REJECT"
    assert "allegations" not in kept_types  # what is refuted is its content, no accusation


def test_alleged_that_reports_the_abduction_it_does_not_accuse(nlp, knowledge):
    events = code(nlp, knowledge, [ALLEGED], pub_date="2023-05-09")
    assert of_type(events, "ASSAULT")
    assert not of_type(events, "ACCUSE")


def test_taking_to_the_streets_is_a_protest(nlp, knowledge):
    sense = _sense(nlp, knowledge, STREETS, "take")
    assert sense is not None and sense.type == "PROTEST"


def test_a_court_ordering_compensation_gives_no_aid(nlp, knowledge):
    events = code(nlp, knowledge, [COMPENSATE], pub_date="2018-10-31")
    assert of_type(events, "COERCE")
    assert not of_type(events, "AID")


def test_support_as_a_noun_is_no_event(nlp, knowledge):
    events = code(nlp, knowledge, [SUPPORT_NOUN], pub_date="2022-02-17")
    assert not of_type(events, "SUPPORT")
