"""The scorer: gold scored against itself is perfect; each matching rule can reject."""

from __future__ import annotations

import copy

import pytest
from tests.conftest import CORPUS, GOLD_SETS

from newsevents import evaluate


def _gold_as_predictions(gold):
    articles, events = [], []
    for g in gold:
        non_body, _ = evaluate._gold_line_sets(g)
        articles.append({"doc_id": g.doc_id, "status": "ok", "removed_lines": sorted(non_body),
                         "pub_date": g.record.get("pub_date")})
        for i, e in enumerate(g.events):
            start = g.raw.find(e["evidence"])
            events.append({**copy.deepcopy(e), "doc_id": g.doc_id, "event_id": f"{g.doc_id}:{i}",
                           "evidence_start": start, "evidence_end": start + len(e["evidence"]),
                           "story_id": g.record["event_key"] if e.get("main") else f"{g.doc_id}:{i}"})
    return articles, events


@pytest.fixture(scope="module")
def gold():
    return evaluate.load_gold([CORPUS / name for name in GOLD_SETS])


def test_every_gold_evidence_is_in_its_text(gold):
    missing = [(g.doc_id, e["evidence"][:60]) for g in gold for e in g.events
               if evaluate._span_of(g.raw, e["evidence"]) is None]
    assert not missing


def test_gold_scored_against_itself_is_perfect(gold):
    articles, events = _gold_as_predictions(gold)
    scores = evaluate.score(gold, articles, events)
    for key in ("boilerplate_recall", "boilerplate_precision", "pub_date_accuracy",
                "main_event_found", "main_type_accuracy", "event_f1", "type_accuracy",
                "date_accuracy", "status_accuracy", "pair_recall", "pair_precision"):
        assert scores[key] == pytest.approx(1.0), key
    assert scores["body_lines_lost"] == 0.0
    assert scores["pairs_gold"] == 12


def test_other_quad_class_does_not_match(gold):
    g = next(x for x in gold if x.doc_id == "kyodo_2020-11-12_vice-fm-phone")
    main = g.main_event
    start = g.raw.find(main["evidence"])
    pred = {**main, "evidence_start": start, "evidence_end": start + len(main["evidence"])}
    assert evaluate.lenient_match(main, pred, g.raw)
    assert not evaluate.lenient_match(main, {**pred, "type": "ASSAULT"}, g.raw)
    assert evaluate.lenient_match(main, {**pred, "type": "AGREE"}, g.raw)  # same quad class


def test_missing_country_or_other_sentence_does_not_match(gold):
    g = next(x for x in gold if x.doc_id == "kyodo_2020-11-12_vice-fm-phone")
    main = g.main_event
    start = g.raw.find(main["evidence"])
    pred = {**main, "evidence_start": start, "evidence_end": start + len(main["evidence"])}
    assert not evaluate.lenient_match(main, {**pred, "target": {"country": "USA"}}, g.raw)
    other = g.events[3]["evidence"]
    o_start = g.raw.find(other)
    moved = {**pred, "evidence_start": o_start, "evidence_end": o_start + len(other)}
    assert not evaluate.lenient_match(main, moved, g.raw)


def test_removing_body_lines_counts_as_loss(gold):
    articles, events = _gold_as_predictions(gold)
    first = gold[0]
    articles[0]["removed_lines"] = articles[0]["removed_lines"] + [first.record["body_first_line"]]
    scores = evaluate.score(gold, articles, events)
    assert scores["body_lines_lost"] > 0
    assert scores["boilerplate_precision"] < 1.0
