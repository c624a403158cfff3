"""nlp stage: sentences never span body lines, offsets slice the raw text, stamps are not prose."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import CORPUS

from newsevents.nlp import _tokens_after_line_breaks, parse, parse_many, parser_text
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


def test_parse_many_gives_what_parse_gives(nlp):
    names = ("seeds/yonhap_2020-11-12_vice-fm-phone.txt", "dev/ap_2018-10-31_nippon-steel-ruling.txt",
             "dev2/newsone_2021-05-21_israel-hamas-gaza-ceasefire.txt")
    articles = [_article((CORPUS / n).read_text(encoding="utf-8")) for n in names]
    batched = list(parse_many(articles, nlp, batch_size=2))
    assert [p.article for p in batched] == articles
    for one, many in zip((parse(a, nlp) for a in articles), batched, strict=True):
        assert one.sentences == many.sentences
        assert [(t.tag_, t.dep_, t.head.i, t.ent_type_, t.lemma_) for t in one.doc] == [
            (t.tag_, t.dep_, t.head.i, t.ent_type_, t.lemma_) for t in many.doc]


def _after_newline_by_token(doc) -> list[int]:
    """The tokens after a newline, token by token (the definition the fast path must meet)."""
    return [t.i for t in doc[1:] if "\n" in doc[t.i - 1].whitespace_
            or doc[t.i - 1].is_space and "\n" in doc[t.i - 1].text]


def test_line_breaks_found_in_real_articles(nlp):
    for path in sorted(CORPUS.glob("dev/*.txt"))[:6]:
        doc = nlp.make_doc(path.read_text(encoding="utf-8"))
        found = _tokens_after_line_breaks(doc)
        assert found and found == _after_newline_by_token(doc)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Talks", "ended", ".", "\n", "\n\n", " ", "  ", "\t", "\r\n",
                                 "\u00a0", "(AP)", "--", "Seoul,"]), max_size=25))
def test_line_breaks_match_the_token_definition(nlp, pieces):
    doc = nlp.make_doc(" ".join(pieces) + "".join(pieces))
    assert _tokens_after_line_breaks(doc) == _after_newline_by_token(doc)
