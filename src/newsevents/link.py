"""link stage: duplicates, same-event stories, each side's account, dates inferred through links.

The implementation lives in the `newsevents.linking` package; this module is the stage's
interface the pipeline calls. Streaming runs collect light per-article views
(`LinkCollector`) and call `link_views`; callers holding whole results call `link`.
"""

from __future__ import annotations

from newsevents.linking import (
    ArticleView,
    LinkCollector,
    LinkRules,
    Links,
    infer_pub_dates,
    link,
    link_views,
    load_link_rules,
    story_view,
    view_of,
    views_of,
    with_links,
)

__all__ = [
    "ArticleView", "LinkCollector", "LinkRules", "Links", "infer_pub_dates", "link", "link_views",
    "load_link_rules", "story_view", "view_of", "views_of", "with_links",
]
