"""Invariants of coded events on whole real articles and on random mixes of real sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coding_helpers import article
from newsevents import actors, dates, nlp
from newsevents.coding import code_events
from newsevents.options import Options
from newsevents.records import PLOVER_TYPES, STATUSES, Article, Line

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"


def seed_articles() -> list[Article]:
    """The seed articles as the spec's quick reader builds them: every non-blank line a body
    line, the publication date from the manifest."""
    rows = [json.loads(line) for line in (SEEDS / "manifest.jsonl").read_text().splitlines()
            if line.strip()]
    out = []
    for row in rows:
        raw = (SEEDS / row["path"]).read_text(encoding="utf-8")
        lines, pos = [], 0
        for text in raw.split("\n"):
            if text.strip():
                lead = len(text) - len(text.lstrip())
                lines.append(Line(pos + lead, pos + lead + len(text.strip()), text.strip()))
            pos += len(text) + 1
        out.append(Article(doc_id=row["doc_id"], source_path=row["path"], raw=raw,
                           body_lines=tuple(lines), pub_date=row.get("pub_date")))
    return out


def coded(pipeline, knowledge, art: Article):
    parsed = nlp.parse(art, pipeline)
    mentions = actors.find_actors(parsed, knowledge.actors)
    return code_events(parsed, mentions, dates.find_timerefs(parsed), knowledge, Options())


@pytest.fixture(scope="module")
def seed_events(nlp, knowledge):
    return [(art, coded(nlp, knowledge, art)) for art in seed_articles()]


def test_every_seed_article_has_exactly_one_main_event(seed_events):
    for art, events in seed_events:
        assert events, art.doc_id
        assert sum(e.main for e in events) == 1, art.doc_id


def test_evidence_offsets_index_the_raw_text(seed_events):
    for art, events in seed_events:
        for e in events:
            assert art.raw[e.evidence_start:e.evidence_end] == e.evidence


def test_event_ids_are_stable_and_numbered(seed_events, nlp, knowledge):
    art, events = seed_events[0]
    assert [e.event_id for e in events] == [f"{art.doc_id}:{n}" for n in range(len(events))]
    again = coded(nlp, knowledge, art)
    assert [e.to_json() for e in again] == [e.to_json() for e in events]


def test_background_events_never_take_the_publication_date(seed_events):
    for art, events in seed_events:
        for e in events:
            if e.background:
                assert e.date != art.pub_date


def test_scores_follow_the_ontology(seed_events, knowledge):
    ontology = knowledge.ontology
    for _, events in seed_events:
        for e in events:
            assert e.quad_class == ontology.quad_of(e.type)
            assert e.plover_score == ontology.plover_score(e.type)
            assert -10 <= e.goldstein <= 10
            assert 0 < e.confidence <= 1


def _corpus_sentences() -> list[str]:
    sentences = []
    for art in seed_articles():
        for line in art.body_lines:
            if line.text.endswith(".") and 40 < len(line.text) < 300:
                sentences.append(line.text)
    return sentences


SENTENCES = _corpus_sentences()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4),
       st.sampled_from([None, "2019-09-27", "2020-11-12"]))
def test_any_mix_of_real_sentences_codes_consistently(nlp, knowledge, lines, pub_date):
    art = article(lines, pub_date=pub_date)
    events = coded(nlp, knowledge, art)
    assert sum(e.main for e in events) == (1 if events else 0)
    for e in events:
        assert e.type in PLOVER_TYPES and e.status in STATUSES
        assert art.raw[e.evidence_start:e.evidence_end] == e.evidence
        assert not (e.background and pub_date and e.date == pub_date)


def test_an_article_without_events_codes_to_nothing(nlp, knowledge):
    art = article(["Weather: sunny spells and a light breeze are expected over the weekend."])
    assert coded(nlp, knowledge, art) == ()


def test_an_empty_body_codes_to_nothing(nlp, knowledge):
    empty = Article(doc_id="e", source_path="e.txt", raw="", body_lines=(), pub_date=None)
    assert coded(nlp, knowledge, empty) == ()
