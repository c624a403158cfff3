"""Outlet knowledge: outlet and agency names, aliases and web domains -> home country (ISO3).

Data: `data/outlets.tsv` (name, aliases, domains, country).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlparse

from newsevents.knowledge.tables import read_tables, split_multi

OUTLETS_FILE = "outlets.tsv"


@dataclass(frozen=True)
class Outlet:
    """One outlet: the name used in output, other names, domains and home country."""

    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str | None


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower())


def _is_acronym(name: str) -> bool:
    """Short all-capital names ("PA", "SPA", "DNA"): matched only as written, since in lower
    case they are ordinary words or navigation labels."""
    return len(name) <= 4 and name.isupper()


def _name_keys(name: str) -> list[str]:
    """Lookup keys of a name: itself, and without a leading "The" when what is left still
    names the outlet on its own (two words or more: "The Straits Times" -> "straits times",
    but never "The Print" -> "print")."""
    keys = [_key(name)]
    rest = keys[0].removeprefix("the ")
    if rest != keys[0] and len(rest.split()) >= 2:
        keys.append(rest)
    return keys


@dataclass(frozen=True)
class OutletTable:
    """Outlets by normalised name/alias and by domain, immutable."""

    outlets: tuple[Outlet, ...] = ()
    by_name: MappingProxyType[str, Outlet] = field(default_factory=lambda: MappingProxyType({}))
    by_domain: MappingProxyType[str, Outlet] = field(default_factory=lambda: MappingProxyType({}))
    by_acronym: MappingProxyType[str, Outlet] = field(
        default_factory=lambda: MappingProxyType({}))

    def lookup(self, name: str | None) -> Outlet | None:
        """The outlet called `name` (its name or an alias, case-insensitive), or None."""
        if not name or not name.strip():
            return None
        name = name.strip()
        if _is_acronym(name):
            return self.by_acronym.get(name)
        found = self.by_name.get(_key(name))
        if found is None and _key(name).startswith("the "):
            found = self.by_name.get(_key(name).removeprefix("the "))
        return found

    def lookup_url(self, url: str | None) -> Outlet | None:
        """The outlet whose domain the URL's host is or ends with, or None."""
        if not url:
            return None
        host = (urlparse(url if "//" in url else f"//{url}").hostname or "").lower()
        parts = host.split(".")
        for i in range(len(parts) - 1):
            outlet = self.by_domain.get(".".join(parts[i:]))
            if outlet is not None:
                return outlet
        return None

    def resolve(self, text: str | None) -> Outlet | None:
        """The outlet named in a free outlet string such as "CNA (AFP)" or "Reuters (via X)".

        The whole string first; else the author agency in parentheses (the outlet that wrote
        the text); else the part outside the parentheses; "via X" names only the re-publisher.
        """
        if not text:
            return None
        whole = self.lookup(text)
        if whole is not None:
            return whole
        outside = re.sub(r"\([^)]*\)", " ", text)
        inner = re.findall(r"\(([^)]*)\)", text)
        candidates: list[str] = []
        for part in inner:
            if not part.strip().lower().startswith("via "):
                candidates.extend(re.split(r"\s*[/,;&]\s*", part))
        candidates.append(outside)
        for part in inner:
            if part.strip().lower().startswith("via "):
                candidates.append(part.strip()[4:])
        for candidate in candidates:
            found = self.lookup(candidate)
            if found is not None:
                return found
        return None


def load_outlets(dirs: Sequence[Path]) -> OutletTable:
    """Load the outlet table from the data folders in `dirs` (bundled first, later rows win)."""
    outlets: list[Outlet] = []
    by_name: dict[str, Outlet] = {}
    by_acronym: dict[str, Outlet] = {}
    by_domain: dict[str, Outlet] = {}
    for row in read_tables(dirs, OUTLETS_FILE):
        outlet = Outlet(
            name=row["name"],
            aliases=split_multi(row.get("aliases", "")),
            domains=tuple(d.lower() for d in split_multi(row.get("domains", ""))),
            country=row.get("country") or None,
        )
        outlets.append(outlet)
        for name in (outlet.name, *outlet.aliases):
            if _is_acronym(name):
                by_acronym[name] = outlet
            else:
                by_name.update(dict.fromkeys(_name_keys(name), outlet))
        for domain in outlet.domains:
            by_domain[domain.removeprefix("www.")] = outlet
    return OutletTable(tuple(outlets), MappingProxyType(by_name), MappingProxyType(by_domain),
                       MappingProxyType(by_acronym))
