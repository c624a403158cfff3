"""Finding event words (triggers) in a parsed sentence and choosing their lexicon sense."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newsevents.knowledge.lexicon import EventLexicon, LexEntry

YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
NEAR_DEPTH = 2  # companions are looked for this many arcs down and up from the trigger
# Arguments of a verb whose events are its content, not separate happenings: "urged Seoul not to
# scrap the pact" asserts a request, not a scrapping; "agreed on the need" asserts an agreement.
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "attr", "oprd", "acomp", "nsubjpass"})
CONTENT_PREPS = frozenset({"on", "to", "for", "about", "of", "against", "at", "over"})
MODIFIER_PREPS = frozenset({"in", "during", "over", "at"})
# Acts done to a party (not statements or talks, whose "over ..." names their topic).
MATERIAL_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "RETREAT", "AID"})


@dataclass(frozen=True)
class Trigger:
    """An event word in the doc and the lexicon sense it carries."""

    token_i: int
    entry: LexEntry

    @property
    def type(self) -> str:
        return self.entry.type


# Particles of phrasal verbs ("call off", "pull back"): a part of a hyphenated word ("a one-off",
# "a pull-back") is no particle of the verb.
PARTICLES = frozenset({"off", "out", "up", "down", "back", "over", "in", "on", "away"})
# Spans of time that stand for an activity: "11 days of fighting".
SPAN_NOUNS = frozenset({"hour", "day", "week", "month", "year", "decade"})


def _lemma(token: Any) -> str:
    return token.lemma_.lower()


def _below(token: Any) -> Iterator[Any]:
    """Dependents up to NEAR_DEPTH arcs below `token`, not inside its active subject ("the
    talks ended" does not end talks)."""
    frontier = [token]
    for _ in range(NEAR_DEPTH):
        frontier = [child for t in frontier for child in t.children
                    if not (t.i == token.i and child.dep_ in ("nsubj", "csubj"))
                    and child.lower_ != "without"]
        yield from frontier


def _above(token: Any) -> Iterator[Any]:
    """Heads up to NEAR_DEPTH arcs above `token`."""
    head = token
    for _ in range(NEAR_DEPTH):
        if head.head.i == head.i:
            break
        head = head.head
        yield head


def _has_year(token: Any) -> bool:
    return any(YEAR.match(t.text) for t in _below(token) if t.i < token.i)


def _has_xcomp(token: Any) -> bool:
    return any(c.dep_ == "xcomp" for c in token.children)


def _companion_found(word: str, token: Any, near_lemmas: set[str]) -> bool:
    if word in PARTICLES:  # "called off a strike": the verb's own particle, not "a one-off"
        return any(c.lower_ == word and c.dep_ in ("prt", "advmod", "prep") for c in token.children)
    if word.startswith("^"):  # must govern the trigger: "strike ^on" is "(go) on strike"
        return any(word[1:] in (_lemma(t), t.lower_) for t in _above(token))
    if word == "@year":
        return _has_year(token)
    if word == "@xcomp":
        return _has_xcomp(token)
    if ">" in word:  # "from>agreement": "agreement" governed by "from"
        outer, inner = word.split(">", 1)
        return any(_lemma(t) == outer and any(_lemma(c) == inner for c in t.children)
                   for t in _below(token))
    return word in near_lemmas


def _near_lemmas(token: Any, lexicon: EventLexicon) -> set[str]:
    lemmas: set[str] = set()
    for t in _below(token):
        if t.dep_ in ("compound", "amod") and t.head.i != token.i and lexicon.senses(
            _lemma(t.head)
        ):
            continue  # "launched missile strikes": the missile belongs to the strikes
        lemmas.add(_lemma(t))
        lemmas.add(t.text.lower())
        lemmas.update(part for part in _lemma(t).split("-") if part and part not in PARTICLES)
        lemmas.update(_lemma(m) for m in _measured(t, lexicon))
    return lemmas


def _measured(token: Any, lexicon: EventLexicon) -> list[Any]:
    """ "halt 11 days of fighting", "ended weeks of talks": a span of time stands for the
    activity it measures, which is what the verb acts on; "launched a series of missiles": an
    amount stands for what it counts."""
    if _lemma(token) not in SPAN_NOUNS and not lexicon.is_cue(_lemma(token), "amount"):
        return []
    return [obj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children if obj.dep_ == "pobj"]


def coarse_pos(token: Any) -> str:
    """The token's POS, reading a capitalised common noun at the start of a sentence or a
    headline-cased word ("Talks", "Strikes") as the noun it is; other proper nouns ("March",
    "Rally Party") are names, not events."""
    if token.pos_ == "PROPN" and (token.is_sent_start or token.text[:1].islower()):
        return "NOUN"
    if token.pos_ == "VERB" and _noun_slot(token):
        return "NOUN"
    return token.pos_


def _noun_slot(token: Any) -> bool:
    """ "conducted precision strike drills": a word tagged as a verb that fills an object slot
    and carries noun modifiers (compounds, determiners) is the noun it reads as."""
    return token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and any(
        c.dep_ in ("compound", "det") for c in token.children)


def sense_of(token: Any, lexicon: EventLexicon) -> LexEntry | None:
    """The most specific lexicon sense `token` carries here, or None (also for excluded senses)."""
    pos = coarse_pos(token)
    senses = [s for s in lexicon.senses(_lemma(token)) if s.pos_fits(pos)]
    if not senses and "-" in token.text:
        senses = [s for s in lexicon.senses(token.text.lower()) if s.pos_fits(pos)]
    if not senses:
        return None
    near = _near_lemmas(token, lexicon) if any(s.companions for s in senses) else set()
    for sense in senses:
        if all(_companion_found(w, token, near) for w in sense.companions):
            return sense if sense.is_event else None
    return None


def _is_modifier(token: Any, lexicon: EventLexicon) -> bool:
    """ "the ruling party", "summit talks", "strike drills": a word modifying another noun names
    no event of its own (the noun it modifies may) - unless that noun is a light one ("mediation
    mission", "relief operation")."""
    if token.dep_ in ("amod", "compound") and token.pos_ in ("VERB", "ADJ"):
        return True
    return (token.dep_ == "compound" and coarse_pos(token.head) in ("NOUN", "PROPN")
            and not lexicon.is_cue(_lemma(token.head), "light"))


# Where a definite event noun refers back rather than tells ("the ruling goes against ...",
# "took notice of the arrest", "the meeting's co-chairman"); as an object ("extend the curfew")
# it still tells an act.
REFERRING_DEPS = frozenset({"nsubj", "nsubjpass", "pobj", "attr", "appos", "ROOT", "poss"})
SETTING_PREPS = frozenset({"over", "during", "at", "in", "on", "by"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})
POINTING_PRONOUNS = frozenset({"it", "this", "that"})
OWN_ARGUMENT_DEPS = frozenset({"poss", "nmod"})
OWN_ARGUMENT_PREPS = frozenset({"by", "between", "with", "against", "of", "on", "to", "from"})


def is_anaphoric(token: Any) -> bool:
    """ "the ruling goes against ...", "the detention was assailed": a definite event noun with
    no participants of its own refers back to a happening already told, it does not assert one."""
    if token.pos_ != "NOUN" or token.dep_ not in REFERRING_DEPS:
        return False
    head = token.head
    if token.dep_ == "attr" and _lemma(head) == "be" and any(
        c.dep_ == "nsubj" and c.lower_ in POINTING_PRONOUNS for c in head.children
    ):
        return True  # "It would be the first formal talks between ...": said of talks told

    if token.dep_ == "pobj" and head.lower_ in SETTING_PREPS and head.head.pos_ in ("VERB", "AUX"):
        return False  # "agreed over the phone", "said during the meeting": the setting
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
        return False
    for child in token.children:
        if child.dep_ in OWN_ARGUMENT_DEPS:
            return False
        if child.dep_ in ("compound", "amod") and child.pos_ in ("PROPN",):
            return False
        if child.dep_ == "prep" and child.lower_ in OWN_ARGUMENT_PREPS:
            return False
    return True


def find_triggers(span: Any, lexicon: EventLexicon) -> tuple[Trigger, ...]:
    """Every token of `span` (a spaCy Span) that states an event, in token order."""
    found = []
    for token in span:
        if token.is_punct or _is_modifier(token, lexicon) or is_anaphoric(token):
            continue
        entry = sense_of(token, lexicon)
        if entry is not None:
            found.append(Trigger(token.i, entry))
    return tuple(found)


def _governs_as_content(governor: Any, token: Any) -> bool:
    """Whether `token` sits in the content (complement) of `governor`, not in a modifier."""
    child = token
    while child.head.i != governor.i:
        if child.head.i == child.i or child.dep_ == "relcl" or _described_by_participle(child):
            # "asked Boluarte, who rejected Castillo's actions, to ...", "rescued the crew of a
            # vessel attacked by pirates": a relative clause, even reduced to a participle,
            # describes an argument, it is not what is asked or done
            return False
        child = child.head
    if child.dep_ in CONTENT_DEPS:
        return True
    if child.dep_ in ("acl", "relcl") and governor.pos_ == "NOUN":
        return True  # "a summit to be hosted by Seoul", "an accord under which it provided aid"
    if child.dep_ == "prep" and _lemma(child) in CONTENT_PREPS:
        return not (_lemma(child) in MODIFIER_PREPS and governor.pos_ == "VERB"
                    and token.pos_ == "NOUN" and token.head.i == child.i)
    # purpose: "recalled its envoy to protest the move"
    return child.dep_ == "advcl" and any(c.dep_ == "aux" and _lemma(c) == "to"
                                         for c in child.children)


def _described_by_participle(clause: Any) -> bool:
    """ "a vessel attacked by pirates", "the crew of a ship seized off Yemen": a past participle
    after a noun with its own agent, or deep in a phrase, tells what befell that noun ("ordered
    23 diplomats expelled" orders the expulsion)."""
    if clause.dep_ != "acl" or clause.tag_ != "VBN":
        return False
    return clause.head.dep_ == "pobj" or any(c.dep_ == "agent" for c in clause.children)


def _states_noun_content(noun: Any, token: Any) -> bool:
    """ "reiterated its demand that Israel ease restrictions": the parse hangs the that-clause on
    the verb, but it says what the object noun (a demand, a warning) asks for."""
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or noun.head.i == noun.i:
        return False
    verb = noun.head
    clause = next((a for a in (token, *token.ancestors) if a.head.i == verb.i), None)
    return clause is not None and clause.i != noun.i and clause.dep_ == "ccomp" and clause.i > (
        noun.i) and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _drill_kind(outer: Trigger, inner: Trigger, outer_tok: Any, inner_tok: Any) -> bool:
    """ "conducted missile firing drills", "live-fire exercises": an attack word naming the kind
    of a drill (read by the parser as a gerund with the drills as its object) is no attack."""
    return (outer.type == "ASSAULT" and inner.type == "MOBILIZE" and outer_tok.tag_ == "VBG"
            and inner_tok.head.i == outer_tok.i and inner_tok.dep_ == "dobj")


def _denies_act(outer: Any, inner: Any, lexicon: EventLexicon) -> bool:
    """ "Russia denied attacking the hospital", "denied that troops had fired": a denial of an
    act is that act, told with status denied; "denied the visa request" rejects a request."""
    return lexicon.is_cue(_lemma(outer), "deny") and inner.pos_ == "VERB"


def _reason_for_act(outer: Trigger, outer_tok: Any, inner_tok: Any,
                    lexicon: EventLexicon) -> bool:
    """ "expelled three diplomats over Moscow's poisoning of a spy": the reason an act (not a
    statement or talks, whose topic it would be) is done is a happening of its own."""
    if outer.type not in MATERIAL_TYPES or outer_tok.pos_ != "VERB" or inner_tok.pos_ != "NOUN":
        return False
    prep = inner_tok.head
    return (inner_tok.dep_ == "pobj" and lexicon.is_cue(prep.lower_, "reason")
            and not lexicon.is_cue(prep.lower_, "recap"))


def _is_ancestor(candidate: Any, token: Any) -> bool:
    return any(a.i == candidate.i for a in token.ancestors)


def drop_content_triggers(
    triggers: tuple[Trigger, ...], doc: Any, lexicon: EventLexicon
) -> tuple[Trigger, ...]:
    """Remove triggers that are the content of another trigger ("urged X not to scrap the pact").

    A trigger whose lexicon role is `defer` ("ordered the dissolution") instead gives way to the
    trigger it governs.
    """
    by_token = {t.token_i: t for t in triggers}
    dropped: set[int] = set()
    for outer in triggers:
        outer_tok = doc[outer.token_i]
        for inner in triggers:
            if inner is outer or inner.token_i in dropped:
                continue
            inner_tok = doc[inner.token_i]
            if _states_noun_content(outer_tok, inner_tok):
                dropped.add(inner.token_i)
                continue
            if not _is_ancestor(outer_tok, inner_tok):
                continue
            if _drill_kind(outer, inner, outer_tok, inner_tok):
                dropped.add(outer.token_i)
                continue
            if not _governs_as_content(outer_tok, inner_tok) or _reason_for_act(
                    outer, outer_tok, inner_tok, lexicon):
                continue
            light_verb = lexicon.is_cue(_lemma(outer_tok), "light") and inner_tok.dep_ == "dobj"
            if lexicon.is_cue(_lemma(outer_tok), "defer") or light_verb or _denies_act(
                    outer_tok, inner_tok, lexicon):
                dropped.add(outer.token_i)
            else:
                dropped.add(inner.token_i)
    return tuple(t for i, t in by_token.items() if i not in dropped)
