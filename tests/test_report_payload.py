"""What the report embeds: offsets converted for the browser, spans located, records carried."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.report import build_payload, load_snapshot
from newsevents.report.labels import load_quad_labels
from newsevents.report.payload import locate, utf16_offset
from report_gold_store import build_gold_store


def js_slice(text: str, start: int, end: int) -> str:
    """What JavaScript's `text.slice(start, end)` returns (UTF-16 code units)."""
    units = text.encode("utf-16-le")
    return units[2 * start:2 * end].decode("utf-16-le")


@pytest.fixture(scope="module")
def payload(tmp_path_factory) -> dict:
    store = build_gold_store(tmp_path_factory.mktemp("store") / "gold.duckdb")
    return build_payload(load_snapshot(store), load_quad_labels(), "t", "now", "gold.duckdb")


@given(st.text(), st.data())
def test_utf16_offset_matches_javascript_indexing(text, data):
    index = data.draw(st.integers(0, len(text)))
    assert utf16_offset(text, index) == len(text[:index].encode("utf-16-le")) // 2


@given(st.text(), st.text(min_size=1), st.text())
def test_located_span_slices_the_same_text_in_javascript(before, target, after):
    raw = before + target + after
    span = locate(raw, len(before), len(before) + len(target), target)
    assert span.exact
    assert js_slice(raw, span.start, span.end) == target


def test_real_sentence_after_an_emoji_is_highlighted_exactly():
    sentence = "The foreign ministers of Japan and South Korea agreed to continue dialogue."
    raw = "Breaking 🇯🇵🇰🇷 news\n" + sentence
    span = locate(raw, raw.index(sentence), len(raw), sentence)
    assert span.start == raw.index(sentence) + 4  # four astral flag characters before it
    assert js_slice(raw, span.start, span.end) == sentence


def test_wrong_offsets_are_repaired_by_search_and_flagged():
    raw = "SEOUL, Nov. 12 (Yonhap) -- The vice foreign ministers spoke on Thursday."
    evidence = "The vice foreign ministers spoke on Thursday."
    span = locate(raw, 0, 10, evidence)
    assert not span.exact and js_slice(raw, span.start, span.end) == evidence


def test_text_absent_from_the_article_is_not_highlighted():
    span = locate("Seoul protested.", 0, 5, "Tokyo apologised.")
    assert (span.start, span.end, span.exact) == (-1, -1, False)


def test_every_gold_evidence_sentence_is_located(payload):
    raw = {a["id"]: a["raw"] for a in payload["articles"]}
    for event in payload["events"]:
        assert event["ev_start"] >= 0, event["id"]
        assert js_slice(raw[event["doc"]], event["ev_start"], event["ev_end"]) == event["evidence"]


def test_removed_lines_keep_their_reason_and_position(payload):
    article = next(a for a in payload["articles"] if a["id"] == "kyodo_2019-09-27_motegi-kang-nyc")
    dated = next(r for r in article["removed"] if r["text"] == "27, Sep. 2019")
    assert dated["reason"] == "boilerplate"
    assert js_slice(article["raw"], dated["start"], dated["end"]) == "27, Sep. 2019"


def test_stories_carry_each_outlets_account(payload):
    story = next(s for s in payload["stories"]
                 if s["id"] == "story-2018-10-30_kor-jpn_supreme-court-nippon-steel-ruling-0")
    assert sorted(a["outlet"] for a in story["accounts"]) == ["AP", "Reuters (via Japan Daily Sun)"]
    assert all(a["summary"] for a in story["accounts"])
