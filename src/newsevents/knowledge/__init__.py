"""Knowledge: the data files that say *what* (names, words, mappings), loaded once.

`load_knowledge()` reads the bundled files in `newsevents/data/` and then each extra folder
(`--kb DIR`); a file of the same name in an extra folder extends the bundled one (its rows are read
after, so they override rows with the same key). The result is one immutable `Knowledge` object that
is passed explicitly to the stages that need it: there is no module-level mutable state.

Every data file starts with `#` header lines stating its grammar and source (see docs/knowledge.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from newsevents.knowledge.actorkb import ActorKB, load_actor_kb
from newsevents.knowledge.boilerplate import BoilerplateRules, load_boilerplate
from newsevents.knowledge.lexicon import EventLexicon, load_lexicon
from newsevents.knowledge.ontology import Ontology, load_ontology
from newsevents.knowledge.outlets import OutletTable, load_outlets


def bundled_data_dir() -> Path:
    """The folder of the data files shipped with the package."""
    return Path(str(resources.files("newsevents") / "data"))


@dataclass(frozen=True)
class Knowledge:
    """Everything the stages know, as immutable objects."""

    actors: ActorKB
    lexicon: EventLexicon
    ontology: Ontology
    boilerplate: BoilerplateRules
    outlets: OutletTable
    time: Any  # newsevents.timeref.grammar.TimeGrammar (time words, cues)


def knowledge_dirs(extra_dirs: Sequence[str | Path] = ()) -> tuple[Path, ...]:
    """The bundled data folder followed by the user's folders, in reading order."""
    return (bundled_data_dir(), *(Path(d) for d in extra_dirs))


def load_knowledge(extra_dirs: Sequence[str | Path] = ()) -> Knowledge:
    """Load the bundled knowledge, extended by the files in `extra_dirs`."""
    from newsevents.timeref.grammar import TimeGrammar
    from newsevents.timeref.lexicon import load_time_lexicon

    dirs = knowledge_dirs(extra_dirs)
    return Knowledge(
        actors=load_actor_kb(dirs),
        lexicon=load_lexicon(dirs),
        ontology=load_ontology(dirs),
        boilerplate=load_boilerplate(dirs),
        outlets=load_outlets(dirs),
        time=TimeGrammar.build(load_time_lexicon(extra_dirs)),
    )
