"""Query: read-only SQL cannot change the store."""

from __future__ import annotations

import pytest

from newsevents.errors import StoreError
from newsevents.query import run_sql
from newsevents.store import open_store
from storekit import gold_results


@pytest.fixture(scope="module")
def db(tmp_path_factory, corpus_dir):
    path = tmp_path_factory.mktemp("sql") / "s.duckdb"
    with open_store(path) as store:
        store.write_articles(gold_results(corpus_dir / "seeds"), store.start_run())
    return path


def test_select_returns_columns_and_rows(db):
    columns, rows = run_sql(db, "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY 1")
    assert columns == ["type", "n"]
    assert rows and all(isinstance(n, int) for _, n in rows)


@pytest.mark.parametrize("statement", [
    "INSERT INTO events (event_id) VALUES ('forged')",
    "DELETE FROM events",
    "UPDATE articles SET outlet = 'x'",
    "DROP TABLE stories",
    "CREATE TABLE t (x INTEGER)",
])
def test_writes_are_refused(db, statement):
    before = run_sql(db, "SELECT count(*) FROM events")[1]
    with pytest.raises(StoreError):
        run_sql(db, statement)
    assert run_sql(db, "SELECT count(*) FROM events")[1] == before
    assert run_sql(db, "SELECT count(*) FROM articles WHERE outlet = 'x'")[1] == [(0,)]


def test_files_outside_the_store_cannot_be_written(db, tmp_path):
    target = tmp_path / "leak.csv"
    with pytest.raises(StoreError):
        run_sql(db, f"COPY events TO '{target}'")
    assert not target.exists()
