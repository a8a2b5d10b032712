"""Voice of a matched term: ``passive`` or ``active``, read from the dependency parse.

A passive auxiliary or subject, a ``by`` agent, a reduced relative (``the
professionals involved``, also when the parser reads it as a clause:
``Other agencies involved, such as ...``), ``keep X informed``, a participle
after *be* (``parents are closely involved``), and a participle sharing the
voice of the one it is listed or coordinated with (``must be consulted and
informed``, ``listened to, respected and involved``). The passive and
participle structures the parser misreads are put back by
:mod:`textmine.nlp.grammar.passives`.
"""

from __future__ import annotations

from spacy.tokens import Token

from textmine.nlp.grammar.adjuncts import clause_read_relative
from textmine.nlp.grammar.deps import ALL_SUBJECTS
from textmine.nlp.grammar.passives import kept, list_continuation
from textmine.nlp.lexicon import Cues
from textmine.nlp.modality import MAX_CHAIN, Reading

__all__ = ["voice"]

_PASSIVE_MARKS = frozenset({"auxpass", "nsubjpass", "csubjpass", "agent"})


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in ALL_SUBJECTS for child in verb.children)


def voice(verb: Token, cues: Cues) -> Reading:
    """``passive`` for a passive auxiliary or subject, an agent, or a reduced relative."""
    if verb.pos_ in ("NOUN", "PROPN"):
        return Reading("active", "nominal")
    token = verb
    for _ in range(MAX_CHAIN):
        marks = [c for c in token.children if c.dep_ in _PASSIVE_MARKS]
        if marks:
            return Reading("passive", marks[0].dep_, marks[0].text)
        if token.tag_ == "VBN" and (
            token.dep_ == "acl" or (token.dep_ == "amod" and token.head.i < token.i)
        ):  # "the professionals involved", "everyone involved" (read as amod)
            return Reading("passive", "reduced relative", token.text)
        if clause_read_relative(token):  # "Other people involved, such as ..., should"
            return Reading("passive", "reduced relative", token.text)
        if token.tag_ in ("VBN", "VBD") and kept(token) is not None:
            return Reading("passive", "keep X informed", token.head.text)
        if (
            token.tag_ in ("VBN", "JJ")
            and token.dep_ == "acomp"
            and token.head.lemma_.lower() == "be"
        ):  # "parents are closely involved", "who is not involved/JJ": be's complement
            return Reading("passive", "participle after be", token.head.text)
        continued = list_continuation(token)
        if continued is not None:
            token = continued  # "are listened to, respected and involved"
            continue
        # "must be consulted and informed": the bare participle shares its conjunct's voice
        if token.dep_ == "conj" and token.tag_ == "VBN" and not _has_subject(token):
            if any(c.dep_ in ("aux", "auxpass") for c in token.children):
                break
            if token.head.lemma_.lower() == "be" and token.head.tag_ != "VBN":
                # "should be at the centre of the process and fully involved"
                return Reading("passive", "participle after be", token.head.text)
            token = token.head
            continue
        if (
            token.dep_ == "advcl"
            and token.tag_ == "VBN"
            and token.head.tag_ == "VBN"
            and not _has_subject(token)
            and not any(c.dep_ in ("aux", "mark", "advmod") for c in token.children)
        ):
            token = token.head  # "be listened to, respected and involved": a participle list
            continue
        break
    return Reading("active", "no passive marker")
