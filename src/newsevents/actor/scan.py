"""Find what the actor knowledge base knows in a parsed Doc: names, sector words and people.

The small English model mislabels names that matter ("Yonhap" as NORP, a lone "Choi" as ORG) and
misses others ("Shigeki Takizaki"), so recognition does not trust entity labels alone:
- known names (countries, adjectives, capitals, seats of power, organisations, office holders) are
  matched against the knowledge base, longest first;
- a run of capitalised words the base does not know is a person when the model says PERSON, when
  a title stands before it ("Vice Foreign Minister Takeo Akiba"), when an apposition gives it a
  title or role ("Shigeki Takizaki, the head of ..."), or when it repeats part of a person's name
  already found ("Choi" after "Choi Jong-kun").
The result is stored in `doc.user_data` so the many calls event coding makes reuse one scan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from newsevents.knowledge.actorkb import ActorKB, Agent, KBEntry

CACHE_KEY = "newsevents.actor_scan"
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "X", "VERB", "NUM"})
_LINKERS = frozenset({"-", "&", "'", "’", "of", "de", "al", "el", "bin", "van", "von", "der",
                      "da", "du", "la", "le", "e", "i", "ul"})
_NOT_NAMES = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "I", "The", "A",
                        "An", "In", "On", "At", "But", "And", "For", "He", "She", "It", "They",
                        "We", "His", "Her", "Its", "Their", "This", "That", "These", "Those",
                        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                        "Sunday", "January", "February", "March", "April", "May", "June", "July",
                        "August", "September", "October", "November", "December", "Jan", "Feb",
                        "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"})
# Role nouns that, in an apposition, show the name is a person's ("X, the head of ...").
ROLE_NOUNS = frozenset({"head", "chief", "director", "chairman", "chairwoman", "chair", "member",
                        "founder", "adviser", "advisor", "aide", "representative", "deputy",
                        "delegate", "commissioner", "coordinator", "counterpart", "successor",
                        "predecessor", "son", "daughter", "wife", "husband", "brother", "sister"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "madam"})


@dataclass(frozen=True)
class NameHit:
    """Tokens [start, end) name a knowledge-base entry (country, capital, organisation, person)."""

    start: int
    end: int
    entry: KBEntry


@dataclass(frozen=True)
class AgentHit:
    """Tokens [start, end) are a sector word ("Foreign Ministry", "protesters")."""

    start: int
    end: int
    agent: Agent


@dataclass(frozen=True)
class PersonHit:
    """Tokens [start, end) are a person's name the knowledge base may not know."""

    start: int
    end: int
    text: str
    entry: KBEntry | None = None


@dataclass(frozen=True)
class DocScan:
    """Everything found in one Doc, with per-token lookups."""

    names: tuple[NameHit, ...]
    agents: tuple[AgentHit, ...]
    persons: tuple[PersonHit, ...]
    name_at: Mapping[int, NameHit]
    agent_at: Mapping[int, AgentHit]
    person_at: Mapping[int, PersonHit]


def scan_doc(doc: Any, kb: ActorKB) -> DocScan:
    """The scan of `doc` against `kb`, computed once per Doc and knowledge base."""
    cached = doc.user_data.get(CACHE_KEY)
    if cached is not None and cached[0] is kb:
        return cached[1]
    names = _find_names(doc, kb)
    agents = _find_agents(doc, kb, names)
    persons = _find_persons(doc, kb, names, agents)
    result = DocScan(
        names=names,
        agents=agents,
        persons=persons,
        name_at=MappingProxyType({i: h for h in names for i in range(h.start, h.end)}),
        agent_at=MappingProxyType({i: h for h in agents for i in range(h.start, h.end)}),
        person_at=MappingProxyType({i: h for h in persons for i in range(h.start, h.end)}),
    )
    doc.user_data[CACHE_KEY] = (kb, result)
    return result


# ---------------------------------------------------------------------- names


def _capitalised(token: Any) -> bool:
    text = token.text
    return bool(text) and (text[0].isupper() or text[0].isdigit())


def _find_names(doc: Any, kb: ActorKB) -> tuple[NameHit, ...]:
    hits: list[NameHit] = []
    i = 0
    while i < len(doc):
        hit = _longest_name(doc, kb, i) if _capitalised(doc[i]) else None
        if hit is None:
            i += 1
            continue
        hits.append(hit)
        i = hit.end
    return tuple(hits)


def _longest_name(doc: Any, kb: ActorKB, i: int) -> NameHit | None:
    limit = min(len(doc), i + kb.max_name_words + 2)
    for end in range(limit, i, -1):
        last = doc[end - 1]
        if last.is_punct or last.is_space:
            continue
        if "\n" in doc[i:end].text:
            continue
        if _continues_name(doc, end):
            continue  # part of a longer hyphenated name ("Jaish-e-Mohammed")
        forms = kb.entries(doc[i:end].text)
        if forms:
            return NameHit(i, end, _preferred(forms))
    return None


def _continues_name(doc: Any, end: int) -> bool:
    """Whether a hyphen after token `end - 1` joins it to more name ("Jaish-e-Mohammed"), not to
    an ordinary word ("Korea-bound", "Iranian-backed")."""
    if end + 1 >= len(doc) or doc[end].text not in ("-", "–") or doc[end - 1].whitespace_:
        return False
    after = doc[end + 1]
    return after.is_alpha and (after.text[0].isupper() or after.lower_ in _LINKERS)


def _preferred(forms: tuple[Any, ...]) -> KBEntry:
    """When one written form has several readings, prefer organisations, then places, then people."""
    order = {"org": 0, "seat": 1, "country": 2, "capital": 3, "adjective": 4, "demonym": 5,
             "person": 6}
    return min((f.entry for f in forms), key=lambda e: (order.get(e.kind, 9), not e.curated))


# ---------------------------------------------------------------------- sector words


def _agent_key(tokens: Any) -> tuple[str, str]:
    lemmas = " ".join(t.lemma_.lower().replace(".", "") for t in tokens if t.text != "-")
    words = " ".join(t.lower_.replace(".", "") for t in tokens if t.text != "-")
    return lemmas, words


def _find_agents(doc: Any, kb: ActorKB, names: tuple[NameHit, ...]) -> tuple[AgentHit, ...]:
    named = {i for h in names for i in range(h.start, h.end) if h.entry.kind in ("org", "seat")}
    hits: list[AgentHit] = []
    i = 0
    while i < len(doc):
        found = None
        if i not in named and doc[i].is_alpha:
            for end in range(min(len(doc), i + kb.max_agent_words + 1), i, -1):
                if any(j in named for j in range(i, end)) or not doc[end - 1].is_alpha \
                        or doc[end - 1].pos_ not in _NOUN_POS:
                    continue
                lemmas, words = _agent_key(doc[i:end])
                # "human rights advocates": only the last word of a phrase is inflected
                head_only = " ".join((*words.split()[:-1], lemmas.split()[-1]))
                agent = kb.agent(lemmas) or kb.agent(words) or kb.agent(head_only)
                if agent is not None:
                    found = AgentHit(i, end, agent)
                    break
        if found is None:
            i += 1
            continue
        hits.append(found)
        i = found.end
    return tuple(hits)


# ---------------------------------------------------------------------- people


def _name_runs(doc: Any, taken: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised name-like tokens not already claimed, within one sentence."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in taken or not _starts_name(token):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end not in taken and not doc[end].is_sent_start:
            nxt = doc[end]
            if _starts_name(nxt) or _continues_person(nxt):
                end += 1
            elif nxt.lower_ in _LINKERS and end + 1 < len(doc) and _starts_name(doc[end + 1]) \
                    and (nxt.text in ("-", "'", "’") or nxt.lower_ in _LINKERS):
                end += 2
            elif nxt.text == "-" and end + 1 < len(doc) and doc[end + 1].is_alpha \
                    and not doc[end - 1].whitespace_:
                end += 2  # "Jong-kun": lower-case part of a hyphenated given name
            else:
                break
        runs.append((i, end))
        i = end
    return runs


def _continues_person(token: Any) -> bool:
    """A capitalised word the model puts inside a person's name, even a stop word ("Kim You-
    geun")."""
    return token.is_alpha and token.text[0].isupper() and token.ent_type_ == "PERSON" \
        and token.ent_iob_ == "I"


def _starts_name(token: Any) -> bool:
    return (token.is_alpha and token.text[0].isupper() and token.text not in _NOT_NAMES
            and token.pos_ in _NAME_POS and not token.is_stop)


def _find_persons(doc: Any, kb: ActorKB, names: tuple[NameHit, ...],
                  agents: tuple[AgentHit, ...]) -> tuple[PersonHit, ...]:
    taken = {i for h in names for i in range(h.start, h.end)}
    taken |= {i for h in agents for i in range(h.start, h.end)}
    persons: list[PersonHit] = [PersonHit(h.start, h.end, doc[h.start:h.end].text, h.entry)
                                for h in names if h.entry.kind == "person"]
    titles = {h.end: h for h in agents if h.agent.kind == "title"}
    agent_at = {i: h for h in agents for i in range(h.start, h.end)}
    known_parts: set[str] = {w for p in persons for w in _name_words(p.text)}
    for start, end in _name_runs(doc, taken):
        span = doc[start:end]
        text = span.text
        words = _name_words(text)
        is_person = (
            any(t.ent_type_ == "PERSON" for t in span) and len(words) >= 1
            or start in titles or _after_honorific(doc, start)
            or (len(words) >= 2 and _has_title_apposition(doc, start, end, agent_at))
            or (len(words) == 1 and words[0] in known_parts)
            or (len(words) == 1 and _curated_surname(kb, text))
        )
        if not is_person:
            continue
        persons.append(PersonHit(start, end, text, None))
        known_parts.update(words)
    return tuple(sorted(persons, key=lambda p: p.start))


def _curated_surname(kb: ActorKB, word: str) -> bool:
    """"Ruto said ...": a lone family name of a curated leader is a person even when the model
    misses it (the article date then decides whether the leader is meant)."""
    return any(e.curated for e in kb.persons_by_surname(word, None))


def _name_words(text: str) -> list[str]:
    return [w for w in text.replace("-", " ").lower().split() if len(w) > 1]


def _after_honorific(doc: Any, start: int) -> bool:
    if start == 0:
        return False
    prev = doc[start - 1]
    if prev.text == "." and start >= 2:
        prev = doc[start - 2]
    return prev.lower_.rstrip(".") in _HONORIFICS


def _has_title_apposition(doc: Any, start: int, end: int, agents: Mapping[int, AgentHit]
                          ) -> bool:
    """"Shigeki Takizaki, the head of ...", "his counterpart, Kim Jung-han": an apposition that
    names a role (a title or group word, or a role noun such as "head" or "member")."""
    for token in doc[start:end]:
        for child in token.children:
            if child.dep_ == "appos" and child.i >= end and _names_role(child, agents):
                return True
    root = next((t for t in doc[start:end] if not start <= t.head.i < end), doc[end - 1])
    return root.dep_ == "appos" and root.head.i < start and _names_role(root.head, agents)


def _names_role(token: Any, agents: Mapping[int, AgentHit]) -> bool:
    if token.lemma_.lower() in ROLE_NOUNS:
        return True
    hit = agents.get(token.i)
    return hit is not None and hit.agent.kind in ("title", "people")
