"""Modality, negation and voice of a matched term, read from the dependency parse.

The modal is found by dependency and lemma, not by the ``MD`` tag alone
(``need not inform`` is often tagged as a verb). When the term's verb has no
modal of its own, it inherits one along a short *governing chain*:

* ``conj``: a coordinated verb without its own subject or modal shares its
  first conjunct's (``must consult the parent and inform the school``; ``must
  not consult or inform``);
* ``control``: a to-infinitive takes the modal of the verb or noun that
  governs it (``must take reasonable steps to consult``). A *control cue*
  from ``cues.jsonl`` supplies the modal when that governor has none of its
  own: ``is required to inform`` reads as ``must``, ``has a duty to``
  as ``must``, ``need to`` as ``need``. (Design decision: statutory
  requirement phrased by a semi-modal is still a requirement.)
* ``embedding``: a clause under an *embedding cue* (``must ensure that
  parents are consulted``) takes that verb's modal and negation, but not its
  actor (see :mod:`textmine.nlp.actors`).

Negation is read on every verb of the chain up to the one that supplies the
modal, so ``is not required to inform`` is ``must`` + negated and ``need not
consult or inform`` negates both verbs. ``modality`` and ``negated`` stay
orthogonal, as the tagging contract requires.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from textmine.nlp.lexicon import Cues

__all__ = [
    "MAX_CHAIN",
    "Reading",
    "governing_chain",
    "lead_in",
    "modality",
    "negation",
    "voice",
]

#: Longest governing chain followed (keeps a 5,000-token sentence linear).
MAX_CHAIN = 12
#: How far back (in tokens) a list item looks for its lead-in (``The authority must—``).
LEAD_IN_WINDOW = 400
_LEAD_IN_MARKS = frozenset({"\u2014", "\u2013", "-", "--", ":"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_PASSIVE_MARKS = frozenset({"auxpass", "nsubjpass", "csubjpass", "agent"})
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


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun hangs off (``has a duty``, ``is under a duty``)."""
    token = noun
    for _ in range(4):
        head = token.head
        if head == token:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if token.dep_ in _NOUN_SLOTS or head.dep_ == "prep":
            token = head
            continue
        return None
    return None


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
        return head, "conj"
    if dep == "xcomp" or (dep in ("dobj", "pcomp") and verb.tag_ == "VBG"):
        if head.pos_ in ("VERB", "AUX"):
            return head, "xcomp"
        if head.pos_ == "ADJ":  # "must be able to consult"
            governor = _governing_verb(head)
            return (governor, "xcomp") if governor is not None else None
        return None
    if dep == "ccomp" and head.lemma_.lower() in cues.embedding:
        return head, "embedding"
    return None


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


def _control_value(token: Token, link: str, cues: Cues) -> str | None:
    """A control cue's modal: the governing noun's (``duty``) or verb's (``required``) lemma."""
    if link.startswith("control:"):
        return cues.control.get(link.split(":", 1)[1])
    lemma = token.lemma_.lower()
    if lemma in cues.control and lemma != "have":
        return cues.control[lemma]
    if lemma == "have" and "have" in cues.control and token.dep_ != "aux":
        return cues.control["have"]
    return None


def modality(verb: Token, cues: Cues) -> Reading:
    """The modal governing ``verb``: its own, or one inherited along :func:`governing_chain`."""
    chain = governing_chain(verb, cues)
    for index, (token, link) in enumerate(chain):
        modal = own_modal(token, cues)
        if modal is not None:
            value = cues.modals.get(modal.lower_) or cues.modals[modal.lemma_.lower()]
            rule = (
                "aux"
                if index == 0
                else f"aux via {'+'.join(link for _, link in chain[1 : index + 1])}"
            )
            return Reading(value, rule, modal.text)
        if index + 1 < len(chain):
            nxt, nxt_link = chain[index + 1]
            if nxt_link.startswith("control"):
                cue_value = _control_value(nxt, nxt_link, cues)
                if cue_value is not None and own_modal(nxt, cues) is None:
                    cue = nxt_link.split(":", 1)[1] if ":" in nxt_link else nxt.lemma_.lower()
                    return Reading(cue_value, "control cue", cue)
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
        # "must be consulted and informed": the bare participle shares its conjunct's voice
        if token.dep_ == "conj" and token.tag_ == "VBN" and not _has_subject(token):
            if any(c.dep_ in ("aux", "auxpass") for c in token.children):
                break
            token = token.head
            continue
        break
    return Reading("active", "no passive marker")


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
