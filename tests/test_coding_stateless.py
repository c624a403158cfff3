"""International bodies act for no state: the story's two countries never fill them in."""

from __future__ import annotations

from tests.coding_helpers import code, of_type


def test_eu_sanctions_keep_the_eu_stateless(nlp, knowledge):
    events = code(nlp, knowledge, [
        "The European Union imposed new sanctions on Iran on Monday over its supply of drones "
        "to Russia, EU foreign ministers said.",
        "Iran and Russia have denied the transfers.",
    ], pub_date="2022-10-17")
    sanctions = of_type(events, "SANCTION")
    assert sanctions
    source = sanctions[0].source
    assert source is not None and source.sector == "IGO" and source.country is None
    assert sanctions[0].target is not None and sanctions[0].target.country == "IRN"
