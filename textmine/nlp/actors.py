"""Who performs a matched action, and to whom: actor and recipient resolution.

A :class:`PartyMatcher` compiles the alias patterns of ``actors.jsonl`` once
per pipeline. A :class:`Resolver` works on one parsed ``Doc`` (one unit of a
document) and caches what it has read:

* noun phrases are read as parties by :class:`~textmine.nlp.parties.PartyReader`.
* :meth:`Resolver.actor` follows the subject: the verb's own subject, else
  the subject of the verb it is coordinated with, controlled by (``must take
  steps to consult``, ``is required to inform``), or a participle of
  (``having regard to``). A passive's actor is its ``by`` agent, or
  ``unspecified``; a participial adjunct of a passive takes its ``by`` agent
  (``reviewed by the authority, taking into account``). Complements share
  the governing doer (``decide whether to consult``, ``judge whether it is
  appropriate to notify``, passive control ``be supported to participate``);
  a subject the parser left in a reduced relative (``children placed in a
  home are not participating``) is recovered. A clause under ``ensure that`` keeps its own actor: in
  ``must ensure that parents are consulted`` nobody is named as consulting,
  so the actor is ``unspecified`` (design decision; the modal is inherited,
  see :mod:`textmine.nlp.modality`). Object control gives the object
  (``encourage parents to participate``: parents); a purpose infinitive takes
  its main clause's doer. A subject that names no party (``This evaluation
  should inform ...``) gives ``unspecified``; an unknown proper name gives
  ``other``. A non-party object does not control an infinitive (``use the
  results to help inform``: the user informs); a gerund under ``including``
  after a noun is done by whoever has the noun (``authorities have duties,
  including consulting``). Where the parse loses the subject,
  :mod:`textmine.nlp.grammar.clauses` recovers it: a subject hung on the clause
  before, the main clause's subject after a fronted ``When considering ...,``,
  and the previous sentence's subject for ``This involves / means V-ing``
  (also for a list under ``This can be achieved by:``); a subject hung on the
  modal across an aside (``The agency should, wherever possible, seek``); a
  party noun swallowed by an opening phrase without a comma (``For children
  in care the home should seek``); the noun of a participle phrase read as a
  clausal subject (``Staff working with children are expected to``); ``for
  X to V``; whose role or responsibility it is (``The role of X is to``,
  ``It is the responsibility of X to``, ``the responsibility for V-ing
  remains with X``); the owner of an instrument subject (``their
  arrangements should take into account``). The steps up the tree are in
  :mod:`textmine.nlp.control`; the doer found is read as a party by
  :mod:`textmine.nlp.subjects`.
* :meth:`Resolver.recipients` reads the term's *roles* (``terms.jsonl``):
  direct objects, passive subjects, ``with``/``to``/``from`` phrases, and the
  owners of views-nouns (``the views of X``, ``X's wishes``, ``representations
  made by X``), each with its coordinated conjuncts; see
  :mod:`textmine.nlp.recipients` for lists.
* An object pronoun is never resolved to whoever does its verb
  (:meth:`Resolver.doer_tokens`).
"""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from textmine.nlp.context.compose import Composition
from textmine.nlp.control import ControlSteps, is_passive
from textmine.nlp.grammar.asides import subject_before_aside
from textmine.nlp.grammar.clauses import (
    for_subject,
    fronted_subject,
    is_expletive,
    modal_subject,
    participle_subject,
    previous_subject,
    reduced_relative,
    role_holder,
    stranded_subject,
    swallowed_subject,
    verbal_subject,
)
from textmine.nlp.grammar.deps import ACTIVE_SUBJECTS, SUBJECTS, to_infinitive
from textmine.nlp.grammar.syntax import (
    comma_participle,
    coordination_head,
    gerund_subject,
    relative_head,
)
from textmine.nlp.lexicon import Cues, Lexicon
from textmine.nlp.modality import MAX_CHAIN, Reading, kept
from textmine.nlp.parties import Party, PartyReader
from textmine.nlp.recipients import RecipientReader
from textmine.nlp.subjects import SubjectReader
from textmine.nlp.voice import voice

__all__ = ["Party", "PartyMatcher", "Resolver"]


def via(links: list[str]) -> str:
    """The steps up the tree a rule took, for its explanation: `` via conj via control``."""
    return "".join(f" via {link}" for link in links)


def _words(token_pattern: dict[str, object]) -> list[str]:
    """The lower-case words a token pattern (``{"LOWER": ...}``) accepts."""
    value = token_pattern.get("LOWER")
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and isinstance(value.get("IN"), list):
        return [str(word) for word in value["IN"]]
    return []


class PartyMatcher:
    """The compiled alias patterns of ``actors.jsonl``."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon) -> None:
        self.matcher = Matcher(vocab, validate=True)
        self.info: dict[int, tuple[str, str]] = {}
        for alias in lexicon.actors:
            self.matcher.add(alias.key, [alias.pattern])
            self.info[vocab.strings[alias.key]] = (alias.group, alias.refer)
        self.cues = lexicon.cues
        #: first words of the multi-word aliases ("governing", "secure"): see verbal_subject
        self.modifiers = frozenset(
            word
            for alias in lexicon.actors
            if len(alias.pattern) > 1
            for word in _words(alias.pattern[0])
        )

    def resolver(self, doc: Doc, outer: tuple[Resolver, Composition] | None = None) -> Resolver:
        """A resolver for ``doc``; ``outer`` for a composed clause (the unit's resolver and the
        composition), where pronouns and earlier sentences are read in the unit."""
        return Resolver(doc, self, outer)


class Resolver(PartyReader, RecipientReader, ControlSteps, SubjectReader):
    """Actor and recipient reading on one parsed ``Doc``, with per-doc caches."""

    def __init__(
        self, doc: Doc, matcher: PartyMatcher, outer: tuple[Resolver, Composition] | None = None
    ) -> None:
        self.doc = doc
        self.matcher = matcher
        self.outer = outer
        self.cues: Cues = matcher.cues
        self._parties: dict[int, Party | None] = {}
        self._aliases: dict[int, tuple[str, str] | None] = {}
        self._doers: dict[int, set[int]] = {}
        self._read_from: Token | None = None

    # ------------------------------------------------------------ actor

    def is_party(self, token: Token) -> bool:
        """Whether ``token`` names a party (for the clause helpers that take a predicate)."""
        return self.party(token) is not None

    def doer_tokens(self, verb: Token) -> set[int]:
        """Indices of the subject the actor of ``verb`` is read from (and of what it stands for).

        Empty while that reading is under way (a pronoun met inside it excludes nothing).
        """
        if verb.i in self._doers:
            return self._doers[verb.i]
        self._doers[verb.i] = set()
        self._read_from = None
        self.actor(verb, is_passive(verb))
        found: set[int] = set()
        token = self._read_from
        if token is not None:
            found.add(token.i)
            stands_for = None
            if token.tag_ in ("WDT", "WP"):
                stands_for = relative_head(token)
            elif token.pos_ == "PRON":
                stands_for = self.antecedent(token)
            if stands_for is not None:
                found.add(stands_for.i)
        self._doers[verb.i] = found
        return found

    def keeper(self, participle: Token) -> Token | None:
        """The active *keep* of ``keep X informed``: its doer does the informing."""
        keep = kept(coordination_head(participle))
        if keep is not None and voice(keep, self.cues).value == "active":
            return keep
        return None

    def actor(
        self, verb: Token, passive: bool, *, nominal: bool = False, depth: int = 0
    ) -> tuple[str, str | None, Reading]:
        """``(group, actor_text, reading)`` of the party performing ``verb``.

        A purpose infinitive (``..., to inform``) takes the doer of its main
        clause: the agent of a passive one, a party subject of an active one,
        else nobody (``arrangements should be in place to engage``).
        """
        if nominal:
            return "unspecified", None, Reading("unspecified", "nominalisation")
        if passive:
            keep = self.keeper(verb)
            if keep is not None:  # "must keep the parent informed": the keeper informs
                return self.actor(keep, False, depth=depth + 1)
            return self._agent(verb)
        token, links = verb, list[str]()
        aside = comma_participle(verb)
        if aside is not None:  # "the designated teacher, working with the VSH, should ..."
            return self._subject(aside[0], "subject of comma participle")
        if not any(c.dep_ in SUBJECTS and c.pos_ not in ("VERB", "AUX") for c in verb.children):
            for child in self.doc[verb.sent.start : verb.i]:
                found = comma_participle(child) if child.tag_ == "VBG" else None
                if found is not None and found[1] == verb:
                    return self._subject(found[0], "subject before comma participle")
        doer = gerund_subject(verb, clause_level=True)
        if doer is not None and (doer.pos_ == "PRON" or self.party(doer) is not None):
            # "the importance of the child participating"; not "at risk of harm, taking ..."
            return self._subject(doer, "subject of gerund")
        doer = for_subject(verb)
        if doer is not None:  # "arrangements for staff to consult"
            return self._subject(doer, "for-subject of infinitive")
        for _ in range(MAX_CHAIN):
            noun = participle_subject(token)
            if noun is not None:  # "Staff working with children are expected to consult"
                rule = "subject of participle phrase" + via(links)
                return self._subject(noun, rule)
            if links and links[-1] == "participle" and is_passive(token):
                # "the plan must be reviewed by the authority, having consulted ...":
                # the main clause's doer is its agent, not its passive subject
                return self._agent(token)
            misread = verbal_subject(token, self.is_party, self.matcher.modifiers)
            if misread is not None:  # "Governing bodies ... have a duty to consult"
                return self._subject(misread, "subject read as a verb" + via(links))
            subjects = [
                c
                for c in token.children
                if c.dep_ in (ACTIVE_SUBJECTS if token == verb else SUBJECTS)
                and not is_expletive(c)
                and not (c.dep_ == "csubj" and c.tag_ in ("VBN", "VBD"))
            ] or reduced_relative(token)
            if not subjects:  # "The agency should, wherever possible, seek": hung on the modal
                on_modal = modal_subject(token)
                subjects = [on_modal] if on_modal is not None else []
            if subjects and self._object_participle(token, subjects[0]):
                # "must assess each case taking into account ..." parsed with "each case"
                # as the participle's subject: a participial adjunct of the main verb
                token = token.head
                links.append("participle")
                continue
            if subjects and self._noun_infinitive(token, subjects[0]):
                # "must make arrangements to work together" parsed with "arrangements"
                # as the infinitive's subject: the doer is the governing verb's
                token = token.head
                links.append("noun infinitive")
                continue
            if subjects:
                # "persons whom it considers suitable": the parser may make both subjects
                plain = [c for c in subjects if c.tag_ not in ("WDT", "WP")]
                subject = (plain or subjects)[0]
                earlier = self._previous_subject(subject) if token != verb else None
                if earlier is not None:  # "Teachers have a role. This involves working with"
                    rule = "subject of the sentence before" + via(links)
                    return self._subject(earlier, rule)
                return self._subject(subject, "nsubj" + via(links))
            stranded = stranded_subject(token)
            if stranded is not None:  # "... and schools must review each case, taking ..."
                rule = "stranded subject" + via(links)
                return self._subject(stranded, rule)
            opened = subject_before_aside(token, self.is_party)
            if opened is not None:  # "Well placed to ..., staff in schools, as ..., need to"
                return self._subject(opened, "subject before an aside" + via(links))
            swallowed = swallowed_subject(token, self.is_party)
            if swallowed is not None:  # "For children in care the home should seek"
                rule = "subject before the modal" + via(links)
                return self._subject(swallowed, rule)
            holder = next(
                (
                    h
                    for c in token.children
                    if c.dep_ == "attr" and (h := role_holder(c, self.is_party)) is not None
                ),
                None,
            )
            if holder is not None:  # "It is the responsibility of X to consult"
                rule = "role holder" + via(links)
                return self._subject(holder, rule)
            nxt = self._actor_step(token)
            if nxt is None:
                break
            if isinstance(nxt[0], Token) and nxt[1] == "of-party":
                return self._subject(nxt[0], "of-phrase of " + token.head.text)
            if nxt[1] in ("acl-head", "object-control"):
                return self._subject(nxt[0], nxt[1])
            if nxt[1] == "purpose":
                head = nxt[0]
                if depth > 3:
                    break
                if any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
                    return self._agent(head)
                return self.actor(head, False, depth=depth + 1)
            token = nxt[0]
            links.append(nxt[1])
        opened = fronted_subject(verb)
        if opened is not None:  # "When considering whether ..., the home and the LA should"
            return self._subject(opened, "subject after fronted participle")
        return "unspecified", None, Reading("unspecified", "no subject")

    def _noun_infinitive(self, verb: Token, subject: Token) -> bool:
        """Whether ``subject to verb`` is a noun with its infinitive, misparsed as a clause."""
        return (
            verb.dep_ in ("ccomp", "xcomp", "advcl")
            and verb.head.pos_ in ("VERB", "AUX")
            and subject.pos_ == "NOUN"
            and subject.i < verb.i
            and to_infinitive(verb)
            and self.party(subject) is None
        )

    def _object_participle(self, verb: Token, subject: Token) -> bool:
        """Whether ``V NOUN V-ing`` is an object plus a participial adjunct, parsed as a clause."""
        return (
            verb.dep_ == "ccomp"
            and verb.tag_ == "VBG"
            and verb.head.pos_ in ("VERB", "AUX")
            and subject.pos_ == "NOUN"
            and subject.i < verb.i
            and not any(c.dep_ in ("aux", "mark") for c in verb.children)
            and self.party(subject) is None
        )

    def lead_in_doer(self) -> tuple[str, str | None, Reading] | None:
        """The doer of the lead-in a composed clause opens with (its first sentence's root)."""
        if not len(self.doc):
            return None
        root = next(iter(self.doc.sents)).root
        for child in root.children:
            if child.dep_ in ("nsubj", "csubj") and not is_expletive(child):
                group, text, reading = self.actor_of(child, "list lead-in")
                return (group, text, reading) if group != "unspecified" else None
        return None

    def actor_of(self, token: Token, rule: str) -> tuple[str, str | None, Reading]:
        """The party ``token`` names, read as an actor (pronouns resolved), with ``rule``."""
        earlier = self._previous_subject(token)
        if earlier is not None:  # "This can be achieved by:" then the items
            return self._subject(earlier, f"{rule} (subject of the sentence before)")
        return self._subject(token, rule)

    def _previous_subject(self, subject: Token) -> Token | None:
        found = previous_subject(subject, self.is_party)
        if found is None and self.outer is not None and subject.doc is self.doc:
            unit = self.in_unit(subject)
            if unit is not None:  # a composed clause: the sentence before is in the unit
                return self.outer[0]._previous_subject(unit)
        return found

    def in_unit(self, token: Token) -> Token | None:
        """The unit's token for a token of a composed clause (``None`` when not copied)."""
        if self.outer is None:
            return None
        resolver, composition = self.outer
        char = composition.to_unit(token.idx)
        if char is None:
            return None
        span = resolver.doc.char_span(char, char + len(token.text), alignment_mode="expand")
        return span[0] if span is not None and len(span) else None
