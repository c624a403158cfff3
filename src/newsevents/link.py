"""link stage: duplicates, same-event stories, each side's account, dates inferred through links.

The implementation lives in the `newsevents.linking` package; this module is the stage's
interface the pipeline calls.
"""

from __future__ import annotations

from newsevents.linking import LinkRules, infer_pub_dates, link, load_link_rules, story_view

__all__ = ["LinkRules", "infer_pub_dates", "link", "load_link_rules", "story_view"]
