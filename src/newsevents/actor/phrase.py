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
from newsevents.actor.scan import AgentHit, DocScan, NameHit, PersonHit, scan_doc
from newsevents.knowledge.actorkb import ActorKB, KBEntry, actor_code
from newsevents.records import ActorMention, ActorRef, Parsed

# Prepositions after which a country names a place or a partner, not the actor's own state.
PLACE_PREPS = frozenset({
    "in", "at", "to", "near", "into", "against", "with", "toward", "towards", "on", "over",
    "across", "around", "inside", "outside", "between", "about", "after", "before", "during",
    "under", "than", "like", "despite", "amid", "onto", "within", "through", "via", "by", "off",
    "along", "beyond", "throughout", "upon", "among", "behind", "since", "until",
})
# Verbs whose modifier is someone else: "Iranian-backed Houthis" are not Iranian.
SPONSOR_LEMMAS = frozenset({"back", "support", "sponsor", "fund", "arm", "ally", "align", "train",
                            "finance", "base", "link", "inspire", "affiliate"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})
GROUP_NOUNS = frozenset({"country", "nation", "side", "leader", "government", "minister",
                         "official", "neighbor", "neighbour", "state", "counterpart", "delegation",
                         "ally", "foreign minister", "administration", "capital", "party",
                         "diplomat", "negotiator", "envoy"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
SPEAKER_PRONOUNS = frozenset({"we", "us", "our", "ours", "i", "me", "my"})
SPEECH_LEMMAS = frozenset({"say", "tell", "add", "state", "announce", "declare", "insist",
                           "stress", "note", "claim", "write", "tweet"})
STATE_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic"})
DIPLOMAT_WORDS = frozenset({"ambassador", "envoy", "embassy", "diplomat", "consul", "consulate",
                            "special envoy", "charge d'affaires", "chargé d'affaires"})
# Sectors whose unqualified members are usually where the story happens ("police", "protesters").
LOCAL_SECTORS = frozenset({"CVL", "REB", "OPP", "MIL", "JUD"})
SPECIFIC_SECTORS = frozenset({"BUS", "JUD", "LEG", "MIL", "REB", "OPP", "NGO", "MED", "SPY"})
CONTEXT_HOWS = frozenset({"home-country", "coref-sector", "dyad", "location", "coref-country",
                          "foreign-diplomat", "pronoun"})
EXPLICIT_HOWS = frozenset({"country-name", "capital", "seat", "org", "adjective", "demonym",
                           "office-holder", "location"})
_ENTRY_HOW = {"country": "country-name", "capital": "capital", "seat": "seat", "org": "org",
              "adjective": "adjective", "demonym": "demonym", "person": "office-holder"}


@dataclass(frozen=True)
class Signal:
    """A name or sector word inside a phrase and how it attaches to the phrase's head."""

    start: int
    end: int
    place: bool  # inside a locative/directional phrase or a sponsor compound: not the actor's own
    direct: bool  # the head itself, or a modifier/possessor of the head
    via: str  # the preposition it hangs from ("of", "from", ...), or ""


class Resolver:
    """Resolves spans of one parsed article against one knowledge base."""

    def __init__(self, parsed: Parsed, kb: ActorKB,
                 mentions: Sequence[ActorMention] = ()) -> None:
        self.parsed = parsed
        self.doc = parsed.doc
        self.kb = kb
        self.scan: DocScan = scan_doc(parsed.doc, kb)
        self.context: ArticleContext = article_context(parsed, self.scan, kb)
        self.day = parsed.article.pub_date
        self.mentions = tuple(sorted(mentions, key=lambda m: m.tok_start))
        self._persons: dict[int, ActorRef | None] = {}

    # ------------------------------------------------------------------ entry points

    def resolve(self, start: int, end: int) -> ActorRef | None:
        """Who doc[start:end] refers to, or None when it is not an actor."""
        start, end = self._trim(start, end)
        if start >= end:
            return None
        ref = self._resolve_core(start, end)
        return self._placed(ref, start, end) if ref is not None else None

    def resolve_group(self, start: int, end: int) -> tuple[ActorRef, ...]:
        """Every party a plural or coordinated phrase names ("Japan and South Korea")."""
        start, end = self._trim(start, end)
        if start >= end:
            return ()
        if self._is_group_phrase(start, end):
            refs = tuple(self._country_ref(c, "GOV", "dyad")
                         for c in self.context.dyad(start, (start, end)))
            return tuple(self._placed(r, start, end) for r in refs)
        parties = self._coordinated_countries(start, end)
        if len(parties) >= 2:
            sector = self._sector_of(start, end) or "GOV"
            return tuple(self._placed(self._country_ref(c, sector, "coordination"), start, end)
                         for c in parties)
        one = self.resolve(start, end)
        return (one,) if one is not None else ()

    # ------------------------------------------------------------------ core

    def _resolve_core(self, start: int, end: int) -> ActorRef | None:
        span = self.doc[start:end]
        root = self._span_root(start, end)
        lowered = span.text.lower()
        if end - start == 1 and root.pos_ == "PRON" or lowered in (
                "the latter", "the former", "latter", "former"):
            return self._pronoun(start, end)
        if self._is_group_phrase(start, end):
            dyad = self.context.dyad(start, (start, end))
            return self._country_ref(dyad[0], "GOV", "dyad") if dyad else None
        person = self.scan.person_at.get(root.i)
        if person is not None:
            return self._person_phrase(person, start, end)
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
        root_name = self.scan.name_at.get(root.i)
        if root_name is not None and root_name.entry.kind == "region" \
                and not root_name.entry.country:
            root_name = None
        if org is None and agent is None and root_name is None:
            return self._possessor(start, end, root)
        country, how = self._country_from(own_names, org)
        if country is None and agent is not None:
            country, how = self._country_from_places(names, agent)
        sector, code = self._sector_from(org, agent, root_name)
        if org is not None:
            entry = org.entry
            country = country or entry.country
            return ActorRef(text=None, name=entry.name, country=country, sector=sector,
                            code=entry.code if country == entry.country or not country
                            else actor_code(country, sector), how="org")
        if country is None:
            country, how = self._context_country(start, end, root, agent)
        if country is None and sector is None:
            return None
        if agent is None and org is None and sector == "GOV" and self._acts_militarily(root):
            sector, code = "MIL", "MIL"
        name = self.kb.country_name(country) if root_name is None else root_name.entry.name
        return ActorRef(text=None, name=name, country=country, sector=sector,
                        code=actor_code(country, code), how=how)

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
        """The head of doc[start:end]: the token governed from outside the span; among several
        (a run of compounds, or a noun and a phrase the parser hung elsewhere), the rightmost
        noun, which is the one the others modify."""
        outside = [t for t in self.doc[start:end]
                   if not (start <= t.head.i < end) or t.head.i == t.i]
        words = [t for t in outside if not t.is_punct] or outside
        nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN")]
        words = nouns or [t for t in words if t.pos_ == "PRON"] or words
        return words[-1] if words else self.doc[end - 1]

    def _hit_root(self, start: int, end: int) -> Any:
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
                return hit
        if self._is_actor_word(root):
            before = [(s, h) for s, h in own if h.end <= root.i + 1]
            if before:
                return max(before, key=lambda p: p[1].end)[1]
        # A non-actor head ("a police station", "a drone attack") is an actor only through its
        # owner or an of/from/for phrase ("Members of its own government").
        linked = [(s, h) for s, h in own if s.via in ("of", "from", "for")
                  or s.direct and self._hit_root(h.start, h.end).dep_ in ("poss", "conj")]
        return linked[0][1] if linked else None

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
        if agent.agent.words in ("ambassador", "envoy", "embassy", "diplomat", "consulate",
                                 "consul", "mission", "special envoy", "counterpart"):
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
                     root_name: NameHit | None) -> tuple[str | None, str | None]:
        if org is not None and (agent is None or agent.start < org.start
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
        verb = root.head if root.dep_ in ("nsubj", "nsubjpass", "poss", "compound") else None
        if root.dep_ == "pobj" and root.head.dep_ == "agent":
            verb = root.head.head
        if verb is None:
            return False
        if root.dep_ in ("poss", "compound"):
            return verb.lemma_.lower() in self.kb.military_objects
        if verb.lemma_.lower() in self.kb.military_verbs:
            return True
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        return any(o.lemma_.lower() in self.kb.military_objects for o in objects)

    def _sector_of(self, start: int, end: int) -> str | None:
        root = self._span_root(start, end)
        agents = [(s, self.scan.agent_at[s.start]) for s in self._signals(start, end, root)
                  if s.start in self.scan.agent_at]
        agent = self._head_agent(agents, root)
        return agent.agent.sector if agent else None

    def _possessor(self, start: int, end: int, root: Any) -> ActorRef | None:
        """"Japanese firms' seized assets": a non-actor head owned by an actor."""
        for child in root.children:
            if child.dep_ == "poss" and child.pos_ != "PRON" and start <= child.i < end:
                sub = sorted(t.i for t in child.subtree)
                return self._resolve_core(sub[0], sub[-1] + 1)
        return None

    # ------------------------------------------------------------------ context rules

    def _context_country(self, start: int, end: int, root: Any, agent: AgentHit | None
                         ) -> tuple[str | None, str]:
        owner = self._possessive_owner(start, end, root)
        words = agent.agent.words if agent is not None else ""
        if owner is not None and owner.country:
            if words == "counterpart":
                return self._other_side(start, owner.country), "counterpart"
            return owner.country, "possessive"
        if words == "counterpart":
            return self._other_side(start, None), "counterpart"
        if agent is not None:
            recent = self._recent_same_sector(start, agent)
            if recent:
                return recent, "coref-sector"
        if root.lemma_.lower() in STATE_NOUNS and root.tag_ == "NN":
            recent = self._recent_country(start, self._region_members(start, end))
            if recent:
                return recent, "coref-country"
        if agent is not None and words in DIPLOMAT_WORDS:
            foreign = self._other_side(start, self.context.home)
            if foreign:
                return foreign, "foreign-diplomat"
        if agent is not None and agent.agent.kind in ("people", "thing") or \
                agent is not None and agent.agent.sector in LOCAL_SECTORS:
            located = self._sentence_location(start, end)
            if located:
                return located, "location"
        if agent is not None and agent.agent.sector == "REB":
            # Insurgents fight where the story last was, not for the outlet's country.
            recent = self._recent_country(start)
            if recent:
                return recent, "coref-country"
        home = self.context.home
        return (home, "home-country") if home else (None, "")

    def _sentence_location(self, start: int, end: int) -> str | None:
        """The country of an "in X" phrase of the sentence ("fought extremists in Mali")."""
        sent = self.context.sentence_of(start)
        first, last = self.context.sentence_bounds(sent)
        for hit in self.scan.names:
            if not (first <= hit.start < last) or start <= hit.start < end:
                continue
            country = self._entry_country(hit.entry)
            token = self._hit_root(hit.start, hit.end)
            prep = token.head if token.dep_ == "pobj" else None
            if country and prep is not None and prep.lower_ in ("in", "inside", "across",
                                                                "throughout", "within"):
                return country
        return None

    def _region_members(self, start: int, end: int) -> frozenset[str]:
        members: set[str] = set()
        for i in range(start, end):
            hit = self.scan.name_at.get(i)
            if hit is not None and hit.entry.kind == "region":
                members.update(hit.entry.members)
        return frozenset(members)

    def _recent_country(self, token_i: int, among: frozenset[str] = frozenset()) -> str | None:
        """"the Baltic state", "the country": the last country named before the phrase (in the
        region when one is named), preferring one not already named in the same sentence."""
        sent_start = self.context.sentence_bounds(self.context.sentence_of(token_i))[0]
        in_sentence = set(self.context.countries_between(sent_start, token_i))
        earlier = [c for i, c in self.context.country_tokens
                   if i < token_i and (not among or c in among)]
        for country in reversed(earlier):
            if country not in in_sentence:
                return country
        return earlier[-1] if earlier else None

    def _possessive_owner(self, start: int, end: int, root: Any) -> ActorRef | None:
        for child in root.children:
            if child.dep_ == "poss" and child.pos_ == "PRON" and start <= child.i < end:
                return self._pronoun(child.i, child.i + 1)
        return None

    def _other_side(self, token_i: int, own: str | None) -> str | None:
        if own is None:
            own = self._previous_country(token_i)
        for country in self.context.dyad(token_i):
            if country != own:
                return country
        return None

    def _previous_country(self, token_i: int) -> str | None:
        sent = self.context.sentence_of(token_i)
        start, _ = self.context.sentence_bounds(sent)
        for mention in reversed(self.mentions):
            if start <= mention.tok_start < token_i and mention.ref.country:
                return mention.ref.country
        return None

    def _recent_same_sector(self, token_i: int, agent: AgentHit) -> str | None:
        """"The ministry" after "The Russian Foreign Ministry", "the company" after "Nippon
        Steel": the last mention within three sentences that named its country and used the same
        sector word (or, for specific sectors such as courts and companies, the same sector)."""
        head_word = self.doc[agent.end - 1].lemma_.lower()
        sector = agent.agent.sector
        sent = self.context.sentence_of(token_i)
        first_token = self.context.sentence_bounds(max(0, sent - 3))[0]
        for mention in reversed(self.mentions):
            if not first_token <= mention.tok_start < token_i or not mention.ref.country:
                continue
            if mention.ref.how in CONTEXT_HOWS or mention.ref.sector != sector:
                continue
            lemmas = {t.lemma_.lower() for t in self.doc[mention.tok_start:mention.tok_end]}
            if head_word in lemmas or sector in SPECIFIC_SECTORS:
                return mention.ref.country
        return None

    def _is_group_phrase(self, start: int, end: int) -> bool:
        span = self.doc[start:end]
        root = self._span_root(start, end)
        if root.tag_ not in ("NNS", "NNPS") and root.lemma_.lower() not in ("both",):
            return False
        if root.lemma_.lower() not in GROUP_NOUNS:
            return False
        if any(self.scan.name_at.get(i) for i in range(start, end)):
            return False
        words = {t.lower_ for t in span}
        return bool(words & {"two", "both", "their", "the", "three"}) and "other" not in words

    def _coordinated_countries(self, start: int, end: int) -> list[str]:
        root = self._span_root(start, end)
        out: list[str] = []
        for signal in self._signals(start, end, root):
            hit = self.scan.name_at.get(signal.start)
            if hit is None or signal.place:
                continue
            country = self._entry_country(hit.entry)
            if country and country not in out:
                out.append(country)
        return out

    def _pronoun(self, start: int, end: int) -> ActorRef | None:
        word = self.doc[start:end].text.lower()
        if word in SPEAKER_PRONOUNS:
            return self._speaker(start)
        if word.endswith("latter") or word.endswith("former"):
            return self._latter_former(start, word.endswith("former"))
        previous = [m for m in self.mentions if m.tok_end <= start and m.ref.country
                    or m.tok_end <= start and m.ref.sector in ("IGO", "NGO")]
        if word in PERSON_PRONOUNS:
            people = [m for m in previous if m.tok_start in self.scan.person_at]
            return self._relabel(people[-1].ref, "pronoun") if people else None
        if word in GROUP_PRONOUNS | THING_PRONOUNS:
            others = [m for m in previous if m.tok_start not in self.scan.person_at]
            if word in GROUP_PRONOUNS:
                plural = [m for m in others if self._span_root(m.tok_start, m.tok_end).tag_
                          in ("NNS", "NNPS")]
                others = plural or others
            return self._relabel(others[-1].ref, "pronoun") if others else None
        return None

    def _latter_former(self, start: int, former: bool) -> ActorRef | None:
        distinct: list[ActorMention] = []
        for mention in reversed([m for m in self.mentions if m.tok_end <= start]):
            if all(mention.ref.name != d.ref.name for d in distinct):
                distinct.append(mention)
            if len(distinct) == 2:
                break
        if not distinct:
            return None
        chosen = distinct[1] if former and len(distinct) == 2 else distinct[0]
        return self._relabel(chosen.ref, "former" if former else "latter")

    def _speaker(self, token_i: int) -> ActorRef | None:
        """"we" in a quote is whoever said it: the subject of the sentence's speech verb."""
        sent = self.context.sentence_of(token_i)
        start, end = self.context.sentence_bounds(sent)
        end = min(end, len(self.doc))
        for token in self.doc[start:end]:
            if token.lemma_.lower() in SPEECH_LEMMAS:
                for child in token.children:
                    if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "PRON":
                        sub = sorted(t.i for t in child.subtree)
                        return self._resolve_core(sub[0], sub[-1] + 1)
        return None

    # ------------------------------------------------------------------ people

    def _person_phrase(self, person: PersonHit, start: int, end: int) -> ActorRef | None:
        """A phrase headed by a name: the person's resolution (title and appositions included)."""
        return self.person_ref(person)

    def person_ref(self, person: PersonHit) -> ActorRef | None:
        """Who a person's name refers to (memoised per name occurrence)."""
        if person.start not in self._persons:
            self._persons[person.start] = self._resolve_person(person)
        return self._persons[person.start]

    def _resolve_person(self, person: PersonHit) -> ActorRef | None:
        """Country: what the text says next to the name, then the office holders table, then an
        earlier mention of the name, then the naming style, then context. Sector: the office held
        on the article's date, then the title or apposition, then the earlier mention."""
        local = self._person_local(person)
        explicit = local if local is not None and local.how in EXPLICIT_HOWS else None
        known = self._known_person(person)
        earlier = self._earlier_person(person)
        if len(person.text.split()) == 1 and earlier is not None:
            known = None
        styled = None
        if explicit is None and known is None and earlier is None:
            country = self._name_style_country(person.text)
            styled = ActorRef(text=None, country=country, how="name-style") if country else None
        layers = [r for r in (explicit, known, earlier, styled, local) if r is not None]
        country = next((r.country for r in layers if r.country), None)
        sector = next((r.sector for r in (known, earlier, local)
                       if r is not None and r.sector not in (None, "ELI")), None)
        if country is None and sector is None:
            return None
        source = next((r for r in layers if r.country == country), layers[0])
        how = "apposition" if source is explicit else "coref" if source is earlier \
            else source.how
        name = known.name if known else earlier.name if earlier else person.text
        return ActorRef(text=None, name=name, country=country, sector=sector or "GOV",
                        code=actor_code(country, sector or "GOV"), how=how or "person")

    def _name_style_country(self, name: str) -> str | None:
        """The one article country whose naming style the name follows, if exactly one."""
        for pattern, countries in self.kb.name_styles:
            if pattern.fullmatch(name):
                candidates = [c for c in countries if c in self.context.ranking]
                if len(candidates) == 1:
                    return candidates[0]
        return None

    def _known_person(self, person: PersonHit) -> ActorRef | None:
        entry = person.entry
        if entry is None:
            words = [w for w in person.text.replace("-", " ").split() if len(w) > 1]
            candidates = self.kb.persons_by_surname(words[-1], self.day) if words else ()
            if len(candidates) > 1:
                in_article = [e for e in candidates
                              if self._entry_country(e) in self.context.ranking]
                candidates = tuple(in_article) if in_article else candidates
            if len(candidates) != 1:
                return None
            entry = candidates[0]
            if len(words) > 1 and entry.name.split()[0].lower() != words[0].lower():
                return None
            how = "office-holder"
        else:
            how = "office-holder"
        role = entry.role_on(self.day)
        if role is None:
            # Out of office on that day ("former President Jair Bolsonaro"): still their
            # country; the sector comes from the title, if any.
            latest = entry.role_on(None)
            country = latest.country if latest else entry.country
            return ActorRef(text=None, name=entry.name, country=country, how="former-office")
        return ActorRef(text=None, name=entry.name, country=role.country, sector=role.sector,
                        code=role.code, how=how)

    def _earlier_person(self, person: PersonHit) -> ActorRef | None:
        words = {w.lower() for w in person.text.replace("-", " ").split() if len(w) > 1}
        for other in reversed(self.scan.persons):
            if other.start >= person.start:
                continue
            other_words = {w.lower() for w in other.text.replace("-", " ").split() if len(w) > 1}
            if words & other_words and len(other_words) >= len(words):
                ref = self.person_ref(other)
                if ref is not None:
                    return ref
        return None

    def _person_local(self, person: PersonHit) -> ActorRef | None:
        """What the words around a name say: its title compounds and appositions."""
        root = self._hit_root(person.start, person.end)
        spans: list[tuple[int, int]] = []
        left = min([t.i for t in root.subtree if t.dep_ not in CLAUSE_DEPS] + [person.start])
        if left < person.start:
            spans.append((left, person.start))
        for child in root.children:
            if child.dep_ == "appos" and child.i >= person.end:
                sub = [t.i for t in child.subtree]
                spans.append((min(sub), max(sub) + 1))
        if root.dep_ == "appos" and root.head.i < person.start:
            head = root.head
            sub = [t.i for t in head.subtree if t.i < person.start]
            if sub:
                spans.append((min(sub), max(sub) + 1))
        for span_start, span_end in spans:
            span_start, span_end = self._trim(span_start, span_end)
            if span_start >= span_end:
                continue
            ref = self._described(span_start, span_end, self._span_root(span_start, span_end))
            if ref is not None:
                return ref
        return None

    # ------------------------------------------------------------------ helpers

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        start, end = max(0, start), min(len(self.doc), end)
        while start < end and (self.doc[start].is_punct or self.doc[start].is_space):
            start += 1
        while end > start and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space) \
                and self.doc[end - 1].text not in (".",):
            end -= 1
        if end > start and self.doc[end - 1].text == "." and end - 1 > start \
                and self.doc[end - 2].whitespace_:
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
