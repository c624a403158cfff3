"""Linking across articles: duplicates, same-event stories, accounts, dates through links.

    link(results) -> RunResult      events come back with story_id set, stories, duplicate groups
    link_views(views) -> Links      the same links from light per-article views (streaming runs)
    infer_pub_dates(results)        doc_id -> YYYY-MM-DD for undated articles (weekday agrees)
    story_view(run, story_id)       what `newsevents story ID` shows

Modules: rules (data files), views (what linking keeps of an article), features (per-mention
view), match (scoring, blocking, clustering), dedup (MinHash copies), stories (Story records,
accounts, view), infer (dates through links).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

from newsevents.linking.dedup import copy_groups
from newsevents.linking.features import mentions_of, term_stats
from newsevents.linking.infer import infer_dates
from newsevents.linking.match import attach_same_sentence, cluster
from newsevents.linking.parallel import beside
from newsevents.linking.rules import LinkRules, load_link_rules
from newsevents.linking.stories import build_stories, story_view
from newsevents.linking.views import ArticleView, LinkCollector, as_views, view_of, views_of
from newsevents.records import ArticleResult, DuplicateGroup, RunResult, Story

__all__ = [
    "ArticleView", "LinkCollector", "LinkRules", "Links", "as_views", "infer_pub_dates", "link",
    "link_views", "load_link_rules", "story_view", "view_of", "views_of", "with_links",
]


@dataclass(frozen=True)
class Links:
    """What linking adds to a run: stories (each listing its event ids) and duplicate groups."""

    stories: tuple[Story, ...] = ()
    duplicates: tuple[DuplicateGroup, ...] = ()

    def story_of(self) -> Mapping[str, str]:
        """event_id -> story_id of every event in a story."""
        return MappingProxyType({event_id: s.story_id for s in self.stories
                                 for event_id in s.event_ids})


def infer_pub_dates(results: Sequence[ArticleResult] | Sequence[ArticleView],
                    rules: LinkRules | None = None) -> dict[str, str]:
    """doc_id -> YYYY-MM-DD for undated articles whose main event links to a dated report.

    Only where the weekday (or "yesterday"/"today") of the undated report agrees with the date
    of the dated one; the pipeline re-processes those articles with pub_date_source "inferred".
    `results` may be whole results or their light views.
    """
    return infer_dates(results, rules or load_link_rules())


def link_views(views: Sequence[ArticleView], rules: LinkRules | None = None,
               parallel: bool = False) -> Links:
    """Group duplicates and same-event mentions of the articles seen through `views`.

    `parallel` uses a second core: copies are found and half of the candidate pairs are scored
    in forked processes, with the same result. It is off by default: the forked child holds its
    own pairs and copies the pages it touches (at 10k articles about 0.3 GB more at the peak,
    for a quarter less linking time), so by default linking's memory is the caller's alone.
    """
    rules = rules or load_link_rules()
    articles = {v.doc_id: v for v in views}
    texts = [v.text for v in articles.values() if v.text is not None]
    mentions = mentions_of(views, rules)
    copies = beside(copy_groups, texts) if parallel else lambda: copy_groups(texts)
    stats = term_stats(mentions)
    groups = attach_same_sentence(cluster(mentions, rules, stats, parallel), mentions, rules)
    stories = build_stories(groups, mentions, articles, rules)
    return Links(stories=stories, duplicates=copies())


def link(results: Sequence[ArticleResult], rules: LinkRules | None = None,
         parallel: bool = False) -> RunResult:
    """Group duplicates and same-event mentions; every event comes back with a story_id.

    The whole-run form of `link_views`, for callers that hold every result in memory.
    """
    links = link_views(views_of(results), rules, parallel)
    return with_links(results, links)


def with_links(results: Sequence[ArticleResult], links: Links) -> RunResult:
    """`results` with each event's story_id set from `links`, as one RunResult."""
    story_of = links.story_of()
    linked = tuple(
        replace(r, events=tuple(replace(e, story_id=story_of.get(e.event_id)) for e in r.events))
        if r.article is not None else r
        for r in results
    )
    return RunResult(articles=linked, stories=links.stories, duplicates=links.duplicates)

