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

from newsevents.actor.tokens import TokenTable, token_table
from newsevents.knowledge.actorkb import ActorKB, Agent, KBEntry, agent_key, fold_name

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


def _capitalised(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text[0].isdigit())


def _find_names(doc: Any, kb: ActorKB) -> tuple[NameHit, ...]:
    tokens = token_table(doc)
    hits: list[NameHit] = []
    i = 0
    while i < len(tokens):
        hit = _longest_name(tokens, kb, i) if _capitalised(tokens.text[i]) else None
        if hit is None:
            i += 1
            continue
        hits.append(hit)
        i = hit.end
    return tuple(hits)


def _longest_name(tokens: TokenTable, kb: ActorKB, i: int) -> NameHit | None:
    for end in range(_name_limit(tokens, kb, i), i, -1):
        last = end - 1
        if tokens.is_punct[last] or tokens.is_space[last]:
            continue
        text = tokens.span_text(i, end)
        if "\n" in text:
            continue
        if _continues_name(tokens, end):
            continue  # part of a longer hyphenated name ("Jaish-e-Mohammed")
        forms = kb.entries(text)
        if forms:
            return NameHit(i, end, _preferred(forms))
    return None


def _name_limit(tokens: TokenTable, kb: ActorKB, i: int) -> int:
    """The largest end of a phrase from token `i` that may be a name key; `i` when none can.

    A key is the normalised phrase, whose first word is (or, when the next token is glued on,
    begins with) the folded first token; and it has at least as many words as the phrase has
    tokens after a space. So most tokens are ruled out at once by the keys' first words, and the
    rest need not try lengths beyond the longest key starting with their word. Non-ASCII tokens
    (case folding may depend on context) and "the" (dropped from keys) try every length.
    """
    limit = min(len(tokens), i + kb.max_name_words + 2)
    word = tokens.text[i]
    folded = fold_name(word)
    pieces = folded.split()
    if not word.isascii() or not pieces or folded[0].isspace() or "the".startswith(pieces[0]):
        return limit
    first, starts = pieces[0], kb.name_starts
    if folded == first and not tokens.whitespace[i]:
        return limit if starts.any_starting(first) else i  # "Hezbollah" of "Hezbollah's"
    if first not in starts:
        return i
    if folded != first:
        return limit
    most, words = starts.most_words[first], 1
    for j in range(i + 1, limit):
        if tokens.whitespace[j - 1] and fold_name(tokens.text[j]).split():
            words += 1
            if words > most:
                return j
    return limit


def _continues_name(tokens: TokenTable, end: int) -> bool:
    """Whether a hyphen after token `end - 1` joins it to more name ("Jaish-e-Mohammed"), not to
    an ordinary word ("Korea-bound", "Iranian-backed")."""
    if end + 1 >= len(tokens) or tokens.text[end] not in ("-", "–") or tokens.whitespace[end - 1]:
        return False
    after = end + 1
    return tokens.is_alpha[after] and (tokens.text[after][0].isupper()
                                       or tokens.lower_key[after] in _LINKERS)


def _preferred(forms: tuple[Any, ...]) -> KBEntry:
    """When one written form has several readings, prefer organisations, then places, then people."""
    order = {"org": 0, "seat": 1, "country": 2, "capital": 3, "adjective": 4, "demonym": 5,
             "person": 6}
    return min((f.entry for f in forms), key=lambda e: (order.get(e.kind, 9), not e.curated))


# ---------------------------------------------------------------------- sector words


def _agent_key(tokens: TokenTable, start: int, end: int) -> tuple[str, str]:
    kept = [j for j in range(start, end) if tokens.text[j] != "-"]
    lemmas = " ".join(tokens.lemma_key[j] for j in kept)
    words = " ".join(tokens.lower_key[j] for j in kept)
    return lemmas, words


def _find_agents(doc: Any, kb: ActorKB, names: tuple[NameHit, ...]) -> tuple[AgentHit, ...]:
    tokens = token_table(doc)
    named = {i for h in names for i in range(h.start, h.end) if h.entry.kind in ("org", "seat")}
    hits: list[AgentHit] = []
    may_start: dict[tuple[str, str], bool] = {}  # by (lemma, word): most words recur
    i = 0
    while i < len(tokens):
        found = None
        if i not in named and tokens.is_alpha[i] and _may_start_cached(tokens, kb, i, may_start):
            for end in range(min(len(tokens), i + kb.max_agent_words + 1), i, -1):
                if any(j in named for j in range(i, end)) or not tokens.is_alpha[end - 1] \
                        or tokens.pos[end - 1] not in _NOUN_POS:
                    continue
                lemmas, words = _agent_key(tokens, i, end)
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


def _may_start_cached(tokens: TokenTable, kb: ActorKB, i: int,
                      seen: dict[tuple[str, str], bool]) -> bool:
    """`_may_start_agent`, which depends only on the token's lemma and word, asked once each."""
    word = (tokens.lemma_key[i], tokens.lower_key[i])
    answer = seen.get(word)
    if answer is None:
        answer = seen[word] = _may_start_agent(tokens, kb, i)
    return answer


def _may_start_agent(tokens: TokenTable, kb: ActorKB, i: int) -> bool:
    """Whether a sector-word key may start at token `i`: the keys tried from it (lemmas, words,
    words with the head's lemma) start with the first word of the token's lemma or lower-case
    form, or, for one token, of its lemma's last part. False rules the token out at once."""
    lemma, lower = tokens.lemma_key[i], tokens.lower_key[i]
    lemma_parts, lower_parts = lemma.split(), lower.split()
    if not lemma_parts or not lower_parts:
        return True  # the keys start further on: try every length
    for text in (lemma, lower, lemma_parts[-1], lower_parts[0]):
        first = agent_key(text).split()[:1]
        if not first or first[0] in kb.agent_starts:
            return True
    return False


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
