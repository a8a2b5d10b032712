"""The dependency labels the rules read, named once, and the tests on them every rule shares.

en_core_web_sm labels its parses with ClearNLP dependency labels; these sets
name the groups of labels the tagger's rules ask about.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = [
    "ACTIVE_SUBJECTS",
    "ALL_SUBJECTS",
    "SUBJECTS",
    "has_subject",
    "to_infinitive",
]

#: A clause's subject: nominal, clausal, or the subject of a passive.
SUBJECTS: frozenset[str] = frozenset({"nsubj", "csubj", "nsubjpass"})
#: The subject of an active clause only.
ACTIVE_SUBJECTS: frozenset[str] = frozenset({"nsubj", "csubj"})
#: Anything in subject position, dummy *there*/*it* (``expl``) included.
ALL_SUBJECTS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def to_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is a to-infinitive (``to`` is its auxiliary)."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def has_subject(verb: Token, deps: frozenset[str] = ALL_SUBJECTS) -> bool:
    """Whether ``verb`` has a child in one of the subject positions ``deps``."""
    return any(child.dep_ in deps for child in verb.children)
