"""ingest stage: turn input paths (files, folders, JSONL, stdin) into RawArticle records.

Placeholder interface; the owner replaces the body.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from newsevents.options import Options
from newsevents.records import RawArticle, Rejection


def iter_inputs(
    paths: Sequence[str | Path], manifest: str | Path | None, options: Options
) -> Iterator[RawArticle | Rejection]:
    """Every input document as a RawArticle, or a Rejection naming the file and the reason."""
    raise NotImplementedError
