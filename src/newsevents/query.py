"""Query the store without SQL (filters), or with read-only SQL for everything else.

Filters combine with AND. Dates: an event matches `since`/`until` when its period (YYYY, YYYY-MM or
YYYY-MM-DD) overlaps the range; events without a date of their own use the article's
publication date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsevents.errors import StoreError, UsageError
from newsevents.store import Store, connect_read_only

EVENT_FIELDS = (
    "e.event_id", "e.doc_id", "e.type", "e.mode", "e.context", "e.source_text", "e.source_name",
    "e.source_country", "e.source_sector", "e.source_code", "e.target_text", "e.target_name",
    "e.target_country", "e.target_sector", "e.target_code", "e.dyad", "e.date", "e.date_text",
    "e.status", "e.background", "e.attributed_to", "e.evidence", "e.evidence_start",
    "e.evidence_end", "e.quad_class", "e.goldstein", "e.plover_score", "e.trigger", "e.main",
    "e.story_id", "e.confidence", "a.outlet", "a.outlet_country", "a.url", "a.title",
    "a.pub_date",
)
# The columns a terminal table shows (the dicts hold all of EVENT_FIELDS).
DISPLAY_COLUMNS = ("date", "type", "source_code", "target_code", "status", "outlet", "evidence")
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
EFFECTIVE_DATE = "COALESCE(e.date, a.pub_date)"
# A period's first and last day as comparable strings: "2019" spans "2019-00-00".."2019-99-99".
PERIOD_START = f"rpad({EFFECTIVE_DATE}, 10, '-00-00')"
PERIOD_END = f"rpad({EFFECTIVE_DATE}, 10, '-99-99')"


def _date_bound(value: str, name: str) -> str:
    if not DATE_PATTERN.match(value):
        raise UsageError(f"--{name} {value!r}: give a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _dyad_clause(dyad: str) -> tuple[str, list[Any]]:
    countries = [c.strip().upper() for c in re.split(r"[-_/ ,]", dyad) if c.strip()]
    if len(countries) == 1:
        return "(e.source_country = ? OR e.target_country = ?)", countries * 2
    if len(countries) == 2:
        a, b = countries
        return ("((e.source_country = ? AND e.target_country = ?) OR "
                "(e.source_country = ? AND e.target_country = ?))", [a, b, b, a])
    raise UsageError(f"--dyad {dyad!r}: give one or two country codes, e.g. JPN-KOR")


def _actor_clause(actor: str) -> tuple[str, list[Any]]:
    columns = [f"e.{side}_{f}" for side in ("source", "target")
               for f in ("text", "name", "code", "country")]
    return "(" + " OR ".join(f"{c} ILIKE ?" for c in columns) + ")", [f"%{actor}%"] * len(columns)


def _split(value: str | Sequence[str]) -> list[str]:
    items = value.split(",") if isinstance(value, str) else list(value)
    return [i.strip().upper() for i in items if i.strip()]


def build_filter(
    dyad: str | None = None,
    type: str | Sequence[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    outlet: str | None = None,
    story: str | None = None,
    background: bool | None = None,
) -> tuple[str, list[Any]]:
    """The WHERE clause (without the keyword) and its parameters for the given filters."""
    clauses: list[str] = []
    params: list[Any] = []
    if dyad:
        clause, values = _dyad_clause(dyad)
        clauses.append(clause)
        params += values
    if type:
        types = _split(type)
        clauses.append(f"upper(e.type) IN ({', '.join('?' * len(types))})")
        params += types
    if since:
        clauses.append(f"{PERIOD_END} >= rpad(?, 10, '-00-00')")
        params.append(_date_bound(since, "since"))
    if until:
        clauses.append(f"{PERIOD_START} <= rpad(?, 10, '-99-99')")
        params.append(_date_bound(until, "until"))
    if actor:
        clause, values = _actor_clause(actor)
        clauses.append(clause)
        params += values
    if outlet:
        clauses.append("a.outlet ILIKE ?")
        params.append(f"%{outlet}%")
    if story:
        clauses.append("e.story_id = ?")
        params.append(story)
    if background is not None:
        clauses.append("e.background = ?")
        params.append(background)
    return (" AND ".join(clauses) or "TRUE"), params


@contextmanager
def _connection(store_or_path: Store | str | Path) -> Any:
    if isinstance(store_or_path, Store):
        yield store_or_path.connection
        return
    con = connect_read_only(store_or_path)
    try:
        yield con
    finally:
        con.close()


def query_events(
    store_or_path: Store | str | Path,
    dyad: str | None = None,
    type: str | Sequence[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    outlet: str | None = None,
    story: str | None = None,
    background: bool | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Events matching every given filter, by date, as dicts (event columns + article's).

    `dyad` "JPN-KOR" matches either direction, "JPN" any event with Japan on one side; `type`
    is one PLOVER type or several ("ASSAULT,COERCE"); `actor` and `outlet` match
    case-insensitive substrings (actor text, name, code or country).
    """
    where, params = build_filter(dyad, type, since, until, actor, outlet, story, background)
    sql = (
        f"SELECT {', '.join(EVENT_FIELDS)} FROM events e LEFT JOIN articles a USING (doc_id) "
        f"WHERE {where} ORDER BY {EFFECTIVE_DATE} NULLS LAST, e.doc_id, e.seq, e.event_id"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    with _connection(store_or_path) as con:
        cursor = con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def run_sql(path: str | Path, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run `sql` on a read-only connection to the store: (column names, rows).

    The connection cannot change the store, attach other databases or write files; a statement
    that tries raises StoreError.
    """
    import duckdb

    con = connect_read_only(path)
    try:
        cursor = con.execute(sql)
        if cursor.description is None:
            return [], []
        return [d[0] for d in cursor.description], cursor.fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"query refused or failed: {exc}".splitlines()[0]) from exc
    finally:
        con.close()
