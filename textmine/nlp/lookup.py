"""The model's attribute ruler and lemmatizer, run by lookup: the same annotations, cheaper.

Two rule-based components of ``en_core_web_sm`` cost a third of the parse
(2.9 s of the adoption guidance's 8.8 s): the ``attribute_ruler`` hands each
``Doc`` to a spaCy ``Matcher`` of its ~180 patterns, and a ``Matcher`` tries
every pattern at every token; the rule ``lemmatizer`` looks each form up in
a list of lemmas. Neither changes what it computes here, only how:

* :class:`LookupAttributeRuler` replaces the ruler's ``match`` step. Every pattern is
  one or two tokens with plain values, ``IN``, ``NOT_IN`` or ``REGEX`` on
  token attributes, so each is filed under the values its first token
  requires (its ``TAG``, else ``LOWER``, else ``DEP`` ...) and tried only at
  tokens that have one of them; the matches, sorted by the rule's index as
  the ruler sorts them, are the ones the ``Matcher`` finds, and the ruler's
  own ``set_annotations`` applies them. A ruler with a pattern of any other
  shape keeps its ``Matcher``.
* :class:`LookupLemmatizer` replaces the English rule lemmatizer's
  per-token loop: a token's rule lemma is a function of its text, part of speech
  and morphology (spaCy caches it by exactly that key, but computes it again
  for every base form), so each distinct triple is lemmatised once and the
  lemmas are written in one array; and its ``rule_lemmatize`` looks a form up
  in a set of the lemma index instead of scanning the index's list (tens of
  thousands of nouns) for it.

:func:`use_lookups` makes the two components of a loaded pipeline these
subclasses of their own classes, keeping their names, settings and data
(they are part of the model's provenance); nothing else of the pipeline
changes.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from typing import Any, cast

from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors, Warnings
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

__all__ = ["LookupAttributeRuler", "LookupLemmatizer", "RulerIndex", "use_lookups"]

#: Token attributes a ruler pattern may test here, in the order patterns are filed by.
_FILED_BY = ("TAG", "LOWER", "ORTH", "DEP", "POS", "IS_SPACE")
_STRINGS = frozenset({"TAG", "LOWER", "ORTH", "DEP", "POS", "NORM"})
_FLAGS = frozenset(
    {"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_TITLE", "IS_UPPER", "IS_LOWER"}
)

#: A test of one token: ``(column, kind, value)``, kind ``eq``, ``in``, ``not_in`` or ``regex``.
_Test = tuple[int, str, Any]
#: A pattern that may start at a token: rule index, match id, tests of the tokens after it.
_Start = tuple[int, int, tuple[list[_Test], ...]]
#: Most distinct token rows remembered before the memory is cleared.
_MOST_KNOWN = 200_000


class _Unsupported(Exception):
    """A ruler pattern this lookup does not reproduce (its ruler keeps its Matcher)."""


class RulerIndex:
    """An attribute ruler's patterns filed by what their first token requires."""

    def __init__(self, ruler: AttributeRuler) -> None:
        vocab = ruler.vocab
        self.size = len(ruler.attrs)
        names: dict[str, int] = {}
        compiled: list[tuple[int, int, list[list[_Test]]]] = []
        for index in range(self.size):
            key = str(index)
            match_id = vocab.strings.add(key)
            for pattern in ruler.matcher.get(key)[1]:
                tokens = [_tests(spec, names) for spec in pattern]
                compiled.append((index, match_id, tokens))
        self.attrs = tuple(IDS[name] for name in names)
        #: Compiled patterns filed by ``(column, value)`` of their first token, and those
        #: filed nowhere (tried at every token).
        self.filed: dict[tuple[int, int], list[tuple[int, int, list[list[_Test]]]]] = {}
        self.everywhere: list[tuple[int, int, list[list[_Test]]]] = []
        #: What patterns a token's first-token tests let start there, by its row of values
        #: (a pure function of the row: computed once per distinct row).
        self.known: dict[tuple[int, ...], tuple[_Start, ...]] = {}
        order = {names[name]: rank for rank, name in enumerate(_FILED_BY) if name in names}
        for entry in compiled:
            first = [t for t in entry[2][0] if t[1] in ("eq", "in") and t[0] in order]
            if not first:
                self.everywhere.append(entry)
                continue
            column, kind, value = min(first, key=lambda t: order[t[0]])
            for one in (value,) if kind == "eq" else value:
                self.filed.setdefault((column, one), []).append(entry)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``(rule index, match id, start, end)`` of every match, sorted as the ruler sorts."""
        n = len(doc)
        if not n:
            return []
        table: list[list[int]] = doc.to_array(list(self.attrs)).reshape(n, -1).tolist()  # type: ignore[assignment]
        rows = [tuple(row) for row in table]
        strings = doc.vocab.strings
        found: set[tuple[int, int, int, int]] = set()
        known = self.known
        if len(known) > _MOST_KNOWN:
            known.clear()
        for i, row in enumerate(rows):
            starts = known.get(row)
            if starts is None:
                starts = known[row] = self._starts(row, strings)
            for index, match_id, rest in starts:
                end = i + 1 + len(rest)
                if end <= n and all(
                    _holds(tests, rows[i + 1 + k], strings) for k, tests in enumerate(rest)
                ):
                    found.add((index, match_id, i, end))
        return sorted(found)

    def _starts(self, row: tuple[int, ...], strings: Any) -> tuple[_Start, ...]:
        """The patterns whose first token a token with ``row`` passes, each with the tests of
        the tokens after it."""
        candidates = list(self.everywhere)
        for column, value in enumerate(row):
            candidates += self.filed.get((column, value), ())
        return tuple(
            (index, match_id, tuple(tokens[1:]))
            for index, match_id, tokens in candidates
            if _holds(tokens[0], row, strings)
        )


def _holds(tests: list[_Test], row: tuple[int, ...], strings: Any) -> bool:
    """Whether a token (its ``row`` of attribute values) passes every test of a pattern token."""
    for column, kind, value in tests:
        got = row[column]
        if kind == "eq":
            if got != value:
                return False
        elif kind == "in":
            if got not in value:
                return False
        elif kind == "not_in":
            if got in value:
                return False
        elif not value.search(strings[got]):  # regex
            return False
    return True


def _tests(spec: Mapping[str, Any], names: dict[str, int]) -> list[_Test]:
    """The tests of one token pattern, each on a column of ``names`` (added as needed)."""
    tests: list[_Test] = []
    for name, value in spec.items():
        name = "ORTH" if name.upper() == "TEXT" else name.upper()
        if name not in _STRINGS and name not in _FLAGS:
            raise _Unsupported(name)
        column = names.setdefault(name, len(names))
        if isinstance(value, bool) and name in _FLAGS:
            tests.append((column, "eq", int(value)))
        elif isinstance(value, str) and name in _STRINGS:
            tests.append((column, "eq", get_string_id(value)))
        elif isinstance(value, dict) and len(value) == 1 and name in _STRINGS:
            ((op, argument),) = value.items()
            if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in argument):
                ids = frozenset(get_string_id(v) for v in argument)
                tests.append((column, "in" if op == "IN" else "not_in", ids))
            elif op == "REGEX" and isinstance(argument, str):
                tests.append((column, "regex", re.compile(argument)))
            else:
                raise _Unsupported(f"{name} {op}")
        else:
            raise _Unsupported(f"{name}={value!r}")
    return tests


class LookupAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` that finds its matches with a :class:`RulerIndex`."""

    _index: RulerIndex | None = None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        index = self._index
        if index is None or index.size != len(self.attrs):  # patterns added since: as spaCy
            return super().match(doc)
        return index(doc)


class LookupLemmatizer(EnglishLemmatizer):
    """The English rule lemmatizer, lemmatising each (text, POS, morphology) once per process,
    with its lemma index read as sets."""

    _known: dict[tuple[int, int, int], int]
    _index: dict[str, frozenset[str]]

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            return self._lemmatize(doc)
        except Exception as e:
            error_handler(self.name, self, [doc], e)
            return doc

    def _lemmatize(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        known, strings = self._known, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                found = strings.add(self.rule_lemmatize(doc[i])[0])
                if pos:  # an untagged token warns each time, as spaCy's loop does
                    known[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)  # type: ignore[arg-type]
        return doc

    def rule_lemmatize(self, token: Token) -> list[str]:
        """spaCy's ``Lemmatizer.rule_lemmatize`` (3.8), line for line, except that a form is
        looked up in a set of the lemma index, not in its list (57,528 nouns)."""
        cache_key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        if cache_key in self.cache:
            return self.cache[cache_key]
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            if univ_pos == "":
                warnings.warn(Warnings.W108, stacklevel=2)
            return [string.lower()]
        if self.is_base_form(token):
            return [string.lower()]
        index_table = self.lookups.get_table("lemma_index", {})
        exc_table = self.lookups.get_table("lemma_exc", {})
        rules_table = self.lookups.get_table("lemma_rules", {})
        if not any((index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))):
            return [string] if univ_pos == "propn" else [string.lower()]
        if univ_pos not in self._index:
            self._index[univ_pos] = frozenset(index_table.get(univ_pos, {}))
        index = self._index[univ_pos]
        exceptions = exc_table.get(univ_pos, {})
        rules = rules_table.get(univ_pos, {})
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    if form in index:
                        forms.insert(0, form)
                    else:
                        forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        self.cache[cache_key] = forms
        return forms


def use_lookups(nlp: Language) -> None:
    """Run the pipeline's attribute ruler and English rule lemmatizer by lookup (see the
    module docstring); a component of another class, mode or pattern shape is left alone."""
    for _, proc in nlp.pipeline:
        if type(proc) is AttributeRuler:
            try:
                index = RulerIndex(proc)
            except _Unsupported:
                continue
            proc.__class__ = LookupAttributeRuler
            cast(LookupAttributeRuler, proc)._index = index
        elif type(proc) is EnglishLemmatizer and proc.mode == "rule":
            proc.__class__ = LookupLemmatizer
            cast(LookupLemmatizer, proc)._known = {}
            cast(LookupLemmatizer, proc)._index = {}
