"""Linking across articles: duplicates, same-event stories, accounts, dates through links.

    link(results) -> RunResult      events come back with story_id set, stories, duplicate groups
    infer_pub_dates(results)        doc_id -> YYYY-MM-DD for undated articles (weekday agrees)
    story_view(run, story_id)       what `newsevents story ID` shows

Modules: rules (data files), features (per-mention view), match (scoring, blocking, clustering),
dedup (MinHash copies), stories (Story records, accounts, view), infer (dates through links).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsevents.linking.dedup import duplicate_groups
from newsevents.linking.features import mentions_of, term_stats
from newsevents.linking.infer import infer_dates
from newsevents.linking.match import attach_same_sentence, cluster
from newsevents.linking.parallel import beside
from newsevents.linking.rules import LinkRules, load_link_rules
from newsevents.linking.stories import build_stories, story_view
from newsevents.records import ArticleResult, RunResult

__all__ = ["LinkRules", "infer_pub_dates", "link", "load_link_rules", "story_view"]


def infer_pub_dates(results: Sequence[ArticleResult],
                    rules: LinkRules | None = None) -> dict[str, str]:
    """doc_id -> YYYY-MM-DD for undated articles whose main event links to a dated report.

    Only where the weekday (or "yesterday"/"today") of the undated report agrees with the date
    of the dated one; the pipeline re-processes those articles with pub_date_source "inferred".
    """
    return infer_dates(results, rules or load_link_rules())


PARALLEL_MIN_MENTIONS = 20_000  # below this a second process costs more than it saves


def link(results: Sequence[ArticleResult], rules: LinkRules | None = None,
         parallel: bool | None = None) -> RunResult:
    """Group duplicates and same-event mentions; every event comes back with a story_id.

    `parallel` (default: for large runs) uses a second core: copies are found and half of the
    candidate pairs are scored in forked processes; the result is the same either way.
    """
    rules = rules or load_link_rules()
    articles = {r.doc_id: r.article for r in results if r.article is not None}
    mentions = mentions_of(results, rules)
    if parallel is None:
        parallel = len(mentions) >= PARALLEL_MIN_MENTIONS
    copies = (beside(duplicate_groups, tuple(articles.values())) if parallel
              else lambda: duplicate_groups(tuple(articles.values())))
    stats = term_stats(mentions)
    groups = attach_same_sentence(cluster(mentions, rules, stats, parallel), mentions, rules)
    stories = build_stories(groups, mentions, articles, rules)
    story_of = {event_id: s.story_id for s in stories for event_id in s.event_ids}
    linked = tuple(
        replace(r, events=tuple(replace(e, story_id=story_of.get(e.event_id)) for e in r.events))
        if r.article is not None else r
        for r in results
    )
    return RunResult(articles=linked, stories=stories, duplicates=copies())
