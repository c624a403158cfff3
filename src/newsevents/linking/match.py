"""Same-event linking: which event mentions of different articles report one happening.

Why this shape:
- Text similarity alone cannot tell two reports of one phone call from two different calls
  between the same governments, so a pair is scored on what a reader checks: the same act (or
  one outlets code differently), the same parties in the same roles, the same day, the same
  names and figures; text similarity is one signal among these. Each date tier (day, month or
  year, none) has its own threshold, and the less the date says the more terms must agree.
- Blocking keeps cost near-linear: mentions are compared within their dyad and family of types,
  and only within a few days of each other; mentions with a coarse or no date find candidates
  through the rare terms they share instead of the calendar. Mentions that know one party, or
  none, look for partners among the mentions of that country, or of their type family.
- Clusters grow greedily from the best pairs and never span more days than one happening can,
  so one loose pair cannot chain two stories together; two mentions of one article join one
  story only when they can tell one happening (the same sentence coded twice, or the same day,
  type family and parties).
"""

from __future__ import annotations

import array
import bisect
import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from newsevents.linking.features import DateSpan, Mention, TermStats
from newsevents.linking.parallel import beside
from newsevents.linking.rules import LinkRules, Weights


@dataclass(frozen=True, slots=True)
class PairScore:
    """The score of a candidate pair and how well its dates are known."""

    score: float
    tier: str  # "dated" | "coarse" | "undated"
    terms: float
    actors: float


# --------------------------------------------------------------------------- pair scoring


def score_pair(a: Mention, b: Mention, rules: LinkRules,
               stats: TermStats) -> PairScore | None:
    """Score two mentions; None when they cannot be one happening (type, roles, dates) or share
    too few terms to ever be linked (checked before the parties, which cost more)."""
    w = rules.weights
    relation = rules.type_relation(a.type, b.type)
    if relation is None:
        return None
    dated = date_score(a, b, w)
    if dated is None:
        return None
    date_points, tier = dated
    terms = term_overlap(a, b, stats)
    if terms < _MIN_TERMS[tier](w):
        return None  # too little in common to be linked whatever the rest says
    actors = actor_score(a, b, rules)
    if actors is None:
        return None
    score = (w.type_same if relation == "same" else w.type_compatible) + actors + date_points
    score += _mode_status(a, b, w) + w.terms * terms + w.text * text_similarity(a, b)
    return PairScore(score, tier, terms, actors)


_MIN_TERMS = {
    "dated": lambda w: w.min_terms_dated,
    "coarse": lambda w: w.min_terms_coarse,
    "undated": lambda w: w.min_terms_undated,
}


def is_link(pair: PairScore, w: Weights) -> bool:
    """Whether a scored pair reaches the threshold of its date tier."""
    if pair.tier == "dated":
        return pair.score >= w.threshold_dated and pair.terms >= w.min_terms_dated
    if pair.tier == "coarse":
        return pair.score >= w.threshold_coarse and pair.terms >= w.min_terms_coarse
    return (pair.score >= w.threshold_undated and pair.terms >= w.min_terms_undated
            and pair.actors >= w.min_actors_undated)


def actor_score(a: Mention, b: Mention, rules: LinkRules) -> float | None:
    """Points for agreeing parties; None when a known party differs in every admissible role order.

    For directed acts (an appeal, a strike) the roles must agree; for shared acts (talks, a deal)
    the parties may be named in either order. At least one country must be shared unless one
    mention knows none (its parties are unknown, not different).
    """
    scores = [points for points, _ in _role_orders(a, b, rules)]
    return max(scores) if scores else None


def roles_agree(a: Mention, b: Mention, rules: LinkRules) -> bool:
    """Same parties in admissible roles and no side with conflicting sectors."""
    return any(not conflict for _, conflict in _role_orders(a, b, rules))


def _role_orders(a: Mention, b: Mention, rules: LinkRules) -> list[tuple[float, bool]]:
    """(points, sector conflict) for each admissible order of a's parties against b's.

    Shared acts may name their parties in either order; directed acts may not: two appeals in
    opposite directions are each side's own demand (mutual accusations are two happenings).
    """
    orders = [(a.sides[0], a.sides[1])]
    if not (rules.is_directed(a.type) or rules.is_directed(b.type)):
        orders.append((a.sides[1], a.sides[0]))
    anonymous = not (a.countries and b.countries)  # an unknown party is not a different one
    found = []
    for first, second in orders:
        one = _side_points(first, b.sides[0], rules.weights)
        two = _side_points(second, b.sides[1], rules.weights) if one is not None else None
        if one is not None and two is not None and (one[2] + two[2] or anonymous):
            found.append((one[0] + two[0], one[1] or two[1]))
    return found


def _side_points(x: tuple, y: tuple, w: Weights) -> tuple[float, bool, int] | None:
    """(points, sector conflict, shared country) of one side; None when the countries differ."""
    key_x, sector_x, name_x = x
    key_y, sector_y, name_y = y
    points, conflict, shared = 0.0, False, 0
    if key_x and key_y:
        if key_x != key_y:
            return None
        shared = 1
        points += w.country_side
    if sector_x and sector_y:
        conflict = sector_x != sector_y
        points += w.sector_conflict if conflict else w.sector_same
    if name_x and name_y and name_x == name_y:
        points += w.name_same
    return points, conflict, shared


def date_score(a: Mention, b: Mention, w: Weights) -> tuple[float, str] | None:
    """(points, tier) for the two dates; None when they cannot be the same happening.

    A recap of the past links to the happening it recaps by its own date: an undated recap
    ("since their leaders agreed to improve ties") cannot be placed, so it links to nothing.
    """
    if (a.event.background and a.span is None) or (b.event.background and b.span is None):
        return None
    if a.span is not None and b.span is not None:
        return _spans_score(a.span, b.span, w)
    if a.span is None and b.span is None:
        return _undated_pair(a, b, w)
    undated, dated = (a, b) if a.span is None else (b, a)
    return _undated_vs_dated(undated, dated, w)


def _spans_score(x: DateSpan, y: DateSpan, w: Weights) -> tuple[float, str] | None:
    if x.precision == "day" and y.precision == "day":
        gap = abs(x.lo - y.lo)
        if gap > w.day_window:
            return None
        points = w.date_same_day if gap == 0 else w.date_one_day if gap == 1 else w.date_near
        return points, "dated"
    if x.hi < y.lo or y.hi < x.lo:
        return None
    precisions = {x.precision, y.precision}
    if precisions == {"day", "month"}:
        return w.date_in_month, "coarse"
    if precisions == {"month"}:
        return w.date_same_month, "coarse"
    return w.date_in_year, "coarse"


def _article_window(m: Mention, w: Weights) -> tuple[int, int] | None:
    """Days an undated event of a dated article can fall on (planned events: after)."""
    if m.pub_ord is None:
        return None
    if m.event.background:
        return m.pub_ord - 100 * 365, m.pub_ord
    if m.event.status == "planned":
        return m.pub_ord, m.pub_ord + 10 * int(w.undated_window)
    return m.pub_ord - int(w.undated_window), m.pub_ord + 1


def _undated_vs_dated(undated: Mention, dated: Mention, w: Weights) -> tuple[float, str] | None:
    span = dated.span
    assert span is not None
    window = _article_window(undated, w)
    if window is not None and (span.hi < window[0] or window[1] < span.lo):
        return None
    points = 0.0
    if undated.weekday is not None and span.precision == "day":
        if (span.lo - 1) % 7 != undated.weekday:  # date.toordinal() 1 is a Monday
            return None
        points += w.weekday_agrees
    return points, "undated"


def _undated_pair(a: Mention, b: Mention, w: Weights) -> tuple[float, str] | None:
    wa, wb = _article_window(a, w), _article_window(b, w)
    if wa is not None and wb is not None and (wa[1] < wb[0] or wb[1] < wa[0]):
        return None
    points = 0.0
    if a.weekday is not None and b.weekday is not None:
        if a.weekday != b.weekday:
            return None
        points += w.weekday_agrees
    return points, "undated"


def _mode_status(a: Mention, b: Mention, w: Weights) -> float:
    points = 0.0
    if a.event.mode and b.event.mode:
        points += w.mode_same if a.event.mode == b.event.mode else w.mode_conflict
    if {a.event.status, b.event.status} == {"planned", "occurred"}:
        points += w.status_conflict
    return points


def term_overlap(a: Mention, b: Mention, stats: TermStats) -> float:
    """IDF-weighted overlap of the two mentions' terms, relative to the poorer one (0..1)."""
    shared = a.terms & b.terms
    if not shared:
        return 0.0
    smaller = min(stats.totals[a.idx], stats.totals[b.idx])
    weights = stats.weights
    return sum(weights[t] for t in shared) / smaller if smaller > 0 else 0.0


def text_similarity(a: Mention, b: Mention) -> float:
    """Jaccard similarity of the word stems of the two evidence sentences."""
    union = len(a.terms | b.terms)
    return len(a.terms & b.terms) / union if union else 0.0


# --------------------------------------------------------------------------- blocking


def type_families(rules: LinkRules) -> Mapping[str, int]:
    """Types joined by compatibility into families (connected components): the type block."""
    parent: dict[str, str] = {}

    def find(t: str) -> str:
        while parent.setdefault(t, t) != t:
            t = parent[t]
        return t

    for name, others in rules.compatible.items():
        for other in others:
            parent[find(name)] = find(other)
    roots = sorted({find(t) for t in parent})
    return {t: roots.index(find(t)) for t in parent}


def block_keys(m: Mention, families: Mapping[str, int]) -> tuple[tuple, tuple]:
    """(home blocks, probe blocks) of a mention.

    - "D" (dyad, family): mentions that know both parties meet by calendar and rare terms.
    - "C" (country, family): mentions that know one party (probes) look there for every mention
      involving that country.
    - "A" (family): mentions that know no party (probes) look among all mentions of the family
      by rare terms only: their parties are unknown, not different.
    """
    family = families.get(m.type, -1)
    countries = m.countries
    anywhere = ("A", family)
    if m.src is not None and m.tgt is not None:
        homes = (("D", countries, family), *(("C", c, family) for c in countries), anywhere)
        return homes, ()
    if countries:
        return (("C", countries[0], family), anywhere), (("C", countries[0], family),)
    return (anywhere,), (anywhere,)


def candidate_pairs(mentions: Sequence[Mention], families: Mapping[str, int],
                    stats: TermStats, w: Weights,
                    part: tuple[int, int] = (0, 1)) -> Iterator[tuple[int, int]]:
    """Pairs (i, j), i < j, of mentions of different articles worth scoring, each once.

    `part` = (k, n) keeps the blocks of share k of n (balanced by size), so n processes can
    score one corpus together.
    """
    blocks: dict[tuple, list[Mention]] = defaultdict(list)
    probes: dict[tuple, set[int]] = defaultdict(set)
    for m in mentions:
        homes, probing = block_keys(m, families)
        for key in homes:
            blocks[key].append(m)
        for key in probing:
            probes[key].add(m.idx)
    # No pair is found in two blocks (pairs with a probe come only from the probe's block, and
    # the dyad blocks hold no probes), so repeated pairs are only looked for within a block.
    useful = [key for key in blocks if key[0] == "D" or probes.get(key)]
    for key in _share(useful, blocks, part):
        members = blocks[key]
        focus = probes.get(key) if key[0] != "D" else None
        seen: set[tuple[int, int]] = set()
        for i, j in _block_pairs(key[0], members, stats, w, focus):
            pair = (i, j) if i < j else (j, i)
            if pair not in seen:
                seen.add(pair)
                yield pair


def _share(keys: list[tuple], blocks: Mapping[tuple, list[Mention]],
           part: tuple[int, int]) -> list[tuple]:
    """The block keys of share `part[0]` of `part[1]`: biggest blocks first to the lightest."""
    index, count = part
    if count == 1:
        return keys
    loads = [0] * count
    mine = []
    for key in sorted(keys, key=lambda k: (-len(blocks[k]), repr(k))):
        lightest = loads.index(min(loads))
        loads[lightest] += len(blocks[key]) ** 2
        if lightest == index:
            mine.append(key)
    return mine


def _block_pairs(kind: str, members: Sequence[Mention], stats: TermStats, w: Weights,
                 focus: set[int] | None) -> Iterator[tuple[int, int]]:
    """Calendar and rare-term neighbours; with `focus`, only pairs that involve it."""
    window, max_df, cap = int(w.day_window), int(w.max_term_df), int(w.max_candidates)
    busy = int(w.max_calendar_candidates)
    if focus is None:
        yield from _calendar_pairs(members, window, busy)
        seekers = [m for m in members if m.day is None]
    else:
        if kind == "C":
            yield from _calendar_pairs_of(members, focus, window, busy)
        seekers = [m for m in members if m.idx in focus]
    yield from _term_pairs(members, seekers, stats, max_df, cap)


def _closest(m: Mention, others: Sequence[Mention], cap: int) -> Sequence[Mention]:
    """`others`, or in a busy calendar window the `cap` that share the most terms with `m`
    (then the nearest in time).

    Why: a happening reported by hundreds of outlets in a few days puts them all in one
    window, and scoring all pairs grows with the square of the story. A mention's copies and
    retellings share the most terms with it and link the story together; smaller windows are
    kept whole. Shared terms are counted, not weighed: a set intersection per pair keeps this
    cheap next to scoring the pairs it saves.
    """
    if len(others) <= cap:
        return others
    terms, day = m.terms, m.day or 0
    return heapq.nsmallest(cap, others, key=lambda o: (
        -len(terms & o.terms), abs(day - (o.day or 0)), o.idx))


def _calendar_pairs(members: Sequence[Mention], window: int,
                    busy: int) -> Iterator[tuple[int, int]]:
    """Day-dated mentions of different articles at most `window` days apart (a sweep)."""
    dated = sorted((m for m in members if m.day is not None), key=lambda m: m.day)
    days = [m.day for m in dated]
    start = 0
    for pos, m in enumerate(dated):
        while days[start] < days[pos] - window:
            start += 1
        others = [o for o in dated[start:pos] if o.doc_id != m.doc_id]
        for other in _closest(m, others, busy):
            yield other.idx, m.idx


def _calendar_pairs_of(members: Sequence[Mention], focus: set[int], window: int,
                       busy: int) -> Iterator[tuple[int, int]]:
    """Day-dated mentions at most `window` days from a day-dated focus mention."""
    dated = sorted((m for m in members if m.day is not None), key=lambda m: m.day)
    days = [m.day for m in dated]
    for m in dated:
        if m.idx not in focus:
            continue
        low = bisect.bisect_left(days, m.day - window)
        high = bisect.bisect_right(days, m.day + window)
        others = [o for o in dated[low:high] if o.doc_id != m.doc_id]
        for other in _closest(m, others, busy):
            yield m.idx, other.idx


def _term_pairs(members: Sequence[Mention], seekers: Sequence[Mention],
                stats: TermStats, max_df: int,
                max_candidates: int) -> Iterator[tuple[int, int]]:
    """For each seeker: the mentions of the block sharing the most (rare) terms with it."""
    if not seekers:
        return
    by_idx = {m.idx: m for m in members}
    index: dict[str, list[Mention]] = defaultdict(list)
    for m in members:
        for t in m.terms:
            index[t].append(m)
    for m in seekers:
        shared: dict[int, float] = defaultdict(float)
        for t in m.terms:
            posting = index[t]
            if len(posting) > max_df:
                continue
            weight = stats.weights[t]
            for other in posting:
                if other.doc_id != m.doc_id:
                    shared[other.idx] += weight
        if len(shared) > max_candidates:
            best = heapq.nsmallest(max_candidates, shared.items(),
                                   key=lambda kv: (-kv[1], by_idx[kv[0]].event.event_id))
        else:
            best = list(shared.items())
        for other_idx, _ in best:
            yield m.idx, other_idx


# --------------------------------------------------------------------------- clustering


@dataclass
class _Cluster:
    """A growing story during greedy merging (internal, mutable on purpose, never escapes)."""

    key: int
    members: list[int]
    docs: dict[str, list[int]]  # article -> its members
    first_day: int | None
    last_day: int | None


def cluster(mentions: Sequence[Mention], rules: LinkRules, stats: TermStats,
            parallel: bool = False) -> list[list[int]]:
    """Groups of mention indexes that report one happening (singletons included).

    With `parallel`, half of the blocks are scored in a forked process (see linking.parallel).
    """
    if parallel:
        helper = beside(linked_pairs, mentions, rules, stats, (1, 2))
        pairs = linked_pairs(mentions, rules, stats, (0, 2)).extended(helper())
    else:
        pairs = linked_pairs(mentions, rules, stats)
    return merge_pairs(mentions, _best_first(pairs, mentions), rules)


@dataclass(frozen=True)
class ScoredPairs:
    """Linked pairs (score, i, j) as three parallel compact arrays, in the order found.

    Why arrays: a corpus with many reports of each happening links millions of pairs; as Python
    tuples they would take several times the memory of the mentions themselves.
    """

    scores: array.array  # "d"
    first: array.array  # "q": mention index i
    second: array.array  # "q": mention index j

    @classmethod
    def empty(cls) -> ScoredPairs:
        return cls(array.array("d"), array.array("q"), array.array("q"))

    def extended(self, other: ScoredPairs) -> ScoredPairs:
        """These pairs followed by `other`'s."""
        return ScoredPairs(self.scores + other.scores, self.first + other.first,
                           self.second + other.second)

    def __len__(self) -> int:
        return len(self.scores)


def linked_pairs(mentions: Sequence[Mention], rules: LinkRules, stats: TermStats,
                 part: tuple[int, int] = (0, 1)) -> ScoredPairs:
    """Candidate pairs (of blocks share `part`) that reach their threshold: (score, i, j)."""
    families = type_families(rules)
    scored = ScoredPairs.empty()
    for i, j in candidate_pairs(mentions, families, stats, rules.weights, part):
        pair = score_pair(mentions[i], mentions[j], rules, stats)
        if pair is not None and is_link(pair, rules.weights):
            scored.scores.append(pair.score)
            scored.first.append(i)
            scored.second.append(j)
    return scored


SORTED_CHUNK = 1 << 16  # pairs turned back into Python tuples at a time


def _best_first(scored: ScoredPairs,
                mentions: Sequence[Mention]) -> Iterator[tuple[float, int, int]]:
    """Pairs by falling score; ties by event ids, so the input order does not matter.

    (A stable sort on: score descending, then the smaller and the larger event id of the pair —
    the event ids by their rank in string order.)
    """
    if not len(scored):
        return
    ids = [m.event.event_id for m in mentions]
    rank_of = {event_id: rank for rank, event_id in enumerate(sorted(set(ids)))}
    ranks = np.fromiter((rank_of[e] for e in ids), dtype=np.int64, count=len(ids))
    first = np.frombuffer(scored.first, dtype=np.int64)
    second = np.frombuffer(scored.second, dtype=np.int64)
    scores = np.frombuffer(scored.scores, dtype=np.float64)
    low = np.minimum(ranks[first], ranks[second])
    high = np.maximum(ranks[first], ranks[second])
    order = np.lexsort((high, low, -scores))
    del low, high
    for start in range(0, len(order), SORTED_CHUNK):
        chunk = order[start:start + SORTED_CHUNK]
        yield from zip(scores[chunk].tolist(), first[chunk].tolist(), second[chunk].tolist(),
                       strict=True)


def merge_pairs(mentions: Sequence[Mention], scored: Iterable[tuple[float, int, int]],
                rules: LinkRules) -> list[list[int]]:
    """Greedy merging of linked pairs, best first, within one happening's time span.

    An article may tell one happening twice (a sentence coded as CONSULT and AGREE, a second
    sentence on the same call); two clusters holding mentions of one article merge only when
    those mentions can be one happening themselves (see `same_happening_in_article`).
    """
    window = int(rules.weights.day_window)
    owner = list(range(len(mentions)))
    clusters: dict[int, _Cluster] = {}
    for m in mentions:
        clusters[m.idx] = _Cluster(m.idx, [m.idx], {m.doc_id: [m.idx]}, m.day, m.day)
    for _, i, j in scored:
        a, b = clusters[owner[i]], clusters[owner[j]]
        if a is b or not _within(a, b, window) or not _articles_agree(a, b, mentions, rules):
            continue
        if len(a.members) < len(b.members):
            a, b = b, a
        a.members.extend(b.members)
        for doc_id, idxs in b.docs.items():
            a.docs.setdefault(doc_id, []).extend(idxs)
        a.first_day = _pick(min, a.first_day, b.first_day)
        a.last_day = _pick(max, a.last_day, b.last_day)
        for idx in b.members:
            owner[idx] = a.key
        del clusters[b.key]
    return [sorted(c.members) for c in clusters.values()]


def _articles_agree(a: _Cluster, b: _Cluster, mentions: Sequence[Mention],
                    rules: LinkRules) -> bool:
    shared = a.docs.keys() & b.docs.keys()
    return all(same_happening_in_article(mentions[x], mentions[y], rules)
               for doc_id in shared for x in a.docs[doc_id] for y in b.docs[doc_id])


def same_happening_in_article(x: Mention, y: Mention, rules: LinkRules) -> bool:
    """Two mentions of one article that can tell one happening: coded from the same sentence,
    or on the same day (or one undated) with a compatible type and the same parties in agreeing
    roles."""
    if x.event.evidence_start == y.event.evidence_start:
        return True
    same_day = x.day == y.day or (x.span is None or y.span is None)
    return (same_day and x.event.background == y.event.background
            and rules.type_relation(x.type, y.type) is not None and roles_agree(x, y, rules))


def _within(a: _Cluster, b: _Cluster, window: int) -> bool:
    """Whether the day-dated members of both clusters fit in one window."""
    if a.first_day is None or b.first_day is None:
        return True
    return max(a.last_day, b.last_day) - min(a.first_day, b.first_day) <= window  # type: ignore[type-var]


def _pick(fn, x: int | None, y: int | None) -> int | None:
    values = [v for v in (x, y) if v is not None]
    return fn(values) if values else None


def attach_same_sentence(groups: Sequence[Sequence[int]], mentions: Sequence[Mention],
                         rules: LinkRules) -> list[list[int]]:
    """Put a lone mention into the story of a mention coded from the same sentence.

    A sentence like "agreed Thursday over the telephone to continue dialogue" can be coded twice
    (CONSULT and AGREE); both describe the one happening the other article also reports.
    """
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    sizes = [len(members) for members in groups]
    moved: dict[int, int] = {}
    by_sentence: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[(m.doc_id, m.event.evidence_start)].append(m)
    for unordered in by_sentence.values():
        siblings = sorted(unordered, key=lambda m: m.event.event_id)
        anchors = [m for m in siblings if sizes[group_of[m.idx]] > 1]
        for m in siblings:
            if sizes[group_of[m.idx]] > 1 or not anchors:
                continue
            anchor = next((x for x in anchors
                           if x.event.background == m.event.background
                           and rules.type_relation(x.type, m.type) is not None
                           and roles_agree(x, m, rules)), None)
            if anchor is not None:
                moved[m.idx] = group_of[anchor.idx]
    result = [[i for i in members if i not in moved] for members in groups]
    for idx, target in moved.items():
        result[target].append(idx)
    return [sorted(members) for members in result if members]
