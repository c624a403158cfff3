"""Typed records that cross stage boundaries.

One record per boundary, all immutable:

    ingest -> RawArticle | Rejection
    clean  -> Article | Rejection
    nlp    -> Parsed            (holds the spaCy Doc; never serialised)
    actors -> ActorMention[]    (each carries an ActorRef)
    dates  -> TimeRef[]
    coding -> Event[]
    link   -> Story[] (+ events with story_id, articles with inferred dates)

Offsets: every user-visible span (`evidence_start/end`, `ActorRef.start/end`, `TimeRef.start/end`)
indexes `Article.raw` exactly, so `raw[start:end] == text`. For .txt inputs `raw` is the decoded
file; for HTML it is the main text trafilatura extracted (the HTML itself is not the reading text).

`to_json()` gives the documented JSON shape (README, "Output").
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
    "ASSAULT",
)
# PLOVER's quad category of each type (manual DRAFT 2.0, "Summary of event categories"):
# 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
PLOVER_QUAD: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
STATUSES: tuple[str, ...] = ("occurred", "planned", "failed", "conditional", "denied")

Status = Literal["occurred", "planned", "failed", "conditional", "denied"]
Tense = Literal["past", "present", "future"]


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not f.metadata.get("internal")}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


class Record:
    """Mixin: JSON form of a frozen dataclass (fields marked internal are left out)."""

    def to_json(self) -> dict[str, Any]:
        return _jsonable(self)


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Metadata(Record):
    """Metadata as the user gave it (manifest, sidecar, JSONL fields, HTML meta)."""

    url: str | None = None
    outlet: str | None = None
    pub_date: str | None = None  # YYYY-MM-DD as given (validated by clean)
    pub_date_source: str | None = None  # "manifest" | "sidecar" | "jsonl" | "html-meta"
    title: str | None = None


@dataclass(frozen=True)
class RawArticle(Record):
    """One input document before cleaning.

    `text` is the reading text all offsets refer to. For HTML inputs `html` keeps the page and
    `text` is trafilatura's main text, filled by ingest.
    """

    doc_id: str
    source_path: str
    fmt: Literal["txt", "html", "jsonl"]
    text: str
    meta: Metadata = field(default_factory=Metadata)
    html: str | None = field(default=None, metadata={"internal": True})


@dataclass(frozen=True)
class Rejection(Record):
    """An input a stage could not handle, with the reason shown to the user (one line)."""

    doc_id: str
    source_path: str
    stage: str
    reason: str


# --------------------------------------------------------------------------- clean


@dataclass(frozen=True)
class Line(Record):
    """A line of the raw text: `raw[start:end] == text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class RemovedLine(Record):
    """A raw line judged not to be article body, and why (e.g. "subscription", "repeated")."""

    start: int
    end: int
    text: str
    reason: str


BODY_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Article(Record):
    """A cleaned article: body lines with offsets into `raw`, removed lines, metadata."""

    doc_id: str
    source_path: str
    raw: str = field(metadata={"internal": True})
    body_lines: tuple[Line, ...]
    removed_lines: tuple[RemovedLine, ...] = ()
    title: str | None = None
    outlet: str | None = None
    outlet_country: str | None = None  # ISO3 of the outlet's home country, when known
    url: str | None = None
    dateline_place: str | None = None
    pub_date: str | None = None  # YYYY-MM-DD
    pub_date_source: str | None = None  # manifest|sidecar|jsonl|html-meta|text|dateline|url|inferred
    truncated: bool = False
    content_hash: str = ""

    @property
    def body(self) -> str:
        """The body lines joined by BODY_SEPARATOR: the text the parser reads."""
        return BODY_SEPARATOR.join(line.text for line in self.body_lines)

    def body_to_raw(self, offset: int) -> int:
        """Map a character offset in `body` to the same character's offset in `raw`."""
        pos = 0
        for line in self.body_lines:
            length = line.end - line.start
            if offset <= pos + length:
                return line.start + max(0, offset - pos)
            pos += length + len(BODY_SEPARATOR)
        return self.body_lines[-1].end if self.body_lines else 0


# --------------------------------------------------------------------------- nlp


@dataclass(frozen=True)
class Sentence(Record):
    """A sentence of the body; `start`/`end` index the raw text, `body_start` the body."""

    index: int
    start: int
    end: int
    body_start: int
    body_end: int
    text: str


@dataclass(frozen=True)
class Parsed:
    """An article with its spaCy Doc over `article.body` and sentences mapped to raw offsets."""

    article: Article
    doc: Any  # spacy.tokens.Doc
    sentences: tuple[Sentence, ...]

    def sentence_of_token(self, token_i: int) -> Sentence:
        """The Sentence that holds token index `token_i` of `doc`."""
        char = self.doc[token_i].idx
        for sent in self.sentences:
            if sent.body_start <= char < sent.body_end:
                return sent
        return self.sentences[-1]


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class ActorRef(Record):
    """An actor as written and as resolved.

    `code` is CAMEO-style: country + sector ("JPNGOV", "KORJUD"); IGOs use their own code ("UNO").
    `how` says which rule resolved it (e.g. "country-name", "capital", "office-holder",
    "counterpart", "outlet-country", "coref").
    """

    text: str | None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    start: int | None = None  # raw offsets of `text`
    end: int | None = None
    how: str | None = None


@dataclass(frozen=True)
class ActorMention(Record):
    """An actor mention found in the body: token span [tok_start, tok_end) of `Parsed.doc`."""

    ref: ActorRef
    sent_index: int
    tok_start: int
    tok_end: int


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True)
class TimeRef(Record):
    """A time expression: the phrase, its raw offsets, and what it means.

    `kind` tells how to resolve it: "absolute" (date known from the text alone, e.g. "in 2018",
    "Oct. 30, 2018"), "relative" (needs the publication date: "Thursday", "last week"),
    "weekday" (a bare weekday whose direction depends on tense).
    `value` is the resolved date for absolute refs (YYYY, YYYY-MM or YYYY-MM-DD), else None.
    """

    text: str
    start: int
    end: int
    sent_index: int
    tok_start: int
    tok_end: int
    kind: Literal["absolute", "relative", "weekday"]
    value: str | None = None
    precision: Literal["year", "month", "day"] | None = None


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class Event(Record):
    """One political event asserted by one article (an event mention)."""

    event_id: str
    doc_id: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    source: ActorRef | None
    target: ActorRef | None
    date: str | None
    date_text: str | None
    status: str
    background: bool
    attributed_to: str | None
    evidence: str
    evidence_start: int
    evidence_end: int
    quad_class: int
    goldstein: float | None
    plover_score: float | None = None
    trigger: str | None = None
    main: bool = False
    story_id: str | None = None
    confidence: float = 0.5


# --------------------------------------------------------------------------- link


@dataclass(frozen=True)
class Account(Record):
    """What one outlet reports about a story that the others do not."""

    outlet: str | None
    outlet_country: str | None
    doc_ids: tuple[str, ...]
    only_here: tuple[str, ...]  # event_ids of mentions no other outlet reports
    summary: tuple[str, ...]  # short human lines, e.g. "REQUEST JPN->KOR: Akiba urged Seoul ..."


@dataclass(frozen=True)
class Story(Record):
    """One real-world happening and its mentions across articles."""

    story_id: str
    type: str
    dyad: str | None  # e.g. "JPN-KOR" (sorted countries), or one country
    date: str | None
    first_reported: str | None
    n_mentions: int
    outlets: tuple[str, ...]
    doc_ids: tuple[str, ...]
    event_ids: tuple[str, ...]
    background: bool = False
    accounts: tuple[Account, ...] = ()


@dataclass(frozen=True)
class DuplicateGroup(Record):
    """Articles that are copies of one text (syndication, re-scrapes); none is dropped."""

    group_id: str
    canonical: str
    doc_ids: tuple[str, ...]
    similarity: float


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class ArticleResult:
    """What the per-article pipeline returns: the article (or why it failed) and its events."""

    doc_id: str
    source_path: str
    article: Article | None
    events: tuple[Event, ...] = ()
    rejection: Rejection | None = None

    @property
    def ok(self) -> bool:
        return self.rejection is None


@dataclass(frozen=True)
class RunResult:
    """A whole run: every input accounted for, events, stories, duplicate groups."""

    articles: tuple[ArticleResult, ...]
    stories: tuple[Story, ...] = ()
    duplicates: tuple[DuplicateGroup, ...] = ()

    @property
    def events(self) -> tuple[Event, ...]:
        return tuple(e for a in self.articles for e in a.events)


def article_json(result: ArticleResult) -> dict[str, Any]:
    """The `articles.jsonl` line for one input, failures included."""
    a = result.article
    return {
        "doc_id": result.doc_id,
        "source_path": result.source_path,
        "status": "ok" if result.ok else "error",
        "error": None if result.ok else f"{result.rejection.stage}: {result.rejection.reason}",
        "outlet": a.outlet if a else None,
        "outlet_country": a.outlet_country if a else None,
        "url": a.url if a else None,
        "title": a.title if a else None,
        "pub_date": a.pub_date if a else None,
        "pub_date_source": a.pub_date_source if a else None,
        "dateline_place": a.dateline_place if a else None,
        "text": a.body if a else None,
        "removed_lines": [r.text for r in a.removed_lines] if a else [],
        "removed_reasons": [r.reason for r in a.removed_lines] if a else [],
        "truncated": a.truncated if a else False,
        "content_hash": a.content_hash if a else None,
        "n_events": len(result.events),
    }


def event_json(event: Event) -> dict[str, Any]:
    """The `events.jsonl` line for one event."""
    return event.to_json()
