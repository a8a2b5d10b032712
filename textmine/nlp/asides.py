"""Modals cut off from their verb by a parenthetical the parser misattached.

``the authority may, where it considers it appropriate, consult``: the
parser may hang the modal elsewhere (as an apposition or the subject of the
verb, or as the auxiliary of a word inside the aside: ``must, as soon as
reasonably practicable/JJ, notify``). :func:`modal_before_aside` finds it
again for :mod:`textmine.nlp.modality` and :mod:`textmine.nlp.negation`.
"""

from __future__ import annotations

from spacy.tokens import Token

from textmine.nlp.lexicon import Cues

__all__ = ["ASIDE_WINDOW", "modal_before_aside"]

#: How far back a modal cut off by a parenthetical is looked for (``may, where ..., consult``).
ASIDE_WINDOW = 30
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def modal_before_aside(verb: Token, cues: Cues) -> Token | None:
    """The modal of ``the authority may, where it considers it appropriate, consult``.

    A parenthetical between the modal and its verb may lead the parser to
    attach the modal elsewhere (as an apposition of the subject). The modal
    stands just before a comma that opens the aside, which closes with a
    comma just before the verb.
    """
    doc = verb.doc
    if verb.i < 4 or doc[verb.i - 1].text != "," or verb.tag_ not in ("VB", "VBN"):
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
    inside = any(c.dep_ in _SUBJECTS and c.i > modal.i for c in head.children)
    return modal.i < head.i < verb.i and not inside and head.pos_ != "VERB"
