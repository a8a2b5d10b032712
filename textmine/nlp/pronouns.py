"""Pronouns: the noun phrase a pronoun stands for, inside one unit.

A mixin of :class:`textmine.nlp.parties.PartyReader`. :meth:`PronounReader.antecedent`
reads, in order: for a subject pronoun, the subject it continues (of its
own conditional frame, of the verb it is coordinated with, of the main
clause before it, also across a semicolon); the subject of the clause that
governs the pronoun's clause; the nearest subjects before it in its sentence;
the subjects of the sentences before it in the unit, nearest sentence first and
main-clause subjects first; then the nearest nouns (in the sentences before,
the objects of main-clause verbs first). A candidate must agree
with the pronoun (``cues.jsonl``: plural, person, body); an object pronoun,
or the owner of the views-noun object (``should take into account their
wishes``), never stands for whoever does its own verb.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Token

from textmine.nlp.grammar.clauses import parenthesised_conjunct
from textmine.nlp.grammar.deps import SUBJECTS
from textmine.nlp.grammar.syntax import coordination_head, relative_head
from textmine.nlp.lexicon import Cues
from textmine.nlp.modality import MAX_CHAIN

if TYPE_CHECKING:
    from textmine.nlp.parties import Party

__all__ = ["ANTECEDENT_WINDOW", "PronounReader"]

#: How far back (in tokens) a pronoun's antecedent is looked for.
ANTECEDENT_WINDOW = 150


class PronounReader:
    """Antecedents of pronouns on one parsed ``Doc`` (needs ``party`` from its subclass)."""

    doc: Doc
    cues: Cues
    matcher: Any

    def party(self, token: Token) -> Party | None:
        raise NotImplementedError

    def _compatible(self, pronoun: Token, party: Party) -> bool:
        refers = self.cues.pronouns.get(pronoun.lower_, frozenset())
        if "plural" in refers and party.plural:
            return True
        if "body" in refers and party.refer in ("body", "any") and not party.plural:
            return True
        return "person" in refers and party.refer in ("person", "any") and not party.plural

    def antecedent(self, pronoun: Token) -> Token | None:
        """The noun a pronoun stands for: a main-clause subject, then nearest subjects, then nouns.

        An object pronoun never stands for the subject of its own verb
        (``the body must inform it``: *it* is not the body), nor, unless
        reflexive, for whoever does its verb as the actor reader finds them
        (``authorities have duties, including supporting them to
        participate``: *them* are not the authorities).
        """
        excluded: set[int] = set()
        if pronoun.dep_ in ("dobj", "dative", "pobj"):
            verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
            if not pronoun.lower_.endswith(("self", "selves")) and verb.pos_ in ("VERB", "AUX"):
                excluded.update(self.doer_tokens(verb))
            for _ in range(MAX_CHAIN):
                for subject in (c for c in verb.children if c.dep_ in SUBJECTS):
                    excluded.add(subject.i)
                    head = relative_head(subject) if subject.tag_ in ("WDT", "WP") else None
                    if head is not None:
                        excluded.add(head.i)
                if verb.dep_ != "conj" or verb.head == verb:
                    break
                # "give X and, where the parents agree, involve them": the real conjunct
                verb = parenthesised_conjunct(verb) or verb.head
        owned = pronoun.head
        if pronoun.dep_ == "poss" and owned.lemma_.lower() in self.cues.views:
            # "the adviser should take into account their wishes": not the adviser's own
            verb = owned.head.head if owned.dep_ == "pobj" else owned.head
            if owned.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
                excluded.update(self.doer_tokens(verb))
        plural = "plural" in self.cues.pronouns.get(pronoun.lower_, frozenset())
        singular: Token | None = None
        for candidate in self._antecedent_candidates(pronoun):
            if plural and candidate.dep_ == "conj":
                # "the parent and the head teacher ... their views": the whole coordination
                candidate = coordination_head(candidate)
            if candidate.pos_ == "PRON" or candidate.i in excluded:
                continue
            found = self.party(candidate)
            if found is None or not self._compatible(pronoun, found):
                continue
            if not plural or found.plural or candidate.dep_ in SUBJECTS:
                return candidate
            # "support adopters to meet the child's needs ... help them": among the nouns
            # that are no subject, a plural one before a singular one ("they" for one person
            # is most often a subject continued)
            singular = singular or candidate
        return singular

    def former_or_latter(self, token: Token) -> Token | None:
        """What ``the former`` / ``the latter`` stands for: the first or second of the
        nearest two coordinated parties before it (``schools and local authorities ...;
        the former should``)."""
        if token.lower_ not in ("former", "latter") or not any(
            c.lower_ == "the" for c in token.lefts
        ):
            return None
        for i in range(token.i - 1, max(-1, token.i - ANTECEDENT_WINDOW), -1):
            second = self.doc[i]
            first = second.head
            if (
                second.dep_ == "conj"
                and first.i < second.i
                and first.pos_ in ("NOUN", "PROPN")
                and self.party(first) is not None
                and self.party(second) is not None
            ):
                return first if token.lower_ == "former" else second
        return None

    def doer_tokens(self, verb: Token) -> set[int]:
        """Indices of the noun phrase that does ``verb`` (the actor reader provides them)."""
        return set()

    def _antecedent_candidates(self, pronoun: Token) -> Iterator[Token]:
        if pronoun.dep_ in ("nsubj", "nsubjpass"):
            yield from self._parallel_subjects(pronoun)
        # "If it considers ..., the authority must": the governing clause's subject
        clause = pronoun.head
        for _ in range(3):
            if clause.dep_ in ("advcl", "relcl") and clause.head != clause:
                for child in clause.head.children:
                    if child.dep_ in SUBJECTS and child.i != pronoun.i:
                        yield child
                break
            if clause.head == clause:
                break
            clause = clause.head
        low = max(0, pronoun.i - ANTECEDENT_WINDOW)
        sent_start = pronoun.sent.start
        for i in range(pronoun.i - 1, max(low, sent_start) - 1, -1):
            if self.doc[i].dep_ in SUBJECTS:
                yield self.doc[i]
        yield from self._earlier_subjects(low, sent_start)
        for i in range(pronoun.i - 1, max(low, sent_start) - 1, -1):
            if _other_noun(self.doc[i]):
                yield self.doc[i]
        end = max(low, sent_start)
        while end > low:  # sentences before: a main verb's object before other nouns
            sent = self.doc[end - 1].sent
            nouns = [t for t in reversed(sent) if low <= t.i < end and _other_noun(t)]
            yield from (t for t in nouns if _main_object(t))
            yield from (t for t in nouns if not _main_object(t))
            end = sent.start

    def _earlier_subjects(self, low: int, end: int) -> Iterator[Token]:
        """Subjects of the sentences before ``end`` (from ``low``), nearest sentence first;
        in each, main-clause subjects before those of its subordinate clauses (``Foster
        carers play a role when a child moves. They should ...``: the carers)."""
        while end > low:
            sent = self.doc[end - 1].sent
            subjects = [t for t in reversed(sent) if t.dep_ in SUBJECTS and low <= t.i < end]
            yield from (t for t in subjects if _main_clause(t.head))
            yield from (t for t in subjects if not _main_clause(t.head))
            end = sent.start

    def _parallel_subjects(self, pronoun: Token) -> Iterator[Token]:
        """Subjects a subject pronoun most likely continues, before any nearer noun.

        The subject of its own verb's fronted frame (``If the registered
        person considers that the child is at risk, they must``), of the verb
        it is coordinated with (``All staff should know what to do if a child
        tells them, and they should consult``), and, for a main-clause
        pronoun, the main-clause subjects before it (``Staff should not
        assume a colleague will act; they should consult``).
        """
        verb = pronoun.head
        for child in verb.children:
            # a clause before a semicolon the parser hung on this one is a main clause too
            before_semicolon = child.dep_ in ("ccomp", "parataxis") and any(
                t.text == ";" for t in self.doc[child.right_edge.i + 1 : pronoun.i]
            )
            if (child.dep_ == "advcl" or before_semicolon) and child.i < pronoun.i:
                yield from (c for c in child.children if c.dep_ in SUBJECTS)
        first = verb
        while first.dep_ == "conj" and first.head != first:
            first = first.head
            yield from (c for c in first.children if c.dep_ in SUBJECTS and c.i < pronoun.i)
        if first.dep_ != "ROOT":
            return
        sent = pronoun.sent
        for i in range(pronoun.i - 1, sent.start - 1, -1):
            token = self.doc[i]
            if token.dep_ in SUBJECTS and _main_clause(token.head):
                yield token


def _other_noun(token: Token) -> bool:
    """A noun that is no subject (nor part of a compound or modifier)."""
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound", "amod", *SUBJECTS)


def _main_object(token: Token) -> bool:
    """The object of a main-clause verb (``The agency should support adopters ...``)."""
    return token.dep_ in ("dobj", "dative") and _main_clause(token.head)


def _main_clause(verb: Token) -> bool:
    """Whether ``verb`` is its sentence's root or a conjunct of it."""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.dep_ == "ROOT"
