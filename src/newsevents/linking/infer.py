"""Publication dates inferred through links.

An article with no publication date may still say "agreed Thursday". When its main event is the
happening another article dates ("Nov. 12"), and the weekday agrees (2020-11-12 is a Thursday),
the article was written that day: relative dates in it can then be resolved. Words like
"yesterday" shift the day by link_dates.tsv.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from newsevents.linking.features import Mention, TermStats, mentions_of, term_stats, weekday_of
from newsevents.linking.match import is_link, score_pair
from newsevents.linking.rules import LinkRules
from newsevents.linking.views import ArticleView, as_views
from newsevents.records import ArticleResult


def days_after(date_text: str | None, rules: LinkRules) -> int | None:
    """Days between the event and the writing that a relative date phrase implies, else None."""
    if not date_text:
        return None
    phrase = " ".join(date_text.lower().strip(" .,").split())
    for prefix in ("on ", "late ", "early "):
        phrase = phrase.removeprefix(prefix)
    if phrase in rules.days_after:
        return rules.days_after[phrase]
    return 0 if weekday_of(phrase) is not None and len(phrase.split()) <= 2 else None


def _probes(views: Sequence[ArticleView], mentions: Sequence[Mention],
            rules: LinkRules) -> list[tuple[Mention, int]]:
    undated_docs = {v.doc_id for v in views if not v.pub_date}
    probes = []
    for m in mentions:
        if m.doc_id in undated_docs and m.event.main and m.span is None:
            offset = days_after(m.event.date_text, rules)
            if offset is not None:
                probes.append((m, offset))
    return probes


def infer_dates(results: Sequence[ArticleResult] | Sequence[ArticleView],
                rules: LinkRules) -> dict[str, str]:
    """doc_id -> YYYY-MM-DD for undated articles whose main event links to a dated report.

    `results` are whole results or their light views (`views.ArticleView`).
    """
    views = as_views(results)
    mentions = mentions_of(views, rules)
    probes = _probes(views, mentions, rules)
    if not probes:
        return {}
    stats = term_stats(mentions)
    index = _dated_index(mentions, int(rules.weights.max_term_df))
    inferred: dict[str, str] = {}
    for probe, offset in probes:
        best = _best_dated(probe, index, mentions, rules, stats)
        if best is not None and best.span is not None:
            inferred[probe.doc_id] = date.fromordinal(best.span.lo + offset).isoformat()
    return inferred


def _dated_index(mentions: Sequence[Mention], max_df: int) -> Mapping[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for m in mentions:
        if m.span is not None and m.span.precision == "day":
            for t in m.terms:
                index[t].append(m.idx)
    return {t: ids for t, ids in index.items() if len(ids) <= max_df}


def _best_dated(probe: Mention, index: Mapping[str, list[int]], mentions: Sequence[Mention],
                rules: LinkRules, stats: TermStats) -> Mention | None:
    seen = {i for t in probe.terms for i in index.get(t, ())}
    best: tuple[float, int] | None = None
    for i in sorted(seen):
        other = mentions[i]
        if other.doc_id == probe.doc_id:
            continue
        pair = score_pair(probe, other, rules, stats)
        if pair is not None and is_link(pair, rules.weights) and (
                best is None or pair.score > best[0]):
            best = (pair.score, i)
    return mentions[best[1]] if best else None
