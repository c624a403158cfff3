"""clean stage: body lines vs boilerplate, title, outlet, dateline, publication date, truncation.

How a text is cleaned (the data in `data/boilerplate*.tsv` says *what* the patterns are):

1. The text is cut into its non-blank lines, each an exact slice of the raw text, so whatever
   is kept or removed is a whole raw line and every offset stays valid.
2. Each line gets features: words, whether it ends like a sentence, the share of English
   function words, the first boilerplate rule it matches (nav, share, subscription, ...).
3. The body is the contiguous run of lines with the most prose in it: prose lines score their
   word count, boilerplate and header markers (bylines, date stamps, photo credits) cost, and
   the run with the highest total wins (the "maximum subarray" of the line scores). A line of
   boilerplate inside a long body costs less than the body around it, so it does not split it;
   a caption above a byline does not join the body. A dateline ("SEOUL, Nov. 12 (Yonhap) --")
   near the start marks where the body starts.
4. Lines outside the run are removed as title, header, trailer or the reason of their rule;
   lines inside it only when a rule, the corpus profile (repeated lines) or the shape of a
   sidebar headline between paragraphs says so.
5. Metadata: the title (a leading headline), the outlet and its country, the dateline place,
   the publication date (metadata, else a date written in the text), truncation, content hash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.cleaning import pubdate
from newsevents.cleaning.lines import (
    CLOSERS,
    LineFeatures,
    RawLine,
    date_prefix,
    dateline_outlet,
    dateline_parts,
    features,
    split_lines,
    stopword_share,
    title_case_share,
    without_trailing_credit,
    words,
)
from newsevents.cleaning.profile import CorpusProfile, build_profile, line_key
from newsevents.knowledge import Knowledge
from newsevents.knowledge.boilerplate import BoilerplateRules
from newsevents.knowledge.outlets import Outlet, OutletTable
from newsevents.options import Options
from newsevents.records import Article, Line, RawArticle, Rejection, RemovedLine

__all__ = ["CorpusProfile", "build_profile", "clean", "clean_lines", "LineVerdicts"]

# Header markers: lines that sit between a page's header and the story (byline, date stamp,
# photo credit, caption). A high cost keeps a caption or dek above them out of the body.
HEADER_MARKERS = frozenset({"byline", "date-line", "photo-credit", "caption"})
MARKER_COST = -25
# The heading of a later page section (related stories, comments): no run crosses it.
SECTION_END = "section-end"
BOUNDARY_COST = -10_000
RULE_COST = -8
HEADLINE_COST = -4
SHORT_COST = -2
MAX_PROSE_SCORE = 80
# The first run with at least this share of the best run's total is the article.
FIRST_RUN_SHARE = 0.5
# A dateline this many lines after the best run's start (or before it) moves the start to it.
DATELINE_AHEAD = 6
DATELINE_BEHIND = 10
# A dateline far from the best run still starts the body when its run has this share of it.
DATELINE_RUN_SHARE = 0.4
# Header lines searched (backwards from the body) for a date stamp.
HEADER_DATE_WINDOW = 8
# A sidebar headline between paragraphs has at least this many words (a subhead has fewer).
INLINE_HEADLINE_MIN_WORDS = 8
TITLE_CASE_SHARE = 0.6
# Lines of at least this many words printed twice in one document are layout, not story.
DOUBLED_MIN_WORDS = 8
# A headline line above another headline-like line is the title (the lower one its standfirst)
# when it has at least this many words (shorter lines there are section labels).
TITLE_MIN_WORDS = 5
# A standfirst under the headline has at most this many words (a news lead has more).
DEK_MAX_WORDS = 14
# Non-English: a line with this share of other languages' function words (and more of them
# than English ones), a body with fewer English function words than NON_ENGLISH_BODY_SHARE.
NON_ENGLISH_LINE_WORDS = 8
NON_ENGLISH_LINE_SHARE = 0.15
NON_ENGLISH_BODY_WORDS = 20
NON_ENGLISH_BODY_SHARE = 0.12
SENTENCE_END = ".!?"


# --------------------------------------------------------------------------- body region


def line_score(feature: LineFeatures, repeated: bool) -> int:
    """How much a line speaks for being in the body (positive) or against it (negative)."""
    if feature.rule_reason == SECTION_END:
        return BOUNDARY_COST
    if feature.rule_reason in HEADER_MARKERS:
        return MARKER_COST
    if feature.rule_reason is not None or repeated:
        return RULE_COST
    if feature.prose:
        return min(feature.units, MAX_PROSE_SCORE)
    if feature.headline_like:
        return HEADLINE_COST
    return SHORT_COST


def runs(scores: Sequence[int]) -> list[tuple[int, int, int]]:
    """(start, end, total) of each positive run: a stretch whose running total stays above
    zero, cut where its total is highest (Kadane's maximum-subarray scan, every local best)."""
    found: list[tuple[int, int, int]] = []
    total, start, best, best_end = 0, 0, 0, -1
    for i, score in enumerate(scores):
        if total <= 0:
            if best > 0:
                found.append((start, best_end, best))
            total, start, best, best_end = 0, i, 0, -1
        total += score
        if total > best:
            best, best_end = total, i
    if best > 0:
        found.append((start, best_end, best))
    return found


def best_run(scores: Sequence[int]) -> tuple[int, int] | None:
    """[start, end] of the article's run: the first run holding a good share of the best one.

    On a full page the article comes before comments, related stories and footers, which can
    add up to more prose than a short article; the first substantial run is the article.
    """
    found = runs(scores)
    if not found:
        return None
    top = max(total for _, _, total in found)
    start, end, _ = next(r for r in found if r[2] >= FIRST_RUN_SHARE * top)
    return start, end


def _kept_span(scores: Sequence[int]) -> tuple[int, int] | None:
    """From the first to the last line that scores like text (not boilerplate)."""
    kept = [i for i, score in enumerate(scores) if score > RULE_COST]
    return (kept[0], kept[-1]) if kept else None


def _run_from(scores: Sequence[int], start: int) -> tuple[int, int]:
    """(end, total) of the best run that starts exactly at `start`."""
    best_end, best, total = start, scores[start], 0
    for i in range(start, len(scores)):
        total += scores[i]
        if total > best:
            best_end, best = i, total
    return best_end, best


def _datelines(feats: Sequence[LineFeatures]) -> list[int]:
    return [i for i, f in enumerate(feats) if f.dateline is not None and f.n_words >= 6]


def _dateline_span(feats: Sequence[LineFeatures], scores: Sequence[int],
                   span: tuple[int, int]) -> tuple[int, int]:
    """The span moved to start at a dateline: one near its start, or one opening a run that
    holds a good share of the best run's prose (the best run may be a sidebar of captions)."""
    start, end = span
    lines = _datelines(feats)
    for i in lines:
        if start - DATELINE_BEHIND <= i <= min(end, start + DATELINE_AHEAD):
            return i, end
    best_total = sum(scores[start:end + 1])
    for i in lines:
        run_end, total = _run_from(scores, i)
        if total >= DATELINE_RUN_SHARE * best_total:
            return i, run_end
    return span


def _cut_last_paragraph(feats: Sequence[LineFeatures], end: int) -> int:
    """The end moved over a paragraph cut short right after it (nothing but boilerplate
    follows), which the scores count as a headline."""
    nxt = end + 1
    if nxt >= len(feats):
        return end
    feature = feats[nxt]
    opens_sentence = feature.content[:1].isupper() or feature.content[:1] in "\"“'‘"
    cut = (feature.rule_reason is None and not feature.terminal and feature.n_words >= 3
           and opens_sentence)
    rest_is_boilerplate = all(f.rule_reason is not None for f in feats[nxt + 1:])
    return nxt if cut and rest_is_boilerplate else end


def doubled_lines(feats: Sequence[LineFeatures]) -> frozenset[int]:
    """Indexes of sentence-length lines whose text occurs earlier in the same document
    (a caption or teaser printed twice), and of the first copies of those lines."""
    seen: dict[str, int] = {}
    doubled: set[int] = set()
    for i, feature in enumerate(feats):
        if feature.n_words < DOUBLED_MIN_WORDS:
            continue
        key = line_key(feature.content)
        if key in seen:
            doubled.update((seen[key], i))
        else:
            seen[key] = i
    return frozenset(doubled)


def body_span(feats: Sequence[LineFeatures], profile: CorpusProfile,
              extracted: bool = False) -> tuple[int, int] | None:
    """[start, end] of the body lines, or None when no line reads like article text.

    `extracted`: the text is already an extractor's main text (HTML through trafilatura), so
    the body runs from the first to the last line that is not boilerplate.
    """
    doubled = doubled_lines(feats)
    scores = [line_score(f, profile.is_repeated(f.line.text) or i in doubled)
              for i, f in enumerate(feats)]
    span = _kept_span(scores) if extracted else best_run(scores)
    if span is None or extracted:
        return span
    start, end = _dateline_span(feats, scores, span)
    return start, _cut_last_paragraph(feats, end)


# --------------------------------------------------------------------------- verdicts


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
    candidates = [i for i in range(start) if reasons[i] == "header"]
    for i in candidates:
        if wanted and line_key(feats[i].content) == wanted:
            return i
    headlines = [i for i in candidates if feats[i].headline_like]
    for i in reversed(headlines):
        if i + 1 < start and reasons[i + 1] in ("byline", "date-line"):
            above = i - 1
            while above in headlines and feats[above].n_words >= TITLE_MIN_WORDS:
                i, above = above, above - 1  # a title above its standfirst
            return i
    first = next((i for i in range(start) if reasons[i] not in ("nav", "date-line")), None)
    return first if first is not None and first in headlines else None


def _dek_index(feats: Sequence[LineFeatures], title: int | None, start: int,
               end: int) -> int | None:
    """A standfirst: a short sentence right under the title, above a longer paragraph.

    News leads are long sentences; a line of a dozen words between the headline and the lead
    is the summary line printed under the headline.
    """
    if title is None or start != title + 1 or start >= end:
        return None
    first, second = feats[start], feats[start + 1]
    if first.dateline is None and first.n_words <= DEK_MAX_WORDS and second.prose and (
            second.n_words > first.n_words):
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
    span = body_span(feats, profile, extracted)
    if span is None:
        reasons = tuple(_outside_reason(f, True) for f in feats)
        return LineVerdicts(lines, feats, reasons, None, None)
    start, end = span
    reasons: list[str | None] = []
    for i, feature in enumerate(feats[:start]):
        previous = reasons[i - 1] if i else None
        previous_text = feats[i - 1].content if i else ""
        reasons.append(_header_reason(feature, previous, outlets, previous_text))
    title = _title_index(feats, reasons, start, meta_title)
    if title is not None:
        reasons[title] = "title"
    dek = _dek_index(feats, title, start, end)
    english = _mostly_english(feats[start:end + 1])
    for i in range(start, len(feats)):
        if i == dek:
            reasons.append("dek")
        elif i <= end:
            reasons.append(_inside_reason(feats, i, span, profile, english, extracted))
        else:
            reasons.append(_outside_reason(feats[i], False))
    body_start = start + 1 if dek == start else start
    return LineVerdicts(lines, feats, tuple(reasons), title, body_start)


# --------------------------------------------------------------------------- metadata


@dataclass(frozen=True)
class OutletFinding:
    """The outlet name to report and the known outlet giving its country."""

    name: str | None
    known: Outlet | None


def _outlet_mentions(verdicts: LineVerdicts, outlets: OutletTable) -> list[str]:
    """Outlet names the text gives, most telling first: the dateline opening the body
    ("(Yonhap)", ", Kyodo -"), a closing "(Yonhap)", lines naming only an outlet ("• Kyodo")."""
    dateline: list[str] = []
    credit: list[str] = []
    named: list[str] = []
    start = verdicts.body_start
    for i, feature in enumerate(verdicts.feats):
        if feature.dateline is not None and start is not None and abs(i - start) <= 1:
            in_brackets = dateline_outlet(feature.dateline)
            dateline.extend([in_brackets] if in_brackets else [])
            dateline.extend(p for p in dateline_parts(feature.dateline) if outlets.lookup(p))
        elif verdicts.reasons[i] is not None and feature.n_words <= 4:
            bare = feature.content.strip("•·-–—|*() ").strip()
            if outlets.lookup(bare):
                named.append(bare)
    body = [line for line, reason in zip(verdicts.lines, verdicts.reasons, strict=True)
            if reason is None]
    if body:
        tail = body[-1].text
        closing = tail[len(without_trailing_credit(tail)):].strip(" ()")
        if closing and outlets.lookup(closing):
            credit.append(closing)
    return dateline + credit + named


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


def find_dateline_place(verdicts: LineVerdicts, outlets: OutletTable) -> str | None:
    """The place of the dateline that opens the body, as written ("SEOUL")."""
    start = verdicts.body_start
    if start is None:
        return None
    for i in (start - 1, start):
        feature = verdicts.feats[i] if 0 <= i < len(verdicts.feats) else None
        if feature is not None and feature.dateline is not None and (
                feature.rule_reason is None):
            parts = dateline_parts(feature.dateline)
            places = [p for p in parts if not outlets.lookup(p)]
            return ", ".join(places) or None
    return None


@dataclass(frozen=True)
class PubDate:
    """A publication date and where it came from."""

    value: str | None
    source: str | None


def _header_date(verdicts: LineVerdicts) -> str | None:
    """A full date in the header above the body: date stamps and bylines first, then any line."""
    start = verdicts.body_start if verdicts.body_start is not None else len(verdicts.lines)
    window = range(start - 1, max(-1, start - 1 - HEADER_DATE_WINDOW), -1)
    stamps = [i for i in window if verdicts.reasons[i] in ("date-line", "byline")]
    for i in (*stamps, *window):
        found = pubdate.first_full_date(verdicts.feats[i].content)
        if found is not None:
            return found.value
    if verdicts.body_start is not None:
        found = pubdate.first_full_date(verdicts.feats[verdicts.body_start].content[:40])
        if found is not None and found.start == 0:
            return found.value
    return None


def _dateline_date(verdicts: LineVerdicts, text: str) -> str | None:
    start = verdicts.body_start
    if start is None or verdicts.feats[start].dateline is None:
        return None
    found = pubdate.month_day(verdicts.feats[start].dateline.group(0))
    return pubdate.year_for(*found, text) if found else None


def find_pub_date(raw: RawArticle, verdicts: LineVerdicts) -> PubDate:
    """Publication date: metadata, else a date the text states, else None (never invented)."""
    given = pubdate.normalise_date(raw.meta.pub_date)
    if given:
        return PubDate(given, raw.meta.pub_date_source or "manifest")
    prefixed = date_prefix(verdicts.lines[0].text)[0] if verdicts.lines else None
    value = pubdate.normalise_date(prefixed) or _header_date(verdicts)
    if value:
        return PubDate(value, "text")
    value = _dateline_date(verdicts, raw.text)
    return PubDate(value, "dateline" if value else None)


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


# --------------------------------------------------------------------------- stage


def _reject(raw: RawArticle, reason: str) -> Rejection:
    return Rejection(doc_id=raw.doc_id, source_path=raw.source_path, stage="clean", reason=reason)


def _english_problem(body: Sequence[RawLine], rules: BoilerplateRules) -> str | None:
    tokens = [t for line in body for t in words(line.text)]
    share = stopword_share(tokens, rules.word_list("stopword"))
    if len(tokens) >= NON_ENGLISH_BODY_WORDS and share < NON_ENGLISH_BODY_SHARE:
        return f"text does not look English (only {share:.0%} common English words)"
    return None


def clean(
    raw: RawArticle, knowledge: Knowledge, profile: CorpusProfile, options: Options
) -> Article | Rejection:
    """Clean one article, or reject it with a one-line reason."""
    rules = knowledge.boilerplate
    verdicts = clean_lines(raw.text, rules, profile, raw.meta.title, raw.html is not None,
                           knowledge.outlets)
    body = [ln for ln, r in zip(verdicts.lines, verdicts.reasons, strict=True) if r is None]
    name = raw.source_path if raw.source_path != "-" else "stdin"
    if not verdicts.lines:
        return _reject(raw, f"{name}: empty: no text")
    if not body:
        return _reject(raw, f"{name}: no article body found (every line looks like boilerplate)")
    problem = _english_problem(body, rules)
    if problem:
        return _reject(raw, f"{name}: {problem}")
    removed = tuple(RemovedLine(ln.start, ln.end, ln.text, r)
                    for ln, r in zip(verdicts.lines, verdicts.reasons, strict=True) if r)
    outlet = find_outlet(raw, verdicts, knowledge.outlets)
    published = find_pub_date(raw, verdicts)
    title = raw.meta.title
    if verdicts.title_index is not None:
        title = verdicts.feats[verdicts.title_index].content or title
    return Article(
        doc_id=raw.doc_id,
        source_path=raw.source_path,
        raw=raw.text,
        body_lines=tuple(Line(ln.start, ln.end, ln.text) for ln in body),
        removed_lines=removed,
        title=title,
        outlet=outlet.name,
        outlet_country=outlet.known.country if outlet.known else None,
        url=raw.meta.url,
        dateline_place=find_dateline_place(verdicts, knowledge.outlets),
        pub_date=published.value,
        pub_date_source=published.source,
        truncated=is_truncated(body),
        content_hash=content_hash(body),
    )
