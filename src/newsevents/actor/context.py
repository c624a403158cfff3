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
from newsevents.actor.tokens import token_table
from newsevents.knowledge.actorkb import ActorKB
from newsevents.records import Parsed

CACHE_KEY = "newsevents.actor_context"
CREDIT_SENTENCES = 3  # an agency named this early is the one filing the story
OUTLET_INVOLVED_MENTIONS = 3  # the outlet's country named this often is part of the story


@dataclass(frozen=True)
class ArticleContext:
    """Countries of the article, by sentence and overall, and its home country."""

    sent_starts: tuple[int, ...]  # first token index of each sentence
    country_tokens: tuple[tuple[int, str], ...]  # (token index, ISO3) for every country signal
    ranking: tuple[str, ...]  # countries, most mentioned first (ties: first mentioned first)
    home: str | None
    datelines: frozenset[int] = frozenset()  # tokens of "SEOUL, Nov. 12 (Yonhap) --" prefixes
    outlet: str | None = None  # the outlet's country, or that of the agency credited "(Yonhap)"
    dateline_country: str | None = None  # the country of the dateline's place

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
        if hit.entry.sector == "MED":
            continue  # "(AFP)", "Yonhap said": who reports, not who takes part
        if hit.entry.kind == "person":
            if hit.end - hit.start == 1:
                continue  # a lone "Abdullah" may be anyone; its resolution uses the text
            role = hit.entry.role_on(parsed.article.pub_date)
            country = role.country if role else country
        if country:
            tokens.append((hit.start, country))
    counts = Counter(c for _, c in tokens)
    first = {}
    for i, c in tokens:
        first.setdefault(c, i)
    ranking = tuple(sorted(counts, key=lambda c: (-counts[c], first[c])))
    datelines = _dateline_tokens(doc, kb)
    place = parsed.article.dateline_place or _first_dateline_place(doc, datelines)
    outlet = parsed.article.outlet_country or _credited_country(doc, scan)
    return ArticleContext(sent_starts, tuple(tokens), ranking,
                          _home_country(outlet, kb, ranking, counts, place), datelines, outlet,
                          _place_country(place, kb))


def _credited_country(doc: Any, scan: DocScan) -> str | None:
    """The country of the news agency a story credits ("(Yonhap)", "Kyodo News said"), standing
    in for the outlet's when the metadata did not give it."""
    lead_end = next((s.end for i, s in enumerate(doc.sents) if i == CREDIT_SENTENCES - 1),
                    len(doc))
    for hit in scan.names:
        credited = hit.start > 0 and doc[hit.start - 1].text == "(" or hit.start < lead_end
        if hit.entry.sector == "MED" and hit.entry.country and credited:
            return hit.entry.country
    return None


def _first_dateline_place(doc: Any, datelines: frozenset[int]) -> str | None:
    """"SEOUL" of the first dateline the text carries (when the cleaner set none)."""
    if not datelines:
        return None
    first = min(datelines)
    words = []
    for token in doc[first: first + 4]:
        if not (token.is_alpha and token.is_upper):
            break
        words.append(token.text)
    return " ".join(words) or None


DATELINE_DASHES = frozenset({"--", "—", "–", "-", ":", "—-"})
DATELINE_MAX_TOKENS = 14
PLACE_KINDS = frozenset({"capital", "country", "region"})
CITY_KINDS = frozenset({"capital"})


def _dateline_tokens(doc: Any, kb: ActorKB) -> frozenset[int]:
    """Tokens of dateline prefixes. They say where the story was filed, not who acted:
    - a line opening with a word in capitals ("SEOUL", "KYIV, Ukraine") and, within a few tokens,
      a dash or colon ("SEOUL, Nov. 12 (Yonhap) --", "WASHINGTON (AP) —");
    - a line holding nothing but a known place in capitals ("CANBERRA" above the story);
    - a line or sentence opening with a known place written in title case followed at once by a
      colon or dash ("Cape Town: The ...", "Islamabad - Pakistan's ...")."""
    out: set[int] = set()
    lines = set(_line_starts(doc))
    # a dateline may follow leftover page metadata on its line ("date 2022-08-04 Cape Town:")
    tokens = token_table(doc)
    after_gaps = {i + 1 for i in range(len(tokens) - 1)
                  if tokens.is_space[i] or any(c.isdigit() for c in tokens.text[i])}
    for start in sorted(lines | after_gaps | {s.start for s in doc.sents}):
        marks = DATELINE_DASHES if start in lines else frozenset({":"})
        end = _capitals_dateline_end(doc, start, kb) if start in lines else None
        end = end or _place_dateline_end(doc, start, kb, marks)
        if end:
            out.update(range(start, end))
    return frozenset(out)


def _capitals_dateline_end(doc: Any, start: int, kb: ActorKB) -> int | None:
    first = doc[start]
    if not (first.is_alpha and first.is_upper and len(first.text) >= 3):
        return None
    capitals = start
    for token in doc[start: start + DATELINE_MAX_TOKENS]:
        if "\n" in token.text or token.i > start and "\n" in doc[token.i - 1].whitespace_:
            break
        if token.text in DATELINE_DASHES and token.i > start:
            return token.i + 1
        if capitals == token.i and (token.is_upper or token.is_punct) and not token.is_space:
            capitals += 1
    line_end = _line_end(doc, start)
    if capitals == line_end and _known_place(doc[start:line_end].text, kb):
        return line_end  # "CANBERRA" alone on its line
    return None


def _place_dateline_end(doc: Any, start: int, kb: ActorKB, marks: frozenset[str]
                        ) -> int | None:
    """"Cape Town: ..." — a known city, then straight away a colon (or, opening a line, a dash).
    Country names are left out: "Japan -- which says ... --" opens a parenthesis, not a
    dateline."""
    if not doc[start].is_title:
        return None
    for end in range(min(len(doc), start + 4), start, -1):
        if end < len(doc) and doc[end].text in marks \
                and _known_place(doc[start:end].text, kb, CITY_KINDS):
            return end + 1
    return None


def _line_end(doc: Any, start: int) -> int:
    for token in doc[start:]:
        if "\n" in token.whitespace_ or token.is_space and "\n" in token.text:
            return token.i + (0 if token.is_space else 1)
    return len(doc)


def _known_place(text: str, kb: ActorKB, kinds: frozenset[str] = PLACE_KINDS) -> bool:
    """A capital, city or country the knowledge base knows (not an organisation or person)."""
    for name in (text, text.title()):
        if any(f.entry.kind in kinds for f in kb.entries(name)):
            return True
    return False


def _line_starts(doc: Any) -> list[int]:
    tokens = token_table(doc)
    starts = [0] if len(tokens) else []
    for i in range(len(tokens) - 1):
        if "\n" in tokens.whitespace[i] or tokens.is_space[i] and "\n" in tokens.text[i]:
            nxt = i + 1
            while nxt < len(tokens) and tokens.is_space[nxt]:
                nxt += 1
            if nxt < len(tokens):
                starts.append(nxt)
    return sorted(set(starts))


def _home_country(outlet: str | None, kb: ActorKB, ranking: tuple[str, ...],
                  counts: Counter[str], dateline_place: str | None) -> str | None:
    """Dateline country; else the outlet's country if the story involves it (about as often
    named as the main country, or named repeatedly: a Korean paper on a Japan-Korea row); else
    the country the article is most about; else the outlet's country."""
    place = _place_country(dateline_place, kb)
    if place:
        return place
    if not ranking:
        return outlet
    if outlet and outlet in ranking[:3] and (counts[outlet] * 2 >= counts[ranking[0]]
                                             or counts[outlet] >= OUTLET_INVOLVED_MENTIONS):
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
