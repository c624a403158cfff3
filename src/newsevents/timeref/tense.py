"""The tense of an event word, for choosing the direction of "Thursday" and "in September".

future: a modal ("will visit", "would summon"), or an infinitive under a verb of plan or
        expectation ("plans to visit", "is expected to urge", "is to meet", "is going to") or on a
        noun ("a summit to be hosted by Seoul"), or a noun that such a verb governs or a planning
        word modifies ("plans a visit", "the upcoming talks", "summits scheduled in November");
        the cue words are data (time_future_cues.tsv).
past:   a past-tense verb or auxiliary ("visited", "was arrested", "did not"), or a perfect
        ("has been arrested": for dating, a completed event).
present: the rest ("is on a three-day visit", "are holding talks").
"""

from __future__ import annotations

from typing import Any

from newsevents.records import Tense
from newsevents.timeref.lexicon import TimeLexicon

VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
MAX_HOPS = 4


def tense_of(token: Any, lexicon: TimeLexicon) -> Tense:
    """The tense of the event expressed by `token` (a verb, or a noun judged by its verb)."""
    if token.pos_ in NOUN_POS or token.tag_.startswith("NN"):
        return _noun_tense(token, lexicon)
    return _verb_tense(token, lexicon, hops=0)


def governing_verb(token: Any) -> Any | None:
    """The nearest verb above `token` in the parse (itself when it is a verb)."""
    current = token
    for _ in range(12):
        if current.pos_ in VERB_POS:
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _noun_tense(token: Any, lexicon: TimeLexicon) -> Tense:
    modifiers = lexicon.future_cues.get("modifier", frozenset())
    if any(c.dep_ in ("amod", "compound") and c.lower_ in modifiers for c in token.children):
        return "future"
    verb = governing_verb(token)
    if verb is None:
        return "past"
    if token.head.i == verb.i and token.dep_ in ("dobj", "nsubjpass") and _is_governor(verb, lexicon):
        return "future"
    return _verb_tense(verb, lexicon, hops=0)


def _is_governor(verb: Any, lexicon: TimeLexicon) -> bool:
    """A verb of plan or expectation whose complement is a later event."""
    governors = lexicon.future_cues.get("governor", frozenset())
    found = next((s for s in _stems(verb) if s in governors), None)
    if found is None:
        return False
    if found == "go":
        return verb.tag_ == "VBG"  # "is going to", not "went to"
    return True


def _stems(token: Any) -> tuple[str, ...]:
    """The lemma, and stems of the form itself: the small model's lemmatizer slips on some
    inflections ("hoping" -> "hop"), so "hoping" must also be tried as "hope"."""
    form = token.lower_
    stems = [token.lemma_.lower(), form]
    for suffix in ("ing", "ed", "es", "s"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            stems += [stem, stem + "e"]
    return tuple(stems)


def _verb_tense(verb: Any, lexicon: TimeLexicon, hops: int) -> Tense:
    modals = lexicon.future_cues.get("modal", frozenset())
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in modals for a in auxes):
        return "future"
    if verb.dep_ == "xcomp" and verb.head.i != verb.i and _is_governor(verb.head, lexicon):
        return "future"
    if verb.tag_ == "MD" and verb.lower_ in modals:
        return "future"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "amod") and _is_governor(verb, lexicon):
        return "future"  # "summits scheduled in November", "talks planned for Friday"
    if verb.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in auxes):
        return "future"  # "a summit to be hosted by Seoul": an infinitive on a noun lies ahead
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if any(a.lemma_ == "have" for a in auxes) or (verb.tag_ == "VBN" and not auxes):
        return "past"
    if verb.tag_ in ("VB", "VBG") and not _finite(auxes) and hops < MAX_HOPS and verb.head.i != verb.i:
        head = governing_verb(verb.head)
        if head is not None:
            return _verb_tense(head, lexicon, hops + 1)
    return "present"


def _finite(auxes: list[Any]) -> bool:
    return any(a.tag_ in ("VBZ", "VBP", "VBD", "MD") for a in auxes)
