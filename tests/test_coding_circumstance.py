"""An event named as the setting of a clause ("despite ...", "amid ...") is not what it reports.

Sentences are real, from the gold corpus (/work/shared/corpus).
"""

from __future__ import annotations

from coding_helpers import code, of_type

# Corpus (Malawi court annuls election).
DESPITE = ("The electoral commission declared Mutharika winner despite complaints of irregularities "
           "including results sheets with sections blotted out or altered with correction fluid.")
# Corpus (Malawi court annuls election): the accusation is the clause's own act.
ACCUSED = ("Police also fired tear gas at protesters while the government accused the opposition "
           "of attempting to overthrow Mutharika by force.")


def test_complaints_in_a_despite_phrase_are_no_accusation(nlp, knowledge):
    assert not of_type(code(nlp, knowledge, [DESPITE], pub_date="2020-02-03"), "ACCUSE")


def test_an_accusation_told_by_the_clause_is_kept(nlp, knowledge):
    assert of_type(code(nlp, knowledge, [ACCUSED], pub_date="2020-02-03"), "ACCUSE")
