"""Modality, negation and voice of a matched term, read from the dependency parse.

The modal is found by dependency and lemma, not by the ``MD`` tag alone
(``need not inform`` is often tagged as a verb). When the term's verb has no
modal of its own, it takes the nearest modal cue along a short *governing
chain* (:func:`step_up`):

* ``conj``: a coordinated verb without its own subject or modal shares its
  first conjunct's (``must consult the parent and inform the school``; ``must
  not consult or inform``);
* ``xcomp``: a to-infinitive or gerund complement takes its governing verb's
  modal, object control included (``may seek to involve``, ``cannot force
  them to engage``);
* ``embedding``: a clause under an *embedding cue* (``must ensure that
  parents are consulted``) takes that verb's modal and negation, but not its
  actor (see :mod:`textmine.nlp.actors`);
* ``participle``: a participial adjunct of the main clause (``must decide,
  having regard to ...``) takes the main verb's; one opened by a
  subordinator (``when considering``) does not.

Design decisions, read from the tagging contract's wording ("the modal
governing the term"): only modal words are modals. ``is required to``, ``has
a duty to`` and ``is expected to`` give ``none``; the verb *need* counts as
``need`` (the contract lists it). An infinitive that modifies a noun
(``reasonable steps to consult``) or states a purpose, and a verb inside a
conditional, temporal or relative clause, carry no modal in from outside.

Negation is read on every verb of the chain up to the one that supplies the
modal, so ``cannot force them to engage`` is ``can`` + negated and ``need not
consult or inform`` negates both verbs. ``modality`` and ``negated`` stay
orthogonal, as the tagging contract requires.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from textmine.nlp.lexicon import Cues
from textmine.nlp.syntax import (
    comma_participle,
    gerund_subject,
    misplaced_conjunct,
    verb_above,
)

__all__ = [
    "MAX_CHAIN",
    "Reading",
    "governing_chain",
    "kept",
    "lead_in",
    "modality",
    "negation",
    "passive_control",
    "voice",
]

#: Longest governing chain followed (keeps a 5,000-token sentence linear).
MAX_CHAIN = 12
#: How far back (in tokens) a list item looks for its lead-in (``The authority must—``).
LEAD_IN_WINDOW = 400
_LEAD_IN_MARKS = frozenset({"\u2014", "\u2013", "-", "--", ":"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_PASSIVE_MARKS = frozenset({"auxpass", "nsubjpass", "csubjpass", "agent"})
#: Verbs whose object is the doer of their infinitive (``may ask the authority to consult``).
OBJECT_CONTROL = frozenset(
    {
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
        "force",
        "expect",
        "empower",
        "authorise",
        "oblige",
    }
)
_NOUN_SLOTS = frozenset({"pobj", "dobj", "attr", "acomp", "nsubj", "nsubjpass", "appos", "oprd"})


@dataclass(frozen=True)
class Reading:
    """A value read from the parse, with the rule and the token that gave it."""

    value: object
    rule: str
    token: str | None = None

    def explain(self) -> dict[str, object]:
        out: dict[str, object] = {"rule": self.rule}
        if self.token is not None:
            out["token"] = self.token
        return out


def own_modal(verb: Token, cues: Cues) -> Token | None:
    """The modal auxiliary attached to ``verb`` itself (``must``, ``need`` ...)."""
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in cues.modals:
            return child
        if child.dep_ in ("aux", "auxpass") and child.lemma_.lower() in cues.modals:
            return child
    return None


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in _SUBJECTS for child in verb.children)


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun hangs off (``has a duty``, ``is under a duty``)."""
    return verb_above(noun, climb=_noun_slot)


def _noun_slot(token: Token, head: Token) -> bool:
    return token.dep_ in _NOUN_SLOTS or head.dep_ == "prep"


def step_up(verb: Token, cues: Cues) -> tuple[Token, str] | None:
    """The next governor of ``verb`` in the chain and the link's name, or ``None``.

    Links: a coordinated verb without its own subject or modal (``conj``); a
    to-infinitive or gerund complement of a verb, including object control
    (``xcomp``: ``may seek to involve``, ``cannot force them to engage``); a
    clause under an embedding cue (``embedding``: ``must ensure that ...``).
    An infinitive that modifies a noun (``steps to consult``) or states a
    purpose (``..., to inform``), and conditional, temporal and relative
    clauses carry no modal in.
    """
    head = verb.head
    if head == verb:
        return None
    dep = verb.dep_
    if dep == "conj" and not _has_subject(verb) and own_modal(verb, cues) is None:
        return misplaced_conjunct(verb) or head, "conj"
    if dep == "conj" and head.dep_ == "ccomp" and any(c.dep_ == "mark" for c in verb.children):
        return head, "conj"  # "must ensure that ... and that their views are taken into account"
    if (
        dep == "ccomp"
        and verb.tag_ == "VB"
        and head.lemma_.lower() in ("help", "let", "make")
        and not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    ):
        return head, "xcomp"  # bare infinitive: "can help you participate"
    if dep == "oprd" and head.lemma_.lower() == "keep":
        return head, "xcomp"  # "must keep the parent informed"
    if (
        dep in ("advcl", "ccomp", "xcomp")
        and head.lemma_.lower() == "be"
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)
    ):
        return head, "xcomp"  # "it may be useful for advisers to seek": extraposed subject
    aside = comma_participle(verb)
    if aside is not None:
        return aside[1], "participle"  # "the teacher, working with the VSH, should consider"
    if gerund_subject(verb) is not None:
        return None  # "the importance of the child participating": inside a noun phrase
    if (
        dep == "acl"
        and head.dep_ == "dobj"
        and head.head.lemma_.lower() in OBJECT_CONTROL
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    ):
        return head.head, "xcomp"  # "may request the authority to consult": object control
    if dep == "advcl" and passive_control(head) and _to_infinitive(verb):
        return head, "xcomp"  # "should be supported to participate": passive object control
    if dep == "xcomp" or (dep in ("dobj", "pcomp") and verb.tag_ == "VBG"):
        if head.pos_ in ("VERB", "AUX"):
            return head, "xcomp"
        if head.pos_ == "ADJ":  # "must be able to consult"
            governor = _governing_verb(head)
            return (governor, "xcomp") if governor is not None else None
        return None
    if (
        dep == "ccomp"
        and head.lemma_.lower() in cues.embedding
        and not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    ):
        return head, "embedding"
    if dep == "ccomp" and head.lower_ == "sure" and head.head.lemma_.lower() in cues.embedding:
        return head.head, "embedding"  # "must make sure that parents are consulted"
    if (
        dep == "advcl"
        and verb.tag_ == "VBG"
        and head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("mark", "advmod") and c.tag_ in ("IN", "WRB") for c in verb.children)
        and not any(c.dep_ == "aux" and c.tag_ != "TO" for c in verb.children)
    ):
        return head, "participle"  # "must assess each case, taking into account ..."
    if (
        dep == "advcl"
        and verb.tag_ == "VBN"
        and head.tag_ == "VBN"
        and not _has_subject(verb)
        and not any(c.dep_ in ("aux", "mark", "advmod") for c in verb.children)
    ):
        return head, "conj"  # "should be listened to, respected and involved": a participle list
    if (
        dep == "ccomp"
        and verb.tag_ == "VBG"
        and head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i < verb.i for c in verb.children)
        and not any(c.dep_ in ("aux", "mark") for c in verb.children)
    ):
        return head, "participle"  # "must assess each case individually taking into account"
    return None


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


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


def governing_chain(verb: Token, cues: Cues) -> list[tuple[Token, str]]:
    """``verb`` then each governor it inherits a modal from, until one has its own."""
    chain: list[tuple[Token, str]] = [(verb, "self")]
    token = verb
    for _ in range(MAX_CHAIN):
        if own_modal(token, cues) is not None:
            break
        nxt = step_up(token, cues)
        if nxt is None:
            break
        token = nxt[0]
        chain.append(nxt)
    return chain


def modality(verb: Token, cues: Cues) -> Reading:
    """The nearest modal cue up :func:`governing_chain`: an auxiliary, or a lexical modal verb.

    A *lexical modal* from ``cues.jsonl`` (``need`` in ``will need to work
    with``) counts where it stands in the chain, before its own auxiliary.
    """
    chain = governing_chain(verb, cues)
    for index, (token, _) in enumerate(chain):
        via = "+".join(link for _, link in chain[1 : index + 1])
        lemma = token.lemma_.lower()
        if index and lemma in cues.control and token.dep_ not in ("aux", "auxpass"):
            return Reading(cues.control[lemma], f"lexical modal via {via}", token.text)
        modal = own_modal(token, cues)
        if modal is not None:
            value = cues.modals.get(modal.lower_) or cues.modals[modal.lemma_.lower()]
            return Reading(value, "aux" if index == 0 else f"aux via {via}", modal.text)
    return Reading("none", "no modal")


def _negation_cue(token: Token, cues: Cues) -> Token | None:
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in cues.negations:
            return child
        if not cues.negation_phrases or child.dep_ not in ("advmod", "npadvmod"):
            continue
        left, right = child.left_edge.i, child.right_edge.i
        if right - left < 4:
            words = tuple(t.lower_ for t in child.doc[left : right + 1])
            if words in cues.negation_phrases:
                return child
    return None


def negation(verb: Token, cues: Cues) -> Reading:
    """Whether a negation cue governs ``verb`` or a verb it inherits its modal from."""
    for index, (token, link) in enumerate(governing_chain(verb, cues)):
        cue = _negation_cue(token, cues)
        if cue is not None:
            rule = "neg" if index == 0 else f"neg via {link}"
            return Reading(True, rule, cue.text)
    # "Nothing in this section requires the authority to consult": the verb governing
    # the infinitive's noun is negated
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.head.head != verb.head:
        cue = _negation_cue(verb.head.head, cues)
        if cue is not None:
            return Reading(True, "neg of governing verb", cue.text)
    return Reading(False, "no negation cue")


def voice(verb: Token, cues: Cues) -> Reading:
    """``passive`` for a passive auxiliary or subject, an agent, or a reduced relative."""
    if verb.pos_ in ("NOUN", "PROPN"):
        return Reading("active", "nominal")
    token = verb
    for _ in range(MAX_CHAIN):
        marks = [c for c in token.children if c.dep_ in _PASSIVE_MARKS]
        if marks:
            return Reading("passive", marks[0].dep_, marks[0].text)
        if token.tag_ == "VBN" and token.dep_ == "acl":
            return Reading("passive", "reduced relative", token.text)
        if token.tag_ == "VBN" and kept(token) is not None:
            return Reading("passive", "keep X informed", token.head.text)
        # "must be consulted and informed": the bare participle shares its conjunct's voice
        if token.dep_ == "conj" and token.tag_ == "VBN" and not _has_subject(token):
            if any(c.dep_ in ("aux", "auxpass") for c in token.children):
                break
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


def kept(participle: Token) -> Token | None:
    """The verb *keep* of ``keep X informed`` / ``X is kept informed``, for its participle."""
    head = participle.head
    if participle.dep_ in ("oprd", "acomp", "xcomp") and head.lemma_.lower() == "keep":
        return head
    return None


def lead_in(verb: Token, cues: Cues) -> Token | None:
    """The modal of a list's lead-in (``The registered person must—``) that ``verb`` continues.

    Legislation splits one sentence into a lead-in and lettered items; once
    the provisions of a unit are joined, an item's bare verb (``notify HMCI``)
    may have no subject or modal in the parse. Only a base-form verb that is
    the root of its clause or a conjunct, has no subject of its own, and
    follows a modal directly followed by a dash or colon, qualifies.
    """
    if verb.tag_ not in ("VB", "VBP") or verb.dep_ not in ("ROOT", "conj"):
        return None
    if _has_subject(verb) or own_modal(verb, cues) is not None:
        return None
    doc = verb.doc
    for i in range(verb.i - 1, max(-1, verb.i - LEAD_IN_WINDOW), -1):
        token = doc[i]
        if token.lower_ in cues.modals and i + 1 < verb.i and doc[i + 1].text in _LEAD_IN_MARKS:
            return token
    return None
