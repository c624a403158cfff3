"""What linking keeps of one processed article: no text, only what links are made of.

Why: a streaming run hands each article's result on (to the store, the output files) as soon as
it is processed and must not hold every article's text and lines until linking. Linking needs,
per article, its publication date and outlet (stories, dates through links), its events
(mentions) and its word shingles (copies); an `ArticleView` is exactly that. `LinkCollector`
gathers the views of a run in input order while it streams; a re-processed article (a date
inferred through links) replaces its view in place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsevents.linking.dedup import TextPrint, text_print
from newsevents.records import ArticleResult, Event


@dataclass(frozen=True, slots=True)
class ArticleView:
    """The linking view of one successfully processed article."""

    doc_id: str
    outlet: str | None
    outlet_country: str | None
    pub_date: str | None
    events: tuple[Event, ...]
    text: TextPrint | None  # its shingles when the body is long enough to call copies


def view_of(result: ArticleResult, with_text: bool = True) -> ArticleView | None:
    """The view of one result; None for an input that failed (it takes part in no link)."""
    article = result.article
    if article is None:
        return None
    return ArticleView(
        doc_id=result.doc_id, outlet=article.outlet, outlet_country=article.outlet_country,
        pub_date=article.pub_date, events=result.events,
        text=text_print(article) if with_text else None,
    )


def views_of(results: Iterable[ArticleResult], with_text: bool = True) -> list[ArticleView]:
    """The views of the successfully processed results, in their order."""
    return [v for r in results if (v := view_of(r, with_text)) is not None]


def as_views(items: Iterable[ArticleResult | ArticleView]) -> list[ArticleView]:
    """Views of results (without shingles), views kept as they are; failed inputs left out."""
    return [v for item in items
            if (v := view_of(item, with_text=False) if isinstance(item, ArticleResult) else item)
            is not None]


class LinkCollector:
    """The views of a run, gathered one result at a time in input order.

    Mutable on purpose (it is filled while the run streams) and owned by one run. A failed
    input keeps its place as None, so a later result for the same doc_id (a re-run) lands where
    the first one was, as the in-memory flow orders it.
    """

    def __init__(self) -> None:
        self._views: dict[str, ArticleView | None] = {}

    def add(self, result: ArticleResult) -> None:
        """Record `result`, replacing an earlier view of the same doc_id in its place."""
        self._views[result.doc_id] = view_of(result)

    def __len__(self) -> int:
        return sum(1 for v in self._views.values() if v is not None)

    def __iter__(self) -> Iterator[ArticleView]:
        return (v for v in self._views.values() if v is not None)

    def views(self) -> list[ArticleView]:
        """The views, in input order."""
        return list(self)
