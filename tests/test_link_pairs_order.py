"""Linked pairs are merged best first; the compact-array sort orders them as tuples would."""

from __future__ import annotations

import array
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from newsevents.linking.match import ScoredPairs, _best_first

# Scores from a few values (ties are the point), event ids that may repeat across mentions.
PAIRS = st.lists(st.tuples(st.sampled_from([1.5, 2.0, 2.25, 3.0]), st.integers(0, 7),
                           st.integers(0, 7)), max_size=40)
IDS = st.lists(st.sampled_from(["a:e0", "a:e1", "b:e0", "b:e10", "b:e2", "c:e1"]),
               min_size=8, max_size=8)


def _mentions(ids: list[str]) -> list[SimpleNamespace]:
    return [SimpleNamespace(event=SimpleNamespace(event_id=e)) for e in ids]


@given(PAIRS, IDS)
def test_best_first_is_the_stable_sort_by_score_then_event_ids(pairs, ids):
    mentions = _mentions(ids)
    scored = ScoredPairs(array.array("d", [p[0] for p in pairs]),
                         array.array("q", [p[1] for p in pairs]),
                         array.array("q", [p[2] for p in pairs]))
    expected = sorted(pairs, key=lambda s: (-s[0], *sorted((ids[s[1]], ids[s[2]]))))
    assert list(_best_first(scored, mentions)) == expected


def test_pairs_of_two_halves_keep_their_order():
    one = ScoredPairs(array.array("d", [2.0]), array.array("q", [0]), array.array("q", [1]))
    two = ScoredPairs(array.array("d", [3.0]), array.array("q", [2]), array.array("q", [3]))
    joined = one.extended(two)
    assert list(zip(joined.scores, joined.first, joined.second, strict=True)) == [
        (2.0, 0, 1), (3.0, 2, 3)]
    assert len(ScoredPairs.empty()) == 0
