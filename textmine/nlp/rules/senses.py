"""Checks that turn a pattern match into an occurrence (the ``constraint`` of a term line).

A token pattern finds candidates by lemma and surface form; these checks use
the parse to drop the uses the tagging contract excludes: adjectival
participles (``an informed choice``), nouns where a verb is required
(``advice``, ``the work with families``), publication titles (``see Working
together to safeguard children``), ``involve`` meaning *entail* (``the
assessment involves a review``: no party as object), ``seek`` with an object
that is not advice, views, wishes, information, agreement or consent.

They also keep uses a broken parse hides: a list item's first word is its verb
even when the tagger made it a noun (``consult parents when ...``, also after
a paragraph label: ``...; (b) engage with them``), as is a bare word after
``and`` that takes an object (``involve the child and notify— HMCI``); a
participle after its noun is a reduced relative (``everyone involved``); the
party of a passive may stand outside its clause (``be supported to ... and be
engaged``, :func:`textmine.nlp.grammar.passives.passive_holders`) and the object of an
active verb is read from word order when the parser hung it elsewhere, or
where statutory English puts it (:mod:`textmine.nlp.grammar.objects`, the items of a
list under the verb).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span, Token

from textmine.nlp.context.segmentation import BULLET_GLYPHS
from textmine.nlp.grammar.detached import reciprocal
from textmine.nlp.grammar.objects import hidden_objects, next_noun
from textmine.nlp.grammar.passives import kept, passive_holders
from textmine.nlp.grammar.syntax import conjuncts, imperative_compound, prep_objects
from textmine.nlp.rules.registry import Rule, rule
from textmine.nlp.rules.voice import voice

if TYPE_CHECKING:
    from textmine.nlp.reader import Reader

__all__ = ["anchor_of", "check", "is_verbal"]

#: Longest walk up from a phrase's last word to its verb.
_MAX_CHAIN = 12

VERBAL = rule(
    "sense.verbal",
    "sense",
    "Only verb uses count: not an attributive participle ('an informed choice', 'a calm, "
    "considered and appropriate response') or a noun.",
    example="Parents should be able to make an informed choice.",
    expect={"text": "informed", "absent": True},
)
TITLE = rule(
    "sense.title",
    "sense",
    "A term word in the title of a cited publication is no occurrence: a capitalised one, or "
    "one between a colon and the title's web address in brackets ('...: a guide for "
    "organisations which work with children (example.org.uk)'); nor is one in a line of a "
    "table of contents ('Working with parents 33'), or in the title of an instrument cited "
    "with its date ('Commission Decision of 3 May 2029 on notifying ...').",
    example="Schools should follow Working Together to Safeguard Children.",
    expect={"text": "Working Together", "absent": True},
)
NOMINAL = rule(
    "sense.nominal",
    "sense",
    "A level-5 noun (co-production) counts only as a noun.",
    example="The authorities co-production of the plan was praised.",
    expect={"text": "co-production", "term": "coproduce"},
)
NO_REDUCED_RELATIVE = rule(
    "sense.no_reduced_relative",
    "sense",
    "A pattern that may not be a participle after its noun.",
    example="The regard had to the plan was limited.",
    expect={"text": "regard had to", "absent": True},
)
TAIL_ATTACHED = rule(
    "sense.tail_attached",
    "sense",
    "A gapped phrase ('take the views of X into account') hangs together through no other verb.",
    example="The authority must take steps and bring the records into account.",
    expect={"text": "take", "absent": True},
)
OBJECT_LEMMAS = rule(
    "sense.object_lemmas",
    "sense",
    "'seek' counts only with advice, views, wishes, information, agreement or consent.",
    example="The home should seek to ensure that the child is safe.",
    expect={"text": "seek", "absent": True},
)
CITED_HEADING = rule(
    "sense.cited_heading",
    "sense",
    "A term in the bracketed heading of a cited provision is no occurrence ('In section 15 "
    "(duty to co-operate), omit ...').",
    example="In section 15 of the Play Act 2030 (duty to co-operate with councils), omit "
    "subsection (7).",
    expect={"text": "co-operate", "absent": True},
)
FRONTED_PREP = rule(
    "sense.fronted_prep",
    "sense",
    "A pied-piped preposition needs a relative pronoun ('with whom they work', 'to which it "
    "must have regard').",
    example="With consent, staff work long hours.",
    expect={"text": "With", "absent": True},
)
NOT_IN_ACTIVITY = rule(
    "sense.not_in_activity",
    "sense",
    "'involved / engaged in' an activity, conduct, employment or event is no partnership.",
    example="Some children may be involved in violence outside the home.",
    expect={"text": "involved", "absent": True},
)
HIRED = rule(
    "sense.hired",
    "sense",
    "'engage' meaning take on to work (coordinated with 'employ' or 'appoint', or said of "
    "work for pay) is no partnership.",
    example="The organiser is employed or engaged by a candidate at the election.",
    expect={"text": "engaged", "absent": True},
)
QUOTED = rule(
    "sense.quoted",
    "sense",
    "A term word in quotation marks of its own is a word mentioned (a definition or an "
    "amendment), not used ('a person who is \u201cinvolved\u201d').",
    example="In this section, a reference to a person who is \u201cengaged\u201d by another "
    "person includes a volunteer.",
    expect={"text": "engaged", "absent": True},
)
PARTY_IF_OBJECT = rule(
    "sense.party_if_object",
    "sense",
    "'inform' with a non-party object means shape or guide, not tell ('to inform the plan').",
    example="The results should be used to inform the early help offer.",
    expect={"text": "inform", "absent": True},
)
GERUND_COMPLEMENT = rule(
    "sense.gerund_complement",
    "sense",
    "'involve' completed by a gerund, or by a party doing something, means entail ('a role "
    "that may involve challenging managers', 'neglect may involve a parent failing to').",
    example="It is a role that may involve challenging senior managers and may require the "
    "adviser to seek legal remedies.",
    expect={"text": "involve", "absent": True},
)
OBJECT_PARTY = rule(
    "sense.object_party",
    "sense",
    "'involve' and 'engage' count only with a party as object, passive subject or 'with' "
    "phrase ('the assessment involves a review' means entails).",
    example="The assessment involves a review of the plan.",
    expect={"text": "involves", "absent": True},
)

_PERSONAL = frozenset(
    {"them", "him", "her", "they", "he", "she", "us", "you", "me", "themselves", "who", "whom"}
)
#: What may stand just before a capitalised item verb inside a sentence (``must: Consult``).
_ITEM_MARKS = frozenset({":", ";", "(", ")", "\u2014", "\u2013", "-", "\u2022", "\u00b7", "*"})


def anchor_of(span: Span, anchor_lemma: str | None) -> Token:
    """The token of a match that the parse is read from (the verb of a phrase)."""
    if anchor_lemma:
        for token in span:
            if token.lemma_.lower() == anchor_lemma or token.lower_ == anchor_lemma:
                return token
    return span[0] if len(span) == 1 else span.root


def opens_item(token: Token) -> bool:
    """Whether ``token`` is the first word of a sentence or of a line (after any bullet glyph).

    Guidance readers put each list item on its own line; an item's first word
    is its verb (``consult children, their parents and young people ...``)
    even where the tagger, reading it without a subject, makes it a noun.
    """
    doc = token.doc
    i = token.i
    for _ in range(4):
        if doc[i].is_sent_start or i == 0:
            return True
        before = doc[i - 1]
        if "\n" in before.whitespace_ or (before.is_space and "\n" in before.text):
            return True
        label = _label_start(token.doc, i)
        if label is not None:
            # "(b) engage with them;": a paragraph label opens an item, also inside a run-on
            # sentence after a list step ("...; (b) engage")
            if label == 0 or doc[label - 1].text in _ITEM_MARKS:
                return True
            i = label
            continue
        if not (before.is_space or before.text in BULLET_GLYPHS):
            return False
        i -= 1
    return False


def _label_start(doc: Doc, i: int) -> int | None:
    """Index of a paragraph label ``(b)``, ``(ii)``, ``b)`` or ``(1)`` ending just before ``i``."""
    if i < 2 or doc[i - 1].text != ")":
        return None
    label = doc[i - 2]
    if not (label.is_alpha or label.is_digit) or len(label.text) > 4:
        return None
    if label.is_alpha and not (len(label.text) == 1 or set(label.lower_) <= set("ivxl")):
        return None
    return i - 3 if i >= 3 and doc[i - 3].text == "(" else i - 2


def _item_verb(token: Token) -> bool:
    """A term word opening a list item, read as a noun or modifier (``consult children ...``)."""
    return (
        token.pos_ in ("NOUN", "PROPN", "VERB")
        and token.dep_ not in ("nsubj", "nsubjpass", "poss", "pobj")
        and not any(c.dep_ in ("det", "poss", "case") and not _is_label(c) for c in token.children)
        and (opens_item(token) or _after_lead_in_dash(token))
    )


def _is_label(token: Token) -> bool:
    """The letter of a paragraph label ``(a)`` that the parser made a determiner."""
    doc = token.doc
    return (
        0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"
    )


def _after_lead_in_dash(token: Token) -> bool:
    """``must ensure that staff— work with``: a dash glued to the lead-in's last word."""
    i = token.i
    return (
        i >= 2
        and token.doc[i - 1].text in ("\u2014", "\u2013")
        and token.doc[i - 2].whitespace_ == ""
        and not token.doc[i - 2].is_punct
    )


#: A cited provision right before a bracket: ``section 15``, ``section 2 of the Health Act
#: 2009``, ``Schedule 3``, ``regulation 4(2)`` (or ``4 (2)``), ``paragraph 9 of Schedule 1``,
#: ``section 94A of PPERA`` (an Act by its short form), ``section 3 of that Act``.
_CITATION = re.compile(
    r"\b(?:[Ss]ections?|[Ss]ubsections?|[Rr]egulations?|[Pp]aragraphs?|[Ss]ub-paragraphs?|"
    r"Schedules?|[Aa]rticles?|[Rr]ules?|Part|Chapter)\s+[0-9A-Z]+[0-9A-Za-z]*"
    r"(?:\s?\([0-9A-Za-z]+\))*"
    r"(?:\s+(?:and|to|or)\s+[0-9A-Z]+[0-9A-Za-z]*(?:\s?\([0-9A-Za-z]+\))*)?"
    r"(?:\s+of\s+(?:Schedule\s+[0-9A-Z]+|the\s+[A-Z][^()]{0,100}?\s(?:Act|Regulations|Order|"
    r"Rules|Measure)(?:\s+\(?[A-Za-z]+\)?)?\s+\d{4}|that\s+(?:Act|Order|Measure)|"
    r"the\s+\d{4}\s+(?:Act|Regulations|Order)|(?:the|this)\s+(?:Act|Order|Measure)|"
    r"these\s+(?:Regulations|Rules)|[A-Z]{2,10}))?\s*$"
)


#: First words of a bracket that is a clause or an aside, not a cited provision's heading.
_NOT_HEADING = frozenset(
    {
        "which",
        "that",
        "who",
        "whose",
        "where",
        "when",
        "if",
        "and",
        "or",
        "as",
        "see",
        "but",
        "being",
        "so",
        "unless",
        "including",
        "in",
        "for",
        "whether",
    }
)


def in_cited_heading(token: Token) -> bool:
    """Whether ``token`` stands in the bracketed heading that follows a cited provision
    (``section 15 of the Domestic Abuse Act 2021 (duty to co-operate with ...)``)."""
    text = token.doc.text
    start = max(token.sent.start_char, token.idx - 200)
    opened = text.rfind("(", start, token.idx)
    if opened < 0 or ")" in text[opened : token.idx]:
        return False
    words = text[opened + 1 : token.idx].split()
    if words and words[0].lower().strip(",") in _NOT_HEADING:
        return False  # "section 4 (which requires it to consult ...)": a clause, no heading
    return _CITATION.search(text, max(0, opened - 160), opened) is not None


def in_title(token: Token) -> bool:
    """Whether a capitalised term word is part of a document title, not a verb.

    ``see Working together to safeguard children``: a capitalised gerund
    inside a sentence (not opening it or a list item) names a publication, as
    does a capitalised word followed by a capitalised adverb (``Working
    Together to ...``).
    """
    if not token.is_title:
        return False
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.is_title and nxt.pos_ == "ADV":
        return True  # "Working Together to Safeguard Children" (not "Involving Young People")
    if opens_item(token) or not token.lower_.endswith("ing"):
        return False  # a base form is an item glued to the text before ("... staff Engage parents")
    before = token.nbor(-1)
    return before.text not in _ITEM_MARKS


#: The opening of a dated instrument's title, up to the date (``Commission Implementing
#: Decision (EU) 2015/123 of 12 December 2014``): its title runs on after the date.
_DATED_INSTRUMENT = re.compile(
    r"\b(?:Decision|Regulation|Directive|Recommendation)\b[^.;:()\u2014]{0,40}?"
    r"(?:\([A-Z]{2,3}\)[^.;:()\u2014]{0,30}?)?\bof \d{1,2} [A-Z][a-z]+ \d{4}\b"
)
#: What ends such a title: a bracket (its number), a stop, a semicolon, a colon, a dash, or
#: a modal (a clause of the citing sentence: "... of 3 May 2029, and the board must notify").
_TITLE_END = re.compile(r"[(.;:\u2014]|\b(?:must|shall|should|may|will|can)\b")


def _dated_instrument_title(token: Token) -> bool:
    """A term word in the title of an instrument cited with its date (``Commission Decision
    of 12 December 2014 on notifying a third country ...``), the way European instruments
    are cited: the title runs from the date to a bracket, a stop or a modal (see
    :data:`_TITLE_END`), else to the end of the sentence."""
    sentence = token.sent
    before = token.doc.text[sentence.start_char : token.idx]
    ends = [m.end() for m in _DATED_INSTRUMENT.finditer(before)]
    return bool(ends) and not _TITLE_END.search(before[ends[-1] :])


#: A line of a table of contents: a heading, then its page number (after leader dots).
_CONTENTS_LINE = re.compile(r"^(?P<heading>[^\n]{3,160}?)(?:\s*\.{3,}\s*|\s+)\d{1,3}$")


def _contents_entry(token: Token) -> bool:
    """Whether ``token`` stands in a line of a table of contents (``Working with parents and
    carers 33``): a line of its own that ends in a page number, with no sentence in it."""
    text = token.doc.text
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    line = text[start : end if end >= 0 else len(text)].strip()
    found = _CONTENTS_LINE.match(line)
    if found is None or any(ch in found.group("heading") for ch in ".;:?!"):
        return False
    words = token.doc.char_span(start, end if end >= 0 else len(text), alignment_mode="expand")
    # a heading has no finite verb ("The school must work with parents for 12" is a sentence)
    return words is not None and not any(t.tag_ in ("MD", "VBZ", "VBP", "VBD") for t in words)


#: A web address given in brackets after a cited title (``(farrer.co.uk)``, ``(GOV.UK)``).
_ADDRESS = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:uk|com|org|net|gov|int|eu|io)$", re.I)


def _before_address(token: Token) -> bool:
    """A term inside a cited title: after a colon and before the title's web address in
    brackets, in the same sentence (``can be found in: ...: a guide for organisations which
    work with children (farrer.co.uk)``)."""
    sent = token.sent
    if not any(t.text == ":" for t in token.doc[sent.start : token.i]):
        return False
    for t in token.doc[token.i + 1 : sent.end]:
        if t.text in (":", ";") or t.tag_ == "MD":
            return False
        if (
            _ADDRESS.match(t.text)
            and t.i > 0
            and t.nbor(-1).text == "("
            and t.i + 1 < len(t.doc)
            and t.nbor(1).text == ")"
        ):
            return True
    return False


def _titled(token: Token, titles: tuple[tuple[str, ...], ...], capitalised: bool) -> bool:
    """A capitalised term word opening a known publication title (``cues.jsonl``)."""
    if not capitalised:
        return False
    doc = token.doc
    for words in titles:
        end = token.i + len(words)
        if end <= len(doc) and tuple(t.lower_ for t in doc[token.i : end]) == words:
            return True
    return False


#: Term word forms that are never nouns, whatever the tagger says (it reads ``notifies``
#: after a noun as a plural noun).
_VERB_ONLY = frozenset(
    {
        "notify",
        "notifies",
        "notifying",
        "informs",
        "consults",
        "involves",
        "engages",
        "participates",
        "collaborates",
        "co-operates",
        "cooperates",
        "considers",
        "advises",
        "seeks",
    }
)


def is_verbal(token: Token, *, predicative: bool = False) -> bool:
    """Whether ``token`` is used as a verb (a mis-tagged noun counts when it acts as one).

    A participle after the noun it modifies is a reduced relative, so a verb
    (``everyone involved``, ``the risks involved``), unlike an attributive one
    (``an informed choice``). With ``predicative`` (the term's ``predicative``
    constraint), a participle read as an adjective after *be* is the passive
    (``a young person who is not involved``).
    """
    if _item_verb(token) or _coordinated_verb(token):
        return True
    if token.lower_ in _VERB_ONLY and token.dep_ not in ("amod", "compound"):
        return True  # "if the governing body notifies/NNS the Commission": never a noun
    if _among_adjectives(token):
        return False  # "a calm, considered and appropriate response"
    if token.lower_.endswith("ed") and kept(token) is not None:
        return True  # "is being kept fully informed": keep's complement, whatever its tag
    if token.dep_ == "amod" and token.tag_ == "VBN" and token.head.i < token.i:
        return True  # "everyone involved": the parser's amod for a reduced relative
    if predicative and _predicative(token):
        return True
    if (
        token.dep_ in ("amod", "compound", "nmod", "poss")
        or token.tag_ == "JJ"
        or token.pos_ == "ADJ"
    ):
        return False
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        return True
    if token.pos_ in ("NOUN", "PROPN"):
        verb_children = ("aux", "auxpass", "nsubj", "nsubjpass", "dobj")  # "Engage parents in ..."
        if any(c.dep_ in verb_children for c in token.children):
            return True
        if _after_modal(token):  # "must where appropriate co-operate" read as the modal's object
            return True
        if (  # a list item "Work with you to ..." parsed as a noun phrase
            token.is_sent_start
            and token.is_title
            and token.dep_ == "ROOT"
            and any(c.dep_ == "prep" and c.i == token.i + 1 for c in token.children)
        ):
            return True
        head = token.head
        return (
            token.dep_ == "conj"
            and head != token
            and (
                head.pos_ == "VERB"
                or head.tag_.startswith("VB")
                # "must publish proposals, inform/NN and consult/NN": a conjunct of a verb
                # the tagger also made a noun
                or (head.pos_ == "NOUN" and head.i < token.i and is_verbal(head))
            )
        )
    return False


def _among_adjectives(token: Token) -> bool:
    """A bare participle coordinated with adjectives before a noun (``a calm, considered and
    appropriate response``): an adjective itself, whatever the parser made of it."""
    if token.tag_ != "VBN" or any(
        c.dep_ in ("aux", "auxpass", "agent", "dobj", "prep") for c in token.children
    ):
        return False
    members = [*(c for c in token.children if c.dep_ == "conj"), token.head]
    adjectives = [m for m in members if m.tag_ == "JJ" or m.dep_ == "amod"]
    if not adjectives:
        return False
    end = max(token.i, *(m.i for m in adjectives))
    after = token.doc[end + 1] if end + 1 < len(token.doc) else None
    return after is not None and after.pos_ in ("NOUN", "PROPN") and after.i > token.i


#: Words that may stand between a modal and its verb (``must, where appropriate, co-operate``).
_BETWEEN_MODAL_AND_VERB = frozenset({"ADV", "SCONJ", "ADJ", "PUNCT", "PART"})


def _after_modal(token: Token) -> bool:
    """A word right after a modal, or after a modal and a short adverbial (``where
    appropriate``, ``, so far as practicable,``): a verb, whatever its tag."""
    doc = token.doc
    for i in range(token.i - 1, max(token.sent.start, token.i - 8) - 1, -1):
        word = doc[i]
        if word.tag_ == "MD":
            return True
        if word.pos_ not in _BETWEEN_MODAL_AND_VERB or word.lower_ in ("and", "or"):
            return False
    return False


def _predicative(token: Token) -> bool:
    """A participle tagged as an adjective complement of *be* (``who is not involved``) or
    another copula (``to become involved``)."""
    return (
        token.tag_ == "JJ"
        and token.lower_.endswith("ed")
        and token.dep_ == "acomp"
        and token.head.lemma_.lower() in _COPULAS
    )


#: Copulas a passive participle may follow (``become involved``, ``get involved``).
_COPULAS = frozenset({"be", "become", "get"})
#: What follows a verb read as a noun after ``and`` when it takes an object or a list.
_OBJECT_STARTS = frozenset({"DET", "PROPN", "PRON"})
#: Words after which a bare term word is a verb with no object (``and consult when ...``,
#: ``and co-operate with``).
_VERB_FOLLOWERS = frozenset({"when", "where", "before", "if", "with", "on", "about"})


def _coordinated_verb(token: Token) -> bool:
    """A verb after ``and``/``or`` that the tagger made a noun coordinated with an object.

    ``must involve the child and notify— HMCI; ...``: *notify* comes out as a
    noun conjunct of *child*. A bare noun (no determiner, possessive or
    modifier of its own) right after the conjunction, itself directly followed
    by a determiner, a name, a pronoun or a list dash, is a verb taking an
    object (a noun is not followed by another noun phrase's determiner); one
    followed by a clause opener or its own preposition (``and consult when
    determining``, ``and co-operate with``) is a verb with none.
    """
    if (
        token.pos_ != "NOUN"
        or token.dep_ != "conj"
        or token.i == 0
        or token.i + 1 >= len(token.doc)
    ):
        return False
    if token.nbor(-1).lower_ not in ("and", "or"):
        return False
    if any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in token.children):
        return False
    after = token.nbor(1)
    return (
        (after.pos_ in _OBJECT_STARTS and after.tag_ != "WDT")
        or after.text in ("\u2014", "\u2013", ":")
        # "must take into account general considerations and consult when determining"
        or after.lower_ in _VERB_FOLLOWERS
    )


def _object_heads(anchor: Token, reader: Reader, preps: frozenset[str]) -> list[Token]:
    """The object (or passive subject) of ``anchor``, and objects of ``preps`` phrases.

    A prepositional phrase of a following conjunct is shared when the anchor
    has none (``engage or work productively with them``).
    """
    passive = voice(anchor, reader.cues).value == "passive"
    heads = (
        reader.recipients.passive_subjects(anchor) if passive else reader.recipients.objects(anchor)
    )
    if passive and not heads:
        heads = passive_holders(anchor)
    if passive:  # "The wishes of the child, the carer and, where appropriate, the parents
        # should be sought": the subject the parser left unattached before the verb
        heads += [
            o
            for c in anchor.children
            if c.dep_ == "dep" and c.i < anchor.i and c.pos_ == "NOUN"
            for o in conjuncts(c)
        ]
    holders = [anchor]
    if not any(c.dep_ == "prep" and c.lower_ in preps for c in anchor.children):
        holders += [c for c in anchor.children if c.dep_ == "conj"]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                heads += [o for obj in child.children if obj.dep_ == "pobj" for o in conjuncts(obj)]
    return heads


def _tail_attached(span: Span, anchor: Token) -> bool:
    """Whether the span's last word hangs off ``anchor`` through no other verb.

    ``take the views of the child and the carers into account`` hangs
    together; in ``take steps and bring the records into account`` the tail
    belongs to *bring*. A participle or relative clause inside the anchor's
    object is no other verb: the parser may hang the tail on it (``taken any
    representations made by the person into account``).
    """
    token = span[-1]
    for _ in range(_MAX_CHAIN):
        if token == anchor:
            return True
        if token.head == token or (
            token != span[-1]
            and token.pos_ in ("VERB", "AUX")
            and not (token.dep_ in ("acl", "relcl") and anchor.is_ancestor(token))
        ):
            return False
        token = token.head
    return False


def check(span: Span, anchor: Token, constraint: Mapping[str, Any], reader: Reader) -> Rule | None:
    """``None`` when the match is an occurrence, else the sense rule that rejects it."""
    if (
        constraint.get("verbal")
        and not is_verbal(anchor, predicative=bool(constraint.get("predicative")))
        and not (imperative_compound(anchor) and reader.parties.party(anchor.head) is not None)
    ) or (constraint.get("verbal") and _working_noun(anchor, reader)):
        return VERBAL
    # a composed clause lower-cases its item's first word: read the title's case in the unit
    shown = reader.parties.in_unit(anchor) or anchor
    if constraint.get("verbal") and (
        in_title(anchor)
        or _titled(anchor, reader.cues.titles, shown.is_title)
        or _before_address(anchor)
        or _contents_entry(anchor)
        or _dated_instrument_title(anchor)
    ):
        return TITLE
    if in_cited_heading(anchor):
        return CITED_HEADING
    if _quoted(span):
        return QUOTED
    if constraint.get("nominal") and (
        anchor.pos_ in ("VERB", "AUX") or anchor.tag_.startswith("VB")
    ):
        return NOMINAL
    if (
        constraint.get("no_reduced_relative")
        and anchor.dep_ in ("acl", "amod")
        and not any(c.dep_ in ("aux", "auxpass") for c in anchor.children)
    ):
        return NO_REDUCED_RELATIVE
    if constraint.get("tail_attached") and not _tail_attached(span, anchor):
        return TAIL_ATTACHED
    lemmas = constraint.get("object_lemmas")
    if lemmas:
        heads = _object_heads(anchor, reader, frozenset())
        if not any(h.lemma_.lower() in lemmas for h in heads) and not any(
            h.lemma_.lower() in lemmas for h in hidden_objects(anchor)
        ):
            return OBJECT_LEMMAS
    fronted = constraint.get("fronted_prep")
    if fronted and not any(
        c.dep_ == "prep"
        and c.lower_ == fronted
        and c.i < anchor.i
        and c.i + 1 < anchor.i
        and c.nbor(1).tag_ in ("WP", "WDT")
        for word in (anchor, *span)  # also on the noun of the phrase ("to which X had regard")
        for c in word.children
    ):
        return FRONTED_PREP  # a relative pronoun only ("with whom they work", not "With consent")
    if constraint.get("not_in_activity") and _in_activity(anchor, reader):
        return NOT_IN_ACTIVITY  # "children involved in violence", "engaged in employment"
    if constraint.get("not_hired") and _hired(anchor):
        return HIRED  # "employed or engaged by a candidate", "engaged otherwise than for payment"
    if constraint.get("party_if_object"):
        heads = _object_heads(anchor, reader, frozenset())
        if (
            heads
            and not any(_names_party(h, reader) for h in heads)
            and not _person_like(heads[0], reader)
            and not _tells(anchor)
        ):
            return PARTY_IF_OBJECT  # "to inform their early help offer", "informed by evidence"
        if not heads and (_wh_complement(anchor) or _gerund_complement(anchor)):
            return PARTY_IF_OBJECT  # "a framework which informs how it inspects", "informs
            # planning for the inspection"
    if constraint.get("no_gerund_complement") and _gerund_complement(anchor):
        return GERUND_COMPLEMENT  # "may involve challenging senior managers"
    if constraint.get("object_party"):
        heads = _object_heads(anchor, reader, frozenset({"with"}))
        heads += next_noun(anchor)
        if not heads:  # "any person whom the carer asks the authority to involve"
            heads = reader.recipients.object_gap(anchor)
        if not any(_names_party(h, reader) for h in heads):
            # "involve, so far as ..., the child" (the items of a list under the term are its
            # objects in the clauses they complete: nlp.context.compose)
            heads = hidden_objects(anchor)
            if not any(_names_party(h, reader) for h in heads):
                return OBJECT_PARTY
    return None


#: What one is told of (``inform the body of its right``), where the parse hung the ``of``
#: phrase on the object: a fact, not a thing the verb would shape.
_TOLD = frozenset(
    {
        "right", "decision", "reason", "outcome", "result", "date", "fact", "proposal",
        "intention", "change", "detail", "effect", "consequence", "determination", "finding",
        "receipt", "identity", "existence", "availability", "progress", "action",
    }
)  # fmt: skip


def _tells(anchor: Token) -> bool:
    """``inform the subgroup that ...``, ``informed of the decision``: the telling sense,
    whatever the object (a that-clause or an ``of``/``about`` phrase of what is told, also
    one the parse hung on the object: ``inform the body of its right``)."""
    if any(
        (c.dep_ == "ccomp" and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children))
        or (c.dep_ == "prep" and c.lower_ in ("of", "about"))
        for c in anchor.children
    ):
        return True
    return any(
        obj.dep_ == "dobj" and told.lemma_.lower() in _TOLD
        for obj in anchor.children
        for told in prep_objects(obj, frozenset({"of", "about"}))
    )


def _wh_complement(anchor: Token) -> bool:
    """An active verb whose only complement is a wh-clause (``informs how it inspects``)."""
    return any(
        c.dep_ == "ccomp"
        and c.i > anchor.i
        and anchor.doc[c.left_edge.i].tag_ in ("WRB", "WP", "WDT")
        and c.left_edge.lower_ != "that"
        for c in anchor.children
    ) and not any(c.dep_ in ("nsubjpass", "auxpass") for c in anchor.children)


def _gerund_complement(anchor: Token) -> bool:
    """The verb's first complement is a gerund (``involves working with``, ``may involve
    challenging managers``) or a party doing something (``neglect may involve a parent
    failing to ...``, ``this will involve a local authority making plans``): what the
    subject entails, not a party brought in."""
    for child in anchor.children:
        if child.i > anchor.i and child.dep_ in ("xcomp", "ccomp", "dobj", "csubj"):
            if child.tag_ == "VBG":
                return not any(c.dep_ in ("det", "poss") for c in child.children)
            doing = [c for c in child.children if c.dep_ == "acl" and c.i > child.i]
            return any(c.tag_ == "VBG" for c in doing)
    return False


#: Events and situations that involve their participants (``missing episodes involving
#: children``); a party involved *in* one is still involved (``the professionals involved in
#: the episode``).
_EVENTS = frozenset(
    {
        "episode",
        "case",
        "situation",
        "event",
        "occasion",
        "dispute",
        "separation",
        "restraint",
        "complaint",
    }
)


def _in_activity(anchor: Token, reader: Reader) -> bool:
    """``involved in violence``, ``engaged in regulated activity``: the ``in`` phrase names an
    activity, conduct, employment or event (``cues.jsonl``), and no party is worked with
    (``engage in sexual activity with a third party`` is conduct whoever it is with).
    ``abuse involving children``, ``incidents involving pupils``, ``the allegation involves
    a carer``: an activity or event that involves a party concerns it."""
    activities = reader.cues.activities
    if anchor.dep_ in ("acl", "relcl") and any(
        head.lemma_.lower() in activities | _EVENTS for head in conjuncts(anchor.head)
    ):  # "reports of abuse involving children with SEND", "concerns or allegations involving"
        return True
    if anchor.lemma_ == "involve" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in activities | _EVENTS for c in anchor.children
    ):  # "if the allegation involves senior staff": the event concerns them
        return True
    after = _after_aside(anchor)
    if (
        after is not None
        and after.lower_ == "in"
        and after.head != anchor
        and any(o.lemma_.lower() in activities for c in after.children for o in conjuncts(c))
    ):  # "children involved (including victims ...) in sexual violence": the parser hung
        # the phrase after the aside elsewhere
        return True
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for obj in child.children:
                found = [
                    o
                    for o in conjuncts(obj)
                    if obj.dep_ in ("pobj", "pcomp")
                    and o.lemma_.lower() in activities
                    # "involved in their child's education": a process about the child
                    and not any(
                        c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in o.children
                    )
                ]
                if not found:
                    continue
                if any(c.lower_ in _CONDUCT for o in found for c in (o, *o.children)):
                    return True
                return not any(
                    c.dep_ == "prep" and c.lower_ == "with" for c in anchor.children
                ) and not reader.recipients.objects(anchor)
    return False


#: Words that make ``working`` after them a noun: ``partnership working``, ``joint working``.
_WORKING_NOUN_BEFORE = frozenset({"partnership", "agency", "sector", "practice", "system"})


def _working_noun(anchor: Token, reader: Reader) -> bool:
    """``working`` as a noun after an adjective or a noun of kind (``joint partnership
    working with families``, ``multi-agency working``), not a participle after the party
    that works (``staff working with children``)."""
    if anchor.lower_ != "working" or anchor.i == 0:
        return False
    before = anchor.nbor(-1)
    if before.lower_ in _WORKING_NOUN_BEFORE:  # a bare noun of kind, not "the agency working"
        return not any(c.dep_ in ("det", "poss") for c in before.children)
    return before.tag_ == "JJ" and reader.parties.party(before) is None


#: Verbs of taking someone on to work: ``employed or engaged by``.
_HIRING = frozenset({"employ", "appoint", "hire", "recruit", "retain", "contract", "second"})
#: What work is done for when ``engaged`` means hired: ``otherwise than for payment``.
_PAY = frozenset({"payment", "pay", "remuneration", "reward", "wage", "salary", "fee"})
_OPENING_QUOTES = frozenset({"\u201c", "\u2018", '"', "'"})
_CLOSING_QUOTES = frozenset({"\u201d", "\u2019", '"', "'"})


def _hired(anchor: Token) -> bool:
    """``engaged`` meaning taken on to work: coordinated with a verb of hiring (``employed
    or engaged by the council``), or said of work done for pay (``engaged otherwise than
    for payment``)."""
    coordinated = [*anchor.conjuncts]
    if any(c.lemma_.lower() in _HIRING for c in coordinated):
        return True
    return any(
        t.dep_ == "pobj" and t.head.lower_ == "for" and t.lemma_.lower() in _PAY
        for t in anchor.subtree
    )


def _quoted(span: Span) -> bool:
    """Whether the term's words stand alone in quotation marks (``who is \u201cengaged\u201d
    by``)."""
    doc = span.doc
    return (
        span.start > 0
        and span.end < len(doc)
        and doc[span.start - 1].text in _OPENING_QUOTES
        and doc[span.end].text in _CLOSING_QUOTES
    )


def _after_aside(anchor: Token) -> Token | None:
    """The word after a parenthesised aside that directly follows ``anchor``, if any."""
    doc = anchor.doc
    if anchor.i + 1 >= len(doc) or doc[anchor.i + 1].text != "(":
        return None
    depth = 0
    for i in range(anchor.i + 1, min(len(doc), anchor.i + 40)):
        depth += {"(": 1, ")": -1}.get(doc[i].text, 0)
        if depth == 0:
            return doc[i + 1] if i + 1 < len(doc) else None
    return None


#: Words of conduct no partner makes partnership of (``sexual activity with a third party``).
_CONDUCT = frozenset(
    {"sexual", "criminal", "abuse", "crime", "violence", "exploitation", "harassment", "offending"}
)


def _person_like(token: Token, reader: Reader) -> bool:
    """A noun that may name someone the lexicon does not know: a proper name, an agent noun,
    a body's acronym (``inform the CMA``, which the parse may tag a common noun; not one a
    party owns, ``the child's PEP``, which is a thing)."""
    return (
        token.pos_ == "PROPN"
        or reader.parties.agent_noun(token) is not None
        or (
            reader.parties.named(token) is not None
            and not any(c.dep_ == "poss" for c in token.children)
        )
    )


def _names_party(token: Token, reader: Reader) -> bool:
    """A party, a personal pronoun (``them``, ``who to involve``) or ``each other``."""
    return token.lower_ in _PERSONAL or reciprocal(token) or reader.parties.party(token) is not None
