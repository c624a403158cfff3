"""clean, property-based: never crashes, only ever removes whole input lines, accounts for all."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import CORPUS

from newsevents.clean import CorpusProfile, clean, clean_lines
from newsevents.knowledge import load_knowledge
from newsevents.options import Options
from newsevents.records import BODY_SEPARATOR, Article, RawArticle, Rejection

REAL_LINES = tuple(
    line for path in sorted(CORPUS.glob("*/*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
)
SPACES = st.sampled_from(["", " ", "\t", "  ", "\u00a0"])
BREAKS = st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"])


@st.composite
def documents(draw) -> str:
    """Texts made of real corpus lines, junk and arbitrary unicode, with odd spacing."""
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        line = draw(st.one_of(st.sampled_from(REAL_LINES), st.text(max_size=80),
                              st.sampled_from(["(END)", "-", "Share", "© 2020", "Photo: AFP"])))
        parts.append(draw(SPACES) + line + draw(SPACES) + draw(BREAKS))
    return "".join(parts)


def _non_blank_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line broken at \\n, \\r\\n or \\r, surrounding spaces excluded."""
    spans = []
    for match in re.finditer(r"[^\r\n]+", text):
        piece = match.group()
        if piece.strip():
            start = match.start() + len(piece) - len(piece.lstrip())
            spans.append((start, start + len(piece.strip())))
    return spans


@functools.cache
def _knowledge():
    return load_knowledge()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_cleaner_only_removes_whole_lines_and_accounts_for_all(text):
    result = clean(RawArticle("doc", "doc.txt", "txt", text), _knowledge(), CorpusProfile(),
                   Options())
    if isinstance(result, Rejection):
        assert result.stage == "clean" and "\n" not in result.reason
        return
    assert isinstance(result, Article)
    kept = [(ln.start, ln.end) for ln in result.body_lines]
    gone = [(ln.start, ln.end) for ln in result.removed_lines]
    for line in (*result.body_lines, *result.removed_lines):
        assert text[line.start:line.end] == line.text
    assert sorted(kept + gone) == _non_blank_lines(text)
    assert all(r.reason for r in result.removed_lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.booleans())
def test_line_verdicts_never_crash_on_any_text(text, extracted):
    verdicts = clean_lines(text, _knowledge().boilerplate, CorpusProfile(), extracted=extracted)
    assert len(verdicts.reasons) == len(verdicts.lines)
    for line in verdicts.lines:
        assert text[line.start:line.end] == line.text and line.text.strip() == line.text


def test_real_articles_keep_exact_offsets(knowledge):
    for path in sorted(Path(CORPUS).glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        article = clean(RawArticle(path.stem, str(path), "txt", text), knowledge,
                        CorpusProfile(), Options())
        assert isinstance(article, Article), path.name
        body, offset = article.body, 0
        for line in article.body_lines:
            assert text[line.start:line.end] == line.text
            assert body[offset:offset + len(line.text)] == line.text
            assert article.body_to_raw(offset) == line.start
            offset += len(line.text) + len(BODY_SEPARATOR)
