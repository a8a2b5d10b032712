"""The ``partnership_terms`` spaCy component: the tagger.

Registered with ``@Language.factory`` (and the ``spacy_factories`` entry
point), so ``nlp.add_pipe("partnership_terms")`` works on any parsed English
pipeline. What ``textmine tag`` does, the component does: every decision is
taken here, on the ``Doc`` (the driver only makes the ``Doc`` and formats its
spans as rows). On each ``Doc`` the component

1. finds candidates with the patterns of ``terms.jsonl`` (one ``Matcher``
   key per lexicon line, so each match names its pattern), tried only where
   a pattern's first word stands (:mod:`textmine.nlp.matching`);
2. reads the lists of the text (:mod:`textmine.nlp.context.lists`): a
   candidate inside a list item is read in the short clause its lead-in
   completes (:mod:`textmine.nlp.context.compose`), parsed here by the
   components that come before this one;
3. keeps the longest non-overlapping candidates whose sense checks hold
   (:mod:`textmine.nlp.rules.senses`);
4. reads actor, recipients, modality, negation and voice with the rules of
   :mod:`textmine.nlp.rules` (a :class:`~textmine.nlp.reader.Reader` per
   ``Doc``), an imperative taking the document's addressee
   (:mod:`textmine.nlp.rules.imperative`);
5. writes the spans to ``doc.spans["partnership"]`` with the ``Span``
   extensions ``term``, ``level``, ``actor``, ``actor_text``, ``recipients``,
   ``modality``, ``negated``, ``voice``, ``ref`` (set by the driver),
   ``rule`` (the explanation: rule names from the registry), ``doubts`` and
   ``sentence`` (the character bounds of the sentence the row reports: the
   parser's sentence, or for a list the whole run from its lead-in's sentence
   to its last item).

Document-level context (the addressee, where the document's staff work)
comes in through ``doc.user_data["textmine"]``
(:mod:`textmine.nlp.context.document`); a ``Doc`` without it is read as a
whole document of its own.

Config: ``lexicon_dir`` (``None``: the bundled lexicons), ``spans_key``,
and ``adjust_tokenizer`` (default ``true``): the component then adds
tokenizer special cases on creation, so that the hyphenated words of
``cues.jsonl`` (``co-operate``, ``co-production``) and paired pronouns (``his/her``,
``s/he``) stay one token and the lead-in mark ``:-`` is split off the word
before it; all derail the parser otherwise. Set it to ``false`` to leave a shared tokenizer alone.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokens import Doc, Span, Token

from textmine.contract import LABEL_FIELDS
from textmine.nlp.context.compose import (
    Composition,
    completing_chain,
    compose,
    find_pointer,
    sentence_start,
)
from textmine.nlp.context.document import DocumentContext, context_of, read_context
from textmine.nlp.context.lists import Item, Segment, list_items
from textmine.nlp.lexicon import Lexicon, TermPattern, load_lexicon
from textmine.nlp.matching import TermMatcher
from textmine.nlp.parties import PartyMatcher
from textmine.nlp.reader import Reader
from textmine.nlp.rules import actor as actor_rules
from textmine.nlp.rules import modality as modality_rules
from textmine.nlp.rules import negation as negation_rules
from textmine.nlp.rules import voice as voice_rules
from textmine.nlp.rules.imperative import (
    IMPERATIVE,
    NO_ADDRESSEE,
    addresses_reader,
    is_imperative,
)
from textmine.nlp.rules.modality import modality
from textmine.nlp.rules.negation import negation
from textmine.nlp.rules.recipients import NONE as NO_RECIPIENTS
from textmine.nlp.rules.registry import Reading, rule
from textmine.nlp.rules.senses import anchor_of, check, is_verbal
from textmine.nlp.rules.voice import voice

__all__ = [
    "EXTENSIONS",
    "SPANS_KEY",
    "PartnershipTerms",
    "describe",
    "make_partnership_terms",
    "register_extensions",
]

log = logging.getLogger(__name__)

SPANS_KEY = "partnership"
#: ``Span`` extensions: the labelled fields, the provision ref, the explanation, the doubts.
EXTENSIONS: tuple[str, ...] = (*LABEL_FIELDS, "ref", "rule", "doubts", "sentence")
_HYPHENS = ("-", "\u2010", "\u2011")
_LEAD_IN_SUFFIX = "(?::-$|\u2015$)"
#: Words that open a subordinate clause: a line opening with one is never a clause of its own.
_SUBORDINATORS = frozenset(
    {"if", "where", "when", "whether", "unless", "while", "whilst", "because", "that", "who"}
)

LIST_ITEM = rule(
    "context.list_item",
    "context",
    "A term in a list item is read in the short clause its lead-in completes ('the "
    "authority must— (a) inform X' reads 'the authority must inform X').",
    example="The local authority must—\n(a) inform the child's parent;\n(b) consult the school.",
    expect={"text": "inform", "actor": "local_authority", "modality": "must"},
    doubt="context",
)


LIST_LEAD_IN = rule(
    "context.list_lead_in",
    "context",
    "A term whose open slot a list's items fill ('must consult— (a) ...; (b) ...') is read in "
    "the clause each item completes; its recipients are all of theirs.",
    example="When securing an assessment the authority must seek advice—\n(a) from the "
    "child's parent;\n(b) from the head teacher.",
    expect={"text": "seek", "recipients": ["education", "parent"]},
)


def register_extensions() -> None:
    """Register the ``Span`` extensions once (safe to call again)."""
    for name in EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()


class PartnershipTerms:
    """Tag partnership terms on a parsed ``Doc`` (see the module docstring)."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        lexicon: Lexicon,
        spans_key: str = SPANS_KEY,
        adjust_tokenizer: bool = True,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.lexicon = lexicon
        self.terms = TermMatcher(nlp.vocab, lexicon.terms)
        self.patterns: dict[int, TermPattern] = {
            nlp.vocab.strings[term.key]: term for term in lexicon.terms
        }
        self.parties = PartyMatcher(nlp.vocab, lexicon)
        if adjust_tokenizer:
            keep_compounds(nlp, lexicon.cues.compounds)
            keep_paired_pronouns(nlp)
            split_lead_in_mark(nlp)

    def read_context(self, texts: list[str], kind: str | None = None) -> DocumentContext:
        """The document context of a document made of ``texts`` (its provisions' texts)."""
        return read_context(texts, self.nlp.make_doc, self.parties, kind)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) and not (doc.has_annotation("DEP") and doc.has_annotation("LEMMA")):
            raise ValueError(
                f"{self.name} needs a parsed, lemmatised Doc: add it after the parser and "
                "lemmatizer of an English pipeline (e.g. en_core_web_sm)"
            )
        matches = self._matches(doc)
        if not matches:
            doc.spans[self.spans_key] = []
            return doc
        context = context_of(doc) or self.read_context([doc.text])
        reader = Reader(doc, self.parties, context)
        every = _items(doc)
        spans = self._read(doc, matches, reader, every)
        spans.sort(key=lambda s: s.start)
        lists = _list_extents(doc, every)
        for span in spans:
            span._.sentence = next(
                ((a, b) for a, b in lists if a <= span.start_char < b),
                (span.sent.start_char, span.sent.end_char),
            )
        doc.spans[self.spans_key] = spans
        return doc

    def _read(
        self,
        doc: Doc,
        matches: list[tuple[int, int, int]],
        reader: Reader,
        every: list[Item],
        *,
        composed: bool = False,
    ) -> list[Span]:
        """Read ``matches`` of ``doc``: in place, or in the clauses a list's structure makes.

        A match inside a list item is read in the clause its lead-in completes;
        a match in a lead-in whose open slot the items fill (``must consult—``,
        ``seek advice and information—``) is read in the clause each item
        completes, its recipients gathered from all of them. In a clause
        already composed from an item (``composed``) only the lists the item
        itself leads in are read so.
        """
        items = [it for it in every if completing_chain(doc.text, it)] if not composed else []
        deferred: dict[int, Item] = {}
        leads: dict[int, tuple[Segment, list[tuple[int, int, int]]]] = {}
        own: list[tuple[int, int, int]] = []
        routes: list[tuple[tuple[int, int, int], Item | None, Segment | None]] = []
        # overlapping matches go one way, the longest's (the readers keep the longest)
        for match in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
            same = next((r for r in routes if r[0][1] < match[2] and match[1] < r[0][2]), None)
            if same is not None:
                routes.append((match, same[1], same[2]))
                continue
            char = doc[match[1]].idx
            item = next((it for it in items if it.start <= char < it.end), None)
            lead = (
                None if item is not None else _open_lead(doc, match, every, self.lexicon.cues.views)
            )
            routes.append((match, item, lead))
        for match, item, lead in routes:
            if item is not None:  # read in the clause its lead-in completes
                deferred[item.start] = item
            elif lead is not None:
                leads.setdefault(lead.start, (lead, []))[1].append(match)
            else:
                own.append(match)
        spans = self._tag(doc, own, reader)
        if deferred:
            spans += self._read_items(doc, list(deferred.values()), every, reader)
        for lead, lead_matches in leads.values():
            spans += self._read_lead(doc, lead, lead_matches, every, reader)
        return spans

    def can_match(self, doc: Doc) -> bool:
        """Whether ``doc``, only tokenised, can get a span once parsed.

        Spans are made only from term matches in the ``Doc`` itself (a list
        item's clause is composed only when its unit holds a match), and
        :meth:`~textmine.nlp.matching.TermMatcher.can_match` tells exactly
        whether a match is possible before the parse: a ``Doc`` it says no to
        need not be parsed (see :func:`textmine.nlp.tagging.tag_units`).
        """
        return self.terms.can_match(doc)

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Term matches, looked for only where a pattern's first word stands
        (:class:`~textmine.nlp.matching.TermMatcher`; see benchmarks/bench_tag.py)."""
        return self.terms(doc)

    def _tag(self, doc: Doc, matches: list[tuple[int, int, int]], reader: Reader) -> list[Span]:
        """Accept and annotate the longest non-overlapping matches whose sense checks hold."""
        candidates = [(start, end, self.patterns[match_id]) for match_id, start, end in matches]
        candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[2].line))
        taken = bytearray(len(doc))
        spans: list[Span] = []
        for start, end, pattern in candidates:
            if any(taken[start:end]):
                continue
            span = Span(doc, start, end, label=pattern.label)
            anchor = anchor_of(span, pattern.anchor)
            failed = check(span, anchor, pattern.constraint, reader)
            if failed is not None:
                log.debug("%r: not an occurrence (%s)", span.text, failed.name)
                continue
            taken[start:end] = b"\x01" * (end - start)
            self.annotate(span, anchor, pattern, reader)
            spans.append(span)
        return spans

    def _read_items(
        self, doc: Doc, items: list[Item], every: list[Item], reader: Reader
    ) -> list[Span]:
        """The terms of list items, each read in the clause its lead-in completes.

        The composed clauses (:func:`~textmine.nlp.context.compose.compose`)
        are parsed by the components before this one, in one batch; a term is
        tagged on the composed parse and its span and values are copied onto
        ``doc`` at the item's own place. Pronouns and earlier sentences the
        short clause lacks are read in ``doc`` (``reader``).
        """
        compositions = [
            c
            for c in (
                compose(doc, item, _tail(item, every), self.lexicon.cues.views) for item in items
            )
            if c is not None
        ]
        spans: list[Span] = []
        for composition, short in zip(
            compositions, self._parse([c.text for c in compositions]), strict=True
        ):
            spans += self._read_composed(doc, composition, short, reader)
        return spans

    def _read_composed(
        self, doc: Doc, composition: Composition, short: Doc, reader: Reader
    ) -> list[Span]:
        inner = Reader(short, self.parties, reader.context, outer=(reader, composition))
        region = [
            m
            for m in self._matches(short)
            if composition.item_start <= short[m[1]].idx < composition.item_end
        ]
        spans: list[Span] = []
        for span in self._read(short, region, inner, _items(short), composed=True):
            start = composition.to_unit(span.start_char)
            end = composition.to_unit(span.end_char)
            mapped = (
                doc.char_span(start, end, label=span.label, alignment_mode="expand")
                if start is not None and end is not None
                else None
            )
            if mapped is None:
                log.debug("%r: cannot be placed back in the unit", span.text)
                continue
            for name in EXTENSIONS:
                setattr(mapped._, name, getattr(span._, name))
            mapped._.rule = {
                **span._.rule,
                "context": {"rule": LIST_ITEM.name, "read_as": composition.text},
            }
            mapped._.doubts = sorted(
                {*span._.doubts, *([LIST_ITEM.doubt] if LIST_ITEM.doubt else [])}
            )
            spans.append(mapped)
        return spans

    def _read_lead(
        self,
        doc: Doc,
        lead: Segment,
        matches: list[tuple[int, int, int]],
        every: list[Item],
        reader: Reader,
    ) -> list[Span]:
        """Terms of a lead-in whose open slot its items fill, read once per item.

        ``the authority must consult— (a) the parent; (b) the school``: each item
        completes the lead-in (``must consult the parent``); the term is read in
        each composed clause, and is an occurrence when it is one in any of
        them. Its values are those of the first clause it is one in, its
        recipients those of all of them.
        """
        direct = [item for item in every if item.chain and item.chain[-1] == lead]
        compositions = [
            c
            for c in (
                compose(doc, item, _tail(item, every), self.lexicon.cues.views) for item in direct
            )
            if c is not None
        ]
        if not compositions:
            return self._tag(doc, matches, reader)
        readings: dict[tuple[int, int], list[Span]] = {}
        placed: set[tuple[int, int]] = set()
        for composition, short in zip(
            compositions, self._parse([c.text for c in compositions]), strict=True
        ):
            inner = Reader(short, self.parties, reader.context, outer=(reader, composition))
            moved = []
            for match_id, start, end in matches:
                head = composition.from_unit(doc[start].idx)
                tail = composition.from_unit(doc[end - 1].idx)
                span = (
                    short.char_span(head, tail + len(doc[end - 1]), alignment_mode="expand")
                    if head is not None and tail is not None
                    else None
                )
                if span is not None:
                    moved.append((match_id, span.start, span.end, (start, end)))
                    placed.add((start, end))
            homes = {(start, end): home for _, start, end, home in moved}
            for found in self._tag(short, [(m, a, b) for m, a, b, _ in moved], inner):
                readings.setdefault(homes[found.start, found.end], []).append(found)
        # a term the composed clauses leave out (an aside cut off the lead-in) is read in place
        spans = self._tag(doc, [m for m in matches if (m[1], m[2]) not in placed], reader)
        for (start, end), read in readings.items():
            best = read[0]
            span = Span(doc, start, end, label=best.label)
            for name in EXTENSIONS:
                setattr(span._, name, getattr(best._, name))
            recipients = list(dict.fromkeys(g for r in read for g in r._.recipients))
            evidence = list(
                dict.fromkeys(e for r in read for e in r._.rule["recipients"]["evidence"])
            )
            found_by = list(
                dict.fromkeys(
                    name
                    for r in read
                    for name in r._.rule["recipients"]["rule"].split(", ")
                    if name != NO_RECIPIENTS.name
                )
            )
            span._.recipients = recipients
            span._.rule = {
                **best._.rule,
                "recipients": {
                    "rule": ", ".join(found_by) or NO_RECIPIENTS.name,
                    "evidence": evidence,
                },
                "context": {
                    "rule": LIST_LEAD_IN.name,
                    "read_as": [r.doc.text for r in read],
                },
            }
            spans.append(span)
        return spans

    def _parse(self, texts: list[str]) -> list[Doc]:
        """``texts`` through the components that come before this one (tokenizer included)."""
        docs = [self.nlp.make_doc(text) for text in texts]
        for name, proc in self.nlp.pipeline:
            if name == self.name:
                break
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        return docs

    def annotate(self, span: Span, anchor: Token, pattern: TermPattern, reader: Reader) -> None:
        """Read and set the fields of one accepted span."""
        cues = self.lexicon.cues
        nominal = bool(pattern.constraint.get("nominal")) or not is_verbal(
            anchor, predicative=bool(pattern.constraint.get("predicative"))
        )
        read_from: Token | None = _verb_of_nominal(anchor) if nominal else anchor
        if read_from is None:
            modal_r = Reading("none", modality_rules.NOMINAL)
            neg_r = Reading(False, negation_rules.NONE)
        else:
            modal_r, neg_r = modality(read_from, cues), negation(read_from, cues)
            if nominal:
                modal_r = Reading(
                    modal_r.value,
                    modal_r.rule,
                    modal_r.via,
                    token=modal_r.token,
                    extra={"governing_verb": read_from.text},
                )
        voice_r = Reading("active", voice_rules.NOMINAL) if nominal else voice(anchor, cues)
        passive = voice_r.value == "passive"
        actor, actor_text, actor_r = reader.actors.read(anchor, passive, nominal=nominal)
        # "(c) keep the child informed": a list item's doer is the keeper's
        keeper = reader.actors.keeper(anchor) if passive else None
        item, item_passive = (keeper, False) if keeper is not None else (anchor, passive)
        if (
            not nominal
            and actor_r.rule is actor_rules.NO_SUBJECT
            and not item_passive
            and reader.outer is not None
        ):
            # a list item read in its composed clause, its verb still without a doer
            # ("We can help you in the following ways: Informing you ..."): the lead-in's
            lead_doer = reader.actors.lead_in_doer()
            if lead_doer is not None:
                actor, actor_text, actor_r = lead_doer
                lead_modal = (
                    modality_rules.lead_in_modality(
                        anchor, reader.parties.doc, reader.outer[1].item_start, cues
                    )
                    if modal_r.rule is modality_rules.NO_MODAL
                    else None
                )
                if lead_modal is not None:  # "must— (b) having done that, consult"
                    modal_r = lead_modal
        if (
            reader.outer is not None
            and not nominal
            and not item_passive
            and modal_r.rule is modality_rules.NO_MODAL
            and modality_rules.opens_item(anchor, reader.outer[1].item_start)
        ):  # "must— (b) in light of that review, consider": the parse lost the modal
            modal_r = (
                modality_rules.lead_in_modality(
                    anchor, reader.parties.doc, reader.outer[1].item_start, cues
                )
                or modal_r
            )
        if not nominal and actor_r.rule is actor_rules.NO_SUBJECT and not item_passive:
            lead = next(iter(span.doc.sents)) if reader.outer is not None else None
            if is_imperative(item, lead):
                actor, actor_text, actor_r = _addressee(reader.context, item)
        recipients, evidence, found_by = reader.recipients.read(
            anchor, list(span), pattern.roles, passive
        )
        readings = (actor_r, modal_r, neg_r, voice_r)
        rules = [r for reading in readings for r in reading.rules()] + found_by
        span._.term = pattern.term
        span._.level = pattern.level
        span._.actor = actor
        span._.actor_text = actor_text
        span._.recipients = recipients
        span._.modality = modal_r.value
        span._.negated = bool(neg_r.value)
        span._.voice = voice_r.value
        span._.doubts = sorted({r.doubt for r in rules if r.doubt})
        span._.rule = {
            "term": {
                "pattern": pattern.id,
                "line": pattern.line,
                "constraint": dict(pattern.constraint),
                "anchor": anchor.text,
            },
            "actor": actor_r.explain(),
            "recipients": {
                "rule": ", ".join(r.name for r in found_by) or NO_RECIPIENTS.name,
                "evidence": evidence,
            },
            "modality": modal_r.explain(),
            "negated": neg_r.explain(),
            "voice": voice_r.explain(),
        }


def _addressee(context: DocumentContext, verb: Token) -> tuple[str, str | None, Reading]:
    """The actor of an imperative: the document's addressee, where it says whom it is for."""
    if context.addressee is not None and addresses_reader(context):
        extra = {"said": context.addressee_text} if context.addressee_text else {}
        reading = Reading(context.addressee, IMPERATIVE, token=verb.text, extra=extra)
        return context.addressee, None, reading
    return "unspecified", None, Reading("unspecified", NO_ADDRESSEE, token=verb.text)


def _items(doc: Doc) -> list[Item]:
    """The list items of ``doc`` (:func:`~textmine.nlp.context.lists.list_items`), a
    sentence among bullets told by its parse (a finite verb with a subject of its own)."""
    return list_items(doc.text, lambda start, end: _own_clause(doc, start, end))


def _own_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc``'s text between two offsets is a clause with a subject of its own."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    roots = [t for t in span if t.head == t or not span.start <= t.head.i < span.end]
    return any(
        root.pos_ in ("VERB", "AUX")
        and root.tag_ not in ("VBG", "VBN", "VB")
        and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)
        # "where the child refuses": a subordinate clause is no sentence of its own
        and not any(c.dep_ == "mark" or c.lower_ in _SUBORDINATORS for c in root.lefts)
        for root in roots
    )


def _list_extents(doc: Doc, items: list[Item]) -> list[tuple[int, int]]:
    """The character extent of each outermost list: from the start of its lead-in's sentence to
    the end of its last item (the sentence its terms are reported in)."""
    ends: dict[int, tuple[int, int]] = {}
    for item in items:
        if not item.chain:
            continue
        lead = item.chain[0]
        start, end = ends.get(lead.start, (sentence_start(doc, lead), item.end))
        ends[lead.start] = (start, max(end, item.end))
    return list(ends.values())


def _open_lead(
    doc: Doc, match: tuple[int, int, int], every: list[Item], views: frozenset[str]
) -> Segment | None:
    """The lead-in a match stands in when its slot is what the lead-in's items fill.

    The match stands in a segment that leads in a list, and no verb stands
    between the match and the lead-in's closing mark: ``must consult—``,
    ``seek advice and information—``, ``notify them of—``; not ``when
    notifying the parent, it must—`` (the items complete *must*, not
    *notifying*); or the match follows ``the following`` its items stand for (``the views
    of the following are considered at the review, whether or not they attend:``).
    """
    _, start, end = match
    char = doc[start].idx
    for item in every:
        if not item.chain:
            continue
        lead = item.chain[-1]
        if lead.mark is None or not lead.start <= char < lead.mark:
            continue
        pointer = find_pointer(doc, sentence_start(doc, lead), char, views)
        if pointer is not None:  # "the views of the following are considered ...:"
            return lead
        between = doc.char_span(doc[end - 1].idx + len(doc[end - 1]), lead.mark, "expand")
        if between is not None and any(t.pos_ in ("VERB", "AUX") for t in between):
            return None
        return lead
    return None


def _tail(item: Item, items: list[Item]) -> int | None:
    """Where the items of the list ``item`` leads in end (``None``: it leads in none)."""
    inner = [other.end for other in items if item.segment in other.chain]
    return max(inner) if inner else None


def _verb_of_nominal(noun: Token) -> Token | None:
    """The verb whose object or subject a nominal term is (``must ensure co-production``)."""
    token = noun
    for _ in range(3):
        head = token.head
        if head == token:
            return None
        if head.pos_ in ("VERB", "AUX") and token.dep_ in (
            "dobj",
            "nsubjpass",
            "attr",
            "prep",
            "xcomp",
        ):
            return head
        if token.dep_ in ("pobj", "conj") or head.dep_ == "prep":
            token = head
            continue
        return None
    return None


def keep_compounds(nlp: Language, words: tuple[str, ...]) -> None:
    """Add tokenizer special cases so hyphenated lexicon words stay one token."""
    add = getattr(nlp.tokenizer, "add_special_case", None)
    if add is None:
        return
    for word in words:
        for hyphen in _HYPHENS:
            form = word.replace("-", hyphen)
            for variant in {form, form.capitalize(), form.upper()}:
                add(variant, [{ORTH: variant}])


#: Paired pronouns of guidance English and the pronoun each is read as (``his/her`` is a
#: possessive determiner, ``s/he`` a subject).
_PAIRED_PRONOUNS = {
    "his/her": "his",
    "her/his": "her",
    "him/her": "him",
    "he/she": "he",
    "she/he": "she",
    "s/he": "she",
    "himself/herself": "himself",
}


#: Nouns guidance writes with an optional plural (``parent/s``, ``carer/s``).
_OPTIONAL_PLURALS = (
    "parent",
    "carer",
    "guardian",
    "sibling",
    "adopter",
    "worker",
    "member",
    "school",
    "service",
)


def keep_paired_pronouns(nlp: Language) -> None:
    """Keep ``his/her``, ``s/he`` ... one token, normalised to one of its pronouns, and
    read ``parent/s``, ``carer(s)``, ``child(ren)`` as the noun (normalised to the plural)
    and its plural mark, so that the noun is read as the party it names.

    Split at the slash, the pair reads as two words and a symbol, and the
    parser loses the noun phrase around it (``the young person, his/her
    family and ...``); as one token normalised to ``his`` it is tagged and
    attached as the possessive it is.
    """
    add = getattr(nlp.tokenizer, "add_special_case", None)
    if add is None:
        return
    for pair, norm in _PAIRED_PRONOUNS.items():
        for variant in {pair, pair.capitalize(), pair.upper()}:
            add(variant, [{ORTH: variant, NORM: norm}])
    for noun in _OPTIONAL_PLURALS:  # "their parent/s.": not an abbreviation "s." ending nothing
        for word in (noun, noun.capitalize()):
            for mark in ("/s", "(s)"):  # the noun, read as the party it is, and the plural mark
                add(f"{word}{mark}", [{ORTH: word, NORM: f"{noun}s"}, {ORTH: mark}])
    for word in ("child", "Child"):
        add(f"{word}(ren)", [{ORTH: word, NORM: "children"}, {ORTH: "(ren)"}])


def split_lead_in_mark(nlp: Language) -> None:
    """Split the lead-in marks ``:-`` and ``―`` (a horizontal bar printed for a dash) off the
    word before it (``This might involve:-``, ``must consult―``).

    The English tokenizer keeps ``involve:-`` as one token, so the verb is lost
    and the list after it has no lead-in; as a suffix the mark is its own token.
    """
    tokenizer = nlp.tokenizer
    search = getattr(tokenizer, "suffix_search", None)
    pattern = getattr(getattr(search, "__self__", None), "pattern", None)
    if not isinstance(pattern, str) or pattern.startswith(_LEAD_IN_SUFFIX):
        return
    tokenizer.suffix_search = re.compile(f"{_LEAD_IN_SUFFIX}|{pattern}").search  # type: ignore[union-attr]


@Language.factory(
    "partnership_terms",
    default_config={"lexicon_dir": None, "spans_key": SPANS_KEY, "adjust_tokenizer": True},
    requires=["token.dep", "token.lemma", "token.pos", "token.tag", "doc.sents"],
    assigns=["doc.spans"],
)
def make_partnership_terms(
    nlp: Language, name: str, lexicon_dir: str | None, spans_key: str, adjust_tokenizer: bool
) -> PartnershipTerms:
    """Build the component; ``lexicon_dir`` of ``None`` uses the bundled lexicons."""
    return PartnershipTerms(nlp, name, load_lexicon(lexicon_dir), spans_key, adjust_tokenizer)


def describe(span: Span) -> dict[str, Any]:
    """The extension values of a tagged span, as a plain dict (for logs and tests)."""
    return {name: getattr(span._, name) for name in EXTENSIONS} | {"text": span.text}
