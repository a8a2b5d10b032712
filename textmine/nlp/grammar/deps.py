"""The dependency labels the rules read, named once, and the tests on them every rule shares.

en_core_web_sm labels its parses with ClearNLP dependency labels; these sets
name the groups of labels the tagger's rules ask about.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

__all__ = [
    "ACTIVE_SUBJECTS",
    "ALL_SUBJECTS",
    "SUBJECTS",
    "has_modal",
    "has_subject",
    "provision_label",
    "to_infinitive",
]

#: A clause's subject: nominal, clausal, or the subject of a passive.
SUBJECTS: frozenset[str] = frozenset({"nsubj", "csubj", "nsubjpass"})
#: The subject of an active clause only.
ACTIVE_SUBJECTS: frozenset[str] = frozenset({"nsubj", "csubj"})
#: The number or letter of a provision label: ``2A``, ``b``, ``iv``, ``A1``.
_LABEL = re.compile(r"\d{1,3}[A-Z]{0,3}|[a-z]{1,4}|[A-Z]\d{1,2}")
#: Anything in subject position, dummy *there*/*it* (``expl``) included.
ALL_SUBJECTS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def to_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is a to-infinitive (``to`` is its auxiliary)."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def has_modal(token: Token) -> bool:
    """Whether a modal (``must``, ``may`` ...) hangs on ``token``, whatever the parse's label."""
    return any(child.tag_ == "MD" for child in token.children)


def has_subject(verb: Token, deps: frozenset[str] = ALL_SUBJECTS) -> bool:
    """Whether ``verb`` has a child in one of the subject positions ``deps``."""
    return any(child.dep_ in deps for child in verb.children)


def provision_label(token: Token) -> bool:
    """Whether ``token`` is the number of a bracketed provision label (``(2A)`` of inserted
    text, ``(b)``), which the parse may take for a subject; it names no one."""
    doc = token.doc
    return (
        0 < token.i < len(doc) - 1
        and doc[token.i - 1].text == "("
        and doc[token.i + 1].text == ")"
        and _LABEL.fullmatch(token.text) is not None
    )
