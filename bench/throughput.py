"""Extract throughput on 2 cores vs the bare spaCy pipeline on the same texts; store write rate.

    .venv/bin/python bench/throughput.py [--n 400] [--processes 2]

Prints words/s of `spacy.load(model).pipe(texts, n_process=2)` (the parse: the floor for this
model), words/s of `pipeline.extract` on the same texts as files (ingest, clean, parse, actors,
dates, coding, linking; worker start-up included), their ratio (target >= 0.8), and how fast the
DuckDB store commits those results. Numbers only; nothing is asserted.

Both are also timed in CPU seconds (this process and its finished worker processes), whose ratio
does not move with other load on the machine the way wall-clock time does.

newsevents runs the model's own components except that `attribute_ruler` is replaced by
`newsevents.tagrules.AttributeRules` (same rules, identical output, faster); the bare run is the
unmodified pipeline.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsevents.options import Options  # noqa: E402
from synthetic_corpus import build_corpus, corpus_words  # noqa: E402


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have finished."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bare_spacy(texts: list[str], model: str, processes: int, batch_size: int
               ) -> tuple[float, float]:
    """Wall and CPU seconds for spaCy alone to parse `texts` (model loading excluded)."""
    import spacy

    nlp = spacy.load(model)
    start, cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, n_process=processes, batch_size=batch_size):
        pass
    return time.perf_counter() - start, cpu_seconds() - cpu


def extract_seconds(folder: Path, options: Options):
    from newsevents.pipeline import extract

    start, cpu = time.perf_counter(), cpu_seconds()
    run = extract([folder], folder / "manifest.jsonl", options=options)
    return time.perf_counter() - start, cpu_seconds() - cpu, run


def store_seconds(run, db: Path) -> tuple[float, float]:
    """Seconds to store `run` one transaction per article, and as `RunRecorder` batches them."""
    from newsevents.store import RunRecorder, open_store

    start = time.perf_counter()
    with open_store(db / "one.duckdb") as store:
        run_id = store.start_run()
        for result in run.articles:
            store.write_article(result, run_id)
    single = time.perf_counter() - start
    start = time.perf_counter()
    with open_store(db / "batched.duckdb") as store, RunRecorder(store) as recorder:
        for result in run.articles:
            recorder.record(result)
    return single, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400, help="articles (default 400)")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    options = Options.build(processes=args.processes, progress=False)
    with tempfile.TemporaryDirectory() as tmp:
        folder = build_corpus(args.n, Path(tmp) / "corpus")
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
        words = corpus_words(folder)
        parse_s, parse_cpu = bare_spacy(texts, options.model, args.processes, options.batch_size)
        extract_s, extract_cpu, run = extract_seconds(folder, options)
        single_s, batched_s = store_seconds(run, Path(tmp))
    n_ok = sum(a.ok for a in run.articles)
    print(f"articles {args.n}, words {words}, processes {args.processes}, model {options.model}")
    print(f"extract result: {n_ok} ok, {len(run.articles) - n_ok} failed, "
          f"{len(run.events)} events, {len(run.stories)} stories")
    print(f"bare spaCy nlp.pipe : {parse_s:8.2f} s  {words / parse_s:9.0f} words/s")
    print(f"newsevents extract  : {extract_s:8.2f} s  {words / extract_s:9.0f} words/s")
    print(f"ratio extract/spaCy : {parse_s / extract_s:.2f}  (target >= 0.8)")
    print(f"CPU seconds         : spaCy {parse_cpu:.1f}, extract {extract_cpu:.1f}, "
          f"ratio {parse_cpu / extract_cpu:.2f}")
    print(f"store, 1 txn/article: {single_s:8.2f} s  {len(run.articles) / single_s:9.0f} articles/s")
    print(f"store, RunRecorder  : {batched_s:8.2f} s  {len(run.articles) / batched_s:9.0f} articles/s")


if __name__ == "__main__":
    main()
