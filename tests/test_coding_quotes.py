"""Direct quotations: a speech act performed in the quote is an event, an account of what
happened told in the speaker's own words is not asserted by the report.

Sentences are real, from the gold corpus (/work/shared/corpus).
"""

from __future__ import annotations

from coding_helpers import code, of_type

# Corpus (dw, China summons German ambassador): the ambassador's account of a summons.
SUMMONED_ACCOUNT = ('"The ambassador was summoned in Beijing by the foreign ministry," China\'s '
                    "ambassador to Germany Wu Ken told reporters.")
# Corpus (Cambodia CNRP dissolved): the judge retells the ruling the report tells itself.
RETOLD = ('"The Supreme Court decided to recognise the Interior Ministry\'s lawsuit and decided to '
          "dissolve the CNRP and ban their 118 senior [officials] from joining politics for five "
          'years starting from the day of the verdict," said presiding Judge Dith Munty at 5pm.')
# Corpus (Abe Yasukuni visit): the quote itself is the protest.
PERFORMED = ('In China, Foreign Ministry spokesman Qin Gang told reporters, "We strongly protest '
             'and severely condemn the Japanese leader\'s acts."')
# Corpus (Nippon Steel ruling): a quoted word inside the report's own clause is asserted.
QUOTED_WORD = ('Nippon Steel said the verdict was "deeply regrettable" and that it would review '
               "the ruling carefully.")


def test_quoted_account_of_a_summons_is_no_event(nlp, knowledge):
    assert not of_type(code(nlp, knowledge, [SUMMONED_ACCOUNT], pub_date="2019-09-11"), "ACCUSE")


def test_ruling_retold_in_a_quote_is_no_new_event(nlp, knowledge):
    events = code(nlp, knowledge, [RETOLD], pub_date="2017-11-16")
    assert not of_type(events, "COERCE") and not of_type(events, "SUPPORT")


def test_protest_performed_in_a_quote_is_an_accusation(nlp, knowledge):
    events = code(nlp, knowledge, [PERFORMED], pub_date="2013-12-26")
    assert of_type(events, "ACCUSE")


def test_quoted_word_in_the_reports_own_clause_counts(nlp, knowledge):
    events = code(nlp, knowledge, [QUOTED_WORD], pub_date="2018-10-30")
    assert of_type(events, "ACCUSE")


# Corpus (Venezuela severs ties with Colombia): a complaint about attacks, in the speaker's words.
GRIEVANCE = ("“Patience is exhausted, I can’t bear it anymore, we can’t keep putting up with "
             "Colombian territory being used for attacks against Venezuela.")
# Corpus (Bangladesh curfew): the government's spokesman announces what it has decided.
ANNOUNCED = ("“The government has decided to impose a curfew and deploy the military in aid of "
             "the civilian authorities,” Prime Minister Sheikh Hasina’s press secretary Nayeemul "
             "Islam Khan, told the news agency AFP.")


def test_attacks_complained_of_in_a_quote_are_no_event(nlp, knowledge):
    assert not of_type(code(nlp, knowledge, [GRIEVANCE], pub_date="2019-02-23"), "ASSAULT")


def test_decision_announced_in_a_quote_is_an_event(nlp, knowledge):
    assert of_type(code(nlp, knowledge, [ANNOUNCED], pub_date="2024-07-19"), "COERCE")
