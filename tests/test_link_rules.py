"""The link stage's data files and how they are read."""

from __future__ import annotations

import shutil

import pytest

from newsevents.errors import KnowledgeError
from newsevents.knowledge import bundled_data_dir
from newsevents.linking.features import parse_span, weekday_of, words_of
from newsevents.linking.match import type_families
from newsevents.linking.rules import load_link_rules
from newsevents.records import PLOVER_TYPES


def test_every_type_has_a_row_and_shared_acts_are_undirected():
    rules = load_link_rules()
    assert set(rules.compatible) == set(PLOVER_TYPES)
    assert not rules.is_directed("CONSULT") and rules.is_directed("REQUEST")


def test_compatible_types_are_one_family_and_opposites_are_not():
    rules = load_link_rules()
    assert rules.type_relation("CONSULT", "AGREE") == "compatible"
    assert rules.type_relation("AGREE", "ASSAULT") is None
    families = type_families(rules)
    assert families["CONSULT"] == families["AGREE"] != families["ASSAULT"]


def test_user_folder_overrides_weights(tmp_path):
    (tmp_path / "link_weights.tsv").write_text("name\tvalue\twhy\nday_window\t1\tstricter\n")
    rules = load_link_rules((bundled_data_dir(), tmp_path))
    assert rules.weights.day_window == 1
    assert rules.weights.type_same == load_link_rules().weights.type_same


def test_unknown_type_is_a_knowledge_error(tmp_path):
    shutil.copy(bundled_data_dir() / "link_weights.tsv", tmp_path)
    (tmp_path / "link_types.tsv").write_text("type\tdirected\tcompatible\nMEET\tno\t\n")
    with pytest.raises(KnowledgeError):
        load_link_rules((tmp_path,))


def test_missing_weight_is_a_knowledge_error(tmp_path):
    (tmp_path / "link_weights.tsv").write_text("name\tvalue\twhy\nterms\t4\tx\n")
    with pytest.raises(KnowledgeError):
        load_link_rules((tmp_path,))


def test_dates_become_day_intervals():
    assert parse_span("2020-11-12").precision == "day"
    month = parse_span("2020-02")
    assert month.hi - month.lo == 28  # 2020 is a leap year
    assert parse_span("2018").precision == "year"
    assert parse_span("someday") is None and parse_span(None) is None


def test_weekday_only_when_one_is_named():
    assert weekday_of("agreed Thursday") == 3
    assert weekday_of("between Monday and Friday") is None


def test_names_and_figures_are_marked_as_names():
    stems, names = words_of("Russia will expel 23 British diplomats within a week",
                            load_link_rules().stopwords)
    assert {"23", "briti"} <= names
    assert "diplo" in stems and "diplo" not in names
    assert "week" not in stems  # calendar words are compared as dates, not as terms
