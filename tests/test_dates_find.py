"""find_timerefs on real articles and sentences of ../shared/corpus."""

from __future__ import annotations

import json

import pytest

from newsevents.dates import find_timerefs
from newsevents.nlp import parse
from newsevents.records import Article, Line, Parsed


def parsed_of(nlp, text: str, pub: str | None = None) -> Parsed:
    article = Article("t", "t.txt", raw=text, body_lines=(Line(0, len(text), text),), pub_date=pub)
    return parse(article, nlp)


def article_of(nlp, corpus_dir, set_name: str, doc_id: str) -> Parsed:
    """A corpus article parsed with every non-blank line as body (offsets into the raw file)."""
    raw = (corpus_dir / set_name / f"{doc_id}.txt").read_text(encoding="utf-8")
    lines, pos = [], 0
    for text in raw.split("\n"):
        if text.strip():
            lines.append(Line(pos, pos + len(text), text))
        pos += len(text) + 1
    manifest = [json.loads(x) for x in (corpus_dir / set_name / "manifest.jsonl").read_text(
        encoding="utf-8").splitlines() if x.strip()]
    pub = next(m["pub_date"] for m in manifest if m["doc_id"] == doc_id)
    return parse(Article(doc_id, doc_id, raw=raw, body_lines=tuple(lines), pub_date=pub), nlp)


def test_offsets_slice_the_raw_text_of_a_real_article(nlp, corpus_dir) -> None:
    parsed = article_of(nlp, corpus_dir, "seeds", "kyodo_2019-09-27_motegi-kang-nyc")
    refs = find_timerefs(parsed)
    assert refs, "the seed article names Thursday, Wednesday, 1965 ..."
    for ref in refs:
        assert parsed.article.raw[ref.start:ref.end] == ref.text
        assert parsed.doc[ref.tok_start:ref.tok_end].text.endswith(ref.text.split()[-1])
        sent = parsed.sentences[ref.sent_index]
        assert sent.start <= ref.start and ref.end <= sent.end


def test_kinds_and_values(nlp) -> None:
    text = ("Relations between Tokyo and Seoul hit their lowest point in years when the South "
            "Korean Supreme Court ruled in 2018 that four men should be compensated for forced "
            "labor during Japan's 1910-1945 colonial rule over the Korean Peninsula.")
    refs = {r.text: r for r in find_timerefs(parsed_of(nlp, text, "2020-11-12"))}
    assert refs["in 2018"].kind == "absolute"
    assert (refs["in 2018"].value, refs["in 2018"].precision) == ("2018", "year")
    assert refs["1910-1945"].value is None


def test_weekday_and_relative_kinds(nlp) -> None:
    text = ("Lithuanian Vice Foreign Minister Mantas Adomenas said last week that his country "
            "would open its office in Taipei by the end of the year. China said on Tuesday it "
            "was recalling its ambassador.")
    refs = {r.text: r for r in find_timerefs(parsed_of(nlp, text, "2021-08-10"))}
    assert refs["last week"].kind == "relative" and refs["last week"].value is None
    assert refs["on Tuesday"].kind == "weekday"
    assert refs["on Tuesday"].sent_index == 1


def test_a_person_named_may_is_not_a_month(nlp) -> None:
    text = ("The move comes as a response after British Prime Minister Theresa May earlier "
            "ordered 23 Russian diplomats expelled as part of measures to punish Russia over the "
            "March 4 poisoning of former spy Sergei Skripal.")
    assert [r.text for r in find_timerefs(parsed_of(nlp, text))] == ["March 4"]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Kenya has a history of post-electoral violence, particularly following the 2007 polls "
         "when an estimated 1,100 people were killed.", ["2007"]),
        ("Japan argues the ruling goes against a 1965 bilateral agreement.", ["1965"]),
        ("It was the first visit by a Japanese prime minister to the shrine since Junichiro "
         "Koizumi in 2006.", ["in 2006"]),
    ],
)
def test_years_in_running_text(nlp, text: str, years: list[str]) -> None:
    assert [r.text for r in find_timerefs(parsed_of(nlp, text))] == years


def test_offsets_map_through_removed_lines(nlp) -> None:
    # real lines of the seed and dev articles; the cleaner would drop the first and third
    kept = ["China yesterday recalled its ambassador to Lithuania to protest the European "
            "nation’s move to let Taiwan set up a de facto embassy.",
            "Police on Wednesday arrested Cristiana Chamorro, the leading opposition candidate "
            "for president."]
    raw = "\n".join(["Back To Top", kept[0],
                     "By subscribing, you can help us get the story right.", kept[1]])
    lines = tuple(Line(raw.index(k), raw.index(k) + len(k), k) for k in kept)
    article = Article("t", "t.txt", raw=raw, body_lines=lines, pub_date="2021-08-11")
    refs = find_timerefs(parse(article, nlp))
    assert [raw[r.start:r.end] for r in refs] == ["yesterday", "on Wednesday"]
    assert [r.text for r in refs] == ["yesterday", "on Wednesday"]


@pytest.mark.parametrize(("text", "expected"), [
    ("KYIV, Ukraine, March 15, 2024 (AP) - Police arrested dozens of protesters on Thursday.",
     ["on Thursday"]),
    ("SEOUL, Nov. 12 (Yonhap) -- South Korea and Japan agreed Thursday to keep talking.",
     ["Thursday"]),
])
def test_a_datelines_date_is_no_time_of_the_prose(nlp, text: str, expected: list[str]) -> None:
    assert [r.text for r in find_timerefs(parsed_of(nlp, text, "2024-03-15"))] == expected


def test_a_date_after_a_lowercase_opening_is_kept(nlp) -> None:
    text = "Officials said on March 15, 2024 - a day of protests - that talks would resume."
    assert "on March 15, 2024" in [r.text for r in find_timerefs(parsed_of(nlp, text))]
