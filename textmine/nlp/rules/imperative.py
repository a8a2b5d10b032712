"""Imperatives in guidance: ``Consider whether ...``, a bullet ``Involve parents in ...``.

The labelling guidelines give an imperative the document's addressee where
the document says whom it is for (``This guidance is for governing bodies
...``), else nobody (``unspecified``). :func:`is_imperative` says whether a
term's verb, or the subjectless verb that governs it (``Consider whether to
involve``), is a base-form verb opening its sentence or list item with no
subject. A list item completing a lead-in as a predicate (``Approaches that
are:``, ``Key features include:``) describes something and instructs
nobody: not an imperative. The addressee comes from the document context
(:mod:`textmine.nlp.context.document`); Acts, Bills and SIs address no
reader.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from textmine.nlp.grammar.deps import has_subject
from textmine.nlp.grammar.syntax import imperative_compound
from textmine.nlp.rules.registry import rule

if TYPE_CHECKING:
    from textmine.nlp.context.document import DocumentContext

__all__ = ["ADDRESSED_KINDS", "IMPERATIVE", "NO_ADDRESSEE", "addresses_reader", "is_imperative"]

#: Document kinds whose imperatives address a reader (not legislation).
ADDRESSED_KINDS = frozenset({"guidance", "text"})


def addresses_reader(context: DocumentContext) -> bool:
    """Whether the document is of a kind that addresses a reader (guidance, or plain text
    of no known kind), not legislation."""
    return (context.kind or "text") in ADDRESSED_KINDS


IMPERATIVE = rule(
    "actor.imperative",
    "actor",
    "An imperative in guidance is done by the addressee the document names ('This guidance "
    "is for ...').",
    example="This guidance is for governing bodies of schools.\nConsult parents before the review.",
    expect={"text": "Consult", "actor": "education"},
    doubt="imperative",
)
NO_ADDRESSEE = rule(
    "actor.imperative_no_addressee",
    "actor",
    "An imperative in a document that does not say whom it is for: unspecified.",
    example="Consider whether the child has been heard.",
    expect={"text": "Consider", "actor": "unspecified"},
    doubt="imperative",
)

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_UP = frozenset({"xcomp", "ccomp", "conj"})
_LABEL = re.compile(r"[a-z]{1,2}|[ivx]{1,5}|[0-9]{1,2}[a-z]?")
_ADJUNCTS = frozenset({"advcl", "prep", "advmod", "npadvmod", "mark", "punct"})
_SKIP = frozenset({"PUNCT", "SYM", "SPACE", "X"})
#: Last words of a lead-in whose items complete its predicate (describe, not instruct).
_PREDICATE_LEAD = frozenset({"be", "include", "involve", "mean"})


def _first_word(token: Token) -> bool:
    """Whether ``token`` opens its sentence, after bullets, labels and punctuation.

    A lower-case verb in a "sentence" the parser cut after a semicolon or
    comma on the same line (``...; and take into account ...``) continues the
    clause before it: not an opener.
    """
    sent = token.sent
    if token.is_lower and sent.start > 0:
        before = [t for t in token.doc[max(sent.start - 3, 0) : sent.start] if not t.is_space]
        same_line = not any("\n" in t.text_with_ws for t in token.doc[sent.start - 1 : sent.start])
        if same_line and before and before[-1].text in (";", ","):
            return False
    for other in sent:
        if other.i == token.i:
            return True
        label = _LABEL.fullmatch(other.text) and other.i + 1 < len(other.doc)
        if label and other.nbor(1).text in (")", "."):
            continue
        if not (other.pos_ in _SKIP or other.is_punct or other.is_space):
            return _fronted(token)
    return False


def _fronted(verb: Token) -> bool:
    """Whether all that precedes root ``verb`` in its sentence is a fronted adjunct.

    ``If in doubt, seek advice from ...`` / ``Where a child moves, inform ...``.
    """
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VB", "VBP"):
        return False
    before = [c for c in verb.lefts]
    if not before or any(c.dep_ not in _ADJUNCTS for c in before):
        return False
    # "it must, if ..., notify": a modal before the verb means the parse lost its subject
    if any(t.tag_ == "MD" for t in verb.doc[verb.sent.start : verb.i]):
        return False
    return before[0].left_edge.i == verb.sent.start or all(
        t.is_punct or t.is_space for t in verb.doc[verb.sent.start : before[0].left_edge.i]
    )


def _opener(token: Token) -> Token | None:
    """The word that opens ``token`` as an imperative, or ``None`` if it is none.

    A base-form verb with no auxiliary opens itself; ``Do not inform``
    opens with *Do*. A capitalised verb the tagger read as a proper noun at
    the root (``Consult with ...``) counts: the term pattern already found it
    verbal. ``Engage parents ...`` read as a compound is one, too.
    """
    if imperative_compound(token):
        return token
    title_root = token.is_title and token.dep_ == "ROOT" and token.pos_ in ("PROPN", "NOUN")
    if not title_root and (token.pos_ not in ("VERB", "AUX") or token.tag_ not in ("VB", "VBP")):
        return None
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if not auxes:
        return token if token.is_title or token.is_lower else None
    do = auxes[0]
    if len(auxes) == 1 and do.lower_ == "do" and do.tag_ in ("VB", "VBP") and do.i < token.i:
        return do
    return None


def _describes(token: Token, lead_in: Span | None) -> bool:
    """Whether ``token`` is a list item completing a descriptive lead-in."""
    if lead_in is None or lead_in.end > token.i:
        return False
    words = [t for t in lead_in if not (t.is_punct or t.is_space)]
    return bool(words) and words[-1].lemma_.lower() in _PREDICATE_LEAD


def is_imperative(verb: Token, lead_in: Span | None = None) -> bool:
    """Whether ``verb`` is (governed by) an imperative: see the module docstring.

    ``lead_in`` is the lead-in sentence of the list the verb's clause is an
    item of, when it was composed with one.
    """
    token = verb
    for _ in range(4):
        if has_subject(token, _SUBJECTS):
            return False
        opener = _opener(token)
        if opener is not None and _first_word(opener):
            return not _describes(token, lead_in)
        if token.tag_ == "VBG" and token.dep_ == "pcomp" and token.head.dep_ == "prep":
            # "Do not delay action while seeking advice", "Call the police before informing
            # the parents": the gerund of an adverbial phrase is the imperative's adjunct
            token = token.head.head
            continue
        if token.tag_ == "VBG" and token.dep_ == "advcl" and token.head.i != token.i:
            token = token.head  # "Act at once, informing the police"
            continue
        if token.dep_ not in _UP or token.head.i == token.i:
            return False
        if token.dep_ == "xcomp" and token.head.tag_ != "VB":
            return False
        token = token.head
    return False
