"""The TABARI/PETRARCH dictionary importer on the PETRARCH validation and Phoenix files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from newsevents.knowledge.tabari import (
    load_tabari_actors,
    load_tabari_agents,
    parse_date,
    parse_role,
)

REFDATA = Path(__file__).resolve().parents[1].parent / "shared/refdata"


def test_petrarch_validation_actors_load():
    actors = load_tabari_actors(REFDATA / "petrarch-unit-tests/PETR.Validate.actors.txt")
    by_name = {a.name: a for a in actors}
    assert by_name["HAMAS"].roles[0].code == "PSEREBHMS"
    assert "AUSTRALIAN" in by_name["AUSTRALIA"].aliases
    assert len(actors) > 100


def test_petrarch_validation_agents_expand_macros():
    agents = load_tabari_agents(REFDATA / "petrarch-unit-tests/PETR.Validate.agents.txt")
    words = {a.words: a.code for a in agents}
    assert words["foreign minister"] == "GOVFRM"
    assert words["congressman"] == "LEG"  # CONGRESS!PERSON! with !PERSON! = MAN, ...


def test_phoenix_people_have_dated_roles():
    actors = load_tabari_actors(REFDATA / "phoenix/Phoenix.Countries.actors.txt")
    abe = next(a for a in actors if a.name == "SHINZO ABE")
    assert ("JPNGOV", "2006-09-26", "2007-09-26") in [(r.code, r.start, r.end) for r in abe.roles]


def test_role_forms():
    assert parse_role("JPNGOV >890107").start == "1989-01-07"
    assert parse_role("JPNGOV <890107").end == "1989-01-07"
    assert parse_role("---") is None
    assert parse_role("KORGOV 2004017-20061201").start is None  # malformed range: undated


@given(st.dates(min_value=date(1000, 1, 1)))
def test_parse_date_reads_eight_digit_dates(day):
    assert parse_date(day.strftime("%Y%m%d")) == day.isoformat()
