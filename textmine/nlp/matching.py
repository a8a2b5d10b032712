"""Where the term patterns of ``terms.jsonl`` match, found without trying each at every token.

spaCy's :class:`~spacy.matcher.Matcher` tries each of its patterns at each
token of what it is given. The term patterns all start with a word from a
short list (their *triggers*: ``inform``, ``have``, ``take`` ...), and most
are that one word, so :class:`TermMatcher` gives the matches a ``Matcher``
of every pattern gives on each sentence that holds a trigger, more cheaply:

* a one-word pattern matches where its word stands (looked up, no Matcher);
* a longer pattern is tried only at the triggers that can start it, on a
  window of as many tokens as a match of it can cover, cut at the end of the
  sentence (a match never crosses one);
* when some pattern does not start with a plain ``LOWER`` word or can cover
  any number of tokens, there are no triggers and every pattern is run over
  the whole ``Doc``, as spaCy would.

The matches come as a list of ``(match_id, start, end)`` in no promised
order (the component sorts them).

:meth:`TermMatcher.can_match` tells, from a ``Doc`` that is only tokenised,
whether any pattern can match it once it is parsed. The patterns cut down to
what the tokenizer sets (``LOWER``, ``ORTH``, ``TEXT``, ``LENGTH``; the
``POS`` of ``work closely with`` is left out) match wherever the whole
patterns can, and the components that run before the tagger change no token
text: a ``Doc`` the cut patterns do not match gives no match once parsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy
from spacy.attrs import LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from textmine.nlp.lexicon import TermPattern

__all__ = ["TermMatcher"]

#: Token attributes the tokenizer sets and no later component changes.
_TOKENIZER_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "LENGTH"})
_RANGE = re.compile(r"^\{(\d*)(,?)(\d*)\}$")


def first_words(token: Mapping[str, Any]) -> frozenset[str] | None:
    """The lower-case words a token pattern that is a plain ``LOWER`` word or ``IN`` list
    (no operator, nothing else) accepts, else ``None``."""
    value = token.get("LOWER")
    if set(token) != {"LOWER"} or value is None:
        return None
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(str(word) for word in value["IN"])
    return None


def longest(pattern: list[dict[str, Any]]) -> int | None:
    """The most tokens a match of ``pattern`` can cover (``None``: no bound, ``*`` or ``+``)."""
    total = 0
    for token in pattern:
        op = token.get("OP", "1")
        if op in ("1", "?", "!"):
            total += 1
            continue
        found = _RANGE.match(op)
        if found is None:
            return None  # "*", "+"
        low, comma, high = found.groups()
        if comma and not high:
            return None  # "{2,}"
        total += int(high or low)
    return total


def unparsed(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``pattern`` without the constraints only a parse can check (``POS``, ``LEMMA`` ...):
    it matches a tokenised ``Doc`` wherever ``pattern`` can match the parsed one."""
    return [
        {key: value for key, value in token.items() if key in _TOKENIZER_ATTRS or key == "OP"}
        for token in pattern
    ]


class TermMatcher:
    """The term patterns, matched only where they can start (see the module docstring)."""

    def __init__(self, vocab: Vocab, terms: Iterable[TermPattern]) -> None:
        #: Every pattern, as spaCy runs them (the reference the others must agree with).
        self.matcher = Matcher(vocab, validate=True)
        #: The patterns cut down to the tokenizer's attributes (:meth:`can_match`).
        self.unparsed = Matcher(vocab, validate=True)
        #: The patterns of more than one token, tried at their first words.
        self.longer = Matcher(vocab, validate=True)
        #: Keys of the one-word patterns, by the hash of each word they accept.
        self.single: dict[int, list[int]] = {}
        #: Hashes of the first words of the longer patterns.
        self.starts: frozenset[int] = frozenset()
        #: Most tokens a match of a longer pattern can cover.
        self.window = 0
        words: set[str] = set()
        starts: set[int] = set()
        bounded = True
        for term in terms:
            key = vocab.strings.add(term.key)
            self.matcher.add(term.key, [term.pattern])
            self.unparsed.add(term.key, [unparsed(term.pattern)])
            first = first_words(term.pattern[0])
            length = longest(term.pattern)
            if first is None or length is None:
                bounded = False
                continue
            words.update(first)
            if len(term.pattern) == 1:
                for word in sorted(first):
                    self.single.setdefault(vocab.strings.add(word), []).append(key)
                continue
            self.longer.add(term.key, [term.pattern])
            starts.update(vocab.strings.add(word) for word in first)
            self.window = max(self.window, length)
        self.starts = frozenset(starts)
        #: Hashes of the words a pattern can start with; ``None`` when some pattern can start
        #: with any word (every pattern is then run over the whole ``Doc``).
        self.triggers: numpy.ndarray | None = (
            numpy.array(sorted(vocab.strings.add(w) for w in words), dtype="uint64")
            if bounded
            else None
        )

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(match_id, start, end)`` of every match in ``doc``'s sentences."""
        if self.triggers is None:
            return list(self.matcher(doc))
        lower = doc.to_array(LOWER)
        hits = numpy.isin(lower, self.triggers)
        if not hits.any():
            return []
        found: list[tuple[int, int, int]] = []
        for sent in doc.sents:
            end = sent.end
            for i in (numpy.flatnonzero(hits[sent.start : end]) + sent.start).tolist():
                word = int(lower[i])
                found += [(key, i, i + 1) for key in self.single.get(word, ())]
                if word in self.starts:
                    window = doc[i : min(i + self.window, end)]
                    found += [(key, i, i + e) for key, s, e in self.longer(window) if s == 0]
        return found

    def can_match(self, doc: Doc) -> bool:
        """Whether a pattern can match ``doc`` once it is parsed, told from its tokens alone."""
        if self.triggers is not None and not numpy.isin(doc.to_array(LOWER), self.triggers).any():
            return False
        return bool(self.unparsed(doc))
