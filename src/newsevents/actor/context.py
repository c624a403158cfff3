"""What an article is about, for resolving phrases that do not name their country.

- The article's countries, counted over every name the scan found, in order of first appearance.
- The dyad in focus: the two countries a sentence (or, failing that, the article) is about; "the
  two countries", "the officials", "his counterpart" refer to it.
- The home country: where an unqualified domestic institution ("the Foreign Ministry said",
  "police") belongs. News writes those without a country when the outlet or the dateline makes it
  obvious, so: the dateline's country, else the outlet's country when the article mentions it, else
  the country the article is most about, else the outlet's country.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from typing import Any

from newsevents.actor.scan import DocScan
from newsevents.knowledge.actorkb import ActorKB
from newsevents.records import Parsed

CACHE_KEY = "newsevents.actor_context"


@dataclass(frozen=True)
class ArticleContext:
    """Countries of the article, by sentence and overall, and its home country."""

    sent_starts: tuple[int, ...]  # first token index of each sentence
    country_tokens: tuple[tuple[int, str], ...]  # (token index, ISO3) for every country signal
    ranking: tuple[str, ...]  # countries, most mentioned first (ties: first mentioned first)
    home: str | None

    def sentence_of(self, token_i: int) -> int:
        """Index of the sentence that holds token `token_i`."""
        return max(0, bisect.bisect_right(self.sent_starts, token_i) - 1)

    def sentence_bounds(self, sent: int) -> tuple[int, int]:
        start = self.sent_starts[sent]
        end = self.sent_starts[sent + 1] if sent + 1 < len(self.sent_starts) else 1 << 30
        return start, end

    def countries_between(self, start: int, end: int, skip: tuple[int, int] | None = None
                          ) -> list[str]:
        """Distinct countries signalled in tokens [start, end), outside `skip`, in order."""
        out: list[str] = []
        for i, iso3 in self.country_tokens:
            if start <= i < end and not (skip and skip[0] <= i < skip[1]) and iso3 not in out:
                out.append(iso3)
        return out

    def dyad(self, token_i: int, skip: tuple[int, int] | None = None) -> tuple[str, ...]:
        """The two countries in focus at a token: those of its sentence when it names two,
        else the article's two main countries, in order of first mention."""
        sent = self.sentence_of(token_i)
        start, end = self.sentence_bounds(sent)
        local = self.countries_between(start, end, skip)
        if len(local) >= 2:
            return tuple(local[:2])
        first_seen = [c for _, c in self.country_tokens]
        return tuple(sorted(self.ranking[:2], key=first_seen.index))

    @property
    def dominant(self) -> str | None:
        return self.ranking[0] if self.ranking else None


def article_context(parsed: Parsed, scan: DocScan, kb: ActorKB) -> ArticleContext:
    """The context of one parsed article (cached on its Doc)."""
    doc = parsed.doc
    cached = doc.user_data.get(CACHE_KEY)
    if cached is not None and cached[0] is kb:
        return cached[1]
    context = _build(parsed, scan, kb)
    doc.user_data[CACHE_KEY] = (kb, context)
    return context


def _build(parsed: Parsed, scan: DocScan, kb: ActorKB) -> ArticleContext:
    doc = parsed.doc
    sent_starts = tuple(s.start for s in doc.sents) or (0,)
    tokens: list[tuple[int, str]] = []
    for hit in scan.names:
        country = hit.entry.country
        if hit.entry.kind == "person":
            role = hit.entry.role_on(parsed.article.pub_date)
            country = role.country if role else country
        if country:
            tokens.append((hit.start, country))
    counts = Counter(c for _, c in tokens)
    first = {}
    for i, c in tokens:
        first.setdefault(c, i)
    ranking = tuple(sorted(counts, key=lambda c: (-counts[c], first[c])))
    return ArticleContext(sent_starts, tuple(tokens), ranking,
                          _home_country(parsed, kb, ranking, counts))


def _home_country(parsed: Parsed, kb: ActorKB, ranking: tuple[str, ...],
                  counts: Counter[str]) -> str | None:
    """Dateline country; else the outlet's country if the article is (one of) about it; else the
    country the article is most about; else the outlet's country."""
    article = parsed.article
    place = _place_country(article.dateline_place, kb)
    if place:
        return place
    outlet = article.outlet_country
    if not ranking:
        return outlet
    if outlet and outlet in ranking[:2] and counts[outlet] * 2 >= counts[ranking[0]]:
        return outlet
    return ranking[0]


def _place_country(place: str | None, kb: ActorKB) -> str | None:
    if not place:
        return None
    for text in (place, place.split(",")[0], place.title()):
        for form in kb.entries(text):
            if form.entry.country:
                return form.entry.country
    return None


def token_country(doc: Any, context: ArticleContext, start: int, end: int) -> list[str]:
    """Countries signalled inside tokens [start, end)."""
    return context.countries_between(start, end)
