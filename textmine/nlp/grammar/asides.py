"""Modals and subjects cut off from their verb by a parenthetical the parser misattached.

``the authority may, where it considers it appropriate, consult``: the
parser may hang the modal elsewhere (as an apposition or the subject of the
verb, or as the auxiliary of a word inside the aside: ``must, as soon as
reasonably practicable/JJ, notify``). :func:`modal_before_aside` finds it
again for :mod:`textmine.nlp.rules.modality` and :mod:`textmine.nlp.rules.negation`.
:func:`subject_before_aside` does the same for a subject after an opening
phrase (``Well placed to see changes, staff in schools, as part of their
work, need to inform``), for :mod:`textmine.nlp.rules.actor`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from textmine.nlp.grammar.deps import ALL_SUBJECTS
from textmine.nlp.lexicon import Cues

__all__ = ["ASIDE_WINDOW", "modal_before_aside", "subject_before_aside"]

#: How far back a modal cut off by a parenthetical is looked for (``may, where ..., consult``).
ASIDE_WINDOW = 30


def modal_before_aside(verb: Token, cues: Cues) -> Token | None:
    """The modal of ``the authority may, where it considers it appropriate, consult``.

    A parenthetical between the modal and its verb may lead the parser to
    attach the modal elsewhere (as an apposition of the subject). The modal
    stands just before a comma that opens the aside, which closes with a
    comma just before the verb.
    """
    doc = verb.doc
    # the bare verb after the aside may be tagged as a present tense (``it must, if ...,
    # notify``): the caller asks only about verbs with no subject of their own
    if verb.i < 4 or doc[verb.i - 1].text != "," or verb.tag_ not in ("VB", "VBN", "VBP"):
        return None
    for i in range(verb.i - 2, max(verb.sent.start, verb.i - ASIDE_WINDOW), -1):
        token = doc[i]
        if token.text == "," and doc[i - 1].tag_ == "MD":
            modal = doc[i - 1]
            if modal.lower_ in cues.modals and _stranded(modal, verb):
                return modal
            return None
    return None


def _stranded(modal: Token, verb: Token) -> bool:
    """A modal the parser did not give a verb of its own before ``verb``.

    Either it hangs off something other than as an auxiliary, or it was made
    the auxiliary of a non-verb inside the aside with no subject there
    (``must, as soon as reasonably practicable/JJ, notify``).
    """
    if modal.dep_ != "aux":
        return True
    head = modal.head
    inside = any(c.dep_ in ALL_SUBJECTS and c.i > modal.i for c in head.children)
    # "must, having done that, consult": the aside's own verb took the modal
    stolen = head.dep_ == "advcl" and head.head == verb
    return modal.i < head.i < verb.i and not inside and (head.pos_ != "VERB" or stolen)


def subject_before_aside(verb: Token, is_party: Callable[[Token], bool]) -> Token | None:
    """The party that opens the comma-delimited phrase before an aside and a subjectless verb.

    ``Ideally placed to see changes in pupils, schools and colleges, as part of
    the wider system, have a duty to``: the parser hangs the subject inside the
    opening phrase. ``verb`` is finite (or has a modal) and has no subject;
    an aside ``, <as/in/...> ...,`` may stand right before it; the phrase before
    that, between two commas, must open with a party noun that is not itself
    a subject.
    """
    doc = verb.doc
    if any(c.dep_ in ALL_SUBJECTS for c in verb.children):
        return None
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.i < verb.i), None)
    first = modal if modal is not None else verb
    if modal is None and verb.tag_ not in ("VBP", "VBZ", "VBD"):
        return None
    end = first.i - 1
    if end < 2 or doc[end].text != ",":
        return None
    start = _comma_before(verb, end)
    if start is not None and doc[start + 1].tag_ in ("IN", "RB", "VBG"):
        end, start = start, _comma_before(verb, start)  # skip the aside ", as part of X,"
    if start is None:
        return None
    for token in doc[start + 1 : end]:
        if token.pos_ in ("NOUN", "PROPN"):
            return token if token.dep_ not in ALL_SUBJECTS and is_party(token) else None
    return None


def _comma_before(verb: Token, end: int) -> int | None:
    """The comma before index ``end`` in ``verb``'s sentence, within :data:`ASIDE_WINDOW`."""
    doc = verb.doc
    for i in range(end - 1, max(verb.sent.start, end - ASIDE_WINDOW) - 1, -1):
        if doc[i].text == ",":
            return i
        if doc[i].text in (";", ":") or doc[i].tag_ == "MD":
            return None
    return None
