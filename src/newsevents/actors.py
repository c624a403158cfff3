"""actors stage: find and resolve actor mentions (country, sector, name, CAMEO-style code).

`find_actors` lists every actor mention of the body in token order; `resolve_span` and
`resolve_group` say who an arbitrary phrase refers to (event coding calls them for the subject and
object of each event verb). The rules live in `newsevents.actor` (scan, context, phrase); the
knowledge they use in `newsevents.knowledge.actorkb`.
"""

from __future__ import annotations

from newsevents.actor.phrase import Resolver
from newsevents.actor.scan import AgentHit, DocScan, NameHit, PersonHit, scan_doc
from newsevents.knowledge.actorkb import ActorKB
from newsevents.records import ActorMention, ActorRef, Parsed

__all__ = ["find_actors", "resolve_group", "resolve_span"]


Hit = NameHit | PersonHit | AgentHit


def _candidate_spans(parsed: Parsed, kb: ActorKB) -> list[tuple[int, int]]:
    """Noun chunks, plus names and sector words no chunk covers, in token order."""
    doc = parsed.doc
    scan = scan_doc(doc, kb)
    hits: tuple[Hit, ...] = (*scan.names, *scan.persons, *scan.agents)
    spans = [(chunk.start, chunk.end) for chunk in doc.noun_chunks
             if not (len(chunk) == 1 and chunk.root.pos_ == "PRON")
             and not _fragment(chunk.start, chunk.end, scan)]
    covered = {i for start, end in spans for i in range(start, end)}
    person_starts = {p.start for p in scan.persons}
    for hit in hits:
        if isinstance(hit, AgentHit) and hit.agent.kind == "title" and hit.end in person_starts:
            continue  # "Secretary of State" before "Antony Blinken": the name's mention covers it
        if not any(i in covered for i in range(hit.start, hit.end)):
            spans.append((hit.start, hit.end))
            covered.update(range(hit.start, hit.end))
    return sorted(spans)


def _fragment(start: int, end: int, scan: DocScan) -> bool:
    """A chunk the parser cut out of a longer name or title ("State" of "Secretary of State").

    Hits of one kind never overlap, so only the hit of each kind at the chunk's first token can
    cover it."""
    for at in (scan.name_at, scan.person_at, scan.agent_at):
        hit = at.get(start)
        if hit is not None and hit.start < start and end <= hit.end:
            return True
    return False


def find_actors(parsed: Parsed, kb: ActorKB) -> tuple[ActorMention, ...]:
    """Every actor mention in the body, resolved in context, in token order."""
    mentions: list[ActorMention] = []
    for start, end in _candidate_spans(parsed, kb):
        resolver = Resolver(parsed, kb, mentions)
        ref = resolver.resolve(start, end)
        if ref is None:
            continue
        sentence = parsed.sentence_of_token(start)
        mentions.append(ActorMention(ref=ref, sent_index=sentence.index, tok_start=start,
                                     tok_end=end))
    return tuple(mentions)


def _covering_mention(mentions: tuple[ActorMention, ...], tok_start: int, tok_end: int
                      ) -> ActorMention | None:
    for mention in mentions:
        if mention.tok_start == tok_start and mention.tok_end == tok_end:
            return mention
    return None


def resolve_span(
    parsed: Parsed,
    mentions: tuple[ActorMention, ...],
    tok_start: int,
    tok_end: int,
    kb: ActorKB,
) -> ActorRef | None:
    """Who the phrase doc[tok_start:tok_end] refers to, using the mentions around it.

    Used by event coding for each syntactic argument of an event verb ("Japan's Foreign
    Ministry", "the officials", "the latter", "his Japanese counterpart, Takeo Akiba"). The ref's
    text and offsets are those of the phrase. None when the phrase is not an actor ("the issue").
    """
    same = _covering_mention(mentions, tok_start, tok_end)
    if same is not None:
        return same.ref
    earlier = tuple(m for m in mentions if m.tok_start < tok_start)
    return Resolver(parsed, kb, earlier).resolve(tok_start, tok_end)


def resolve_group(
    parsed: Parsed,
    mentions: tuple[ActorMention, ...],
    tok_start: int,
    tok_end: int,
    kb: ActorKB,
) -> tuple[ActorRef, ...]:
    """Every party a plural or coordinated phrase names, in order.

    "Japan and South Korea" -> (JPN, KOR); "the two countries" -> the dyad in focus; a single
    actor -> a 1-tuple; a non-actor -> ().
    """
    earlier = tuple(m for m in mentions if m.tok_start < tok_start)
    return Resolver(parsed, kb, earlier).resolve_group(tok_start, tok_end)
