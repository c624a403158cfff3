"""Rules that resolve a phrase from its context: possessive pronouns, counterparts, the dyad in
focus, earlier mentions, the sentence's location and the article's home country.

A mixin of `phrase.Resolver` (it uses the resolver's doc, scan, context and mentions).
"""

from __future__ import annotations

from typing import Any

from newsevents.actor.scan import AgentHit
from newsevents.actor.words import (
    ARRIVAL_LEMMAS,
    CONTEXT_HOWS,
    DIPLOMAT_WORDS,
    EXPLICIT_HOWS,
    GROUP_NOUNS,
    GROUP_PRONOUNS,
    INTERCEPT_LEMMAS,
    LOCAL_RULER_WORDS,
    LOCAL_SECTORS,
    MEETING_LEMMAS,
    NOMINAL_LINKS,
    NOT_OWN_PREPS,
    OWN_ENVOY_LEMMAS,
    PACT_NOUNS,
    PERSON_PRONOUNS,
    SPEAKER_PRONOUNS,
    SPECIFIC_SECTORS,
    SPEECH_LEMMAS,
    STATE_NOUNS,
    THING_PRONOUNS,
    TRAVEL_LEMMAS,
)
from newsevents.records import ActorMention, ActorRef


class ReferenceRules:
    """Context and coreference rules."""

    def _context_country(self, start: int, end: int, root: Any, agent: AgentHit | None
                         ) -> tuple[str | None, str]:
        """The country context gives a phrase that names none, never one its own clause puts
        on the other side ("X will meet his Bangladeshi counterpart", "X travels to Dhaka")."""
        country, how = self._context_country_guess(start, end, root, agent)
        if country is None or how in ("counterpart", "foreign-diplomat", "possessive"):
            return country, how
        facing = self.facing_countries(root)
        if country in facing:
            return self.unfaced_country(facing), "home-country"
        return country, how

    def facing_countries(self, token: Any) -> frozenset[str]:
        """Countries the actor at `token` deals with in its clause: its counterpart's and the
        place it goes to."""
        for _ in range(8):
            if token.dep_ not in NOMINAL_LINKS or token.head.i == token.i:
                break
            token = token.head
        if token.dep_ not in ("nsubj", "nsubjpass"):
            return frozenset()
        verb = token.head
        found: set[str] = set()
        own = {t.i for t in token.subtree}
        for other in verb.subtree:
            if other.i in own:
                continue
            lemma = other.lemma_.lower()
            if lemma == "counterpart" or self._met_or_visited(other):
                found.update(self._countries_in(other))
            elif lemma in DIPLOMAT_WORDS and other.dep_ in ("dobj", "nsubjpass", "pobj") \
                    and verb.lemma_.lower() not in OWN_ENVOY_LEMMAS:
                found.update(self._envoy_countries(other))
        return frozenset(found)

    def _envoy_countries(self, envoy: Any) -> set[str]:
        """"summoned the French ambassador": an envoy's own state (adjective, possessor, "of")
        is the other side of whoever summons, expels or receives him."""
        out = set()
        for part in envoy.subtree:
            hit = self.scan.name_at.get(part.i)
            country = self._entry_country(hit.entry) if hit is not None else None
            top = self._hit_root(hit.start, hit.end) if country else None
            if top is not None and (top.head.i == envoy.i and top.dep_ != "prep"
                                    or top.dep_ == "pobj" and top.head.lower_ == "of"
                                    and top.head.head.i == envoy.i):
                out.add(country)
        return out

    @staticmethod
    def _met_or_visited(token: Any) -> bool:
        """"travel to Dhaka", "visit India", "arrived in Riyadh", "talks with Saudi officials"."""
        if token.dep_ == "dobj":
            return token.head.lemma_.lower() in TRAVEL_LEMMAS
        if token.dep_ != "pobj":
            return False
        prep, governor = token.head.lower_, token.head.head.lemma_.lower()
        return (prep == "to" and governor in TRAVEL_LEMMAS
                or prep == "in" and governor in ARRIVAL_LEMMAS
                or prep == "with" and governor in MEETING_LEMMAS)

    def _countries_in(self, token: Any) -> set[str]:
        out = set()
        for part in token.subtree:
            hit = self.scan.name_at.get(part.i)
            country = self._entry_country(hit.entry) if hit is not None else None
            if country:
                out.add(country)
        return out

    def unfaced_country(self, facing: frozenset[str]) -> str | None:
        """The outlet's country, else the article's leading country, not among `facing`."""
        for country in (self.context.outlet, self.context.home, *self.context.ranking):
            if country and country not in facing:
                return country
        return None

    def _context_country_guess(self, start: int, end: int, root: Any, agent: AgentHit | None
                               ) -> tuple[str | None, str]:
        owner = self._possessive_owner(start, end, root)
        words = agent.agent.words if agent is not None else ""
        if owner is not None and owner.country:
            if words == "counterpart":
                return self._other_side(start, owner.country), "counterpart"
            return owner.country, "possessive"
        if words == "counterpart":
            return self._other_side(start, None), "counterpart"
        if agent is not None and agent.agent.kind == "weapon":
            return self._weapon_user(start, end, root)
        if self._other_members(root):
            return self._listed_owner(start, end, root)
        if agent is not None:
            recent = self._recent_same_sector(start, agent)
            if recent:
                return recent, "coref-sector"
        noun = self.doc[agent.end - 1] if agent is not None else root
        if noun.lemma_.lower() in STATE_NOUNS and noun.tag_ == "NNS":
            return None, "generic"  # "other nations", "foreign states": no one country
        # "Kaduna state", "Chin State": a named state or province inside a country.
        subnational = noun.lemma_.lower() in STATE_NOUNS and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)
        if noun.lemma_.lower() in STATE_NOUNS and noun.tag_ == "NN" and not subnational:
            recent = self._recent_country(start, self._region_members(start, end))
            if recent:
                return recent, "coref-country"
        if agent is not None and words in DIPLOMAT_WORDS:
            foreign = self._other_side(start, self.context.home)
            if foreign:
                return foreign, "foreign-diplomat"
        local = subnational or agent is not None and (agent.agent.kind in ("people", "thing")
                                                      or agent.agent.sector in LOCAL_SECTORS
                                                      or agent.agent.cameo in LOCAL_SECTORS
                                                      or words in LOCAL_RULER_WORDS)
        if local:
            located = self._local_country(start, end)
            if located:
                return located
        if agent is not None and agent.agent.sector == "REB":
            # Insurgents fight where the story last was, not for the outlet's country.
            recent = self._recent_country(start)
            if recent:
                return recent, "coref-country"
        home = self.context.home
        return (home, "home-country") if home else (None, "")

    def launched_by(self, root: Any) -> str | None:
        """"Iranian drones launched by Russia": the user a weapon's own clause names (also when
        the phrase asked about stops before that clause)."""
        for clause in root.children:
            if clause.dep_ != "acl":
                continue
            for agent in clause.children:
                if agent.dep_ == "agent":
                    countries = self._countries_in(agent)
                    if len(countries) == 1:
                        return next(iter(countries))
        return None

    def _weapon_user(self, start: int, end: int, root: Any) -> tuple[str | None, str]:
        """Missiles, jets and drones with no nationality of their own belong to whoever uses
        them: the subject of their clause ("Pakistan used 12 jets"), else the latest subject
        in their sentence or the one before ("India blamed Pakistan ... In the assault, 12
        Mirage jets dropped bombs"). Weapons shot down or intercepted are the other side's, and
        where the text names no user they stay unattributed (never the place they hit)."""
        if root.head.lemma_.lower() in INTERCEPT_LEMMAS and root.dep_ in ("dobj", "nsubjpass"):
            return None, ""
        user = self._clause_subject_country(start, end, root)
        if user:
            return user, "weapon-user"
        sent = self.context.sentence_of(start)
        window = self.context.sentence_bounds(max(0, sent - 1))[0]
        for mention in reversed(self.mentions):
            if window <= mention.tok_start and mention.tok_end <= start \
                    and mention.ref.country and mention.ref.how not in CONTEXT_HOWS \
                    and self._is_subject(mention.tok_start, mention.tok_end):
                return mention.ref.country, "weapon-user"
        return None, ""

    @staticmethod
    def _other_members(root: Any) -> bool:
        """"other departments", "other nations": a plural that only says 'more of the kind'."""
        return root.tag_ in ("NNS", "NNPS") and any(
            c.dep_ == "amod" and c.lower_ == "other" for c in root.children)

    def _listed_owner(self, start: int, end: int, root: Any) -> tuple[str | None, str]:
        """"its navy, air force and other departments": the owner of the list the phrase
        continues; with no such owner, no country ("other departments" are anyone's)."""
        token = root
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        if token.i != root.i:
            owner = self._possessive_owner(token.i, token.i + 1, token)
            if owner is None:
                owner = next((self._pronoun(c.i, c.i + 1) for c in token.children
                              if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            if owner is not None and owner.country:
                return owner.country, "possessive"
        return None, "generic"

    def _local_country(self, start: int, end: int) -> tuple[str, str] | None:
        """Where police, crowds, the opposition or a junta belong: the "in X" place of their
        sentence; the one country it names; the one country it names as an actor (not as a
        place, partner or origin: "Maduro closed the border with Colombia ... the opposition");
        the dateline's country; the one country named as an actor in the two sentences before."""
        located = self._sentence_location(start, end)
        if located:
            return located, "location"
        only = self._only_sentence_country(start, end)
        if only:
            return only, "sentence-country"
        sent = self.context.sentence_of(start)
        domestic = self._domestic_country(sent, (start, end))
        if domestic:
            return domestic, "sentence-country"
        if self.context.dateline_country:
            return self.context.dateline_country, "home-country"
        for before in (sent - 1, sent - 2):
            domestic = self._domestic_country(before, (start, end)) if before >= 0 else None
            if domestic:
                return domestic, "coref-country"
        return None

    def _domestic_country(self, sent: int, skip: tuple[int, int]) -> str | None:
        """The one country sentence `sent` names as an actor (not after "in", "with", "from")."""
        first, last = self.context.sentence_bounds(sent)
        found: set[str] = set()
        for hit in self.scan.names:
            if not first <= hit.start < last or skip[0] <= hit.start < skip[1]:
                continue
            country = self._entry_country(hit.entry)
            if not country or hit.entry.sector in ("MED", "IGO", "NGO") \
                    or hit.entry.kind in ("adjective", "demonym"):
                continue  # "a private Russian contractor" is not about Russia's politics
            if hit.entry.kind == "person" and hit.end - hit.start == 1:
                continue  # a lone "Abdullah" may be anyone
            token = self._hit_root(hit.start, hit.end)
            while token.dep_ in ("compound", "amod", "poss", "appos", "conj") \
                    and token.head.i != token.i:
                token = token.head
            if token.dep_ == "pobj" and token.head.lower_ in NOT_OWN_PREPS:
                continue
            found.add(country)
        return next(iter(found)) if len(found) == 1 else None

    def _only_sentence_country(self, start: int, end: int) -> str | None:
        """"The Kenyan government blamed the opposition": police, courts, opposition, crowds
        and troops belong to the one country the rest of their sentence names, if just one."""
        first, last = self.context.sentence_bounds(self.context.sentence_of(start))
        countries = [c for i, c in self.context.country_tokens
                     if first <= i < last and not start <= i < end
                     and not self._foreign_people(i)]
        return countries[0] if len(set(countries)) == 1 else None

    def _foreign_people(self, token_i: int) -> bool:
        """"Two Chinese nationals were arrested, police said": a nationality on a group of
        private people (nationals, tourists, protesters) says nothing of whose police act."""
        hit = self.scan.name_at.get(token_i)
        if hit is None or hit.entry.kind not in ("adjective", "demonym"):
            return False
        head = self._hit_root(hit.start, hit.end).head
        agent = self.scan.agent_at.get(head.i)
        return agent is not None and agent.agent.kind == "people" \
            and agent.agent.sector not in ("GOV", "MIL")

    def _sentence_location(self, start: int, end: int) -> str | None:
        """The country of an "in X" phrase of the sentence ("fought extremists in Mali")."""
        sent = self.context.sentence_of(start)
        first, last = self.context.sentence_bounds(sent)
        for hit in self.scan.names:
            if not (first <= hit.start < last) or start <= hit.start < end:
                continue
            country = self._entry_country(hit.entry)
            token = self._hit_root(hit.start, hit.end)
            while token.dep_ == "compound" and token.head.i != token.i:
                token = token.head  # "in Mali villages"
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
        region when one is named), other than the country of the clause's own subject ("China
        recalled its envoy from the Baltic state" is not China)."""
        root = self.doc[token_i]
        subject = self._clause_subject_country(token_i, token_i + 1, root)
        earlier = [c for i, c in self.context.country_tokens
                   if i < token_i and (not among or c in among)]
        for country in reversed(earlier):
            if country != subject:
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
            if mention.ref.how in CONTEXT_HOWS or mention.ref.sector != sector \
                    or self._names_weapon(mention):
                continue  # "the airfield" after "US missiles" is not the missiles' owner's
            lemmas = {t.lemma_.lower() for t in self.doc[mention.tok_start:mention.tok_end]}
            if head_word in lemmas or sector in SPECIFIC_SECTORS:
                return mention.ref.country
        return None

    def _plural_mention(self, mention: ActorMention) -> bool:
        """A plural noun ("protesters") or the first of coordinated ones ("the president and
        the prime minister")."""
        root = self._span_root(mention.tok_start, mention.tok_end)
        return root.tag_ in ("NNS", "NNPS") or any(
            c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in root.children)

    def _addressee(self, mention: ActorMention) -> bool:
        """"told reporters": whom a speaker addresses is an audience, not a doer."""
        head = self._span_root(mention.tok_start, mention.tok_end)
        return head.dep_ in ("dobj", "dative") and head.head.lemma_.lower() in SPEECH_LEMMAS

    def _names_weapon(self, mention: ActorMention) -> bool:
        head = self._span_root(mention.tok_start, mention.tok_end)
        agent = self.scan.agent_at.get(head.i)
        return agent is not None and agent.agent.kind == "weapon"

    def _same_head_mention(self, token_i: int, root: Any) -> ActorMention | None:
        """"The two diplomats" after "two U.S. diplomats": a recent mention with the same head
        noun and an explicit country."""
        sent = self.context.sentence_of(token_i)
        first_token = self.context.sentence_bounds(max(0, sent - 6))[0]
        for mention in reversed(self.mentions):
            if not first_token <= mention.tok_start < token_i:
                continue
            head = self._span_root(mention.tok_start, mention.tok_end)
            if head.lemma_.lower() == root.lemma_.lower() and mention.ref.country \
                    and mention.ref.how in EXPLICIT_HOWS:
                return mention
        return None

    @staticmethod
    def _is_bilateral_pact(root: Any) -> bool:
        """"a 1965 bilateral treaty" stands for the two parties that signed it."""
        return root.lemma_.lower() in PACT_NOUNS and any(
            c.lower_ == "bilateral" for c in root.children)

    def _is_group_phrase(self, start: int, end: int) -> bool:
        """"the two countries", "both sides", "their leaders", "the officials": a plural group
        noun with no country or owner of its own."""
        root = self._span_root(start, end)
        if root.tag_ not in ("NNS", "NNPS") and root.lemma_.lower() not in ("both",):
            return False
        if root.lemma_.lower() not in GROUP_NOUNS:
            return False
        if any(self.scan.name_at.get(i) for i in range(start, end)):
            return False
        if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in root.children):
            return False  # "the party's senior officials" belong to the party
        if self.tokens.valid(start, end):
            words = set(self.tokens.lower[start:end])
        else:
            words = {t.lower_ for t in self.doc[start:end]}
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
        """He, she, it, they, we, the latter: the mention they point back to."""
        word = self.doc[start:end].text.lower()
        if word in SPEAKER_PRONOUNS:
            return self._speaker(start)
        if word.endswith("latter") or word.endswith("former"):
            return self._latter_former(start, word.endswith("former"))
        chosen = self._antecedent(start, word)
        return self._relabel(chosen.ref, "pronoun") if chosen else None

    def _antecedent(self, start: int, word: str) -> ActorMention | None:
        """The earlier mention a third-person pronoun refers to."""
        # A pronoun never refers to a co-argument of its own verb ("The ministry accused them",
        # "police fired tear gas at them").
        verb = self.doc[start].head
        if self.doc[start].dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        # The noun a participle modifies is that verb's subject ("police charged at them").
        doer = verb.head.i if verb.dep_ in ("acl", "relcl") else -1
        previous = [m for m in self.mentions if m.tok_end <= start
                    and (m.ref.country or m.ref.sector in ("IGO", "NGO"))
                    and self._span_root(m.tok_start, m.tok_end).head.i != verb.i
                    and self._span_root(m.tok_start, m.tok_end).i != doer]
        if word in PERSON_PRONOUNS:
            people = [m for m in previous if m.tok_start in self.scan.person_at
                      or self._span_root(m.tok_start, m.tok_end).i in self.scan.person_at]
            return self._salient(people, start)
        if word in GROUP_PRONOUNS | THING_PRONOUNS:
            others = [m for m in previous if m.tok_start not in self.scan.person_at]
            if word in GROUP_PRONOUNS:
                plural = [m for m in others if self._plural_mention(m)]
                # "Police arrested 40 protesters after they blocked a highway": a plural
                # pronoun takes the nearest plural group before it in its own sentence.
                first = self.context.sentence_bounds(self.context.sentence_of(start))[0]
                near = [m for m in plural if m.tok_start >= first
                        and m.ref.sector != "MED" and not self._addressee(m)]
                if near:
                    return near[-1]
                others = plural or others
            return self._salient(others, start)
        return None

    def _salient(self, candidates: list[ActorMention], token_i: int) -> ActorMention | None:
        """The antecedent a pronoun most likely has: the latest subject in its own sentence or
        the one before (subjects outrank objects: "Sri Lanka's economy ... aid from India ... its
        leaders" is Sri Lanka), else the latest candidate."""
        if not candidates:
            return None
        sent = self.context.sentence_of(token_i)
        window_start = self.context.sentence_bounds(max(0, sent - 1))[0]
        subjects = [m for m in candidates if m.tok_start >= window_start
                    and self._is_subject(m.tok_start, m.tok_end)]
        return subjects[-1] if subjects else candidates[-1]

    def _is_subject(self, start: int, end: int) -> bool:
        token = self._span_root(start, end)
        for _ in range(3):
            if token.dep_ in ("nsubj", "nsubjpass"):
                return True
            if token.dep_ not in ("poss", "compound", "appos", "conj"):
                return False
            token = token.head
        return False

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
