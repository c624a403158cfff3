"""The actor knowledge base: countries, capitals and seats of power, organisations, sector words and
office holders with date ranges, loaded from data files into one immutable `ActorKB`.

Files (TSV, grammar in knowledge/tables.py; each states its columns and source in its header):
countries.tsv, capitals.tsv, igos.tsv, groups.tsv, agents.tsv, office_holders.tsv (derived from the
Phoenix dictionaries by scripts/convert_phoenix.py), leaders.tsv (curated, newer office holders).
A user folder may add rows to any of them and TABARI/PETRARCH dictionaries (`*.actors.txt`,
`*.agents.txt`), read through knowledge/tabari.py.

Names are matched after `normalise_name`: case, dots, hyphens, curly quotes and a leading "the" are
ignored, so "U.S.", "US" and "the United States" meet. Acronyms written in capitals ("US", "IS",
"UN") must also appear in capitals in the text, so the pronoun "us" or the verb "is" never match.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from newsevents.errors import KnowledgeError
from newsevents.knowledge.tabari import (
    TabariActor,
    TabariRole,
    load_tabari_actors,
    load_tabari_agents,
)
from newsevents.knowledge.tables import read_table, read_tables, split_multi
from newsevents.records import ActorRef

ENTRY_KINDS = ("country", "adjective", "demonym", "capital", "seat", "org", "person",
               "region")
SECTORS = frozenset({
    "GOV", "MIL", "JUD", "LEG", "BUS", "CVL", "MED", "OPP", "REB", "SPY", "IGO", "NGO", "PTY",
    "EDU", "REF", "LAB", "REL", "ELI", "COP", "AGR", "HLH", "UAF", "IMG", "CRM", "ENV", "DEV",
})
AGENT_KINDS = frozenset({"title", "body", "people", "thing", "weapon"})
_ISO3 = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ACRONYM = re.compile(r"^[A-Z0-9&+]{2,6}$")
_MAX_NAME_WORDS = 8


def fold_name(text: str) -> str:
    """The character mapping of `normalise_name` alone: lower case, straight quotes, no dots,
    hyphens as spaces. It maps characters one by one, so a token's fold is a prefix of the fold
    of any text starting with that token (for ASCII text)."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").lower()
    return text.replace(".", "").replace("-", " ").replace("\u2013", " ")


def normalise_name(text: str) -> str:
    """The key names are matched by: lower case, no dots, hyphens as spaces, no leading 'the'."""
    text = " ".join(fold_name(text).split())
    return text.removeprefix("the ").strip()


def agent_key(words: str) -> str:
    """The key sector words are matched by: lower case, hyphens as spaces, single spaces."""
    return " ".join(words.lower().replace("-", " ").split())


def acronym_form(text: str) -> str | None:
    """The exact capitals an acronym must be written in ("U.S." -> "US"), else None."""
    bare = text.replace(".", "").replace("-", "").replace(" ", "")
    return bare if _ACRONYM.match(bare) and any(c.isalpha() for c in bare) else None


@dataclass(frozen=True)
class Role:
    """An office or affiliation held from `start` to `end` (ISO dates; None = open)."""

    country: str | None
    sector: str | None
    code: str | None
    start: str | None = None
    end: str | None = None
    title: str | None = None

    def holds_on(self, day: str) -> bool:
        """Whether the role covers `day` (YYYY, YYYY-MM or YYYY-MM-DD; compared by prefix)."""
        start = (self.start or "0000")[: len(day)]
        end = (self.end or "9999")[: len(day)]
        return start <= day <= end

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class KBEntry:
    """One named thing: a country, a capital or seat, an organisation or a person."""

    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    roles: tuple[Role, ...] = ()
    curated: bool = True
    members: tuple[str, ...] = ()  # for regions: the states in it

    def role_on(self, day: str | None) -> Role | None:
        """The role a person held on `day` (offices before 'elite' status); the latest if no day."""
        if not self.roles:
            return None
        if day:
            held = [r for r in self.roles if r.dated and r.holds_on(day)]
            if held:
                return min(held, key=lambda r: (r.sector == "ELI", r.end is None))
            undated = [r for r in self.roles if not r.dated]
            return undated[0] if undated else None
        return max(self.roles, key=lambda r: (r.start or "", r.sector != "ELI"))


@dataclass(frozen=True)
class NameForm:
    """How one written form points at an entry; `acronym` is the exact capitals it needs."""

    entry: KBEntry
    acronym: str | None = None


@dataclass(frozen=True)
class Agent:
    """A sector word ("ministry" -> GOV): its sector, CAMEO role code and kind (title/body/...)."""

    words: str
    sector: str
    cameo: str
    kind: str


@dataclass(frozen=True)
class Country:
    """A state: code, canonical name and the names it is written with."""

    iso3: str
    name: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()


def actor_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style code: country + sector ("JPNGOV"); the sector alone when stateless."""
    if country and sector:
        return f"{country}{sector}"
    return country or sector


@dataclass(frozen=True)
class FirstWords:
    """The first words of a set of lookup keys, so a scan can rule out a start token at once
    instead of trying every phrase length from it (most tokens start no name)."""

    sorted_words: tuple[str, ...] = ()
    most_words: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, keys: Iterable[str]) -> FirstWords:
        most: dict[str, int] = {}
        for key in keys:
            words = key.split()
            if words:
                most[words[0]] = max(most.get(words[0], 0), len(words))
        return cls(tuple(sorted(most)), MappingProxyType(most))

    def __contains__(self, word: object) -> bool:
        return word in self.most_words

    def any_starting(self, prefix: str) -> bool:
        """Whether some first word begins with `prefix`."""
        at = bisect.bisect_left(self.sorted_words, prefix)
        return at < len(self.sorted_words) and self.sorted_words[at].startswith(prefix)


@dataclass(frozen=True)
class ActorKB:
    """Everything known about actors, immutable; build with `load_actor_kb`."""

    names: Mapping[str, tuple[NameForm, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    surnames: Mapping[str, tuple[KBEntry, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    agents: Mapping[str, Agent] = field(default_factory=lambda: MappingProxyType({}))
    countries: Mapping[str, Country] = field(default_factory=lambda: MappingProxyType({}))
    max_name_words: int = 1
    max_agent_words: int = 1
    military_verbs: frozenset[str] = frozenset()
    military_objects: frozenset[str] = frozenset()
    name_styles: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = ()
    # Derived from `names` and `agents` (never passed in): what their keys start with.
    name_starts: FirstWords = field(init=False, repr=False, compare=False)
    agent_starts: FirstWords = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name_starts", FirstWords.of(self.names))
        object.__setattr__(self, "agent_starts", FirstWords.of(self.agents))

    # ------------------------------------------------------------------ lookups

    def entries(self, text: str) -> tuple[NameForm, ...]:
        """Name forms for `text` as written; acronyms only when written in capitals."""
        forms = self.names.get(normalise_name(text), ())
        written = text.replace(".", "").replace("-", "").replace(" ", "")
        return tuple(f for f in forms if f.acronym is None or f.acronym == written)

    def agent(self, words: str) -> Agent | None:
        """The sector word for a lower-case lemma phrase ("foreign ministry"), if known."""
        return self.agents.get(agent_key(words))

    def country_name(self, iso3: str | None) -> str | None:
        """Canonical name of a country code."""
        country = self.countries.get(iso3 or "")
        return country.name if country else None

    def persons_by_surname(self, surname: str, on_date: str | None) -> tuple[KBEntry, ...]:
        """Persons with that family name holding a dated office on `on_date` (or ever, if None)."""
        found = self.surnames.get(normalise_name(surname), ())
        if on_date is not None:
            found = tuple(e for e in found
                          if any(r.dated and r.holds_on(on_date) for r in e.roles))
        curated = tuple(e for e in found if e.curated)
        return curated or found

    def ref_for(self, entry: KBEntry, text: str | None, on_date: str | None, how: str) -> ActorRef:
        """An ActorRef for a KB entry (a person's role chosen by `on_date`)."""
        country, sector, code = entry.country, entry.sector, entry.code
        role = entry.role_on(on_date)
        if role is not None:
            country, sector, code = role.country or country, role.sector, role.code
        return ActorRef(text=text, name=entry.name, country=country, sector=sector,
                        code=code or actor_code(country, sector), how=how)

    def lookup(self, name: str, on_date: str | None = None) -> tuple[ActorRef, ...]:
        """Every reading of `name`: country, capital/seat, organisation, person, sector word."""
        refs = [self.ref_for(f.entry, name, on_date, f.entry.kind) for f in self.entries(name)]
        agent = self.agent(normalise_name(name))
        if agent is not None:
            refs.append(ActorRef(text=name, name=agent.words, sector=agent.sector,
                                 code=agent.cameo, how="agent"))
        if not refs and len(name.split()) == 1:
            refs = [self.ref_for(e, name, on_date, "surname")
                    for e in self.persons_by_surname(name, on_date)]
        return tuple(dict.fromkeys(refs))

    def extended(self, rows: Iterable[TabariActor]) -> ActorKB:
        """A new KB with TABARI/PETRARCH actor entries added (the KB itself is unchanged)."""
        builder = _Builder.from_kb(self)
        for row in rows:
            builder.add_tabari(row, curated=True)
        return builder.build()


# ---------------------------------------------------------------------- building


def _parse_roles(value: str, source: str) -> tuple[Role, ...]:
    """`JPNGOV@2006-09-26..2007-09-26|JPNELI` -> roles (office_holders.tsv grammar)."""
    roles = []
    for item in split_multi(value):
        code, _, span = item.partition("@")
        start, _, end = span.partition("..")
        roles.append(_role_from_code(code, start or None, end or None, source))
    return tuple(roles)


def _role_from_code(code: str, start: str | None, end: str | None, source: str,
                    title: str | None = None) -> Role:
    for day in (start, end):
        if day is not None and not _DATE.match(day):
            raise KnowledgeError(f"{source}: date '{day}' is not YYYY-MM-DD")
    country, sector = split_code(code)
    return Role(country, sector, code, start, end, title)


def split_code(code: str) -> tuple[str | None, str | None]:
    """`JPNGOV` -> ("JPN", "GOV"); `IGOUNO` -> (None, "IGO"); `JPN` -> ("JPN", None)."""
    code = code.upper()
    if code.startswith(("IGO", "NGO", "IMG", "MNC", "NGM")):
        return None, {"IMG": "REB", "MNC": "BUS", "NGM": "NGO"}.get(code[:3], code[:3])
    country = code[:3] if len(code) >= 3 else None
    sector = code[3:6] if len(code) >= 6 else None
    return country, sector


class _Builder:
    """Collects entries while reading files; `build()` freezes them into an ActorKB."""

    def __init__(self) -> None:
        self.forms: dict[str, list[NameForm]] = defaultdict(list)
        self.agents: dict[str, Agent] = {}
        self.countries: dict[str, Country] = {}
        self.military: dict[str, set[str]] = {"verb": set(), "object": set()}
        self.name_styles: list[tuple[re.Pattern[str], tuple[str, ...]]] = []

    @classmethod
    def from_kb(cls, kb: ActorKB) -> _Builder:
        builder = cls()
        for key, forms in kb.names.items():
            builder.forms[key].extend(forms)
        builder.agents.update(kb.agents)
        builder.countries.update(kb.countries)
        builder.military = {"verb": set(kb.military_verbs), "object": set(kb.military_objects)}
        builder.name_styles = list(kb.name_styles)
        return builder

    def add_name(self, text: str, entry: KBEntry) -> None:
        key = normalise_name(text)
        if not key:
            return
        form = NameForm(entry, acronym_form(text))
        if entry.kind == "person" and entry.curated:
            self.forms[key] = [f for f in self.forms[key]
                               if not (f.entry.kind == "person" and not f.entry.curated)]
        elif entry.kind == "person" and any(
            f.entry.kind == "person" and f.entry.curated for f in self.forms[key]
        ):
            return
        if form not in self.forms[key]:
            self.forms[key].append(form)

    def add_country(self, row: Mapping[str, str]) -> None:
        iso3 = row["iso3"]
        country = Country(iso3, row["name"], split_multi(row.get("aliases", "")),
                          split_multi(row.get("adjectives", "")))
        self.countries[iso3] = country
        entry = KBEntry("country", country.name, iso3, "GOV", f"{iso3}GOV")
        for name in (country.name, *country.aliases):
            self.add_name(name, entry)
        adjective = KBEntry("adjective", country.name, iso3, None, iso3)
        for adj in country.adjectives:
            self.add_name(adj, adjective)
            for plural in _plurals(adj):
                self.add_name(plural, KBEntry("demonym", country.name, iso3, "CVL", f"{iso3}CVL"))

    def add_place(self, row: Mapping[str, str]) -> None:
        sector = row.get("sector") or "GOV"
        kind = "seat" if row.get("kind") == "seat" else "capital"
        entry = KBEntry(kind, row["name"], row["country"], sector, f"{row['country']}{sector}")
        self.add_name(row["name"], entry)

    def add_region(self, row: Mapping[str, str]) -> None:
        """A region is matched so that the country names inside it do not fire; it stands for a
        state only when it lies in exactly one."""
        countries = split_multi(row.get("countries", ""))
        country = countries[0] if len(countries) == 1 else None
        entry = KBEntry("region", row["name"], country, None, country,
                        members=split_multi(row.get("members", "")) or countries)
        self.add_name(row["name"], entry)

    def add_org(self, row: Mapping[str, str]) -> None:
        country = row.get("country") or None
        sector = row.get("sector") or "IGO"
        code = row.get("code") or actor_code(country, sector)
        entry = KBEntry("org", row["name"], country, sector, code)
        for name in (row["name"], *split_multi(row.get("aliases", ""))):
            self.add_name(name, entry)

    def add_agent(self, words: str, sector: str, cameo: str, kind: str) -> None:
        key = " ".join(words.lower().replace("-", " ").split())
        self.agents[key] = Agent(key, sector, cameo or sector, kind or "body")

    def add_office_holder(self, row: Mapping[str, str], source: str) -> None:
        roles = _parse_roles(row.get("roles", ""), source)
        self._add_person(row["name"], split_multi(row.get("aliases", "")), roles, curated=False)

    def add_leader(self, row: Mapping[str, str], source: str) -> None:
        sector = row.get("sector") or "GOV"
        country = row.get("country") or None
        start, end = row.get("start") or None, row.get("end") or None
        for day in (start, end):
            if day is not None and not _DATE.match(day):
                raise KnowledgeError(f"{source}: date '{day}' is not YYYY-MM-DD")
        code = row.get("code") or actor_code(country, sector)
        role = Role(country, sector, code, start, end, row.get("title") or None)
        self._add_person(row["name"], split_multi(row.get("aliases", "")), (role,), curated=True)

    def _add_person(self, name: str, aliases: Sequence[str], roles: tuple[Role, ...],
                    curated: bool) -> None:
        key = normalise_name(name)
        existing = next((f.entry for f in self.forms.get(key, ())
                         if f.entry.kind == "person" and f.entry.curated == curated), None)
        if existing is not None:
            roles = existing.roles + roles
            self.forms[key] = [f for f in self.forms[key] if f.entry is not existing]
        country = next((r.country for r in roles if r.country), None)
        entry = KBEntry("person", _title_case(name), country, None, None, roles, curated)
        for written in (name, *aliases):
            self.add_name(written, entry)

    def add_tabari(self, actor: TabariActor, curated: bool) -> None:
        roles = tuple(_tabari_role(r) for r in actor.roles)
        if not roles:
            return
        if len(roles) == 1 and len(roles[0].code or "") == 3 and not roles[0].dated:
            iso3 = roles[0].code
            entry = KBEntry("country", _title_case(actor.name), iso3, "GOV", f"{iso3}GOV")
            for name in (actor.name, *actor.aliases):
                self.add_name(name.title(), entry)
        elif any(r.dated for r in roles) or "CountryInfo" in actor.comment:
            self._add_person(actor.name, actor.aliases, roles, curated)
        else:
            role = roles[0]
            entry = KBEntry("org", _title_case(actor.name), role.country, role.sector, role.code)
            for name in (actor.name, *actor.aliases):
                self.add_name(name.title(), entry)

    def build(self) -> ActorKB:
        names = {k: tuple(v) for k, v in self.forms.items() if v}
        surnames: dict[str, list[KBEntry]] = defaultdict(list)
        for written, forms in names.items():
            for form in forms:
                if form.entry.kind != "person":
                    continue
                alias_last = written.split()[-1:] if len(written.split()) > 1 else []
                for key in (*_surname_keys(form.entry), *alias_last):
                    if form.entry not in surnames[key]:
                        surnames[key].append(form.entry)
        return ActorKB(
            names=MappingProxyType(names),
            surnames=MappingProxyType({k: tuple(v) for k, v in surnames.items()}),
            agents=MappingProxyType(dict(self.agents)),
            countries=MappingProxyType(dict(self.countries)),
            max_name_words=min(_MAX_NAME_WORDS, max((len(k.split()) for k in names), default=1)),
            max_agent_words=max((len(k.split()) for k in self.agents), default=1),
            military_verbs=frozenset(self.military["verb"]),
            military_objects=frozenset(self.military["object"]),
            name_styles=tuple(self.name_styles),
        )


def _tabari_role(role: TabariRole) -> Role:
    country, sector = split_code(role.code)
    return Role(country, sector, role.code, role.start, role.end)


def _title_case(name: str) -> str:
    return name.title() if name.isupper() else name


def _plurals(adjective: str) -> tuple[str, ...]:
    """Demonym plurals that name people ("Israelis", "Afghans"); none for "-ese"/"-sh" words."""
    if adjective.endswith(("s", "sh", "ch", "ese", "x")) or " " in adjective:
        return ()
    if adjective.endswith("man"):
        return (adjective[:-3] + "men",)
    return (adjective + "s",)


_EAST_ASIAN = frozenset({"CHN", "TWN", "HKG", "KOR", "PRK", "VNM", "KHM", "MMR", "SGP", "MAC"})


def _surname_keys(entry: KBEntry) -> tuple[str, ...]:
    """Family-name keys of a person: the last word, and the first word for names written family
    name first (East Asian states, or a hyphenated given name as in "Choi Jong-kun")."""
    words = normalise_name(entry.name).split()
    if len(words) < 2:
        return ()
    keys = [words[-1]]
    if "-" in entry.name.split()[-1] or entry.country in _EAST_ASIAN:
        keys.append(words[0])
    return tuple(dict.fromkeys(keys))


DATA_FILES = ("countries.tsv", "capitals.tsv", "regions.tsv", "igos.tsv", "groups.tsv",
              "agents.tsv", "military_cues.tsv", "name_styles.tsv", "office_holders.tsv",
              "leaders.tsv")


def _read_into(builder: _Builder, dirs: Sequence[Path]) -> None:
    for row in read_tables(dirs, "countries.tsv"):
        builder.add_country(row)
    for row in read_tables(dirs, "capitals.tsv"):
        builder.add_place(row)
    for row in read_tables(dirs, "regions.tsv"):
        builder.add_region(row)
    for name in ("igos.tsv", "groups.tsv"):
        for row in read_tables(dirs, name):
            builder.add_org(row)
    for row in read_tables(dirs, "agents.tsv"):
        builder.add_agent(row["words"], row["sector"], row.get("cameo", ""), row.get("kind", ""))
    for row in read_tables(dirs, "military_cues.tsv"):
        builder.military.setdefault(row.get("kind") or "verb", set()).add(row["word"].lower())
    for row in read_tables(dirs, "name_styles.tsv"):
        try:
            pattern = re.compile(row["pattern"])
        except re.error as exc:
            raise KnowledgeError(f"name_styles.tsv: bad pattern {row['pattern']!r}: {exc}") from exc
        builder.name_styles.append((pattern, split_multi(row.get("countries", ""))))
    for folder in dirs:
        path = folder / "office_holders.tsv"
        if path.exists():
            for row in read_table(path):
                builder.add_office_holder(row, str(path))
    for folder in dirs:
        path = folder / "leaders.tsv"
        if path.exists():
            for row in read_table(path):
                builder.add_leader(row, str(path))
    for folder in dirs:
        for path in sorted(folder.glob("*.actors.txt")):
            for actor in load_tabari_actors(path):
                builder.add_tabari(actor, curated=True)
        for path in sorted(folder.glob("*.agents.txt")):
            for agent in load_tabari_agents(path):
                sector = agent.code[:3]
                builder.add_agent(agent.words, sector, agent.code, "body")


def load_actor_kb(dirs: Sequence[Path]) -> ActorKB:
    """Load the actor knowledge from the data folders in `dirs` (bundled first, user after)."""
    builder = _Builder()
    _read_into(builder, [Path(d) for d in dirs])
    return builder.build()


def lookup_name(kb: ActorKB, name: str, on_date: str | None = None) -> list[ActorRef]:
    """Every reading of `name` on `on_date` (for `newsevents kb lookup NAME --date`)."""
    return list(kb.lookup(name, on_date))


# ---------------------------------------------------------------------- checking


def check_knowledge(dirs: Sequence[Path]) -> list[str]:
    """Problems in the actor data files (for `newsevents kb check`); empty when all is well."""
    dirs = [Path(d) for d in dirs]
    problems: list[str] = []
    try:
        countries = {row["iso3"] for row in read_tables(dirs, "countries.tsv")}
    except (KnowledgeError, KeyError) as exc:
        return [f"countries.tsv: {exc}"]
    problems += [f"countries.tsv: '{c}' is not an ISO3 code" for c in countries
                 if not _ISO3.match(c)]
    checks = (("capitals.tsv", "country", False), ("igos.tsv", "country", True),
              ("groups.tsv", "country", True), ("leaders.tsv", "country", False))
    for name, column, optional in checks:
        try:
            for number, row in enumerate(read_tables(dirs, name), start=1):
                stateless = optional or bool(row.get("code"))
                problems += _check_row(name, number, row, column, stateless, countries)
        except (KnowledgeError, KeyError) as exc:
            problems.append(f"{name}: {exc}")
    try:
        for row in read_tables(dirs, "agents.tsv"):
            if row.get("sector") not in SECTORS:
                problems.append(f"agents.tsv: '{row.get('words')}': unknown sector "
                                f"'{row.get('sector')}'")
            if row.get("kind") and row["kind"] not in AGENT_KINDS:
                problems.append(f"agents.tsv: '{row.get('words')}': unknown kind '{row['kind']}'")
    except (KnowledgeError, KeyError) as exc:
        problems.append(f"agents.tsv: {exc}")
    try:
        load_actor_kb(dirs)
    except (KnowledgeError, KeyError, ValueError) as exc:
        problems.append(f"loading: {exc}")
    return problems


def _check_row(name: str, number: int, row: Mapping[str, str], column: str, optional: bool,
               countries: set[str]) -> list[str]:
    problems = []
    label = f"{name} row {number} ('{row.get('name', '')}')"
    country = row.get(column, "")
    if country and country not in countries:
        problems.append(f"{label}: unknown country '{country}'")
    if not country and not optional:
        problems.append(f"{label}: no country")
    sector = row.get("sector", "")
    if sector and sector not in SECTORS:
        problems.append(f"{label}: unknown sector '{sector}'")
    start, end = row.get("start", ""), row.get("end", "")
    for day in (start, end):
        if day and not _DATE.match(day):
            problems.append(f"{label}: date '{day}' is not YYYY-MM-DD")
    if start and end and start > end:
        problems.append(f"{label}: starts after it ends")
    return problems
