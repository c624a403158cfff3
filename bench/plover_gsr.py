"""Type accuracy of the event coder on the PLOVER gold-standard records.

    .venv/bin/python bench/plover_gsr.py [--errors N] [--split] [--half tune|test|all]

Reads ../shared/refdata/plover/PLOVER_GSR_CAMEO.txt (openeventdata/PLOVER, CC BY-SA 4.0): one
sentence per record, coded with a PLOVER 0.5b1 label. Labels are mapped to the 16 current types
with data/plover05_map.tsv (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT ->
ASSAULT; DOCUMENT records are skipped). Each sentence is coded as a one-line article; the
predicted type is the main event's. Prints:

- type accuracy under PLOVER's coding rules (the target, >= 0.80): the main event's type as
  `export --format plover` writes it. PLOVER codes a stated intention by its kind (its manual,
  section AGREE: future CONSULT, SUPPORT, COOPERATE and AID are AGREE; a planned act against
  another party is THREATEN; future RETREAT and CONCEDE stay), and the GSR records follow it; our
  records keep the act's own type with status planned, as the corpus guide asks, and
  `Ontology.plover_type` (column `as_intention` of plover_types.tsv) gives PLOVER's reading.
- type accuracy of the act's own type (the guide's convention), for comparison
- any-event accuracy (some event of the sentence has the gold type)
- quad accuracy and the share of sentences with no event at all
- a confusion summary (gold -> predicted, most frequent first)

Held-out half: records are split by a hash of their text (SHA-1, first byte even -> "tune", odd
-> "test"). Lexicon work looks only at the tune half (`--errors N` lists misses of `--half`,
default tune); `--split` prints the accuracy lines for tune, test and all so that a gain on tune
that does not carry to test shows up as overfitting.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
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


def half_of(text: str) -> str:
    """The record's half: a stable hash of its text, so the split never depends on file order."""
    return "tune" if hashlib.sha1(text.encode("utf-8")).digest()[0] % 2 == 0 else "test"


@dataclass
class Tally:
    """Counts of one set of records."""

    total: int = 0
    main_ok: int = 0
    plover_ok: int = 0
    any_ok: int = 0
    quad_ok: int = 0
    empty: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)

    def share(self, count: int) -> float:
        return count / self.total if self.total else 0.0


def code_record(text: str, record_id: str, pipeline, knowledge, options):
    article = Article(doc_id=record_id, source_path=str(GSR), raw=text,
                      body_lines=(Line(0, len(text), text),), pub_date=None)
    parsed = nlp.parse(article, pipeline)
    mentions = actors.find_actors(parsed, knowledge.actors)
    return code_events(parsed, mentions, dates.find_timerefs(parsed), knowledge, options)


def count(tally: Tally, gold: str, events, text: str, ontology) -> None:
    main = next((e for e in events if e.main), events[0] if events else None)
    predicted = main.type if main else "-"
    tally.total += 1
    tally.empty += main is None
    tally.main_ok += predicted == gold
    tally.plover_ok += (ontology.plover_type(main.type, main.status) if main else "-") == gold
    tally.any_ok += any(e.type == gold for e in events)
    tally.quad_ok += main is not None and main.quad_class == ontology.quad_of(gold)
    if predicted != gold:
        tally.confusion[(gold, predicted)] += 1
        found = " ".join(f"{e.type}:{e.trigger}{'*' if e.main else ''}" for e in events)
        tally.misses.append((gold, predicted, found, text))


def print_tally(tally: Tally) -> None:
    print(f"records {tally.total}")
    print(f"type accuracy, PLOVER coding rules (as exported)  {tally.share(tally.plover_ok):.3f}")
    print(f"type accuracy of the act (guide's convention)     {tally.share(tally.main_ok):.3f}")
    print(f"any-event accuracy    {tally.share(tally.any_ok):.3f}")
    print(f"quad accuracy         {tally.share(tally.quad_ok):.3f}")
    print(f"no event              {tally.share(tally.empty):.3f}")
    print("top confusions:",
          ", ".join(f"{g}->{p} {n}" for (g, p), n in tally.confusion.most_common(12)))


def print_split(tallies: dict[str, Tally]) -> None:
    print(f"{'half':6} {'records':>7} {'plover':>6} {'act':>6} {'any':>6} {'quad':>6} {'none':>6}")
    for name, t in tallies.items():
        print(f"{name:6} {t.total:7d} {t.share(t.plover_ok):6.3f} {t.share(t.main_ok):6.3f} "
              f"{t.share(t.any_ok):6.3f} {t.share(t.quad_ok):6.3f} {t.share(t.empty):6.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", type=int, default=0, help="print this many misses of --half")
    parser.add_argument("--split", action="store_true", help="print tune / test / all accuracy")
    parser.add_argument("--half", choices=("tune", "test", "all"), default="tune",
                        help="the half whose misses --errors lists (default: tune)")
    args = parser.parse_args()
    options = Options()
    knowledge = load_knowledge()
    ontology = knowledge.ontology
    pipeline = nlp.load_pipeline(options.model)
    tallies = {"tune": Tally(), "test": Tally(), "all": Tally()}
    for record in records():
        gold = ontology.current_type(record["event"])
        if gold is None:
            continue
        text = record["text"].strip()
        events = code_record(text, record["id"], pipeline, knowledge, options)
        for name in (half_of(text), "all"):
            count(tallies[name], gold, events, text, ontology)
    if args.split:
        print_split(tallies)
    else:
        print_tally(tallies["all"])
    for gold, predicted, found, text in tallies[args.half].misses[: args.errors]:
        print(f"  {gold:9} got {predicted:9} | {text[:150]}\n      events: {found or '-'}")


if __name__ == "__main__":
    main()
