"""Linking a story told by many outlets: one story, and candidates that grow with the story,
not with its square."""

from __future__ import annotations

from dataclasses import replace

import pytest

from linkdata import gold_result
from newsevents import link
from newsevents.linking.features import mentions_of, term_stats
from newsevents.linking.match import candidate_pairs, type_families

KYODO = "kyodo_2020-11-12_vice-fm-phone"
COPIES = 150


def _retold(result, n):
    """`result` as reported by `n` outlets (each its own article, events and outlet)."""
    copies = []
    for k in range(n):
        doc_id = f"outlet{k:03d}/{result.doc_id}"
        article = replace(result.article, doc_id=doc_id, outlet=f"Outlet {k}")
        events = tuple(replace(e, doc_id=doc_id, event_id=f"{doc_id}:{e.event_id}")
                       for e in result.events)
        copies.append(replace(result, doc_id=doc_id, article=article, events=events))
    return copies


@pytest.fixture(scope="module")
def busy(corpus_dir):
    return _retold(gold_result(corpus_dir / "seeds" / f"{KYODO}.json"), COPIES)


def test_every_outlet_s_report_of_the_main_event_is_one_story(busy):
    run = link.link(busy)
    assert len({e.story_id for e in run.events if e.main}) == 1


def test_candidates_grow_with_the_story_not_its_square(busy):
    rules = link.load_link_rules()
    mentions = mentions_of(link.views_of(busy), rules)
    pairs = sum(1 for _ in candidate_pairs(mentions, type_families(rules), term_stats(mentions),
                                           rules.weights))
    cap = rules.weights.max_calendar_candidates + rules.weights.max_candidates
    assert pairs <= len(mentions) * cap < len(mentions) * (len(mentions) - 1) / 2
