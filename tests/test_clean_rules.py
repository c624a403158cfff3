"""knowledge/boilerplate.py: the rule table loads, user folders extend it, bad rows say where."""

from __future__ import annotations

import pytest

from newsevents.cleaning.lines import rule_reason, words
from newsevents.errors import KnowledgeError
from newsevents.knowledge import bundled_data_dir
from newsevents.knowledge.boilerplate import load_boilerplate

HEADER = "# test rules\nreason\tmatch\tpattern\n"


@pytest.mark.parametrize(("line", "reason"), [
    ("Back To Top", "nav"),
    ("elly@yna.co.kr", "email"),
    ("(END)", "end-marker"),
    ("By subscribing, you can help us get the story right.", "subscription"),
    ("© 2025 The New York Sun Company, LLC. All rights reserved.", "copyright"),
    ("PHOTO: REUTERS", "photo-credit"),
    ("READ: My town is the new Cold War's Berlin: Hong Kong activist Joshua Wong",
     "related-headlines"),
    ("(Reporting by Will Dunham; Editing by Tom Brown)", "end-marker"),
    ("2 days ago at 07:52 am", "date-line"),
    ("joetoronto says:", "comments"),
    ("Want more stories like this?", "section-end"),
    ("Our Standards: The Thomson Reuters Trust Principles.", "disclaimer"),
])
def test_bundled_rules_on_real_lines(knowledge, line, reason):
    assert rule_reason(line, len(words(line)), knowledge.boilerplate) == reason


@pytest.mark.parametrize("line", [
    "The Foreign Ministry said:",
    "Seoul has said it honors the 2018 top court rulings that ordered Japanese companies to "
    "compensate Korean victims.",
    "Strong contender",
    "May and Putin",
])
def test_ordinary_news_lines_match_no_rule(knowledge, line):
    assert rule_reason(line, len(words(line)), knowledge.boilerplate) is None


def test_user_rules_are_added_after_the_bundled_ones(tmp_path):
    (tmp_path / "boilerplate.tsv").write_text(
        HEADER + "promo\tline\tsupport the herald\n", encoding="utf-8")
    rules = load_boilerplate((bundled_data_dir(), tmp_path))
    assert rules.rules[-1].reason == "promo"
    assert rule_reason("Support The Herald", 3, rules) == "promo"


def test_bad_regex_names_file_and_row(tmp_path):
    (tmp_path / "boilerplate.tsv").write_text(HEADER + "nav\tline\t(unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="boilerplate.tsv row 1"):
        load_boilerplate((tmp_path,))


def test_unknown_match_kind_is_refused(tmp_path):
    (tmp_path / "boilerplate.tsv").write_text(HEADER + "nav\tanywhere\thome\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="match must be one of"):
        load_boilerplate((tmp_path,))
