"""Build a corpus of any size for the benches by resampling and perturbing the shared articles.

Article i takes the shared article i mod 47 as its base: same title, outlet and publication date;
each body paragraph keeps its sentences and, most of the time, gains one sentence drawn from any
article. Lines therefore repeat across far fewer documents than the cleaning stage's repeated-line
share (so they are not mistaken for boilerplate at 1k or 10k), while the texts stay real news
English of the usual length. Deterministic for a given seed.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SETS = ("seeds", "dev", "dev2")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z“\"])")
EXTRA_SENTENCE_SHARE = 0.7


@dataclass(frozen=True)
class Base:
    """One shared article: its lines and manifest metadata."""

    title: str
    paragraphs: tuple[str, ...]
    meta: dict


def load_bases(root: Path = SHARED) -> list[Base]:
    """Every shared article with its manifest row."""
    bases = []
    for name in SETS:
        folder = root / name
        for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
            meta = json.loads(line)
            lines = [t.strip() for t in (folder / meta["path"]).read_text(
                encoding="utf-8").splitlines() if t.strip()]
            bases.append(Base(lines[0], tuple(lines[1:]), meta))
    return bases


def sentence_pool(bases: list[Base]) -> list[str]:
    """All body sentences of the shared articles (long enough to be sentences)."""
    return [s for b in bases for p in b.paragraphs for s in SENTENCE_END.split(p)
            if len(s.split()) >= 6]


def synthesize(base: Base, pool: list[str], rng: random.Random) -> str:
    """One article text built from `base` with sentences drawn from `pool`."""
    lines = [base.title]
    for paragraph in base.paragraphs:
        if rng.random() < EXTRA_SENTENCE_SHARE:
            paragraph = f"{paragraph} {rng.choice(pool)}"
        lines.append(paragraph)
    return "\n\n".join(lines) + "\n"


def build_corpus(n: int, out_dir: Path, seed: int = 0) -> Path:
    """Write `n` articles and a manifest.jsonl into `out_dir`; return `out_dir`."""
    bases = load_bases()
    pool = sentence_pool(bases)
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(n):
        base = bases[i % len(bases)]
        name = f"synth-{i:06d}.txt"
        (out_dir / name).write_text(synthesize(base, pool, rng), encoding="utf-8")
        rows.append({"path": name, "doc_id": name[:-4], "url": None,
                     "outlet": base.meta.get("outlet"), "pub_date": base.meta.get("pub_date")})
    with (out_dir / "manifest.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out_dir


def corpus_words(folder: Path) -> int:
    """Whitespace-separated words in the .txt files of `folder`."""
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
