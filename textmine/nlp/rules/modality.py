"""Modality of a matched term, read from the dependency parse.

The modal is found by dependency and lemma, not by the ``MD`` tag alone
(``need not inform`` is often tagged as a verb). When the term's verb has no
modal of its own, it takes the nearest modal cue along a short *governing
chain* (:func:`step_up`):

* ``conj``: a coordinated verb without its own subject or modal shares its
  first conjunct's (``must consult the parent and inform the school``; ``must
  not consult or inform``), also across an aside after ``and ,`` (``and,
  where appropriate, involve``);
* ``xcomp``: a to-infinitive or gerund complement takes its governing verb's
  modal, object control included (``may seek to involve``, ``cannot force
  them to engage``, also ``should help the child to participate`` parsed as
  a clause), as does a verb whose modal the parser made the root (``should,
  where possible, be involved``);
* ``embedding``: a clause under an *embedding cue* (``must ensure that
  parents are consulted``) takes that verb's modal and negation, but not its
  actor (see :mod:`textmine.nlp.rules.actor`), as does a second ``that`` clause
  parsed as the cue's conjunct;
* ``participle``: a participial adjunct of the main clause (``must decide,
  having regard to ...``) takes the main verb's; one opened by a
  subordinator (``when considering``) or a ``;``-separated series item does
  not;
* ``wh-infinitive``: ``should consider how best to engage``, ``must decide
  whether to consult`` take the governing verb's modal (the labelled
  convention; a finite ``whether``/``how`` clause does not).

A modal word standing in the chain governs what follows it (``ought to
consult`` is ``should``), as does a modal cut off from its verb by a
parenthetical the parser misattached (:func:`modal_before_aside`: ``may,
where it considers it appropriate, consult``). A comma list the parser broke
up (``listened to, respected and involved``) is joined back
(:func:`textmine.nlp.grammar.passives.list_continuation`).

Design decisions, read from the tagging contract's wording ("the modal
governing the term"): only modal words are modals. ``is required to``, ``has
a duty to`` and ``is expected to`` give ``none``; the verb *need* counts as
``need`` (the contract lists it), except where it takes a relative clause's
head as its object (``the support they need to participate``; not when the
gap is a term verb's party object: ``the relatives it needs to engage``). An infinitive
that modifies a noun (``reasonable steps to consult``) or states a purpose
(after the object of a ``purpose`` verb of ``cues.jsonl``: ``use the results
to inform``), and a verb inside a conditional, temporal or relative clause,
carry no modal in from outside.

Negation (:mod:`textmine.nlp.rules.negation`) is read along the same chain, and
voice by :mod:`textmine.nlp.rules.voice`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from textmine.nlp.grammar.adjuncts import (
    adverbial_participle,
    clausal_subject_participle,
    clause_read_relative,
    deliberative_participle,
    judging_verb,
    participle_after_argument,
    participle_beside_phrase,
    perfect_participle,
    raised_infinitive,
)
from textmine.nlp.grammar.asides import modal_before_aside
from textmine.nlp.grammar.clauses import (
    bracketed_apart,
    contact_relative,
    opened_participle,
    parenthesised_conjunct,
    series_previous,
)
from textmine.nlp.grammar.deps import ALL_SUBJECTS, to_infinitive
from textmine.nlp.grammar.passives import OBJECT_CONTROL, kept, list_continuation, passive_control
from textmine.nlp.grammar.syntax import (
    comma_participle,
    gerund_subject,
    misplaced_conjunct,
    verb_above,
)
from textmine.nlp.lexicon import Cues
from textmine.nlp.rules.registry import Reading, Rule, rule

__all__ = [
    "LINK_CONJ",
    "MAX_CHAIN",
    "Reading",
    "governing_chain",
    "kept",
    "modal_before_aside",
    "modality",
    "passive_control",
]

#: Longest governing chain followed (keeps a 5,000-token sentence linear).
MAX_CHAIN = 12

AUX = rule(
    "modality.aux",
    "modality",
    "The modal auxiliary of the term's verb, or of the nearest verb up its governing chain.",
    example="The local authority must consult the child's parent.",
    expect={"text": "consult", "modality": "must"},
)
LEXICAL = rule(
    "modality.lexical",
    "modality",
    "A lexical modal verb in the chain ('will need to work with': need).",
    example="Schools will need to work with the local authority.",
    expect={"text": "work with", "modality": "need"},
)
MODAL_WORD = rule(
    "modality.modal_verb",
    "modality",
    "A modal word governing an infinitive ('ought to consult': should).",
    example="The school ought to consult the parents.",
    expect={"text": "consult", "modality": "should"},
)
BEFORE_ASIDE = rule(
    "modality.before_aside",
    "modality",
    "A modal cut off from its verb by an aside ('should, where possible, involve').",
    example="The authority may, where it considers it appropriate, consult the parent.",
    expect={"text": "consult", "modality": "may"},
)
NO_MODAL = rule(
    "modality.none",
    "modality",
    "No modal governs the term (purpose infinitives, subordinate clauses).",
    example="Where the authority consults the parent, it must record the views.",
    expect={"text": "consults", "modality": "none"},
)
LEAD_IN = rule(
    "modality.lead_in",
    "modality",
    "A list item's verb that the parse cut off from the modal its lead-in ends with takes "
    "that modal ('must— ... (b) having done that, consult').",
    example="Before requiring NHS England to make an order under subsection (1) the Care "
    "Quality Commission must— (a) consult the Secretary of State and NHS England, and (b) "
    "having done that, consult— (i) the trust, and (ii) any integrated care board.",
    expect={"text": "consult", "modality": "must", "nth": 1},
)
NOMINAL = rule(
    "modality.nominal",
    "modality",
    "A term used as a noun with no verb above it carries no modal.",
    example="Co-production is at the heart of the Code.",
    expect={"text": "Co-production", "modality": "none"},
)
LINK_CONJ = rule(
    "link.conj",
    "link",
    "A coordinated verb without its own subject or modal shares its conjunct's modal.",
    example="The authority must consult the parent and inform the school.",
    expect={"text": "inform", "modality": "must"},
)
LINK_SERIES = rule(
    "link.series",
    "link",
    "A verb phrase after a semicolon, in a series that runs on from a verb with a subject and a "
    "modal, takes that modal.",
    example="The council must keep a register of providers; consult the persons prescribed; and "
    "publish the register.",
    expect={"text": "consult", "modality": "must"},
)
LINK_XCOMP = rule(
    "link.xcomp",
    "link",
    "A to-infinitive or gerund complement takes its governing verb's modal ('may seek to "
    "involve').",
    example="The school may seek to involve the parents.",
    expect={"text": "involve", "modality": "may"},
)
LINK_EMBEDDING = rule(
    "link.embedding",
    "link",
    "A clause under 'ensure that' takes that verb's modal and negation, not its actor.",
    example="The school must ensure that parents are consulted.",
    expect={"text": "consulted", "modality": "must", "actor": "unspecified"},
)
LINK_PARTICIPLE = rule(
    "link.participle",
    "link",
    "A participial adjunct takes the modal of the verb it belongs to: the main verb, the verb "
    "whose clausal subject or prepositional adjunct the parse made it ('knows, or having "
    "regard to X ought to know'), or the verb that takes a clause of judgement it stands in.",
    example="The authority must assess the child, taking into account the views of the parent.",
    expect={"text": "taking into account", "modality": "must"},
)
LINK_WH = rule(
    "link.wh_infinitive",
    "link",
    "'should consider how best to engage': a wh-infinitive takes the governing verb's modal.",
    example="The school should consider how best to engage the parents.",
    expect={"text": "engage", "modality": "should"},
)
#: Verbs that take the party as a direct object: left without one in a relative
#: clause, the gap is that object (``the relatives it needs to engage``).
_TAKES_A_PARTY = frozenset({"involve", "consult", "inform", "notify", "advise", "engage"})
_NOUN_SLOTS = frozenset({"pobj", "dobj", "attr", "acomp", "nsubj", "nsubjpass", "appos", "oprd"})


def own_modal(verb: Token, cues: Cues) -> Token | None:
    """The modal auxiliary attached to ``verb`` itself (``must``, ``need`` ...); of two
    alternatives (``must or may take into account``), the first."""
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and (
            child.lower_ in cues.modals or child.lemma_.lower() in cues.modals
        ):
            doc = child.doc
            if child.i >= 2 and doc[child.i - 1].lower_ in ("or", "and"):
                first = doc[child.i - 2]
                if first.tag_ == "MD" and first.lower_ in cues.modals:
                    return first
            return child
    return None


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in ALL_SUBJECTS for child in verb.children)


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun hangs off (``has a duty``, ``is under a duty``)."""
    return verb_above(noun, climb=_noun_slot)


def _noun_slot(token: Token, head: Token) -> bool:
    return token.dep_ in _NOUN_SLOTS or head.dep_ == "prep"


#: Adjectives that judge someone's fitness for an activity: their modal is about the
#: judgement (``may be unsuitable to work with children``), not the activity.
_FITNESS = frozenset(
    {"suitable", "unsuitable", "fit", "unfit", "eligible", "ineligible", "qualified"}
)


def step_up(verb: Token, cues: Cues) -> tuple[Token, Rule] | None:
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
    previous = series_previous(verb)
    if previous is not None:
        return previous, LINK_SERIES  # "must keep a register; consult X; and publish it"
    if head == verb or contact_relative(verb) is not None:
        return None  # a relative clause ("whatever changes the authority considers necessary")
    dep = verb.dep_
    beside = participle_beside_phrase(verb)
    if beside is not None:
        return beside, LINK_PARTICIPLE  # "in compliance with X and having regard to Y"
    if participle_after_argument(verb) is not None:
        return None  # "a copy to each person consulted": a reduced relative carries no modal
    continued = list_continuation(verb)
    if continued is not None:
        return continued, LINK_CONJ  # "the importance of listening to, involving and ..."
    across = parenthesised_conjunct(verb)
    if across is not None:
        return across, LINK_CONJ  # "must consult X and, where appropriate, involve Y"
    if dep == "conj" and bracketed_apart(head, verb):
        return None  # "(but in determining whether it would, take into account ...)"
    if (
        dep == "conj"
        and (not _has_subject(verb) or clause_read_relative(verb))
        and own_modal(verb, cues) is None
    ):
        # also "will need to feel valued and their family involved": a verbless small clause
        return misplaced_conjunct(verb) or head, LINK_CONJ
    if dep == "conj" and head.dep_ == "ccomp" and any(c.dep_ == "mark" for c in verb.children):
        return head, LINK_CONJ  # "must ensure that ... and that their views are taken into account"
    if (
        dep == "conj"
        and head.lemma_.lower() in cues.embedding
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    ):
        return head, LINK_EMBEDDING  # "should ensure that X, and that parents are informed"
    if (
        dep == "ccomp"
        and verb.tag_ == "VB"
        and head.lemma_.lower() in ("help", "let", "make")
        and not to_infinitive(verb)
    ):
        return head, LINK_XCOMP  # bare infinitive: "can help you participate"
    if (
        dep == "ccomp"
        and head.lemma_.lower() in OBJECT_CONTROL
        and to_infinitive(verb)
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
    ):
        return head, LINK_XCOMP  # "should help the child/nsubj to participate": object control
    if dep == "ccomp" and head.tag_ == "MD" and head.lower_ in cues.modals and verb.i > head.i:
        # "should, where possible, be involved": the modal made the root (a clause before the
        # modal is none of its verb's: "Where they consider that ..., they may")
        return head, LINK_XCOMP
    keep = kept(verb) if verb.tag_ in ("VBN", "VBD") else None
    if keep is not None:
        return keep, LINK_XCOMP  # "must keep the parent informed"
    if (
        dep in ("advcl", "ccomp", "xcomp")
        and head.lemma_.lower() == "be"
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
        and to_infinitive(verb)
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)
    ):
        return head, LINK_XCOMP  # "it may be useful for advisers to seek": extraposed subject
    aside = comma_participle(verb)
    if aside is not None:
        return aside[1], LINK_PARTICIPLE  # "the teacher, working with the VSH, should consider"
    if gerund_subject(verb) is not None:
        return None  # "the importance of the child participating": inside a noun phrase
    if (
        dep == "acl"
        and head.dep_ == "dobj"
        and head.head.lemma_.lower() in OBJECT_CONTROL
        and to_infinitive(verb)
    ):
        return head.head, LINK_XCOMP  # "may request the authority to consult": object control
    if (
        dep == "advcl"
        and to_infinitive(verb)
        and head.lemma_.lower() in OBJECT_CONTROL
        and any(c.dep_ == "dobj" and c.i < verb.i for c in head.children)
    ):
        return head, LINK_XCOMP  # "will support the care leaver to participate": object control
    if dep == "advcl" and passive_control(head) and to_infinitive(verb):
        return head, LINK_XCOMP  # "should be supported to participate": passive object control
    if _wh_infinitive(verb) and head.pos_ in ("VERB", "AUX"):
        return head, LINK_WH  # "should consider how best to engage", "whether to consult"
    raised = raised_infinitive(verb)
    if raised is not None:
        return raised, LINK_XCOMP  # "may find it helpful to consult"
    adverbial = adverbial_participle(verb) or deliberative_participle(verb)
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in cues.party_nouns:
        adverbial = None  # "the person seeking information": a reduced relative on a party
    if adverbial is not None and not _has_subject(verb):
        return adverbial, LINK_PARTICIPLE  # "must review ... in each period taking into account"
    if dep == "xcomp" and (_purpose(verb, cues) or _noun_complement(verb, cues)):
        return None  # "use the results to inform", "take reasonable steps to notify"
    if dep == "xcomp" or (dep in ("dobj", "pcomp") and verb.tag_ == "VBG"):
        if head.pos_ in ("VERB", "AUX"):
            return head, LINK_XCOMP
        if head.pos_ == "ADJ":  # "must be able to consult"
            governor = _governing_verb(head)
            return (governor, LINK_XCOMP) if governor is not None else None
        return None
    if dep == "ccomp" and head.lemma_.lower() in cues.embedding and not to_infinitive(verb):
        return head, LINK_EMBEDDING
    if dep == "ccomp" and head.lower_ == "sure" and head.head.lemma_.lower() in cues.embedding:
        return head.head, LINK_EMBEDDING  # "must make sure that parents are consulted"
    if (
        dep == "advcl"
        and (verb.tag_ == "VBG" or perfect_participle(verb))
        and head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("mark", "advmod") and c.tag_ in ("IN", "WRB") for c in verb.children)
        and not any(c.dep_ == "aux" and c.tag_ not in ("TO", "VBG") for c in verb.children)
        and not _after_semicolon(verb)
    ):
        # "must assess each case, taking into account ...", "..., having consulted ..."
        judge = judging_verb(head)
        if judge is not None:
            return judge, LINK_PARTICIPLE  # "must assess whether X is at risk, taking ..."
        return head, LINK_PARTICIPLE
    clausal = clausal_subject_participle(verb)
    if clausal is not None:
        return clausal, LINK_PARTICIPLE  # "knows, or having regard to X ought to know"
    if (
        dep == "advcl"
        and verb.tag_ == "VBN"
        and head.tag_ == "VBN"
        and not _has_subject(verb)
        and not any(c.dep_ in ("aux", "mark", "advmod") for c in verb.children)
    ):
        return head, LINK_CONJ  # "should be listened to, respected and involved": a participle list
    if (
        dep == "ccomp"
        and verb.tag_ == "VBG"
        and head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i < verb.i for c in verb.children)
        and not any(c.dep_ in ("aux", "mark") for c in verb.children)
    ):
        return head, LINK_PARTICIPLE  # "must assess each case individually taking into account"
    return None


_WH = frozenset({"whether", "how", "when", "where", "what", "which", "who", "whom"})


def _wh_infinitive(verb: Token) -> bool:
    """``(consider) how best to engage``, ``(decide) whether to consult``: a wh-infinitive.

    Its doer is the governing verb's, and (the annotation guidelines'
    convention, unlike a finite ``whether``/``how`` clause) so is its modal.
    """
    if verb.dep_ not in ("ccomp", "xcomp", "advcl") or not to_infinitive(verb):
        return False
    if _has_subject(verb):
        return False
    start = verb.left_edge.i
    words = [t.lower_ for t in verb.doc[start : verb.i] if not t.is_punct]
    return bool(words) and words[0] in _WH


IMPOSED = rule(
    "modality.imposed",
    "modality",
    "An infinitive a duty-imposing verb puts on its object ('may require the body to consult', "
    "'is required to consult') takes no modal from it.",
    example="The Secretary of State may by regulations require the governing body to have "
    "regard to the guidance.",
    expect={"text": "have regard to", "modality": "none", "actor": "education"},
)
#: Verbs that impose a duty on their object (``require X to``): like ``is required to``,
#: the infinitive takes no modal from them.
_IMPOSING = frozenset({"require", "direct", "oblige"})


def _imposed(verb: Token) -> bool:
    """A to-infinitive of a duty-imposing verb (``may by regulations require the governing
    body to have regard to``), also through the verb's object (``requiring X— (a) to``)."""
    if not to_infinitive(verb):
        return False
    head = verb.head
    if head.dep_ == "dobj" and verb.dep_ in ("acl", "relcl"):
        head = head.head
    return head.lemma_.lower() in _IMPOSING and verb.dep_ in ("xcomp", "ccomp", "acl", "advcl")


def _purpose(verb: Token, cues: Cues) -> bool:
    """A to-infinitive after the object of a purpose verb (``use the results to inform``)."""
    head = verb.head
    return (
        to_infinitive(verb)
        and head.lemma_.lower() in cues.purpose
        and any(c.dep_ == "dobj" and c.i < verb.i for c in head.children)
    )


def _noun_complement(verb: Token, cues: Cues) -> bool:
    """``must take reasonable steps to notify`` parsed with the infinitive on *take*.

    The infinitive completes the light noun (``steps``, ``arrangements``,
    ``every effort``), so the chain stops there as at any noun.
    """
    head = verb.head
    return (
        to_infinitive(verb)
        and head.lemma_.lower() not in OBJECT_CONTROL
        and any(
            c.dep_ == "dobj" and c.i < verb.i and c.lemma_.lower() in cues.light
            for c in head.children
        )
    )


def _after_semicolon(verb: Token) -> bool:
    """A participle opening a ``;``-separated series item, not an adjunct of the verb before."""
    left = verb.left_edge.i
    return left > 0 and verb.doc[left - 1].text == ";"


def governing_chain(verb: Token, cues: Cues) -> list[tuple[Token, Rule | None]]:
    """``verb`` then each governor it inherits a modal from (with the link's rule), until one
    has its own."""
    chain: list[tuple[Token, Rule | None]] = [(verb, None)]
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
    found = _modality(verb, cues)
    if (
        found.rule is NO_MODAL
        and verb.dep_ == "aux"
        and verb.head.pos_ == "NOUN"
        and verb.head.i > verb.i
    ):  # "must when exercising its functions have/aux regard/ROOT to": the noun's clause
        return _modality(verb.head, cues)
    return found


def _modality(verb: Token, cues: Cues) -> Reading:
    chain = governing_chain(verb, cues)
    for index, (token, _) in enumerate(chain):
        below = chain[index - 1][0] if index else None
        if below is not None and below.head.pos_ == "ADJ" and below.head.lemma_.lower() in _FITNESS:
            # "may not be suitable to work with children": the modal judges fitness, it does
            # not govern the activity (a negation there still does: see negation)
            return Reading("none", NO_MODAL)
        if index and _imposed(chain[index - 1][0]) and own_modal(chain[index - 1][0], cues) is None:
            # "may require the governing body to have regard to": the duty is the body's
            return Reading("none", IMPOSED, token=token.text)
        via = tuple(link for _, link in chain[1 : index + 1] if link is not None)
        lemma = token.lemma_.lower()
        if index and lemma in cues.control and token.dep_ not in ("aux", "auxpass"):
            if token.i and token.doc[token.i - 1].tag_ == "POS":
                break  # "the child's needs to be considered": a noun the tagger made a verb
            if _relative_purpose(token, chain[index - 1][0]):
                break  # "the support they need to participate": need has the noun as object
            return Reading(cues.control[lemma], LEXICAL, via, token=token.text)
        if index and token.tag_ == "MD" and token.lower_ in cues.modals:
            # "ought to consult": the modal itself governs the infinitive
            return Reading(cues.modals[token.lower_], MODAL_WORD, via, token=token.text)
        modal = own_modal(token, cues)
        if modal is not None:
            value = cues.modals.get(modal.lower_) or cues.modals[modal.lemma_.lower()]
            return Reading(value, AUX, via, token=modal.text)
        modal = modal_before_aside(token, cues)
        if modal is not None:
            return Reading(cues.modals[modal.lower_], BEFORE_ASIDE, via, token=modal.text)
    return Reading("none", NO_MODAL)


def _relative_purpose(need: Token, infinitive: Token) -> bool:
    """``the support they need to participate``: *need* takes the relative head as object.

    Then the infinitive states what the thing is for, and *need* is no modal
    of it; a gap left inside the infinitive (``the people they need to work
    with``) keeps *need* modal.
    """
    if need.dep_ != "relcl" or any(
        c.dep_ == "dobj" or c.tag_ in ("WDT", "WP", "WRB") for c in need.children
    ):
        return False  # "cases where a home needs to engage": no gap in need's object
    if (
        infinitive.lemma_.lower() in _TAKES_A_PARTY
        and infinitive.dep_ == "xcomp"
        and not any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp") for c in infinitive.children)
    ):
        return False  # "the relatives it needs to engage": the object is the relative's gap
    return not any(
        c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        for c in infinitive.children
    )


def opens_item(verb: Token, item_start: int) -> bool:
    """``verb`` is the main verb of a composed clause's item (or coordinated with it), with
    no subject of its own in the item: the verb the lead-in's modal governs (``must— (b) in
    light of that review, consider``), not one of a clause inside the item."""
    top = verb
    while top.dep_ == "conj" and top.head.idx >= item_start:
        top = top.head
    if top.idx < item_start or (top.dep_ != "ROOT" and top.head.idx >= item_start):
        return False
    return not any(
        c.dep_ in ALL_SUBJECTS and c.idx >= item_start and not opened_participle(c)
        for c in top.children
    )


def lead_in_modality(verb: Token, lead: Doc, item_start: int, cues: Cues) -> Reading | None:
    """The modal that ends the lead-in of the composed clause ``lead`` (its item starts at
    ``item_start``), for ``verb``, a term's bare verb the parse left without it (``None``
    for an infinitive, a participle or a gerund, which no lead-in modal governs)."""
    # the bare form, which the tagger may read as a present (``must, to be satisfied ...—
    # (a) have/VBP regard to``)
    if verb.tag_ not in ("VB", "VBP") or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return None
    modals = [t for t in lead if t.tag_ == "MD" and t.idx < item_start]
    if not modals or modals[-1].lower_ not in cues.modals:
        return None
    return Reading(cues.modals[modals[-1].lower_], LEAD_IN, token=modals[-1].text)
