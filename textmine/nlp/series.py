"""Run-on lists of legislation: ``;``-separated items after a lead-in that ends in a dash.

Once the lettered paragraphs of a provision are joined into one text (see
:mod:`textmine.nlp.tagging`), a regulation reads ``The registered person must
ensure that staff— seek to involve ...; engage with ...; and notify ...``.
The parser attaches the first item to the lead-in and leaves the later ones
as clauses of their own, with no modal. Each item is still governed by the
lead-in: it takes the modal the lead-in's last verb has (``must`` through
``ensure that``) and, when it has no subject, the party the lead-in names for
it (``staff``, the subject of the embedded clause, else the lead-in verb's
subject).

:func:`lead_in` reads a lead-in that ends with a modal (``The registered
person must—``: the items take the modal and its subject); :func:`series_lead_in`
the others (``must ensure that—``, ``must ensure that staff—``, ``must, in
relation to each child—``). A lead-in with no modal (``requires the
registered person to ensure that staff—``, ``requires the registered person
to—``) still names the items' doer (staff; the object of *requires*) but
hands on no modal.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from textmine.nlp.lexicon import Cues
from textmine.nlp.modality import Reading, modality, own_modal

__all__ = ["LEAD_IN_WINDOW", "SeriesLeadIn", "lead_in", "series_lead_in"]

#: How far back (in tokens) a list item looks for its lead-in (``The authority must—``).
LEAD_IN_WINDOW = 400
_LEAD_IN_MARKS = frozenset({"\u2014", "\u2013", "-", "--", ":"})
_ALL_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
#: Attachments that keep a verb inside a noun phrase or a clause of its own, even where it
#: opens a list item (``— notify``, ``; where ..., notify`` may hang anywhere else).
_BOUND = frozenset({"relcl", "acl", "amod", "compound", "pcomp", "pobj", "nsubj", "nsubjpass"})

#: How far back (in tokens) an item looks for the dash of its lead-in.
SERIES_WINDOW = 300
#: Dashes that end a legislative lead-in (colon lead-ins are read by :mod:`textmine.nlp.lists`).
_DASHES = frozenset({"\u2014", "\u2013", "--"})
_ENDS = frozenset({".", "!", "?"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: How many tokens a fronted adverbial before an item's verb may have.
FRONTED_WINDOW = 40
#: Tags of a word opening a fronted adverbial (``where``, ``if``, ``before``, ``so far``).
_FRONTING_TAGS = frozenset({"IN", "WRB", "RB", "RBR", "VBG"})
#: Last words of a lead-in whose items are conditions (``only if—``, ``where—``, ``unless—``).
_CONDITIONS = frozenset({"if", "unless", "where", "when", "whenever", "provided", "until"})
#: Separators between two items: ``;``, ``; and``, ``; or``.
_JOINERS = frozenset({"and", "or"})


@dataclass(frozen=True)
class SeriesLeadIn:
    """What a run-on list item takes from its lead-in."""

    modal: Reading  # the lead-in verb's modality (rule ``series lead-in ...``)
    doer: Token | None  # the party the lead-in names for its items, or None


_OWN_LEFT = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "mark"})


def _item_start(verb: Token) -> int | None:
    """Index of the ``;`` (or lead-in dash) that opens the item holding ``verb``, or ``None``.

    The item starts at the verb or at its own subject, auxiliaries and
    adverbs (the parser may hang the rest of the sentence off an item verb,
    so the verb's left edge is no guide).
    """
    doc = verb.doc
    start = min(
        [verb.i, *(c.left_edge.i for c in verb.children if c.dep_ in _OWN_LEFT and c.i < verb.i)]
    )
    i = _before_fronted(doc, start) - 1
    while i >= 0 and (doc[i].lower_ in _JOINERS or doc[i].is_space or _label_end(doc, i)):
        i -= 3 if _label_end(doc, i) else 1
    return i if i >= 0 and (doc[i].text == ";" or doc[i].text in _DASHES) else None


def _before_fronted(doc: Doc, start: int) -> int:
    """Where an item opens when fronted adverbials and a comma come before its verb.

    ``; where a child is moved, notify ...``, ``— as soon as is practicable,
    having regard to the child's age, inform ...``: the words between the
    item's separator and the comma before ``start`` open with a subordinator,
    a preposition or an adverb, and hold no modal (the parser hangs them
    anywhere, so the words are read, not the tree). Returns ``start`` when
    there is no such adverbial.
    """
    if start < 2 or doc[start - 1].text != ",":
        return start
    i = start - 2
    while i >= 0 and start - i <= FRONTED_WINDOW:
        token = doc[i]
        if token.text in _ENDS or token.tag_ == "MD":
            return start  # a sentence end, or a clause with its own modal
        if token.text == ";" or token.text in _DASHES:
            break
        i -= 1
    else:
        return start
    first = i + 1
    while first < start and (doc[first].lower_ in _JOINERS or doc[first].is_space):
        first += 1
    if first + 2 < start and doc[first].text == "(" and _label_end(doc, first + 2):
        first += 3
    opener = doc[first] if first < start - 1 else None
    if opener is None or opener.tag_ not in _FRONTING_TAGS or opener.lower_ == "that":
        return start
    return first


def _label_end(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` closes a paragraph label ``(b)``, ``(ii)``, ``(3)``."""
    return (
        i >= 2
        and doc[i].text == ")"
        and doc[i - 2].text == "("
        and len(doc[i - 1].text) <= 4
        and doc[i - 1].text.isalnum()
    )


def _lead_dash(doc_start: int, semicolon: int, verb: Token) -> int | None:
    """The dash (or colon) that ends the lead-in, searching back from an item's ``;``."""
    doc = verb.doc
    for i in range(semicolon - 1, max(doc_start - 1, semicolon - SERIES_WINDOW), -1):
        text = doc[i].text
        if text in _ENDS:
            return None
        if text in _DASHES and i > 0 and doc[i - 1].text not in (";", ","):
            return i
    return None


def _governor(token: Token) -> Token | None:
    """The verb the last word of a lead-in belongs to (``staff`` -> ``ensure``)."""
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.tag_ != "MD":
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def series_lead_in(verb: Token, cues: Cues) -> SeriesLeadIn | None:
    """The lead-in that governs ``verb`` as an item of a run-on list, or ``None``.

    The item opens right after the lead-in's dash or after a ``;``; from a
    ``;`` the lead-in's dash must be reached going back through earlier items
    without crossing a sentence end.
    """
    if verb.dep_ in ("advcl", "relcl", "acl") or any(
        c.dep_ in ("mark", "advmod") and c.tag_ in ("IN", "WRB") and c.lower_ != "that"
        for c in verb.children
    ):
        return None  # "; (c) if the child is involved, ...": a subordinate clause keeps none
    semicolon = _item_start(verb)
    if semicolon is None:
        return None
    doc = verb.doc
    dash = semicolon if doc[semicolon].text in _DASHES else _lead_dash(0, semicolon, verb)
    if dash is None or dash == 0:
        return None
    last = doc[dash - 1]
    if last.tag_ == "TO":  # "requires the registered person to— ...": object control
        return _control_lead_in(last, dash, verb, cues)
    if last.tag_ in ("WP", "WDT") and last.lower_ != "that":
        # "ensure that each member of staff who— ...; consults ...": the items are a
        # relative clause, which takes no modal from outside (its doer is the pronoun's noun)
        return SeriesLeadIn(Reading("none", "series lead-in (relative clause)"), last)
    if last.lower_ in _CONDITIONS:
        # "may restrict contact where— ...; and the parents are informed": the items are
        # conditions, subordinate clauses that take no modal (and have their own subjects)
        return SeriesLeadIn(Reading("none", "series lead-in (conditions)"), None)
    mark = last.dep_ == "mark" and last.head.i > dash
    # "must ensure that—": the complementiser hangs off the first item; its clause's governor
    governor = _governor(last.head.head if mark else last)
    for _ in range(4):  # "ensure that staff— <item>" with staff the first item's subject
        if governor is None or governor.i < dash or governor.head == governor:
            break
        governor = _governor(governor.head)
    if governor is None or governor.i >= dash or governor.i >= verb.i:
        return None
    # no modal ("requires the registered person to ensure that staff— ..."): still the doer
    reading = modality(governor, cues)
    modal = Reading(reading.value, f"series lead-in ({reading.rule})", reading.token)
    doer: Token | None = None
    if mark:
        pass  # the items are that-clauses with subjects of their own
    elif last.pos_ in ("NOUN", "PROPN", "PRON") and last.dep_ in (*_SUBJECTS, "dobj", "appos"):
        # "must ensure that staff—": the items are what staff do; but in "the registered
        # person must, and must ensure that staff—" the first duty bearer is the subject
        doer = _first_duty_bearer(governor) or last
    elif not any(c.dep_ == "ccomp" and c.i < dash for c in governor.children):
        doer = next((c for c in governor.children if c.dep_ in _SUBJECTS), None)
    return SeriesLeadIn(modal, doer)


def _first_duty_bearer(governor: Token) -> Token | None:
    """The subject of ``X must, and must ensure that staff—``: the first of two coordinated duties.

    The lead-in coordinates a bare modal (its verb is the items) with ``must
    ensure that staff``; as with coordinated subjects, the first conjunct's
    doer is the items' actor (annotation guidelines). ``None`` for any other
    lead-in.
    """
    doc = governor.doc
    start = governor.sent.start
    for i in range(governor.i - 1, start + 2, -1):
        if (
            doc[i].tag_ == "MD"
            and doc[i - 1].lower_ in _JOINERS
            and doc[i - 2].text == ","
            and doc[i - 3].tag_ == "MD"
        ):
            return next(
                (doc[j] for j in range(i - 4, start - 1, -1) if doc[j].dep_ in _SUBJECTS), None
            )
    return None


def _control_lead_in(to: Token, dash: int, verb: Token, cues: Cues) -> SeriesLeadIn | None:
    """``The standard requires the registered person to— ...``: the items are what the
    controller's object (else its subject) is to do. No modal is handed on: the chain
    stops at ``requires X to`` and at ``steps to`` alike (annotation guidelines)."""
    governor = _governor(to.head.head) if to.head.i > dash else _governor(to.head)
    if governor is None or governor.i >= dash or governor.i >= verb.i:
        return None
    modal = Reading("none", "series lead-in (infinitive lead-in)")
    objects = [c for c in governor.children if c.dep_ == "dobj" and c.i < dash]
    subjects = [c for c in governor.children if c.dep_ in _SUBJECTS]
    doers = objects or subjects
    return SeriesLeadIn(modal, doers[0] if doers else None)


def lead_in(verb: Token, cues: Cues, *, own_modal_ok: bool = False) -> Token | None:
    """The modal of a list's lead-in (``The registered person must—``) that ``verb`` continues.

    Legislation splits one sentence into a lead-in and lettered items; once
    the provisions of a unit are joined, an item's bare verb (``notify HMCI``)
    may have no subject or modal in the parse. Only a base-form verb that is
    the root of its clause or a conjunct, has no subject of its own, and
    follows a modal followed by a dash or colon (directly, or after an
    adverbial with no verb: ``must, subject to paragraph (5)—``) qualifies; so does a
    verb the parser hung elsewhere (``dep``, ``advcl``) when it opens an item of its own.
    With ``own_modal_ok`` an item with a modal of its own (``...; and must consult``)
    qualifies too: its doer is still the lead-in's subject.
    """
    loose = verb.dep_ not in _BOUND and not any(c.dep_ == "mark" for c in verb.children)
    if not (verb.dep_ in ("ROOT", "conj") or (loose and _item_start(verb) is not None)) or not (
        verb.tag_ in ("VB", "VBP")
        or (verb.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in verb.children))
    ):
        return None  # (an item verb the tagger made a noun: "(b) engage with them")
    if any(c.dep_ in _ALL_SUBJECTS and c.tag_ != "LS" and c.is_alpha for c in verb.children) or (
        not own_modal_ok and own_modal(verb, cues) is not None
    ):
        return None  # (a bullet the parser made the subject, "• involve", is no subject)
    doc = verb.doc
    for i in range(verb.i - 1, max(-1, verb.i - LEAD_IN_WINDOW), -1):
        token = doc[i]
        if token.lower_ in cues.modals and _ends_lead_in(doc, i, verb.i):
            return token
    return None


#: How many words an adverbial between a lead-in's modal and its dash may have.
MODAL_ADVERBIAL = 15


def _ends_lead_in(doc: Doc, modal: int, limit: int) -> bool:
    """Whether the modal at ``modal`` ends a lead-in: a dash or colon follows it, directly
    or after an adverbial with no verb (``must, subject to paragraph (5)—``, ``must, in
    particular—``, ``must within 7 days—``)."""
    for j in range(modal + 1, min(limit, modal + 2 + MODAL_ADVERBIAL)):
        token = doc[j]
        if token.text in _LEAD_IN_MARKS:
            return True
        if token.text in (";", ".") or token.pos_ in ("VERB", "AUX") or token.tag_ == "MD":
            return False
    return False
