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


# Corpus (israel-hamas ceasefire): two parties announcing a ceasefire agree on it.
CEASEFIRE = ("Israel and Hamas have announced a ceasefire after they agreed to an Egyptian-brokered "
             "proposed to halt 11 days of fighting in the Gaza Strip.")
# Corpus (dnaindia, Wuhan summit): an indirect question asserts nothing.
ASKED_WHETHER = ("However, when foreign secretary Vijay Gokhale was asked by media persons, whether "
                 "the issue of terrorism from Pakistan was discussed, he said it was not.")
# Corpus (bangladesh curfew): "in aid of" means on behalf of, no aid is given.
IN_AID_OF = ("“The government has decided to impose a curfew and deploy the military in aid of the "
             "civilian authorities,” Prime Minister Sheikh Hasina’s press secretary Nayeemul Islam "
             "Khan, told the news agency AFP, adding that the curfew would take immediate effect.")


def test_ceasefire_announced_by_both_sides_is_an_agreement(nlp, knowledge):
    events = code(nlp, knowledge, [CEASEFIRE], pub_date="2021-05-21")
    main = next(e for e in events if e.main)
    assert main.type == "AGREE" and not main.background
    assert {main.source.country, main.target.country} == {"ISR", "PSE"}


def test_indirect_question_is_no_event(nlp, knowledge):
    events = code(nlp, knowledge, [ASKED_WHETHER], pub_date="2018-04-28")
    assert not of_type(events, "REQUEST") and not of_type(events, "CONSULT")


def test_in_aid_of_is_no_aid(nlp, knowledge):
    events = code(nlp, knowledge, [IN_AID_OF], pub_date="2024-07-19")
    assert not of_type(events, "AID")
    assert of_type(events, "COERCE")  # the curfew is still told


# Corpus (iol, Taiwan Strait drills): warnings the US "has ignored" were issued before, by China.
IGNORED = "The US has ignored warnings from Chinese officials."


def test_warnings_ignored_are_an_earlier_act_of_their_issuer(nlp, knowledge):
    events = code(nlp, knowledge, [IGNORED], pub_date="2022-08-04")
    warning = of_type(events, "THREATEN")
    assert warning and warning[0].background
    assert warning[0].source.country == "CHN" and warning[0].target.country == "USA"


# Corpus (westobserver, Castillo ouster): the relative clause tells Boluarte's own act.
ASKED_WHO_REJECTED = ("Congress also asked Vice President Dina Boluarte, who immediately rejected "
                      "Castillo’s actions, to assume the presidency, as stated in the Constitution, "
                      "reported the Europa Press agency.")


def test_relative_clause_on_the_object_is_its_own_event(nlp, knowledge):
    events = code(nlp, knowledge, [ASKED_WHO_REJECTED], pub_date="2022-12-07")
    assert of_type(events, "REQUEST") and of_type(events, "REJECT")
    rejection = of_type(events, "REJECT")[0]
    assert rejection.source is not None and rejection.source.country == "PER"


# Corpus (vanguardngr, Russia expels UK diplomats; wantedinafrica, Kenya ruling): what a reported
# act answers or follows happened before it.
EXPEL_RESPONSE = ("The Russian foreign ministry announced Saturday it will expel 23 British diplomats "
                  "within a week in a tit-for-tat response to London’s measures over the poisoning "
                  "of a former Russian double agent and his daughter.")
FOLLOWS_CHALLENGE = ("The 1 September ruling - seen by many as a surprise - follows a legal "
                     "challenge from opposition candidate Raila Odinga who alleged that Kenya's new "
                     "electronic system for transmitting election results was rigged to return "
                     "incumbent president Uhuru Kenyatta to power for a second five-year term.")


def test_what_an_act_responds_to_is_background(nlp, knowledge):
    events = code(nlp, knowledge, [EXPEL_RESPONSE], pub_date="2018-03-17")
    expel = of_type(events, "SANCTION")
    assert expel and expel[0].main and not expel[0].background
    poisoning = of_type(events, "ASSAULT")
    assert poisoning and poisoning[0].background and poisoning[0].status == "occurred"


def test_what_a_ruling_follows_is_background(nlp, knowledge):
    events = code(nlp, knowledge, [FOLLOWS_CHALLENGE], pub_date="2017-09-04")
    challenge = of_type(events, "ACCUSE")
    assert challenge and challenge[0].background
