"""Who one phrase refers to: the rules, in the order they are tried.

A phrase is a token span of the parsed body (a noun chunk, or the subject/object subtree an event
verb takes). What the phrase itself says wins over context:
1. pronouns and "the latter"/"the former" point back at earlier mentions;
2. group phrases ("the two countries", "both sides", "the officials") mean the dyad in focus;
3. a phrase headed by a person's name takes its country from the words around the name (title,
   apposition: "Choi Jong-kun, South Korea's first vice minister"), the office holders table on
   the article's date, or an earlier mention of the same name ("Choi" after "Choi Jong-kun");
4. other phrases combine an organisation, a country signal (name, adjective, possessive, capital or
   seat of power) and a sector word ("South Korea's top court" -> KOR JUD). Countries inside
   locative or directional phrases ("the German ambassador in Beijing", "ambassador to Germany",
   "Iranian-backed") do not say whose actor it is and are skipped;
5. a sector word with no country ("the ministry", "police") is the country of the possessive's
   antecedent ("his police"), the other side of the dyad ("his counterpart"), the last mention of
   the same sector nearby ("The ministry" after "The Russian Foreign Ministry"), or the article's
   home country (dateline, outlet).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from newsevents.actor.context import ArticleContext, article_context
from newsevents.actor.people import PeopleRules
from newsevents.actor.reference import ReferenceRules
from newsevents.actor.scan import AgentHit, DocScan, NameHit, scan_doc
from newsevents.actor.tokens import TokenTable, token_table
from newsevents.actor.words import (
    _ENTRY_HOW,
    CLAUSE_DEPS,
    DIPLOMAT_WORDS,
    INTERCEPT_LEMMAS,
    MODIFIER_DEPS,
    PART_NOUNS,
    PLACE_PREPS,
    SPEECH_LEMMAS,
    SPONSOR_LEMMAS,
    STATE_NOUNS,
    TRADE_WORDS,
    TRAILING_PLACE_PREPS,
)
from newsevents.knowledge.actorkb import ActorKB, KBEntry, actor_code
from newsevents.records import ActorMention, ActorRef, Parsed

MAX_NESTING = 2
INTERNATIONAL_SECTORS = frozenset({"IGO", "NGO"})  # how deep a rule may resolve another phrase to decide this one


@dataclass(frozen=True)
class Signal:
    """A name or sector word inside a phrase and how it attaches to the phrase's head."""

    start: int
    end: int
    place: bool  # inside a locative/directional phrase or a sponsor compound: not the actor's own
    direct: bool  # the head itself, or a modifier/possessor of the head
    via: str  # the preposition it hangs from ("of", "from", ...), or ""


class Resolver(ReferenceRules, PeopleRules):
    """Resolves spans of one parsed article against one knowledge base."""

    def __init__(self, parsed: Parsed, kb: ActorKB,
                 mentions: Sequence[ActorMention] = ()) -> None:
        self.parsed = parsed
        self.doc = parsed.doc
        self.kb = kb
        self.scan: DocScan = scan_doc(parsed.doc, kb)
        self.tokens: TokenTable = token_table(parsed.doc)
        self._roots: dict[tuple[int, int], Any] = _span_roots(parsed.doc, self.scan)
        self.context: ArticleContext = article_context(parsed, self.scan, kb)
        self.day = parsed.article.pub_date
        self.mentions = tuple(sorted(mentions, key=lambda m: m.tok_start))
        self._persons: dict[int, ActorRef | None] = {}
        self._depth = 0  # nesting of rules that resolve another phrase (a clause's subject)

    # ------------------------------------------------------------------ entry points

    def resolve(self, start: int, end: int) -> ActorRef | None:
        """Who doc[start:end] refers to, or None when it is not an actor."""
        start, end = self._trim(start, end)
        while start < end and start in self.context.datelines:
            start += 1  # "SEOUL, Aug. 22 (Yonhap) -- South Korea": the dateline is no actor
        start, end = self._trim(start, end)
        if start >= end or self._is_outlet_credit(start, end):
            return None
        ref = self._resolve_core(start, end)
        return self._placed(ref, start, self._actor_end(start, end)) if ref is not None else None

    def _actor_end(self, start: int, end: int) -> int:
        """Where the actor's words stop: before a trailing time phrase ("the French ambassador
        over the weekend") or "in/at <place>" ("Abiy Ahmed in Addis Ababa"), which say when
        and where, not who."""
        root = self._span_root(start, end)
        cut = end
        for child in reversed(list(root.rights)):
            sub = sorted(t.i for t in child.subtree)
            if sub[-1] + 1 < cut - 1 or sub[0] <= root.i or sub[0] < start:
                break
            if not (self._time_phrase(child) or self._place_phrase(child)):
                break
            cut = sub[0]
        while cut > root.i + 1 and self.doc[cut - 1].is_punct:
            cut -= 1
        return cut if cut > start else end

    @staticmethod
    def _time_phrase(token: Any) -> bool:
        objects = [c for c in token.children if c.dep_ == "pobj"] if token.dep_ == "prep" \
            else [token] if token.dep_ in ("npadvmod", "nmod") else []
        return any(o.ent_type_ in ("DATE", "TIME") for o in objects)

    def _place_phrase(self, token: Any) -> bool:
        if token.dep_ != "prep" or token.lower_ not in TRAILING_PLACE_PREPS:
            return False
        for obj in token.children:
            hit = self.scan.name_at.get(obj.i) or next(
                (self.scan.name_at[t.i] for t in obj.subtree if t.i in self.scan.name_at), None)
            if obj.dep_ == "pobj" and hit is not None \
                    and hit.entry.kind in ("country", "capital", "region"):
                return True
        return False

    def resolve_group(self, start: int, end: int) -> tuple[ActorRef, ...]:
        """Every party a plural or coordinated phrase names ("Japan and South Korea")."""
        start, end = self._trim(start, end)
        if start >= end:
            return ()
        if self._is_group_phrase(start, end):
            refs = self._earlier_group(start, end) or tuple(
                self._country_ref(c, "GOV", "dyad") for c in self.context.dyad(start, (start, end)))
            return tuple(self._placed(r, start, end) for r in refs)
        inner = self._group_within(start, end)
        if inner:
            sector = self._sector_of(start, end) or "GOV"
            return tuple(self._placed(self._country_ref(c, sector, "dyad"), start, end)
                         for c in inner)
        parties = self._coordinated_countries(start, end)
        if len(parties) >= 2:
            sector = self._sector_of(start, end) or "GOV"
            return tuple(self._placed(self._country_ref(c, sector, "coordination"), start, end)
                         for c in parties)
        one = self.resolve(start, end)
        return (one,) if one is not None else ()

    def _is_outlet_credit(self, start: int, end: int) -> bool:
        """"(Yonhap)", "(AFP)", or the outlet's own name: the reporter is never a party."""
        hit = self.scan.name_at.get(start)
        if hit is None or hit.end != end or hit.entry.sector != "MED":
            return False
        if start > 0 and self.doc[start - 1].text == "(":
            return True
        outlet = (self.parsed.article.outlet or "").lower()
        written = self.doc[start:end].text.lower()
        return bool(outlet) and (written in outlet or hit.entry.name.lower() in outlet)

    def _earlier_group(self, start: int, end: int) -> tuple[ActorRef, ...]:
        """"The officials" after "Pakistani and Afghan officials": the parties of the earlier
        phrase with the same head noun (one party when it named one: "Afghan officials")."""
        earlier = self._same_head_mention(start, self._span_root(start, end))
        if earlier is None:
            return ()
        parties = self._coordinated_countries(earlier.tok_start, earlier.tok_end)
        sector = earlier.ref.sector or "GOV"
        if len(parties) >= 2:
            return tuple(self._country_ref(c, sector, "coref") for c in parties)
        return (self._relabel(earlier.ref, "coref"),)

    # ------------------------------------------------------------------ core

    def _resolve_core(self, start: int, end: int) -> ActorRef | None:
        root = self._span_root(start, end)
        lowered = self._span_text(start, end).lower()
        if end - start == 1 and root.pos_ == "PRON" or lowered in (
                "the latter", "the former", "latter", "former"):
            return self._pronoun(start, end)
        if self._is_bilateral_pact(root):
            dyad = self.context.dyad(start, (start, end))
            return self._country_ref(dyad[0], "GOV", "dyad") if dyad else None
        if self._is_group_phrase(start, end):
            earlier = self._same_head_mention(start, root)
            if earlier is not None:
                return self._relabel(earlier.ref, "coref")
            owner = self._owner_not_dyad(start, end, root)
            if owner is not None:
                return owner
            dyad = self.context.dyad(start, (start, end))
            if not dyad:
                return None
            party = dyad[1] if len(dyad) > 1 and self._clause_subject_country(
                start, end, root) == dyad[0] else dyad[0]
            return self._country_ref(party, "GOV", "dyad")
        person = self.scan.person_at.get(root.i)
        if person is not None:
            return self._person_phrase(person, start, end)
        inner = self._group_within(start, end)
        if inner:
            return self._country_ref(inner[0], self._sector_of(start, end) or "GOV", "dyad")
        return self._described(start, end, root)

    def _described(self, start: int, end: int, root: Any) -> ActorRef | None:
        """A phrase built from an organisation, country signals and sector words."""
        signals = self._signals(start, end, root)
        names = [(s, self.scan.name_at[s.start]) for s in signals if s.start in self.scan.name_at
                 and self.scan.name_at[s.start].entry.kind != "person"
                 or s.start in self.scan.name_at and s.start not in self.scan.person_at]
        agents = [(s, self.scan.agent_at[s.start]) for s in signals
                  if s.start in self.scan.agent_at]
        own_names = [(s, h) for s, h in names if not s.place]
        own_names += self._person_signals(signals, root)
        org = self._best([(s, h) for s, h in own_names if h.entry.kind == "org"])
        agent = self._head_agent(agents, root)
        if agent is not None and agent.agent.kind == "weapon" and _instrument(root):
            return None  # "Houthis launched missiles at ships": the target is the ships
        root_name = self.scan.name_at.get(root.i)
        if root_name is not None and root_name.entry.kind == "region" \
                and not root_name.entry.country:
            root_name = None
        if org is None and agent is None and root_name is None:
            return (self._affiliated(own_names, root) or self._traded_goods(start, end, root)
                    or self._possessor(start, end, root) or self._named_resident(start, end, root))
        country, how = self._country_from(own_names, org)
        if agent is not None and agent.agent.kind == "weapon":
            user = self.launched_by(root)
            country, how = (user, "weapon-user") if user else (country, how)
        if country is None and agent is not None:
            country, how = self._country_from_places(names, agent)
        sector, code = self._sector_from(org, agent, root_name, root)
        if org is not None and entry_is_international(org.entry):
            branch = self._national_branch(own_names, org)
            if branch is not None:
                return ActorRef(text=None, name=org.entry.name, country=branch, sector=sector,
                                code=actor_code(branch, sector), how="org")
            own = self._represented_country(own_names, org, agent, root)
            if own is None:  # "the UN envoy for Yemen", "EU sanctions": the organisation itself
                return ActorRef(text=None, name=org.entry.name, country=None, sector=sector,
                                code=org.entry.code, how="org")
            return ActorRef(text=None, name=self.kb.country_name(own), country=own,
                            sector="GOV", code=actor_code(own, "GOV"), how="represents")
        if org is not None:
            entry = org.entry
            country = country or entry.country
            if country is None and entry.sector == "GOV":
                country, how = self._context_country(start, end, root, agent)
            return ActorRef(text=None, name=entry.name, country=country, sector=sector,
                            code=entry.code if country == entry.country or not country
                            else actor_code(country, sector), how="org")
        if country is None and agent is not None and agent.agent.sector == "IGO":
            recent = self._recent_organisation(start, "IGO")
            if recent is not None:  # "the bloc" after "the European Union"
                return self._relabel(recent, "coref")
        if country is None:
            country, how = self._context_country(start, end, root, agent)
        if country is None and sector is None:
            return None
        if agent is None and org is None and sector == "GOV" and self._acts_militarily(root):
            sector, code = "MIL", "MIL"
        name = self.kb.country_name(country) if root_name is None else root_name.entry.name
        return ActorRef(text=None, name=name, country=country, sector=sector,
                        code=actor_code(country, code), how=how)

    def _represented_country(self, names: list[tuple[Signal, NameHit]], org: NameHit,
                             agent: AgentHit | None, root: Any) -> str | None:
        """"Iran's UN ambassador": a state's own diplomat at an organisation (the head is a
        diplomat word and the state its possessor or adjective), else None."""
        if agent is None or agent.agent.words not in DIPLOMAT_WORDS \
                or not agent.start <= root.i < agent.end:
            return None
        if org.entry.sector == "NGO":
            return None
        for signal, hit in names:
            country = self._entry_country(hit.entry)
            if hit is not org and country and signal.direct and signal.via == "":
                return country
        return None

    def _national_branch(self, names: list[tuple[Signal, NameHit]], org: NameHit
                         ) -> str | None:
        """"The Uganda Red Cross", "Amnesty's Kenya office": an NGO's national branch."""
        if org.entry.sector != "NGO":
            return None
        for signal, hit in names:
            country = self._entry_country(hit.entry)
            if hit is not org and country and signal.direct and signal.via == "" \
                    and hit.entry.kind in ("country", "adjective"):
                return country
        return None

    # ------------------------------------------------------------------ signals

    def _person_signals(self, signals: list[Signal], root: Any) -> list[tuple[Signal, NameHit]]:
        """People named inside a phrase ("Mr Putin's spokesman", "a lawyer for Kenyatta") lend
        it their country, as a pseudo name hit."""
        out = []
        for signal in signals:
            person = self.scan.person_at.get(signal.start)
            if person is None or signal.place or person.start <= root.i < person.end:
                continue
            ref = self.person_ref(person)
            if ref is not None and ref.country:
                entry = KBEntry("person", ref.name or person.text, ref.country, ref.sector)
                out.append((signal, NameHit(person.start, person.end, entry)))
        return out

    def _signals(self, start: int, end: int, root: Any) -> list[Signal]:
        signals: list[Signal] = []
        seen: set[tuple[int, int]] = set()
        for table in (self.scan.name_at, self.scan.agent_at, self.scan.person_at):
            for i in range(start, end):
                hit = table.get(i)
                if hit is None or (hit.start, hit.end) in seen:
                    continue
                seen.add((hit.start, hit.end))
                signals.append(self._signal(hit.start, hit.end, root, (start, end)))
        return signals

    def _signal(self, start: int, end: int, root: Any, span: tuple[int, int]) -> Signal:
        token = self._hit_root(start, end)
        place, via, direct = False, "", token.i == root.i or token.head.i == root.i
        hops = 0
        while token.i != root.i and span[0] <= token.head.i < span[1] and hops < 12:
            if token.dep_ in CLAUSE_DEPS:
                place = True
            if token.dep_ in ("prep", "agent"):
                via = via or token.lower_
                if token.lower_ in PLACE_PREPS:
                    place = True
            if token.lemma_.lower() in SPONSOR_LEMMAS and token.i >= end:
                place = True
            if token.head.i == token.i:
                break
            token = token.head
            hops += 1
        if end < len(self.doc) and self.doc[end].text == "-" and end + 1 < len(self.doc) \
                and self.doc[end + 1].lemma_.lower() in SPONSOR_LEMMAS:
            place = True
        return Signal(start, end, place, direct, via)

    def _span_root(self, start: int, end: int) -> Any:
        """The head of doc[start:end]: the token governed from outside the span. Among several,
        the first noun that is an argument (coordinated subjects the parser split), else the
        last modifier (a title run "IHC Chief Justice" before a name outside the span).
        Rules ask for the same spans' heads many times, so they are kept per Doc."""
        root = self._roots.get((start, end))
        if root is None:
            if 0 <= start <= end <= len(self.tokens):
                root = self.doc[self._root_index(start, end)]
            else:
                root = self._span_root_of_slice(start, end)
            self._roots[(start, end)] = root
        return root

    def _root_index(self, start: int, end: int) -> int:
        """`_span_root` read from the token table (a valid, non-negative span)."""
        head, tokens = self.tokens.head, self.tokens
        outside = [i for i in range(start, end) if not (start <= head[i] < end) or head[i] == i]
        words = [i for i in outside if not tokens.is_punct[i]] or outside
        nouns = [i for i in words if tokens.pos[i] in ("NOUN", "PROPN")]
        words = nouns or [i for i in words if tokens.pos[i] == "PRON"] or words
        if not words:
            return end - 1
        heads = [i for i in words if tokens.dep[i] not in MODIFIER_DEPS]
        named = [i for i in heads if i in self.scan.person_at]
        return named[0] if named else heads[0] if heads else words[-1]

    def _span_root_of_slice(self, start: int, end: int) -> Any:
        """`_span_root` for any slice bounds (negative or past the end), as spaCy cuts them."""
        outside = [t for t in self.doc[start:end]
                   if not (start <= t.head.i < end) or t.head.i == t.i]
        words = [t for t in outside if not t.is_punct] or outside
        nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN")]
        words = nouns or [t for t in words if t.pos_ == "PRON"] or words
        if not words:
            return self.doc[end - 1]
        heads = [t for t in words if t.dep_ not in MODIFIER_DEPS]
        named = [t for t in heads if t.i in self.scan.person_at]
        return named[0] if named else heads[0] if heads else words[-1]

    def _span_text(self, start: int, end: int) -> str:
        if self.tokens.valid(start, end):
            return self.tokens.span_text(start, end)
        return self.doc[start:end].text

    def _hit_root(self, start: int, end: int) -> Any:
        if self.tokens.valid(start, end):
            head = self.tokens.head
            for i in range(start, end):
                if not (start <= head[i] < end) or head[i] == i:
                    return self.doc[i]
            return self.doc[end - 1]
        for token in self.doc[start:end]:
            if not (start <= token.head.i < end) or token.head.i == token.i:
                return token
        return self.doc[end - 1]

    @staticmethod
    def _best(items: list[tuple[Signal, Any]]) -> Any:
        """The signal that says most about the head: direct, then of/from, then leftmost."""
        if not items:
            return None
        ranked = sorted(items, key=lambda p: (not p[0].direct, p[0].via not in ("", "of", "from",
                                                                               "for"),
                                              p[0].start))
        return ranked[0][1]

    def _head_agent(self, agents: list[tuple[Signal, AgentHit]], root: Any) -> AgentHit | None:
        own = [(s, h) for s, h in agents if not s.place]
        for _, hit in own:
            if hit.start <= root.i < hit.end:
                return self._group_of_post(own, hit) or hit
        if self._is_actor_word(root):
            before = [(s, h) for s, h in own if h.end <= root.i + 1]
            if before:
                return max(before, key=lambda p: p[1].end)[1]
        # A non-actor head ("a police station", "a drone attack") is an actor only through its
        # owner ("Japanese firms' assets"), a coordinated actor ("girls and women"), or, for
        # words naming a part or group ("Members of its own government", "118 of the party's
        # officials", "squads of police"), an of/from phrase.
        partitive = root.lemma_.lower() in PART_NOUNS or root.pos_ in ("NUM", "DET", "PRON")
        linked = [(s, h) for s, h in own if partitive and s.via in ("of", "from")
                  or s.direct and self._hit_root(h.start, h.end).dep_ in ("poss", "conj")
                  or partitive and s.direct]
        return linked[0][1] if linked else None

    @staticmethod
    def _group_of_post(own: list[tuple[Signal, AgentHit]], head: AgentHit) -> AgentHit | None:
        """"rebel leaders", "party officials", "police officials": a one-word title is a post
        within the group the word before it names, so the group's sector wins (the title alone
        says GOV or MIL). Groups of people keep their own word: "government
        troops" are MIL."""
        if head.agent.kind != "title" or head.end - head.start != 1:
            return None
        groups = [h for _, h in own if h.end == head.start and h.agent.kind in ("body", "people")]
        return groups[-1] if groups else None

    def _is_actor_word(self, token: Any) -> bool:
        """Names, people and title-like heads can take a sector word in front of them."""
        return (token.i in self.scan.person_at or token.i in self.scan.name_at
                or token.pos_ == "PROPN")

    def _country_from(self, names: list[tuple[Signal, NameHit]], org: NameHit | None
                      ) -> tuple[str | None, str]:
        with_country = [(s, h) for s, h in names if self._entry_country(h.entry)]
        best = self._best(with_country)
        if best is None:
            return None, ""
        return self._entry_country(best.entry), _ENTRY_HOW.get(best.entry.kind, best.entry.kind)

    def _country_from_places(self, names: list[tuple[Signal, NameHit]], agent: AgentHit
                             ) -> tuple[str | None, str]:
        """"Police in the capital, Dhaka": a domestic body takes the country it is in."""
        if agent.agent.words in DIPLOMAT_WORDS | {"mission", "counterpart"}:
            return None, ""
        located = [(s, h) for s, h in names if s.place and s.via in ("in", "at")
                   and self._entry_country(h.entry)]
        if not located:
            return None, ""
        return self._entry_country(located[0][1].entry), "location"

    def _entry_country(self, entry: KBEntry) -> str | None:
        if entry.kind == "person":
            role = entry.role_on(self.day)
            return role.country if role else entry.country
        return entry.country

    def _sector_from(self, org: NameHit | None, agent: AgentHit | None,
                     root_name: NameHit | None, root: Any) -> tuple[str | None, str | None]:
        """The head's own sector word wins ("the army, ... and the NDRF"); else a named
        organisation ("the Americas director for Human Rights Watch"); else any sector word."""
        head_agent = agent is not None and agent.start <= root.i < agent.end
        if org is not None and (agent is None or not head_agent
                                or org.entry.sector in ("REB", "OPP", "PTY", "NGO", "IGO")):
            return org.entry.sector, org.entry.sector
        if agent is not None:
            return agent.agent.sector, agent.agent.cameo
        if root_name is not None:
            sector = root_name.entry.sector or "GOV"
            return sector, sector
        return None, None

    def _acts_militarily(self, root: Any) -> bool:
        """"Russia seized the ships", "China launched drills": a state named as the doer of
        armed action acts through its military."""
        verb = root.head if root.dep_ in ("nsubj", "nsubjpass", "poss", "compound", "amod") \
            else None
        if root.dep_ == "pobj" and root.head.dep_ == "agent":
            verb = root.head.head
        if verb is None:
            return False
        if root.dep_ in ("poss", "compound", "amod"):
            lemma = verb.lemma_.lower()  # "Israeli bombardment", "Russia's shelling"
            return lemma in self.kb.military_objects or lemma in self.kb.military_verbs
        if verb.lemma_.lower() in self.kb.military_verbs:
            return True
        if verb.lemma_.lower() in SPEECH_LEMMAS and self._reports_military(verb):
            return True
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "nsubjpass")]
        objects += [g for o in objects for c in o.children if c.dep_ == "prep"
                    and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return any(o.lemma_.lower() in self.kb.military_objects for o in objects)

    def _recent_organisation(self, token_i: int, sector: str) -> ActorRef | None:
        """The last organisation of `sector` named within three sentences before `token_i`."""
        sent = self.context.sentence_of(token_i)
        first = self.context.sentence_bounds(max(0, sent - 3))[0]
        for mention in reversed(self.mentions):
            if first <= mention.tok_start < token_i and mention.ref.sector == sector \
                    and mention.ref.how == "org":
                return mention.ref
        return None

    def _reports_military(self, verb: Any) -> bool:
        """"China says military exercises by its navy are underway": a state reporting its own
        armed action (the reported clause's subject or verb is military) acts as its military."""
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            if clause.lemma_.lower() in self.kb.military_verbs:
                return True
            for child in clause.children:
                if child.dep_ in ("nsubj", "nsubjpass", "dobj") \
                        and child.lemma_.lower() in self.kb.military_objects \
                        and not any(t.i in self.scan.name_at for t in child.subtree):
                    return True
        return False

    def _owner_not_dyad(self, start: int, end: int, root: Any) -> ActorRef | None:
        """"their 118 senior officials" after "the CNRP": a possessive pronoun whose antecedent is
        one named group, not the two sides."""
        pronoun = next((c for c in root.children if c.dep_ == "poss" and c.pos_ == "PRON"
                        and start <= c.i < end), None)
        if pronoun is None:
            return None
        mention = self._antecedent(pronoun.i, pronoun.lower_)
        if mention is None or mention.ref.how in ("dyad", "coordination", "coref") \
                or not mention.ref.country:
            return None
        owner = mention.ref
        sector = "GOV" if root.lemma_.lower() in STATE_NOUNS else owner.sector
        return ActorRef(text=None, name=owner.name, country=owner.country, sector=sector,
                        code=actor_code(owner.country, sector), how="possessive")

    def _clause_subject_country(self, start: int, end: int, root: Any) -> str | None:
        """The country of the subject of the clause a non-subject phrase sits in ("The officials
        agreed on the importance of their countries cooperating": the officials')."""
        if root.dep_ in ("nsubj", "nsubjpass") and not _non_finite(root.head):
            return None  # the subject of a finite clause is the first party itself
        token = root
        for _ in range(8):
            if token.head.i == token.i:
                break
            token = token.head
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")
                            and not start <= c.i < end), None)
            if subject is None:
                continue
            sub = sorted(t.i for t in subject.subtree)
            if sub[0] <= start < sub[-1] + 1 or self._depth >= MAX_NESTING:
                return None  # the phrase is inside that subject, or we are nested too deep
            self._depth += 1
            try:
                ref = self._resolve_core(sub[0], sub[-1] + 1)
            finally:
                self._depth -= 1
            return ref.country if ref is not None else None
        return None

    def _group_within(self, start: int, end: int) -> tuple[str, ...]:
        """"troops from both sides", "officials of the two countries": the dyad, when the
        phrase's actors are drawn from a group phrase."""
        root = self._span_root(start, end)
        for prep in root.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
                continue
            for obj in prep.children:
                sub = sorted(t.i for t in obj.subtree)
                if obj.dep_ == "pobj" and start <= sub[0] and sub[-1] < end \
                        and self._is_group_phrase(sub[0], sub[-1] + 1):
                    return self.context.dyad(start, (start, end))
        return ()

    def _sector_of(self, start: int, end: int) -> str | None:
        root = self._span_root(start, end)
        agents = [(s, self.scan.agent_at[s.start]) for s in self._signals(start, end, root)
                  if s.start in self.scan.agent_at]
        agent = self._head_agent(agents, root)
        return agent.agent.sector if agent else None

    def _affiliated(self, names: list[tuple[Signal, NameHit]], root: Any) -> ActorRef | None:
        """"A legal representative for Kenyatta": someone acting for a named person."""
        if root.lemma_.lower() not in PART_NOUNS:
            return None
        people = [h.entry for s, h in names if h.entry.kind == "person" and h.entry.country
                  and (s.direct or s.via in ("of", "for"))]
        if not people:
            return None
        person = people[0]
        sector = person.sector or "GOV"
        return ActorRef(text=None, name=person.name, country=person.country, sector=sector,
                        code=actor_code(person.country, sector), how="affiliation")

    def _traded_goods(self, start: int, end: int, root: Any) -> ActorRef | None:
        """"barley imported from Australia", "Chinese imports": goods stand for the business
        of the country they come from."""
        for token in root.subtree:
            if not start <= token.i < end or token.lemma_.lower() not in TRADE_WORDS:
                continue
            for hit_start in range(token.i, end):
                hit = self.scan.name_at.get(hit_start)
                country = self._entry_country(hit.entry) if hit is not None else None
                if country:
                    return ActorRef(text=None, name=self.kb.country_name(country),
                                    country=country, sector="BUS",
                                    code=actor_code(country, "BUS"), how="goods-origin")
        return None

    def _possessor(self, start: int, end: int, root: Any) -> ActorRef | None:
        """"Japanese firms' seized assets": a non-actor head owned by an actor."""
        for child in root.children:
            if child.dep_ == "poss" and child.pos_ != "PRON" and start <= child.i < end:
                sub = sorted(t.i for t in child.subtree)
                return self._resolve_core(sub[0], sub[-1] + 1)
        return None

    def _named_resident(self, start: int, end: int, root: Any) -> ActorRef | None:
        """"Jackson Oduor in Kisumu": a full proper name the knowledge base does not know, placed
        "in <city>", is a private person there (the tagger may miss the name as a person's)."""
        if root.pos_ != "PROPN" or not any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                           and start <= c.i for c in root.children):
            return None
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i < end \
                    and self._place_phrase(prep):
                obj = next(c for c in prep.children if c.dep_ == "pobj")
                hit = self.scan.name_at.get(obj.i) or next(
                    self.scan.name_at[t.i] for t in obj.subtree if t.i in self.scan.name_at)
                country = self._entry_country(hit.entry)
                if country:
                    return ActorRef(text=None, name=self._span_text(start, root.i + 1),
                                    country=country, sector="CVL",
                                    code=actor_code(country, "CVL"), how="location")
        return None

    # ------------------------------------------------------------------ helpers

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        tokens = self.tokens
        start, end = max(0, start), min(len(tokens), end)
        while start < end and (tokens.is_punct[start] or tokens.is_space[start]):
            start += 1
        while end > start and (tokens.is_punct[end - 1] or tokens.is_space[end - 1]) \
                and tokens.text[end - 1] not in (".",):
            end -= 1
        if end > start and tokens.text[end - 1] == "." and end - 1 > start \
                and tokens.whitespace[end - 2]:
            end -= 1
        return start, end

    def _country_ref(self, country: str, sector: str, how: str) -> ActorRef:
        return ActorRef(text=None, name=self.kb.country_name(country), country=country,
                        sector=sector, code=actor_code(country, sector), how=how)

    @staticmethod
    def _relabel(ref: ActorRef, how: str) -> ActorRef:
        return replace(ref, how=how)

    def _placed(self, ref: ActorRef, start: int, end: int) -> ActorRef:
        """The ref with the span's text and raw offsets (raw[start:end] == text)."""
        article = self.parsed.article
        body_start = self.doc[start].idx
        body_end = self.doc[end - 1].idx + len(self.doc[end - 1].text)
        raw_start, raw_end = article.body_to_raw(body_start), article.body_to_raw(body_end)
        return replace(ref, text=article.raw[raw_start:raw_end], start=raw_start, end=raw_end)


ROOTS_KEY = "newsevents.span_roots"


def _span_roots(doc: Any, scan: DocScan) -> dict[tuple[int, int], Any]:
    """The Doc's memo of span heads (they depend on the Doc and its scan only)."""
    cached = doc.user_data.get(ROOTS_KEY)
    if cached is None or cached[0] is not scan:
        cached = (scan, {})
        doc.user_data[ROOTS_KEY] = cached
    return cached[1]


def entry_is_international(entry: KBEntry) -> bool:
    """An organisation of states or an NGO without a home state keeps its own identity."""
    return entry.sector in INTERNATIONAL_SECTORS and not entry.country


def _instrument(root: Any) -> bool:
    """A weapon its user's clause wields ("launched missiles", "struck Kyiv with drones") is the
    means of the action, not a party; weapons shot down or intercepted are the enemy's."""
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ == "with":
        return True
    return root.dep_ == "dobj" and verb.lemma_.lower() not in INTERCEPT_LEMMAS \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _non_finite(verb: Any) -> bool:
    """A gerund ("their countries cooperating") or a to-infinitive ("for them to meet")."""
    return verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
