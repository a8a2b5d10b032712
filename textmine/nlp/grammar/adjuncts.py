"""Adjuncts and complements the parser hangs on the wrong word.

Helpers of the modal chain (:mod:`textmine.nlp.rules.modality`) and of the actor
steps (:mod:`textmine.nlp.rules.actor`) for three shapes of statutory English:

* :func:`perfect_participle`: ``..., having consulted the parents``, a
  participial adjunct like ``..., taking into account`` (its verb's doer
  and modal);
* :func:`adverbial_participle`: ``must review the plan at least once in each
  six month period taking into account ...``: with no comma the parser makes
  the participle modify the noun of an adverbial phrase (``period``), but it
  belongs to the verb the phrase belongs to;
* :func:`deliberative_participle`: ``may invite proposals for a new school
  having regard to guidance``: *having regard to* and *taking into account*
  are acts of a mind, so hung on a noun that names no party they belong to
  the verb whose phrase holds that noun;
* :func:`clause_read_relative`: ``Other agencies involved, such as the
  police, should ...`` parsed as a clause (*agencies* the subject of
  *involved*): a reduced relative, so a passive participle;
* :func:`whether_clause`: ``must assess whether each child is at risk,
  taking into account ...``: a participle after a ``whether`` complement
  belongs to the verb that takes the complement (the assessor's);
* :func:`raised_infinitive`: ``may find it helpful to consult``, ``may
  consider it necessary to inform``: the infinitive completes the verb
  through ``it`` + adjective, so it shares that verb's modal.
"""

from __future__ import annotations

from spacy.tokens import Token

from textmine.nlp.grammar.clauses import is_expletive
from textmine.nlp.grammar.deps import SUBJECTS, to_infinitive
from textmine.nlp.grammar.syntax import MAX_STEPS, verb_above

__all__ = [
    "adverbial_participle",
    "clausal_subject_participle",
    "clause_read_relative",
    "deliberative_participle",
    "judging_verb",
    "participle_after_argument",
    "participle_beside_phrase",
    "perfect_participle",
    "raised_infinitive",
    "whether_clause",
]

#: Prepositions of adverbial phrases (time, frequency, place, manner) a participle may follow.
_ADVERBIAL_PREPS = frozenset(
    {"at", "in", "within", "during", "on", "over", "throughout", "after", "before", "by", "for"}
)
#: Participles a thing may do (``a meeting involving the parents``): they stay with the noun.
_THING_VERBS = frozenset({"involve", "engage", "include"})
#: Verbs that take ``it`` + adjective + infinitive (``find it helpful to``).
_RAISING = frozenset({"find", "consider", "think", "deem", "feel", "judge", "believe", "make"})


def perfect_participle(verb: Token) -> bool:
    """``having consulted``, ``having been notified``: a past participle whose auxiliaries
    are *having* (and *been*), right before it."""
    auxiliaries = sorted(
        (c for c in verb.children if c.dep_ in ("aux", "auxpass")), key=lambda c: c.i
    )
    words = [c.lower_ for c in auxiliaries]
    return (
        verb.tag_ == "VBN"
        and words in (["having"], ["having", "been"])
        and auxiliaries[-1].i == verb.i - 1
    )


def adverbial_participle(verb: Token) -> Token | None:
    """The verb a participle hung on the noun of an adverbial phrase belongs to, or ``None``.

    ``verb`` is a bare ``-ing`` participle (no subject, auxiliary or marker)
    that the parser made modify the object of an adverbial preposition
    (``in each period taking ...``) whose phrase hangs on a verb; whether that
    noun could be the doer is for the caller to judge. ``involving`` and
    ``engaging``, which a thing may do (``at a meeting involving the
    parents``), stay with the noun.
    """
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.lemma_.lower() in _THING_VERBS:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return None
    noun = verb.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _ADVERBIAL_PREPS:
        return None
    governor = prep.head
    return governor if governor.pos_ in ("VERB", "AUX") and governor.i < verb.i else None


def deliberative_participle(verb: Token) -> Token | None:
    """The verb a bare ``having regard to`` or ``taking ... into account`` hung on a noun
    belongs to, or ``None``.

    Only a mind has regard or takes into account, so where the parser made such a
    participle modify a noun, the noun's verb (the nearest verb above it, before the
    participle) is the one it belongs to; whether the noun names a party (``staff
    having regard to``), which would keep it, is for the caller to judge.
    """
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return None
    lemma = verb.lemma_.lower()
    words = {t.lower_ for t in verb.children} | {
        t.lower_ for c in verb.children if c.dep_ == "prep" for t in c.children
    }
    if not ((lemma == "have" and "regard" in words) or (lemma == "take" and "account" in words)):
        return None
    above = verb_above(verb.head, steps=MAX_STEPS)
    return above if above is not None and above.i < verb.i else None


def clausal_subject_participle(verb: Token) -> Token | None:
    """The verb a set-off participle belongs to when the parse made it that verb's clausal
    subject, or ``None``.

    In ``the person knows, or having regard to other facts ought reasonably to know,
    that ...`` the parser may make *having* the clausal subject of *ought*. A bare ``-ing``
    word (no determiner, possessor, subject, auxiliary or marker) that follows a comma or a
    coordinator, on a verb with no nominal subject of its own, is an adjunct of that verb; a
    gerund that opens its sentence (``Involving parents will help``) stays its subject.
    """
    head = verb.head
    if verb.dep_ != "csubj" or verb.tag_ != "VBG" or head.pos_ not in ("VERB", "AUX"):
        return None
    if any(
        c.dep_ in ("det", "poss", "nsubj", "nsubjpass", "aux", "auxpass", "mark")
        for c in verb.children
    ):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return None
    start = verb.left_edge.i
    if start == 0 or verb.doc[start - 1].lower_ not in (",", "or", "and"):
        return None
    return head if head.i > verb.i else None


def raised_infinitive(verb: Token) -> Token | None:
    """The verb of ``find it helpful to V`` / ``consider it necessary to V``, or ``None``."""
    if not to_infinitive(verb):
        return None
    adjective = verb.head
    if verb.dep_ not in ("advcl", "xcomp", "ccomp") or adjective.pos_ != "ADJ":
        return None
    governor = adjective.head
    if governor.pos_ not in ("VERB", "AUX") or governor.lemma_.lower() not in _RAISING:
        return None
    dummy = [
        t
        for t in (*governor.children, *adjective.children)
        if t.lower_ == "it" and t.i < adjective.i
    ]
    return governor if dummy else None


def whether_clause(verb: Token) -> bool:
    """``(assess) whether each child is at risk``: a ``whether``/``if`` complement clause."""
    return verb.dep_ == "ccomp" and any(
        c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children
    )


def judging_verb(clause: Token) -> Token | None:
    """The verb that takes a complement clause stating a judgement rather than an act, or
    ``None``: ``(assess) whether each child is at risk``, ``(is satisfied) that it would be
    unreasonable``. A participle set in such a clause (``that, having regard to X, it would
    be unreasonable``) belongs to that verb, the one who judges; through an adjective
    (``is satisfied that``) the verb is the adjective's."""
    judged = whether_clause(clause) or (
        clause.dep_ == "ccomp"
        and any(c.dep_ in SUBJECTS and is_expletive(c) for c in clause.children)
    )
    if not judged:
        return None
    verb = clause.head
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def clause_read_relative(verb: Token) -> bool:
    """``the people involved, ...`` parsed as a clause: a past participle (the tagger's
    ``VBN``, not the past tense ``VBD``) right after its "subject", with no auxiliary and
    no object of its own."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("ccomp", "advcl", "conj", "ROOT")
        and any(c.dep_ == "nsubj" and c.i == verb.i - 1 for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass", "dobj", "mark") for c in verb.children)
    )


def participle_after_argument(verb: Token) -> Token | None:
    """The noun of ``send a copy to each person consulted``, ``give all persons consulted a
    reasonable time``: a past participle right after a noun that is an argument of another
    word, which the parser read as a clause of its own (a conjunct, a complement) with no
    subject, auxiliary or marker. It is a reduced relative on that noun: passive, the noun
    its subject."""
    if verb.tag_ not in ("VBN", "VBD") or verb.i == 0 or verb.left_edge.i != verb.i:
        return None
    if verb.dep_ not in ("conj", "ccomp", "advcl", "dep", "xcomp", "relcl"):
        return None
    if any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "cc") and c.i < verb.i
        for c in verb.children
    ):
        return None
    noun = verb.doc[verb.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("dobj", "pobj", "dative"):
        return None
    return noun if noun.head != verb else None


def participle_beside_phrase(verb: Token) -> Token | None:
    """The verb a participle belongs to when the parse coordinated it with a prepositional
    adjunct of that verb (``must connect the scheme, in compliance with the standards and
    having regard to the guidance``), else ``None``."""
    phrase = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "conj" or phrase.dep_ != "prep":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for c in verb.children):
        return None
    governor = phrase.head
    return governor if governor.pos_ in ("VERB", "AUX") else None
