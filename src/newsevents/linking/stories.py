"""Story records from linked mentions, each outlet's account, and the view of one story.

Accounts: a story's happening is usually told with more than its headline event — the appeal
one side made during the talks, the praise the other side offered. Each article of the story
contributes its *scope*: the story's own mentions in it plus its other present-day mentions on
the story's date and countries (its sub-events). An outlet's account lists the scoped mentions
that no other outlet's scope matches (same or compatible type, same parties in the same roles,
no conflicting sectors): Kyodo reports Tokyo's appeal to Seoul, Yonhap reports Seoul's appeal
to Tokyo.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from newsevents.errors import UsageError
from newsevents.linking.features import DateSpan, Mention, is_outlet, parse_span
from newsevents.linking.match import roles_agree
from newsevents.linking.rules import LinkRules
from newsevents.linking.views import ArticleView
from newsevents.records import (
    PLOVER_TYPES,
    Account,
    ActorRef,
    Article,
    Event,
    RunResult,
    Story,
)

# What a story reads of each of its articles: a whole Article or its light linking view.
ArticleInfo = Article | ArticleView
SUMMARY_CHARS = 140
_PRECISION_ORDER = ("day", "month", "year")


def story_id_of(event_ids: Sequence[str]) -> str:
    """A stable id: a hash of the smallest event id of the story."""
    return "s-" + hashlib.blake2b(min(event_ids).encode(), digest_size=6).hexdigest()


def story_type(members: Sequence[Mention]) -> str:
    """The most reported type; ties go to the type of a main mention, then to PLOVER order."""
    counts = Counter(m.event.type for m in members)
    mains = {m.event.type for m in members if m.event.main}
    return min(counts, key=lambda t: (-counts[t], t not in mains,
                                      PLOVER_TYPES.index(t) if t in PLOVER_TYPES else 99))


def story_dyad(members: Sequence[Mention]) -> str | None:
    """The countries (or codes) of the parties, sorted and joined: "JPN-KOR", "PAK"."""
    keys = sorted({k for m in members for k in (m.src, m.tgt) if k})
    return "-".join(keys) if keys else None


def best_date(members: Sequence[Mention]) -> str | None:
    """The most frequent date of the finest precision any mention gives (ties: earliest)."""
    for precision in _PRECISION_ORDER:
        chosen = [m.event.date for m in members
                  if m.span is not None and m.span.precision == precision]
        if chosen:
            counts = Counter(chosen)
            return min(counts, key=lambda d: (-counts[d], d))  # type: ignore[arg-type]
    return None


def build_stories(groups: Sequence[Sequence[int]], mentions: Sequence[Mention],
                  articles: Mapping[str, ArticleInfo], rules: LinkRules) -> tuple[Story, ...]:
    """One Story per group of mention indexes, accounts filled for stories of several articles."""
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.doc_id].append(m)
    stories = []
    for group in groups:
        members = [mentions[i] for i in group]
        story = _story(members, articles)
        if len(story.doc_ids) > 1:
            story = _with_accounts(story, members, by_doc, articles, rules)
        stories.append(story)
    return tuple(sorted(stories, key=lambda s: (s.date or "", s.story_id)))


def _story(members: Sequence[Mention], articles: Mapping[str, ArticleInfo]) -> Story:
    doc_ids = tuple(sorted({m.doc_id for m in members}))
    pub_dates = [articles[d].pub_date for d in doc_ids if articles[d].pub_date]
    outlets = sorted({articles[d].outlet for d in doc_ids if articles[d].outlet})
    event_ids = tuple(m.event.event_id for m in members)
    return Story(
        story_id=story_id_of(event_ids),
        type=story_type(members),
        dyad=story_dyad(members),
        date=best_date(members),
        first_reported=min(pub_dates) if pub_dates else None,
        n_mentions=len(members),
        outlets=tuple(outlets),
        doc_ids=doc_ids,
        event_ids=event_ids,
        background=all(m.event.background for m in members),
    )


# --------------------------------------------------------------------------- accounts


def _in_scope(m: Mention, story: Story, span: DateSpan | None,
              countries: frozenset[str]) -> bool:
    """A sub-event of a story article: present-day, on the story's date, among its countries."""
    if m.event.background != story.background:
        return False
    if m.countries and countries and countries.isdisjoint(m.countries):
        return False
    if m.span is None or span is None:
        return True
    return m.span.lo <= span.hi and span.lo <= m.span.hi


def _with_accounts(story: Story, members: Sequence[Mention],
                   by_doc: Mapping[str, Sequence[Mention]], articles: Mapping[str, ArticleInfo],
                   rules: LinkRules) -> Story:
    member_ids = {m.idx for m in members}
    countries = frozenset(story.dyad.split("-")) if story.dyad else frozenset()
    span = parse_span(story.date)
    scope = {doc_id: [m for m in by_doc[doc_id]
                      if m.idx in member_ids or _in_scope(m, story, span, countries)]
             for doc_id in story.doc_ids}
    outlet_docs: dict[str, list[str]] = defaultdict(list)
    for doc_id in story.doc_ids:
        outlet_docs[articles[doc_id].outlet or doc_id].append(doc_id)
    # Whether a mention matches another depends only on their types and sides, so each outlet
    # is compared with one mention per distinct (type, sides) of the other outlets: a story
    # told by hundreds of outlets costs what a story told by a few does.
    every = Counter(_match_key(m) for ms in scope.values() for m in ms)
    example = {_match_key(m): m for ms in scope.values() for m in ms}
    accounts = []
    for docs in outlet_docs.values():
        own = [m for d in docs for m in scope[d]]
        mine = Counter(_match_key(m) for m in own)
        others = [example[key] for key, n in every.items() if n > mine[key]]
        only = [m for m in own if not any(_matches(m, o, rules) for o in others)]
        article = articles[docs[0]]
        accounts.append(Account(
            outlet=article.outlet,
            outlet_country=article.outlet_country,
            doc_ids=tuple(docs),
            only_here=tuple(m.event.event_id for m in only),
            summary=tuple(summary_line(m) for m in only),
        ))
    return replace(story, accounts=tuple(accounts))


def _match_key(m: Mention) -> tuple:
    """What `_matches` reads of a mention."""
    return m.type, m.sides, m.countries


def _matches(a: Mention, b: Mention, rules: LinkRules) -> bool:
    return rules.type_relation(a.type, b.type) is not None and roles_agree(a, b, rules)


def _party(ref: ActorRef | None) -> str:
    if ref is None:
        return "?"
    return ref.code or ref.country or ref.name or ref.text or "?"


def summary_line(m: Mention) -> str:
    """"REQUEST JPN->KOR: In the talks with Choi ..." (evidence cut to a readable length)."""
    evidence = " ".join(m.event.evidence.split())
    if len(evidence) > SUMMARY_CHARS:
        evidence = evidence[:SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return f"{m.event.type} {_party(m.event.source)}->{_party(m.event.target)}: {evidence}"


# --------------------------------------------------------------------------- view


def story_view(run: RunResult, story_id: str) -> dict[str, Any]:
    """Everything `newsevents story ID` shows: the merged event, mentions, accounts side by side."""
    story = next((s for s in run.stories if s.story_id == story_id), None)
    if story is None:
        raise UsageError(f"no story {story_id!r} in this run; list stories with `newsevents stories`")
    articles = {r.doc_id: r.article for r in run.articles if r.article is not None}
    events = {e.event_id: e for e in run.events}
    mentions = [events[i] for i in story.event_ids if i in events]
    source, target = merged_parties(mentions, articles)
    return {
        "story": story.to_json(),
        "event": {
            "type": story.type,
            "dyad": story.dyad,
            "date": story.date,
            "first_reported": story.first_reported,
            "source": source,
            "target": target,
            "n_mentions": story.n_mentions,
            "outlets": list(story.outlets),
            "background": story.background,
        },
        "mentions": [_mention_view(e, articles.get(e.doc_id)) for e in mentions],
        "accounts": [
            {
                "outlet": a.outlet,
                "outlet_country": a.outlet_country,
                "doc_ids": list(a.doc_ids),
                "only_here": [_mention_view(events[i], articles.get(events[i].doc_id))
                              for i in a.only_here if i in events],
                "summary": list(a.summary),
            }
            for a in story.accounts
        ],
    }


def merged_parties(events: Sequence[Event],
                   articles: Mapping[str, ArticleInfo]) -> tuple[str | None, str | None]:
    """The most reported (source, target) of a story's mentions, the reporting outlet left out.

    Pairs with both parties known count first; a story told only with one party known falls back
    to the most common single source and target.
    """
    pairs: Counter[tuple[str, str]] = Counter()
    sources: Counter[str] = Counter()
    targets: Counter[str] = Counter()
    for e in events:
        article = articles.get(e.doc_id)
        outlet = article.outlet if article else None
        src = _party(e.source) if e.source and not is_outlet(e.source, outlet) else "?"
        tgt = _party(e.target) if e.target and not is_outlet(e.target, outlet) else "?"
        if src != "?" and tgt != "?":
            pairs[(src, tgt)] += 1
        if src != "?":
            sources[src] += 1
        if tgt != "?":
            targets[tgt] += 1
    if pairs:
        return min(pairs, key=lambda p: (-pairs[p], p))
    return (min(sources, key=lambda k: (-sources[k], k)) if sources else None,
            min(targets, key=lambda k: (-targets[k], k)) if targets else None)


def _mention_view(event: Event, article: Article | None) -> dict[str, Any]:
    return {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "outlet": article.outlet if article else None,
        "pub_date": article.pub_date if article else None,
        "type": event.type,
        "source": event.source.to_json() if event.source else None,
        "target": event.target.to_json() if event.target else None,
        "date": event.date,
        "date_text": event.date_text,
        "status": event.status,
        "background": event.background,
        "main": event.main,
        "attributed_to": event.attributed_to,
        "evidence": event.evidence,
        "evidence_start": event.evidence_start,
        "evidence_end": event.evidence_end,
    }
