"""Near-duplicate and syndicated copies (MinHash over Article.body)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from linkdata import gold_result, gold_results
from newsevents import link
from newsevents.linking.dedup import _permutations, duplicate_groups, shingles, signature
from newsevents.records import Line

KION = "kion-ap_2022-02-17_france-mali-withdrawal"
TRT = "trtworld_2019-08-22_gsomia-termination"


def _copy(result, doc_id, pub_date, drop_last=0, header=None):
    """The same article re-published elsewhere: new id and date, optional header, fewer lines."""
    article = result.article
    lines = article.body_lines[:len(article.body_lines) - drop_last]
    raw = article.raw
    if header:
        raw = header + "\n" + raw
        shift = len(header) + 1
        lines = tuple(Line(x.start + shift, x.end + shift, x.text) for x in lines)
        lines = (Line(0, len(header), header), *lines)
    copy = replace(article, doc_id=doc_id, raw=raw, body_lines=lines, pub_date=pub_date,
                   outlet="Syndicator")
    return replace(result, doc_id=doc_id, article=copy, events=tuple(
        replace(e, doc_id=doc_id, event_id=e.event_id.replace(result.doc_id, doc_id))
        for e in result.events))


def test_gold_corpus_has_no_copies(corpus_dir):
    assert duplicate_groups([r.article for r in gold_results(corpus_dir)]) == ()


def test_syndicated_copy_is_grouped_and_earliest_is_canonical(corpus_dir):
    original = gold_result(corpus_dir / "dev" / f"{TRT}.json")
    later = _copy(original, "syndicator_copy", "2019-08-23", drop_last=2,
                  header="Posted by the wire desk")
    run = link.link([later, original])
    assert len(run.duplicates) == 1
    group = run.duplicates[0]
    assert group.canonical == TRT
    assert set(group.doc_ids) == {TRT, "syndicator_copy"}
    assert group.similarity >= 0.7
    assert len(run.articles) == 2  # none dropped


def test_same_day_copies_prefer_the_longest(corpus_dir):
    original = gold_result(corpus_dir / "dev" / f"{TRT}.json")
    trimmed = _copy(original, "trimmed_copy", original.article.pub_date, drop_last=3)
    group = duplicate_groups([trimmed.article, original.article])[0]
    assert group.canonical == TRT


def test_reports_of_one_event_by_different_agencies_are_not_copies(corpus_dir):
    folder = corpus_dir / "dev2"
    results = [gold_result(folder / f"{d}.json") for d in (
        KION, "shropshirestar-pa_2022-02-17_france-mali-withdrawal")]
    assert duplicate_groups([r.article for r in results]) == ()


def test_copies_share_the_story_of_their_events(corpus_dir):
    original = gold_result(corpus_dir / "dev2" / f"{KION}.json")
    run = link.link([original, _copy(original, "syndicator_copy", "2022-02-17")])
    mains = [e for e in run.events if e.main]
    assert len(mains) == 2 and mains[0].story_id == mains[1].story_id


_VOCABULARY = ("the", "army", "said", "troops", "would", "leave", "capital", "by", "friday",
               "after", "talks", "with", "rebels", "in", "north", "broke", "down", "again")
_words = st.lists(st.sampled_from(_VOCABULARY), min_size=30, max_size=120)


@settings(max_examples=40, deadline=None)
@given(_words, _words)
def test_minhash_estimates_jaccard(first, second):
    x, y = shingles(" ".join(first), 3), shingles(" ".join(second), 3)
    exact = len(set(x.tolist()) & set(y.tolist())) / len(set(x.tolist()) | set(y.tolist()))
    coeffs = _permutations(126)
    estimate = float((signature(x, coeffs) == signature(y, coeffs)).mean())
    assert abs(estimate - exact) < 0.2


@settings(max_examples=30, deadline=None)
@given(_words)
def test_identical_texts_have_identical_signatures(words):
    coeffs = _permutations(126)
    text = " ".join(words)
    assert (signature(shingles(text), coeffs) == signature(shingles(text.upper()), coeffs)).all()
