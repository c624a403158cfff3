"""Export the store's events in formats existing analysis code reads.

Exporters are registered by name (`EXPORTERS`); each writes one file and returns its row count:

- jsonl    one event a line: the `events.jsonl` shape plus outlet, url, title and pub_date;
- csv      the flat event columns (as `query`) with a header row;
- parquet  the same columns via DuckDB COPY (no pyarrow needed);
- gdelt    GDELT 2.0 event-table columns, tab-separated with a header row, one row per story
           (its representative mention) plus one per unlinked event, like GDELT's deduplicated
           events; NumMentions/NumSources/NumArticles come from the story;
- plover   PLOVER JSON (the field names of the PLOVER manual's data-fields chapter, plus POLECAT's
           `event_type`), one event mention a line.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import datetime
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from newsevents.errors import UsageError
from newsevents.knowledge.ontology import TypeInfo, intention_type, load_ontology
from newsevents.knowledge.tables import read_tables
from newsevents.query import EVENT_FIELDS
from newsevents.records import event_json
from newsevents.store import open_store, rows

FETCH = 5000


# --------------------------------------------------------------------------- CAMEO codes


@dataclass(frozen=True)
class CameoCodes:
    """PLOVER type (and mode) -> the CAMEO code GDELT readers expect, from the ontology tables.

    `cameo_plover.tsv` maps CAMEO codes to PLOVER type and mode; an event whose mode names a set
    of CAMEO codes gets their common prefix (e.g. ASSAULT/heavy-weapons -> 19), otherwise its
    type's representative code from `plover_types.tsv`.
    """

    by_type: Mapping[str, str]
    by_type_mode: Mapping[tuple[str, str], str]
    types: Mapping[str, TypeInfo] = field(default_factory=lambda: MappingProxyType({}))

    def plover_type(self, event_type: str, status: str) -> str:
        """The type under PLOVER's coding rules (a planned visit is AGREE): see
        `Ontology.plover_type`."""
        return intention_type(event_type, status, self.types)

    def code_of(self, event_type: str, mode: str | None) -> str | None:
        """The CAMEO code (2-4 digits) standing for this type and mode, if known."""
        if mode and (event_type, mode) in self.by_type_mode:
            return self.by_type_mode[(event_type, mode)]
        return self.by_type.get(event_type)


def _common_prefix(codes: list[str]) -> str:
    prefix = codes[0]
    for code in codes[1:]:
        while not code.startswith(prefix):
            prefix = prefix[:-1]
    return prefix


def load_cameo_codes(kb_dirs: tuple[str | Path, ...] = ()) -> CameoCodes:
    """Read the CAMEO tables from the bundled data folder and `kb_dirs`."""
    dirs = (Path(str(resources.files("newsevents") / "data")), *(Path(d) for d in kb_dirs))
    by_type = {r["type"].upper(): r["cameo"] for r in read_tables(dirs, "plover_types.tsv")
               if r.get("cameo")}
    grouped: dict[tuple[str, str], list[str]] = {}
    for row in read_tables(dirs, "cameo_plover.tsv"):
        if row.get("type") and row.get("mode"):
            grouped.setdefault((row["type"].upper(), row["mode"]), []).append(row["cameo"])
    by_mode = {key: prefix for key, codes in grouped.items()
               if len(prefix := _common_prefix(sorted(codes))) >= 2}
    types = load_ontology(dirs).types
    return CameoCodes(MappingProxyType(by_type), MappingProxyType(by_mode), types)


# --------------------------------------------------------------------------- helpers


def _rows(con: Any, sql: str, params: list[Any] | None = None) -> Iterator[dict[str, Any]]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(FETCH):
        for values in batch:
            yield dict(zip(names, values, strict=True))


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


FLAT_SELECT = (
    f"SELECT {', '.join(EVENT_FIELDS)} FROM events e LEFT JOIN articles a USING (doc_id) "
    "ORDER BY a.seq, e.seq, e.event_id"
)


def _write_lines(out: Path, items: Iterator[dict[str, Any]]) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
            count += 1
    return count


def _count(con: Any) -> int:
    return con.execute("SELECT count(*) FROM events").fetchone()[0]


# --------------------------------------------------------------------------- plain formats


def export_jsonl(con: Any, out: Path, codes: CameoCodes) -> int:
    """Events in the `events.jsonl` shape, with their article's outlet, url, title, pub_date."""
    sql = ("SELECT e.*, a.outlet, a.url, a.title, a.pub_date FROM events e "
           "LEFT JOIN articles a USING (doc_id) ORDER BY a.seq, e.seq, e.event_id")

    def lines() -> Iterator[dict[str, Any]]:
        for row in _rows(con, sql):
            item = event_json(rows.event_from_row(row))
            item.update({k: row[k] for k in ("outlet", "url", "title", "pub_date")})
            yield item

    return _write_lines(out, lines())


def export_csv(con: Any, out: Path, codes: CameoCodes) -> int:
    """The flat event columns as CSV with a header row."""
    con.execute(f"COPY ({FLAT_SELECT}) TO {_sql_path(out)} (FORMAT csv, HEADER)")
    return _count(con)


def export_parquet(con: Any, out: Path, codes: CameoCodes) -> int:
    """The flat event columns as Parquet (written by DuckDB)."""
    con.execute(f"COPY ({FLAT_SELECT}) TO {_sql_path(out)} (FORMAT parquet)")
    return _count(con)


# --------------------------------------------------------------------------- GDELT

_ACTOR_COLUMNS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                  "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_COLUMNS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
                "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR_COLUMNS), *(f"Actor2{c}" for c in _ACTOR_COLUMNS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO_COLUMNS), *(f"Actor2Geo_{c}" for c in _GEO_COLUMNS),
    *(f"ActionGeo_{c}" for c in _GEO_COLUMNS), "DATEADDED", "SOURCEURL",
)

# One row per story: its representative mention is the main event of the earliest report,
# then the most confident; events not linked to a story stand alone.
GDELT_SELECT = """
SELECT e.*, a.url, a.outlet, a.pub_date, r.started_at AS added_at,
       s.n_mentions, s.outlets AS story_outlets, s.doc_ids AS story_docs
FROM events e
LEFT JOIN articles a USING (doc_id)
LEFT JOIN runs r ON r.run_id = a.run_id
LEFT JOIN stories s ON s.story_id = e.story_id
QUALIFY row_number() OVER (
    PARTITION BY coalesce(e.story_id, e.event_id)
    ORDER BY e.main DESC, a.pub_date ASC NULLS LAST, e.confidence DESC, e.event_id) = 1
ORDER BY coalesce(e.date, a.pub_date) NULLS LAST, e.event_id
"""


def global_event_id(key: str) -> int:
    """A stable positive integer id (GDELT's GLOBALEVENTID is numeric) for an event or story."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:15], 16)


def _event_day(row: Mapping[str, Any]) -> str | None:
    """The event's date as YYYY-MM-DD: its own (coarse dates take the first day), else pub_date."""
    own = row["date"]
    if own:
        return own + "-01-01"[len(own) - 4:]
    return row["pub_date"]


def _date_columns(day: str | None) -> tuple[Any, ...]:
    if not day:
        return ("", "", "", "")
    try:
        parsed = Date.fromisoformat(day)
    except ValueError:
        return ("", "", "", "")
    fraction = parsed.year + (parsed.timetuple().tm_yday - 1) / 365
    return (parsed.strftime("%Y%m%d"), parsed.strftime("%Y%m"), parsed.year, f"{fraction:.4f}")


def _gdelt_actor(row: Mapping[str, Any], side: str) -> tuple[Any, ...]:
    code, country = row[f"{side}_code"], row[f"{side}_country"]
    name = row[f"{side}_name"] or row[f"{side}_text"]
    group = code if code and not country else ""
    return (code or "", (name or "").upper(), country or "", group, "", "", "",
            row[f"{side}_sector"] or "", "", "")


def _gdelt_event_codes(row: Mapping[str, Any], codes: CameoCodes) -> tuple[str, str, str]:
    code = codes.code_of(row["type"], row["mode"])
    if not code:
        return (row["type"], "", "")  # no mapping: keep the PLOVER type visible
    full = code if len(code) >= 3 else code + "0"
    return (full, full[:3], code[:2])


def _story_count(value: str | None) -> int:
    return len(json.loads(value)) if value else 1


def gdelt_row(row: Mapping[str, Any], codes: CameoCodes) -> tuple[Any, ...]:
    """One GDELT 2.0 event-table row for a stored event (with its story and run joined)."""
    added: datetime | None = row["added_at"]
    goldstein = row["goldstein"]
    geo_blank = ("",) * len(_GEO_COLUMNS)
    return (
        global_event_id(row["story_id"] or row["event_id"]),
        *_date_columns(_event_day(row)),
        *_gdelt_actor(row, "source"), *_gdelt_actor(row, "target"),
        int(bool(row["main"])), *_gdelt_event_codes(row, codes),
        row["quad_class"] if row["quad_class"] is not None else "",
        "" if goldstein is None else goldstein,
        row["n_mentions"] or 1, _story_count(row["story_outlets"]),
        _story_count(row["story_docs"]), "",
        *geo_blank, *geo_blank, *geo_blank,
        added.strftime("%Y%m%d%H%M%S") if added else "",
        row["url"] or row["outlet"] or row["doc_id"],
    )


def export_gdelt(con: Any, out: Path, codes: CameoCodes) -> int:
    """GDELT 2.0 event-table rows (tab-separated, header row), one per story or lone event."""
    count = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(GDELT_COLUMNS)
        for row in _rows(con, GDELT_SELECT):
            writer.writerow(gdelt_row(row, codes))
            count += 1
    return count


# --------------------------------------------------------------------------- PLOVER


def _entity(row: Mapping[str, Any], side: str) -> list[dict[str, Any]]:
    values = {f: row[f"{side}_{f}"] for f in ("code", "text", "name", "country", "sector")}
    if all(v is None for v in values.values()):
        return []
    values["start"], values["end"] = row[f"{side}_start"], row[f"{side}_end"]
    return [values]


def plover_record(row: Mapping[str, Any], codes: CameoCodes) -> dict[str, Any]:
    """One event mention as PLOVER JSON.

    `event_type` follows PLOVER's coding rules, under which a stated intention is coded by its
    kind (a planned visit is AGREE, a planned strike THREATEN); `act_type` keeps our record's type
    of the act itself, with `status` saying it is planned.
    """
    added: datetime | None = row["added_at"]
    plover_type = codes.plover_type(row["type"], row["status"])
    return {
        "id": row["event_id"],
        "date": row["date"],
        "date_text": row["date_text"],
        "actor": _entity(row, "source"),
        "recipient": _entity(row, "target"),
        "event": [plover_type],
        "event_type": plover_type,
        "act_type": row["type"],
        "mode": [row["mode"]] if row["mode"] else [],
        "context": [c for c in (row["context"] or "").split(",") if c],
        **_scores(row, plover_type, codes),
        "status": row["status"],
        "background": row["background"],
        "attributed_to": row["attributed_to"],
        "confidence": row["confidence"],
        "link": row["story_id"],
        "event_text": [row["trigger"]] if row["trigger"] else [],
        "text": row["evidence"],
        "text_info": {"doc_id": row["doc_id"], "start": row["evidence_start"],
                      "end": row["evidence_end"], "title": row["title"]},
        "cite_info": {"url": row["url"], "outlet": row["outlet"],
                      "outlet_country": row["outlet_country"], "pub_date": row["pub_date"]},
        "coder": "newsevents",
        "coded_date": added.date().isoformat() if added else None,
    }


def _scores(row: Mapping[str, Any], plover_type: str, codes: CameoCodes) -> dict[str, Any]:
    """Quad class, PLOVER score, Goldstein score and CAMEO code of the record's PLOVER type: the
    act's own when the type is unchanged, else the PLOVER type's defaults."""
    info = codes.types.get(plover_type)
    if plover_type == row["type"] or info is None:
        return {"quad_code": row["quad_class"], "event_scale": row["plover_score"],
                "goldstein": row["goldstein"], "cameo": codes.code_of(row["type"], row["mode"])}
    return {"quad_code": info.quad, "event_scale": info.plover_score,
            "goldstein": info.default_goldstein, "cameo": codes.code_of(plover_type, None)}


PLOVER_SELECT = (
    "SELECT e.*, a.url, a.outlet, a.outlet_country, a.title, a.pub_date, "
    "r.started_at AS added_at FROM events e LEFT JOIN articles a USING (doc_id) "
    "LEFT JOIN runs r ON r.run_id = a.run_id ORDER BY a.seq, e.seq, e.event_id"
)


def export_plover(con: Any, out: Path, codes: CameoCodes) -> int:
    """PLOVER JSON lines, one event mention each."""
    return _write_lines(out, (plover_record(r, codes) for r in _rows(con, PLOVER_SELECT)))


# --------------------------------------------------------------------------- registry

Exporter = Callable[[Any, Path, CameoCodes], int]
EXPORTERS: Mapping[str, Exporter] = MappingProxyType({
    "jsonl": export_jsonl,
    "csv": export_csv,
    "parquet": export_parquet,
    "gdelt": export_gdelt,
    "plover": export_plover,
})


def export(path: str | Path, fmt: str, out: str | Path, kb_dirs: tuple[str, ...] = ()) -> int:
    """Write the events of the store at `path` to `out` in format `fmt`; return the row count."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise UsageError(f"unknown export format '{fmt}'; choose one of {', '.join(EXPORTERS)}")
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    codes = load_cameo_codes(kb_dirs)
    with open_store(path, read_only=True) as store:
        return exporter(store.connection, target, codes)
