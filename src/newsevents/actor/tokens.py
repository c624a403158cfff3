"""Plain-Python columns of a parsed Doc's token attributes, read once per Doc.

Every `doc[i]` builds a new spaCy Token object, and the actor scan looks at each token many
times (once for every phrase length it tries from each start). Reading each attribute once into a
tuple makes those looks list indexing. The table is stored in `doc.user_data`, like the scan.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Any

CACHE_KEY = "newsevents.token_table"


@dataclass(frozen=True)
class TokenTable:
    """Per-token attributes of one Doc, indexed by token position."""

    doc_text: str
    text: tuple[str, ...]
    whitespace: tuple[str, ...]
    idx: tuple[int, ...]
    pos: tuple[str, ...]
    is_alpha: tuple[bool, ...]
    is_punct: tuple[bool, ...]
    is_space: tuple[bool, ...]
    lower: tuple[str, ...]
    lower_key: tuple[str, ...]  # lower_ without dots (how sector words are matched)
    lemma_key: tuple[str, ...]  # lemma_, lower case, without dots
    head: tuple[int, ...]  # index of the syntactic head
    dep: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.text)

    def valid(self, start: int, end: int) -> bool:
        """Whether [start, end) is a span of the Doc as is (no negative or clipped bounds)."""
        return 0 <= start <= end <= len(self.text)

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text` of a valid span, cut from the Doc's text, not built from
        Tokens."""
        if end <= start:
            return ""
        last = end - 1
        return self.doc_text[self.idx[start]: self.idx[last] + len(self.text[last])]


def token_table(doc: Any) -> TokenTable:
    """The token table of `doc`, built once and kept in `doc.user_data`."""
    cached = doc.user_data.get(CACHE_KEY)
    if cached is None:
        cached = doc.user_data[CACHE_KEY] = _build(doc)
    return cached


def _build(doc: Any) -> TokenTable:
    """Read the columns with `Doc.to_array` (ids and flags) and the string store, without
    creating a Token object per token."""
    from spacy.attrs import (
        DEP,
        HEAD,
        IDX,
        IS_ALPHA,
        IS_PUNCT,
        IS_SPACE,
        LEMMA,
        LOWER,
        ORTH,
        POS,
        SPACY,
    )

    if not len(doc):
        return TokenTable(doc.text, *((),) * 12)
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, SPACY, IDX, POS, IS_ALPHA, IS_PUNCT, IS_SPACE, LOWER, LEMMA,
                         DEP]).tolist()
    heads = doc.to_array([HEAD]).astype("int64").tolist()  # offsets from the token
    orth, spacy, idx, pos, alpha, punct, space, lower, lemma, dep = zip(*rows, strict=True)
    lower_words = tuple(strings[h] for h in lower)
    text = tuple(strings[h] for h in orth)
    whitespace = tuple(" " if flag else "" for flag in spacy)
    return TokenTable(
        doc_text="".join(map(operator.add, text, whitespace)),  # as Doc.text joins them
        text=text,
        whitespace=whitespace,
        idx=idx,
        pos=tuple(strings[h] for h in pos),
        is_alpha=tuple(map(bool, alpha)),
        is_punct=tuple(map(bool, punct)),
        is_space=tuple(map(bool, space)),
        lower=lower_words,
        lower_key=tuple(w.replace(".", "") for w in lower_words),
        lemma_key=tuple(strings[h].lower().replace(".", "") for h in lemma),
        head=tuple(i + offset for i, offset in enumerate(heads)),
        dep=tuple(strings[h] for h in dep),
    )
