"""The event lexicon, cue words and PLOVER ontology tables load, validate and extend."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.errors import KnowledgeError
from newsevents.knowledge import bundled_data_dir, knowledge_dirs
from newsevents.knowledge.lexicon import NOT_AN_EVENT, load_lexicon
from newsevents.knowledge.ontology import load_ontology
from newsevents.records import PLOVER_TYPES

HEADER = "pattern\tpos\ttype\tmode\tcontext\tcameo\tnote\tstate_type\n"


def test_bundled_lexicon_covers_every_plover_type(knowledge):
    types = {e.type for senses in knowledge.lexicon.by_trigger.values() for e in senses}
    assert set(PLOVER_TYPES) <= types
    assert types - set(PLOVER_TYPES) == {NOT_AN_EVENT}


def test_lexicon_is_broad_beyond_diplomacy(knowledge):
    lexicon = knowledge.lexicon
    expected = {"protest": "PROTEST", "arrest": "COERCE", "shell": "ASSAULT", "curfew": "COERCE",
                "ceasefire": "RETREAT", "deploy": "MOBILIZE", "tariff": "SANCTION",
                "aid": "AID", "urge": "REQUEST", "summit": "CONSULT", "annul": "COERCE"}
    for word, event_type in expected.items():
        assert any(s.type == event_type for s in lexicon.senses(word)), word


def test_most_specific_sense_comes_first(knowledge):
    senses = knowledge.lexicon.senses("recall")
    assert len(senses[0].companions) >= len(senses[-1].companions)
    assert any(s.pattern == "recall ambassador" and s.type == "SANCTION" for s in senses)


def test_cue_words_by_role(knowledge):
    lexicon = knowledge.lexicon
    assert lexicon.is_cue("say", "report")
    assert lexicon.is_cue("hold", "light")
    assert lexicon.is_cue("if", "condition")
    assert not lexicon.is_cue("urge", "report")


def test_user_file_overrides_a_bundled_sense(tmp_path: Path):
    (tmp_path / "event_lexicon.tsv").write_text(
        "# user lexicon\n" + HEADER + "urge\tV\tACCUSE\t\t\t11\tlocal convention\t\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon(knowledge_dirs([tmp_path]))
    urge = [s for s in lexicon.senses("urge") if s.pos == "V"]
    assert [s.type for s in urge] == ["ACCUSE"]


def test_unknown_type_is_a_knowledge_error(tmp_path: Path):
    (tmp_path / "event_lexicon.tsv").write_text(HEADER + "frobnicate\tV\tFIGHT\t\t\t\t\t\n",
                                                encoding="utf-8")
    with pytest.raises(KnowledgeError, match="FIGHT"):
        load_lexicon(knowledge_dirs([tmp_path]))


def test_unknown_cue_role_is_a_knowledge_error(tmp_path: Path):
    (tmp_path / "event_cues.tsv").write_text("word\trole\tnote\nsay\tgossip\t\n",
                                             encoding="utf-8")
    with pytest.raises(KnowledgeError, match="gossip"):
        load_lexicon(knowledge_dirs([tmp_path]))


def test_quad_classes_follow_the_plover_manual(knowledge):
    ontology = knowledge.ontology
    assert [ontology.quad_of(t) for t in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE")] == [1] * 4
    assert [ontology.quad_of(t) for t in ("COOPERATE", "AID", "RETREAT")] == [2] * 3
    assert [ontology.quad_of(t) for t in ("REQUEST", "ACCUSE", "REJECT", "THREATEN")] == [3] * 4
    assert [ontology.quad_of(t) for t in ("PROTEST", "MOBILIZE", "COERCE", "ASSAULT")] == [4] * 4


def test_goldstein_from_cameo_code_and_parent(knowledge):
    ontology = knowledge.ontology
    assert ontology.goldstein_of("REQUEST", "10") == pytest.approx(-5.0)
    # an unlisted 4-digit code falls back to its 3-digit parent
    assert ontology.goldstein_of("COERCE", "1739") == ontology.goldstein_of("COERCE", "173")
    assert ontology.goldstein_of("ASSAULT", None) == ontology.types["ASSAULT"].default_goldstein


def test_cameo_to_plover_mapping(knowledge):
    ontology = knowledge.ontology
    assert ontology.plover_of_cameo("0841").type == "RETREAT"
    assert ontology.plover_of_cameo("1823").type == "ASSAULT"
    assert ontology.plover_of_cameo("0211").type == "REQUEST"  # added row: CAMEO 02 appeal


def test_plover05_labels_map_to_current_types(knowledge):
    ontology = knowledge.ontology
    assert ontology.current_type("DEMAND") == "REQUEST"
    assert ontology.current_type("DISAPPROVE") == "ACCUSE"
    assert ontology.current_type("FIGHT") == "ASSAULT"
    assert ontology.current_type("DOCUMENT") is None
    assert ontology.current_type("protest") == "PROTEST"


def test_derived_tables_keep_their_attribution():
    data = bundled_data_dir()
    for name in ("cameo_plover.tsv", "cameo_goldstein.tsv", "plover05_map.tsv",
                 "plover_types.tsv", "event_lexicon.tsv", "event_cues.tsv"):
        head = (data / name).read_text(encoding="utf-8").splitlines()[:8]
        assert head[0].startswith("#"), name
    assert "CC BY-SA 4.0" in (data / "cameo_plover.tsv").read_text(encoding="utf-8")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="0123456789", min_size=1, max_size=4), st.sampled_from(PLOVER_TYPES))
def test_goldstein_is_always_on_the_scale(code, event_type):
    ontology = load_ontology([bundled_data_dir()])
    score = ontology.goldstein_of(event_type, code)
    assert score is not None and -10.0 <= score <= 10.0
