"""Near-duplicate and syndicated copies: word shingles, MinHash signatures, LSH banding.

One wire story on several sites, or a page scraped twice, is one text: such articles are grouped
with a canonical copy (the earliest, then the longest) and none is dropped. Candidates come from
MinHash banding (cost grows with the corpus, not its square) and are confirmed on the exact
shingle sets: Jaccard similarity for copies, containment for a copy trimmed by its re-publisher.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsevents.records import Article, DuplicateGroup

SHINGLE_WORDS = 5
N_HASHES = 126
BAND_ROWS = 3  # 42 bands of 3 rows: pairs above ~0.3 Jaccard become candidates
MIN_JACCARD = 0.7  # copies with a different headline, byline or last paragraph stay above this
MIN_CONTAINMENT = 0.9  # a trimmed copy: nearly all its shingles are in the longer text
MIN_SHINGLES = 20  # shorter texts are too small to call copies (briefs, headlines)
_WORD = re.compile(r"\w+")


MAX_BUCKET = 50  # a bigger bucket (one template text) is chained, not paired all with all
_BAND_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9],
                     dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class TextPrint:
    """What copy detection keeps of an article: its shingles, date and length (not its text)."""

    doc_id: str
    shingles: np.ndarray  # sorted unique uint64 shingle hashes
    pub_date: str | None
    length: int


def text_print(article: Article) -> TextPrint | None:
    """The print of an article; None when its body is too short to call copies."""
    body = article.body
    found = shingles(body)
    if len(found) < MIN_SHINGLES:
        return None
    return TextPrint(article.doc_id, found, article.pub_date, len(body))


def shingles(text: str, size: int = SHINGLE_WORDS) -> np.ndarray:
    """Sorted unique 64-bit hashes of the lowercase word `size`-grams of `text`.

    Words are hashed with CRC-32 (stable across runs) and a gram's hash is a polynomial of its
    word hashes, computed for all grams at once.
    """
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    codes = {w: zlib.crc32(w.encode()) for w in set(words)}
    ids = np.fromiter((codes[w] for w in words), dtype=np.uint64, count=len(words))
    n = max(1, len(ids) - size + 1)
    grams = np.zeros(n, dtype=np.uint64)
    for k in range(min(size, len(ids))):
        grams = grams * np.uint64(0x100000001B3) + ids[k:k + n]
    return np.unique(grams * np.uint64(0x9E3779B97F4A7C15))


def _permutations(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Fixed (seeded) odd multipliers and offsets of n multiply-shift hash functions."""
    rng = np.random.default_rng(20201112)
    a = rng.integers(0, np.iinfo(np.uint64).max, size=n, dtype=np.uint64, endpoint=True)
    b = rng.integers(0, np.iinfo(np.uint64).max, size=n, dtype=np.uint64, endpoint=True)
    return a | np.uint64(1), b


def signature(hashes: np.ndarray, coeffs: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """The MinHash signature (one minimum per hash function) of a shingle set.

    Multiply-shift hashing: (a*x + b) wraps modulo 2**64 and its high 32 bits are kept, so each
    function orders the shingles differently (a plain a*x + b without wrap-around would not).
    """
    a, b = coeffs
    mixed = (np.outer(hashes, a) + b) >> np.uint64(32)
    return mixed.min(axis=0)


def _candidates(texts: Sequence[TextPrint]) -> set[tuple[int, int]]:
    """Pairs of texts whose signatures agree on all rows of at least one band."""
    if len(texts) < 2:
        return set()
    coeffs = _permutations(N_HASHES)
    signatures = np.stack([signature(t.shingles, coeffs) for t in texts])
    pairs: set[tuple[int, int]] = set()
    for band in range(N_HASHES // BAND_ROWS):
        rows = signatures[:, band * BAND_ROWS:(band + 1) * BAND_ROWS]
        keys = (rows * _BAND_MIX[:BAND_ROWS]).sum(axis=1)
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        ends = np.r_[starts[1:], len(ordered)]
        for start, end in zip(starts, ends, strict=True):
            if end - start > 1:
                pairs.update(_bucket_pairs(sorted(order[start:end].tolist())))
    return pairs


def _bucket_pairs(members: list[int]) -> list[tuple[int, int]]:
    if len(members) > MAX_BUCKET:
        return list(zip(members, members[1:], strict=False))
    return [(a, b) for i, a in enumerate(members) for b in members[i + 1:]]


def similarity(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set) of two sorted unique shingle arrays."""
    shared = len(np.intersect1d(x, y, assume_unique=True))
    union = len(x) + len(y) - shared
    smaller = min(len(x), len(y))
    return (shared / union if union else 0.0, shared / smaller if smaller else 0.0)


def is_copy(x: np.ndarray, y: np.ndarray) -> float | None:
    """The Jaccard similarity when two texts are copies of one another, else None."""
    jaccard, containment = similarity(x, y)
    if jaccard >= MIN_JACCARD or containment >= MIN_CONTAINMENT:
        return jaccard
    return None


def duplicate_groups(articles: Sequence[Article]) -> tuple[DuplicateGroup, ...]:
    """Groups of articles that are copies of one text, canonical copy first; singletons omitted."""
    return copy_groups([p for a in articles if (p := text_print(a)) is not None])


def copy_groups(texts: Sequence[TextPrint]) -> tuple[DuplicateGroup, ...]:
    """Groups of texts (prints of articles, in run order) that are copies of one text."""
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    edge_scores: dict[tuple[int, int], float] = {}
    for i, j in sorted(_candidates(texts)):
        score = is_copy(texts[i].shingles, texts[j].shingles)
        if score is not None:
            edge_scores[(i, j)] = score
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(texts)):
        groups[find(i)].append(i)
    lowest: dict[int, float] = {}
    for (i, _), score in edge_scores.items():
        root = find(i)
        lowest[root] = min(score, lowest.get(root, 1.0))
    result = [_group([texts[i] for i in members], lowest[root])
              for root, members in groups.items() if len(members) > 1]
    return tuple(sorted(result, key=lambda g: g.canonical))


def _group(members: Sequence[TextPrint], score: float) -> DuplicateGroup:
    canonical = min(members, key=lambda t: (t.pub_date is None, t.pub_date or "", -t.length,
                                            t.doc_id))
    doc_ids = (canonical.doc_id, *sorted(t.doc_id for t in members if t is not canonical))
    digest = hashlib.blake2b("|".join(sorted(doc_ids)).encode(), digest_size=6).hexdigest()
    return DuplicateGroup(group_id=f"dup-{digest}", canonical=canonical.doc_id,
                          doc_ids=doc_ids, similarity=round(score, 3))
