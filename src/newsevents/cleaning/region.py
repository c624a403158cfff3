"""Where the article body is among a text's lines.

The body is the contiguous run of lines with the most prose in it: prose lines score their
length, boilerplate and header markers (bylines, date stamps, photo credits) cost, and the run
is found with Kadane's maximum-subarray scan. A line of boilerplate inside a long body costs less
than the body around it, so it does not split it; a caption above a byline does not join the
body. On a full page the first substantial run is the article (comments and related stories come
after it); a dateline ("SEOUL, Nov. 12 (Yonhap) --") near the start marks where the body starts.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.cleaning.lines import LineFeatures
from newsevents.cleaning.profile import CorpusProfile, line_key

# Header markers: lines that sit between a page's header and the story (byline, date stamp,
# photo credit, caption). A high cost keeps a caption or dek above them out of the body.
HEADER_MARKERS = frozenset({"byline", "date-line", "photo-credit", "caption"})
MARKER_COST = -25
# A photo's caption or credit between two paragraphs of the story (the photo sits inside the
# article) is boilerplate inside the body, not a header: it costs like any other rule.
INLINE_MARKERS = frozenset({"photo-credit", "caption"})
# The heading of a later page section (comments, "read these next"): no run crosses it.
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
# A list of teasers: this many headline + one-paragraph summary pairs in a row.
TEASER_MIN_ITEMS = 3
TEASER_HEADLINE_MIN_WORDS = 4
TEASER_HEADLINE_MAX_WORDS = 20
TEASER_SUMMARY_MAX_WORDS = 60
TEASER_MAX_LABELS = 2  # author / label lines between a teaser's headline and its summary
# Lines of at least this many words printed twice in one document are layout, not story.
DOUBLED_MIN_WORDS = 8


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


def _soften_inline_markers(feats: Sequence[LineFeatures], scores: list[int]) -> list[int]:
    """Scores with a caption or photo credit between two story paragraphs costing RULE_COST:
    the paragraph before it ends a sentence, the one after it is prose, and the story has begun
    above it (a dateline, or two prose paragraphs: one alone may be the dek under the title)."""
    prose_above, story_begun = 0, False
    for i in range(len(feats) - 1):
        feature = feats[i]
        before = feats[i - 1] if i else None
        after = feats[i + 1]
        if (feature.rule_reason in INLINE_MARKERS and before is not None and before.prose
                and before.terminal and after.prose and after.rule_reason is None
                and (story_begun or prose_above >= 2)):
            scores[i] = RULE_COST
        if feature.prose and feature.rule_reason is None:
            prose_above += 1
            story_begun = story_begun or feature.strong_dateline
    return scores


def runs(scores: Sequence[int], sentences: Sequence[bool] = ()) -> list[tuple[int, int, int]]:
    """(start, end, total) of each positive run: a stretch whose running total stays above
    zero, cut where its total is highest (Kadane's maximum-subarray scan, every local best).

    `sentences` marks lines of plain prose that end a sentence: one that brings the total back
    to the best so far (a short last paragraph after an inserted "Sign up" line) extends the run.
    """
    found: list[tuple[int, int, int]] = []
    total, start, best, best_end = 0, 0, 0, -1
    for i, score in enumerate(scores):
        if total <= 0:
            if best > 0:
                found.append((start, best_end, best))
            total, start, best, best_end = 0, i, 0, -1
        total += score
        if total > best or (total == best > 0 and i < len(sentences) and sentences[i]):
            best, best_end = total, i
    if best > 0:
        found.append((start, best_end, best))
    return found


def best_run(scores: Sequence[int], sentences: Sequence[bool] = ()) -> tuple[int, int] | None:
    """[start, end] of the article's run: the first run holding a good share of the best one.

    On a full page the article comes before comments, related stories and footers, which can
    add up to more prose than a short article; the first substantial run is the article.
    """
    found = runs(scores, sentences)
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
    return [i for i, f in enumerate(feats)
            if f.strong_dateline and f.n_words >= 6 and f.rule_reason is None]


def _header_above(skipped: Sequence[LineFeatures]) -> bool:
    """Lines above a dateline may be passed over as header when none is prose, or when a header
    marker (byline, date stamp, photo credit) among them shows they are the page's header: a
    dek and a caption, never the article's lead paragraphs."""
    if not any(f.prose for f in skipped):
        return True
    return any(f.rule_reason in HEADER_MARKERS for f in skipped)


def _dateline_span(feats: Sequence[LineFeatures], scores: Sequence[int],
                   span: tuple[int, int]) -> tuple[int, int]:
    """The span moved to start at a dateline: one near its start, or one opening a run that
    holds a good share of the best run's prose (the best run may be a sidebar of captions)."""
    start, end = span
    lines = _datelines(feats)
    for i in lines:
        if (start - DATELINE_BEHIND <= i <= min(end, start + DATELINE_AHEAD)
                and _header_above(feats[start:i])):
            return i, end
    best_total = sum(scores[start:end + 1])
    for i in lines:
        if start <= i <= end:
            continue  # a dateline-like line inside the article ("UPDATE: ...") never cuts it
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


def teaser_lines(feats: Sequence[LineFeatures]) -> frozenset[int]:
    """Lines of a list of story teasers: at least TEASER_MIN_ITEMS items in a row, each a
    headline, perhaps an author or label line or two, and a single one-paragraph summary (an
    article's subheads head several paragraphs)."""
    found: set[int] = set()
    items: list[tuple[int, int]] = []
    i = 0
    while i < len(feats):
        end = _teaser_item_end(feats, i)
        if end is not None:
            items.append((i, end))
            i = end + 1
            continue
        found.update(_teaser_block(items))
        items = []
        i += 1
    found.update(_teaser_block(items))
    return frozenset(found)


def _teaser_item_end(feats: Sequence[LineFeatures], i: int) -> int | None:
    """The summary line of a teaser item headed at line i, or None."""
    if not _teaser_headline(feats[i]):
        return None
    for j in range(i + 1, min(len(feats), i + 2 + TEASER_MAX_LABELS)):
        if feats[j].prose and not _teaser_headline(feats[j]):
            return j if feats[j].n_words <= TEASER_SUMMARY_MAX_WORDS else None
    return None


def _teaser_headline(feature: LineFeatures) -> bool:
    """A headline: a few words, no rule, not ending like a statement ("?" and "!" may end it)."""
    ending = feature.content.rstrip("\"'”’ )")[-1:]
    return (feature.rule_reason is None and feature.dateline is None
            and TEASER_HEADLINE_MIN_WORDS <= feature.n_words <= TEASER_HEADLINE_MAX_WORDS
            and (not feature.terminal or ending in "?!"))


def _teaser_block(items: list[tuple[int, int]]) -> set[int]:
    if len(items) < TEASER_MIN_ITEMS:
        return set()
    return {i for start, end in items for i in range(start, end + 1)}


def body_span(feats: Sequence[LineFeatures], profile: CorpusProfile, extracted: bool = False,
              junk: frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """[start, end] of the body lines, or None when no line reads like article text.

    `extracted`: the text is already an extractor's main text (HTML through trafilatura), so
    the body runs from the first to the last line that is not boilerplate. `junk`: lines known
    not to be body for other reasons (teaser lists); they cost like boilerplate.
    """
    doubled = doubled_lines(feats)
    scores = _soften_inline_markers(feats, [
        line_score(f, profile.is_repeated(f.line.text) or i in doubled or i in junk)
        for i, f in enumerate(feats)])
    sentences = [f.prose and f.terminal and f.rule_reason is None for f in feats]
    span = _kept_span(scores) if extracted else best_run(scores, sentences)
    if span is None or extracted:
        return span
    start, end = _dateline_span(feats, scores, span)
    return start, _cut_last_paragraph(feats, end)
