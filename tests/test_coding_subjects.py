"""A clause has one subject: a fronted dateline the parser also calls a subject is not the actor."""

from __future__ import annotations

from tests.coding_helpers import code


def test_dateline_before_the_subject_does_not_act(nlp, knowledge):
    # iol 2022-08-04: "Cape Town:" is where the story was filed
    events = code(nlp, knowledge, [
        "Cape Town: The Eastern Military Command of China's People's Liberation Army conducted "
        "long-range live-fire drills in the Taiwan Strait on Thursday.",
    ], pub_date="2022-08-04")
    assert events
    main = next(e for e in events if e.main)
    assert main.source is not None and main.source.country == "CHN"
    assert "Cape Town" not in (main.source.text or "")
