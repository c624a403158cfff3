"""How a sentence frames an event: negated, planned, failed, conditional, denied; news or recap.

Status cues come from the clause that carries the event and the clauses above it ("plans a
visit", "is expected to urge", "will", "failed to", "If ..., will not attend"). Background is a
recap of an earlier happening: a date well before publication, a past perfect ("had blamed"), a
dated agreement ("a 1965 treaty"), or an earlier event in an "after"/"since" phrase of a clause
that describes the present ("relations remain frayed after the court ordered ...").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from newsevents.knowledge.lexicon import EventLexicon

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
MAX_CLIMB = 8
# "35-year", "decade-long", "years-long": an act measured in years is a stretch of history.
LONG_SPAN = re.compile(r"^(\d+-(year|decade)s?(-long)?|(year|decade)s?-long)$", re.IGNORECASE)
RECAP_DAYS = 7  # an event dated more than a week before publication is a recap, not news
DURATION_UNITS = frozenset({"day", "week", "month", "year", "decade", "hour"})
STATE_DEPS_UP = frozenset({"xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "dobj", "pobj",
                           "prep", "nsubj", "nsubjpass", "attr", "pcomp", "compound"})
PAST_PERFECT_TAG = "VBN"
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "relcl", "acl", "conj", "parataxis"})


@dataclass(frozen=True)
class Framing:
    negated: bool
    status: str
    conditional_clause: bool = False
    hypothetical: bool = False  # stated inside an "if" clause: not asserted at all


def _lemma(token: Any) -> str:
    return token.lemma_.lower()


def _chain(token: Any) -> list[Any]:
    """`token` and its heads up to the sentence root."""
    out = [token]
    current = token
    for _ in range(MAX_CLIMB):
        if current.head.i == current.i:
            break
        current = current.head
        out.append(current)
    return out


def _clause_chain(token: Any, lexicon: EventLexicon) -> list[Any]:
    """The heads of `token` up to (not past) a verb of saying: the event's own clauses."""
    out = []
    for word in _chain(token):
        if out and lexicon.is_cue(_lemma(word), "report") and word.pos_ == "VERB":
            break
        out.append(word)
    return out


def is_negated(trigger: Any, predicate: Any, lexicon: EventLexicon) -> bool:
    """ "did not meet", "no talks", "will not attend the summit".

    The search stays inside the event's own clause: "can't help deploring" negates "help", and
    "urged X not to scrap" is a request, not a negated one.
    """
    for word in _chain(trigger):
        # a verb of preventing: what it fails to stop happened ("did not stop the protests",
        # "failed to prevent clashes"); what it stops did not (told by its own sense)
        if word.i != trigger.i and lexicon.is_cue(_lemma(word), "prevent"):
            return False  # "that did not stop another round of clashes": the clashes happened
        for child in word.children:
            if child.dep_ == "neg" and lexicon.is_cue(child.lower_, "negation"):
                return True
            if child.dep_ == "det" and word.i == trigger.i and lexicon.is_cue(
                child.lower_, "negation"
            ):
                return True
        if word.dep_ in CLAUSE_DEPS or (
            word.pos_ == "VERB" and word.i != trigger.i and word.i != predicate.i
        ):
            break
    return False


def is_habitual(trigger: Any, predicate: Any, lexicon: EventLexicon) -> bool:
    """ "China lodges frequent protests ... it rarely recalls its envoys": what an actor usually
    (or seldom) does is a habit, not a happening; the news is told without such adverbs."""
    item = trigger
    while item.dep_ == "conj" and item.head.i != item.i:
        item = item.head  # "a history of disputed votes, election violence and ..."
    owner = item.head.head if item.dep_ == "pobj" and item.head.lower_ == "of" else None
    if owner is not None and owner.pos_ == "NOUN" and lexicon.is_cue(_lemma(owner), "habit"):
        return True  # "a long history of election violence", "a pattern of arrests"
    for word in [trigger, *_chain(predicate)[:2]]:
        for child in word.children:
            if child.dep_ in ("advmod", "amod") and lexicon.is_cue(child.lower_, "habit"):
                return True
        if word.dep_ in CLAUSE_DEPS:
            break
    return False


def _has_cue_child(word: Any, lexicon: EventLexicon, role: str) -> bool:
    return any(lexicon.is_cue(c.lower_, role) or lexicon.is_cue(_lemma(c), role)
               for c in word.children if c.dep_ in ("aux", "auxpass", "mark", "neg", "advmod"))


def _in_condition(word: Any, lexicon: EventLexicon) -> bool:
    return word.dep_ == "advcl" and _has_cue_child(word, lexicon, "condition")


def _has_condition_clause(word: Any, lexicon: EventLexicon) -> bool:
    return any(_in_condition(c, lexicon) for c in word.children)


def status_of(trigger: Any, predicate: Any, lexicon: EventLexicon) -> Framing:
    """Status of the event and whether it is negated."""
    negated = is_negated(trigger, predicate, lexicon)
    chain = _clause_chain(predicate, lexicon)
    if any(_has_cue_child(w, lexicon, "question") for w in chain):
        # "asked whether terrorism was discussed": an open question asserts nothing
        return Framing(negated, "conditional", hypothetical=True)
    if any(_in_condition(w, lexicon) for w in chain):
        return Framing(negated, "conditional", conditional_clause=True, hypothetical=True)
    if any(_has_condition_clause(w, lexicon) for w in chain[:2]):
        return Framing(negated, "conditional", conditional_clause=True)
    for word in chain:
        if lexicon.is_cue(_lemma(word), "deny") and word.i != trigger.i:
            return Framing(False, "denied")
        if lexicon.is_cue(_lemma(word), "fail") and _governs_xcomp(word, chain):
            return Framing(negated, "failed")
    if any(_has_cue_child(w, lexicon, "maybe") for w in chain[:2]):
        return Framing(negated, "conditional")
    if _is_planned(trigger, chain, lexicon):
        return Framing(negated, "planned")
    return Framing(negated, "occurred")


def _own_subject(word: Any) -> bool:
    return word.dep_ in ("advcl", "relcl") and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in word.children)


def _governs_xcomp(word: Any, chain: list[Any]) -> bool:
    """ "failed to make progress": the chain reaches `word` through its to-infinitive."""
    below = [w for w in chain if w.head.i == word.i and w.i != word.i]
    return any(w.dep_ == "xcomp" for w in below)


def _is_planned(trigger: Any, chain: list[Any], lexicon: EventLexicon) -> bool:
    for word in chain:
        if word.i != trigger.i and lexicon.is_cue(_lemma(word), "plan") and word.pos_ in (
            "VERB", "AUX", "NOUN", "ADJ"
        ):
            return True
        if _has_cue_child(word, lexicon, "plan"):
            return True
        if word.dep_ in ("ccomp", "advcl", "relcl") and (word.i != trigger.i or _own_subject(word)):
            break  # "expected to serve ..., as the two sides agreed": the clause has its own tense
    return trigger.dep_ == "amod" and _lemma(trigger.head) in ("plan", "planned")


# --------------------------------------------------------------------------- background


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 12
        day = int(parts[2]) if len(parts) > 2 else 28
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


def date_is_earlier(date: str | None, pub_date: str | None) -> bool:
    """Whether `date` (any precision, taken at its latest) is well before `pub_date`. Without a
    publication date, an event dated only by its year ("in 2014") is told as history."""
    event, pub = _parse_date(date), _parse_date(pub_date)
    if event is None:
        return False
    if pub is None:
        return bool(date) and len(date) == 4
    return (pub - event).days > RECAP_DAYS


def is_span_of_activity(trigger: Any) -> bool:
    """ "after 20 years of negotiations", "months of protests", "Japan's 35-year occupation": a
    stretch of earlier activity."""
    for child in trigger.children:
        words = trigger.doc[child.left_edge.i : child.i + 1].text.replace(" ", "")
        if child.dep_ in ("amod", "compound", "nmod") and LONG_SPAN.match(words):
            return True
    head = trigger.head
    # "launched 10 days of war games" tells what starts now: the span is the act's object
    return (trigger.dep_ == "pobj" and _lemma(head) == "of" and head.head.i != head.i
            and _lemma(head.head) in DURATION_UNITS and head.head.dep_ != "dobj")


def dated_year(trigger: Any) -> str | None:
    """A year written on the event word itself ("a 1965 treaty", "the 2013 order", "occupation
    of the peninsula until 1945")."""
    for child in trigger.children:
        if child.dep_ in ("nummod", "compound", "amod", "npadvmod") and YEAR.fullmatch(child.text):
            return child.text
    if trigger.pos_ != "NOUN":
        return None
    for token in trigger.subtree:
        if token.dep_ == "pobj" and YEAR.fullmatch(token.text) and _lemma(token.head) in (
            "in", "until", "till", "since", "from", "of"
        ):
            return token.text
    return None


def is_past_perfect(predicate: Any, lexicon: EventLexicon) -> bool:
    """ "had blamed", "had earlier closed": an event before the reported one. Under a verb of
    saying or denying the past perfect is only reported speech ("police said they had arrested
    Wine", "denied that troops had fired")."""
    if predicate.tag_ != PAST_PERFECT_TAG:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in predicate.children):
        return False
    head = _lemma(predicate.head)
    if predicate.dep_ == "acl" and predicate.head.pos_ == "NOUN" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in predicate.children):
        return False  # "announced in a statement that it had recalled its ambassador"
    return not (predicate.dep_ == "ccomp" and (
        lexicon.is_cue(head, "report") or lexicon.is_cue(head, "deny")))


def _describes_present(verb: Any) -> bool:
    """A present-tense clause ("relations remain frayed", "the decision comes after")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in aux) and not any(
        a.tag_ == "VBG" for a in aux
    )


def in_recap_phrase(trigger: Any, predicate: Any, lexicon: EventLexicon) -> bool:
    """The event sits in an "after"/"since" phrase of a clause about the present."""
    current = predicate if predicate.i != trigger.i else trigger
    for _ in range(MAX_CLIMB):
        head = current.head
        if head.i == current.i:
            return False
        marker = current if current.dep_ == "prep" else None
        if marker is None:
            marker = next((c for c in current.children if c.dep_ in ("mark", "prep")
                           and lexicon.is_cue(c.lower_, "recap") and c.i < trigger.i), None)
            if marker is not None and current.dep_ in ("advcl", "pcomp", "pobj", "prep"):
                return _describes_present(_verb_above(head))
        elif lexicon.is_cue(marker.lower_, "recap"):
            return _describes_present(_verb_above(head))
        current = head
    return False


def _verb_above(token: Any) -> Any:
    current = token
    for _ in range(MAX_CLIMB):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current




def in_state_sentence(trigger: Any, predicate: Any, lexicon: EventLexicon) -> bool:
    """ "Relations have slumped following a decision ... ordering ...", "The decision comes
    after North Korea launched ...": a sentence about the present state whose verb is no event
    tells earlier events in its modifiers, as background."""
    root = trigger.sent.root
    if lexicon.is_cue(_lemma(root), "report"):
        clause = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")), None)
        if clause is None:
            return False
        root = clause
    if lexicon.senses(_lemma(root)) or lexicon.is_cue(_lemma(root), "light"):
        return False
    if not _describes_present(root) or predicate.i == root.i:
        return False
    word = predicate
    while word.head.i != root.i:
        if word.head.i == word.i:
            return False
        word = word.head
    return _is_recap_modifier(word, lexicon)


def _is_recap_modifier(word: Any, lexicon: EventLexicon) -> bool:
    """ "after/since/following ...", "a day after ...", or a participle clause ("..., ordering
    X to pay") hanging on the state verb."""
    if word.dep_ == "prep":
        return lexicon.is_cue(word.lower_, "recap")
    if word.dep_ == "npadvmod":
        return any(lexicon.is_cue(c.lower_, "recap") for c in word.children)
    if word.dep_ == "advcl":
        marks = [c for c in word.children if c.dep_ == "mark"]
        if marks:
            return any(lexicon.is_cue(m.lower_, "recap") for m in marks)
        return word.tag_ in ("VBG", "VBN")
    return False


def is_stretch_since(predicate: Any) -> bool:
    """ "Since the results were announced last May, there have been regular protests": a present
    perfect measured from a past point tells a stretch of activity up to now, not today's news."""
    verb = predicate
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)
    since = any(
        (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children))
        or (c.dep_ == "prep" and c.lower_ == "since")
        for c in verb.children)
    return perfect and since


def is_object_of_perfect(trigger: Any, lexicon: EventLexicon) -> bool:
    """ "The US has ignored warnings from Chinese officials": an event named as the object of a
    present-perfect verb that is no event itself came before that verb's act."""
    verb = trigger.head
    if trigger.pos_ != "NOUN" or trigger.dep_ != "dobj" or verb.pos_ != "VERB":
        return False
    if lexicon.senses(_lemma(verb)) or any(lexicon.is_cue(_lemma(verb), role)
                                           for role in ("light", "report", "defer", "plan")):
        return False
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP")
                                      for c in verb.children)


def in_cause_phrase(trigger: Any, lexicon: EventLexicon) -> bool:
    """ "expel 23 diplomats in a tit-for-tat response to London's measures over the poisoning",
    "citing ... Japan's export restrictions", "the ruling follows a legal challenge": what a
    reported act answers, cites or follows happened before it."""
    chain = _chain(trigger)
    for below, word in zip(chain, chain[1:], strict=False):
        if not lexicon.is_cue(_lemma(word), "cause") or word.dep_ == "prep":
            continue  # "following the arrest" is a time phrase, told by the recap rules
        if below.dep_ not in ("nsubj", "nsubjpass"):  # "the ruling follows ...": not the ruling
            return True
    return False


def in_reason_phrase(trigger: Any, lexicon: EventLexicon) -> bool:
    """ "imposed sanctions over the crackdown on protesters", "expelled two diplomats in response
    to the arrest of a journalist", "after the killing of ...": a noun event named as the reason
    or the occasion of another act happened before it, and the act's doer is not its doer."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    if in_cause_phrase(trigger, lexicon):
        return True
    item = trigger
    while item.dep_ == "conj" and item.head.i != item.i:
        item = item.head  # "over the arrests and killings of protesters"
    prep = item.head
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children):
        return False  # "retook the village after fierce fighting with guerrillas": its party
    return (item.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.i != prep.i
            and lexicon.is_cue(prep.lower_, "reason"))


def in_time_phrase(trigger: Any, lexicon: EventLexicon) -> bool:
    """ "Following Khan's arrest, ...": a noun event in an "after" phrase may be today's news; the
    recap rules tell whether it is."""
    item = trigger
    while item.dep_ == "conj" and item.head.i != item.i:
        item = item.head
    return item.dep_ == "pobj" and lexicon.is_cue(item.head.lower_, "recap")


def dated_by_clause(trigger: Any, pub_date: str | None) -> bool:
    """ "French forces have been active since 2013 in Mali, where they intervened ...": a year
    before publication set on a clause above the event dates it as history."""
    pub_year = _parse_date(pub_date).year if _parse_date(pub_date) else None
    for word in trigger.ancestors:
        for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in ("in", "since")):
            for obj in prep.children:
                if obj.dep_ == "pobj" and YEAR.fullmatch(obj.text):
                    year = int(obj.text)
                    if pub_year is None or year < pub_year:
                        return True
    return False


OPEN_QUOTES = frozenset({"\u201c", "\u2018\u2018", "``"})
CLOSE_QUOTES = frozenset({"\u201d", "''"})


def in_quotation(token: Any) -> bool:
    """Whether `token` stands inside a direct quotation (“...” or "...") opened in its sentence.
    A quotation running on over several sentences is not followed: witnesses' accounts there
    are often the only telling of what happened."""
    depth = 0
    straight = 0
    for word in token.sent[: token.i - token.sent.start]:
        if word.text in OPEN_QUOTES:
            depth += 1
        elif word.text in CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif word.text == '"':
            straight += 1
    return depth > 0 or straight % 2 == 1

