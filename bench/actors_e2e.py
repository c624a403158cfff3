"""End-to-end actor errors: run `extract` on the shared corpus and list, for every matched event
whose ordered (source, target) country pair is wrong and every main event whose dyad is wrong,
the gold and predicted actors.

Usage: .venv/bin/python bench/actors_e2e.py [CORPUS_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsevents.evaluate import _countries, _ordered_pair_right, load_gold, match_events  # noqa: E402
from newsevents.pipeline import extract  # noqa: E402
from newsevents.records import event_json  # noqa: E402


def _actor(event: dict, role: str) -> str:
    actor = event.get(role) or {}
    return f"{actor.get('text')!r} {actor.get('country')}/{actor.get('sector')}"


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    dirs = sorted(d for d in corpus.iterdir() if (d / "manifest.jsonl").exists())
    gold = load_gold(dirs)
    inputs = sorted(str(p) for d in dirs for p in d.glob("*.txt"))
    run = extract(inputs, manifest=[str(d / "manifest.jsonl") for d in dirs])
    events: dict[str, list[dict]] = {}
    for event in run.events:
        row = event_json(event)
        events.setdefault(row["doc_id"], []).append(row)
    ok = total = main_ok = main_total = 0
    for article in gold:
        preds = events.get(article.doc_id, [])
        for gi, pi in match_events(article.events, preds, article.raw):
            ge, pe = article.events[gi], preds[pi]
            total += 1
            right = _ordered_pair_right(ge, pe)
            ok += right
            if ge.get("main"):
                main_total += 1
                main_ok += _countries(ge) == _countries(pe)
            if not right or ge.get("main") and _countries(ge) != _countries(pe):
                print(f"{article.doc_id} {ge.get('type')}{' MAIN' if ge.get('main') else ''}\n"
                      f"   gold {_actor(ge, 'source')} -> {_actor(ge, 'target')}\n"
                      f"   pred {_actor(pe, 'source')} -> {_actor(pe, 'target')}"
                      f"   [{(pe.get('source') or {}).get('how')},"
                      f" {(pe.get('target') or {}).get('how')}]")
    print(f"ordered pair {ok}/{total} = {ok / max(total, 1):.3f}; "
          f"main dyad (matched) {main_ok}/{main_total}")


if __name__ == "__main__":
    main()
