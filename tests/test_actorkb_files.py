"""Loading and checking the actor data files, and extending them from a user folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.errors import KnowledgeError
from newsevents.knowledge import bundled_data_dir
from newsevents.knowledge.actorkb import ActorKB, check_knowledge, load_actor_kb, normalise_name
from newsevents.knowledge.tabari import TabariActor, TabariRole

PETRARCH = Path(__file__).resolve().parents[1].parent / "shared/refdata/petrarch-unit-tests"


def test_bundled_files_pass_the_check():
    assert check_knowledge([bundled_data_dir()]) == []


def test_check_reports_unknown_country_and_bad_dates(tmp_path):
    (tmp_path / "leaders.tsv").write_text(
        "# test\nname\taliases\tcountry\tsector\tcode\ttitle\tstart\tend\n"
        "Nobody Known\t\tXXX\tGOV\t\tpresident\t2020-13-01\t2019-01-01\n", encoding="utf-8")
    problems = check_knowledge([bundled_data_dir(), tmp_path])
    assert any("unknown country 'XXX'" in p for p in problems)
    assert any("starts after it ends" in p for p in problems)


def test_malformed_date_is_a_knowledge_error(tmp_path):
    (tmp_path / "leaders.tsv").write_text(
        "name\taliases\tcountry\tsector\tcode\ttitle\tstart\tend\n"
        "Ann Example\t\tJPN\tGOV\t\tminister\t2020/01/01\t\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        load_actor_kb([tmp_path])


def test_user_folder_adds_rows_and_tabari_dictionaries(tmp_path):
    (tmp_path / "groups.tsv").write_text(
        "code\tname\taliases\tcountry\tsector\nXYZREB\tRed Hand Front\tRHF\tNGA\tREB\n",
        encoding="utf-8")
    (tmp_path / "mine.actors.txt").write_text(
        (PETRARCH / "PETR.Validate.actors.txt").read_text(encoding="utf-8"), encoding="utf-8")
    kb = load_actor_kb([bundled_data_dir(), tmp_path])
    assert [(r.country, r.sector) for r in kb.lookup("Red Hand Front")] == [("NGA", "REB")]
    assert [r.country for r in kb.lookup("Arnor")] == ["ARN"]
    assert ("JPN", "GOV") in [(r.country, r.sector) for r in kb.lookup("Japan")]


def test_extended_returns_a_new_kb_and_leaves_the_old_one():
    kb = load_actor_kb([bundled_data_dir()])
    actor = TabariActor("ZORBLAX PRIME", ("ZORBLAX",), (TabariRole("FRAGOV", "2030-01-01", None),))
    bigger = kb.extended([actor])
    assert kb.lookup("Zorblax Prime", "2031-01-01") == ()
    assert [r.code for r in bigger.lookup("Zorblax Prime", "2031-01-01")] == ["FRAGOV"]


def test_kb_is_immutable():
    kb = ActorKB()
    with pytest.raises((AttributeError, TypeError)):
        kb.names["x"] = ()  # type: ignore[index]
    with pytest.raises(AttributeError):
        kb.max_name_words = 3  # type: ignore[misc]


@given(st.text(min_size=1, max_size=30))
def test_normalise_name_is_idempotent(text):
    once = normalise_name(text)
    assert normalise_name(once) == once


def test_office_holders_file_is_what_the_converter_derives():
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("convert_phoenix",
                                                  root / "scripts" / "convert_phoenix.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    derived = module.rows(root.parent / "shared" / "refdata" / "phoenix")
    bundled = (bundled_data_dir() / "office_holders.tsv").read_text(encoding="utf-8")
    body = [line for line in bundled.splitlines() if line and not line.startswith("#")][1:]
    assert body == derived
