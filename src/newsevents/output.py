"""Write a run's records as JSON lines: articles.jsonl, events.jsonl, stories.jsonl, duplicates."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsevents.records import RunResult, article_json, event_json

OUTPUT_FILES = ("articles.jsonl", "events.jsonl", "stories.jsonl", "duplicates.jsonl")


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    """Write `rows` as JSON lines to `path` (UTF-8, one object a line); return the count."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
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
