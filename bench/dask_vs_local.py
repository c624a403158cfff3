"""Dask LocalCluster (2 workers) vs the single-machine run on 1k articles: time ratio, same output.

    .venv/bin/python bench/dask_vs_local.py [--n 1000] [--workers 2]

Both runs extract the same synthetic corpus (bench/synthetic_corpus.py) in this process: the local
engine with `processes` worker processes, then `engine_dask.run_dask` on a fresh LocalCluster
(cluster start-up and model loading on the workers included). Prints both times, the ratio, and
whether articles, events, stories and duplicate groups are identical. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsevents.options import Options  # noqa: E402
from newsevents.records import RunResult, article_json, event_json  # noqa: E402
from synthetic_corpus import build_corpus, corpus_words  # noqa: E402


def differences(a: RunResult, b: RunResult) -> list[str]:
    """What differs between two runs (empty when identical), with the first differing item."""
    found = []
    pairs = {
        "articles": ([article_json(x) for x in a.articles], [article_json(x) for x in b.articles]),
        "events": ([event_json(x) for x in a.events], [event_json(x) for x in b.events]),
        "stories": ([x.to_json() for x in a.stories], [x.to_json() for x in b.stories]),
        "duplicates": ([x.to_json() for x in a.duplicates], [x.to_json() for x in b.duplicates]),
    }
    for name, (left, right) in pairs.items():
        if left != right:
            found.append(f"{name} ({len(left)} vs {len(right)}){_first_difference(left, right)}")
    return found


def _first_difference(left: list[dict], right: list[dict]) -> str:
    for x, y in zip(left, right, strict=False):
        if x != y:
            keys = sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))
            key = keys[0]
            return f": first at {x.get('doc_id') or x.get('story_id') or x.get('group_id')}, " \
                   f"fields {keys[:5]}, {key}={str(x.get(key))[:80]!r} vs {str(y.get(key))[:80]!r}"
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from newsevents.engine_dask import run_dask
    from newsevents.pipeline import extract

    with tempfile.TemporaryDirectory() as tmp:
        folder = build_corpus(args.n, Path(tmp) / "corpus")
        words = corpus_words(folder)
        local_options = Options.build(processes=args.workers, progress=False)
        start = time.perf_counter()
        local = extract([folder], folder / "manifest.jsonl", options=local_options)
        local_s = time.perf_counter() - start
        dask_options = Options.build(engine="dask", workers=args.workers, progress=False)
        start = time.perf_counter()
        distributed = run_dask([folder], folder / "manifest.jsonl", dask_options, Path(tmp) / "out")
        dask_s = time.perf_counter() - start
    n_ok = sum(a.ok for a in local.articles)
    diff = differences(local, distributed)
    print(f"articles {args.n} ({n_ok} ok), words {words}, events {len(local.events)}, "
          f"stories {len(local.stories)}")
    print(f"local, {args.workers} processes : {local_s:8.1f} s  {words / local_s:7.0f} words/s")
    print(f"dask, {args.workers} workers    : {dask_s:8.1f} s  {words / dask_s:7.0f} words/s")
    print(f"ratio dask/local     : {dask_s / local_s:.2f}")
    print("outputs identical    : " + ("yes" if not diff else "NO, differ in:"))
    for line in diff:
        print("  " + line)


if __name__ == "__main__":
    main()
