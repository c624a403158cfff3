"""What cleaning learns from the whole corpus: short lines repeated across unrelated documents.

A line is corpus boilerplate when it appears in at least `repeated_line_min_docs` documents AND
in at least `repeated_line_min_share` of them — one coincidence cannot trigger it. Syndicated
copies of one story share many lines; those shared lines are the story, not boilerplate, so a
group of lines that covers much of the documents it occurs in is left alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from newsevents.cleaning.lines import split_lines
from newsevents.options import Options
from newsevents.records import RawArticle

# Longer lines are paragraphs: a paragraph shared by documents is syndication, not boilerplate.
MAX_REPEATED_WORDS = 40
# Lines shared by exactly the same documents that make up this share of the smallest of them
# mean the documents are copies of one text.
SYNDICATION_SHARE = 0.3


def line_key(text: str) -> str:
    """A line normalised for comparison across documents."""
    return re.sub(r"\s+", " ", text.strip().lower())


@dataclass(frozen=True)
class CorpusProfile:
    """What cleaning learns from the whole corpus first (lines repeated across documents)."""

    repeated_lines: frozenset[str] = frozenset()
    n_documents: int = 0

    def is_repeated(self, text: str) -> bool:
        """True when the line is boilerplate repeated across the corpus."""
        return line_key(text) in self.repeated_lines


def _doc_keys(raw: RawArticle) -> tuple[set[str], int]:
    """The document's short lines (normalised) and its number of distinct lines."""
    lines = {line_key(line.text) for line in split_lines(raw.text)}
    return {key for key in lines if len(key.split()) <= MAX_REPEATED_WORDS}, len(lines)


def build_profile(raws: Iterable[RawArticle], options: Options) -> CorpusProfile:
    """One pass over the corpus: lines that recur across many otherwise different documents."""
    docs_of: dict[str, set[int]] = defaultdict(set)
    sizes: list[int] = []
    for number, raw in enumerate(raws):
        keys, size = _doc_keys(raw)
        sizes.append(size)
        for key in keys:
            docs_of[key].add(number)
    n_docs = len(sizes)
    needed = max(options.repeated_line_min_docs, options.repeated_line_min_share * n_docs)
    candidates = {key: frozenset(docs) for key, docs in docs_of.items() if len(docs) >= needed}
    by_docset: dict[frozenset[int], list[str]] = defaultdict(list)
    for key, docs in candidates.items():
        by_docset[docs].append(key)
    repeated: set[str] = set()
    for docs, keys in by_docset.items():
        smallest = min(sizes[d] for d in docs) or 1
        if len(keys) / smallest < SYNDICATION_SHARE:
            repeated.update(keys)
    return CorpusProfile(frozenset(repeated), n_docs)
