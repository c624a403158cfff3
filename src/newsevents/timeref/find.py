"""Finding the time expressions of a parsed article (the `dates` stage proper).

The grammar's regular expressions find candidates in the body text; the parse then vetoes the
ones that are not times: a month or weekday inside a name ("Theresa May", "Sunday Times"), and a
bare four-digit number that counts something ("2000 troops"). spaCy's DATE entities are used as a
second opinion on bare years, not as the finder: the small model misses and over-extends them.
"""

from __future__ import annotations

import re
from typing import Any

from newsevents.records import Parsed, TimeRef
from newsevents.timeref.grammar import Found, Meaning, TimeGrammar, scan
from newsevents.timeref.resolve import absolute_value

NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT", "LAW"})
COUNT_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
YEAR_LEAD_TAGS = frozenset({"DT", "PRP$", "POS", "IN", "CC", ","})
ABSOLUTE_FORMS = frozenset({"date", "month_year", "year", "range"})
# A dateline opening a line: a place in capitals (optionally with region or country) before the
# date, an agency in brackets and a dash after it ("KYIV, Ukraine, March 15, 2024 (AP) -").
DATELINE_BEFORE = re.compile(r"(?:^|\n)[^\S\n]*[A-Z][A-Z.'’ -]{2,40}(?:,[^\S\n]*[A-Z][\w.'’ -]{1,30}){0,2},[^\S\n]*$")
DATELINE_AFTER = re.compile(r"[^\S\n]*(?:\([^()\n]{1,40}\))?[^\S\n]*(?:--|—|–|-|:)")


def find_timerefs(parsed: Parsed, grammar: TimeGrammar) -> tuple[TimeRef, ...]:
    """Every time expression in the body, in order, with raw offsets and token span."""
    doc = parsed.doc
    body = doc.text  # built from the tokens on each access: read it once
    refs: list[TimeRef] = []
    for found in scan(grammar, body):
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None or len(span) == 0 or not _is_time(doc, found):
            continue
        if _in_dateline(body, found):
            continue  # the dispatch's date, which the cleaner reads as the publication date
        ref = _timeref(parsed, body[found.start:found.end], found, span)
        if ref is not None:
            refs.append(ref)
    return tuple(refs)


def kind_of(meaning: Meaning) -> str:
    """absolute (known from the text), weekday (direction from tense) or relative."""
    if meaning.form in ABSOLUTE_FORMS:
        return "absolute"
    if meaning.form == "weekday" and meaning.deictic in (None, 0) and meaning.unit is None:
        return "weekday"
    return "relative"


def _timeref(parsed: Parsed, text: str, found: Found, span: Any) -> TimeRef | None:
    article = parsed.article
    start, end = article.body_to_raw(found.start), article.body_to_raw(found.end)
    if article.raw[start:end] != text:
        return None  # the span crosses a removed line; its offsets could not be shown exactly
    value, precision = absolute_value(found.meaning)
    return TimeRef(
        text=text,
        start=start,
        end=end,
        sent_index=parsed.sentence_of_token(span.start).index,
        tok_start=span.start,
        tok_end=span.end,
        kind=kind_of(found.meaning),  # type: ignore[arg-type]
        value=value,
        precision=precision,  # type: ignore[arg-type]
    )


def _in_dateline(body: str, found: Found) -> bool:
    line_start = body.rfind("\n", 0, found.start) + 1
    before = body[line_start:found.start]
    return (DATELINE_BEFORE.search(before) is not None
            and DATELINE_AFTER.match(body, found.end) is not None)


def _is_time(doc: Any, found: Found) -> bool:
    core = doc.char_span(found.core_start, found.core_end, alignment_mode="expand")
    if core is None or len(core) == 0:
        return True
    if any(tok.ent_type_ in NAME_LABELS for tok in core):
        return False
    if found.bare_year:
        return _is_bare_year(doc, core[0])
    return True


def _is_bare_year(doc: Any, tok: Any) -> bool:
    """A lone 1800-2099 number is a year unless it counts the noun after it ("2000 troops") or
    numbers the name before it ("Mirage 2000 jets", "Resolution 2231")."""
    if tok.ent_type_ == "DATE":
        return True
    if tok.ent_type_ in COUNT_LABELS:
        return False
    following = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    preceding = doc[tok.i - 1] if tok.i > 0 else None
    if preceding is not None and preceding.pos_ == "PROPN" and preceding.is_title:
        return False
    counts_noun = following is not None and following.tag_ in ("NNS", "NNPS")
    has_lead = preceding is not None and preceding.tag_ in YEAR_LEAD_TAGS
    return not counts_noun or has_lead
