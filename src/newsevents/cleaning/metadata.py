"""Article metadata found in the lines: outlet, dateline place, publication date, truncation."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.cleaning import pubdate
from newsevents.cleaning.lines import (
    CLOSERS,
    RawLine,
    date_prefix,
    dateline_outlet,
    dateline_parts,
    without_trailing_credit,
)
from newsevents.cleaning.profile import line_key
from newsevents.cleaning.verdicts import LineVerdicts
from newsevents.knowledge.outlets import Outlet, OutletTable
from newsevents.records import RawArticle

# Header lines searched (backwards from the body) for a date: date stamps and bylines this far
# up when no title bounds the header, other lines (captions) this far.
HEADER_STAMP_WINDOW = 15
HEADER_DATE_WINDOW = 8
SENTENCE_END = ".!?"


@dataclass(frozen=True)
class OutletFinding:
    """The outlet name to report and the known outlet giving its country."""

    name: str | None
    known: Outlet | None


def trusted_dateline(match: re.Match[str] | None, outlets: OutletTable) -> bool:
    """A dateline to believe: a place in capitals ("SEOUL, Nov. 12 --"), or one whose bracketed
    agency is a known outlet ("New Delhi, Sep 7 (IANS)", "(CNN)"); not "Prime Minister Narendra
    Modi (BJP) Sunday ..."."""
    if match is None:
        return False
    named = dateline_outlet(match)
    parts = dateline_parts(match)
    in_capitals = bool(parts) and all(c.isupper() for c in parts[0] if c.isalpha())
    return in_capitals or (named is not None and outlets.lookup(named) is not None)


def _outlet_mentions(verdicts: LineVerdicts, outlets: OutletTable) -> list[str]:
    """Outlet names the text gives, most telling first: the dateline opening the body
    ("(Yonhap)", ", Kyodo -"), a closing "(Yonhap)", lines naming only an outlet ("• Kyodo")."""
    dateline: list[str] = []
    credit: list[str] = []
    named: list[str] = []
    footer: list[str] = []
    start = verdicts.body_start
    for i, feature in enumerate(verdicts.feats):
        if verdicts.reasons[i] in CREDIT_LINE_REASONS:
            footer.extend(_credit_line_outlets(feature.content, outlets))
        if (start is not None and abs(i - start) <= 1
                and trusted_dateline(feature.dateline, outlets)):
            in_brackets = dateline_outlet(feature.dateline)
            dateline.extend([in_brackets] if in_brackets else [])
            dateline.extend(p for p in dateline_parts(feature.dateline) if outlets.lookup(p))
        elif verdicts.reasons[i] is not None and feature.n_words <= 4:
            bare = feature.content.strip("•·-–—|*() ").strip()
            if outlets.lookup(bare):
                named.append(bare)
        elif verdicts.reasons[i] == "byline":
            named.extend(_byline_outlet(feature.content, outlets))
    body = [line for line, reason in zip(verdicts.lines, verdicts.reasons, strict=True)
            if reason is None]
    if body:
        tail = body[-1].text
        closing = tail[len(without_trailing_credit(tail)):].strip(" ()")
        if closing and outlets.lookup(closing):
            credit.append(closing)
    return dateline + credit + named + footer


# Lines that may credit the outlet in passing: "Copyright 2024 BBC.", "Source: Al Jazeera and
# news agencies", a header "BBC News, Dakar". Weakest evidence: used when nothing else names one.
CREDIT_LINE_REASONS = frozenset({"copyright", "end-marker", "header", "byline"})
CREDIT_LEAD = re.compile(r"^\s*(?:source|copyright|©|\(c\))\s*:?\s*(?:(?:19|20)\d\d\b\s*)?",
                         re.IGNORECASE)
CREDIT_SPLIT = re.compile(r"\s*(?:[.,;|/]|\band\b|\s-\s)\s*")
CREDIT_MAX_WORDS = 4


def _credit_line_outlets(text: str, outlets: OutletTable) -> list[str]:
    """Known outlets a credit line names at its start or in its parts."""
    rest = CREDIT_LEAD.sub("", text, count=1)
    parts = [p.strip(" ()") for p in CREDIT_SPLIT.split(rest)]
    return [p for p in parts[:3] if p and len(p.split()) <= CREDIT_MAX_WORDS and outlets.lookup(p)]


def _byline_outlet(text: str, outlets: OutletTable) -> list[str]:
    """The outlet closing a byline: "By Kim Tong-hyung, Associated Press", "Jane Doe | Reuters"."""
    last = re.split(r"\s*[,|/]\s*|\s+-\s+", text.strip())[-1].strip(" .")
    return [last] if last and last != text.strip() and outlets.lookup(last) else []


def find_outlet(raw: RawArticle, verdicts: LineVerdicts, outlets: OutletTable) -> OutletFinding:
    """The outlet: metadata first, then the text (dateline, byline, credit), then the URL."""
    mentions = _outlet_mentions(verdicts, outlets)
    url_outlet = outlets.lookup_url(raw.meta.url)
    given = raw.meta.outlet
    candidates = [c for c in (given, *mentions) if c]
    known = next((o for o in (outlets.resolve(c) for c in candidates) if o), None) or url_outlet
    if given:
        return OutletFinding(given, known)
    if mentions:
        return OutletFinding(known.name if known else mentions[0], known)
    return OutletFinding(url_outlet.name if url_outlet else None, known)


def opening_dateline(verdicts: LineVerdicts, outlets: OutletTable) -> re.Match[str] | None:
    """The dateline that opens the body: on its first line, or alone on the line above."""
    start = verdicts.body_start
    if start is None:
        return None
    for i in (start, start - 1):
        feature = verdicts.feats[i] if 0 <= i < len(verdicts.feats) else None
        if (feature is not None and feature.rule_reason is None
                and trusted_dateline(feature.dateline, outlets)):
            return feature.dateline
    return None


def find_dateline_place(verdicts: LineVerdicts, outlets: OutletTable) -> str | None:
    """The place of the dateline that opens the body, as written ("SEOUL")."""
    dateline = opening_dateline(verdicts, outlets)
    if dateline is None:
        return None
    places = [p for p in dateline_parts(dateline) if not outlets.lookup(p)]
    return ", ".join(places) or None


@dataclass(frozen=True)
class PubDate:
    """A publication date and where it came from."""

    value: str | None
    source: str | None


def _is_update_stamp(text: str) -> bool:
    """A stamp of when the story was updated, not published ("Updated Nov 13, 2019")."""
    lowered = text.lower()
    return ("updated" in lowered or "modified" in lowered) and "publish" not in lowered


def _header_date(verdicts: LineVerdicts) -> str | None:
    """A full date in the header above the body: date stamps and bylines first (nearest the body
    first), then other lines (a caption of the story's photo). Only below the title when there
    is one: above it are the page's chrome (today's date) and sidebars of other stories."""
    start = verdicts.body_start if verdicts.body_start is not None else len(verdicts.lines)
    title = verdicts.title_index
    stamp_top = title - 1 if title is not None else max(-1, start - 1 - HEADER_STAMP_WINDOW)
    top = max(stamp_top, start - 1 - HEADER_DATE_WINDOW)
    stamps = [i for i in range(start - 1, stamp_top, -1)
              if verdicts.reasons[i] in ("date-line", "byline")]
    stamps.sort(key=lambda i: _is_update_stamp(verdicts.feats[i].content))  # stable
    for i in (*stamps, *range(start - 1, top, -1)):
        found = pubdate.first_full_date(verdicts.feats[i].content)
        if found is not None:
            return found.value
    if verdicts.body_start is not None:
        found = pubdate.first_full_date(verdicts.feats[verdicts.body_start].content[:40])
        if found is not None and found.start == 0:
            return found.value
    return None


def _dateline_date(verdicts: LineVerdicts, text: str, outlets: OutletTable) -> str | None:
    dateline = opening_dateline(verdicts, outlets)
    found = pubdate.month_day(dateline.group(0)) if dateline is not None else None
    return pubdate.year_for(*found, text) if found else None


def find_pub_date(raw: RawArticle, verdicts: LineVerdicts, outlets: OutletTable) -> PubDate:
    """Publication date: metadata, else a date the text states (date line, header, dateline
    with a year the text gives), else the date in the URL's path, else None (never invented).

    The URL comes last: a site re-publishing an agency story dates its URL by its own day.
    """
    given = pubdate.normalise_date(raw.meta.pub_date)
    if given:
        return PubDate(given, raw.meta.pub_date_source or "manifest")
    prefixed = date_prefix(verdicts.lines[0].text)[0] if verdicts.lines else None
    value = pubdate.normalise_date(prefixed) or _header_date(verdicts)
    if value:
        return PubDate(value, "text")
    value = _dateline_date(verdicts, raw.text, outlets)
    if value:
        return PubDate(value, "dateline")
    value = pubdate.url_date(raw.meta.url)
    return PubDate(value, "url" if value else None)


def is_truncated(body: Sequence[RawLine]) -> bool:
    """True when the body ends mid-word or mid-sentence (or with a teaser's ellipsis)."""
    if not body:
        return False
    core = without_trailing_credit(body[-1].text).rstrip().rstrip(CLOSERS).rstrip()
    return not core or core[-1] not in SENTENCE_END or core.endswith(("...", "…"))


def content_hash(body: Sequence[RawLine]) -> str:
    """sha256 of the normalised body (case and spacing ignored)."""
    normalised = "\n".join(line_key(line.text) for line in body)
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
