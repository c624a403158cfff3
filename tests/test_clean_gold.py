"""clean on the gold sets: the line targets of issue 3 hold on every set."""

from __future__ import annotations

import json

import pytest
from tests.conftest import GOLD_SETS

from newsevents.clean import build_profile, clean
from newsevents.cleaning.lines import split_lines
from newsevents.ingest import iter_inputs
from newsevents.options import Options
from newsevents.records import Article


def _gold_junk(gold: dict, lines: list[str]) -> list[bool]:
    """True for lines the gold says are not body: listed, or outside first..last body line."""
    listed = {x.strip() for x in gold["boilerplate_lines"]}
    first, last = gold["body_first_line"].strip(), gold["body_last_line"].strip()
    start = lines.index(first)
    end = len(lines) - 1 - lines[::-1].index(last)
    return [line in listed or not start <= i <= end for i, line in enumerate(lines)]


@pytest.mark.parametrize("set_name", GOLD_SETS)
def test_boilerplate_recall_precision_and_body_kept(corpus_dir, knowledge, set_name):
    folder = corpus_dir / set_name
    raws = list(iter_inputs([folder], folder / "manifest.jsonl", Options()))
    profile = build_profile(raws, Options())
    hit = removed = junk = body = lost = 0
    for raw in raws:
        gold = json.loads((folder / f"{raw.doc_id}.json").read_text(encoding="utf-8"))
        article = clean(raw, knowledge, profile, Options())
        assert isinstance(article, Article)
        reason_at = {r.start: r.reason for r in article.removed_lines}
        lines = split_lines(raw.text)
        for line, is_junk in zip(lines, _gold_junk(gold, [ln.text for ln in lines]), strict=True):
            reason = reason_at.get(line.start)
            if reason == "title" and line.text == gold["body_first_line"].strip():
                continue  # the gold keeps some headlines as body; we keep them as the title
            junk += is_junk
            removed += reason is not None
            hit += is_junk and reason is not None
            body += not is_junk
            lost += (not is_junk) and reason is not None
    assert hit / junk >= 0.97
    assert hit / removed >= 0.95
    assert lost / body <= 0.01


def test_titles_the_gold_keeps_as_body_are_headlines(corpus_dir, knowledge):
    """Where we differ from the gold on a first line, it is a headline kept as Article.title."""
    for gold_path in sorted(corpus_dir.glob("*/*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        [raw] = iter_inputs([gold_path.with_suffix(".txt")], None, Options())
        article = clean(raw, knowledge, build_profile([raw], Options()), Options())
        first = gold["body_first_line"].strip()
        if article.body_lines[0].text != first and article.title == first:
            assert not first.endswith(".")
