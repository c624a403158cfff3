"""Store: a run killed midway keeps what it committed, and the next run resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from newsevents.store import open_store
from storekit import gold_results

TESTS = Path(__file__).resolve().parent
WRITER = """
import sys, time
sys.path.insert(0, {tests!r})
from pathlib import Path
from storekit import gold_results
from newsevents.store import open_store

results = gold_results(Path({folder!r}))
with open_store({db!r}) as store:
    run_id = store.start_run()
    known = store.known_hashes()
    for result in results:
        if result.article.content_hash in known:
            continue
        store.write_article(result, run_id)
        print(result.doc_id, flush=True)
        time.sleep({pause})
    store.finish_run(run_id)
"""


def _writer(folder: Path, db: Path, pause: float) -> subprocess.Popen:
    code = WRITER.format(tests=str(TESTS), folder=str(folder), db=str(db), pause=pause)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)


def test_killed_run_keeps_commits_and_resumes(tmp_path, corpus_dir):
    folder = corpus_dir / "dev2"
    expected = gold_results(folder)
    db = tmp_path / "s.duckdb"
    proc = _writer(folder, db, pause=0.3)
    committed = [proc.stdout.readline().strip() for _ in range(3)]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()

    with open_store(db) as store:
        partial = store.load_results()
    by_id = {r.doc_id: r for r in expected}
    assert 3 <= len(partial.articles) < len(expected)
    assert {a.doc_id for a in partial.articles} >= set(committed)
    for result in partial.articles:  # each committed article is whole: row and all its events
        assert result == by_id[result.doc_id]

    resumed = _writer(folder, db, pause=0)
    printed = resumed.communicate(timeout=120)[0].split()
    assert resumed.returncode == 0
    assert set(printed).isdisjoint(a.doc_id for a in partial.articles)
    with open_store(db) as store:
        final = store.load_results()
        runs = store.runs()
    assert sorted(a.doc_id for a in final.articles) == sorted(by_id)
    assert len(final.events) == sum(len(r.events) for r in expected)
    assert runs[0]["finished_at"] is None and runs[1]["finished_at"] is not None
