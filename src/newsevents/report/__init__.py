"""See the events: a self-contained HTML report of a store (dyad timelines, stories, articles).

    from newsevents.report import build_report
    build_report("events.duckdb", "report.html")

Terminal timelines and chart export for papers live in `newsevents.timeline`.
"""

from __future__ import annotations

from newsevents.report.html import build_report, embed_json, render_html
from newsevents.report.payload import build_payload
from newsevents.report.store_reader import ArticleView, StoreSnapshot, load_snapshot

__all__ = [
    "ArticleView",
    "StoreSnapshot",
    "build_payload",
    "build_report",
    "embed_json",
    "load_snapshot",
    "render_html",
]
