"""The report reads what the store writes: records saved through `newsevents.store` come back.

Two outlets' real articles (the Kyodo and Yonhap reports of the 2020-11-12 vice-ministerial phone
talks) are turned into records by hand, written with the store's own writer (latest schema), linked
into one story, and read back by the report's loader and payload builder.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsevents.records import (
    Account,
    ActorRef,
    Article,
    ArticleResult,
    Event,
    Line,
    Rejection,
    RemovedLine,
    Story,
)
from newsevents.report import build_payload, build_report, load_snapshot
from newsevents.report.labels import load_quad_labels
from newsevents.store import open_store
from newsevents.timeline import dyad_timeline

DOCS = {"Kyodo": "kyodo_2020-11-12_vice-fm-phone", "Yonhap": "yonhap_2020-11-12_vice-fm-phone"}
EVIDENCE = {
    "Kyodo": "Senior officials from Japan and South Korea agreed Thursday over the telephone",
    "Yonhap": "The vice foreign ministers of South Korea and Japan spoke over the phone",
}


def article(corpus: Path, outlet: str) -> tuple[Article, Event]:
    doc_id = DOCS[outlet]
    raw = (corpus / "seeds" / f"{doc_id}.txt").read_text(encoding="utf-8")
    gold = json.loads((corpus / "seeds" / f"{doc_id}.json").read_text(encoding="utf-8"))
    lines = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", raw)]
    boilerplate = set(gold["boilerplate_lines"])
    body = tuple(Line(s, e, t) for s, e, t in lines if t not in boilerplate)
    removed = tuple(RemovedLine(s, e, t, "boilerplate") for s, e, t in lines if t in boilerplate)
    sentence_start = raw.index(EVIDENCE[outlet])
    sentence_end = raw.index(".", sentence_start) + 1
    record = Article(doc_id=doc_id, source_path=f"{doc_id}.txt", raw=raw, body_lines=body,
                     removed_lines=removed, title=body[0].text, outlet=outlet,
                     outlet_country="JPN" if outlet == "Kyodo" else "KOR",
                     pub_date="2020-11-12", pub_date_source="manifest",
                     content_hash=f"hash-{doc_id}")
    event = Event(
        event_id=f"{doc_id}:0", doc_id=doc_id, type="CONSULT", mode="phone", context=(),
        source=ActorRef("Japan", country="JPN", sector="GOV", code="JPNGOV"),
        target=ActorRef("South Korea", country="KOR", sector="GOV", code="KORGOV"),
        date="2020-11-12", date_text="Thursday", status="occurred", background=False,
        attributed_to=None, evidence=raw[sentence_start:sentence_end],
        evidence_start=sentence_start, evidence_end=sentence_end, quad_class=1, goldstein=1.0,
        plover_score=2.0, main=True, story_id="s-phone",
    )
    return record, event


@pytest.fixture(scope="module")
def store(corpus_dir, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "written.duckdb"
    results, events = [], []
    for outlet in DOCS:
        record, event = article(corpus_dir, outlet)
        results.append(ArticleResult(record.doc_id, record.source_path, record, (event,)))
        events.append(event)
    failed = Rejection("broken", "broken.html", "ingest", "not UTF-8 text")
    results.append(ArticleResult("broken", "broken.html", None, (), failed))
    accounts = tuple(Account(outlet, None, (DOCS[outlet],), (), (f"CONSULT {outlet}",))
                     for outlet in DOCS)
    story = Story("s-phone", "CONSULT", "JPN-KOR", "2020-11-12", "2020-11-12", 2,
                  tuple(DOCS), tuple(DOCS.values()), tuple(e.event_id for e in events),
                  accounts=accounts)
    with open_store(path) as opened:
        run_id = opened.start_run()
        opened.write_articles(results, run_id)
        opened.write_stories([story], events)
    return path


def test_written_records_come_back_for_the_report(store):
    snapshot = load_snapshot(store)
    assert {a.doc_id for a in snapshot.articles} == {*DOCS.values(), "broken"}
    broken = next(a for a in snapshot.articles if a.doc_id == "broken")
    assert broken.status == "error" and "not UTF-8" in (broken.error or "")
    (story,) = snapshot.stories
    assert {a.outlet for a in story.accounts} == set(DOCS)
    assert all(e.story_id == "s-phone" for e in snapshot.events)


def test_evidence_and_removed_lines_are_located_in_written_articles(store):
    payload = build_payload(load_snapshot(store), load_quad_labels(), "t", "now", "x")
    for event in payload["events"]:
        assert event["ev_exact"], event["id"]
    kyodo = next(a for a in payload["articles"] if a["id"] == DOCS["Kyodo"])
    assert kyodo["removed"] and all(r["start"] >= 0 for r in kyodo["removed"])


def test_report_and_timeline_from_a_written_store(store, tmp_path):
    page = build_report(store, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "s-phone" in page
    (row,) = dyad_timeline(store, "KOR-JPN", freq="week")
    assert (row.period, row.n_events, row.n_mentions) == ("2020-W46", 1, 2)
