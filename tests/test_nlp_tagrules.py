"""tagrules.AttributeRules sets exactly what spaCy's attribute_ruler sets, from the same rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import CORPUS

from newsevents.nlp import load_pipeline
from newsevents.options import Options
from newsevents.tagrules import STAND_IN, AttributeRules

ARTICLES = ("seeds/yonhap_2020-11-12_vice-fm-phone.txt",
            "dev2/irrawaddy_2023-04-11_pazigyi-air-strike.txt",
            "dev2/medicinehatnews-ap_2024-01-22_us-uk-strikes-houthis.txt")


@pytest.fixture(scope="module")
def plain():
    """The same pipeline with spaCy's own attribute_ruler."""
    return load_pipeline(Options().model, fast_rules=False)


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_pipeline_swaps_the_ruler_in_place(nlp, plain):
    assert "attribute_ruler" not in nlp.pipe_names
    assert nlp.pipe_names == [STAND_IN if n == "attribute_ruler" else n for n in plain.pipe_names]


def test_parsed_articles_are_identical(nlp, plain):
    for name in ARTICLES:
        text = (CORPUS / name).read_text(encoding="utf-8")
        assert _annotations(nlp(text)) == _annotations(plain(text))


def test_every_rule_is_kept(plain):
    ruler = plain.get_pipe("attribute_ruler")
    rules = AttributeRules(ruler)
    indexed = {r.rule for table in (rules.by_tag, rules.by_lower) for group in table.values()
               for r in group} | {r.rule for r in rules.unindexed}
    in_matcher = {rule for rule in range(len(rules.attrs)) if str(rule) in rules.matcher}
    assert indexed | in_matcher == set(range(len(ruler.patterns)))
    assert len(in_matcher) < len(ruler.patterns) // 4  # most rules take the fast path


@pytest.fixture(scope="module")
def vocabulary(plain):
    """Words of a real article, every word a rule tests, whitespace; tagger and parser labels."""
    ruler = plain.get_pipe("attribute_ruler")
    words = set((CORPUS / ARTICLES[0]).read_text(encoding="utf-8").split()[:400])
    for entry in ruler.patterns:
        for pattern in entry["patterns"]:
            for token in pattern:
                value = token.get("LOWER")
                values = value.get("IN", []) if isinstance(value, dict) else [value]
                words.update(v for v in values if isinstance(v, str))
    words.update(["\n", "\n\n", "n't", "nt"])
    return (sorted(words), list(plain.get_pipe("tagger").labels) + [""],
            list(plain.get_pipe("parser").labels) + ["ROOT"])


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_tagged_sequence_gets_the_same_attributes(plain, vocabulary, data):
    from spacy.tokens import Doc

    words, tags, deps = vocabulary
    n = data.draw(st.integers(min_value=1, max_value=12))
    drawn = [data.draw(st.sampled_from(words)) for _ in range(n)]
    drawn = [w.upper() if data.draw(st.booleans()) and w.strip() else w for w in drawn]
    tag_seq = [data.draw(st.sampled_from(tags)) for _ in range(n)]
    dep_seq = [data.draw(st.sampled_from(deps)) for _ in range(n)]
    heads = [data.draw(st.integers(min_value=0, max_value=n - 1)) for _ in range(n)]

    def make():
        return Doc(plain.vocab, words=drawn, tags=tag_seq, deps=dep_seq, heads=heads)

    expected = plain.get_pipe("attribute_ruler")(make())
    got = AttributeRules(plain.get_pipe("attribute_ruler"))(make())
    assert _annotations(got) == _annotations(expected)
