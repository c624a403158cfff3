"""Share of PETRARCH unit-test records the coder gets right: (source, target, type).

    .venv/bin/python bench/petrarch_units.py [--errors N]

Reads ../shared/refdata/petrarch-unit-tests (openeventdata/petrarch2, MIT): sentences about
fictional countries (Arnor, Gondor, ...) with their expected CAMEO codings. The suite's own actor
dictionary (PETR.Validate.actors.txt) is loaded through the TABARI importer
(knowledge/tabari.py, ActorKB.extended) on top of the bundled actors; the expected CAMEO event
codes are mapped to PLOVER types with data/cameo_plover.tsv. A record counts as matched when one
coded event of its sentence has the expected type, source country and target country (the first
three letters of the codes; a record coding several events needs all of them). Records that
expect no event count as matched when nothing is coded. Prints the full-match share, the
type-only share and the share of records with no event coded.

The suite was written for PETRARCH's own verb dictionary (many verbs there are invented or carry
test-specific codes), so this measures how far a general English lexicon carries, not a target.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT.parent / "shared" / "refdata" / "petrarch-unit-tests"
sys.path.insert(0, str(ROOT / "src"))

from newsevents import actors, dates, nlp  # noqa: E402
from newsevents.coding import code_events  # noqa: E402
from newsevents.knowledge import load_knowledge  # noqa: E402
from newsevents.knowledge.tabari import load_tabari_actors  # noqa: E402
from newsevents.options import Options  # noqa: E402
from newsevents.records import Article, Line  # noqa: E402

SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
CODING = re.compile(r"<EventCoding\b([^>]*)>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')
TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


def records() -> list[dict]:
    raw = (SUITE / "PETR.UnitTest.records.xml").read_text(encoding="utf-8", errors="replace")
    out = []
    for attrs, body in SENTENCE.findall(raw):
        text = TEXT.search(body)
        if not text:
            continue
        codings = [dict(ATTR.findall(c)) for c in CODING.findall(body)]
        out.append({"id": dict(ATTR.findall(attrs)).get("id", "?"),
                    "text": " ".join(text.group(1).split()), "codings": codings})
    return out


def expected(coding: dict, ontology) -> tuple[str, str, str | None] | None:
    if coding.get("noevents", "").lower() == "true" or "eventcode" not in coding:
        return None
    mapped = ontology.plover_of_cameo(coding["eventcode"])
    event_type = mapped.type if mapped and mapped.type else None
    return (coding.get("sourcecode", "")[:3].upper(), coding.get("targetcode", "")[:3].upper(),
            event_type)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    options = Options()
    base = load_knowledge()
    kb = base.actors.extended(load_tabari_actors(SUITE / "PETR.Validate.actors.txt"))
    knowledge = dataclasses.replace(base, actors=kb)
    pipeline = nlp.load_pipeline(options.model)
    total = full = type_only = empty = 0
    misses = []
    for record in records():
        wanted = [w for w in (expected(c, knowledge.ontology) for c in record["codings"]) if w]
        text = record["text"]
        art = Article(doc_id=record["id"], source_path="petrarch", raw=text,
                      body_lines=(Line(0, len(text), text),), pub_date=None)
        parsed = nlp.parse(art, pipeline)
        mentions = actors.find_actors(parsed, knowledge.actors)
        events = code_events(parsed, mentions, dates.find_timerefs(parsed), knowledge, options)
        got = {((e.source.country or "") if e.source else "", (e.target.country or "")
                if e.target else "", e.type) for e in events}
        total += 1
        empty += not events
        if not wanted:
            full += not events
            type_only += not events
            continue
        ok = all(w in got for w in wanted)
        full += ok
        type_only += all(any(t == w[2] for _, _, t in got) for w in wanted)
        if not ok:
            misses.append((record["id"], wanted, sorted(got), text))
    print(f"records {total}")
    print(f"(source, target, type) match  {full / total:.3f}")
    print(f"type match                    {type_only / total:.3f}")
    print(f"no event coded                {empty / total:.3f}")
    for rid, wanted, got, text in misses[: args.errors]:
        print(f"  {rid}: want {wanted} got {got} | {text[:120]}")


if __name__ == "__main__":
    main()
