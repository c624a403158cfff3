"""Write a run's records as JSON lines: articles.jsonl, events.jsonl, stories.jsonl, duplicates.

Two ways: `write_run` writes a RunResult held in memory; `RunWriter` is fed one ArticleResult at
a time while a run streams (each is spooled to disk at once, not kept) and writes the files when
the run's links are known — the same bytes as `write_run` on the same run.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.records import (
    ArticleResult,
    DuplicateGroup,
    RunResult,
    Story,
    article_json,
    event_json,
)

OUTPUT_FILES = ("articles.jsonl", "events.jsonl", "stories.jsonl", "duplicates.jsonl")


def _line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False) + "\n"


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    """Write `rows` as JSON lines to `path` (UTF-8, one object a line); return the count."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(_line(row))
            count += 1
    return count


def write_run(run: RunResult, out_dir: str | Path) -> dict[str, Path]:
    """Write every output file of `run` into `out_dir` (created if needed)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / name for name in OUTPUT_FILES}
    write_jsonl(paths["articles.jsonl"], (article_json(a) for a in run.articles))
    write_jsonl(paths["events.jsonl"], (event_json(e) for e in run.events))
    write_jsonl(paths["stories.jsonl"], (s.to_json() for s in run.stories))
    write_jsonl(paths["duplicates.jsonl"], (d.to_json() for d in run.duplicates))
    return paths


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a JSON-lines file."""
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# --------------------------------------------------------------------------- run summary


@dataclass
class RunTally:
    """Counts for a run's summary, added up row by row (mutable while it is being counted)."""

    ok: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source_path, error)
    events: int = 0
    stories: int = 0
    duplicates: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    background: Counter[str] = field(default_factory=Counter)
    dyads: Counter[str] = field(default_factory=Counter)

    @property
    def articles(self) -> int:
        return self.ok + len(self.failed)

    def count_article(self, row: Mapping[str, Any]) -> None:
        """Count one `articles.jsonl` row."""
        if row["status"] == "ok":
            self.ok += 1
        else:
            self.failed.append((row["source_path"], row["error"]))

    def count_event(self, row: Mapping[str, Any]) -> None:
        """Count one `events.jsonl` row: its type, recap flag and countries."""
        self.events += 1
        self.by_type[row["type"]] += 1
        if row["background"]:
            self.background[row["type"]] += 1
        countries = {(row[role] or {}).get("country") for role in ("source", "target")}
        self.dyads["-".join(sorted(c for c in countries if c))] += 1


def tally_of(run: RunResult) -> RunTally:
    """The summary counts of a run held in memory."""
    tally = RunTally(stories=len(run.stories), duplicates=len(run.duplicates))
    for result in run.articles:
        tally.count_article(article_json(result))
    for event in run.events:
        tally.count_event(event_json(event))
    return tally


# --------------------------------------------------------------------------- streaming


class RunWriter:
    """The output files of a streaming run: results are spooled as they come, files written last.

    `add(result)` spools the result's article and event rows (a later `add` of the same doc_id,
    e.g. an article re-run with an inferred date, replaces them); `finish(order, stories,
    duplicates)` writes the four files in `order` with each event's story_id set, and returns
    their paths and the run's summary counts. Only one offset per article stays in memory. The
    spool lives in `out_dir` and is deleted on `close()` (or leaving the `with` block).
    """

    def __init__(self, out_dir: str | Path) -> None:
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        # closed by close() / __exit__: the spool outlives the call that opens it
        self._spool = tempfile.TemporaryFile(dir=self.out, prefix=".spool-")  # noqa: SIM115
        self._offsets: dict[str, int] = {}

    def __enter__(self) -> RunWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Delete the spool."""
        self._spool.close()

    def add(self, result: ArticleResult) -> None:
        """Spool one result's rows (replacing an earlier result of the same doc_id)."""
        entry = {"article": article_json(result), "events": [event_json(e) for e in result.events]}
        self._spool.seek(0, 2)
        self._offsets[result.doc_id] = self._spool.tell()
        self._spool.write(_line(entry).encode("utf-8"))

    def _entry(self, doc_id: str) -> dict[str, Any]:
        self._spool.seek(self._offsets[doc_id])
        return json.loads(self._spool.readline())

    def finish(self, order: Sequence[str], stories: Sequence[Story] = (),
               duplicates: Sequence[DuplicateGroup] = (),
               story_of: Mapping[str, str] | None = None) -> tuple[dict[str, Path], RunTally]:
        """Write the files: articles and their events in `order`, then stories and duplicates.

        `story_of` (event_id -> story_id; when None, events keep the story_id they had) sets the
        events' story_id as linking decided.
        """
        paths = {name: self.out / name for name in OUTPUT_FILES}
        tally = RunTally(stories=len(stories), duplicates=len(duplicates))
        with paths["articles.jsonl"].open("w", encoding="utf-8") as articles, \
                paths["events.jsonl"].open("w", encoding="utf-8") as events:
            for doc_id in order:
                entry = self._entry(doc_id)
                articles.write(_line(entry["article"]))
                tally.count_article(entry["article"])
                linked = story_of is not None and entry["article"]["status"] == "ok"
                for row in entry["events"]:
                    if linked:
                        row["story_id"] = story_of.get(row["event_id"])
                    events.write(_line(row))
                    tally.count_event(row)
        write_jsonl(paths["stories.jsonl"], (s.to_json() for s in stories))
        write_jsonl(paths["duplicates.jsonl"], (d.to_json() for d in duplicates))
        return paths, tally
