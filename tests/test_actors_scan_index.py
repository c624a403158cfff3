"""The actor scan's shortcuts (first-word index, token table) find exactly what trying every
phrase length finds, on real articles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actors_kit import actor_knowledge, parsed_article
from newsevents.actor import scan
from newsevents.actor.tokens import token_table
from newsevents.knowledge.actorkb import FirstWords

DOC_IDS = ("medicinehatnews-ap_2024-01-22_us-uk-strikes-houthis",
           "irrawaddy_2023-04-11_pazigyi-air-strike",
           "yonhap_2020-11-12_vice-fm-phone",
           "cna-afp_2019-09-11_china-summons-german-envoy-wong",
           "phnompenhpost_2017-11-16_cnrp-dissolved",
           "rigzone-wsj_2013-01_in-amenas-hostage-taking")


@pytest.fixture(scope="module")
def docs(nlp):
    return [parsed_article(nlp, doc_id).doc for doc_id in DOC_IDS]


def _every_length_name(doc, kb, i):
    """The name scan as it reads without shortcuts: every length from the longest down."""
    for end in range(min(len(doc), i + kb.max_name_words + 2), i, -1):
        last = doc[end - 1]
        if last.is_punct or last.is_space or "\n" in doc[i:end].text:
            continue
        if scan._continues_name(token_table(doc), end):
            continue
        forms = kb.entries(doc[i:end].text)
        if forms:
            return scan.NameHit(i, end, scan._preferred(forms))
    return None


def _every_length_agent(doc, kb, i):
    for end in range(min(len(doc), i + kb.max_agent_words + 1), i, -1):
        if not doc[end - 1].is_alpha or doc[end - 1].pos_ not in ("NOUN", "PROPN"):
            continue
        lemmas, words = scan._agent_key(token_table(doc), i, end)
        head_only = " ".join((*words.split()[:-1], lemmas.split()[-1]))
        if kb.agent(lemmas) or kb.agent(words) or kb.agent(head_only):
            return end
    return None


def test_name_shortcut_finds_what_every_length_finds(docs):
    kb = actor_knowledge()
    found = 0
    for doc in docs:
        tokens = token_table(doc)
        for i, token in enumerate(doc):
            if scan._capitalised(token.text):
                expected = _every_length_name(doc, kb, i)
                assert scan._longest_name(tokens, kb, i) == expected, (doc[i:i + 6].text)
                found += expected is not None
    assert found > 100


def test_agent_shortcut_never_rules_out_a_sector_word(docs):
    kb = actor_knowledge()
    ruled_out = 0
    for doc in docs:
        tokens = token_table(doc)
        for i, token in enumerate(doc):
            if not token.is_alpha:
                continue
            if not scan._may_start_agent(tokens, kb, i):
                ruled_out += 1
                assert _every_length_agent(doc, kb, i) is None, doc[i:i + 4].text
    assert ruled_out > 1000  # the shortcut does rule out most words


def test_token_table_columns_match_the_tokens(docs):
    for doc in docs:
        tokens = token_table(doc)
        assert token_table(doc) is tokens  # built once per Doc
        assert tokens.doc_text == doc.text and len(tokens) == len(doc)
        assert list(tokens.text) == [t.text for t in doc]
        assert list(tokens.whitespace) == [t.whitespace_ for t in doc]
        assert list(tokens.idx) == [t.idx for t in doc]
        assert list(tokens.pos) == [t.pos_ for t in doc]
        assert list(tokens.dep) == [t.dep_ for t in doc]
        assert list(tokens.head) == [t.head.i for t in doc]
        assert list(tokens.lower) == [t.lower_ for t in doc]
        assert list(tokens.lower_key) == [t.lower_.replace(".", "") for t in doc]
        assert list(tokens.lemma_key) == [t.lemma_.lower().replace(".", "") for t in doc]
        assert [(a, p, s) for a, p, s in zip(tokens.is_alpha, tokens.is_punct, tokens.is_space,
                                            strict=True)] == [
            (t.is_alpha, t.is_punct, t.is_space) for t in doc]


def test_token_table_of_an_empty_doc(nlp):
    tokens = token_table(nlp.make_doc(""))
    assert len(tokens) == 0 and tokens.doc_text == "" and tokens.span_text(0, 0) == ""


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=5000), st.integers(min_value=0, max_value=14))
def test_span_text_is_the_spans_text(docs, first, length):
    doc = docs[1]
    start = first % len(doc)
    end = min(len(doc), start + length)
    assert token_table(doc).span_text(start, end) == doc[start:end].text


def test_first_words_index():
    index = FirstWords.of(["south korea", "south sudan", "korea", "the hague", ""])
    assert "south" in index and "sudan" not in index
    assert index.most_words["south"] == 2
    assert index.any_starting("sou") and index.any_starting("korea")
    assert not index.any_starting("kz") and not index.any_starting("zz")
