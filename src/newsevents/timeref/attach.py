"""Which time expression of a sentence dates a given event word.

A time expression dates the event it is attached to in the parse. From the best to the weakest
link:
  0. it modifies the event word itself ("Thursday's meeting", "a 1965 treaty");
  1. its nearest verb above is the event's verb ("agreed Thursday", "attacked ... on Thursday");
  2. its verb governs the event's verb: a reporting or announcing verb ("said on Thursday it will
     scrap", "announced Saturday it will expel") dates what it reports, for want of better.
"A day after [X]" dates X, the event inside it, not the clause it modifies.
Expressions in another clause (a relative clause, "after cancelling last month's poll") date
their own event, not this one. Ranges ("1910-1945") are periods, never a point event's date;
labelled metadata dates ("date 2021-05-21" opening a line) and ends of stretches ("until
Sunday") are no event's date either, nor is a gloss in brackets after another time, which restates
it in another zone or calendar ("at 22.00 local time (03.00 GMT on Thursday)").
"since" and deadline phrases ("by the end of the year") count one link weaker, so an
"on Thursday" on the reporting verb ties with a "since 2013" on the event's own verb (the closer
link then wins); vague ones ("recently") come last. Among equals the nearest to the word wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsevents.records import Parsed, TimeRef
from newsevents.timeref.grammar import Meaning, TimeGrammar, interpret
from newsevents.timeref.tense import governing_verb

NO_LINK = 9
MAX_DEPTH = 12
OWN_TIME_DEPS = frozenset({"relcl", "acl"})
TEMPORAL_LINKS = frozenset({"after", "before", "since", "until", "till", "once", "following"})


def timeref_for(
    parsed: Parsed, timerefs: Sequence[TimeRef], token: Any, grammar: TimeGrammar
) -> TimeRef | None:
    """The time expression that dates the event word `token`, or None."""
    sent_index = parsed.sentence_of_token(token.i).index
    event_verb = governing_verb(token)
    best: tuple[tuple[int, int, int], TimeRef] | None = None
    in_sentence = [ref for ref in timerefs if ref.sent_index == sent_index]
    for ref in in_sentence:
        if _is_gloss(parsed.doc, ref, in_sentence):
            continue
        meaning = interpret(grammar, ref.text)
        if meaning is None or meaning.form == "range" or meaning.relation in ("label", "until"):
            continue
        if meaning.relation == "complement":
            link = _complement_link(parsed.doc, ref, token)
        else:
            link = _link(parsed.doc, ref, token, event_verb)
        if link == NO_LINK:
            continue
        rank = (link + _role_penalty(meaning), link, _distance(ref, token))
        if best is None or rank < best[0]:
            best = (rank, ref)
    return best[1] if best else None


def _is_gloss(doc: Any, ref: TimeRef, in_sentence: Sequence[TimeRef]) -> bool:
    """A time in brackets that follows another time of the sentence restates that one."""
    if not any(other.tok_end <= ref.tok_start for other in in_sentence):
        return False
    sent_start = doc[ref.tok_start].sent.start
    for tok in reversed(doc[sent_start:ref.tok_start]):
        if tok.text == ")":
            return False
        if tok.text == "(":
            return True
    return False


def _role_penalty(meaning: Meaning) -> int:
    """How much weaker than a plain time of the event this kind of expression is."""
    if meaning.form == "vague":
        return 3
    return 0 if meaning.relation in ("at", "after") else 1


def _distance(ref: TimeRef, token: Any) -> int:
    if ref.tok_start <= token.i < ref.tok_end:
        return 0
    return min(abs(ref.tok_start - token.i), abs(ref.tok_end - 1 - token.i))


def _link(doc: Any, ref: TimeRef, token: Any, event_verb: Any | None) -> int:
    root = _span_root(doc, ref)
    current = root
    for _ in range(MAX_DEPTH):
        if current.i == token.i:
            return 0
        if (current.pos_ in ("VERB", "AUX") and current.i != root.i) or current.head.i == current.i:
            return _verb_link(reattached(ref, current), event_verb)
        current = current.head
    return NO_LINK


def _complement_link(doc: Any, ref: TimeRef, token: Any) -> int:
    """"comes a day after [the army warned]": the phrase dates the event below its "after"."""
    after = doc[ref.tok_end - 1]
    inside = after.head if after.dep_ == "mark" else after  # "after [it warned]" / "after [the vote]"
    if token.i >= ref.tok_end and (token.i == inside.i or _governs(inside, token)):
        return 1
    return NO_LINK


def anchor_verb(doc: Any, ref: TimeRef) -> Any | None:
    """The verb a time expression hangs on, corrected for the reporting-verb slip below."""
    root = _span_root(doc, ref)
    current = root.head
    for _ in range(MAX_DEPTH):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return reattached(ref, current)
        current = current.head
    return None


def reattached(ref: TimeRef, verb: Any) -> Any:
    """The verb of saying for a time written between it and the clause it reports.

    In "South Korea said on Thursday it will scrap the pact" the parser often hangs "on Thursday"
    on "scrap"; but a time that comes after the verb of saying and before the subject of the
    reported clause belongs to the saying.
    """
    head = verb.head
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX") or not head.i < ref.tok_start:
        return verb
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if subjects and all(ref.tok_end <= s.left_edge.i for s in subjects):
        return head
    return verb


def _verb_link(verb: Any, event_verb: Any | None) -> int:
    if event_verb is None:
        return NO_LINK
    if verb.i == event_verb.i:
        return 1
    if _governs(verb, event_verb) and _shares_time(event_verb, verb):
        return 2
    return NO_LINK


def _shares_time(event_verb: Any, above: Any) -> bool:
    """Whether the clause of `event_verb` is told at the time of the verb `above` it.

    A reported or coordinated clause is ("said on Thursday it will scrap"; "met on Monday and
    agreed"); a relative clause ("moves that have curtailed") and a clause placed before or after
    ("announced on Friday after they agreed") have their own time.
    """
    current = event_verb
    for _ in range(MAX_DEPTH):
        if current.i == above.i or current.head.i == current.i:
            return True
        if current.dep_ in OWN_TIME_DEPS or _placed_in_time(current):
            return False
        current = current.head
    return True


def _placed_in_time(clause: Any) -> bool:
    if clause.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in TEMPORAL_LINKS for c in clause.children)
    return clause.dep_ == "pcomp" and clause.head.lower_ in TEMPORAL_LINKS


def governs(verb: Any, other: Any) -> bool:
    """Whether `verb` is above `other` in the parse (within MAX_DEPTH steps)."""
    return _governs(verb, other)


def _governs(verb: Any, other: Any) -> bool:
    """`verb` is above `other` in the parse."""
    current = other
    for _ in range(MAX_DEPTH):
        if current.head.i == current.i:
            return False
        current = current.head
        if current.i == verb.i:
            return True
    return False


def _span_root(doc: Any, ref: TimeRef) -> Any:
    span = doc[ref.tok_start:ref.tok_end]
    return span.root
