"""Each line's verdict: body, or removed with a reason; the title and standfirst lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.cleaning.lines import (
    LineFeatures,
    RawLine,
    features,
    split_lines,
    title_case_share,
    words,
)
from newsevents.cleaning.profile import CorpusProfile, line_key
from newsevents.cleaning.region import body_span, teaser_lines
from newsevents.knowledge.boilerplate import BoilerplateRules
from newsevents.knowledge.outlets import OutletTable

# A sidebar headline between paragraphs has at least this many words (a subhead has fewer)
# and a colon or mostly capitalised words.
INLINE_HEADLINE_MIN_WORDS = 8
TITLE_CASE_SHARE = 0.6
# A headline above a byline, or above another headline-like line (its standfirst), has at
# least this many words (shorter lines there are author names and section labels).
TITLE_MIN_WORDS = 4
# A line right under a photo's label ("Image caption,", "Image source, Getty Images") is the
# photo's caption, never the headline.
CAPTION_LABELS = frozenset({"photo-credit", "caption"})
# A standfirst under the headline has at most this many words (a news lead has more).
DEK_MAX_WORDS = 14
# Non-English: a line with this share of other languages' function words (and more of them
# than English ones); checked only in a body whose English share is NON_ENGLISH_BODY_SHARE.
NON_ENGLISH_LINE_WORDS = 8
NON_ENGLISH_LINE_SHARE = 0.15
NON_ENGLISH_BODY_SHARE = 0.12


@dataclass(frozen=True)
class LineVerdicts:
    """Each line's fate: None for body, else the reason it was removed; plus the title line."""

    lines: tuple[RawLine, ...]
    feats: tuple[LineFeatures, ...]
    reasons: tuple[str | None, ...]
    title_index: int | None
    body_start: int | None


def _title_index(feats: Sequence[LineFeatures], reasons: Sequence[str | None], start: int,
                 meta_title: str | None) -> int | None:
    """The headline above the body: the page's own title when known; else the headline right
    above a byline or date stamp (a sidebar may come first); else the first header line if it
    reads like a headline."""
    wanted = line_key(meta_title) if meta_title else None
    for i in range(start):
        if wanted and line_key(feats[i].content) == wanted:
            return i
    candidates = [i for i in range(start) if reasons[i] == "header"
                  and not (i and reasons[i - 1] in CAPTION_LABELS)]
    headlines = [i for i in candidates if feats[i].headline_like]
    for i in reversed(headlines):
        if (i + 1 < start and reasons[i + 1] in ("byline", "date-line")
                and feats[i].n_words >= TITLE_MIN_WORDS):
            above = i - 1
            while above in headlines and feats[above].n_words >= TITLE_MIN_WORDS:
                i, above = above, above - 1  # a title above its standfirst
            return i
    first = next((i for i in range(start) if reasons[i] not in ("nav", "date-line")), None)
    return first if first is not None and first in headlines else None


def _dek_index(feats: Sequence[LineFeatures], title: int | None, start: int, end: int,
               lead_words: frozenset[str]) -> int | None:
    """A standfirst: a short sentence right under the title, above a longer paragraph.

    News leads are long sentences that say when and who says so; a line of a dozen words
    between the headline and the lead, with no weekday and no "said", is the summary printed
    under the headline.
    """
    if title is None or start != title + 1 or start >= end:
        return None
    first, second = feats[start], feats[start + 1]
    tokens = {t.lower() for t in words(first.content)}
    if (first.dateline is None and first.n_words <= DEK_MAX_WORDS and second.prose
            and second.n_words > first.n_words and not tokens & lead_words):
        return start
    return None


def _is_inline_headline(feats: Sequence[LineFeatures], i: int, start: int, end: int) -> bool:
    """A sidebar headline dropped between two paragraphs ("Spies, harassment ...: ...")."""
    feature = feats[i]
    if not feature.headline_like or feature.n_words < INLINE_HEADLINE_MIN_WORDS:
        return False
    if any(q in feature.content for q in "\"“”") or not (
            ":" in feature.content or title_case_share(feature.content) >= TITLE_CASE_SHARE):
        return False
    before = next((feats[j] for j in range(i - 1, start - 1, -1) if feats[j].rule_reason is None),
                  None)
    after = next((feats[j] for j in range(i + 1, end + 1) if feats[j].rule_reason is None), None)
    return bool(before and after and before.prose and after.prose)


def _inside_reason(feats: Sequence[LineFeatures], i: int, span: tuple[int, int],
                   profile: CorpusProfile, english: bool, extracted: bool) -> str | None:
    feature = feats[i]
    if feature.rule_reason is not None and not (i == span[0] and feature.dateline is not None):
        return feature.rule_reason
    if profile.is_repeated(feature.line.text):
        return "repeated"
    if (english and feature.n_words >= NON_ENGLISH_LINE_WORDS
            and feature.foreign_share >= NON_ENGLISH_LINE_SHARE
            and feature.foreign_share > feature.stop_share):
        return "non-english"
    if not extracted and _is_inline_headline(feats, i, *span):
        return "related-headlines"
    return None


def _mostly_english(feats: Sequence[LineFeatures]) -> bool:
    """True when the lines' words are mostly English (a foreign quote inside may be removed)."""
    total = sum(f.n_words for f in feats)
    shared = sum(f.stop_share * f.n_words for f in feats)
    return total > 0 and shared / total >= NON_ENGLISH_BODY_SHARE


def _outside_reason(feature: LineFeatures, before_body: bool) -> str:
    if feature.rule_reason is not None:
        return feature.rule_reason
    if feature.dateline is not None and feature.n_words <= 6:
        return "dateline-only"
    if before_body:
        return "header"
    return "related-headlines" if feature.headline_like else "trailer"


def _header_reason(feature: LineFeatures, previous: str | None, outlets: OutletTable | None,
                   previous_text: str) -> str:
    """Why a line above the body goes: its rule, a byline (an outlet's name alone, or the
    second line of a byline cut after "and"), else "header"."""
    if feature.rule_reason is not None:
        return feature.rule_reason
    if previous == "byline" and previous_text.rstrip().endswith((" and", ",", "&")):
        return "byline"
    bare = feature.content.strip("•·-–—|*() ").strip()
    if outlets is not None and feature.n_words <= 4 and outlets.lookup(bare):
        return "byline"
    if feature.dateline is not None and feature.n_words <= 6:
        return "dateline-only"
    return "header"


def clean_lines(text: str, rules: BoilerplateRules, profile: CorpusProfile,
                meta_title: str | None = None, extracted: bool = False,
                outlets: OutletTable | None = None) -> LineVerdicts:
    """Judge every line of `text`: body, or removed with a reason.

    `extracted`: `text` is an extractor's main text (see `body_span`); `outlets` lets a line
    that only names an outlet ("• Kyodo") count as a byline.
    """
    lines = split_lines(text)
    feats = tuple(features(lines, rules))
    teasers = frozenset() if extracted else teaser_lines(feats)
    span = body_span(feats, profile, extracted, teasers)
    if span is None:
        reasons = tuple(_outside_reason(f, True) for f in feats)
        return LineVerdicts(lines, feats, reasons, None, None)
    start, end = span
    if meta_title and start < end and line_key(feats[start].content) == line_key(meta_title):
        start += 1  # the page's title printed above the text an extractor kept
    reasons: list[str | None] = []
    for i, feature in enumerate(feats[:start]):
        previous = reasons[i - 1] if i else None
        previous_text = feats[i - 1].content if i else ""
        reasons.append(_header_reason(feature, previous, outlets, previous_text))
    title = _title_index(feats, reasons, start, meta_title)
    if title is not None:
        reasons[title] = "title"
    lead_words = rules.word_list("weekday") | rules.word_list("reporting-verb")
    dek = _dek_index(feats, title, start, end, lead_words)
    english = _mostly_english(feats[start:end + 1])
    for i in range(start, len(feats)):
        if i == dek:
            reasons.append("dek")
        elif i <= end:
            inside = _inside_reason(feats, i, span, profile, english, extracted)
            reasons.append(inside or ("related-headlines" if i in teasers else None))
        else:
            reasons.append(_outside_reason(feats[i], False))
    body_start = start + 1 if dek == start else start
    return LineVerdicts(lines, feats, tuple(reasons), title, body_start)
