"""Type accuracy of the event coder on the PLOVER gold-standard records.

    .venv/bin/python bench/plover_gsr.py [--errors N]

Reads ../shared/refdata/plover/PLOVER_GSR_CAMEO.txt (openeventdata/PLOVER, CC BY-SA 4.0): one
sentence per record, coded with a PLOVER 0.5b1 label. Labels are mapped to the 16 current types
with data/plover05_map.tsv (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT ->
ASSAULT; DOCUMENT records are skipped). Each sentence is coded as a one-line article; the
predicted type is the main event's. Prints:

- type accuracy (main event type == gold type), the target is >= 0.80
- any-event accuracy (some event of the sentence has the gold type)
- quad accuracy and the share of sentences with no event at all
- the same under PLOVER's intent convention: the GSR codes a stated intention by its kind
  ("will support", "will give aid", "is ready to host" -> AGREE; "will boycott", "will withdraw
  ... unless ..." -> THREATEN), where the corpus guide keeps the act's own type with status planned.
  The coder follows the guide; this line translates planned/conditional events to that convention.
- a confusion summary (gold -> predicted, most frequent first)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GSR = ROOT.parent / "shared" / "refdata" / "plover" / "PLOVER_GSR_CAMEO.txt"
sys.path.insert(0, str(ROOT / "src"))

from newsevents import actors, dates, nlp  # noqa: E402
from newsevents.coding import code_events  # noqa: E402
from newsevents.knowledge import load_knowledge  # noqa: E402
from newsevents.options import Options  # noqa: E402
from newsevents.records import Article, Line  # noqa: E402


def records() -> list[dict]:
    return [r for r in json.loads(GSR.read_text(encoding="utf-8")) if r.get("text")]


INTENT_KEEPS = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE"})


def intent_type(event, ontology) -> str:
    """The PLOVER 0.5 reading of an intention: a planned cooperative act -> AGREE, a planned
    conflictual act or any act made conditional ("will withdraw unless ...") -> THREATEN."""
    if event.status not in ("planned", "conditional") or event.type in INTENT_KEEPS:
        return event.type
    if event.status == "conditional":
        return "THREATEN"
    return "AGREE" if ontology.quad_of(event.type) <= 2 else "THREATEN"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", type=int, default=0, help="print this many misses")
    args = parser.parse_args()
    options = Options()
    knowledge = load_knowledge()
    ontology = knowledge.ontology
    pipeline = nlp.load_pipeline(options.model)
    total = main_ok = any_ok = quad_ok = empty = intent_ok = 0
    confusion: Counter[tuple[str, str]] = Counter()
    misses = []
    for record in records():
        gold = ontology.current_type(record["event"])
        if gold is None:
            continue
        text = record["text"].strip()
        article = Article(doc_id=record["id"], source_path=str(GSR), raw=text,
                          body_lines=(Line(0, len(text), text),), pub_date=None)
        parsed = nlp.parse(article, pipeline)
        mentions = actors.find_actors(parsed, knowledge.actors)
        events = code_events(parsed, mentions, dates.find_timerefs(parsed), knowledge, options)
        total += 1
        main = next((e for e in events if e.main), events[0] if events else None)
        predicted = main.type if main else "-"
        empty += main is None
        main_ok += predicted == gold
        intent_ok += (intent_type(main, ontology) if main else "-") == gold
        any_ok += any(e.type == gold for e in events)
        quad_ok += main is not None and main.quad_class == ontology.quad_of(gold)
        if predicted != gold:
            confusion[(gold, predicted)] += 1
            misses.append((gold, predicted, text))
    print(f"records {total}")
    print(f"type accuracy (main)  {main_ok / total:.3f}")
    print(f"type accuracy, PLOVER intent convention {intent_ok / total:.3f}")
    print(f"any-event accuracy    {any_ok / total:.3f}")
    print(f"quad accuracy         {quad_ok / total:.3f}")
    print(f"no event              {empty / total:.3f}")
    print("top confusions:", ", ".join(f"{g}->{p} {n}" for (g, p), n in confusion.most_common(12)))
    for gold, predicted, text in misses[: args.errors]:
        print(f"  {gold:9} got {predicted:9} | {text[:150]}")


if __name__ == "__main__":
    main()
