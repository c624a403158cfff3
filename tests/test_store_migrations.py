"""Store: versioned, transactional migrations."""

from __future__ import annotations

import duckdb
import pytest

from newsevents.errors import StoreError
from newsevents.store import open_store
from newsevents.store.migrate import (
    Migration,
    bundled_migrations,
    current_version,
    latest_version,
    migrate,
)


def test_new_store_is_at_the_latest_version(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.schema_version == latest_version() == len(bundled_migrations())


def test_v1_store_is_migrated_keeping_its_rows(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    migrate(con, bundled_migrations()[:1])
    con.execute("INSERT INTO articles (doc_id, status, text) VALUES ('a', 'ok', 'body')")
    con.close()
    with open_store(path) as store:
        assert store.schema_version == latest_version()
        row = store.connection.execute("SELECT doc_id, text, body_lines_json FROM articles")
        assert row.fetchall() == [("a", "body", None)]


def test_failed_migration_leaves_the_previous_version(tmp_path):
    con = duckdb.connect(str(tmp_path / "s.duckdb"))
    migrate(con, bundled_migrations()[:1])
    broken = Migration(2, "schema_v2.sql",
                       "ALTER TABLE articles ADD COLUMN extra VARCHAR; SELECT * FROM no_such_table;")
    with pytest.raises(StoreError, match="schema_v2.sql"):
        migrate(con, (*bundled_migrations()[:1], broken))
    assert current_version(con) == 1
    columns = {r[0] for r in con.execute("DESCRIBE articles").fetchall()}
    assert "extra" not in columns


def test_store_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "s.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="upgrade newsevents"):
        open_store(path)


def test_read_only_open_of_an_old_store_says_how_to_migrate(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    migrate(con, bundled_migrations()[:1])
    con.close()
    with pytest.raises(StoreError, match="migrate"):
        open_store(path, read_only=True)


def test_v1_tables_and_columns_are_kept(tmp_path):
    """schema_v1 is the contract with reporting: later migrations only add."""
    v1 = duckdb.connect()
    migrate(v1, bundled_migrations()[:1])
    with open_store(tmp_path / "s.duckdb") as store:
        for table in ("meta", "runs", "articles", "events", "stories"):
            old = v1.execute(f"DESCRIBE {table}").fetchall()
            new = store.connection.execute(f"DESCRIBE {table}").fetchall()
            assert [c[:2] for c in old] == [c[:2] for c in new][: len(old)]


def test_read_only_open_of_a_newer_store_says_to_upgrade(tmp_path):
    path = tmp_path / "s.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="upgrade newsevents"):
        open_store(path, read_only=True)


def test_store_folder_is_created(tmp_path):
    path = tmp_path / "new" / "folder" / "s.duckdb"
    with open_store(path) as store:
        assert store.schema_version == latest_version()
    assert path.exists()
