"""Rules that resolve a phrase from its context: possessive pronouns, counterparts, the dyad in
focus, earlier mentions, the sentence's location and the article's home country.

A mixin of `phrase.Resolver` (it uses the resolver's doc, scan, context and mentions).
"""

from __future__ import annotations

from typing import Any

from newsevents.actor.scan import AgentHit
from newsevents.actor.words import (
    CONTEXT_HOWS,
    DIPLOMAT_WORDS,
    EXPLICIT_HOWS,
    GROUP_NOUNS,
    GROUP_PRONOUNS,
    LOCAL_SECTORS,
    PACT_NOUNS,
    PERSON_PRONOUNS,
    SPEAKER_PRONOUNS,
    SPECIFIC_SECTORS,
    SPEECH_LEMMAS,
    STATE_NOUNS,
    THING_PRONOUNS,
)
from newsevents.records import ActorMention, ActorRef


class ReferenceRules:
    """Context and coreference rules."""

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
                                                      or agent.agent.cameo in LOCAL_SECTORS)
        if local:
            located = self._sentence_location(start, end)
            if located:
                return located, "location"
            only = self._only_sentence_country(start, end)
            if only:
                return only, "sentence-country"
        if agent is not None and agent.agent.sector == "REB":
            # Insurgents fight where the story last was, not for the outlet's country.
            recent = self._recent_country(start)
            if recent:
                return recent, "coref-country"
        home = self.context.home
        return (home, "home-country") if home else (None, "")

    def _only_sentence_country(self, start: int, end: int) -> str | None:
        """"The Kenyan government blamed the opposition": police, courts, opposition, crowds
        and troops belong to the one country the rest of their sentence names, if just one."""
        first, last = self.context.sentence_bounds(self.context.sentence_of(start))
        countries = self.context.countries_between(first, last, (start, end))
        return countries[0] if len(countries) == 1 else None

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
            if mention.ref.how in CONTEXT_HOWS or mention.ref.sector != sector:
                continue
            lemmas = {t.lemma_.lower() for t in self.doc[mention.tok_start:mention.tok_end]}
            if head_word in lemmas or sector in SPECIFIC_SECTORS:
                return mention.ref.country
        return None

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
        span = self.doc[start:end]
        root = self._span_root(start, end)
        if root.tag_ not in ("NNS", "NNPS") and root.lemma_.lower() not in ("both",):
            return False
        if root.lemma_.lower() not in GROUP_NOUNS:
            return False
        if any(self.scan.name_at.get(i) for i in range(start, end)):
            return False
        if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in root.children):
            return False  # "the party's senior officials" belong to the party
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
        # A pronoun never refers to a co-argument of its own verb ("The ministry accused them").
        verb = self.doc[start].head
        previous = [m for m in self.mentions if m.tok_end <= start
                    and (m.ref.country or m.ref.sector in ("IGO", "NGO"))
                    and self._span_root(m.tok_start, m.tok_end).head.i != verb.i]
        if word in PERSON_PRONOUNS:
            people = [m for m in previous if m.tok_start in self.scan.person_at
                      or self._span_root(m.tok_start, m.tok_end).i in self.scan.person_at]
            return self._salient(people, start)
        if word in GROUP_PRONOUNS | THING_PRONOUNS:
            others = [m for m in previous if m.tok_start not in self.scan.person_at]
            if word in GROUP_PRONOUNS:
                plural = [m for m in others if self._span_root(m.tok_start, m.tok_end).tag_
                          in ("NNS", "NNPS")]
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
