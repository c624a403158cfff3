"""Reading a schema-v1 store into records for the report."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsevents.errors import StoreError
from newsevents.report import load_snapshot
from report_gold_store import SCHEMA, build_gold_store, gold_records


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_gold_store(tmp_path_factory.mktemp("store") / "gold.duckdb", sets=("seeds",))


def test_snapshot_holds_every_article_and_event(store):
    snapshot = load_snapshot(store)
    gold = gold_records(("seeds",))
    assert len(snapshot.articles) == len(gold)
    assert len(snapshot.events) == sum(len(g["events"]) for g, _ in gold)


def test_events_come_back_as_records_with_actors_and_flags(store):
    events = {e.event_id: e for e in load_snapshot(store).events}
    first = events["yonhap_2019-10-24_lee-abe-talks#e0"]
    assert first.main and first.type == "CONSULT"
    assert first.source.country == "KOR" and first.target.country == "JPN"
    assert any(e.background for e in events.values())


def test_stories_come_back_with_accounts(store):
    stories = load_snapshot(store).stories
    phone = [s for s in stories if s.story_id.startswith("story-2020-11-12_jpn-kor")]
    assert phone and all(len(s.accounts) == 2 for s in phone)
    assert {a.outlet for a in phone[0].accounts} == {"Kyodo", "Yonhap"}


def test_removed_lines_and_pub_date_source_are_read(store):
    article = next(a for a in load_snapshot(store).articles
                   if a.doc_id == "kyodo_2019-09-27_motegi-kang-nyc")
    assert article.pub_date == "2019-09-27" and article.pub_date_source == "manifest"
    assert [r.text for r in article.removed_lines if r.reason == "boilerplate"] == ["27, Sep. 2019"]


def test_without_text_leaves_out_article_texts(store):
    articles = load_snapshot(store, with_text=False).articles
    assert all(a.raw is None and a.text is None for a in articles)
    assert all(a.pub_date for a in articles)


def test_broken_accounts_json_is_a_store_error(tmp_path):
    path = tmp_path / "broken.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute(SCHEMA.read_text())
        con.execute("INSERT INTO stories (story_id, accounts_json) VALUES ('s1', '{not json')")
    with pytest.raises(StoreError, match="accounts_json of story s1"):
        load_snapshot(path)


def test_store_without_the_tables_is_a_store_error(tmp_path):
    path = tmp_path / "empty.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="lacks table 'articles'"):
        load_snapshot(path)
