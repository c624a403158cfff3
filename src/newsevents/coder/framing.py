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
RECAP_DAYS = 31  # an event dated this much before publication is a recap, not news
STATE_DEPS_UP = frozenset({"xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "dobj", "pobj",
                           "prep", "nsubj", "nsubjpass", "attr", "pcomp", "compound"})
PAST_PERFECT_TAG = "VBN"
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "relcl", "acl", "conj", "parataxis"})


@dataclass(frozen=True)
class Framing:
    negated: bool
    status: str
    conditional_clause: bool = False


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
    conditional = any(_in_condition(w, lexicon) for w in chain) or any(
        _has_condition_clause(w, lexicon) for w in chain[:2]
    )
    if conditional:
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


def _governs_xcomp(word: Any, chain: list[Any]) -> bool:
    """ "failed to make progress": the chain reaches `word` through its to-infinitive."""
    below = [w for w in chain if w.head.i == word.i and w.i != word.i]
    return any(w.dep_ == "xcomp" for w in below)


def _is_planned(trigger: Any, chain: list[Any], lexicon: EventLexicon) -> bool:
    for word in chain:
        if word.i != trigger.i and lexicon.is_cue(_lemma(word), "plan") and word.pos_ in (
            "VERB", "AUX", "NOUN"
        ):
            return True
        if _has_cue_child(word, lexicon, "plan"):
            return True
        if word.dep_ in ("ccomp", "advcl", "relcl") and word.i != trigger.i:
            break
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
    """Whether `date` (any precision, taken at its latest) is well before `pub_date`."""
    event, pub = _parse_date(date), _parse_date(pub_date)
    if event is None or pub is None:
        return False
    return (pub - event).days > RECAP_DAYS


def dated_year(trigger: Any) -> str | None:
    """A year written on the event word itself ("a 1965 treaty", "the 2013 order")."""
    for child in trigger.children:
        if child.dep_ in ("nummod", "compound", "amod", "npadvmod") and YEAR.fullmatch(child.text):
            return child.text
    for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "in"):
        for obj in prep.children:
            if YEAR.fullmatch(obj.text):
                return obj.text
    return None


def is_past_perfect(predicate: Any) -> bool:
    """ "had blamed", "had earlier closed": an event before the reported one."""
    if predicate.tag_ != PAST_PERFECT_TAG:
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in predicate.children)


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
