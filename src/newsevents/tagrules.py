"""A faster stand-in for spaCy's `attribute_ruler` with exactly its output.

The English pipelines' attribute ruler holds ~180 rules, nearly all one-token patterns ("TAG is
NN" -> POS NOUN and its morphology; "LOWER is 'ai' and TAG is VBP" -> LEMMA "be"). spaCy runs
them all through its general Matcher on every token, about a tenth of the parse time. Here the
one-token rules are indexed by the tag or lower-case form they test, so each token checks only
the few rules that can match it; the other rules (several tokens, regular expressions) still go
through a Matcher. Matching reads the Doc before any attribute is set, and every rule that
matches a token sets its attributes in rule order (later rules win), exactly as the original
does, so the Doc comes out identical. Only the loaded pipeline's own rules are used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

STAND_IN = "newsevents_attribute_rules"
# Token attributes a one-token rule may test, by Matcher key (columns of `Doc.to_array`).
TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")


@dataclass(frozen=True)
class TokenRule:
    """One one-token pattern of rule `rule`: tests (column, inside, values), each passing when
    the token's value in `column` is among `values` (inside) or not (outside)."""

    rule: int
    tests: tuple[tuple[int, bool, frozenset[int]], ...]

    def matches(self, row: list[int]) -> bool:
        return all((row[column] in values) is inside for column, inside, values in self.tests)


def _test(column: int, value: Any, intern: Callable[[str], int]
          ) -> tuple[int, bool, frozenset[int]] | None:
    """A Matcher predicate as a test on a `to_array` column, or None when it is not a plain
    equality or (NOT_)IN test."""
    if TESTED[column] == "IS_SPACE":
        return (column, True, frozenset({int(value)})) if isinstance(value, bool) else None
    if isinstance(value, str):
        return column, True, frozenset({intern(value)})
    if isinstance(value, dict) and len(value) == 1:
        (op, items), = value.items()
        if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in items):
            return column, op == "IN", frozenset(intern(v) for v in items)
    return None


def _token_rule(rule: int, pattern: list[dict[str, Any]], intern: Callable[[str], int]
                ) -> TokenRule | None:
    if len(pattern) != 1 or not pattern[0] or any(k not in TESTED for k in pattern[0]):
        return None
    tests = [_test(TESTED.index(k), v, intern) for k, v in pattern[0].items()]
    if any(t is None for t in tests):
        return None
    return TokenRule(rule, tuple(t for t in tests if t is not None))


class AttributeRules:
    """The rules of a loaded `AttributeRuler`, applied with per-token indexes."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher

        self.vocab = ruler.vocab
        self.attrs = tuple(ruler.attrs)
        self.indices = tuple(ruler.indices)
        self.by_tag: dict[int, list[TokenRule]] = {}
        self.by_lower: dict[int, list[TokenRule]] = {}
        self.unindexed: list[TokenRule] = []
        self.matcher = Matcher(self.vocab)
        intern = self.vocab.strings.add
        for rule, entry in enumerate(ruler.patterns):
            simple = [_token_rule(rule, p, intern) for p in entry["patterns"]]
            if entry["index"] == 0 and all(simple):
                for token_rule in simple:
                    self._index(token_rule)
            else:
                self.matcher.add(str(rule), entry["patterns"])

    def _index(self, rule: TokenRule) -> None:
        """File a rule under the values of its first equality/IN test on TAG or LOWER."""
        for column, table in ((0, self.by_tag), (1, self.by_lower)):
            test = next((t for t in rule.tests if t[0] == column and t[1]), None)
            if test is not None:
                for value in test[2]:
                    table.setdefault(value, []).append(rule)
                return
        self.unindexed.append(rule)

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist() if len(doc) else []
        hits = list(self._token_hits(rows))
        hits += self._matcher_hits(doc)
        hits.sort()
        for rule, i in hits:
            set_token_attrs(doc[i], self.attrs[rule])
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterable[Any]:
        for doc in docs:
            yield self(doc)

    def _token_hits(self, rows: list[list[int]]) -> Iterable[tuple[int, int]]:
        empty: list[TokenRule] = []
        for i, row in enumerate(rows):
            for group in (self.by_tag.get(row[0], empty), self.by_lower.get(row[1], empty),
                          self.unindexed):
                for rule in group:
                    if rule.matches(row):
                        yield rule.rule, i

    def _matcher_hits(self, doc: Any) -> list[tuple[int, int]]:
        """Rules left to the Matcher: the token each match sets, as spaCy picks it."""
        from spacy.errors import Errors

        hits = []
        for match_id, start, end in self.matcher(doc, allow_missing=True):
            rule = int(self.vocab.strings[match_id])
            span = doc[start:end]
            try:
                token = span[self.indices[rule]]
            except IndexError:
                raise ValueError(Errors.E1001.format(
                    patterns=self.matcher.get(str(rule)), span=[t.text for t in span],
                    index=self.indices[rule])) from None
            hits.append((rule, token.i))
        return hits


def use_attribute_rules(nlp: Any) -> None:
    """Swap `nlp`'s attribute_ruler for `AttributeRules` built from its rules (no-op without
    one)."""
    from spacy.language import Language

    if "attribute_ruler" not in nlp.pipe_names:
        return
    if not Language.has_factory(STAND_IN):

        @Language.factory(STAND_IN)
        def make_rules(nlp: Any, name: str) -> AttributeRules:
            return AttributeRules(nlp.get_pipe("attribute_ruler"))

    nlp.add_pipe(STAND_IN, after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
