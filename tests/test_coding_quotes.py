"""Direct quotations: a speech act performed in the quote is an event, an account of what
happened told in the speaker's own words is not asserted by the report.

Sentences are real, from the gold corpus (/work/shared/corpus).
"""

from __future__ import annotations

from coding_helpers import code, of_type

# Corpus (dw, China summons German ambassador): the ambassador's account of a summons.
SUMMONED_ACCOUNT = ('"The ambassador was summoned in Beijing by the foreign ministry," China\'s '
                    "ambassador to Germany Wu Ken told reporters.")
# Corpus (Kenya election annulled): a witness tells what police did.
WITNESS = ('"This is justice for us the people of Kisumu. They (police) came to beat and shoot at '
           'us when we protested the election results," said Jackson Oduor in Kisumu.')
# Corpus (Abe Yasukuni visit): the quote itself is the protest.
PERFORMED = ('In China, Foreign Ministry spokesman Qin Gang told reporters, "We strongly protest '
             'and severely condemn the Japanese leader\'s acts."')
# Corpus (Nippon Steel ruling): a quoted word inside the report's own clause is asserted.
QUOTED_WORD = ('Nippon Steel said the verdict was "deeply regrettable" and that it would review '
               "the ruling carefully.")


def test_quoted_account_of_a_summons_is_no_event(nlp, knowledge):
    assert not of_type(code(nlp, knowledge, [SUMMONED_ACCOUNT], pub_date="2019-09-11"), "ACCUSE")


def test_witness_account_in_quotes_is_no_event(nlp, knowledge):
    events = code(nlp, knowledge, [WITNESS], pub_date="2017-09-01")
    assert not of_type(events, "ASSAULT") and not of_type(events, "ACCUSE")


def test_protest_performed_in_a_quote_is_an_accusation(nlp, knowledge):
    events = code(nlp, knowledge, [PERFORMED], pub_date="2013-12-26")
    assert of_type(events, "ACCUSE")


def test_quoted_word_in_the_reports_own_clause_counts(nlp, knowledge):
    events = code(nlp, knowledge, [QUOTED_WORD], pub_date="2018-10-30")
    assert of_type(events, "ACCUSE")
