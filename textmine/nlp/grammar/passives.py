"""Passive and participle structure the parser misreads: who a passive is said of.

The parse of Code-style English often hides the party a passive term is said
of, or hangs a participle off the wrong verb. These helpers put the structure
back for :mod:`textmine.nlp.rules.modality` (voice, the governing chain),
:mod:`textmine.nlp.rules.senses` (``involve``/``engage`` need a party) and
:mod:`textmine.nlp.rules.recipients` (the passive subject is the recipient):

* :func:`list_continuation`: ``children are listened to, respected and
  involved``, ``the importance of listening to, involving and responding to``:
  a comma list the parser broke up;
* :func:`passive_holders`: ``be supported to ... and be engaged in``, ``are
  closely involved``, ``where parents are not involved``: the party a
  subjectless passive is said of;
* :func:`adverbial_participle` (``When consulted about the draft, children
  said ...``: a subjectless past participle after a subordinator is a passive
  said of the main clause's subject);
* :func:`passive_control` (``be supported to participate``) and :func:`kept`
  (``keep the parent informed``).
"""

from __future__ import annotations

from spacy.tokens import Token

from textmine.nlp.grammar.deps import ALL_SUBJECTS, to_infinitive
from textmine.nlp.grammar.syntax import MAX_STEPS, conjuncts, coordination_head

__all__ = [
    "OBJECT_CONTROL",
    "adverbial_participle",
    "kept",
    "list_continuation",
    "passive_control",
    "passive_holders",
]

#: Verbs whose object is the doer of their infinitive (``may ask the authority to consult``),
#: among them verbs that engage someone for a task (``appoint a person to consult``,
#: ``assessors must be contracted to work with the centre``) and verbs of telling someone
#: what to do (``advise parents to seek advice``).
OBJECT_CONTROL = frozenset(
    {
        "appoint",
        "employ",
        "contract",
        "commission",
        "recruit",
        "train",
        "fund",
        "designate",
        "nominate",
        "instruct",
        "tell",
        "remind",
        "urge",
        "advise",
        "equip",
        "persuade",
        "ask",
        "request",
        "require",
        "direct",
        "encourage",
        "enable",
        "help",
        "allow",
        "permit",
        "invite",
        "support",
        "assist",
        "force",
        "expect",
        "empower",
        "authorise",
        "oblige",
    }
)


def list_continuation(verb: Token) -> Token | None:
    """The earlier verb a bare participle continues in a comma list the parser broke up.

    In ``children are listened to, respected and involved`` and ``the
    importance of listening to, involving and responding to`` the parser may
    hang the second member off the main verb. A participle or gerund with no
    subject, auxiliary or marker of its own, after a comma, heading a ``... and
    ...`` coordination, continues the verb of the same form whose phrase ends
    at that comma.
    """
    if verb.tag_ not in ("VBN", "VBG") or verb.dep_ not in ("advcl", "conj", "dep", "acl"):
        return None
    if any(c.dep_ in ALL_SUBJECTS or c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
        return None
    if not any(c.dep_ == "cc" for c in verb.children):
        return None
    doc = verb.doc
    at = verb.left_edge.i
    if at < 2 or doc[at - 1].text != "," or at != verb.i:
        return None
    node = doc[at - 2]
    for _ in range(4):
        if node.tag_ == verb.tag_ and node != verb.head and node.right_edge.i in (at - 2, at - 1):
            return node
        if node.head == node or node.head.i > verb.i:
            return None
        node = node.head
    return None


def passive_control(verb: Token) -> bool:
    """Whether ``verb`` is a passive object-control verb (``be supported to``, ``be helped to``).

    Its passive subject does the infinitive, which the parser often attaches
    as a purpose clause (``advcl``) rather than a complement.
    """
    return (
        verb.pos_ in ("VERB", "AUX")
        and verb.tag_ == "VBN"
        and verb.lemma_.lower() in OBJECT_CONTROL
        and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    )


def passive_holders(verb: Token) -> list[Token]:
    """Who a passive without a subject of its own is said of, found further up the tree.

    ``the child should be supported to regain confidence and be engaged in
    activities``: *engaged* is coordinated with an infinitive whose doer is
    the passive subject of *supported*; ``listened to, respected and
    involved``: a participle list the parser broke up; ``parents are closely
    involved``: a participle read as the complement of *be*.
    """
    token = verb
    for _ in range(MAX_STEPS):
        # "where parents are not involved": the subject hung off the auxiliary
        holders = [token, *(c for c in token.children if c.dep_ in ("aux", "auxpass"))]
        subjects = [c for h in holders for c in h.children if c.dep_ in ("nsubjpass", "nsubj")]
        if subjects:
            return conjuncts(subjects[0])
        continued = list_continuation(token)
        if continued is not None:
            token = continued
        elif token.dep_ in ("advcl", "xcomp") and to_infinitive(token):
            token = token.head
            objects = [c for c in token.children if c.dep_ == "dobj"]
            if objects:  # "encourage parents to be involved": object control
                return conjuncts(objects[0])
        elif token.dep_ in ("conj", "acomp"):
            token = token.head  # "are closely involved": the participle is be's complement
        elif token.dep_ == "ccomp" and token.head.tag_ == "MD":
            token = token.head  # "should, where possible, be involved": the modal took the subject
        else:
            return []
    return []


#: Subordinators that open a reduced adverbial clause (``if notified``, ``once agreed``).
_SUBORDINATORS = frozenset(
    {
        "when",
        "whenever",
        "if",
        "once",
        "unless",
        "until",
        "where",
        "as",
        "though",
        "although",
        "while",
    }
)


def adverbial_participle(verb: Token) -> Token | None:
    """The main verb of ``When consulted about the draft, children said``, for ``consulted``.

    A past participle with no subject and no auxiliary of its own, opened by
    a subordinator (``if notified of a change``, ``once consulted``) or
    standing first in its sentence (``Consulted early, parents ...``), is a
    reduced passive clause: it is said of the main clause's subject, and it
    names no doer unless it has a ``by`` agent.
    """
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or verb.head.i <= verb.i:
        return None
    if any(c.dep_ in ALL_SUBJECTS or c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    opener = verb.doc[verb.left_edge.i]
    if not (
        (opener.lower_ in _SUBORDINATORS and opener.dep_ in ("mark", "advmod"))
        or verb.left_edge.i == verb.sent.start == verb.i
    ):
        return None
    return verb.head


def kept(participle: Token) -> Token | None:
    """The verb *keep* of ``keep X informed`` / ``X is kept informed``, for its participle."""
    head = participle.head
    if participle.dep_ in ("oprd", "acomp", "xcomp") and head.lemma_.lower() == "keep":
        return head
    if (  # "keep the parent informed" read as a small clause with "the parent" as subject
        participle.dep_ == "ccomp"
        and participle.tag_ in ("VBN", "VBD")  # "keep the young person engaged/VBD"
        and head.lemma_.lower() == "keep"
        and not any(c.dep_ in ("aux", "auxpass", "mark") for c in participle.children)
    ):
        return head
    first = coordination_head(head)
    if (  # "keep parents informed" read as a reduced relative on the (last) object
        participle.dep_ == "acl"
        and participle.tag_ == "VBN"
        and first.dep_ == "dobj"
        and first.head.lemma_.lower() == "keep"
        and participle.i > head.i
        and participle.right_edge.i == first.right_edge.i
    ):
        return first.head
    return None
