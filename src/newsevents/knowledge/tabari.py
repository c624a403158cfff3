"""Importer for actor and agent dictionaries in the TABARI / PETRARCH format.

Users often already have such dictionaries (Phoenix, ICEWS-derived, project-specific ones), so the
actor knowledge base can be extended with them as they are (`*.actors.txt` / `*.agents.txt` in a
`--kb` folder, or `ActorKB.extended(rows)`).

Grammar as read here (the subset real dictionaries use):
- `#` starts a comment; `<!-- ... -->` lines are comments; blank lines are skipped.
- An entry starts at column 0: `NAME_ [CODE DATES] [CODE] ...`; words are joined by `_`, a trailing
  `_` only marks a word boundary. `+ALIAS` lines add names to the current entry, and indented
  `[CODE DATES]` lines add codes to it.
- A code is a country code (`JPN`), country + role (`JPNGOV`, `JPNGOVLEG`), an international code
  (`IGOUNO`, `IMGMUSALQ`), `---` (no code) or, in agent files, `~ROLE`.
- DATES: `YYMMDD-YYMMDD` or `YYYYMMDD-YYYYMMDD` (a range), `>DATE` (from), `<DATE` (until).
- Agent files: `WORD {PLURAL} [~ROLE]`, with `!MACRO! = A, B` lines defining substitutions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsevents.errors import KnowledgeError

_CODE = re.compile(r"\[([^\]]*)\]")
_MACRO = re.compile(r"^\s*(![A-Z]+!)\s*=\s*(.+)$")
TWO_DIGIT_YEAR_PIVOT = 30  # TABARI files use YYMMDD; years up to this are 20YY, later ones 19YY


@dataclass(frozen=True)
class TabariRole:
    """One code of an actor, valid from `start` to `end` (ISO dates, None = open)."""

    code: str
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class TabariActor:
    """One dictionary entry: its name, aliases and coded roles."""

    name: str
    aliases: tuple[str, ...]
    roles: tuple[TabariRole, ...]
    comment: str = ""


@dataclass(frozen=True)
class TabariAgent:
    """One agent (sector word) entry: the words and the role code without the `~`."""

    words: str
    code: str


def tabari_name(raw: str) -> str:
    """`SHINZO_ABE_` -> `SHINZO ABE` (underscores are spaces; trailing ones mark a boundary)."""
    return " ".join(raw.replace("_", " ").split())


def parse_date(value: str) -> str | None:
    """A TABARI date (`YYMMDD` or `YYYYMMDD`) as ISO `YYYY-MM-DD`; None when malformed."""
    value = value.strip()
    if not value.isdigit() or len(value) not in (6, 8):
        return None
    if len(value) == 6:
        year = int(value[:2])
        century = 2000 if year <= TWO_DIGIT_YEAR_PIVOT else 1900
        value = f"{century + year}{value[2:]}"
    month, day = int(value[4:6]), int(value[6:8])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}"


def parse_role(text: str) -> TabariRole | None:
    """`JPNGOV 060926-070926` -> TabariRole; None for `---`, empty or unreadable codes."""
    parts = text.split()
    if not parts or parts[0].strip("-") == "":
        return None
    code = parts[0].upper()
    if len(parts) == 1:
        return TabariRole(code)
    dates = parts[1]
    if dates.startswith(">"):
        return TabariRole(code, start=parse_date(dates[1:]))
    if dates.startswith("<"):
        return TabariRole(code, end=parse_date(dates[1:]))
    if "-" in dates:
        first, last = dates.split("-", 1)
        start, end = parse_date(first), parse_date(last)
        if start is None or end is None:
            return TabariRole(code)
        return TabariRole(code, start=start, end=end)
    return TabariRole(code)


def _strip_comment(line: str) -> tuple[str, str]:
    if line.lstrip().startswith("<!--") or line.lstrip().startswith("-->"):
        return "", ""
    text, _, comment = line.partition("#")
    return text.rstrip(), comment.strip()


def _entry_head(text: str) -> tuple[str, list[TabariRole]]:
    name_part = _CODE.split(text)[0]
    roles = [r for r in (parse_role(c) for c in _CODE.findall(text)) if r is not None]
    return tabari_name(name_part), roles


def load_tabari_actors(path: str | Path) -> tuple[TabariActor, ...]:
    """Every entry of a TABARI/PETRARCH `.actors` file, in file order."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise KnowledgeError(f"cannot read actor dictionary {path}: {exc}") from exc
    entries: list[TabariActor] = []
    name: str | None = None
    aliases: list[str] = []
    roles: list[TabariRole] = []
    comment = ""

    def flush() -> None:
        if name:
            entries.append(TabariActor(name, tuple(aliases), tuple(roles), comment))

    for line in lines:
        text, note = _strip_comment(line)
        if not text.strip():
            continue
        stripped = text.strip()
        if stripped.startswith("+"):
            alias, more = _entry_head(stripped[1:])
            if alias:
                aliases.append(alias)
            roles.extend(more)
        elif text[0] in " \t" or stripped.startswith("["):
            roles.extend(r for r in (parse_role(c) for c in _CODE.findall(stripped)) if r)
        else:
            flush()
            name, head_roles = _entry_head(stripped)
            aliases, roles, comment = [], head_roles, note
    flush()
    return tuple(entries)


def _expand_macros(words: str, macros: dict[str, tuple[str, ...]]) -> Iterator[str]:
    for macro, values in macros.items():
        if macro in words:
            for value in values:
                yield from _expand_macros(words.replace(macro, value, 1), macros)
            return
    yield words


def load_tabari_agents(path: str | Path) -> tuple[TabariAgent, ...]:
    """Every agent (sector word) of a TABARI/PETRARCH `.agents` file, macros expanded."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise KnowledgeError(f"cannot read agent dictionary {path}: {exc}") from exc
    macros: dict[str, tuple[str, ...]] = {}
    agents: list[TabariAgent] = []
    for line in lines:
        text, _ = _strip_comment(line)
        macro = _MACRO.match(text)
        if macro:
            macros[macro.group(1)] = tuple(v.strip() for v in macro.group(2).split(","))
            continue
        codes = _CODE.findall(text)
        if not codes or not codes[0].strip().startswith("~"):
            continue
        head = re.sub(r"\{[^}]*\}", " ", _CODE.split(text)[0])
        code = codes[0].strip()[1:].split()[0].upper() if codes[0].strip()[1:] else ""
        if not code:
            continue
        for words in _expand_macros(head, macros):
            name = tabari_name(words).lower()
            if name:
                agents.append(TabariAgent(name, code))
    return tuple(agents)
