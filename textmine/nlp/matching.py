"""Where the term patterns of ``terms.jsonl`` match, found without trying each at every token.

spaCy's :class:`~spacy.matcher.Matcher` tries each of its patterns at each
token of what it is given. The term patterns all start with a word from a
short list (their *triggers*: ``inform``, ``have``, ``take`` ...), and most
are that one word, so :class:`TermMatcher` gives the matches a ``Matcher``
of every pattern gives on each sentence that holds a trigger, more cheaply:

* a one-word pattern matches where its word stands (looked up, no Matcher);
* a longer pattern is tried only at the words that can start it, with the
  other patterns those words start, on a window of as many tokens as a match
  of them can cover, cut at the end of the sentence (a match never crosses
  one);
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
        #: Keys of the one-word patterns, by the hash of each word they accept.
        self.single: dict[int, list[int]] = {}
        #: The patterns of more than one token that can start with a word (by its hash), in
        #: a Matcher of their own, the same cut down to the tokenizer's attributes
        #: (:meth:`can_match`), and the most tokens a match of one of them can cover.
        self.longer: dict[int, tuple[Matcher, Matcher, int]] = {}
        words: set[str] = set()
        starting: dict[int, list[tuple[TermPattern, int]]] = {}
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
            for word in sorted(first):
                starting.setdefault(vocab.strings.add(word), []).append((term, length))
        groups: dict[tuple[str, ...], tuple[Matcher, Matcher, int]] = {}
        for start, group in starting.items():
            keys = tuple(term.key for term, _ in group)
            if keys not in groups:  # "have", "has", "had" start the same patterns: one Matcher
                whole, cut = Matcher(vocab, validate=True), Matcher(vocab, validate=True)
                for term, _ in group:
                    whole.add(term.key, [term.pattern])
                    cut.add(term.key, [unparsed(term.pattern)])
                groups[keys] = (whole, cut, max(length for _, length in group))
            self.longer[start] = groups[keys]
        #: Hashes of the words a pattern can start with; ``None`` when some pattern can start
        #: with any word (every pattern is then run over the whole ``Doc``).
        self.triggers: frozenset[int] | None = (
            frozenset(vocab.strings.add(w) for w in words) if bounded else None
        )

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(match_id, start, end)`` of every match in ``doc``'s sentences."""
        if self.triggers is None:
            return list(self.matcher(doc))
        lower = doc.to_array(LOWER).tolist()
        hits = [i for i, word in enumerate(lower) if word in self.triggers]
        found: list[tuple[int, int, int]] = []
        if not hits:
            return found
        pending = iter(hits)
        i: int | None = next(pending)
        for sent in doc.sents:
            end = sent.end
            while i is not None and i < end:
                word = lower[i]
                found += [(key, i, i + 1) for key in self.single.get(word, ())]
                if word in self.longer:
                    matcher, _, most = self.longer[word]
                    window = doc[i : min(i + most, end)]
                    found += [(key, i, i + e) for key, s, e in matcher(window) if s == 0]
                i = next(pending, None)
            if i is None:
                break
        return found

    def can_match(self, doc: Doc) -> bool:
        """Whether a pattern can match ``doc`` once it is parsed, told from its tokens alone:
        the cut patterns tried where they can start, as :meth:`__call__` tries the whole ones
        (``doc`` has no sentences yet, so a window runs to the end of ``doc``, as a match of
        the cut patterns over all of ``doc`` may)."""
        if self.triggers is None:
            return bool(self.unparsed(doc))
        for i, word in enumerate(doc.to_array(LOWER).tolist()):
            if word not in self.triggers:
                continue
            if word in self.single:
                return True
            if word in self.longer:
                _, cut, most = self.longer[word]
                if any(s == 0 for _, s, _ in cut(doc[i : i + most])):
                    return True
        return False
