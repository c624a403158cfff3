"""Which clause tells the news, and what a withheld or conditional act is.

Sentences are real: from the gold corpus (/work/shared/corpus) and from the PLOVER gold-standard
records (/work/shared/refdata/plover/PLOVER_GSR_CAMEO.txt, CC BY-SA 4.0), with the GSR type noted.
"""

from __future__ import annotations

from coding_helpers import code, of_type

# GSR: CONCEDE. The "as ..." clause is the circumstance, the main clause the news.
EASED = ("Serbia eased emergency measures on Wednesday in Montenegro province, the scene of ethnic "
         "violence last March, as authorities in Croatia cracked down on Serbian nationalists.")
# GSR: SANCTION. The "one day after ..." clause tells what came before.
SUSPENSION = ("Italy announced a suspension of air links with Serbia on Wednesday, one day after a "
              "Serbian army jet shot down a helicopter carrying EC truce monitors.")
# GSR: THREATEN. A withdrawal made to depend on the other side ("unless ...").
WITHDRAW_UNLESS = ("Nigeria today announced that it will withdraw their peacekeeping force from "
                   "Chad unless President Goukouni Oueddei arranged a ceasefire with rebels "
                   "fighting to topple his government and held elections within four months.")
# GSR: REJECT. A cooperative act declared withheld.
NOT_MEET = ("The U.S. said it would not meet hostage-takers demands to release prisoners in Iraq, "
            "including a number of females.")
# Corpus (taiwannews/ap, China recalls envoy): "will not allow" warns.
NOT_ALLOW = ("It said it would not allow the “red line of safeguarding sovereignty and territorial "
             "integrity” to be crossed, a reference to the communist government’s claims over "
             "Taiwan.")
# Corpus: what China usually does is no event of the day.
HABIT = "While China lodges frequent protests over diplomatic issues, it rarely recalls its ambassadors."
# GSR: COOPERATE. Warships of two states in one exercise.
WAR_GAMES = ("French and Egyptian warships on Monday launched 10 days of war games in the "
             "Mediterranean Sea, expected to be joined later by Italian and German vessels, the "
             "French embassy said Monday.")
SOLO_DRILLS = ("Cape Town: The Eastern Military Command of China's People's Liberation Army "
               "conducted long-range live-fire drills in the Taiwan Strait on Thursday.")


def main_type(events) -> str | None:
    return next((e.type for e in events if e.main), None)


def test_main_clause_beats_a_more_material_circumstance(nlp, knowledge):
    assert main_type(code(nlp, knowledge, [EASED], pub_date=None)) == "CONCEDE"


def test_after_clause_is_not_the_headline(nlp, knowledge):
    events = code(nlp, knowledge, [SUSPENSION], pub_date=None)
    assert main_type(events) == "SANCTION"
    assert of_type(events, "ASSAULT")  # the shooting down is still an event of its own


def test_conditional_withdrawal_is_a_threat(nlp, knowledge):
    events = code(nlp, knowledge, [WITHDRAW_UNLESS], pub_date=None)
    threat = of_type(events, "THREATEN")
    assert threat and threat[0].main and threat[0].status == "conditional"
    assert not of_type(events, "RETREAT")


def test_will_not_meet_demands_is_a_refusal(nlp, knowledge):
    events = code(nlp, knowledge, [NOT_MEET], pub_date=None)
    refusal = of_type(events, "REJECT")
    assert refusal and refusal[0].main and refusal[0].status == "occurred"
    assert not of_type(events, "CONCEDE")


def test_will_not_allow_is_a_warning(nlp, knowledge):
    events = code(nlp, knowledge, [NOT_ALLOW], pub_date="2021-08-10")
    assert of_type(events, "THREATEN")
    assert not of_type(events, "REJECT") and not of_type(events, "CONCEDE")


def test_habits_are_not_events(nlp, knowledge):
    events = code(nlp, knowledge, [HABIT], pub_date="2021-08-10")
    assert not of_type(events, "SANCTION") and not of_type(events, "ACCUSE")


def test_two_navies_in_war_games_cooperate(nlp, knowledge):
    events = code(nlp, knowledge, [WAR_GAMES], pub_date=None)
    drills = of_type(events, "COOPERATE")
    assert drills and drills[0].main and not drills[0].background
    assert {drills[0].source.country, drills[0].target.country} == {"FRA", "EGY"}


def test_one_army_drilling_mobilizes(nlp, knowledge):
    events = code(nlp, knowledge, [SOLO_DRILLS], pub_date="2022-08-04")
    assert of_type(events, "MOBILIZE") and not of_type(events, "COOPERATE")
