"""The rule coder: sentences -> candidate events -> one event per happening, one main event.

For each body sentence: find the event words (triggers.py), drop those that are only the content
of another ("urged X not to scrap"), read source/target/attribution (roles.py), status and
background (framing.py), date (the dates stage), then merge mentions of the same happening
across sentences and pick the headline event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from newsevents.coder import framing, partners
from newsevents.coder.roles import (
    JOINT_MODIFIERS,
    JOINT_TYPES,
    SETTING_TYPES,
    MentionIndex,
    Resolver,
    Roles,
    opposed,
    roles_of,
)
from newsevents.coder.triggers import (
    Trigger,
    coarse_pos,
    drop_content_triggers,
    find_triggers,
    sense_of,
)
from newsevents.knowledge import Knowledge
from newsevents.knowledge.lexicon import LexEntry
from newsevents.options import Options
from newsevents.records import ActorMention, ActorRef, Event, Parsed, Sentence, TimeRef

# Sectors of state organs: for them some words change meaning (a government "protesting"
# accuses; troops "storming" assault).
STATE_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "SPY", "SEC", "POL", "IGO"})
# Sectors of armed forces, a state's or not: a clash between them is fighting.
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "SEP", "UAF"})
# Which happening is the headline when the lead sentence states several: the material act over
# the talk about it (the strike over the accusation, the meeting over what was agreed in it).
MAIN_PRIORITY = (
    "ASSAULT", "COERCE", "SANCTION", "RETREAT", "MOBILIZE", "PROTEST", "AID", "CONSULT",
    "COOPERATE", "REJECT", "CONCEDE", "AGREE", "ACCUSE", "THREATEN", "REQUEST", "SUPPORT",
)
# Types whose modes name distinct happenings in one article (a summons and a statement are two
# ACCUSE events; an arrest and an impeachment two COERCE events).
MODE_DISTINCT = frozenset({"ACCUSE", "SANCTION", "COERCE", "AID"})
PLURAL_PRONOUNS = frozenset({"they", "we", "both"})
NONFINITE_DEPS = frozenset({"relcl", "acl", "xcomp", "advcl"})
# Acts of backing a side: without a party or an act to back, only a position.
POSITION_TYPES = frozenset({"SUPPORT"})  # refusing a bare noun acts: "denied access"
ANNOUNCING_AUX = frozenset({"has", "have", "'ve", "will", "'ll", "shall"})
# Arcs inside a noun phrase naming who belongs to a body: "leaders of political parties".
MEMBER_DEPS = frozenset({"pobj", "prep", "compound", "poss", "nmod"})
DECLARED_TYPES = frozenset({"SANCTION", "REJECT"})
SETTING_NOUNS = frozenset({"talk", "meeting", "summit", "phone", "telephone", "call", "visit",
                           "trip", "conference", "dialogue", "discussion", "negotiation"})
FRAMING_PREPS = frozenset({"in", "during", "over", "at", "on"})  # "In their talks, X and Y agreed"
# A dateline or metadata prefix opening the first line ("date 2022-08-04 BEIJING —", "Cape Town:",
# "SEOUL, Aug. 22 (Yonhap) --"): the place where the report was filed, not an actor of it.
DATELINE = re.compile(
    r"^(?:date \d{4}-\d{2}-\d{2}\s+)?(?:[A-Z][\w.'’]*(?:[ ,]+[A-Z][\w.'’]*){0,4}"
    r"(?:,? [A-Z][a-z]{2}\.? \d{1,2})?(?: \([^)]{1,40}\))?\s*(?:—|--|–|-|:)\s+)?"
)
WORD = re.compile(r"[A-Za-z][A-Za-z-]+")


@dataclass(frozen=True)
class Candidate:
    """An event found in one sentence, before merging across sentences."""

    sentence: Sentence
    trigger_i: int
    trigger_text: str
    trigger_lemma: str
    type: str
    entry: LexEntry
    roles: Roles
    status: str
    background: bool
    date: str | None
    date_text: str | None
    has_time_cue: bool
    past_tense: bool
    confidence: float
    depth: int = 0
    sequel: bool = False  # the sentence continues the one before ("then", "retaliated")
    implied: bool = False  # inferred from another event of the sentence, not stated
    conj_root: int = -1  # first conjunct of the trigger's coordination ("severed ... and expelled")
    verbal: bool = False  # told by a verb ("summoned"), not named by a noun ("its ruling")
    additional: bool = False  # marked as one more act ("also met", "was also arrested")
    latest: bool = False  # the later happening a lead is measured from ("Hours before his arrest")
    fragment: bool = False  # told in a line without a verb (a caption, a list item)
    continued: bool = False  # "would continue to conduct drills": an act already under way
    signed: bool = False  # an agreement verb with a document as object ("signed a deal")


def code_events(
    parsed: Parsed,
    mentions: Sequence[ActorMention],
    timerefs: Sequence[TimeRef],
    knowledge: Knowledge,
    options: Options,
) -> tuple[Event, ...]:
    """The events the article body asserts, one per distinct happening, one of them main."""
    lead_end = _dateline_end(parsed)
    mentions = [m for m in mentions if parsed.doc[m.tok_start].idx >= lead_end]
    resolver = Resolver(parsed, MentionIndex.build(mentions), knowledge.actors)
    candidates: list[Candidate] = []
    today = partners.news_day(parsed, timerefs)
    previous: Roles | None = None
    for sentence, span in _body_sentences(parsed):
        found = _sentence_candidates(sentence, span, parsed, resolver, timerefs, knowledge,
                                     today, previous)
        candidates.extend(found)
        with_source = [c.roles for c in found if c.roles.source is not None]
        previous = with_source[0] if with_source else previous
    candidates = _carry_background(candidates)
    dyad = story_dyad(mentions)
    candidates = [c for c in candidates if not _gathering(c, parsed)]
    candidates = _talks_or_terms(candidates, parsed.doc)
    merged = [_summons_at_home(_fill_from_dyad(c, dyad, knowledge.lexicon))
              for c in _merge(candidates) if _complete(c)]
    kept = [c for c in merged if c.confidence >= options.min_confidence]
    main = _main_index(kept, parsed)
    return tuple(
        _event(parsed, n, c, n == main, knowledge) for n, c in enumerate(kept)
    )


# --------------------------------------------------------------------------- sentences


def _norm(text: str) -> str:
    return " ".join(w.lower() for w in WORD.findall(text))


def _body_sentences(parsed: Parsed) -> list[tuple[Sentence, Any]]:
    """Sentences with their spaCy spans, without a headline the body repeats."""
    title = _norm(parsed.article.title or "")
    lines = parsed.article.body_lines
    first_line = lines[0] if len(lines) > 1 else None
    out = []
    for sentence in parsed.sentences:
        span = parsed.doc.char_span(sentence.body_start, sentence.body_end,
                                    alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if title and _is_headline(sentence.text) and _norm(sentence.text) == title:
            continue
        if first_line is not None and first_line.start <= sentence.start < first_line.end and (
            _is_headline(first_line.text)
        ):
            continue
        out.append((sentence, span))
    return out


# "X said Y must/should do Z": a demand X makes on Y (PLOVER REQUEST, CAMEO 10).
OBLIGATION = LexEntry(trigger="must", companions=(), pos="V", type="REQUEST", mode="demand",
                      cameo="10", note="obligation stated in reported speech")


def _is_obligation(word: Any, lexicon: Any) -> bool:
    """A clause "Y must/should ..." reported by a verb of saying, with its own subject."""
    if not (_reported_clause(word, lexicon) or _reported_position(word, lexicon)):
        return False
    modal = any(c.dep_ == "aux" and lexicon.is_cue(c.lower_, "oblige") for c in word.children)
    return modal and any(c.dep_ in ("nsubj", "nsubjpass") for c in word.children)


def _reported_clause(word: Any, lexicon: Any) -> bool:
    return word.dep_ in ("ccomp", "xcomp") and lexicon.is_cue(word.head.lemma_.lower(), "report")


def _reported_position(word: Any, lexicon: Any) -> bool:
    """ "reiterating Tokyo's position that a state-to-state promise should be kept": the
    that-clause of a noun a speaker states."""
    noun = word.head
    return (word.dep_ == "acl" and noun.pos_ == "NOUN" and noun.dep_ == "dobj"
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in word.children)
            and lexicon.is_cue(noun.head.lemma_.lower(), "report"))


def _within(token: Any, clause: Any) -> bool:
    return token.i == clause.i or any(a.i == clause.i for a in token.ancestors)


def _dateline_end(parsed: Parsed) -> int:
    """Body offset where the first line's dateline or metadata prefix ends (0 if none)."""
    lines = parsed.article.body_lines
    if not lines:
        return 0
    match = DATELINE.match(lines[0].text)
    return match.end() if match else 0


def _is_headline(text: str) -> bool:
    """A line without closing punctuation: a headline, not a sentence of the report."""
    return not text.rstrip().endswith((".", "!", "?", '"', "\u201d", "'", ")"))


def _sentence_candidates(
    sentence: Sentence,
    span: Any,
    parsed: Parsed,
    resolver: Resolver,
    timerefs: Sequence[TimeRef],
    knowledge: Knowledge,
    news_day: str | None,
    previous: Roles | None = None,
) -> list[Candidate]:
    lexicon = knowledge.lexicon
    triggers = drop_content_triggers(find_triggers(span, lexicon), parsed.doc, lexicon)
    demands = [w for w in span if _is_obligation(w, lexicon)]
    triggers = tuple(t for t in triggers if not any(
        _within(parsed.doc[t.token_i], d) for d in demands))
    triggers += tuple(Trigger(d.i, OBLIGATION) for d in demands)
    found: list[Candidate] = []
    for trigger in triggers:
        candidate = _candidate(sentence, trigger, parsed, resolver, timerefs, knowledge, news_day,
                               previous)
        if candidate is not None:
            found.append(candidate)
    found.extend(_implied_meetings(found))
    return found


def _has_participant(roles: Roles, token: Any) -> bool:
    """An event names someone: "months of protests" with nobody named is context, not an event
    ("a 1965 bilateral accord" names the story's two parties)."""
    if roles.source is not None or roles.target is not None:
        return True
    # "a bilateral accord" names the story's two parties, "anti-government protests" whom
    # they oppose
    return any(c.lower_ in JOINT_MODIFIERS for c in token.children if c.dep_ == "amod") or bool(
        opposed(token))


def _announced_decision(event_type: str, predicate: Any, lexicon: Any) -> bool:
    """ "South Korea said it will scrap the pact", "Russia announced it will expel 23 diplomats":
    a sanction or a rejection takes effect when it is announced, so the act has occurred."""
    if event_type not in DECLARED_TYPES or predicate.dep_ != "ccomp":
        return False
    return lexicon.is_cue(predicate.head.lemma_.lower(), "report") and not any(
        lexicon.is_cue(c.lemma_.lower(), "plan") and c.pos_ == "VERB" for c in predicate.children)


def _continue_doers(roles: Roles, previous: Roles) -> Roles:
    """ "The ministers of South Korea and Japan spoke ... They shared the understanding ...":
    a plural pronoun continues the pair acting before, any pronoun the doer when unresolved."""
    if previous.joint and roles.pronoun in PLURAL_PRONOUNS and roles.target is None:
        return replace(roles, source=previous.source, target=previous.target, joint=True)
    if roles.source is None:
        return replace(roles, source=previous.source)
    return roles


# Cooperative types whose withholding hurts the other side: a conditional one is a threat.
WITHDRAWING_TYPES = frozenset({"RETREAT"})


def _is_threat(event_type: str, knowledge: Knowledge) -> bool:
    """A conditional act that is conflictual (or a withdrawal) reads as a threat."""
    return event_type in WITHDRAWING_TYPES or knowledge.ontology.quad_of(event_type) >= 3


def _is_refusal(event_type: str, frame: framing.Framing, knowledge: Knowledge) -> bool:
    """A negated future cooperative act with no condition attached ("will not accept")."""
    return (frame.status == "planned" and not frame.conditional_clause
            and knowledge.ontology.quad_of(event_type) <= 2)


def _two_doers(predicate: Any) -> bool:
    """The clause's subject is coordinated: "Israel and Hamas have announced ..."."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(g.dep_ == "conj" for g in c.children)
               for c in predicate.children)


def _drills_together(roles: Roles, token: Any, predicate: Any) -> bool:
    """Two countries' forces acting together: coordinated doers ("X and Y held drills") or a
    partner joined by "with" ("held exercises with Russia")."""
    src, tgt = roles.source, roles.target
    if src is None or tgt is None or not (src.country and tgt.country) or (
        src.country == tgt.country
    ):
        return False
    partner = any(c.dep_ == "prep" and c.lower_ == "with" for w in (token, predicate)
                  for c in w.children)
    return roles.joint or partner


def _asked_a_question(token: Any) -> bool:
    """ "when Gokhale was asked by media persons, ...": someone asked with nothing requested of
    him (no "to ..." or "for ...") was put a question, not a demand."""
    if token.pos_ != "VERB" or not any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return False
    return not any(c.dep_ in ("xcomp", "ccomp", "dobj") or (c.dep_ == "prep" and c.lower_ in (
        "for", "to")) for c in token.children)


def _circumstance(token: Any, lexicon: Any) -> bool:
    """ "declared Mutharika winner despite complaints of irregularities": an event named as the
    setting of a clause is not what the clause reports."""
    item = token
    while item.dep_ == "conj" and item.head.i != item.i:
        item = item.head  # "despite concerns and warnings by neighboring countries"
    prep = item.head
    return (token.pos_ == "NOUN" and item.dep_ == "pobj" and prep.dep_ == "prep"
            and lexicon.is_cue(prep.lower_, "circumstance"))


def _speculated(predicate: Any, lexicon: Any) -> bool:
    """ "could invade", "may attack": the clause tells a possibility, not a happening."""
    verb = _tense_verb(predicate)
    return any(c.dep_ == "aux" and lexicon.is_cue(c.lower_, "maybe") for c in verb.children)


def _position_only(event_type: str, token: Any, roles: Roles, lexicon: Any,
                   trigger_entry: LexEntry) -> bool:
    """ "leaders who have been defending free trade", "supports decentralisation": backing an
    idea, aimed at no one and at no act of anyone ("backed the plan", "supported the decision"),
    is a statement of position, not an event (corpus GUIDE: "A pure statement of position ...:
    skip it"). Refusing a bare noun still acts: "denied access", "refused entry"."""
    if event_type not in POSITION_TYPES or token.pos_ != "VERB" or roles.target is not None:
        return False
    if trigger_entry.companions:
        return False  # "established diplomatic ties": a pattern naming a particular act
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and not any(_particular(o, lexicon) for o in objects)


def _particular(noun: Any, lexicon: Any) -> bool:
    """ "the proposal", "Castillo's actions", "proposed Israeli changes", "talks": a particular
    thing someone did or proposed, or an act itself; "free trade", "non-compliance" are ideas."""
    return (bool(lexicon.senses(noun.lemma_.lower())) or noun.pos_ == "PROPN"
            or any(c.dep_ in ("det", "poss") or (c.dep_ in ("amod", "compound") and (
                c.text[:1].isupper() or c.tag_ == "VBN")) for c in noun.children))


def _hypothetical_modal(predicate: Any, lexicon: Any) -> bool:
    """ "could request", "might seize": the modals of what is imagined, not announced."""
    verb = _tense_verb(predicate)
    return any(c.dep_ == "aux" and lexicon.is_cue(c.lower_, "hypothetical")
               for c in verb.children)


def _told_by_another(roles: Roles) -> bool:
    """Reported by someone who is not the doer ("analysts say China could ..."), unlike a party
    telling what it may do ("Australia has indicated it may appeal")."""
    speaker, source = roles.speaker, roles.source
    if roles.attributed_to is None:
        return False
    if speaker is None or source is None or roles.pronoun:
        return speaker is None and roles.pronoun is None
    if not speaker.country or not source.country:
        return False  # "may halt mediation, the Dutch foreign minister said": for the EC
    return speaker.country != source.country


def _averted(token: Any, frame: framing.Framing, lexicon: Any) -> bool:
    """ "remained on alert to forestall more violence", "to prevent further attacks": what an
    act is meant to avert has not happened."""
    verb = token.head
    return (token.dep_ == "dobj" and lexicon.is_cue(verb.lemma_, "avert") and not frame.negated
            and not any(c.dep_ == "neg" for c in verb.children))


def _manner(token: Any, lexicon: Any) -> bool:
    """ "launched missiles in protest against ...", "fired rockets in retaliation": a bare noun
    after "in" on an event verb says in what spirit the act was done; the act is the event. A
    verb that tells no event here ("dumped manure outside parliament in protest") leaves the
    protest as the act."""
    prep = token.head
    verb = prep.head
    return (token.pos_ == "NOUN" and token.dep_ == "pobj" and prep.lower_ == "in"
            and not any(c.dep_ in ("det", "poss", "nummod") for c in token.children)
            and verb.pos_ == "VERB" and _tells_event(verb, lexicon))


def _tells_event(verb: Any, lexicon: Any) -> bool:
    """The verb states an event itself ("blocked border crossings") or carries one as a light
    verb ("launched an offensive")."""
    if sense_of(verb, lexicon) is not None:
        return True
    return lexicon.is_cue(verb.lemma_, "light") and any(
        c.dep_ == "dobj" and sense_of(c, lexicon) is not None for c in verb.children)


def _purpose(token: Any, predicate: Any) -> bool:
    """ "is sending delegations to help uphold the ceasefire", "hopes to travel to Seoul to meet
    his counterpart": a to-infinitive of purpose tells what an act is for, an intention, not what
    has happened."""
    for word in (predicate, *predicate.ancestors):
        if word.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                        for c in word.children):
            # "police came to beat us": "come to" tells what they did, not what for
            return word.head.lemma_.lower() != "come" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in word.children)
        if word.dep_ not in ("xcomp", "conj", "dobj", "pobj", "prep"):
            return False
    return False


def _quoted_account(event_type: str, token: Any, predicate: Any) -> bool:
    """Inside a direct quotation the speaker may perform a speech act ("We strongly protest",
    "should condemn"), or announce what their side has done or will do ("The government has
    decided to impose a curfew"): the quote is the event. Otherwise the quote tells in the
    speaker's words what happened ("The ambassador was summoned", "we can't keep putting up
    with Colombia's attacks"): a retelling or a claim the report does not assert itself.
    A quoted word in the report's own clause ("called the verdict "regrettable"") is asserted."""
    clause = [token, predicate, *(c for c in predicate.children
                                  if c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass"))]
    if not all(framing.in_quotation(w) for w in clause):
        return False
    verb = _tense_verb(predicate)
    if event_type in SPOKEN_TYPES:
        return _simple_past(verb)
    return not _announces(verb)


def _tense_verb(predicate: Any) -> Any:
    """The verb carrying the clause's tense: "decided to dissolve" -> decided."""
    verb = predicate
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _simple_past(verb: Any) -> bool:
    """ "was summoned", "issued"; not "has decided" or "will expel"."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBZ", "VBP", "MD") for a in aux):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux)


def _announces(verb: Any) -> bool:
    """ "has decided to impose", "will expel": a present perfect or a future told by the actor."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ANNOUNCING_AUX for c in verb.children)


def _is_dated_pact(trigger: Trigger) -> bool:
    """ "a 1965 treaty": an agreement recalled by its year binds the story's parties."""
    return "@year" in trigger.entry.companions


def _only_unresolved(roles: Roles) -> bool:
    unresolved = roles.source is not None and roles.source.how == "unresolved"
    return unresolved and roles.target is None


def _acting_type(entry: LexEntry, source: ActorRef | None) -> str:
    """The entry's type, or its state_type when a state organ acts."""
    if entry.state_type and source is not None and _is_state(source):
        return entry.state_type
    return entry.type


def _armed_clash(token: Any, roles: Roles, lexicon: Any) -> bool:
    """ "Sudan's army and the RSF clashed", "troops clashed with rebels": a clash between armed
    forces is fighting; protesters clashing with police stay a protest."""
    return lexicon.is_cue(token.lemma_, "reciprocal") and all(
        ref is not None and _is_armed(ref) for ref in (roles.source, roles.target))


def _is_armed(ref: ActorRef) -> bool:
    sectors = {(ref.sector or "").upper(), (ref.code or "").upper()[3:6]}
    return bool(sectors & ARMED_SECTORS)


def _is_state(ref: ActorRef) -> bool:
    if ref.sector and ref.sector.upper() in STATE_SECTORS:
        return True
    return bool(ref.code and ref.code.upper()[3:6] in STATE_SECTORS)


def _candidate(
    sentence: Sentence,
    trigger: Trigger,
    parsed: Parsed,
    resolver: Resolver,
    timerefs: Sequence[TimeRef],
    knowledge: Knowledge,
    news_day: str | None = None,
    previous: Roles | None = None,
) -> Candidate | None:
    lexicon = knowledge.lexicon
    token = parsed.doc[trigger.token_i]
    roles = roles_of(token, trigger.type, parsed, resolver, lexicon)
    if trigger.entry is OBLIGATION:
        roles = replace(roles, source=roles.speaker, target=roles.source, attributed_to=None)
    if roles.pronoun and previous is not None:
        roles = _continue_doers(roles, previous)
    event_type = _acting_type(trigger.entry, roles.source)
    if event_type == "RETREAT" and trigger.entry.mode == "ceasefire" and _two_doers(
        parsed.doc[roles.predicate_i]
    ):
        event_type = "AGREE"  # "Israel and Hamas have announced a ceasefire": agreed between them
    if event_type == "MOBILIZE" and _drills_together(roles, token, parsed.doc[roles.predicate_i]):
        # "South Korea and the US began drills", "China held exercises with Russia": armed
        # forces of two states training together cooperate (CAMEO 062), they do not mobilize
        event_type = "COOPERATE"
    if event_type == "PROTEST" and _armed_clash(token, roles, lexicon):
        event_type = "ASSAULT"  # "the army and the RSF clashed": a fight (PLOVER: FIGHT)
    if event_type != trigger.type:
        roles = roles_of(token, event_type, parsed, resolver, lexicon)
    predicate = parsed.doc[roles.predicate_i]
    frame = framing.status_of(token, predicate, lexicon)
    if frame.hypothetical or framing.is_habitual(token, predicate, lexicon):
        return None
    if frame.conditional_clause and _hypothetical_modal(predicate, lexicon) and (
            roles.attributed_to is None):
        # "If Nippon Steel refuses, the plaintiffs could request a seizure": the report's own
        # speculation; "may halt mediation if ..." or a party's own words warn
        return None
    if _speculated(predicate, lexicon) and _told_by_another(roles):
        return None  # "Analysts say China could invade Taiwan": someone's guess, not news
    if _hypothetical_modal(predicate, lexicon) and not frame.negated and (
            roles.attributed_to is None):
        return None  # "a decision that could freeze ties": the report's own speculation
    if _position_only(event_type, token, roles, lexicon, trigger.entry):
        return None
    if event_type == "REQUEST" and trigger.entry is not OBLIGATION and _asked_a_question(token):
        return None
    if _quoted_account(event_type, token, predicate):
        return None
    if _circumstance(token, lexicon) or _manner(token, lexicon) or _averted(token, frame, lexicon):
        return None
    if not (_has_participant(roles, token) or _is_dated_pact(trigger)):
        return None
    if _only_unresolved(roles) and (predicate.pos_ != "VERB" or _depth(predicate, lexicon) > 1):
        return None  # an unnamed doer is enough only for the sentence's own main event
    status = frame.status
    if status == "occurred" and _purpose(token, predicate):
        status = "planned"  # "sent personnel to Bosnia to investigate": what the act is for
    if frame.negated and _is_refusal(event_type, frame, knowledge):
        # "The U.S. said it would not meet the demands", "will not attend the summit": a
        # cooperative act declared withheld is a refusal, made when it is said (PLOVER REJECT);
        # "will not allow/tolerate ..." warns
        event_type, status = "REJECT", "occurred"
        if lexicon.is_cue(token.lemma_.lower(), "forbid"):
            event_type = "THREATEN"  # "will not allow/tolerate ...": a warning
    elif frame.negated:
        if not (frame.conditional_clause and knowledge.ontology.quad_of(event_type) <= 2):
            return None
        # "If no deal is reached, Suga will not attend the summit": a conditional threat.
        event_type, status = "THREATEN", "conditional"
    elif frame.conditional_clause and _is_threat(event_type, knowledge):
        # "will withdraw its force unless ...", "may halt mediation if ...": a harm or a
        # withdrawal made to depend on what the other side does is a threat (PLOVER THREATEN)
        event_type = "THREATEN"
    if status == "planned" and _announced_decision(event_type, predicate, lexicon):
        status = "occurred"
    if _is_dated_pact(trigger):
        status = "occurred"  # "failed to carry out a 2013 agreement": the agreement was made
    caused = framing.in_cause_phrase(token, lexicon)
    if caused and status == "planned":
        status = "occurred"  # "will expel ... in response to the poisoning": the cause is done
    tense = partners.tense_of(predicate)
    timerefs = [r for r in timerefs if not _part_of_name(r, parsed.doc)]
    ref, date = partners.event_date(parsed, timerefs, predicate, tense)
    if ref is None and predicate.i != token.i:
        ref, date = partners.event_date(parsed, timerefs, token, tense)
    governor = _finite_governor(predicate)
    if ref is None and governor is not None:
        # "On Tuesday, Park became the first official to meet Suga": a to-infinitive or a
        # participle takes its time from the clause it hangs on
        ref, date = partners.event_date(parsed, timerefs, governor, tense)
    reason = (event_type not in SETTING_TYPES and framing.in_reason_phrase(token, lexicon)
              and not framing.in_time_phrase(token, lexicon))
    if reason and ref is not None and not _inside(ref, token):
        # "expelled two diplomats on Thursday in response to the arrest of ...": the date is
        # the act's, the arrest came before it
        ref, date = None, None
    year = framing.dated_year(token)
    if date is None and year is not None:
        date = year
    background = (
        framing.date_is_earlier(date, parsed.article.pub_date)
        or (year is not None and framing.date_is_earlier(year, parsed.article.pub_date))
        or framing.is_past_perfect(predicate, lexicon)
        or framing.in_recap_phrase(token, predicate, lexicon)
        or framing.in_state_sentence(token, predicate, lexicon)
        or framing.is_span_of_activity(token)
        or framing.is_object_of_perfect(token, lexicon)
        or framing.is_stretch_since(predicate)
        or caused
        or reason
        or (ref is None and year is None and tense == "past"
            and framing.dated_by_clause(token, parsed.article.pub_date))
    )
    if not background and date is None and status in ("occurred", "planned", "failed"):
        date = news_day  # current news: the day it was reported (a plan: the day it was told)
    return Candidate(
        sentence=sentence,
        trigger_i=trigger.token_i,
        trigger_text=token.text,
        trigger_lemma=token.lemma_.lower(),
        type=event_type,
        entry=trigger.entry,
        roles=roles,
        status=status,
        background=background,
        date=date,
        date_text=ref.text if ref else (year if year else None),
        has_time_cue=ref is not None or year is not None,
        past_tense=tense == "past" or token.sent.root.tag_ == "VBD",
        confidence=_confidence(token, roles, ref is not None),
        depth=_depth(_clause_word(token, predicate), lexicon),
        sequel=any(lexicon.is_cue(t.lemma_.lower(), "sequel") for t in token.sent),
        conj_root=_conj_root(token),
        verbal=coarse_pos(token) == "VERB",
        additional=_is_additional(token, predicate, lexicon),
        latest=_is_later_anchor(token, lexicon),
        fragment=not any(w.pos_ in ("VERB", "AUX") for w in token.sent),
        signed=token.pos_ == "VERB" and any(c.dep_ == "dobj" for c in token.children),
        # "would continue to conduct drills until Sunday": an act already under way goes on
        continued=any(lexicon.is_cue(w.lemma_, "continue")
                      for w in (predicate, *predicate.ancestors)),
    )


def _inside(ref: TimeRef, token: Any) -> bool:
    """The time expression lies in the phrase `token` heads ("the arrest on May 9")."""
    words = [w.i for w in token.subtree]
    return min(words) <= ref.tok_start and ref.tok_end <= max(words) + 1


def _is_setting(token: Any) -> bool:
    """Talks, calls and visits can be the setting of a clause ("In their talks, X and Y agreed",
    "agreed over the phone"); other events in such a phrase are its cause ("over its crackdown")."""
    return token.lemma_.lower() in SETTING_NOUNS


def _clause_word(token: Any, predicate: Any) -> Any:
    """The verb whose clause states the event: "In their talks, X and Y agreed" -> agreed."""
    prep = token.head
    framing_pp = (
        predicate.i == token.i and token.dep_ == "pobj" and prep.dep_ == "prep"
        and prep.lower_ in FRAMING_PREPS and prep.head.pos_ in ("VERB", "AUX")
        and _is_setting(token)
    )
    return prep.head if framing_pp else predicate


def _setting_of(c: Candidate, doc: Any) -> int:
    """ "agreed to US mediation in the final status talks": the verb whose clause talks named in
    a framing phrase are the setting of (-1 if none); that verb's own event is the news."""
    token = doc[c.trigger_i]
    clause = _clause_word(token, doc[c.roles.predicate_i])
    return clause.i if clause.i != token.i else -1


def _is_additional(token: Any, predicate: Any, lexicon: Any) -> bool:
    """ "Lee also handed over Moon's letter", "Another candidate was also arrested": an additive
    adverb on the event's own clause adds a happening to those told, it does not retell one."""
    if token.pos_ != "VERB" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                    for c in token.children):
        return False  # "Hamas also confirmed the ceasefire": one more party to a told act
    clause = {token.i, predicate.i, _tense_verb(predicate).i}
    words = [w for i in clause for w in token.doc[i].children]
    if any(w.dep_ == "advmod" and lexicon.is_cue(w.lower_, "additive") for w in words):
        return True
    # "Hours earlier, Ukraine said that a Russian vessel rammed ...": another time, another act
    above = [w for a in (predicate, *predicate.ancestors) for w in a.children]
    return any(w.dep_ == "advmod" and lexicon.is_cue(w.lower_, "time-shift") for w in above)


def _part_of_name(ref: TimeRef, doc: Any) -> bool:
    """ "under section 9-A of NAB Ordinance 1999", "Expo 2020": a year in the name of a law or
    an event names it; it does not date what the sentence tells."""
    if ref.tok_end - ref.tok_start != 1:
        return False
    word = doc[ref.tok_start]
    head = word.head  # "May 1945" is a date, "Ordinance 1999" a name
    return (word.dep_ in ("nummod", "compound", "appos") and head.pos_ == "PROPN"
            and head.i < word.i and head.ent_type_ not in ("DATE", "TIME"))


def _finite_governor(verb: Any) -> Any | None:
    """The finite verb whose clause a non-finite one ("to meet", "ordering ...") hangs on."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VB", "VBG") or verb.dep_ not in NONFINITE_DEPS:
        return None
    if any(c.dep_ == "aux" and c.lower_ not in ("to",) for c in verb.children):
        return None
    return next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")
                 and a.tag_ in ("VBD", "VBZ", "VBP")), None)


def _is_later_anchor(token: Any, lexicon: Any) -> bool:
    """ "Hours before his arrest, Castillo announced ...": an event a lead measures the time of
    its clause from ("hours before", "minutes before") happened later, it is the newest news."""
    prep = token.head
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or prep.lower_ != "before":
        return False
    # the parser hangs the span on "before" ("[hours] before") or "before" on the span
    spans = [c for c in prep.children if c.dep_ == "npadvmod"] + [prep.head]
    return any(lexicon.is_cue(w.lemma_, "short-span") for w in spans)


def _conj_root(token: Any) -> int:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.i


def _depth(word: Any, lexicon: Any) -> int:
    """Arcs from `word` up to the sentence root, not counting a verb of saying at the top; a
    purpose clause ("began a strike to demand ...") counts as deep: it says why, not what."""
    clauses = [t for t in (word, *word.ancestors) if t.dep_ == "advcl"]
    purpose = any(any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) for t in clauses)
    # "one day after a jet shot down ...": an earlier happening told as the news's circumstance
    earlier = any(any(c.dep_ == "mark" and lexicon.is_cue(c.lower_, "recap") for c in t.children)
                  for t in clauses)
    depth = 0
    while word.head.i != word.i:
        word = word.head
        depth += 1
    if depth and lexicon.is_cue(word.lemma_.lower(), "report"):
        depth -= 1
    return depth + (2 if purpose else 0) + (1 if earlier else 0)


def _confidence(token: Any, roles: Roles, timed: bool) -> float:
    """A plain score: how much of the event the parse could fill in."""
    score = 0.35
    if roles.source is not None and roles.source.country:
        score += 0.25
    if roles.target is not None and roles.target.country:
        score += 0.15
    if token.pos_ == "VERB":
        score += 0.1
    if timed:
        score += 0.05
    return round(min(score, 0.95), 2)


def _told_by_a_party(c: Candidate) -> bool:
    """The report's own voice or one of the parties' ("the ministry said"); a third party's
    account ("Biden said both sides agreed ...") retells an agreement, it reports no talks."""
    speaker = c.roles.speaker
    if c.roles.attributed_to is None or speaker is None or not speaker.country:
        return True
    return speaker.country in _countries(c)


def _implied_meetings(found: list[Candidate]) -> list[Candidate]:
    """ "Japan and South Korea agreed ...": a joint agreement reported as news was reached in
    talks, so it also asserts a CONSULT between the two (unless the sentence names the talks).
    Signing a document ("signed a security pact") may close talks held long before."""
    if any(c.type == "CONSULT" for c in found):
        return []
    out = []
    for c in found:
        joint = c.roles.joint and c.roles.source is not None and c.roles.target is not None and (
            c.roles.source.country and c.roles.target.country
            and c.roles.source.country != c.roles.target.country
        )
        if c.type == "AGREE" and joint and c.verbal and not c.background and (
                c.status == "occurred") and _told_by_a_party(c) and not c.signed:
            talks = replace(c.entry, type="CONSULT", mode="meeting", cameo="040")
            out.append(replace(c, type="CONSULT", entry=talks, additional=False, implied=True,
                               confidence=round(c.confidence - 0.1, 2)))
            break
    return out


# --------------------------------------------------------------------------- across sentences


def _carry_background(candidates: list[Candidate]) -> list[Candidate]:
    """A past-tense event with no time cue right after a recap continues the recap
    ("... a 1965 treaty. Japan then tightened controls.")."""
    out: list[Candidate] = []
    previous_background = False
    previous_sentence = -1
    for c in candidates:
        if c.sentence.index != previous_sentence:
            sentence_events = [o for o in candidates if o.sentence.index == previous_sentence]
            previous_background = bool(sentence_events) and all(
                o.background for o in sentence_events)
            if c.sentence.index - previous_sentence > 1:
                previous_background = False
            previous_sentence = c.sentence.index
        if (previous_background and not c.background and not c.has_time_cue and c.past_tense
                and c.sequel):
            c = replace(c, background=True, date=None)
        out.append(c)
    return out


def _countries(c: Candidate) -> tuple[str | None, str | None]:
    src = c.roles.source.country if c.roles.source else None
    tgt = c.roles.target.country if c.roles.target else None
    return src, tgt


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _share_a_party(a: Candidate, b: Candidate) -> bool:
    """ "Israel and Hamas announced a ceasefire after they agreed to an Egyptian-brokered
    proposal": in one sentence, two tellings of a joint act that share a party are one act (the
    other party of one is often a broker or a misreading)."""
    return bool({x for x in _countries(a) if x} & {x for x in _countries(b) if x})


def _mode(c: Candidate) -> str | None:
    """The lexicon's mode when the event keeps the lexicon's type ("protest" said by a
    government is an ACCUSE, not a demonstration)."""
    return c.entry.mode if c.type == c.entry.type else None


def _distinct_modes(a: Candidate, b: Candidate) -> bool:
    """ "severed relations and expelled all diplomats": two coordinated acts of one type with
    different modes are two events, not one. Coordinated words of one speaker ("We strongly
    protest and seriously condemn ...") make one statement."""
    coordinated = a.conj_root == b.conj_root and a.trigger_i != b.trigger_i
    return (coordinated and a.type in MODE_DISTINCT and a.type not in SPOKEN_TYPES
            and bool(_mode(a)) and bool(_mode(b)) and _mode(a) != _mode(b))


def _distinct_in_sentence(a: Candidate, b: Candidate) -> bool:
    """Two acts on persons in one sentence that are two happenings: different kinds of coercion
    ("approved a motion of censure against Castillo, who is held after being arrested") or
    different persons acted on ("arrested Wine and detained Kyagulanyi's aide")."""
    if a.type not in PERSONAL_TYPES:
        return False
    # "killed ... when a jet bombed the village" is one attack; an arrest and a dissolution of
    # parliament are two measures
    if a.type == "COERCE" and _mode(a) and _mode(b) and _mode(a) != _mode(b):
        return True
    return _different_people(a.roles.target, b.roles.target)


def _same_happening(a: Candidate, b: Candidate) -> bool:
    if a.type != b.type:
        return False
    if a.sentence.index == b.sentence.index and not _distinct_modes(a, b):
        # one sentence tells one happening of a type, unless it names different actors, acts or
        # times ("approved a motion against Castillo, who is held after being arrested")
        if _distinct_in_sentence(a, b):
            return False
        (sa, ta), (sb, tb) = _countries(a), _countries(b)
        return _compatible(sa, sb) or (a.type in JOINT_TYPES and (
            _compatible(sa, tb) or _share_a_party(a, b)))
    if a.background != b.background or b.additional:
        return False
    if a.type in MODE_DISTINCT and _mode(a) and _mode(b) and _mode(a) != _mode(b):
        return False
    if not b.continued and a.date and b.date and not (
            a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    if a.background and b.background and (a.date is None) != (b.date is None):
        return False  # "their leaders agreed ..." and "a 1965 treaty": which recap is which?
    if {a.status, b.status} == {"occurred", "planned"} and a.verbal and b.verbal and (
            not b.continued):
        return False  # "summoned the deputy chief ... is considering summoning the ambassador"
    (sa, ta), (sb, tb) = _countries(a), _countries(b)
    if a.type in PERSONAL_TYPES and _different_people(a.roles.target, b.roles.target):
        return False  # "Another opposition candidate was also arrested": a second arrest
    if a.type in SPOKEN_TYPES and _different_people(a.roles.source, b.roles.source):
        return False  # the company called the verdict regrettable, the minister unacceptable
    if _compatible(sa, sb) and _compatible(ta, tb):
        return True
    # "Japan and South Korea met" ... "South Korea and Japan agreed": one joint act told from
    # either side; but "Taiwan put its military on alert" answers China's drills
    joint = a.type != "MOBILIZE" or a.roles.joint or b.roles.joint
    return a.type in JOINT_TYPES and joint and _compatible(sa, tb) and _compatible(ta, sb)


# Acts one party does to another: in a two-country story a same-country pair is a misreading.
BETWEEN_STATES = frozenset({"CONSULT", "AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
                            "SANCTION", "SUPPORT"})
PERSONAL_TYPES = frozenset({"COERCE", "ASSAULT"})  # done to persons: a new target, a new event
SPOKEN_TYPES = frozenset({"SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})  # said by one
COUNTRY_LEVEL = frozenset({"country", "country-name", "capital", "adjective", "demonym",
                           "coref-country", "story-dyad", "outlet-country", "home-country",
                           "unresolved"})


REFERRING_HOW = COUNTRY_LEVEL | {"pronoun"}


def _different_people(a: ActorRef | None, b: ActorRef | None) -> bool:
    """Two named persons or bodies, not two ways of naming a country."""
    if a is None or b is None or not a.name or not b.name:
        return False
    if (a.how or "").split("+")[0] in REFERRING_HOW or (b.how or "").split("+")[0] in REFERRING_HOW:
        return False  # a country, or "he" / "she" pointing back at someone named before
    # "Castillo" and "Pedro Castillo": one person named in full, then by surname (as resolved
    # or as written)
    names_a = [set(n.lower().split()) for n in (a.name, a.text) if n]
    names_b = [set(n.lower().split()) for n in (b.name, b.text) if n]
    return not any(x <= y or y <= x for x in names_a for y in names_b)


def _fill(kept: Candidate, other: Candidate) -> Candidate:
    """Keep the first telling, completing what it lacks from a later one. A caption or list
    line without a verb ("The aftermath of a junta jet's bombing of Pa Zi Gyi") gives way to a
    later telling in a full clause ("a regime jet fighter bombed Pa Zi Gyi Village")."""
    if kept.fragment and not other.fragment:
        kept, other = other, kept
    roles = kept.roles
    if roles.source is None and other.roles.source is not None:
        roles = replace(roles, source=other.roles.source)
    if roles.target is None and other.roles.target is not None:
        roles = replace(roles, target=other.roles.target)
    date = kept.date if kept.has_time_cue or not other.has_time_cue else other.date
    background = kept.background
    if (other.background and not kept.background and other.has_time_cue
            and other.sentence.index == kept.sentence.index):
        background, date = True, other.date  # "rulings late last year, ordering ...": one recap
    return replace(kept, roles=roles, date=date, background=background,
                   confidence=max(kept.confidence, other.confidence))


def _same_parties(a: Candidate, b: Candidate) -> bool:
    """Two events of one sentence between the same parties (in either order)."""
    (sa, ta), (sb, tb) = _countries(a), _countries(b)
    return (_compatible(sa, sb) and _compatible(ta, tb)) or (
        _compatible(sa, tb) and _compatible(ta, sb))


def _agreed_in_talks(c: Candidate, sentence: list[Candidate], doc: Any) -> bool:
    """ "X and Y agreed over the phone to ...", "In their talks, X and Y agreed ...", "spoke by
    phone and agreed ...": the parties' agreeing told together with the talks that reached it."""
    if c.type != "AGREE" or not c.verbal:
        return False
    if any(o.type == "CONSULT" and not o.implied and _names_parties(o) and _same_parties(o, c)
           for o in sentence):
        return True
    verb = doc[c.roles.predicate_i]
    return any(prep.dep_ == "prep" and prep.lower_ in FRAMING_PREPS and any(
        obj.dep_ == "pobj" and _is_setting(obj) for obj in prep.children)
        for prep in verb.children)


def _names_parties(c: Candidate) -> bool:
    """Talks with both sides named ("Japan and South Korea ... over the telephone"), not a
    conference with nobody named as its parties."""
    src, tgt = _countries(c)
    return bool(src and tgt)


def _ended_with(talks: Candidate, terms: Candidate, doc: Any) -> bool:
    """ "Modi and Xi ended their informal meetings with a promise to reduce tensions", "concluded
    the talks with an agreement": talks told by what they ended with report the agreement."""
    if terms.type != "AGREE" or talks.sentence.index != terms.sentence.index:
        return False
    word = doc[terms.trigger_i]
    prep = word.head
    return (word.dep_ == "pobj" and prep.lower_ == "with"
            and prep.head.i == talks.roles.predicate_i and talks.trigger_i != prep.head.i)


def _talks_or_terms(candidates: list[Candidate], doc: Any) -> list[Candidate]:
    """A sentence telling talks and what the parties agreed in them reports one happening. The
    first telling of the talks is the talks (CONSULT); once they are told, a later sentence's news
    is what was agreed ("The two sides agreed in the talks to ...")."""
    told: list[Candidate] = []
    dropped: set[int] = set()
    for n, c in enumerate(candidates):
        if c.type != "CONSULT":
            continue
        sentence = [o for o in candidates if o.sentence.index == c.sentence.index]
        if any(_ended_with(c, o, doc) for o in sentence):
            dropped.add(n)  # "ended their meetings with a promise to ...": told by the outcome
            continue
        terms = [m for m, o in enumerate(candidates) if o.sentence.index == c.sentence.index
                 and o.background == c.background and _same_parties(o, c)
                 and _agreed_in_talks(o, sentence, doc)]
        if terms and any(_same_happening(t, c) for t in told):
            dropped.add(n)
        else:
            dropped.update(terms)
            told.append(c)
    return [c for n, c in enumerate(candidates) if n not in dropped]


def _merge(candidates: list[Candidate]) -> list[Candidate]:
    """One event per distinct happening: later tellings merge into the first."""
    kept: list[Candidate] = []
    for c in candidates:
        for n, k in enumerate(kept):
            if _same_happening(k, c):
                kept[n] = _fill(k, c)
                break
        else:
            kept.append(c)
    return kept


def story_dyad(mentions: Sequence[ActorMention]) -> tuple[str, ...]:
    """The one or two countries the article is about: the most mentioned, the lead weighing
    double. A second country counts only if it is mentioned at least a third as often."""
    weight: dict[str, float] = {}
    for m in mentions:
        if m.ref.country:
            weight[m.ref.country] = weight.get(m.ref.country, 0) + (2 if m.sent_index < 3 else 1)
    ranked = sorted(weight.items(), key=lambda kv: -kv[1])
    if not ranked:
        return ()
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] / 3:
        return (ranked[0][0], ranked[1][0])
    return (ranked[0][0],)


def _with_country(ref: ActorRef | None, country: str) -> ActorRef:
    """`ref` placed in `country` (keeping its text and sector), or the bare country."""
    if ref is None:
        return ActorRef(text=None, country=country, code=country, how="story-dyad")
    code = country + (ref.sector or "")
    how = f"{ref.how}+story-dyad" if ref.how else "story-dyad"
    return replace(ref, country=country, code=code, how=how)


# Sectors of actors that belong to no state, and the actor rules that read a country straight
# from the words of the phrase (so the story's dyad may not overrule them).
STATELESS_SECTORS = frozenset({"IGO", "NGO"})
OUTRIGHT_HOW = frozenset({"country-name", "adjective", "demonym", "capital", "seat",
                          "office-holder", "former-office", "apposition", "represents"})


def _stateless(ref: ActorRef | None) -> bool:
    return ref is not None and ref.country is None and ref.sector in STATELESS_SECTORS


def _named_outright(ref: ActorRef | None) -> bool:
    return ref is not None and (ref.how or "").split("+")[0] in OUTRIGHT_HOW


def _is_envoy(ref: ActorRef | None, lexicon: Any) -> bool:
    """A state's representative abroad ("the French ambassador", "Iran's envoy")."""
    words = (ref.text or "").lower().split() if ref is not None else []
    return any(lexicon.is_cue(w.strip(".,'’s"), "envoy") for w in words)


def _fill_from_dyad(c: Candidate, dyad: tuple[str, ...], lexicon: Any) -> Candidate:
    """Complete a missing side with the story's other party: in a report about Japan and South
    Korea, "the export restrictions" without a named target are Japan's on South Korea; in a
    report about one country, its own."""
    if not dyad:
        return c
    source, target = c.roles.source, c.roles.target
    if _stateless(source) or _stateless(target):
        # an international body acts for no state: "the EU imposed sanctions" gets no country
        return c
    src = source.country if source else None
    tgt = target.country if target else None
    if (src and tgt and src == tgt and len(dyad) == 2 and src in dyad
            and c.type in BETWEEN_STATES and not _named_outright(target)):
        # "the ministry accused them" in a Russia-US story: an act between the two parties
        other = next(d for d in dyad if d != src)
        return replace(c, roles=replace(c.roles, target=_with_country(target, other)),
                       confidence=round(max(0.05, c.confidence - 0.1), 2))
    if src and tgt:
        return c
    if src:
        others = [d for d in dyad if d != src]
        target = _with_country(target, others[0] if others else src)
    elif tgt:
        others = [d for d in dyad if d != tgt]
        if not others and c.type in BETWEEN_STATES and _is_envoy(target, lexicon):
            # "the ministry summoned / expelled the French ambassador": not France's own
            return c
        source = _with_country(source, others[0] if others else tgt)
    elif len(dyad) == 2:
        source, target = _with_country(source, dyad[0]), _with_country(target, dyad[1])
    else:
        # "there have been regular anti-government protests" in a report about one country
        source, target = _with_country(source, dyad[0]), _with_country(target, dyad[0])
    roles = replace(c.roles, source=source, target=target)
    return replace(c, roles=roles, confidence=round(max(0.05, c.confidence - 0.1), 2))


def _summons_at_home(c: Candidate) -> Candidate:
    """ "The High Court summoned the police chief", "Boluarte was summoned to take office": a
    diplomatic summons protests to a foreign state's envoy; an authority summoning its own
    officials or citizens demands that they appear (PLOVER REQUEST)."""
    src, tgt = _countries(c)
    if c.type != "ACCUSE" or c.entry.mode != "summons" or not src or src != tgt:
        return c
    return replace(c, type="REQUEST", entry=replace(c.entry, type="REQUEST", mode="demand",
                                                    cameo="10"))


def _ref_head(ref: ActorRef | None, c: Candidate, parsed: Parsed) -> Any:
    """The parse token heading the phrase that names `ref` in the candidate's sentence."""
    if ref is None or ref.start is None or ref.end is None:
        return None
    shift = c.sentence.start - c.sentence.body_start  # raw offsets -> parsed body offsets
    span = parsed.doc.char_span(ref.start - shift, ref.end - shift, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _gathering(c: Candidate, parsed: Parsed) -> bool:
    """ "Leaders of political parties met": members of one body meeting among themselves
    consult no counterpart; the "target" found is the body they belong to, named in a modifier
    of the doers' own noun, of their own country ("X and Y met" coordinates two parties;
    "Abdullah, who also met the prime minister" has a clause)."""
    src, tgt = _countries(c)
    if c.type != "CONSULT" or src != tgt:
        return False  # "the foreign ministers of Japan and South Korea met": two parties
    source = _ref_head(c.roles.source, c, parsed)
    target = _ref_head(c.roles.target, c, parsed)
    if source is None or target is None or target.i == source.i:
        return False
    word = target
    while word.dep_ in MEMBER_DEPS and word.head.i != word.i:
        word = word.head
        if word.i == source.i:
            return True
    return False


def _complete(c: Candidate) -> bool:
    """A consultation needs a counterpart: "Abe visited the Yasukuni shrine" is no CONSULT."""
    return c.type != "CONSULT" or c.roles.target is not None


def _title_words(parsed: Parsed) -> set[str]:
    return set(_norm(parsed.article.title or "").split())


def _main_index(kept: list[Candidate], parsed: Parsed) -> int | None:
    """The headline event: in the earliest sentence with news, the happening of its main clause,
    then the most material one, the title's word breaking ties."""
    news = [(n, c) for n, c in enumerate(kept) if not c.background and not c.fragment] or [
        (n, c) for n, c in enumerate(kept) if not c.background]
    pool = news or list(enumerate(kept))
    if not pool:
        return None
    first = min(c.sentence.index for _, c in pool)
    lead = [(n, c) for n, c in pool if c.sentence.index == first]
    title = _title_words(parsed)

    clause_events = {c.trigger_i for _, c in lead}

    def rank(item: tuple[int, Candidate]) -> tuple[bool, int, bool, int, int, int]:
        _, c = item
        in_title = c.trigger_lemma in title or c.trigger_text.lower() in title
        # the main clause tells the news, side clauses ("as police cracked down", "after a jet
        # shot down ...", "setting fire to ...") its circumstances
        depth = 0 if c.latest else min(c.depth, 2)
        setting = _setting_of(c, parsed.doc) in clause_events
        return (c.implied, depth, setting, MAIN_PRIORITY.index(c.type),
                0 if in_title else 1, c.trigger_i)

    return min(lead, key=rank)[0]


# --------------------------------------------------------------------------- events


def _event(parsed: Parsed, n: int, c: Candidate, main: bool, knowledge: Knowledge) -> Event:
    ontology = knowledge.ontology
    context = c.entry.context or ()
    return Event(
        event_id=f"{parsed.article.doc_id}:{n}",
        doc_id=parsed.article.doc_id,
        type=c.type,
        mode=_mode(c),
        context=tuple(context),
        source=c.roles.source,
        target=c.roles.target,
        date=c.date,
        date_text=c.date_text,
        status=c.status,
        background=c.background,
        attributed_to=c.roles.attributed_to,
        evidence=c.sentence.text,
        evidence_start=c.sentence.start,
        evidence_end=c.sentence.end,
        quad_class=ontology.quad_of(c.type),
        goldstein=ontology.goldstein_of(c.type, c.entry.cameo if c.type == c.entry.type else None),
        plover_score=ontology.plover_score(c.type),
        trigger=c.trigger_text,
        main=main,
        confidence=c.confidence,
    )
