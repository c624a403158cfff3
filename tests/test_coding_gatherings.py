"""A body meeting among itself consults no counterpart; two parties meeting do.

Sentences are real: from the gold corpus (/work/shared/corpus).
"""

from __future__ import annotations

from coding_helpers import code, of_type

# Corpus (Sri Lanka protesters storm residence): party leaders meet among themselves.
PARTY_LEADERS = ("Leaders of political parties in Parliament met after the storming of the "
                 "president’s residence and decided to request Mr. Rajapaksa and Prime Minister "
                 "Ranil Wickremesinghe to step down, opposition lawmaker Rauff Hakeem said on "
                 "Twitter.")
# Corpus (Korea-Japan vice ministers' phone talks), shortened: ministers of two states.
TWO_MINISTERS = "The vice foreign ministers of South Korea and Japan spoke over the phone on Thursday."


def test_members_of_one_body_meeting_is_no_consultation(nlp, knowledge):
    events = code(nlp, knowledge, [PARTY_LEADERS], pub_date="2022-07-09")
    assert not of_type(events, "CONSULT")
    assert of_type(events, "REQUEST")  # what they decided is still told


def test_ministers_of_two_states_consult(nlp, knowledge):
    assert of_type(code(nlp, knowledge, [TWO_MINISTERS]), "CONSULT")
