"""Imperatives in guidance take the document's addressee.

The labelling guideline (tests/nlp/data/README.md, Actor) says an imperative
(``Consider whether ...``, a bullet ``Involve parents in ...``) takes the
addressee of the guidance. Two steps:

* :func:`is_imperative` (called by the component, per occurrence) says whether
  the term's verb, or the subjectless verb that governs it (``Consider
  whether to involve``), is a base-form verb opening its sentence or list item
  with no subject. A list item under a lead-in that the items complete as
  predicates (``Approaches that are:``, ``Key features include:``) describes
  something and instructs nobody: not an imperative. The component then gives
  the actor rule :data:`IMPERATIVE` (actor still ``unspecified``).
* :func:`apply_addressee` (called by :func:`~textmine.nlp.tagging.tag_documents`
  once a document's rows are all made) finds the group that most often does
  the document's ``must``/``should`` occurrences with a resolved actor and
  gives it to the imperative rows of a guidance or plain-text document, when
  that group holds at least :data:`MIN_SHARE` of at least :data:`MIN_ROWS`
  such rows. Acts, Bills and SIs keep ``unspecified``; ``actor_text`` stays
  ``None`` (no noun phrase names the actor).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Token

from textmine.nlp.grammar.syntax import imperative_compound
from textmine.nlp.lists import lead_in_sentence

__all__ = [
    "ADDRESSED_KINDS",
    "IMPERATIVE",
    "MIN_ROWS",
    "MIN_SHARE",
    "addressee",
    "apply_addressee",
    "dominant",
    "is_imperative",
]

#: Actor rule of an imperative occurrence before the document pass.
IMPERATIVE = "imperative"
#: Document kinds whose imperatives address a reader (not legislation).
ADDRESSED_KINDS = frozenset({"guidance", "text"})
#: Fewest ``must``/``should`` rows with a resolved actor to name an addressee.
MIN_ROWS = 5
#: Smallest share of those rows the addressee must hold.
MIN_SHARE = 0.3

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


def _describes(token: Token) -> bool:
    """Whether ``token`` is a list item completing a descriptive lead-in."""
    lead = lead_in_sentence(token)
    if lead is None:
        return False
    words = [t for t in lead if not (t.is_punct or t.is_space)]
    return bool(words) and words[-1].lemma_.lower() in _PREDICATE_LEAD


def is_imperative(verb: Token) -> bool:
    """Whether ``verb`` is (governed by) an imperative: see the module docstring."""
    token = verb
    for _ in range(4):
        if any(c.dep_ in _SUBJECTS for c in token.children):
            return False
        opener = _opener(token)
        if opener is not None and _first_word(opener):
            return not _describes(token)
        if token.dep_ not in _UP or token.head.i == token.i:
            return False
        if token.dep_ == "xcomp" and token.head.tag_ != "VB":
            return False
        token = token.head
    return False


def addressee(rows: Sequence[dict[str, Any]]) -> tuple[str, int, int] | None:
    """``(group, count, total)``: the most frequent doer of the rows' ``must``/``should``.

    ``total`` counts the rows with modality ``must`` or ``should`` and a
    resolved actor; ``None`` when it is below :data:`MIN_ROWS` or no group
    holds :data:`MIN_SHARE` of it.
    """
    doers = Counter(
        str(row["actor"])
        for row in rows
        if row["modality"] in ("must", "should") and row["actor"] != "unspecified"
    )
    return dominant(doers, MIN_ROWS, MIN_SHARE)


def dominant(counts: Counter[str], least: int, share: float) -> tuple[str, int, int] | None:
    """``(group, count, total)`` of the most frequent group when ``counts`` total at least
    ``least`` and that group holds at least ``share`` of them, else ``None``."""
    total = sum(counts.values())
    if total < least:
        return None
    group, count = counts.most_common(1)[0]
    return (group, count, total) if count >= share * total else None


def apply_addressee(rows: Sequence[dict[str, Any]], imperative: Sequence[bool]) -> int:
    """Give the imperative rows of one document its addressee; return how many changed.

    ``imperative[i]`` says whether ``rows[i]`` was marked :data:`IMPERATIVE`.
    An ``explain`` object on a row gets the deciding rule.
    """
    if not any(imperative) or not rows:
        return 0
    kind = rows[0]["kind"]
    found = addressee(rows) if kind in ADDRESSED_KINDS else None
    changed = 0
    for row, flag in zip(rows, imperative, strict=True):
        if not flag:
            continue
        if kind not in ADDRESSED_KINDS:
            rule = f"imperative: a document of kind {kind} has no addressee"
        elif found is None:
            rule = "imperative: the document has no clear addressee"
        else:
            group, count, total = found
            row["actor"], row["actor_text"] = group, None
            rule = (
                f"imperative: addressee of the document = {group} "
                f"(most frequent doer of must/should, {count} of {total})"
            )
            changed += 1
        if "explain" in row:
            row["explain"]["actor"]["rule"] = rule
    return changed
