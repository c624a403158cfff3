"""Properties of resolve_span / resolve_group over arbitrary token spans of a real article."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actors_kit import actor_knowledge, parsed_article
from newsevents.actors import find_actors, resolve_group, resolve_span

DOC_ID = "medicinehatnews-ap_2024-01-22_us-uk-strikes-houthis"


@pytest.fixture(scope="module")
def setup(nlp):
    kb = actor_knowledge()
    parsed = parsed_article(nlp, DOC_ID, "USA")
    return parsed, find_actors(parsed, kb), kb


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=0, max_value=2000), st.integers(min_value=1, max_value=12))
def test_any_span_resolves_to_a_well_formed_ref_or_none(setup, first, length):
    parsed, mentions, kb = setup
    start = first % len(parsed.doc)
    end = min(len(parsed.doc), start + length)
    ref = resolve_span(parsed, mentions, start, end, kb)
    if ref is not None:
        assert parsed.article.raw[ref.start:ref.end] == ref.text
        assert ref.country is None or ref.country in kb.countries
        assert ref.how
    for party in resolve_group(parsed, mentions, start, end, kb):
        assert parsed.article.raw[party.start:party.end] == party.text


def test_resolution_is_deterministic(setup):
    parsed, mentions, kb = setup
    again = find_actors(parsed, kb)
    assert again == mentions
