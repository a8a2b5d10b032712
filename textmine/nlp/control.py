"""Control: the governor whose doer a verb without a subject of its own shares.

A mixin of :class:`textmine.nlp.actors.Resolver`. :meth:`ControlSteps._actor_step`
takes one step up from a subjectless verb and names the link: ``conj`` (also
a conjunct the parser hung inside an aside; with :func:`modal_parallel`, one
with its own modal hung inside an embedded clause with another modal, ``Staff
should be aware that the child may not feel ready and should consider``; with
:func:`item_top`, one hung inside the list item before, ``must— ensure that
each child is helped to participate; and consult``), ``control`` (``must decide
whether to consult``, ``is expected to``, ``should be prepared to``, passive
control ``be supported to``, ``is provided with support to``),
``object-control`` (``encourage parents to participate``: the object),
``purpose`` (``..., to inform``), ``participle`` (also one the parser hung
on the noun of an adverbial phrase, on a ``whether`` clause, or made the
complement of *considers*: the verb it belongs to), ``acl-head`` (``staff
working with``), ``of-party`` (``a duty on the authority to consult``) and
``prepositional`` (``is responsible for consulting``, ``such as by
consulting``, ``including supporting``: the clause the phrase belongs to).
The actor reader follows the steps until a subject names the doer.
"""

from __future__ import annotations

from spacy.tokens import Token

from textmine.nlp.grammar.adjuncts import adverbial_participle, whether_clause
from textmine.nlp.grammar.clauses import is_expletive, parenthesised_conjunct
from textmine.nlp.grammar.deps import SUBJECTS, to_infinitive
from textmine.nlp.grammar.syntax import misplaced_conjunct, prep_objects, verb_above
from textmine.nlp.modality import passive_control
from textmine.nlp.parties import Party

__all__ = ["ControlSteps", "finite", "is_passive", "item_top", "modal_parallel"]

#: Passives whose subject receives the means to act: ``is given the chance to take part``.
_GIVING = frozenset({"give", "provide", "offer", "afford", "grant"})


def finite(verb: Token) -> bool:
    """``are not participating``: a progressive with its auxiliary is no participial adjunct."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ != "TO" for c in verb.children)


def is_passive(verb: Token) -> bool:
    """Whether ``verb`` has a passive auxiliary or subject."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _modals(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"}


def modal_parallel(verb: Token) -> Token | None:
    """The verb a subjectless conjunct with its own modal is really coordinated with.

    In ``Staff should be aware that the child may not feel ready and should
    consider ...`` the parser makes *consider* a conjunct of *feel*, inside
    the that-clause; *should* repeats the modal of the clause above, whose
    subject does it. Only when the parser's head has a subject and a
    different modal, and a verb above it has the conjunct's modal and a
    subject, is that verb returned.
    """
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    own = _modals(verb)
    head = verb.head
    if not own or own & _modals(head) or not any(c.dep_ in SUBJECTS for c in head.children):
        return None
    token = head
    for _ in range(4):
        if token.head == token:
            return None
        token = token.head
        if (
            token.pos_ in ("VERB", "AUX")
            and own & _modals(token)
            and any(c.dep_ in SUBJECTS for c in token.children)
        ):
            return token
    return None


_ITEM_MARKS = frozenset({";", ":", "\u2014", "\u2013"})
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "conj", "acl", "relcl"})


def item_top(conjunct: Token) -> Token | None:
    """The top verb of the list item before ``conjunct`` when the parser coordinated it lower.

    In ``must— ensure that each child is helped to participate; and consult
    ...`` the parser makes *consult* a conjunct of *participate*; across the
    semicolon the item is parallel to *ensure*, the previous item's own verb.
    """
    head = conjunct.head
    doc = conjunct.doc
    if conjunct.dep_ != "conj" or not any(t.text == ";" for t in doc[head.i + 1 : conjunct.i]):
        return None
    limit = next((i for i in range(head.i - 1, -1, -1) if doc[i].text in _ITEM_MARKS), -1)
    top = head
    while top.dep_ in _CLAUSAL and top.head != top and top.head.i > limit:
        top = top.head
    return top if top != head else None


class ControlSteps:
    """One step up the tree towards a verb's doer (needs ``party`` from its subclass)."""

    def party(self, token: Token) -> Party | None:
        raise NotImplementedError

    def _actor_step(self, token: Token) -> tuple[Token, str] | None:
        head, dep = token.head, token.dep_
        if head == token:
            return None
        across = parenthesised_conjunct(token)
        if across is not None:  # "must have regard to X and, so far as ..., involve Y"
            return across, "conj across aside"
        if dep == "conj":
            lower = misplaced_conjunct(token) or modal_parallel(token) or item_top(token)
            return lower or head, "conj"
        to_inf = to_infinitive(token)
        if dep == "xcomp" and head.pos_ in ("VERB", "AUX"):
            # object control: "encourage parents to participate", "require the body to consult"
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects and (objects[0].pos_ == "PRON" or self.party(objects[0]) is not None):
                return objects[0], "object-control"
            if objects:
                # "use the results to help inform the plan": a thing cannot do it, the
                # governing verb's doer does
                return head, "control"
        if (
            dep == "ccomp"
            and to_inf
            and head.pos_ in ("VERB", "AUX")
            and any(
                t.tag_ == "WRB" or t.lower_ == "whether" for t in token.subtree if t.i < token.i
            )
        ):
            # "should consider how best to engage", "must decide whether to consult": same doer
            return head, "control"
        if (
            dep == "ccomp"
            and head.pos_ in ("VERB", "AUX")
            and any(c.dep_ in SUBJECTS and is_expletive(c) for c in token.children)
        ):
            return head, "control"  # "to judge whether it is appropriate to notify"
        if dep == "advcl" and to_inf and passive_control(head):
            return head, "control"  # "children should be supported to participate"
        if dep == "advcl" and to_inf and head.lemma_.lower() in _GIVING and is_passive(head):
            return head, "control"  # "each child is provided with support to participate"
        if dep == "advcl" and to_inf and head.pos_ in ("VERB", "AUX"):
            return head, "purpose"
        if dep == "xcomp" or (dep in ("advcl", "acl", "relcl") and to_inf):
            if head.pos_ in ("NOUN", "PROPN", "ADJ"):
                if dep == "acl" and self.party(head) is not None:  # "requires the body to consult"
                    return head, "object-control"
                for obj in prep_objects(head, frozenset({"of", "on"})):
                    if self.party(obj) is not None:
                        return obj, "of-party"
                verb = verb_above(head)
                return (verb, "control") if verb is not None else None
            return head, "control"
        if dep in ("acomp", "oprd") and head.pos_ in ("VERB", "AUX"):
            return head, "control"  # "staff should be prepared to engage": the copula's subject
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN") and token.tag_ == "VBG":
            adverbial = adverbial_participle(token)
            if adverbial is not None and self.party(head) is None:
                return adverbial, "participle"  # "at least once in each period taking ..."
            return head, "acl-head"
        if dep == "advcl" and token.tag_ in ("VBG", "VBN") and not finite(token):
            if whether_clause(head) and head.head.pos_ in ("VERB", "AUX"):
                # "assess whether each child is at risk, taking into account ...": the
                # assessor takes it into account, not the subject of the whether-clause
                return head.head, "participle"
            return head, "participle"
        if (
            dep == "ccomp"
            and token.tag_ == "VBG"
            and head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in (*SUBJECTS, "aux", "mark") for c in token.children)
        ):
            return head, "participle"  # "as it considers appropriate having regard to"
        if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "NOUN":
            # "the school's arrangements for engaging with": the possessor does it
            owners = [c for c in head.head.children if c.dep_ == "poss"]
            if owners and self.party(owners[0]) is not None:
                return owners[0], "acl-head"
        if dep == "pcomp" and head.dep_ == "prep":
            verb = head.head
            for _ in range(3):  # "is responsible for consulting", "such as by consulting"
                if verb.pos_ not in ("ADP", "ADJ", "ADV") or verb.head == verb:
                    break
                verb = verb.head
            if verb.pos_ in ("NOUN", "PROPN") and self.party(verb) is None:
                # "authorities have duties, including supporting parents": whoever has them
                verb = verb_above(verb) or verb
            return (verb, "prepositional") if verb.pos_ in ("VERB", "AUX") else None
        if (
            dep == "pcomp"
            and head.dep_ == "ROOT"
            and head.pos_ == "ADP"
            and any(c.dep_ in SUBJECTS for c in head.children)
        ):
            # "Staff should before informing the police speak to ...": the parse made the
            # preposition the head of the clause, with the subject on it
            return head, "prepositional"
        return None
