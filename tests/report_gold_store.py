"""Build realistic DuckDB stores for the report and timeline tests from the gold corpus.

Every gold article becomes an `articles` row (raw text, cleaned body, removed boilerplate lines with
offsets), every gold event an `events` row (evidence offsets located in the raw text). Articles that
share a gold `event_key` (two outlets reporting one happening) form a story: their mentions of the
same type between the same countries share a `story_id`, and a `stories` row carries each outlet's
account. Goldstein values per PLOVER type are the mean over the CAMEO codes mapped to that type,
read from the shared reference tables (CAMEO2PLOVER-2021 and the GDELT Goldstein table).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import pyarrow

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SCHEMA = ROOT / "src" / "newsevents" / "store" / "schema_v1.sql"
QUAD_OF_TYPE = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT"), 1),
    **dict.fromkeys(("CONCEDE", "COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
HOSTILE_ID = "zz-hostile-article"
HOSTILE_PAYLOAD = (
    'Officials met. <script>window.__xssRan = "script"</script> '
    '<img src="x" onerror="window.__xssRan = \'img\'"> </script><script>window.__xssRan=1</script>'
)


@lru_cache(maxsize=1)
def goldstein_by_type() -> dict[str, float]:
    """Mean Goldstein value of the CAMEO codes that CAMEO2PLOVER maps to each PLOVER type."""
    refdata = SHARED / "refdata"
    scale = {}
    for line in (refdata / "cameo" / "CAMEO.goldsteinscale.txt").read_text().splitlines()[1:]:
        code, _, value = line.partition("\t")
        if value.strip():
            scale[code.strip()] = float(value)
    values: dict[str, list[float]] = defaultdict(list)
    mapping = (refdata / "plover" / "CAMEO2PLOVER-2021.txt").read_text()
    for code, plover_type in re.findall(r"^(\d+):\s*([A-Z]+)", mapping, flags=re.M):
        if code in scale:
            values[plover_type].append(scale[code])
    return {t: round(sum(v) / len(v), 2) for t, v in values.items() if v}


def gold_records(sets: tuple[str, ...] = ("seeds", "dev", "dev2")) -> list[tuple[dict, str]]:
    """(gold record, raw text) for every article of the named corpus sets, by id."""
    records = []
    for name in sets:
        for path in sorted((CORPUS / name).glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            records.append((gold, path.with_suffix(".txt").read_text(encoding="utf-8")))
    return records


def _line_spans(raw: str) -> list[tuple[int, int, str]]:
    spans, pos = [], 0
    for line in raw.splitlines(keepends=True):
        text = line.rstrip("\r\n")
        spans.append((pos, pos + len(text), text))
        pos += len(line)
    return spans


def _article_row(gold: dict, raw: str) -> dict[str, Any]:
    boilerplate = set(gold.get("boilerplate_lines") or ())
    kept, removed = [], []
    inside = False
    for start, end, text in _line_spans(raw):
        inside = inside or text.strip() == gold["body_first_line"].strip()
        if text.strip() in boilerplate:
            removed.append({"text": text, "reason": "boilerplate", "start": start, "end": end})
        elif inside and text.strip():
            kept.append(text)
        elif text.strip():
            removed.append({"text": text, "reason": "outside-body", "start": start, "end": end})
        if text.strip() == gold["body_last_line"].strip():
            inside = False
    return {
        "doc_id": gold["id"], "run_id": "gold", "source_path": f"{gold['id']}.txt",
        "status": "ok", "error": None, "outlet": gold["outlet"], "outlet_country": None,
        "url": gold.get("url"), "title": kept[0] if kept else None,
        "pub_date": gold.get("pub_date"),
        "pub_date_source": "manifest" if gold.get("pub_date") else None,
        "dateline_place": None, "text": "\n\n".join(kept), "raw": raw,
        "removed_lines_json": json.dumps(removed), "truncated": False,
        "content_hash": str(abs(hash(raw)))[:12],
    }


def _actor_columns(side: str, actor: dict | None) -> dict[str, Any]:
    actor = actor or {}
    country, sector = actor.get("country"), actor.get("sector")
    return {
        f"{side}_text": actor.get("text"), f"{side}_name": actor.get("text"),
        f"{side}_country": country, f"{side}_sector": sector,
        f"{side}_code": f"{country or ''}{sector or ''}" or None,
    }


def _event_row(gold: dict, raw: str, index: int, event: dict) -> dict[str, Any]:
    start = raw.find(event["evidence"])
    goldstein = goldstein_by_type().get(event["type"])
    source, target = event.get("source") or {}, event.get("target") or {}
    countries = [c for c in (source.get("country"), target.get("country")) if c]
    return {
        "event_id": f"{gold['id']}#e{index}", "doc_id": gold["id"], "type": event["type"],
        "mode": event.get("mode"), "context": "",
        **_actor_columns("source", event.get("source")),
        **_actor_columns("target", event.get("target")),
        "dyad": "-".join(countries) if len(countries) == 2 else None,
        "date": event.get("date"), "date_text": None, "status": event["status"],
        "background": event["background"], "attributed_to": event.get("attributed_to"),
        "evidence": event["evidence"], "evidence_start": start,
        "evidence_end": start + len(event["evidence"]) if start >= 0 else -1,
        "quad_class": QUAD_OF_TYPE[event["type"]], "goldstein": goldstein,
        "plover_score": None if goldstein is None else round(goldstein / 2, 2),
        "trigger": None, "main": event["main"], "story_id": None, "confidence": 0.9,
    }


def _happening_key(row: dict[str, Any]) -> tuple:
    pair = tuple(sorted(c for c in (row["source_country"], row["target_country"]) if c))
    return row["type"], pair, row["background"]


def _link(articles: dict[str, dict], events: list[dict], keys: dict[str, str]) -> list[dict]:
    """Give mentions of one happening in articles that share an event_key one story."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for doc_id, key in keys.items():
        by_key[key].append(doc_id)
    stories = []
    for key, doc_ids in sorted(by_key.items()):
        if len(doc_ids) < 2:
            continue
        groups: dict[tuple, list[dict]] = defaultdict(list)
        for row in events:
            if row["doc_id"] in doc_ids:
                groups[_happening_key(row)].append(row)
        for number, mentions in enumerate(groups.values()):
            if len({m["doc_id"] for m in mentions}) < 2:
                continue
            story_id = f"story-{key}-{number}"
            for m in mentions:
                m["story_id"] = story_id
            stories.append(_story_row(story_id, mentions, articles))
    return stories


def _story_row(story_id: str, mentions: list[dict], articles: dict[str, dict]) -> dict:
    docs = sorted({m["doc_id"] for m in mentions})
    pair = sorted({c for m in mentions for c in (m["source_country"], m["target_country"]) if c})
    dates = sorted(m["date"] for m in mentions if m["date"])
    pub_dates = sorted(articles[d]["pub_date"] for d in docs if articles[d]["pub_date"])
    accounts = []
    for doc in docs:
        own = [m for m in mentions if m["doc_id"] == doc]
        accounts.append({
            "outlet": articles[doc]["outlet"], "outlet_country": None, "doc_ids": [doc],
            "only_here": [m["event_id"] for m in own if m["attributed_to"]],
            "summary": [f"{m['type']} {m['source_country']}->{m['target_country']}: "
                        f"{m['evidence'][:90]}" for m in own],
        })
    return {
        "story_id": story_id, "type": mentions[0]["type"], "dyad": "-".join(pair) or None,
        "date": dates[0] if dates else None, "first_reported": pub_dates[0] if pub_dates else None,
        "n_mentions": len(mentions),
        "outlets": json.dumps(sorted({articles[d]["outlet"] for d in docs})),
        "doc_ids": json.dumps(docs), "event_ids": json.dumps([m["event_id"] for m in mentions]),
        "background": all(m["background"] for m in mentions), "accounts_json": json.dumps(accounts),
    }


def _insert(con: Any, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = ", ".join(rows[0])
    con.register("incoming", pyarrow.Table.from_pylist(rows))  # one bulk insert, not row by row
    con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming")
    con.unregister("incoming")


def hostile_rows() -> tuple[dict[str, Any], dict[str, Any]]:
    """An article (and one event) whose every text field carries script and onerror payloads."""
    raw = f"{HOSTILE_PAYLOAD}\nSubscribe now {HOSTILE_PAYLOAD}\nJapan urged South Korea to act."
    evidence = "Japan urged South Korea to act."
    article = {
        "doc_id": HOSTILE_ID, "run_id": "gold", "source_path": f"{HOSTILE_PAYLOAD}.txt",
        "status": "ok", "error": None, "outlet": f"Evil <b>Outlet</b>{HOSTILE_PAYLOAD}",
        "outlet_country": None, "url": "javascript:window.__xssRan='url'",
        "title": HOSTILE_PAYLOAD, "pub_date": "2020-11-13", "pub_date_source": "manifest",
        "dateline_place": HOSTILE_PAYLOAD, "text": raw, "raw": raw,
        "removed_lines_json": json.dumps([{"text": raw.splitlines()[1], "reason": HOSTILE_PAYLOAD,
                                           "start": raw.index("Subscribe"),
                                           "end": raw.index("Subscribe") + len(raw.splitlines()[1])}]),
        "truncated": False, "content_hash": "hostile",
    }
    event = {
        "event_id": HOSTILE_ID + "#e0", "doc_id": HOSTILE_ID, "type": "REQUEST", "mode": None,
        "context": "", **_actor_columns("source", {"text": HOSTILE_PAYLOAD, "country": "JPN",
                                                    "sector": "GOV"}),
        **_actor_columns("target", {"text": "South Korea", "country": "KOR", "sector": "GOV"}),
        "dyad": "JPN-KOR", "date": "2020-11-13", "date_text": HOSTILE_PAYLOAD,
        "status": "occurred", "background": False, "attributed_to": HOSTILE_PAYLOAD,
        "evidence": evidence, "evidence_start": raw.index(evidence),
        "evidence_end": raw.index(evidence) + len(evidence), "quad_class": 3,
        "goldstein": goldstein_by_type()["REQUEST"], "plover_score": 1.0, "trigger": "urged",
        "main": True, "story_id": None, "confidence": 0.8,
    }
    return article, event


FAILED_ID = "zz-failed-article"
FAILED_ERROR = "clean: no article text left after removing boilerplate"


def failed_row() -> dict[str, Any]:
    """An input the pipeline rejected: only its id, path, status and error are stored."""
    columns = _article_row({"id": FAILED_ID, "outlet": None, "body_first_line": "x",
                            "body_last_line": "x"}, "")
    return {**{k: None for k in columns}, "doc_id": FAILED_ID, "run_id": "gold",
            "source_path": "inputs/empty-page.html", "status": "error", "error": FAILED_ERROR,
            "truncated": False}


def build_gold_store(path: Path, sets: tuple[str, ...] = ("seeds", "dev", "dev2"),
                     hostile: bool = False) -> Path:
    """Create a schema-v1 store at `path` holding the gold articles, events and stories."""
    articles, events, keys = {}, [], {}
    for gold, raw in gold_records(sets):
        articles[gold["id"]] = _article_row(gold, raw)
        keys[gold["id"]] = gold["event_key"]
        events += [_event_row(gold, raw, i, e) for i, e in enumerate(gold["events"])]
    stories = _link(articles, events, keys)
    if hostile:  # and a failed input, so the report shows an error
        article, event = hostile_rows()
        articles[article["doc_id"]] = article
        events.append(event)
        articles[FAILED_ID] = failed_row()
    con = duckdb.connect(str(path))
    try:
        con.execute(SCHEMA.read_text(encoding="utf-8"))
        _insert(con, "articles", list(articles.values()))
        _insert(con, "events", events)
        _insert(con, "stories", stories)
    finally:
        con.close()
    return path
