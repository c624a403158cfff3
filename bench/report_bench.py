"""Speed and size of the HTML report and the dyad timeline on a large synthetic store.

The store holds the gold corpus (seeds, dev, dev2) copied COPIES times under new ids, with event
dates shifted by whole weeks per copy so the timeline spans years. Prints: store size, seconds to
build the report (wall and CPU), report size in MB, peak Python memory while building (a
second, traced build), and seconds for one `dyad_timeline` plus its terminal rendering.

Usage: .venv/bin/python bench/report_bench.py [COPIES]      (default 40: ~1900 articles)
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

import duckdb  # noqa: E402

from newsevents.report import build_report  # noqa: E402
from newsevents.timeline import dyad_timeline, render_terminal  # noqa: E402
from report_gold_store import build_gold_store  # noqa: E402


def shifted(value: str | None, weeks: int) -> str | None:
    """A YYYY-MM-DD date moved by `weeks`; coarser dates are kept as they are."""
    if not value or len(value) != 10:
        return value
    return (date.fromisoformat(value) + timedelta(weeks=weeks)).isoformat()


def grow(path: Path, copies: int) -> None:
    """Append `copies` shifted copies of every article, event and story already in the store."""
    con = duckdb.connect(str(path))
    con.create_function("shift", shifted, [str, int], str)
    try:
        for n in range(1, copies):
            suffix, weeks = f"~{n}", 7 * n
            con.execute(f"""INSERT INTO articles SELECT * REPLACE (doc_id || '{suffix}' AS doc_id,
                shift(pub_date, {weeks}) AS pub_date) FROM articles WHERE doc_id NOT LIKE '%~%'""")
            con.execute(f"""INSERT INTO events SELECT * REPLACE (event_id || '{suffix}' AS event_id,
                doc_id || '{suffix}' AS doc_id, shift(date, {weeks}) AS date,
                CASE WHEN story_id IS NULL THEN NULL ELSE story_id || '{suffix}' END AS story_id)
                FROM events WHERE event_id NOT LIKE '%~%'""")
            con.execute(f"""INSERT INTO stories SELECT * REPLACE (story_id || '{suffix}' AS story_id,
                shift(date, {weeks}) AS date) FROM stories WHERE story_id NOT LIKE '%~%'""")
    finally:
        con.close()


def main(argv: list[str]) -> int:
    copies = int(argv[0]) if argv else 40
    with tempfile.TemporaryDirectory() as tmp:
        store = build_gold_store(Path(tmp) / "bench.duckdb")
        grow(store, copies)
        with duckdb.connect(str(store), read_only=True) as con:
            counts = [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("articles", "events", "stories")]
        print(f"store: {counts[0]} articles, {counts[1]} events, {counts[2]} stories, "
              f"{store.stat().st_size / 1e6:.1f} MB")

        start, cpu = time.perf_counter(), time.process_time()
        out = build_report(store, Path(tmp) / "report.html")
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"report: {seconds:.2f} s wall, {cpu:.2f} s CPU, {out.stat().st_size / 1e6:.1f} MB")
        tracemalloc.start()
        build_report(store, Path(tmp) / "again.html")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"report: peak Python memory {peak / 1e6:.0f} MB (second build, traced)")

        start, cpu = time.perf_counter(), time.process_time()
        rows = dyad_timeline(store, "JPN-KOR", freq="month")
        table = render_terminal(rows)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"timeline JPN-KOR: {seconds:.2f} s wall, {cpu:.2f} s CPU, {len(rows)} months, "
              f"{sum(r.n_events for r in rows)} events, {len(table.splitlines())} lines")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
