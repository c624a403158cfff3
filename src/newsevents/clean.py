"""clean stage: body lines vs boilerplate, title, outlet, dateline, publication date, truncation.

Placeholder interface; the owner replaces the body.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsevents.knowledge import Knowledge
from newsevents.options import Options
from newsevents.records import Article, RawArticle, Rejection


@dataclass(frozen=True)
class CorpusProfile:
    """What cleaning learns from the whole corpus first (e.g. lines repeated across documents)."""

    repeated_lines: frozenset[str] = frozenset()
    n_documents: int = 0


def build_profile(raws: Iterable[RawArticle], options: Options) -> CorpusProfile:
    """One pass over the corpus: lines that recur across many documents."""
    raise NotImplementedError


def clean(
    raw: RawArticle, knowledge: Knowledge, profile: CorpusProfile, options: Options
) -> Article | Rejection:
    """Clean one article, or reject it with a one-line reason."""
    raise NotImplementedError
