"""The PLOVER ontology: types, quad classes, scores, and the CAMEO / PLOVER 0.5 mappings.

Data files (grammar of knowledge/tables.py):
- plover_types.tsv   type -> quad class, PLOVER score, default Goldstein, representative CAMEO code
- cameo_goldstein.tsv  CAMEO code -> Goldstein score (GDELT table)
- cameo_plover.tsv     CAMEO code -> PLOVER type, mode, context (CAMEO2PLOVER-2021)
- plover05_map.tsv     PLOVER 0.5b1 labels -> the 16 current types
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from newsevents.errors import KnowledgeError
from newsevents.knowledge.tables import read_tables, split_multi
from newsevents.records import PLOVER_TYPES


def _empty() -> Mapping:
    return MappingProxyType({})


@dataclass(frozen=True)
class TypeInfo:
    """What the ontology says about one PLOVER type."""

    name: str
    quad: int
    plover_score: float
    default_goldstein: float
    cameo: str
    definition: str = ""
    as_intention: str = ""  # the type a planned or conditional act is coded as under PLOVER


@dataclass(frozen=True)
class CameoMapping:
    """The PLOVER reading of one CAMEO code (type empty: no PLOVER event)."""

    cameo: str
    type: str
    mode: str
    context: tuple[str, ...]


@dataclass(frozen=True)
class Ontology:
    """Immutable ontology tables; see the module docstring for the files."""

    types: Mapping[str, TypeInfo] = field(default_factory=_empty)
    goldstein: Mapping[str, float] = field(default_factory=_empty)
    cameo_plover: Mapping[str, CameoMapping] = field(default_factory=_empty)
    plover05: Mapping[str, str] = field(default_factory=_empty)

    def quad_of(self, event_type: str) -> int:
        """Quad class 1-4 of a PLOVER type."""
        return self.types[event_type].quad

    def plover_score(self, event_type: str) -> float | None:
        info = self.types.get(event_type)
        return info.plover_score if info else None

    def goldstein_of(self, event_type: str, cameo: str | None = None) -> float | None:
        """Goldstein score of `cameo` (or its nearest listed parent code), else the type default."""
        code = cameo or ""
        while code:
            if code in self.goldstein:
                return self.goldstein[code]
            code = code[:-1]
        info = self.types.get(event_type)
        return info.default_goldstein if info else None

    def plover_type(self, event_type: str, status: str) -> str:
        """The type PLOVER's own coding rules give an event of `event_type` and `status`.

        Our records keep the act's type with its status (the corpus guide: "plans to visit" is
        CONSULT, planned); PLOVER codes a stated intention by its kind (a planned visit is AGREE,
        a planned strike THREATEN). Exports in PLOVER's format and the PLOVER gold-record bench
        use this reading.
        """
        return intention_type(event_type, status, self.types)

    def plover_of_cameo(self, cameo: str) -> CameoMapping | None:
        """The PLOVER mapping of a CAMEO code, falling back to its parent codes."""
        code = cameo.strip()
        while code:
            if code in self.cameo_plover:
                return self.cameo_plover[code]
            code = code[:-1]
        return None

    def current_type(self, label: str) -> str | None:
        """A PLOVER 0.5b1 (or current) label as one of the 16 types; None when not an event."""
        label = label.strip().upper()
        if label in self.plover05:
            return self.plover05[label] or None
        return label if label in self.types else None


INTENTION_STATUSES = frozenset({"planned", "conditional"})


def intention_type(event_type: str, status: str, types: Mapping[str, TypeInfo]) -> str:
    """`event_type` as PLOVER codes it for an event of `status` (see Ontology.plover_type)."""
    info = types.get(event_type)
    if status not in INTENTION_STATUSES or info is None or not info.as_intention:
        return event_type
    return info.as_intention


def _float(value: str, where: str) -> float:
    try:
        return float(value)
    except ValueError as exc:
        raise KnowledgeError(f"{where}: '{value}' is not a number") from exc


def _load_types(dirs: Sequence[Path]) -> dict[str, TypeInfo]:
    types: dict[str, TypeInfo] = {}
    for row in read_tables(dirs, "plover_types.tsv"):
        name = row["type"].upper()
        if name not in PLOVER_TYPES:
            raise KnowledgeError(f"plover_types.tsv: unknown PLOVER type '{name}'")
        types[name] = TypeInfo(
            name=name,
            quad=int(_float(row["quad"], "plover_types.tsv quad")),
            plover_score=_float(row["plover_score"], "plover_types.tsv plover_score"),
            default_goldstein=_float(row["default_goldstein"], "plover_types.tsv goldstein"),
            cameo=row.get("cameo", ""),
            definition=row.get("definition", ""),
            as_intention=_intention(row.get("as_intention", ""), name),
        )
    return types


def _intention(value: str, name: str) -> str:
    value = value.strip().upper()
    if value and value not in PLOVER_TYPES:
        raise KnowledgeError(f"plover_types.tsv {name}: as_intention '{value}' is not a PLOVER type")
    return value


def _load_cameo_plover(dirs: Sequence[Path]) -> dict[str, CameoMapping]:
    out: dict[str, CameoMapping] = {}
    for row in read_tables(dirs, "cameo_plover.tsv"):
        out[row["cameo"]] = CameoMapping(
            cameo=row["cameo"],
            type=row["type"].upper(),
            mode=row.get("mode", ""),
            context=split_multi(row.get("context", "")),
        )
    return out


def load_ontology(dirs: Sequence[Path]) -> Ontology:
    """Load the ontology tables from the data folders in `dirs` (bundled first)."""
    goldstein = {
        row["cameo"]: _float(row["goldstein"], f"cameo_goldstein.tsv {row['cameo']}")
        for row in read_tables(dirs, "cameo_goldstein.tsv")
    }
    plover05 = {row["label"].upper(): row["type"].upper()
                for row in read_tables(dirs, "plover05_map.tsv")}
    return Ontology(
        types=MappingProxyType(_load_types(dirs)),
        goldstein=MappingProxyType(goldstein),
        cameo_plover=MappingProxyType(_load_cameo_plover(dirs)),
        plover05=MappingProxyType(plover05),
    )
