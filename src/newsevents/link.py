"""link stage: duplicates, same-event stories, each side's account, dates inferred through links.

Placeholder interface; the owner replaces the body.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.records import ArticleResult, RunResult


def infer_pub_dates(results: Sequence[ArticleResult]) -> dict[str, str]:
    """doc_id -> YYYY-MM-DD for undated articles whose main event links to a dated report."""
    return {}


def link(results: Sequence[ArticleResult]) -> RunResult:
    """Group duplicates and same-event mentions; events come back with `story_id` set."""
    return RunResult(articles=tuple(results))
