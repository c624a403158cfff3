"""One event per happening: what makes two tellings of one type two events, or one.

Sentences are copied from the gold corpus (/work/shared/corpus).
"""

from __future__ import annotations

from coding_helpers import code, of_type

REGRETTABLE = ('Nippon Steel said the verdict was "deeply regrettable" and that it would review it '
               "before taking any next steps.")
UNACCEPTABLE = "Foreign Minister Taro Kono said the ruling was totally unacceptable."
SUMMONED = ("Vice Foreign Minister Kim Kyou-hyun summoned the deputy chief of the Japanese Embassy "
            "in Seoul, Takashi Kurai, and lodged a protest.")
CONSIDERING = "The government is considering summoning the ambassador as well."
ARRESTED = ("The president of Peru, Pedro Castillo, was arrested this Wednesday and is at the "
            "police headquarters in Lima, after being removed by Congress, accused of trying to "
            "carry out a coup d’état by announcing the dissolution of that body.")
ORDERED_ARREST = ("The Peruvian Public Prosecutor’s Office ordered the arrest of Castillo, who is at "
                  "the police headquarters in Lima, where he went with his family and former Prime "
                  "Minister Aníbal Torres, reported the Europa Press agency.")


def test_two_speakers_condemning_are_two_events(nlp, knowledge):
    events = code(nlp, knowledge, [REGRETTABLE, UNACCEPTABLE], pub_date="2018-10-30")
    assert len(of_type(events, "ACCUSE")) == 2


def test_a_planned_summons_is_not_the_summons_made(nlp, knowledge):
    events = code(nlp, knowledge, [SUMMONED, CONSIDERING], pub_date="2013-12-27")
    statuses = sorted(e.status for e in of_type(events, "ACCUSE"))
    assert statuses == ["occurred", "planned"]


def test_surname_names_the_same_arrested_person(nlp, knowledge):
    events = code(nlp, knowledge, [ARRESTED, ORDERED_ARREST], pub_date="2022-12-07")
    arrests = [e for e in of_type(events, "COERCE") if e.mode == "arrest"]
    assert len(arrests) == 1 and arrests[0].main


RANGERS = ("ISLAMABAD: Rangers on Tuesday arrested Pakistan Tehreek-e-Insaf (PTI) Chairman Imran "
           "Khan from Islamabad High Court.")
CONFIRMING = ("Confirming the arrest, Inspector General of Police, (IGP) Islamabad Dr Akbar Nasir "
              "Khan said that Khan was arrested in the Al-Qadir Trust case, adding that the "
              "situation is under control.")


def test_arrest_confirmed_by_police_is_the_same_arrest(nlp, knowledge):
    events = code(nlp, knowledge, [RANGERS, CONFIRMING], pub_date="2023-05-09")
    arrests = [e for e in of_type(events, "COERCE") if e.mode == "arrest"]
    assert len(arrests) == 1 and arrests[0].main
