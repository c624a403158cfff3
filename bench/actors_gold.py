"""Measure actor resolution against the gold events of the shared corpus.

For each gold event in ../shared/corpus/*/*.json: parse the article (built directly from the .txt,
outlet country guessed from the manifest outlet through data/outlets.tsv), find the gold
source/target text inside the evidence sentence, call `resolve_span` on it and compare country
and sector with gold. Prints, per set and overall: country accuracy, sector accuracy, the ordered
(source, target) country pair, and the main event's dyad; with --errors, every miss.

Usage: .venv/bin/python bench/actors_gold.py [--errors] [CORPUS_DIR]
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsevents.actors import find_actors, resolve_span  # noqa: E402
from newsevents.knowledge.actorkb import load_actor_kb  # noqa: E402
from newsevents.knowledge.tables import read_table, split_multi  # noqa: E402
from newsevents.nlp import load_pipeline, parse  # noqa: E402
from newsevents.options import Options  # noqa: E402
from newsevents.records import Article, Line  # noqa: E402

DATA = ROOT / "src" / "newsevents" / "data"


def outlet_countries() -> dict[str, str]:
    """Outlet name or alias (lower case) -> ISO3, from data/outlets.tsv."""
    table: dict[str, str] = {}
    path = DATA / "outlets.tsv"
    if path.exists():
        for row in read_table(path):
            for name in (row.get("name", ""), *split_multi(row.get("aliases", ""))):
                if name and row.get("country"):
                    table[name.lower()] = row["country"]
    return table


def guess_outlet_country(outlet: str | None, table: dict[str, str]) -> str | None:
    """The manifest outlet ("CNA (AFP)") -> its home country, trying the main name first."""
    if not outlet:
        return None
    main = outlet.split("(")[0].strip().lower()
    candidates = [main, main.removeprefix("the ").strip(), outlet.lower()]
    for name in candidates:
        if name in table:
            return table[name]
    for name, country in sorted(table.items(), key=lambda kv: -len(kv[0])):
        if len(name) > 3 and name in main:
            return country
    return None


def manifest(folder: Path) -> dict[str, dict]:
    path = folder / "manifest.jsonl"
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return {row["doc_id"]: row for row in rows}


def build_article(txt: Path, meta: dict, outlets: dict[str, str]) -> Article:
    text = txt.read_text(encoding="utf-8")
    return Article(doc_id=txt.stem, source_path=str(txt), raw=text,
                   body_lines=(Line(0, len(text), text),), outlet=meta.get("outlet"),
                   outlet_country=guess_outlet_country(meta.get("outlet"), outlets),
                   pub_date=meta.get("pub_date"))


def token_span(doc, text: str, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def locate(raw: str, evidence: str, phrase: str) -> tuple[int, int] | None:
    """Character offsets of `phrase` inside the evidence sentence of `raw`."""
    at = raw.find(evidence)
    if at < 0:
        return None
    match = re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", evidence)
    inner = match.start() if match else evidence.find(phrase)
    if inner < 0:
        return None
    return at + inner, at + inner + len(phrase)


def main(argv: list[str]) -> int:
    show_errors = "--errors" in argv
    args = [a for a in argv[1:] if not a.startswith("--")]
    corpus = Path(args[0]) if args else ROOT.parent / "shared" / "corpus"
    kb = load_actor_kb([DATA])
    nlp = load_pipeline(Options().model)
    outlets = outlet_countries()
    stats: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors: list[str] = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        meta_rows = manifest(folder)
        for gold_path in sorted(folder.glob("*.json")):
            txt = gold_path.with_suffix(".txt")
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            article = build_article(txt, meta_rows.get(gold_path.stem, gold), outlets)
            parsed = parse(article, nlp)
            mentions = find_actors(parsed, kb)
            for event in gold["events"]:
                _score_event(parsed, mentions, kb, event, stats[folder.name], errors,
                             gold_path.stem)
    _report(stats)
    if show_errors:
        print("\n".join(errors))
    return 0


def _score_event(parsed, mentions, kb, event, stats, errors, doc_id) -> None:
    found = {}
    for role in ("source", "target"):
        gold = event.get(role)
        if not gold or not gold.get("text") or not gold.get("country") and not gold.get("sector"):
            continue
        where = locate(parsed.article.raw, event["evidence"], gold["text"])
        if where is None:
            stats["unlocated"] += 1
            continue
        span = token_span(parsed.doc, gold["text"], *where)
        if span is None:
            stats["unlocated"] += 1
            continue
        ref = resolve_span(parsed, mentions, span[0], span[1], kb)
        country = ref.country if ref else None
        sector = ref.sector if ref else None
        found[role] = country
        stats["actors"] += 1
        stats["country_ok"] += country == gold.get("country")
        stats["sector_ok"] += sector == gold.get("sector")
        if country != gold.get("country") or sector != gold.get("sector"):
            errors.append(f"{doc_id} {event['type']} {role}: {gold['text']!r} gold "
                          f"{gold.get('country')}/{gold.get('sector')} got {country}/{sector} "
                          f"({ref.how if ref else None})")
    source, target = event.get("source") or {}, event.get("target") or {}
    if "source" in found and "target" in found:
        stats["pairs"] += 1
        stats["pair_ok"] += (found["source"], found["target"]) == (source.get("country"),
                                                                  target.get("country"))
        if event.get("main"):
            stats["main"] += 1
            dyad_ok = {found["source"], found["target"]} == {source.get("country"),
                                                             target.get("country")}
            stats["main_ok"] += dyad_ok
            if not dyad_ok:
                errors.append(f"{doc_id} MAIN {event['type']}: gold {source.get('country')}-"
                              f"{target.get('country')} got {found['source']}-{found['target']}")


def _report(stats: dict[str, dict[str, int]]) -> None:
    total: dict[str, int] = defaultdict(int)
    print(f"{'set':8} {'actors':>6} {'country':>8} {'sector':>8} {'pairs':>6} {'pair ok':>8} "
          f"{'main':>5} {'main ok':>8} {'unlocated':>9}")
    for name, row in sorted(stats.items()):
        _line(name, row)
        for key, value in row.items():
            total[key] += value
    _line("all", total)


def _line(name: str, row: dict[str, int]) -> None:
    def share(ok: str, n: str) -> str:
        return f"{row[ok] / row[n]:.3f}" if row[n] else "-"

    print(f"{name:8} {row['actors']:>6} {share('country_ok', 'actors'):>8} "
          f"{share('sector_ok', 'actors'):>8} {row['pairs']:>6} {share('pair_ok', 'pairs'):>8} "
          f"{row['main']:>5} {share('main_ok', 'main'):>8} {row['unlocated']:>9}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
