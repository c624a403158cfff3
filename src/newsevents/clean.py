"""clean stage: body lines vs boilerplate, title, outlet, dateline, publication date, truncation.

How a text is cleaned (the data in `data/boilerplate*.tsv` says *what* the patterns are; the
modules of `newsevents.cleaning` say how):

1. `cleaning.lines`: the text is cut into its non-blank lines, each an exact slice of the raw
   text, so whatever is kept or removed is a whole raw line and every offset stays valid. Each
   line gets features: words, whether it ends like a sentence, the share of English function
   words, the first boilerplate rule it matches (nav, share, subscription, ...), a dateline.
2. `cleaning.region`: the body is the run of lines with the most prose (maximum subarray of line
   scores), started at a nearby dateline.
3. `cleaning.verdicts`: lines outside the run go as title, header, byline, trailer or the reason
   of their rule; lines inside only when a rule, the corpus profile (repeated lines) or the shape
   of a sidebar headline between paragraphs says so.
4. `cleaning.metadata`: the outlet and its country, the dateline place, the publication date
   (metadata, else a date the text states), truncation and the content hash.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from newsevents.cleaning.lines import RawLine, stopword_share, words
from newsevents.cleaning.metadata import (
    content_hash,
    find_dateline_place,
    find_outlet,
    find_pub_date,
    is_truncated,
)
from newsevents.cleaning.profile import CorpusProfile, build_profile
from newsevents.cleaning.verdicts import LineVerdicts, clean_lines
from newsevents.knowledge import Knowledge
from newsevents.knowledge.boilerplate import BoilerplateRules
from newsevents.options import Options
from newsevents.records import Article, Line, RawArticle, Rejection, RemovedLine

__all__ = ["CorpusProfile", "LineVerdicts", "build_profile", "clean", "clean_lines"]

# A body of at least this many words with fewer English function words than this share is
# not English (news English runs at 35-45 %).
NON_ENGLISH_BODY_WORDS = 20
NON_ENGLISH_BODY_SHARE = 0.12


def _reject(raw: RawArticle, problem: str) -> Rejection:
    """A Rejection whose reason names the input: its file (and the record, for JSONL)."""
    name = "stdin" if raw.source_path == "-" else Path(raw.source_path).name
    if raw.fmt == "jsonl":
        name = f"{name} [{raw.doc_id}]"
    return Rejection(doc_id=raw.doc_id, source_path=raw.source_path, stage="clean",
                     reason=f"{name}: {problem}")


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
    if not verdicts.lines:
        return _reject(raw, "empty: no text")
    if not body:
        return _reject(raw, "no article body found (every line looks like boilerplate)")
    problem = _english_problem(body, rules)
    if problem:
        return _reject(raw, problem)
    removed = tuple(RemovedLine(ln.start, ln.end, ln.text, r)
                    for ln, r in zip(verdicts.lines, verdicts.reasons, strict=True) if r)
    outlet = find_outlet(raw, verdicts, knowledge.outlets)
    published = find_pub_date(raw, verdicts, knowledge.outlets)
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
