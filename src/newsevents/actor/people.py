"""Rules for phrases headed by a person's name: title and apposition, the office holders table
on the article's date, earlier mentions of the same name, and naming style as a last resort.

A mixin of `phrase.Resolver` (it uses the resolver's doc, kb, scan, context and article date).
"""

from __future__ import annotations

from typing import Any

from newsevents.actor.scan import PersonHit
from newsevents.actor.words import (
    CLAUSE_DEPS,
    EXPLICIT_HOWS,
    LEAD_LEMMAS,
)
from newsevents.knowledge.actorkb import actor_code
from newsevents.records import ActorRef


class PeopleRules:
    """Person resolution."""

    def _person_phrase(self, person: PersonHit, start: int, end: int) -> ActorRef | None:
        """A phrase headed by a name: the person's resolution (title and appositions included);
        an unknown person "in <city>" is a private person of that place's country ("Jackson
        Oduor in Kisumu"), never the city's government."""
        ref = self.person_ref(person)
        if ref is not None:
            return ref
        country = self._resident_country(person, end)
        if country is None:
            return None
        return ActorRef(text=None, name=person.text, country=country, sector="CVL",
                        code=actor_code(country, "CVL"), how="location")

    def _resident_country(self, person: PersonHit, end: int) -> str | None:
        """The country of an "in/from <place>" phrase right after the name, inside the span."""
        if person.end + 1 >= end or self.doc[person.end].lower_ not in ("in", "from", "of"):
            return None
        hit = self.scan.name_at.get(person.end + 1)
        if hit is None or hit.entry.kind not in ("capital", "region", "country"):
            return None
        return self._entry_country(hit.entry)

    def person_ref(self, person: PersonHit) -> ActorRef | None:
        """Who a person's name refers to (memoised per name occurrence).

        Two names in each other's descriptions ("X, a lawyer for Y", "Y, whose lawyer X ...")
        would send the resolution round in a circle: a name being resolved counts as unknown to
        the descriptions it is met in."""
        if person.start not in self._persons:
            self._persons[person.start] = None  # in progress
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
        if explicit is not None and explicit.country is None and explicit.sector in ("IGO",
                                                                                       "NGO"):
            # "NATO Secretary General Mark Rutte": the title says whom he speaks for now
            country, sector = None, explicit.sector
        if country is None and sector is None:
            return None
        source = next((r for r in layers if r.country == country), layers[0])
        if source is not explicit and source is not known and source is not earlier:
            facing = self.facing_countries(self._hit_root(person.start, person.end))
            if country in facing:  # "X will meet his Egyptian counterpart": X is not Egyptian
                country = self.unfaced_country(facing)
        if country is None and sector is None:
            return None
        how = "apposition" if source is explicit else "coref" if source is earlier \
            else source.how
        name = known.name if known else earlier.name if earlier else person.text
        code = actor_code(country, sector or "GOV")
        if country is None:  # "NATO Secretary General Mark Rutte": the organisation's code
            code = next((r.code for r in (known, local, earlier) if r is not None and r.code
                         and r.country is None and r.sector == sector), code)
        return ActorRef(text=None, name=name, country=country, sector=sector or "GOV",
                        code=code, how=how or "person")

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
        if role is None and len(person.text.split()) == 1:
            return None  # a lone "Hassan" out of office on that day is likely someone else
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

    def _group_led_by(self, root: Any) -> tuple[int, int] | None:
        """"South Korea's cross-party parliamentary group led by Kim Jin-pyo": the group a
        person leads says whose the person is (the group's words before "led")."""
        agent = root.head if root.dep_ == "pobj" else None
        verb = agent.head if agent is not None and agent.dep_ == "agent" else None
        if verb is None or verb.lemma_.lower() not in LEAD_LEMMAS or verb.dep_ != "acl":
            return None
        group = verb.head
        sub = [t.i for t in group.subtree if t.i < verb.i]
        return (min(sub), max(sub) + 1) if sub else None

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
        led = self._group_led_by(root)
        if led is not None:
            spans.append(led)
        for span_start, span_end in spans:
            span_start, span_end = self._trim(span_start, span_end)
            if span_start >= span_end:
                continue
            ref = self._described(span_start, span_end, self._span_root(span_start, span_end))
            if ref is not None:
                return ref
        return None
