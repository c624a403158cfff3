"""Publication dates inferred through links (weekday must agree)."""

from __future__ import annotations

from dataclasses import replace

from linkdata import gold_result
from newsevents import link
from newsevents.linking.infer import days_after
from newsevents.linking.rules import load_link_rules

KYODO = "kyodo_2020-11-12_vice-fm-phone"
YONHAP = "yonhap_2020-11-12_vice-fm-phone"


def _pair(corpus_dir, date_text=None):
    kyodo = gold_result(corpus_dir / "seeds" / f"{KYODO}.json", realistic=True,
                        drop_pub_date=True)
    if date_text is not None:
        kyodo = replace(kyodo, events=tuple(replace(e, date_text=date_text) if e.main else e
                                            for e in kyodo.events))
    return [kyodo, gold_result(corpus_dir / "seeds" / f"{YONHAP}.json")]


def test_undated_thursday_report_inherits_the_dated_reports_day(corpus_dir):
    results = _pair(corpus_dir)
    main = next(e for e in results[0].events if e.main)
    assert main.date is None and main.date_text == "Thursday"
    assert link.infer_pub_dates(results) == {KYODO: "2020-11-12"}


def test_no_inference_when_the_weekday_disagrees(corpus_dir):
    assert link.infer_pub_dates(_pair(corpus_dir, date_text="Friday")) == {}


def test_yesterday_puts_publication_a_day_after(corpus_dir):
    assert link.infer_pub_dates(_pair(corpus_dir, date_text="yesterday")) == {KYODO: "2020-11-13"}


def test_dated_articles_are_left_alone(corpus_dir):
    results = [gold_result(corpus_dir / "seeds" / f"{d}.json") for d in (KYODO, YONHAP)]
    assert link.infer_pub_dates(results) == {}


def test_undated_article_of_dev2_gets_the_date_of_the_dated_report(corpus_dir):
    folder = corpus_dir / "dev2"
    results = [gold_result(folder / f"{d}.json", realistic=True) for d in (
        "telesur_2022-12-07_castillo-ousted-arrested",
        "westobserver_2022-12_castillo-detained-after-ouster")]
    assert link.infer_pub_dates(results) == {
        "westobserver_2022-12_castillo-detained-after-ouster": "2022-12-07"}


def test_relative_day_phrases():
    rules = load_link_rules()
    assert days_after("on Thursday", rules) == 0
    assert days_after("yesterday", rules) == 1
    assert days_after("this evening", rules) == 0
    assert days_after("last week", rules) is None
    assert days_after(None, rules) is None
