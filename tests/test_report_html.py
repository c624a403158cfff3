"""The HTML report file: self-contained, offline, and safe against hostile article text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.errors import StoreError, UsageError
from newsevents.report import build_report, embed_json
from newsevents.report.html import script_hash
from report_gold_store import HOSTILE_ID, HOSTILE_PAYLOAD, build_gold_store, gold_records

DATA_BLOCK = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)
SCRIPT_BLOCK = re.compile(r"<script>(.*?)</script>", re.S)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_gold_store(tmp_path_factory.mktemp("store") / "gold.duckdb", hostile=True)


@pytest.fixture(scope="module")
def page(store: Path, tmp_path_factory) -> str:
    out = build_report(store, tmp_path_factory.mktemp("out") / "report.html",
                       generated="2026-01-01 00:00 UTC")
    return out.read_text(encoding="utf-8")


def embedded_data(page: str) -> dict:
    return json.loads(DATA_BLOCK.search(page).group(1))


@given(st.text())
def test_embedded_json_has_no_markup_characters_and_round_trips(text):
    embedded = embed_json({"raw": text, "list": [text]})
    assert not set("<>&\u2028\u2029") & set(embedded)
    assert json.loads(embedded) == {"raw": text, "list": [text]}


def test_hostile_tags_never_appear_unescaped(page):
    assert HOSTILE_PAYLOAD not in page
    assert "<img" not in page
    assert "<script>window" not in page
    assert "<b>Outlet</b>" not in page
    assert page.count("<script") == 2 and page.count("</script>") == 2


def test_hostile_article_survives_intact_in_the_data(page):
    articles = {a["id"]: a for a in embedded_data(page)["articles"]}
    hostile = articles[HOSTILE_ID]
    assert hostile["title"] == HOSTILE_PAYLOAD
    assert HOSTILE_PAYLOAD in hostile["raw"]
    assert hostile["removed"][0]["reason"] == HOSTILE_PAYLOAD


def test_page_needs_no_network(page):
    without_data = DATA_BLOCK.sub("", page)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", without_data, re.I)
    assert "@import" not in without_data and not re.search(r"url\(\s*['\"]?https?:", without_data)
    assert "default-src &#x27;none&#x27;" in page


def test_csp_allows_exactly_the_embedded_script(page):
    script = SCRIPT_BLOCK.search(page).group(1)
    assert f"script-src {script_hash(script)}".replace("'", "&#x27;") in page


def test_report_carries_every_store_record(page, store):
    data = embedded_data(page)
    gold = gold_records()
    assert len(data["articles"]) == len(gold) + 2  # + the hostile and the failed one
    assert len(data["events"]) == sum(len(g["events"]) for g, _ in gold) + 1
    assert {s["id"] for s in data["stories"]} >= {"story-2020-11-12_jpn-kor_vice-fm-phone-talks-0"}
    assert data["quad_labels"]["4"] == "Material conflict"


def test_same_store_and_timestamp_give_identical_files(store, page, tmp_path):
    again = build_report(store, tmp_path / "again.html", generated="2026-01-01 00:00 UTC")
    assert again.read_text(encoding="utf-8") == page


def test_title_is_escaped(store, tmp_path):
    out = build_report(store, tmp_path / "r.html", title="<i>Japan & Korea</i>")
    text = out.read_text(encoding="utf-8")
    assert "<title>&lt;i&gt;Japan &amp; Korea&lt;/i&gt;</title>" in text


def test_missing_store_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        build_report(tmp_path / "absent.duckdb", tmp_path / "r.html")


def test_output_folder_is_a_usage_error(store, tmp_path):
    with pytest.raises(UsageError, match="is a folder"):
        build_report(store, tmp_path)
