"""Versioned, transactional schema migrations.

Migrations are the numbered files `schema_v<N>.sql` next to this module. Each is applied once, in
order, inside its own transaction together with the version bump in `meta`, so a store is always at
exactly one schema version: a failed migration leaves the previous version intact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from newsevents.errors import StoreError

MIGRATION_FILE = re.compile(r"^schema_v(\d+)\.sql$")
VERSION_KEY = "schema_version"


@dataclass(frozen=True)
class Migration:
    """One numbered SQL file."""

    version: int
    name: str
    sql: str


def bundled_migrations() -> tuple[Migration, ...]:
    """The migration files shipped with the package, by version."""
    folder = resources.files("newsevents.store")
    found = []
    for entry in folder.iterdir():
        match = MIGRATION_FILE.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"migration files must be numbered 1..N without gaps, found {versions}")
    return tuple(found)


def latest_version() -> int:
    """The schema version this code writes."""
    return bundled_migrations()[-1].version


def current_version(con: Any) -> int:
    """The schema version of an open store (0 for an empty database)."""
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()[0]
    if not has_meta:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = ?", [VERSION_KEY]).fetchone()
    return int(row[0]) if row else 0


def migrate(con: Any, migrations: tuple[Migration, ...] | None = None) -> int:
    """Apply the pending migrations in order, one transaction each; return the new version."""
    migrations = bundled_migrations() if migrations is None else migrations
    version = current_version(con)
    newest = migrations[-1].version if migrations else 0
    if version > newest:
        raise StoreError(
            f"the store has schema version {version} but this newsevents knows only up to "
            f"{newest}; upgrade newsevents to open it"
        )
    for migration in migrations:
        if migration.version > version:
            _apply(con, migration)
            version = migration.version
    return version


def _apply(con: Any, migration: Migration) -> None:
    import duckdb

    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(migration.sql)
        con.execute(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)", [VERSION_KEY, str(migration.version)]
        )
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(
            f"migration {migration.name} failed ({exc}); the store stays at the previous version"
        ) from exc
