"""Who acts and who is acted on: source and target of a trigger from the dependency parse.

The parse gives argument *phrases* (subject, object, "by"-agent, "with"/"against"/"to" objects,
possessors of event nouns); the actor mentions found by the actors stage say who those phrases
are. Reported speech is handled here too: in "X did Y, the ministry said" the ministry is who
says so (attributed_to), not the actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsevents.coder import framing, partners
from newsevents.knowledge.lexicon import EventLexicon
from newsevents.records import ActorMention, ActorRef, Parsed

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "dative", "nsubjpass"})
TARGET_PREPS = ("against", "with", "on", "to", "into", "at", "toward", "towards", "from", "upon",
                "in", "over", "between")
NOUN_TARGET_PREPS = ("against", "with", "on", "to", "into", "at", "toward", "towards", "upon",
                     "in", "of")
# Events done together: with a coordinated subject ("Japan and South Korea agreed") the second
# party is the target.
JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "MOBILIZE"})  # MOBILIZE: joint drills
# Noun events whose "of" phrase names the doer ("the visit of X", "the deployment of troops");
# for the others it names who is acted on ("the arrest of X").
OF_IS_SOURCE = frozenset({"CONSULT", "MOBILIZE", "PROTEST", "AID", "RETREAT"})
# Adjectives naming both parties of the story ("a bilateral accord", "joint drills").
JOINT_MODIFIERS = frozenset({"bilateral", "joint", "mutual", "trilateral"})
# How a clause hangs on the verb of saying that reports it ("said [that] ...", "was quoted as
# saying ...", "reiterated its position that ...").
REPORTED_DEPS = frozenset({"ccomp", "parataxis", "conj", "xcomp", "dobj", "prep"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "find"})
SCENE_PREPS = frozenset({"in", "near", "outside", "across"})  # not "at": "fired at Kyiv"
PLACE_HOWS = frozenset({"capital", "seat", "region"})  # actors named by a place of theirs
VENUE_PREPS = frozenset({"to", "with", "before", "at"})
SAID_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"})
DONE_TO_PERSONS = frozenset({"COERCE", "ASSAULT"})
PERSONAL_POSSESSIVES = frozenset({"his", "her", "their", "my", "our"})
OWN_PRONOUNS = frozenset({"its", "their", "our"})
BENEFIT_TYPES = frozenset({"SUPPORT", "AID"})
# Sectors of a country's actors that stand against its state: rebels, insurgents, opposition.
NONSTATE_SIDES = frozenset({"REB", "INS", "OPP", "SEP", "UAF"})
# Reactions aimed at whoever drew them ("drawing condemnation", "sparked protests").
REACTION_TYPES = frozenset({"ACCUSE", "PROTEST", "REJECT", "THREATEN", "SANCTION", "SUPPORT",
                            "REQUEST", "COERCE"})
SETTING_TYPES = frozenset({"CONSULT"})  # talks, meetings and visits: where acts are done
LIGHT_PREPS = frozenset({"on", "in", "into", "under"})
CLAUSE_BREAKS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "punct", "cc"})
PRONOUN_POS = frozenset({"PRON"})
RELATIVE_TAGS = frozenset({"WP", "WDT"})  # who, which, that opening a relative clause
MAX_CLIMB = 8


@dataclass(frozen=True)
class Roles:
    """The actors of one trigger and who reports it."""

    source: ActorRef | None
    target: ActorRef | None
    predicate_i: int
    attributed_to: str | None = None
    speaker: ActorRef | None = None
    joint: bool = False  # source and target are the coordinated doers ("X and Y agreed")
    pronoun: str | None = None  # the doer is a pronoun ("They agreed"): which one


@dataclass(frozen=True)
class MentionIndex:
    """Actor mentions by token, for looking up who a phrase names."""

    by_token: dict[int, ActorMention]
    mentions: tuple[ActorMention, ...]

    @classmethod
    def build(cls, mentions: Sequence[ActorMention]) -> MentionIndex:
        by_token: dict[int, ActorMention] = {}
        for mention in mentions:
            for i in range(mention.tok_start, mention.tok_end):
                by_token.setdefault(i, mention)
        return cls(by_token=by_token, mentions=tuple(mentions))


def _lemma(token: Any) -> str:
    return token.lemma_.lower()


def _phrase_tokens(head: Any) -> list[Any]:
    """The tokens of the phrase headed by `head`, without clauses or coordinated phrases."""
    out = [head]
    for child in head.children:
        if child.dep_ in CLAUSE_BREAKS or child.dep_ == "conj":
            continue
        out.extend(_phrase_tokens(child))
    return sorted(out, key=lambda t: t.i)


def _mentions_in(index: MentionIndex, tokens: Sequence[Any]) -> list[ActorMention]:
    seen: list[ActorMention] = []
    for token in tokens:
        mention = index.by_token.get(token.i)
        if mention is not None and mention not in seen:
            seen.append(mention)
    return seen


@dataclass(frozen=True)
class Resolver:
    """Resolves argument phrases to actors with the mentions and the actors stage."""

    parsed: Parsed
    index: MentionIndex
    kb: Any

    def actor(self, head: Any) -> ActorRef | None:
        """Who the phrase headed by `head` names: the actors stage's reading of the phrase,
        else the mentions inside it."""
        tokens = _phrase_tokens(head)
        start, end = _contiguous(tokens, head)
        ref = partners.resolve_span(self.parsed, self.index.mentions, start, end, self.kb)
        if ref is not None and ref.country:
            return ref
        own = self.index.by_token.get(head.i)
        found = _mentions_in(self.index, tokens)
        with_country = [m for m in found if m.ref.country]
        if own is not None and own.ref.country:
            return own.ref
        if with_country:
            return with_country[0].ref
        if ref is not None:
            return ref
        return own.ref if own is not None else (found[0].ref if found else None)

    def group(self, head: Any) -> list[ActorRef]:
        """Every party a coordinated or plural phrase names ("Japan and South Korea")."""
        tokens = sorted(head.subtree, key=lambda t: t.i)
        grouped = partners.resolve_group(
            self.parsed, self.index.mentions, tokens[0].i, tokens[-1].i + 1, self.kb
        )
        if len(_distinct(list(grouped))) > 1:
            return _distinct(list(grouped))
        split = self._split_mention(tokens)
        if split:
            return split
        heads = [head, *_conjuncts(head)]
        refs = [r for r in (self.actor(h) for h in heads) if r is not None]
        if len(heads) == 1:
            inner = [m.ref for m in _mentions_in(self.index, _phrase_tokens(head))]
            inner += [m.ref for t in _phrase_tokens(head) for c in _conjuncts(t)
                      for m in _mentions_in(self.index, _phrase_tokens(c))]
            inner = [r for r in inner if r.country]
            if len(_distinct(inner)) > 1 and (not refs or not refs[0].country or
                                              refs[0].country == inner[0].country):
                return _distinct(inner)
        return _distinct(refs)

    def owner(self, head: Any) -> ActorRef | None:
        """Whose thing a phrase names when it names no actor itself: "a U.S. proposal", "an
        American plan", "rejected the plan put forward by China" (the object's maker)."""
        if head.pos_ != "NOUN":
            return None
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.i < head.i and (
                    child.text[:1].isupper()):
                ref = partners.resolve_span(self.parsed, self.index.mentions, child.left_edge.i,
                                            child.i + 1, self.kb)
                if ref is not None and (ref.country or ref.sector == "IGO"):
                    return ref
        for clause in head.children if head.dep_ == "dobj" else ():
            agent = _agent(clause) if clause.dep_ == "acl" and clause.tag_ == "VBN" else None
            if agent is not None:
                return self.actor(agent)
        return None

    def _split_mention(self, tokens: list[Any]) -> list[ActorRef]:
        """ "Colombia's government and ELN rebels": when one mention runs across the "and" that
        coordinates two parties, each side of the "and" is read on its own."""
        joins = [t for t in tokens if t.dep_ == "cc" and t.lower_ in ("and", "&")]
        if len(joins) != 1:
            return []
        join = joins[0]
        first, last = tokens[0].i, tokens[-1].i + 1
        across = [m for m in self.index.mentions if m.tok_start < join.i < m.tok_end - 1]
        if not across or first >= join.i or join.i + 1 >= last:
            return []
        others = [m for m in self.index.mentions if m not in across]
        sides = [partners.resolve_span(self.parsed, others, a, b, self.kb)
                 for a, b in ((first, join.i), (join.i + 1, last))]
        refs = _distinct([r for r in sides if r is not None])
        return refs if len(refs) == 2 else []


def _contiguous(tokens: list[Any], head: Any) -> tuple[int, int]:
    """The unbroken run of `tokens` around `head`, as a token range."""
    indices = {t.i for t in tokens}
    start = end = head.i
    while start - 1 in indices:
        start -= 1
    while end + 1 in indices:
        end += 1
    return start, end + 1


def _conjuncts(token: Any) -> list[Any]:
    out = []
    for child in token.children:
        if child.dep_ == "conj":
            out.append(child)
            out.extend(_conjuncts(child))
    return out


def _distinct(refs: Sequence[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    keys: set[tuple[str | None, str | None]] = set()
    for ref in refs:
        key = (ref.country, ref.code) if ref.country else (None, ref.text)
        if key not in keys:
            keys.add(key)
            out.append(ref)
    return out


# --------------------------------------------------------------------------- predicate


def carrier(token: Any, lexicon: EventLexicon) -> Any:
    """The word whose arguments are the event's: the verb for verbs, the light verb for nouns.

    "held talks" -> held, "announced the imposition of a curfew" -> announced, "put on alert" ->
    put; a noun standing alone ("Russian fire hit", "In the talks with Choi") is its own carrier.
    """
    current = token
    for _ in range(MAX_CLIMB):
        if current.pos_ in ("VERB", "AUX"):
            return current
        head = current.head
        if head.i == current.i:
            return current
        if current.dep_ == "conj" or (
            current.dep_ == "compound" and lexicon.is_cue(_lemma(head), "light")
        ):
            current = head
            continue
        if current.dep_ == "pobj" and head.dep_ == "prep":
            governor = head.head
            if _lemma(head) == "of" and lexicon.is_cue(_lemma(governor), "light"):
                current = governor
                continue
            if governor.pos_ == "VERB" and lexicon.is_cue(_lemma(governor), "light") and (
                _lemma(head) in LIGHT_PREPS
            ):
                return governor  # "put the military on alert"
            return current
        if current.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "acomp", "xcomp", "ccomp"):
            return head if head.pos_ in ("VERB", "AUX") else current
        return current
    return current


def _child(token: Any, deps: frozenset[str] | set[str]) -> Any | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _subject_child(verb: Any) -> Any | None:
    """The subject of `verb`. A clause has one; when the parser gives two ("Cape Town: The
    Eastern Command conducted ...", a fronted dateline or topic), the one nearest the verb is it."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else subjects[0]


def _is_passive(verb: Any) -> bool:
    return (any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
            or _bare_participle(verb) or _reduced_relative(verb))


def _reduced_relative(verb: Any) -> bool:
    """ "the hostages seized", "a village bombed by jets": a past participle after a noun is
    passive; the noun is who was acted on."""
    return (verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ in ("nsubj", "aux", "mark") for c in verb.children))


def _bare_participle(verb: Any) -> bool:
    """ "with two crew members wounded", "protesters detained on Monday": a past participle with
    a subject but no auxiliary is passive; its subject is who was acted on."""
    absolute = verb.dep_ == "pcomp" and verb.head.lower_ in ("with", "without") and (
        verb.tag_ in ("VBN", "VBD"))  # the parser may read "with two crew wounded" as finite
    participle = verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl", "pobj", "pcomp", "conj")
    return (absolute or participle) and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children) and any(
        c.dep_ == "nsubj" for c in verb.children)


def _agent(verb: Any) -> Any | None:
    agent = _child(verb, {"agent"})
    return _child(agent, {"pobj"}) if agent is not None else None


def _subject(verb: Any, lexicon: EventLexicon) -> Any | None:
    """The acting phrase of `verb`, following control ("agreed to hold") and coordination."""
    current = verb
    for _ in range(MAX_CLIMB):
        if _reduced_relative(current) and current.head.dep_ == "dobj" and _agent(current) is None:
            current = current.head.head  # "May ordered 23 diplomats expelled": May expels
            continue
        if _is_passive(current):
            return _agent(current)
        subject = _subject_child(current)
        if subject is not None and current.dep_ == "relcl" and subject.tag_ in RELATIVE_TAGS:
            return current.head  # "Boluarte, who rejected ...": "who" is Boluarte
        if subject is not None:
            return subject
        head = current.head
        if head.i == current.i:
            return None
        if current.dep_ in ("xcomp", "conj", "advcl") or (
            current.dep_ in ("dobj", "pobj", "prep") and head.pos_ in ("VERB", "NOUN", "ADP")
        ):
            current = head
            continue
        if _predicate_adjective(current):
            # "Iran is ready to resume talks", "they were found guilty of violating ...": the
            # adjective's subject is the copula's
            current = head if current.dep_ == "acomp" else head.head
            continue
        if current.dep_ == "acl" and current.tag_ == "VBG":
            return head  # "students protesting in Dhaka"
        if current.dep_ in ("acl", "relcl"):
            possessor = _child(head, {"poss"})
            if possessor is not None:
                return possessor
            agent = _prep_objects(head, ("by",))
            if current.dep_ == "acl" and agent:
                return agent[0]  # "a campaign by Xi to pressure Taipei"
            if current.dep_ == "relcl":
                return head
            current = head
            continue
        return None
    return None


def _predicate_adjective(word: Any) -> bool:
    """An adjective after a copula ("is ready", "are guilty"), or a gerund hanging on one
    through a preposition ("guilty of violating")."""
    if word.dep_ == "acomp":
        return word.pos_ == "ADJ" and _lemma(word.head) in COPULAS
    head = word.head
    return (word.dep_ == "pcomp" and head.pos_ == "ADP" and head.dep_ == "prep"
            and head.head.pos_ == "ADJ" and head.head.dep_ == "acomp"
            and _lemma(head.head.head) in COPULAS)


def _own(phrase: Any, ref: ActorRef, source: ActorRef | None) -> bool:
    """ "Taiwan has put its military on alert", "Beijing withdrew its envoy", "the army will
    withdraw troops": what the doer moves of its own (its, their; a state's or army's own
    troops) is its means, not whom the act is aimed at."""
    if source is None or not source.country or ref.country != source.country:
        return False
    forces = ref.sector == "MIL" and (source.sector or "") in ("MIL", "GOV", "")
    return forces or any(c.dep_ == "poss" and c.lower_ in OWN_PRONOUNS for c in phrase.children)


def _preferred_target(candidates: list[Any], resolver: Resolver, source: ActorRef | None) -> Any:
    """The first candidate naming an actor, preferring one of another country than the source."""
    resolved = [(c, resolver.actor(c) or resolver.owner(c)) for c in candidates]
    named = [(c, r) for c, r in resolved if r is not None and not _own(c, r, source)]
    if not named:
        return None
    if source is not None and source.country:
        foreign = [(c, r) for c, r in named if r.country and r.country != source.country]
        if foreign:
            return foreign[0][1]
    return named[0][1]


def _prep_objects(token: Any, preps: Sequence[str]) -> list[Any]:
    """Objects of `token`'s prepositions among `preps`, a place ("in Tokyo") last."""
    out = []
    for child in token.children:
        if child.dep_ == "prep" and _lemma(child) in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return sorted(out, key=lambda t: t.head.lower_ == "in")


def _verb_targets(verb: Any, trigger: Any) -> list[Any]:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if _is_passive(verb):
        patient = ("nsubjpass", "nsubj") if _bare_participle(verb) else ("nsubjpass",)
        objects = [c for c in verb.children if c.dep_ in patient] + objects
        if _reduced_relative(verb):
            objects = [verb.head, *objects]
    candidates = list(objects)
    for holder in (trigger, verb, *objects):
        candidates += _prep_objects(holder, TARGET_PREPS)
    for clause in (c for c in verb.children if c.dep_ in ("xcomp", "ccomp")):
        candidates += [c for c in clause.children if c.dep_ in ("nsubj", "dobj")]
    return [c for c in candidates if c.i != trigger.i]


def _patient_possessor(noun: Any, event_type: str) -> Any | None:
    """ "his arrest", "Wine's detention", "the killing of ...": a person owning an arrest or a
    killing is who suffered it; a state owning one ("Russia's detention of ...") did it."""
    if event_type not in DONE_TO_PERSONS:
        return None
    poss = _child(noun, {"poss"})
    if poss is None:
        return None
    if poss.lower_ in PERSONAL_POSSESSIVES or poss.ent_type_ == "PERSON":
        return poss
    return None


def _noun_source(noun: Any, event_type: str) -> Any | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return None if _patient_possessor(noun, event_type) is not None else child
    for child in noun.children:
        # "Israeli bombardment", "Russian fire": a proper adjective names the doer; a common one
        # ("the controversial visit", "a deadly attack") names no one
        if child.dep_ in ("compound", "amod", "nmod") and (
            child.pos_ == "PROPN" or (child.pos_ == "ADJ" and (
                child.text[:1].isupper() or child.lower_ in JOINT_MODIFIERS))
        ):
            return child
    # "bombardment by Israel", "aid from India"; not "a visit from Thursday", "by Friday"
    by = [o for o in _prep_objects(noun, ("by", "from")) if o.ent_type_ not in TIME_ENTITIES]
    if by:
        return by[0]
    if event_type in OF_IS_SOURCE:
        of = _prep_objects(noun, ("of",))
        if of:
            return of[0]
    return None


def _between(noun: Any) -> list[Any]:
    objects = _prep_objects(noun, ("between", "among"))
    return [objects[0], *_conjuncts(objects[0])] if objects else []


# --------------------------------------------------------------------------- reported speech


def _speaker(token: Any, lexicon: EventLexicon) -> Any | None:
    """The subject of the verb of saying that reports `token`'s clause, if any."""
    current = token
    content = False  # the climb came up through a that-clause of a noun ("position that ...")
    for _ in range(MAX_CLIMB + 4):
        head = current.head
        if head.i == current.i:
            break
        if (
            current.dep_ in REPORTED_DEPS
            and lexicon.is_cue(_lemma(head), "report")
            and not (current.dep_ == "dobj" and current.pos_ == "NOUN" and not content)
            and not (current.dep_ == "prep" and current.lower_ != "as")
        ):
            subject = _subject_child(head) or _agent(head) or _quoted_one(head)
            if subject is not None:
                return subject
        content = current.dep_ == "acl" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in current.children)
        current = head
    sentence = token.sent
    for word in sentence:
        if _lemma(word) == "accord" and word.dep_ in ("prep", "advcl", "amod", "case"):
            objects = [c for t in word.subtree for c in t.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _quoted_one(verb: Any) -> Any | None:
    """ "Abe was quoted as reiterating ...": who is quoted is who speaks."""
    if _lemma(verb) != "quote":
        return None
    return _child(verb, {"nsubjpass"})


def _phrase_text(head: Any) -> str:
    tokens = [t for t in _phrase_tokens(head) if not t.is_punct]
    if not tokens:
        return head.text
    return head.doc[tokens[0].i : tokens[-1].i + 1].text


# --------------------------------------------------------------------------- roles


def roles_of(
    trigger: Any,
    event_type: str,
    parsed: Parsed,
    resolver: Resolver,
    lexicon: EventLexicon,
) -> Roles:
    """Source, target and attribution of the event stated by `trigger`."""
    predicate = carrier(trigger, lexicon)
    speaker_head = _speaker(predicate, lexicon)
    speaker = resolver.actor(speaker_head) if speaker_head is not None else None
    attributed = _phrase_text(speaker_head) if speaker_head is not None else None

    source_head, sources, target_heads = _argument_heads(trigger, predicate, event_type, lexicon)
    document = source_head is not None and _document(source_head, lexicon)
    if source_head is not None and source_head.pos_ in PRONOUN_POS and speaker is not None:
        sources = [speaker]
    elif document:
        sources = []  # "The statement also warned Vilnius": the body that issued it, told before
    elif source_head is not None:
        sources = resolver.group(source_head)
    source = sources[0] if sources else None
    if source is None and source_head is not None and source_head.pos_ in ("NOUN", "PROPN") and (
            not document):
        # a named but unresolved doer ("Ibo traditional elders") still makes the event
        source = ActorRef(text=_phrase_text(source_head), how="unresolved")
    target_heads = [t for t in target_heads if not _holds(t, trigger)
                    and (source_head is None or t.i != source_head.i)
                    and not _venue(t, event_type, resolver)
                    and not (event_type not in SETTING_TYPES and _place(t, resolver))]
    target = _preferred_target(target_heads, resolver, source)
    if target is not None and source is not None and _same_mention(source, target):
        target = None  # "aid from India": the phrase naming the doer names no one acted on
    joint = False
    together = event_type in JOINT_TYPES or (
        lexicon.is_cue(_lemma(trigger), "reciprocal") and target is None)
    if len(sources) > 1 and together and _two_sides(sources) and (
        target is None or target.country in (None, *(s.country for s in sources))
    ):
        target, joint = sources[1], True  # "Japan and South Korea held talks in Tokyo"
    if trigger.pos_ == "ADJ" and speaker is not None:
        source = speaker  # "Kono said the ruling was unacceptable": Kono disapproves
    elif _speaker_acts(event_type, source, target, speaker):
        source = speaker
    if attributed is not None and source is not None and speaker is not None and (
        _same_actor(source, speaker) and source_head is not None
        and source_head.pos_ not in PRONOUN_POS and source_head.i == speaker_head.i
    ):
        attributed = None
    pronoun = source_head.lower_ if source_head is not None and source_head.pos_ in PRONOUN_POS \
        else ("it" if document else None)
    return Roles(source, target, predicate.i, attributed, speaker, joint, pronoun)


def _document(head: Any, lexicon: EventLexicon) -> bool:
    """ "The statement", "the communique": a text issued by someone, standing for its issuer the
    way "it" does, not an actor of its own (unless its issuer is named: "China's statement")."""
    return lexicon.is_cue(head.lemma_, "document") and not any(
        c.dep_ in ("poss", "compound", "amod") for c in head.children)


def _speaker_acts(event_type: str, source: ActorRef | None, target: ActorRef | None,
                  speaker: ActorRef | None) -> bool:
    """ "Abe repeated his statement that South Korea had undermined trust, and criticized
    Seoul's decision": a party faulting itself is a misread clause; the foreign speaker whose
    statement the clause belongs to is who faults."""
    if event_type not in SAID_TYPES or source is None or target is None or speaker is None:
        return False
    return (bool(source.country) and source.country == target.country
            and bool(speaker.country) and speaker.country != source.country)


def _two_sides(sources: Sequence[ActorRef]) -> bool:
    """ "Japan and South Korea held talks": two parties; "its navy, air force and other
    departments held exercises": the forces of one side act together, with no counterpart."""
    first, second = sources[0].country, sources[1].country
    if first and second and first == second:
        # "Colombia's government and ELN rebels agreed": a state and those fighting or opposing
        # it are two sides of one country
        return _outside_state(sources[0]) != _outside_state(sources[1])
    return True


def _outside_state(ref: ActorRef) -> bool:
    return (ref.sector or "").upper() in NONSTATE_SIDES


def _venue(phrase: Any, event_type: str, resolver: Resolver) -> bool:
    """ "may appeal to the World Trade Organization", "filed a complaint with the UN": the body a
    complaint is brought to is where it is heard, not whom it is against."""
    if event_type != "ACCUSE" or phrase.dep_ != "pobj" or phrase.head.lower_ not in VENUE_PREPS:
        return False
    ref = resolver.actor(phrase)
    return ref is not None and ref.country is None and ref.sector in ("IGO", "JUD")


def _place(phrase: Any, resolver: Resolver) -> bool:
    """ "clashed in Khartoum", "a rally in Lagos": a city or a site where an act happens is its
    scene, not whom it is aimed at (a country may be: "intervened in Mali"; a visitor arriving
    in a capital visits its government)."""
    if phrase.dep_ != "pobj" or phrase.head.lower_ not in SCENE_PREPS:
        return False
    ref = resolver.actor(phrase)
    return ref is not None and (ref.how or "").split("+")[0] in PLACE_HOWS and (
        ref.text or "").lower() == phrase.doc[phrase.left_edge.i: phrase.i + 1].text.lower()


def _holds(phrase: Any, trigger: Any) -> bool:
    """ "Japan's export restrictions": a phrase that holds the event word names the event, not
    who it is done to ("the hostages seized": a participle after a noun is done to it)."""
    if _reduced_relative(trigger) and phrase.i == trigger.head.i:
        return False
    return phrase.i == trigger.i or any(a.i == phrase.i for a in trigger.ancestors)


def _same_mention(a: ActorRef, b: ActorRef) -> bool:
    if a.start is not None and a.start == b.start and a.end == b.end:
        return True
    return bool(a.text) and a.text == b.text


def _same_actor(a: ActorRef, b: ActorRef) -> bool:
    return (a.code or a.text) == (b.code or b.text)


def _argument_heads(
    trigger: Any, predicate: Any, event_type: str, lexicon: EventLexicon
) -> tuple[Any | None, list[ActorRef], list[Any]]:
    """The source phrase head and the target candidates for a trigger and its carrier."""
    if trigger.pos_ in ("NOUN", "PROPN") and predicate.i == trigger.i:
        parties = _between(trigger)
        if parties:
            return parties[0], [], parties[1:]
        source = _noun_source(trigger, event_type)
        verb = _enclosing_verb(trigger)
        patient = _patient_possessor(trigger, event_type)
        if patient is not None:
            # "hours before his arrest, Castillo announced ...": he is the clause's subject
            if patient.pos_ == "PRON" and verb is not None:
                patient = _subject(verb, lexicon) or patient
            return source, [], [patient, *_prep_objects(trigger, ("by",))][:1]
        if _reason_of_act(trigger, event_type, lexicon):
            # "expelled two diplomats in response to the arrest of a journalist": the reason
            # for an act is another's doing; its own phrase names its parties, or no one
            verb = None
        if source is None and verb is not None:
            source = _subject(verb, lexicon)
        targets = opposed(trigger) + _prep_objects(trigger, _noun_target_preps(event_type))
        if verb is not None:  # "gave the Ivory Coast ... of aid", "arrived in Amman on a visit"
            targets += [t for t in _verb_targets(verb, trigger) if t.i != trigger.i]
        return source, [], targets
    if trigger.pos_ in ("NOUN", "PROPN") and _elicited(trigger, predicate, lexicon):
        return _reaction_heads(trigger, predicate, event_type, lexicon)
    source = _subject(predicate, lexicon)
    if trigger.pos_ in ("NOUN", "PROPN"):
        own = _noun_source(trigger, event_type)
        patient = _patient_possessor(trigger, event_type)
        targets = ([patient] if patient is not None else []) + opposed(trigger) + (
            _prep_objects(trigger, _noun_target_preps(event_type)) + _between(trigger)
            + _verb_targets(predicate, trigger))
        if source is None and own is not None:
            source = own
        elif (own is not None and source is not None and event_type not in JOINT_TYPES
              and _named_doer(own) and _plain_verb(predicate, lexicon)):
            # "The US has ignored warnings from Chinese officials": the verb's subject is who
            # the warnings were for; the noun's own doer ("from", "by", possessor) issued them
            source, targets = own, [source, *targets]
        return source, [], targets
    if trigger.pos_ == "ADJ":
        subject = _subject_child(predicate)
        owner = _child(subject, {"poss"}) if subject is not None else None
        return None, [], [t for t in (owner, subject) if t is not None]
    targets = _verb_targets(predicate, trigger)
    if event_type == "ASSAULT":
        # "missiles were fired from US Navy destroyers": where a strike comes from is its side
        origins = [t for t in targets if t.dep_ == "pobj" and t.head.lower_ == "from"]
        targets = [t for t in targets if t not in origins]
        if source is None and origins and _is_passive(predicate):
            source = origins[0]
    return source, [], targets


def _reason_of_act(noun: Any, event_type: str, lexicon: EventLexicon) -> bool:
    """A noun event named as the reason of the act it hangs on; talks and visits in such a phrase
    ("after talks with Seoul, Tokyo agreed ...") are the setting, held by the clause's doers."""
    return event_type not in SETTING_TYPES and framing.in_reason_phrase(noun, lexicon)


def _elicited(noun: Any, verb: Any, lexicon: EventLexicon) -> bool:
    """ "drawing condemnation from Washington", "triggering protests": the object of a verb of
    eliciting is what others did in reaction to the subject."""
    return noun.dep_ == "dobj" and noun.head.i == verb.i and lexicon.is_cue(_lemma(verb), "elicit")


def _reaction_heads(
    noun: Any, verb: Any, event_type: str, lexicon: EventLexicon
) -> tuple[Any | None, list[ActorRef], list[Any]]:
    """Who reacted ("from Washington", "Western condemnation", or no one named) and, for a
    reaction aimed at someone, at whom: the subject whose act drew it."""
    doer = _noun_source(noun, event_type)
    if doer is None:
        origins = _prep_objects(verb, ("from",)) + _prep_objects(noun, ("from",))
        doer = origins[0] if origins else None
    subject = _subject(verb, lexicon)
    aimed = event_type in REACTION_TYPES and subject is not None
    return doer, [], [subject] if aimed else []


def opposed(noun: Any) -> list[Any]:
    """ "anti-government protests", "anti-China rallies": what an "anti-" modifier names is
    whom the act is against."""
    return [child for child in noun.children if child.i < noun.i and _after_anti(child)]


def _after_anti(word: Any) -> bool:
    """ "anti-China" read as three tokens ("anti", "-", "China") or one."""
    doc = word.doc
    split = word.i >= 2 and doc[word.i - 1].text == "-" and doc[word.i - 2].lower_ == "anti"
    return split or (word.lower_.startswith("anti-") and len(word.text) > 5)


def _noun_target_preps(event_type: str) -> tuple[str, ...]:
    """ "support for Taiwan", "aid for flood victims": support and aid are given *for* someone;
    for other events "for" names a purpose or a content ("calls for restraint")."""
    return NOUN_TARGET_PREPS + (("for",) if event_type in BENEFIT_TYPES else ())


def _named_doer(word: Any) -> bool:
    """A noun event's doer named as its possessor or by "by"/"from" ("Japan's occupation",
    "warnings from Chinese officials")."""
    return word.dep_ == "poss" or (word.dep_ == "pobj" and word.head.lower_ in ("by", "from"))


def _plain_verb(verb: Any, lexicon: EventLexicon) -> bool:
    """A verb that neither carries an event (light, saying) nor is one ("ignored", "faced")."""
    lemma = _lemma(verb)
    return verb.pos_ == "VERB" and not lexicon.senses(lemma) and not any(
        lexicon.is_cue(lemma, role) for role in ("light", "report", "defer", "plan", "fail"))


def _enclosing_verb(token: Any) -> Any | None:
    current = token
    for _ in range(MAX_CLIMB):
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None
