"""Lines of a raw text with exact offsets, and the features the cleaner judges them by."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsevents.knowledge.boilerplate import BoilerplateRules

WORD = re.compile(r"\w+")
LINE = re.compile(r"[^\r\n]*")
TERMINAL = ".!?…。"
CLOSERS = "\"'”’»)]}*"
TRAILING_CREDIT = re.compile(r"\s*\((?:[A-Z][\w .&/-]{0,30})\)\s*$")
# the date parts of a dateline ("Nov. 12", "March 15, 2024" split at its comma into "2024")
MONTH_DAY = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d{4}$")
DATE_PREFIX = re.compile(r"^date\s+(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
# A search-type pattern never removes a line this long: such lines are paragraphs, not blurbs.
MAX_WORDS_FOR_SEARCH_RULES = 35


@dataclass(frozen=True)
class RawLine:
    """A non-blank line: `raw[start:end] == text` (surrounding whitespace excluded)."""

    index: int
    start: int
    end: int
    text: str


def split_lines(raw: str) -> tuple[RawLine, ...]:
    """The non-blank lines of `raw`, stripped, with exact offsets."""
    found: list[RawLine] = []
    for match in LINE.finditer(raw):
        text = match.group()
        stripped = text.strip()
        if not stripped:
            continue
        start = match.start() + (len(text) - len(text.lstrip()))
        found.append(RawLine(len(found), start, start + len(stripped), stripped))
    return tuple(found)


def date_prefix(text: str) -> tuple[str | None, str]:
    """A scraper's leading "date YYYY-MM-DD" and the rest of the line."""
    match = DATE_PREFIX.match(text)
    if match is None:
        return None, text
    return match.group(1), text[match.end():]


def words(text: str) -> list[str]:
    """The word tokens of a line."""
    return WORD.findall(text)


def without_trailing_credit(text: str) -> str:
    """The line without a closing agency credit such as "(Yonhap)"."""
    return TRAILING_CREDIT.sub("", text) if text.rstrip().endswith(")") else text


def ends_sentence(text: str) -> bool:
    """True when the line ends like a finished sentence (closing quotes/brackets allowed)."""
    core = without_trailing_credit(text).rstrip().rstrip(CLOSERS).rstrip()
    return bool(core) and (core[-1] in TERMINAL or core.endswith(("...", ":")))


def title_case_share(text: str) -> float:
    """Share of words that start with a capital letter (headlines capitalise most words)."""
    tokens = [t for t in words(text) if t[:1].isalpha()]
    return sum(1 for t in tokens if t[:1].isupper()) / len(tokens) if tokens else 0.0


def stopword_share(tokens: list[str], stopwords: frozenset[str]) -> float:
    """Share of tokens that are English function words."""
    if not tokens:
        return 0.0
    return sum(1 for t in tokens if t.lower() in stopwords) / len(tokens)


@dataclass(frozen=True)
class LineFeatures:
    """What the cleaner knows about one line before deciding."""

    line: RawLine
    content: str  # the text without a leading "date YYYY-MM-DD"
    n_words: int
    terminal: bool
    stop_share: float
    foreign_share: float  # share of function words of other Latin-script languages
    rule_reason: str | None  # the reason of the first matching boilerplate rule
    dateline: re.Match[str] | None

    @property
    def units(self) -> int:
        """Length in words, or in characters / 6 for scripts written without spaces (CJK)."""
        return max(self.n_words, len(self.content) // CHARS_PER_WORD)

    @property
    def prose(self) -> bool:
        """A sentence-like line: long enough and finished, or long whatever its ending."""
        if self.rule_reason is not None:
            return False
        return (self.terminal and self.units >= 6) or self.units >= 20

    @property
    def strong_dateline(self) -> bool:
        """A dateline whose place is in capitals ("SEOUL, Nov. 12 (Yonhap) --") or that opens
        with the agency ("(CNN)"): safe to start the body at, wherever it is."""
        if self.dateline is None:
            return False
        head = self.dateline.group(0)
        place = dateline_parts(self.dateline)
        return head.startswith("(") or bool(place) and all(
            c.isupper() for c in place[0] if c.isalpha())

    @property
    def headline_like(self) -> bool:
        """Short, unfinished, no rule: the shape of a headline or a sidebar link."""
        return self.rule_reason is None and not self.terminal and 2 <= self.n_words <= 25


STRUCTURAL = frozenset({"dateline"})
DATE_STAMP_MAX_WORDS = 20
CHARS_PER_WORD = 6
MAX_NAME_WORDS_BESIDE_DATE = 3
YEAR_TOKEN = re.compile(r"(19|20)\d\d")
DIGITS_AND_SUFFIX = re.compile(r"\d+(st|nd|rd|th|am|pm|h|hrs?)?$", re.IGNORECASE)
# Photo credits and caption openers mark captions of any length.
ANY_LENGTH_REASONS = frozenset({"photo-credit", "caption"})


def rule_reason(content: str, n_words: int, rules: BoilerplateRules) -> str | None:
    """The reason of the first boilerplate rule matching the line, within each rule's scope."""
    for rule in rules.rules:
        if rule.reason in STRUCTURAL:
            continue
        if (rule.match == "search" and n_words > MAX_WORDS_FOR_SEARCH_RULES
                and rule.reason not in ANY_LENGTH_REASONS):
            continue
        if rule.search(content):
            return rule.reason
    return None


def is_date_stamp(tokens: list[str], rules: BoilerplateRules) -> bool:
    """True for a line that is only a date or time ("November 19, 2019 at 6:34 am")."""
    if not tokens or len(tokens) > DATE_STAMP_MAX_WORDS:
        return False
    calendar = rules.word_list("month") | rules.word_list("weekday")
    filler = rules.word_list("date-word")
    numbers = sum(1 for t in tokens if DIGITS_AND_SUFFIX.match(t))
    months = sum(1 for t in tokens if t.lower() in calendar)
    year = any(YEAR_TOKEN.fullmatch(t) for t in tokens)
    has_date = (numbers >= 1 and months >= 1) or (year and numbers >= 2)
    others = [t for t in tokens if not (t.isdigit() or t.lower() in calendar
                                        or t.lower() in filler or DIGITS_AND_SUFFIX.match(t))]
    if len(others) <= 1:
        return has_date and len(others) < len(tokens) / 2
    # "John Smith | November 12, 2020": a full date beside a name in capitals
    full_date = numbers + months >= 3
    return (has_date and full_date and len(others) <= MAX_NAME_WORDS_BESIDE_DATE
            and all(t[:1].isupper() for t in others))


def find_dateline(content: str, rules: BoilerplateRules) -> re.Match[str] | None:
    """The dateline at the start of a line ("SEOUL, Nov. 12 (Yonhap) -- ..."), if any."""
    labels = rules.word_list("not-a-place")
    for rule in rules.by_reason("dateline"):
        match = rule.search(content)
        if match is not None and _plausible_dateline(match) and not _is_label(match, labels):
            return match
    return None


def _is_label(match: re.Match[str], labels: frozenset[str]) -> bool:
    """"UPDATE: ...", "EDITOR'S NOTE: ...": a label in capitals, not a place."""
    parts = dateline_parts(match)
    return bool(parts) and parts[0].lower() in labels


def _plausible_dateline(match: re.Match[str]) -> bool:
    """A place in capitals ("SEOUL", "NEW YORK") or a bare "(Agency)" opener."""
    head = match.group(0)
    if head.startswith("(") or match.groupdict().get("outlet"):
        return True
    place = re.split(r"[,(:—–-]", head, maxsplit=1)[0].strip()
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def dateline_parts(match: re.Match[str]) -> list[str]:
    """The comma-separated names before a dateline's separator, month-day parts left out.

    "NEW YORK, Kyodo - " gives ["NEW YORK", "Kyodo"]; the caller tells places from outlets.
    """
    head = match.group(0)
    if head.startswith("("):
        return []
    head = re.split(r"\s*(?:\(|--|—|–|\s-\s|:|-\s*$|\.?\s*/)", head, maxsplit=1)[0]
    parts = [p.strip() for p in head.split(",")]
    return [p for p in parts if p and not MONTH_DAY.match(p)]


def dateline_outlet(match: re.Match[str]) -> str | None:
    """The outlet a dateline names in parentheses: "(Yonhap)", "(AP)"."""
    return match.groupdict().get("outlet") or match.groupdict().get("outlet2")


def _reason(content: str, tokens: list[str], rules: BoilerplateRules) -> str | None:
    if not content or is_date_stamp(tokens, rules):
        return "date-line"
    return rule_reason(content, len(tokens), rules)


def features(lines: tuple[RawLine, ...], rules: BoilerplateRules) -> Iterator[LineFeatures]:
    """Features of every line."""
    stopwords = rules.word_list("stopword")
    foreign = rules.word_list("foreign-stopword")
    for line in lines:
        _, content = date_prefix(line.text)
        tokens = words(content)
        yield LineFeatures(
            line=line,
            content=content,
            n_words=len(tokens),
            terminal=ends_sentence(content),
            stop_share=stopword_share(tokens, stopwords),
            foreign_share=stopword_share(tokens, foreign),
            rule_reason=_reason(content, tokens, rules),
            dateline=find_dateline(content, rules),
        )
