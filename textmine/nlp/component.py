"""The ``partnership_terms`` spaCy component: partnership terms as spans with their roles.

Registered with ``@Language.factory`` (and the ``spacy_factories`` entry
point), so ``nlp.add_pipe("partnership_terms")`` works on any parsed English
pipeline. The component

1. finds candidates with a ``Matcher`` compiled from ``terms.jsonl`` (one
   key per lexicon line, so each match names its pattern);
2. keeps the longest non-overlapping candidates whose ``constraint`` holds
   (:mod:`textmine.nlp.constraints`);
3. reads actor and recipients (:mod:`textmine.nlp.actors`), modality,
   negation and voice (:mod:`textmine.nlp.modality`) from the parse;
4. writes the spans to ``doc.spans["partnership"]`` with the ``Span``
   extensions ``term``, ``level``, ``actor``, ``actor_text``, ``recipients``,
   ``modality``, ``negated``, ``voice``, ``ref`` (set by
   :mod:`textmine.nlp.tagging`) and ``rule`` (the explanation).

On creation it also keeps the hyphenated words of ``cues.jsonl``
(``co-operate``, ``co-production``) as single tokens: split at the hyphen they
derail the tagger and parser.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span, Token

from textmine.contract import LABEL_FIELDS
from textmine.nlp.actors import PartyMatcher, Resolver
from textmine.nlp.addressee import IMPERATIVE, is_imperative
from textmine.nlp.constraints import anchor_of, check, is_verbal
from textmine.nlp.context.compose import compose
from textmine.nlp.context.lists import Item, list_items
from textmine.nlp.lexicon import Lexicon, TermPattern, load_lexicon
from textmine.nlp.modality import Reading, modality
from textmine.nlp.negation import negation
from textmine.nlp.voice import voice

__all__ = [
    "EXTENSIONS",
    "SPANS_KEY",
    "PartnershipTerms",
    "make_partnership_terms",
    "register_extensions",
]

log = logging.getLogger(__name__)

SPANS_KEY = "partnership"
#: ``Span`` extensions: the labelled fields, the provision ref and the rule that fired.
EXTENSIONS: tuple[str, ...] = (*LABEL_FIELDS, "ref", "rule")
_HYPHENS = ("-", "\u2010", "\u2011")
_LEAD_IN_SUFFIX = "(?::-$)"
#: Words that open a subordinate clause: a line opening with one is never a clause of its own.
_SUBORDINATORS = frozenset(
    {"if", "where", "when", "whether", "unless", "while", "whilst", "because", "that", "who"}
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
        self, nlp: Language, name: str, lexicon: Lexicon, spans_key: str = SPANS_KEY
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.lexicon = lexicon
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.patterns: dict[int, TermPattern] = {}
        for term in lexicon.terms:
            self.matcher.add(term.key, [term.pattern])
            self.patterns[nlp.vocab.strings[term.key]] = term
        self.parties = PartyMatcher(nlp.vocab, lexicon)
        self.triggers = _triggers(nlp, lexicon)
        keep_compounds(nlp, lexicon.cues.compounds)
        split_lead_in_mark(nlp)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) and not (doc.has_annotation("DEP") and doc.has_annotation("LEMMA")):
            raise ValueError(
                f"{self.name} needs a parsed, lemmatised Doc: add it after the parser and "
                "lemmatizer of an English pipeline (e.g. en_core_web_sm)"
            )
        resolver = self.parties.resolver(doc)
        matches = self._matches(doc)
        every = _items(doc) if matches else []
        items = [item for item in every if item.chain]
        deferred: dict[int, Item] = {}
        own: list[tuple[int, int, int]] = []
        for match in matches:
            char = doc[match[1]].idx
            item = next((it for it in items if it.start <= char < it.end), None)
            if item is None:
                own.append(match)
            else:  # read in the clause its lead-in completes
                deferred[item.start] = item
        spans = self._tag(doc, own, resolver)
        if deferred:
            spans += self._read_items(doc, list(deferred.values()), every, resolver)
        spans.sort(key=lambda s: s.start)
        doc.spans[self.spans_key] = spans
        return doc

    def _tag(
        self,
        doc: Doc,
        matches: list[tuple[int, int, int]],
        resolver: Resolver,
    ) -> list[Span]:
        """Accept and annotate the longest non-overlapping matches whose constraints hold."""
        candidates = [(start, end, self.patterns[match_id]) for match_id, start, end in matches]
        candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[2].line))
        taken = bytearray(len(doc))
        spans: list[Span] = []
        for start, end, pattern in candidates:
            if any(taken[start:end]):
                continue
            span = Span(doc, start, end, label=pattern.label)
            anchor = anchor_of(span, pattern.anchor)
            failed = check(span, anchor, pattern.constraint, resolver)
            if failed is not None:
                log.debug("%r: dropped by constraint %s", span.text, failed)
                continue
            taken[start:end] = b"\x01" * (end - start)
            self.annotate(span, anchor, pattern, resolver)
            spans.append(span)
        return spans

    def _read_items(
        self, doc: Doc, items: list[Item], every: list[Item], resolver: Resolver
    ) -> list[Span]:
        """The terms of list items, each read in the clause its lead-in completes.

        The composed clauses (:func:`~textmine.nlp.context.compose.compose`)
        are parsed by the components before this one, in one batch; a term is
        tagged on the composed parse and its span and values are copied onto
        ``doc`` at the item's own place. Pronouns and earlier sentences the
        short clause lacks are read in ``doc`` (``resolver``).
        """
        compositions = [
            c for c in (compose(doc, item, _tail(item, every)) for item in items) if c is not None
        ]
        spans: list[Span] = []
        for composition, short in zip(
            compositions, self._parse([c.text for c in compositions]), strict=True
        ):
            inner = self.parties.resolver(short, outer=(resolver, composition))
            region = [
                m
                for m in self._matches(short)
                if composition.item_start <= short[m[1]].idx < composition.item_end
            ]
            for span in self._tag(short, region, inner):
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
                mapped._.rule = {**span._.rule, "read_as": composition.text}
                spans.append(mapped)
        return spans

    def _parse(self, texts: list[str]) -> list[Doc]:
        """``texts`` through the components that come before this one (tokenizer included)."""
        docs = [self.nlp.make_doc(text) for text in texts]
        for name, proc in self.nlp.pipeline:
            if name == self.name:
                break
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        return docs

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Matcher hits, run only over sentences holding a pattern's first word.

        Most sentences hold no partnership term; skipping them keeps the
        component's cost small next to the parser's (see benchmarks/bench_tag.py).
        """
        if self.triggers is None:
            return list(self.matcher(doc))
        hits = numpy.isin(doc.to_array(LOWER), self.triggers)
        if not hits.any():
            return []
        found: list[tuple[int, int, int]] = []
        for sent in doc.sents:
            if hits[sent.start : sent.end].any():
                offset = sent.start
                found += [(m, offset + s, offset + e) for m, s, e in self.matcher(sent)]
        return found

    def annotate(self, span: Span, anchor: Token, pattern: TermPattern, resolver: Resolver) -> None:
        """Set the extensions of one accepted span."""
        cues = self.lexicon.cues
        nominal = bool(pattern.constraint.get("nominal")) or not is_verbal(
            anchor, predicative=bool(pattern.constraint.get("predicative"))
        )
        read_from: Token | None = _verb_of_nominal(anchor) if nominal else anchor
        if read_from is None:
            modal_r, neg_r = Reading("none", "nominal"), Reading(False, "nominal")
        else:
            modal_r, neg_r = modality(read_from, cues), negation(read_from, cues)
            if nominal:
                rule = f"{modal_r.rule} (governing verb '{read_from.text}')"
                modal_r = Reading(modal_r.value, rule, modal_r.token)
        voice_r = Reading("active", "nominal") if nominal else voice(anchor, cues)
        passive = voice_r.value == "passive"
        actor, actor_text, actor_r = resolver.actor(anchor, passive, nominal=nominal)
        # "(c) keep the child informed": a list item's doer is the keeper's
        keeper = resolver.keeper(anchor) if passive else None
        item, item_passive = (keeper, False) if keeper is not None else (anchor, passive)
        if not nominal:
            if actor_r.rule == "no subject" and not item_passive and resolver.outer is not None:
                # a list item read in its composed clause, its verb still without a doer
                # ("We can help you in the following ways: Informing you ..."): the lead-in's
                lead_doer = resolver.lead_in_doer()
                if lead_doer is not None:
                    actor, actor_text, actor_r = lead_doer
            if actor_r.rule == "no subject" and not item_passive and is_imperative(item):
                # "Consider whether ...": the document pass gives it the addressee
                actor_r = Reading("unspecified", IMPERATIVE, item.text)
        recipients, evidence = resolver.recipients(anchor, list(span), pattern.roles, passive)
        span._.term = pattern.term
        span._.level = pattern.level
        span._.actor = actor
        span._.actor_text = actor_text
        span._.recipients = recipients
        span._.modality = modal_r.value
        span._.negated = bool(neg_r.value)
        span._.voice = voice_r.value
        span._.rule = {
            "term": {
                "pattern": pattern.id,
                "line": pattern.line,
                "constraint": dict(pattern.constraint),
                "anchor": anchor.text,
            },
            "actor": {"rule": actor_r.rule, "evidence": actor_r.token},
            "recipients": {"rule": ", ".join(pattern.roles) or "none", "evidence": evidence},
            "modality": modal_r.explain(),
            "negated": neg_r.explain(),
            "voice": voice_r.explain(),
        }


def _items(doc: Doc) -> list[Item]:
    """The list items of ``doc`` (:func:`~textmine.nlp.context.lists.list_items`), a
    sentence among bullets told by its parse (a finite verb with a subject of its own)."""
    return list_items(doc.text, lambda start, end: _own_clause(doc, start, end))


def _own_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc``'s text between two offsets is a clause with a subject of its own."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first = next((t for t in span if not (t.is_punct or t.is_space)), None)
    if first is None or first.lower_ in _SUBORDINATORS:
        return False
    roots = [t for t in span if t.head == t or not span.start <= t.head.i < span.end]
    return any(
        root.pos_ in ("VERB", "AUX")
        and root.tag_ not in ("VBG", "VBN", "VB")
        and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)
        for root in roots
    )


def _tail(item: Item, items: list[Item]) -> int | None:
    """Where the items of the list ``item`` leads in end (``None``: it leads in none)."""
    inner = [other.end for other in items if item.segment in other.chain]
    return max(inner) if inner else None


def _triggers(nlp: Language, lexicon: Lexicon) -> numpy.ndarray | None:
    """Hashes of the lower-case words a term pattern can start with, or ``None``.

    ``None`` (match every sentence) when some pattern's first token is not
    a plain ``LOWER`` word or list, or may be skipped (an ``OP``).
    """
    words: set[str] = set()
    for term in lexicon.terms:
        first = term.pattern[0]
        value = first.get("LOWER")
        if set(first) != {"LOWER"} or value is None:
            return None
        if isinstance(value, str):
            words.add(value)
        elif isinstance(value, dict) and set(value) == {"IN"}:
            words.update(str(v) for v in value["IN"])
        else:
            return None
    return numpy.array(sorted(nlp.vocab.strings.add(w) for w in words), dtype="uint64")


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


def split_lead_in_mark(nlp: Language) -> None:
    """Split the lead-in mark ``:-`` off the word before it (``This might involve:-``).

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
    default_config={"lexicon_dir": None, "spans_key": SPANS_KEY},
    requires=["token.dep", "token.lemma", "token.pos", "token.tag", "doc.sents"],
    assigns=["doc.spans"],
)
def make_partnership_terms(
    nlp: Language, name: str, lexicon_dir: str | None, spans_key: str
) -> PartnershipTerms:
    """Build the component; ``lexicon_dir`` of ``None`` uses the bundled lexicons."""
    return PartnershipTerms(nlp, name, load_lexicon(lexicon_dir), spans_key)


def describe(span: Span) -> dict[str, Any]:
    """The extension values of a tagged span, as a plain dict (for logs and tests)."""
    return {name: getattr(span._, name) for name in EXTENSIONS} | {"text": span.text}
