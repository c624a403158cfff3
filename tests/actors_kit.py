"""Helpers for the actor tests: real corpus articles parsed as the pipeline would see them.

Articles are built directly from the corpus .txt (whole text as one body line), with the outlet
country the cleaner would set, so the context rules (outlet, dyad, dates) apply as in a run.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from newsevents.knowledge import bundled_data_dir
from newsevents.knowledge.actorkb import ActorKB, load_actor_kb
from newsevents.nlp import parse
from newsevents.records import Article, Line, Parsed

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@cache
def actor_knowledge() -> ActorKB:
    """The bundled actor knowledge base, loaded once per test session."""
    return load_actor_kb([bundled_data_dir()])


def corpus_article(doc_id: str, outlet_country: str | None = None,
                   dateline_place: str | None = None) -> Article:
    """The corpus article `doc_id`, with pub_date and outlet from its folder's manifest."""
    txt = next(CORPUS.glob(f"*/{doc_id}.txt"))
    meta = {}
    for line in (txt.parent / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else {}
        if row.get("doc_id") == doc_id:
            meta = row
    text = txt.read_text(encoding="utf-8")
    return Article(doc_id=doc_id, source_path=str(txt), raw=text,
                   body_lines=(Line(0, len(text), text),), outlet=meta.get("outlet"),
                   outlet_country=outlet_country, dateline_place=dateline_place,
                   pub_date=meta.get("pub_date"))


def parsed_article(nlp, doc_id: str, outlet_country: str | None = None,
                   dateline_place: str | None = None) -> Parsed:
    return parse(corpus_article(doc_id, outlet_country, dateline_place), nlp)


def span_of(parsed: Parsed, phrase: str, within: str | None = None) -> tuple[int, int]:
    """Token span of `phrase` (whole words), inside the first sentence containing `within`."""
    body = parsed.article.body
    base = body.index(within) if within else 0
    match = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)").search(body, base)
    assert match is not None, f"{phrase!r} not found after {within!r}"
    span = parsed.doc.char_span(match.start(), match.end(), alignment_mode="expand")
    return span.start, span.end


def text_article(text: str, outlet_country: str | None = None, outlet: str | None = None,
                 pub_date: str = "2024-03-01") -> Article:
    """An article made of `text` alone (a test sentence written for a rule), as one body line."""
    return Article(doc_id="test", source_path="test.txt", raw=text,
                   body_lines=(Line(0, len(text), text),), outlet=outlet,
                   outlet_country=outlet_country, pub_date=pub_date)
