"""Connectives that look like event words: "in order to" states a purpose, no order.

PURPOSE is adapted from the corpus (India-China Wuhan summit: "... in order to build trust");
COURT_ORDER is a corpus sentence (Nippon Steel ruling).
"""

from __future__ import annotations

from coding_helpers import code, of_type

PURPOSE = "China sent envoys to New Delhi in order to build trust with India."
COURT_ORDER = ("In a landmark ruling, South Korea's Supreme Court upheld a 2013 order for the company "
               "to pay 100 million won ($87,700) to each of the four steel workers who initiated "
               "the suit in 2005, seeking compensation and unpaid wages.")


def test_in_order_to_is_no_coercion(nlp, knowledge):
    assert not of_type(code(nlp, knowledge, [PURPOSE]), "COERCE")


def test_a_court_order_still_coerces(nlp, knowledge):
    assert of_type(code(nlp, knowledge, [COURT_ORDER], pub_date="2018-10-30"), "COERCE")
