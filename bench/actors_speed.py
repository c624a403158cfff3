"""Time and memory of the actors stage: knowledge base load, find_actors, resolve_span.

Parses every corpus article once (not timed), then times find_actors on each and resolve_span on
every noun chunk (what event coding asks for). Prints milliseconds per article and the memory the
loaded knowledge base takes.

Usage: .venv/bin/python bench/actors_speed.py [CORPUS_DIR]
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsevents.actors import find_actors, resolve_span  # noqa: E402
from newsevents.knowledge.actorkb import load_actor_kb  # noqa: E402
from newsevents.nlp import load_pipeline, parse  # noqa: E402
from newsevents.options import Options  # noqa: E402
from newsevents.records import Article, Line  # noqa: E402

DATA = ROOT / "src" / "newsevents" / "data"


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "corpus"
    tracemalloc.start()
    began = time.perf_counter()
    kb = load_actor_kb([DATA])
    load_s = time.perf_counter() - began
    kb_mb = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    nlp = load_pipeline(Options().model)
    parsed = []
    for txt in sorted(corpus.glob("*/*.txt")):
        text = txt.read_text(encoding="utf-8")
        parsed.append(parse(Article(doc_id=txt.stem, source_path=str(txt), raw=text,
                                    body_lines=(Line(0, len(text), text),)), nlp))
    find_s = resolve_s = 0.0
    n_mentions = n_spans = 0
    for doc in parsed:
        began = time.perf_counter()
        mentions = find_actors(doc, kb)
        find_s += time.perf_counter() - began
        n_mentions += len(mentions)
        began = time.perf_counter()
        for chunk in doc.doc.noun_chunks:
            resolve_span(doc, mentions, chunk.start, chunk.end, kb)
            n_spans += 1
        resolve_s += time.perf_counter() - began
    n = len(parsed)
    print(f"knowledge base: load {load_s:.2f} s, {kb_mb:.0f} MB")
    print(f"articles {n}: find_actors {1000 * find_s / n:.1f} ms/article "
          f"({n_mentions / n:.0f} mentions/article)")
    print(f"resolve_span: {1000 * resolve_s / max(n_spans, 1):.2f} ms/span over {n_spans} spans")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
