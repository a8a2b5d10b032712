"""Checks that turn a pattern match into an occurrence (the ``constraint`` of a term line).

A token pattern finds candidates by lemma and surface form; these checks use
the parse to drop the uses the tagging contract excludes: adjectival
participles (``an informed choice``), nouns where a verb is required
(``advice``, ``the work with families``), ``involve`` meaning *entail*
(``the assessment involves a review``: no party as object), ``seek`` with an
object that is not advice, views, wishes, information, agreement or consent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Span, Token

from textmine.nlp.actors import Resolver
from textmine.nlp.modality import MAX_CHAIN, voice
from textmine.nlp.syntax import conjuncts, imperative_compound

__all__ = ["anchor_of", "check", "is_verbal"]

_PERSONAL = frozenset({"them", "him", "her", "they", "he", "she", "us", "you", "me", "themselves"})


def anchor_of(span: Span, anchor_lemma: str | None) -> Token:
    """The token of a match that the parse is read from (the verb of a phrase)."""
    if anchor_lemma:
        for token in span:
            if token.lemma_.lower() == anchor_lemma or token.lower_ == anchor_lemma:
                return token
    return span[0] if len(span) == 1 else span.root


def is_verbal(token: Token) -> bool:
    """Whether ``token`` is used as a verb (a mis-tagged noun counts when it acts as one)."""
    if (
        token.dep_ in ("amod", "compound", "nmod", "poss")
        or token.tag_ == "JJ"
        or token.pos_ == "ADJ"
    ):
        return False
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        return True
    if token.pos_ in ("NOUN", "PROPN"):
        verb_children = ("aux", "auxpass", "nsubj", "nsubjpass", "dobj")  # "Engage parents in ..."
        if any(c.dep_ in verb_children for c in token.children):
            return True
        if (  # a list item "Work with you to ..." parsed as a noun phrase
            token.is_sent_start
            and token.is_title
            and token.dep_ == "ROOT"
            and any(c.dep_ == "prep" and c.i == token.i + 1 for c in token.children)
        ):
            return True
        head = token.head
        return (
            token.dep_ == "conj"
            and head != token
            and (head.pos_ == "VERB" or head.tag_.startswith("VB"))
        )
    return False


def _object_heads(anchor: Token, resolver: Resolver, preps: frozenset[str]) -> list[Token]:
    """The object (or passive subject) of ``anchor``, and objects of ``preps`` phrases.

    A prepositional phrase of a following conjunct is shared when the anchor
    has none (``engage or work productively with them``).
    """
    passive = voice(anchor, resolver.cues).value == "passive"
    heads = resolver.passive_subjects(anchor) if passive else resolver.objects(anchor)
    holders = [anchor]
    if not any(c.dep_ == "prep" and c.lower_ in preps for c in anchor.children):
        holders += [c for c in anchor.children if c.dep_ == "conj"]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                heads += [o for obj in child.children if obj.dep_ == "pobj" for o in conjuncts(obj)]
    return heads


def _tail_attached(span: Span, anchor: Token) -> bool:
    token = span[-1]
    for _ in range(MAX_CHAIN):
        if token == anchor:
            return True
        if token.head == token:
            return False
        token = token.head
    return False


def check(
    span: Span, anchor: Token, constraint: Mapping[str, Any], resolver: Resolver
) -> str | None:
    """``None`` when the match is an occurrence, else the name of the failed constraint."""
    if (
        constraint.get("verbal")
        and not is_verbal(anchor)
        and not (imperative_compound(anchor) and resolver.party(anchor.head) is not None)
    ):
        return "verbal"
    if constraint.get("nominal") and (
        anchor.pos_ in ("VERB", "AUX") or anchor.tag_.startswith("VB")
    ):
        return "nominal"
    if (
        constraint.get("no_reduced_relative")
        and anchor.dep_ in ("acl", "amod")
        and not any(c.dep_ in ("aux", "auxpass") for c in anchor.children)
    ):
        return "no_reduced_relative"
    if constraint.get("tail_attached") and not _tail_attached(span, anchor):
        return "tail_attached"
    lemmas = constraint.get("object_lemmas")
    if lemmas:
        heads = _object_heads(anchor, resolver, frozenset())
        if not any(h.lemma_.lower() in lemmas for h in heads):
            return "object_lemmas"
    if constraint.get("object_party"):
        heads = _object_heads(anchor, resolver, frozenset({"with"}))
        if not any(h.lower_ in _PERSONAL or resolver.party(h) is not None for h in heads):
            return "object_party"
    return None
