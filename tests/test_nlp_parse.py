"""nlp stage: sentences never span body lines, offsets slice the raw text, stamps are not prose."""

from __future__ import annotations

from tests.conftest import CORPUS

from newsevents.nlp import parse, parser_text
from newsevents.records import Article, Line


def _article(raw: str) -> Article:
    lines, pos = [], 0
    for chunk in raw.split("\n"):
        if chunk.strip():
            start = pos + len(chunk) - len(chunk.lstrip())
            text = chunk.strip()
            lines.append(Line(start, start + len(text), text))
        pos += len(chunk) + 1
    return Article(doc_id="t", source_path="t.txt", raw=raw, body_lines=tuple(lines))


def test_sentences_slice_the_raw_text_and_stay_inside_lines(nlp):
    raw = (CORPUS / "seeds" / "yonhap_2020-11-12_vice-fm-phone.txt").read_text(encoding="utf-8")
    parsed = parse(_article(raw), nlp)
    assert len(parsed.sentences) > 10
    for sentence in parsed.sentences:
        assert raw[sentence.start:sentence.end] == sentence.text
        assert "\n" not in sentence.text


def test_a_line_without_final_punctuation_does_not_swallow_the_next(nlp):
    raw = "Vice FMs of S. Korea, Japan agree on need for close communication\nThe talks ended."
    parsed = parse(_article(raw), nlp)
    assert [s.text for s in parsed.sentences][-1] == "The talks ended."


def test_date_stamp_is_blanked_for_the_parser_with_offsets_kept(nlp):
    raw = (CORPUS / "dev2" / "newsone_2021-05-21_israel-hamas-gaza-ceasefire.txt").read_text(
        encoding="utf-8")
    article = _article(raw)
    assert len(parser_text(article.body)) == len(article.body)
    first = parse(article, nlp).sentences[0]
    assert first.text.startswith("Israel and Hamas have announced a ceasefire")
    assert raw[first.start:first.end] == first.text
