"""Small dependency-tree helpers shared by actor and recipient reading."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

__all__ = ["MAX_STEPS", "conjuncts", "prep_objects", "relative_head", "verb_above"]

#: Longest walk up or across the tree (keeps a 5,000-token sentence linear).
MAX_STEPS = 12


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it (``the child, his or her parent and ...``)."""
    out = [token]
    index = 0
    while index < len(out) and len(out) < 50:
        out.extend(c for c in out[index].children if c.dep_ == "conj" and c not in out)
        index += 1
    return out


def prep_objects(token: Token, preps: frozenset[str]) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield obj


def relative_head(token: Token) -> Token | None:
    """The noun a relative clause modifies, for its relative pronoun."""
    node = token
    for _ in range(MAX_STEPS):
        if node.dep_ in ("relcl", "acl") and node.head != node:
            return node.head
        if node.head == node:
            return None
        node = node.head
    return None


def verb_above(noun: Token) -> Token | None:
    token = noun
    for _ in range(4):
        head = token.head
        if head == token:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        token = head
    return None
