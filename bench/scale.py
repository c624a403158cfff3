"""1k vs 10k articles: wall time ratio (target <= 11) and peak memory at 10k (target <= 1.5 GB).

    .venv/bin/python bench/scale.py [--sizes 1000 10000] [--processes 2]

Each size is a corpus built by resampling and perturbing the shared articles
(bench/synthetic_corpus.py), run through the real command line (`newsevents extract ... --out`,
which also writes the JSONL files and the DuckDB store) in a child process. Memory, sampled every
0.2 s over that process and its workers: peak summed PSS (shared pages split between processes:
what the tree really holds), peak summed RSS (shared pages counted in every process), the
largest single process, and the main process alone (PSS; what grows with the corpus if anything
does: the workers only ever hold a few articles). Numbers only; nothing is asserted. The 10k run
takes a while on 2 cores.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_corpus import build_corpus, corpus_words  # noqa: E402

SAMPLE_SECONDS = 0.2
NEWSEVENTS = Path(sys.executable).with_name("newsevents")


def _tree_memory(proc: psutil.Process) -> tuple[int, int, int, int]:
    """(summed PSS, summed RSS, largest RSS, PSS of `proc`) in bytes of `proc` and descendants.

    PSS splits pages shared by forked processes between them, so its sum is what the tree
    really holds; summed RSS counts shared pages once per process.
    """
    pss, rss = [], []
    for p in [proc, *proc.children(recursive=True)]:
        try:
            info = p.memory_full_info()
        except psutil.Error:
            continue
        pss.append(getattr(info, "pss", info.rss))
        rss.append(info.rss)
    return sum(pss), sum(rss), max(rss, default=0), pss[0] if pss else 0


def run_extract(folder: Path, out: Path, processes: int) -> dict[str, float]:
    """Run the CLI on `folder`; return seconds and peak memory."""
    # the folder's own manifest.jsonl is read by ingest
    cmd = [str(NEWSEVENTS), "extract", str(folder), "--out", str(out),
           "--processes", str(processes), "-q"]
    start = time.perf_counter()
    errors = out.with_suffix(".stderr")
    out.parent.mkdir(parents=True, exist_ok=True)
    with errors.open("w") as stderr:
        child = subprocess.Popen(cmd, stderr=stderr)
        peaks = _watch(child)
    seconds = time.perf_counter() - start
    n_error_lines = len(errors.read_text(errors="replace").splitlines())
    return {"seconds": seconds, "peak_pss": peaks[0], "peak_sum": peaks[1], "peak_one": peaks[2],
            "peak_main": peaks[3], "returncode": child.returncode, "stderr_lines": n_error_lines}


def _watch(child: subprocess.Popen) -> tuple[int, ...]:
    """Poll `child` until it exits; return the peaks of `_tree_memory`."""
    proc = psutil.Process(child.pid)
    peaks: tuple[int, ...] = (0, 0, 0, 0)
    while child.poll() is None:
        peaks = tuple(max(a, b) for a, b in zip(peaks, _tree_memory(proc), strict=True))
        time.sleep(SAMPLE_SECONDS)
    return peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    gb = 1024 ** 3
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = build_corpus(n, Path(tmp) / f"corpus-{n}")
            words = corpus_words(folder)
            r = run_extract(folder, Path(tmp) / f"out-{n}", args.processes)
            results[n] = r
            print(f"{n:6d} articles {words:9d} words: {r['seconds']:8.1f} s "
                  f"{words / r['seconds']:7.0f} words/s  peak PSS {r['peak_pss'] / gb:.2f} GB, "
                  f"RSS summed {r['peak_sum'] / gb:.2f} GB "
                  f"(largest process {r['peak_one'] / gb:.2f} GB, main process PSS "
                  f"{r['peak_main'] / gb:.2f} GB)  exit {r['returncode']}, "
                  f"{r['stderr_lines']} stderr lines",
                  flush=True)
    small, large = min(results), max(results)
    if small != large:
        ratio = results[large]["seconds"] / results[small]["seconds"]
        print(f"time ratio {large}/{small}: {ratio:.2f} (target <= {large / small * 1.1:.0f}); "
              f"peak memory at {large}: PSS {results[large]['peak_pss'] / gb:.2f} GB, "
              f"RSS summed {results[large]['peak_sum'] / gb:.2f} GB (target <= 1.5)")


if __name__ == "__main__":
    main()
