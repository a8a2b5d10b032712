"""Noun phrases read as parties: canonical group, pronoun class, text, and the rule that read it.

:class:`Parties` reads the parties of one parsed ``Doc``.
:meth:`Parties.party` gives the canonical group of the noun phrase headed by
a token: the longest alias of ``actors.jsonl`` that covers the head (``the
governing body of a school`` is ``education``, ``the child's parent`` is
``parent``); a relative pronoun stands for the noun its clause modifies; a
personal pronoun for its antecedent (:meth:`Parties.antecedent`); expletive
*it* (``it is essential that``, ``where it considers it appropriate``) names
nobody. :meth:`Parties.parties` reads every group a phrase names: the
members of a coordinated antecedent of *they/their*, and the coordinated
modifiers of a head (``health and education professionals`` names health and
education; ``health and social care professionals`` is health first). Bare
*staff* take the group of the institution named nearest in the unit (a
school: education; a home or another body: professional, not counting
partners such as the local authority), else the workplace the document gives
its staff (:class:`~textmine.nlp.context.document.DocumentContext`), else
education. ``family members``, ``a list of people`` name the group of their
modifier or of-object; an alias may run on past the parse (``the person with
parental responsibility``).

Antecedents. :meth:`Parties.antecedent` reads, in order: for a subject
pronoun, the subject it continues (of its own conditional frame, of the verb
it is coordinated with, of the main clause before it, also across a
semicolon); the subject of the clause that governs the pronoun's clause; the
nearest subjects before it in its sentence; the subjects of the sentences
before it in the unit (a section, a regulation, a numbered paragraph),
nearest sentence first and main-clause subjects first; then the nearest
nouns (in the sentences before, the objects of main-clause verbs first). A
candidate must agree with the pronoun (``cues.jsonl``: plural, person,
body; a subject *they* may stand for a single body, as British English lets
``the local authority ... they`` agree); an object pronoun, or the owner of the
views-noun object (``should take into account their wishes``), never stands
for whoever does its own verb, and a subject pronoun never for the body its
own verb's object names (``explain that they must notify the agency``). In a
clause composed from a list item (:mod:`textmine.nlp.context.compose`) a
pronoun with no antecedent inside the clause is read in the unit it was
composed from.

Each way of reading is a rule of :mod:`textmine.nlp.rules.registry`
(``party.alias``, ``party.pronoun`` ...), kept on the :class:`Party`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from textmine.nlp.context.compose import Composition
from textmine.nlp.context.document import (
    COLLECTIVE_HEADS,
    GENERIC_GROUPS,
    PARTNERS,
    DocumentContext,
    singular,
)
from textmine.nlp.grammar.clauses import is_expletive, parenthesised_conjunct, role_holder
from textmine.nlp.grammar.deps import SUBJECTS, has_modal
from textmine.nlp.grammar.syntax import conjuncts, coordination_head, prep_objects, relative_head
from textmine.nlp.lexicon import Cues, Lexicon
from textmine.nlp.rules.registry import Rule, rule

__all__ = [
    "ANTECEDENT_WINDOW",
    "GENERIC_GROUPS",
    "NOT_BODIES",
    "Parties",
    "Party",
    "PartyMatcher",
    "names_no_body",
]

#: How far back (in tokens) a pronoun's antecedent is looked for: earlier subsections of a
#: section are in reach.
ANTECEDENT_WINDOW = 400
#: Longest walk from a pronoun's verb through coordination.
_MAX_CHAIN = 12

ALIAS = rule(
    "party.alias",
    "party",
    "The noun phrase matches an alias of the actor lexicon (the longest that covers its head; "
    "not a word of an instrument's name: 'the Children Act 1989').",
    example="The governing body of the school must consult parents.",
    expect={"text": "consult", "actor": "education"},
)
RELATIVE = rule(
    "party.relative",
    "party",
    "A relative pronoun stands for the noun its clause modifies.",
    example="A governing body that intends to inform parents must publish a notice.",
    expect={"text": "inform", "actor": "education"},
)
PRONOUN = rule(
    "party.pronoun",
    "party",
    "A personal pronoun stands for its antecedent (the subject it continues, earlier "
    "subjects of the unit, then nouns).",
    example="The local authority must keep the plan under review. It must consult the parent.",
    expect={"text": "consult", "actor": "local_authority"},
    doubt="pronoun",
)
DISCRETION = rule(
    "party.discretion_holder",
    "party",
    "The pronoun of 'such ... as they consider appropriate' stands for the holder of the duty "
    "or power: the subject of the nearest clause above with a modal.",
    example="The authority shall secure that every governor is provided with such information "
    "as they consider appropriate.",
    expect={"text": "consider", "actor": "local_authority"},
)
NAMED = rule(
    "party.named",
    "party",
    "A proper name the lexicon does not know is some other party, also when a pronoun or "
    "'each of' stands for it ('The Institute may, if it considers it appropriate, ...').",
    example="Barnardo's must consult the parent.",
    expect={"text": "consult", "actor": "other"},
)
FORMER_LATTER = rule(
    "party.former_latter",
    "party",
    "'the former' / 'the latter' stands for the first or second of two coordinated parties.",
    example="Schools and local authorities have duties; the former must consult parents.",
    expect={"text": "consult", "actor": "education"},
)
MEMBERS = rule(
    "party.members",
    "party",
    "A quantity or membership noun names the party of its of-object or modifier "
    "('each of its partners', 'family members').",
    example="Family members should be able to consult the social worker.",
    expect={"text": "consult", "actor": "parent"},
)
TEAM_MEMBER = rule(
    "party.team_member",
    "party",
    "In a document that tells where its staff work (its workplace, or the institution a policy "
    "calls itself by), a team or staff member is one of those staff.",
    example="Our setting welcomes all families. The setting is open all year. The setting "
    "has a garden. The setting has a kitchen. The setting has a library. A team member will "
    "inform the parents.",
    expect={"text": "inform", "actor": "education"},
)
MODIFIER = rule(
    "party.modifier",
    "party",
    "A generic head names the groups of its coordinated modifiers ('health and education "
    "professionals'), or the body its modifier names ('local authority staff').",
    example="Health and education professionals must work with the family.",
    expect={"text": "work with", "actor": "health"},
)
PLACE = rule(
    "party.place",
    "party",
    "A generic noun takes the specific party of its place phrase ('everyone in the school') or "
    "of the body that possesses it ('the local authority's complaints manager').",
    example="Everyone in the school must work with the virtual school head.",
    expect={"text": "work with", "actor": "education"},
)
SHORT_FORM = rule(
    "party.short_form",
    "party",
    "A bare definite noun takes the group of its earlier mention in full ('the personal "
    "adviser ... the adviser').",
    example="The personal adviser meets the young person. The adviser must consult the carers.",
    expect={"text": "consult", "actor": "professional"},
)
DOCUMENT_NAME = rule(
    "party.document_name",
    "party",
    "A bare name of a kind of body ('agencies', 'the agency') means the bodies the document "
    "names in full with that word, when at least five full names with it are mostly of one "
    "group ('adoption agencies' in adoption guidance).",
    example="Adoption agencies must consult the parents. Adoption agencies must notify the "
    "parents. Adoption agencies must inform the parents. Adoption agencies must advise the "
    "parents. Adoption agencies must consider the parents' views. Agencies should involve the "
    "parents.",
    expect={"text": "involve", "actor": "other"},
)
APPOSITION = rule(
    "party.apposition",
    "party",
    "A generic party noun takes the specific party its apposition names ('the work "
    "experience provider, e.g. a school').",
    example="The placement provider, e.g. a school, should consider whether a check is needed "
    "and inform the parents.",
    expect={"text": "inform", "actor": "education"},
)
READER = rule(
    "party.reader",
    "party",
    "In a document, 'you' is its reader: the party its audience statement names, and no "
    "party where it names none (the bundled 'you' is a young person in single sentences "
    "only).",
    example="This guidance is for schools in England. You must consult parents about the plan.",
    expect={"text": "consult", "actor": "education"},
    kind="guidance",
)
AUTHOR = rule(
    "party.author",
    "party",
    "In a document, 'we' is its author where the publishers it names are nearly all one (at "
    "least ten names, four in five of one group: Ofsted in an inspection framework), and no "
    "party where they are not (the bundled 'we' is a local authority in single sentences "
    "only).",
    example="Ofsted inspects homes. Ofsted reports. Ofsted registers. Ofsted visits. Ofsted "
    "acts. Ofsted decides. Ofsted publishes. Ofsted reviews. Ofsted checks. Ofsted writes. We "
    "will consult the registered person.",
    expect={"text": "consult", "actor": "other"},
)
EMPLOYEE = rule(
    "party.employee",
    "party",
    "In a document that tells where its staff work (its workplace, or the institution a policy "
    "calls itself by), employees named by no employer are those staff.",
    example="Our setting welcomes all families. The setting is open all year. The setting "
    "has a garden. The setting has a kitchen. The setting has a library. Every employee must "
    "co-operate with the manager.",
    expect={"text": "co-operate", "actor": "education"},
)
EMPLOYER = rule(
    "party.employer",
    "party",
    "A bare 'employer' in a document whose staff work in schools and colleges is the school "
    "or college (education), as the staff are.",
    example="Schools must keep staff safe. Schools and colleges should train staff. Schools "
    "should support staff. A school should vet staff. Colleges should supervise staff. "
    "Employers should inform the individual as soon as possible.",
    expect={"text": "inform", "actor": "education"},
)
STAFF_PLACED = rule(
    "party.staff_placed",
    "party",
    "Bare 'staff' are the staff of the institution named nearest in the unit (a school: "
    "education; a home or another body: professional).",
    example="In a children's home, staff must involve the child in decisions.",
    expect={"text": "involve", "actor": "professional"},
)
STAFF_UNPLACED = rule(
    "party.staff_unplaced",
    "party",
    "Bare 'staff' with no institution in reach are the document's staff (its workplace), "
    "else school staff.",
    example="Staff must consult the parents.",
    expect={"text": "consult", "actor": "education"},
    doubt="fallback",
)
ABBREVIATION = rule(
    "party.abbreviation",
    "party",
    "A short form the document defines in brackets after a party's full name ('Lead "
    "Safeguarding Partner (LSP)'), or a label a provision gives a party in quotes ('a "
    "licensing authority (\u201cLA1\u201d)'), names that party wherever it stands alone.",
    example="Each Local Safeguarding Partner (LSP) leads the arrangements. The LSPs should "
    "consult the schools.",
    expect={"text": "consult", "actor": "professional"},
)
PARTY_NOUN = rule(
    "party.party_noun",
    "party",
    "A noun of a person or body the aliases do not know ('the committee') is some party.",
    example="The supervisor must notify the court.",
    expect={"text": "notify", "actor": "other"},
)
DEFINITE = rule(
    "party.definite_description",
    "party",
    "'the authority', 'the body' with no words of its own names the party of the fuller "
    "mention before it in the unit ('a specified authority ... the authority').",
    example="If a specified authority asks for help, the authority must co-operate with the "
    "school.",
    expect={"text": "co-operate", "actor": "other"},
)
MODIFIED_AUTHORITY = rule(
    "party.modified_authority",
    "party",
    "An authority named by a modifier the lexicon has no alias for ('the appropriate "
    "authority') is some other body in a document that speaks of such authorities far more "
    "than of local government (a regulator's Act, service police rules).",
    example="(1) The appropriate authority must record the complaint. (2) The appropriate "
    "authority must notify the complainant. (3) The appropriate authority must consult the "
    "Commissioner.",
    expect={"text": "consult", "actor": "other"},
    kind="si",
)
MINISTER_TITLE = rule(
    "party.minister_title",
    "party",
    "A word of the department a minister's title names ('the Secretary of State for "
    "Levelling Up, Housing and Communities', read by the parse as its own subject) stands "
    "for the minister.",
    example="The data must be sent in such form as the Secretary of State for Levelling Up, "
    "Housing and Communities may have notified to the officer.",
    expect={"text": "notified", "actor": "secretary_of_state"},
)
DEFINED = rule(
    "party.defined",
    "party",
    "A collective party term the document defines ('the \u201crelevant authorities\u201d are— "
    "(a) the local policing body, ...') names the group of the first party its definition "
    "lists (not partners: partners of several groups are professionals).",
    example="In this section the \u201crelevant authorities\u201d are— (a) the chief officer "
    "of police, and (b) the local authority. The relevant authorities must consult the school.",
    expect={"text": "consult", "actor": "other"},
)
LETTER = rule(
    "party.letter",
    "party",
    "A person a provision names by a capital letter ('P renews consent by informing K') "
    "is some party (the party a document's bracketed definition gives, where it gives one).",
    example="P may at any time notify K that P withdraws consent.",
    expect={"text": "notify", "actor": "other"},
)
CONJUNCT = rule(
    "party.conjunct",
    "party",
    "A generic party noun coordinated with a named party is read as that party ('the group "
    "or trust': a clinical commissioning group or NHS trust).",
    example="The group or trust must co-operate with the local authority.",
    expect={"text": "co-operate", "actor": "health"},
)
OF_INSTITUTION = rule(
    "party.of_institution",
    "party",
    "A committee, board, team, staff or officer of a named institution, or its meeting, takes "
    "the institution's group, the narrowest that fits the role ('the management committee of "
    "each pupil referral unit': education; 'a meeting of the governing body').",
    example="The management committee of each pupil referral unit must consult the parent.",
    expect={"text": "consult", "actor": "education"},
)
AGENT_NOUN = rule(
    "party.agent_noun",
    "party",
    "A subject noun read as a person by its ending ('the employer', 'a clinician').",
    example="The examiner must consult the parent.",
    expect={"text": "consult", "actor": "other"},
)

#: How many words after a head an alias may run on the surface (``person with parental
#: responsibility``), whatever the parser attached them to.
_ALIAS_TAIL = 4
#: Words that open such a run-on (``with parental responsibility``, ``who have ...``).
_TAIL_OPENERS = frozenset({"with", "who"})
_NP_RIGHT = frozenset({"compound", "flat", "nmod", "case", "nummod"})
_NP_RIGHT_PREPS = frozenset({"of", "with", "for"})
_PLACE_PREPS = frozenset({"in", "within", "at", "across"})
_QUANTIFIERS = frozenset(
    {
        "each",
        "any",
        "all",
        "one",
        "some",
        "none",
        "either",
        "both",
        "member",
        "members",
        "majority",
        "many",
        "most",
        "several",
        "few",
        "number",
        "list",  # "notify a specified list of people"
        "range",
        "variety",
        "set",  # "a different set of carers"
        "group",  # "a group of local authorities"
        "groups",
        "consortium",  # "a consortium of schools"
    }
)
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: Words for the people who work in an institution (see :meth:`PartyReader._workplace`).
_STAFF = frozenset({"staff"})
#: Words for the staff as a body whose members a policy names (``a team member``).
_TEAMS = frozenset({"staff", "team"})
#: The first person plural: the document's author (see :data:`AUTHOR`).
_FIRST_PLURAL = frozenset({"we", "us", "our", "ourselves"})
#: The second person: a document's reader (see :data:`READER`).
_SECOND_PERSON = frozenset({"you", "your", "yourself", "yourselves"})
#: Who employs the staff (see :data:`EMPLOYER`).
_EMPLOYERS = frozenset({"employer", "employers"})
#: The staff by their employment (see :data:`EMPLOYEE`).
_EMPLOYEES = frozenset({"employee"})
#: Heads that name an authority of their own kind, which a modifier does not make another's
#: (``the education authority`` is a local authority, not a school's; but ``a local
#: authority adoption agency`` is the authority's).
_BODIES = frozenset({"authority", "authorities"})
#: Determiners that make an object another one of its kind (``notify another agency``).
_OTHER_ONE = frozenset({"another", "other", "each", "every", "any"})
#: Verbs of discretion in ``such ... as they consider appropriate``, ``as it thinks fit``.
_DISCRETION = frozenset({"consider", "think", "deem", "determine", "see", "judge"})
#: Groups of bodies whose staff or services a modifier may name (``local authority staff``).
_INSTITUTIONS = frozenset({"local_authority", "education", "health", "social_care"})


@dataclass(frozen=True)
class Party:
    """A noun phrase read as a party: its group, pronoun class, text and the rule that read it."""

    group: str
    refer: str
    text: str
    plural: bool
    rule: Rule


def _words(token_pattern: dict[str, object]) -> list[str]:
    """The lower-case words a token pattern (``{"LOWER": ...}``) accepts."""
    value = token_pattern.get("LOWER")
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and isinstance(value.get("IN"), list):
        return [str(word) for word in value["IN"]]
    return []


#: Most spellings one alias pattern is spelt out into (see :func:`_spellings`).
_MAX_SPELLINGS = 256


def _spellings(pattern: list[dict[str, Any]]) -> list[list[tuple[str, str]]] | None:
    """Every fixed ``(attribute, word)`` sequence an alias pattern matches, or ``None`` when
    it is not made of ``LOWER``/``ORTH`` words (plain, ``IN`` sets, optional ``?``) or
    spells out into more than :data:`_MAX_SPELLINGS` sequences."""
    options: list[list[tuple[str, str] | None]] = []
    for token in pattern:
        keys = set(token) - {"OP"}
        if len(keys) != 1 or token.get("OP", "1") not in ("1", "?"):
            return None
        (attr,) = keys
        value = token[attr]
        if attr not in ("LOWER", "ORTH"):
            return None
        if isinstance(value, str):
            words = [value]
        elif isinstance(value, dict) and set(value) == {"IN"}:
            words = [str(w) for w in dict.fromkeys(value["IN"])]
        else:
            return None
        choice: list[tuple[str, str] | None] = [(attr, w) for w in words]
        if token.get("OP") == "?":
            choice.append(None)
        options.append(choice)
    spelt: list[list[tuple[str, str]]] = []
    for combo in itertools.product(*options):
        sequence = [w for w in combo if w is not None]
        if sequence:
            spelt.append(sequence)
        if len(spelt) > _MAX_SPELLINGS:
            return None
    return spelt


class AliasMatcher:
    """The alias patterns as phrase lists where they can be, else as token patterns.

    Called like spaCy's :class:`~spacy.matcher.Matcher` (on a ``Doc`` or a
    ``Span``, giving ``(match_id, start, end)``), with the same matches; a
    :class:`~spacy.matcher.PhraseMatcher` looks each token up once instead of
    trying every pattern at every token, which made reading a document's
    parties the slowest step of tagging.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.orth = PhraseMatcher(vocab, attr="ORTH")
        self.tokens = Matcher(vocab, validate=True)
        #: match id -> order of declaration: of two aliases over the same words, the one
        #: declared later comes first (a user lexicon's line over a bundled one)
        self._order: dict[int, int] = {}

    def add(self, key: str, pattern: list[dict[str, Any]]) -> None:
        self._order[self.vocab.strings.add(key)] = len(self._order)
        spelt = _spellings(pattern)
        if spelt is None:
            self.tokens.add(key, [pattern])
            return
        for words in spelt:
            # a word with no case ("'s") reads the same in ORTH and LOWER
            if all(attr == "LOWER" or word == word.lower() for attr, word in words):
                phrase = Doc(self.vocab, words=[word for _, word in words])
                self.lower.add(key, [phrase])
            elif all(attr == "ORTH" for attr, _ in words):
                self.orth.add(key, [Doc(self.vocab, words=[word for _, word in words])])
            else:
                self.tokens.add(key, [[{attr: word} for attr, word in words]])

    def __call__(self, doclike: Doc | Span) -> list[tuple[int, int, int]]:
        # the phrase matchers give a Span's matches in Doc positions, the Matcher in the Span's
        shift = doclike.start if isinstance(doclike, Span) else 0
        found = {(m, s - shift, e - shift) for m, s, e in self.lower(doclike)}
        found |= {(m, s - shift, e - shift) for m, s, e in self.orth(doclike)}
        if len(self.tokens):
            found |= set(self.tokens(doclike))
        return sorted(found, key=lambda m: (m[1], m[2], -self._order.get(m[0], 0), m[0]))


class PartyMatcher:
    """The compiled alias patterns of ``actors.jsonl`` (built once per pipeline)."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon) -> None:
        self.matcher = AliasMatcher(vocab)
        self.info: dict[int, tuple[str, str]] = {}
        for alias in lexicon.actors:
            self.matcher.add(alias.key, alias.pattern)
            self.info[vocab.strings[alias.key]] = (alias.group, alias.refer)
        self.cues = lexicon.cues
        #: first words of the multi-word aliases ("governing", "secure"): see verbal_subject
        self.modifiers = frozenset(
            word
            for alias in lexicon.actors
            if len(alias.pattern) > 1
            for word in _words(alias.pattern[0])
        )


#: Capitalised words that name no body: instruments and their parts, documents, events
#: and months (``the Home Return Interview will inform the police``, ``the Plan should
#: consider``, ``notify Schedule 2``); see :func:`names_no_body`.
NOT_BODIES = frozenset(
    {
        "act", "acts", "regulation", "regulations", "order", "rules", "code", "guidance",
        "schedule", "part", "chapter", "section", "annex", "appendix", "paragraph", "bill",
        "framework", "policy", "plan", "strategy", "standard", "standards", "directive",
        "convention", "report", "review", "handbook", "charter", "protocol", "practice",
        "interview", "meeting", "conference", "form", "assessment", "procedure",
        "statement", "notice", "scheme", "programme",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    }
)  # fmt: skip


def names_no_body(token: Token) -> bool:
    """Whether a capitalised word names no body, whatever its case (:data:`NOT_BODIES`)."""
    return token.lower_ in NOT_BODIES or singular(token.lower_) in NOT_BODIES


#: Last words of the name of an instrument (``the Children Act 1989``).
_INSTRUMENTS = frozenset({"act", "acts", "regulations", "order", "rules", "measure", "bill"})
#: Small words that may stand inside such a name.
_NAME_WORDS = frozenset({"and", "of", "for", "the", "in", "to", "with", "(", ")", "&", ","})


def _is_letter_name(token: Token) -> bool:
    """``P``, ``K``: a capital letter standing alone as a noun phrase naming a person."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    # "A must, unless A considers ...": the letter A, not the article, before a verb
    article = token.text == "A" and (after is None or after.tag_ not in ("MD", "VBZ", "VBD"))
    return (
        len(token.text) == 1
        and token.text.isupper()
        and token.text != "I"
        and not article
        and (token.pos_ in ("PROPN", "NOUN") or token.text == "A")
        and token.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "pobj", "conj", "appos")
        and not any(c.dep_ in ("det", "amod", "compound") for c in token.lefts)
        and not (token.i > 0 and token.nbor(-1).text == "(")
    )


def _in_instrument_title(token: Token) -> bool:
    """A capitalised word in the name of an Act or instrument (``the Children Act 1989``, ``the
    Children and Family Court Advisory and Support Service (Reviewed Case Referral)
    Regulations 2004``): part of a title, naming nobody."""
    if not token.is_title and not token.is_upper:
        return False
    doc = token.doc
    for word in doc[token.i + 1 : min(len(doc), token.i + 24)]:
        if word.lower_ in _INSTRUMENTS and word.is_title:
            return word.i + 1 < len(doc) and (
                word.nbor(1).like_num or word.nbor(1).lower_ in ("of", "(")
            )
        if not (word.is_title or word.is_upper or word.lower_ in _NAME_WORDS):
            return False
    return False


#: Words that may stand between the words of a department's name in a minister's title.
_TITLE_JOINS = frozenset({",", "and", "&"})


def _minister_of_title(token: Token) -> Token | None:
    """The ``Secretary`` of ``the Secretary of State for Levelling Up, Housing and
    Communities`` when ``token`` is a later word of the department's name (the parse may make
    it a subject of its own), else ``None``."""
    if not token.is_title or token.pos_ not in ("PROPN", "NOUN"):
        return None
    doc = token.doc
    i = token.i - 1
    seen_join = False
    while i >= 3 and (doc[i].is_title or doc[i].lower_ in _TITLE_JOINS):
        seen_join = seen_join or doc[i].lower_ in _TITLE_JOINS
        i -= 1
    if not seen_join or doc[i].lower_ != "for":
        return None
    if [t.lower_ for t in doc[i - 3 : i]] == ["secretary", "of", "state"]:
        return doc[i - 3]
    return None


#: Bare heads a statute uses to take up a body it named in full (``the authority``).
_TAKEN_UP = frozenset(
    {"authority", "body", "provider", "organisation", "agency", "officer", "examiner"}
)


def _acronym(text: str) -> bool:
    """``IBCA``, ``OfS``: a capital first and at least two capitals in all."""
    return text[0].isupper() and sum(ch.isupper() for ch in text) >= 2


class Parties:
    """Party reading on one parsed ``Doc``, with per-Doc caches.

    ``outer`` is set for a clause composed from a list item: the unit's
    :class:`Parties` and the composition, through which tokens of the clause
    map back to the unit. ``doers`` tells, for a verb, the token indices of
    whoever does it (the actor reader sets it): an object pronoun never
    stands for them.
    """

    def __init__(
        self,
        doc: Doc,
        matcher: PartyMatcher,
        context: DocumentContext | None = None,
        outer: tuple[Parties, Composition] | None = None,
    ) -> None:
        self.doc = doc
        self.matcher = matcher
        self.cues: Cues = matcher.cues
        self.context = context or DocumentContext()
        self.outer = outer
        self.doers: Callable[[Token], set[int]] = lambda verb: set()
        self._parties: dict[int, Party | None] = {}
        self._aliases: dict[int, tuple[str, str] | None] = {}
        #: conjuncts that are words of their head's name ("Wellbeing Board" of "Health and
        #: Wellbeing Board"), not parties of their own
        self._in_name: set[int] = set()
        #: where the alias a head's name matched starts
        self._alias_start: dict[int, int] = {}

    def is_party(self, token: Token) -> bool:
        """Whether ``token`` names a party (for the helpers that take a predicate)."""
        return self.party(token) is not None

    def phrase_party(self, start: int, end: int) -> Party | None:
        """The party the alias that ends the words ``doc[start:end]`` names (for a noun
        phrase the parse broke up: ``the governing/amod body/compound notifies/NNS``)."""
        best: tuple[int, tuple[str, str]] | None = None
        for match_id, m_start, m_end in self.matcher.matcher(self.doc[start:end]):
            if start + m_end == end and (best is None or m_end - m_start > best[0]):
                best = (m_end - m_start, self.matcher.info[match_id])
        if best is None:
            return None
        text = self.doc[start:end].text
        return Party(best[1][0], best[1][1], text, self.doc[end - 1].tag_ == "NNS", ALIAS)

    def _fuller_mention(self, token: Token) -> Token | None:
        """The nearest earlier mention in the unit, with words of its own, of the body a bare
        ``the authority`` / ``the body`` takes up (``a specified authority``)."""
        lemma = token.lemma_.lower()
        if (
            lemma not in _TAKEN_UP
            or token.pos_ != "NOUN"
            or token.tag_ != "NN"
            or [c.lower_ for c in token.lefts] != ["the"]
            or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights)
        ):
            return None
        for earlier in reversed(self.doc[: token.i]):
            if earlier.lemma_.lower() != lemma or earlier.tag_ != "NN":
                continue  # a singular mention: "the authority" takes up no "authorities"
            if any(c.dep_ in ("amod", "compound", "nmod") for c in earlier.lefts):
                return earlier
        return None

    def _defined(self, token: Token) -> Party | None:
        """The party a collective term the document defines names (``relevant authorities``)."""
        if not self.context.definitions or singular(token.lemma_.lower()) not in COLLECTIVE_HEADS:
            return None
        if self._alias(token) is not None and self._alias_start.get(token.i, token.i) < token.i:
            return None  # the lexicon knows the whole name ("responsible commissioning body")
        start, _ = self.np_bounds(token)
        words = [
            t.lower_
            for t in self.doc[start : token.i + 1]
            if t.dep_ not in ("det", "predet", "poss") and t.lower_ not in ("such", "each", "any")
        ]
        found = self.context.defined(" ".join(words))
        if found is None:
            return None
        plural = token.tag_ in ("NNS", "NNPS")
        return Party(found[0], found[1], self.np_text(token), plural, DEFINED)

    def named(self, token: Token, *, modifier: bool = False) -> Party | None:
        """A body named by a proper name the lexicon does not know (``the Institute``,
        ``Ofqual``): some other party; not a word of an instrument's title. With
        ``modifier``, also a name in a modifier's place: a compound of the noun after it
        (``the OFR considers/NNS``, where that noun is a verb misread) or a possessor (``the
        OFR's reasons for considering``)."""
        # "the IBCA"; also a mixed-case one ("the OfS", "DfE")
        acronym = token.is_alpha and len(token) >= 3 and _acronym(token.text)
        if any(ch.isdigit() for ch in token.text):
            return None  # "(5E) Where ...": an inserted provision's number, no name
        if (
            (token.pos_ != "PROPN" and not (acronym and token.pos_ == "NOUN"))
            or (token.dep_ in ("compound", "poss") and not modifier)
            or not (token.is_title or token.is_upper or acronym)
            or _in_instrument_title(token)
            or token.lower_ in _INSTRUMENTS  # "the ... Regulations 2015 provide that they"
            or names_no_body(token)  # "the Home Return Interview will inform"
            or token.lemma_.lower() in self.cues.activities
            or self.party(token) is not None
        ):
            return None
        plural = token.tag_ == "NNPS"
        return Party("other", "body", self.np_text(token, coordinated=False), plural, NAMED)

    def in_unit(self, token: Token) -> Token | None:
        """The unit's token for a token of a composed clause (``None`` when not copied)."""
        if self.outer is None:
            return None
        unit, composition = self.outer
        char = composition.to_unit(token.idx)
        if char is None:
            return None
        span = unit.doc.char_span(char, char + len(token.text), alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    # ------------------------------------------------------------ noun phrases

    def np_bounds(self, token: Token) -> tuple[int, int]:
        """Token bounds of the noun phrase headed by ``token`` (no clauses, no conjuncts)."""
        start, end = token.i, token.i + 1
        for child in token.lefts:
            if child.dep_ not in ("punct", "cc", "preconj", "mark", "advmod", "meta"):
                start = min(start, child.left_edge.i)
        for child in token.rights:
            if child.dep_ in _NP_RIGHT or (
                child.dep_ == "prep" and child.lower_ in _NP_RIGHT_PREPS
            ):
                end = max(end, child.right_edge.i + 1)
            elif child.dep_ == "case" or (child.dep_ == "punct" and child.i == end):
                continue
        head = token.head
        if (
            head.i == start - 1
            and token.dep_ == "dobj"
            and head.dep_ in ("csubj", "nsubj", "advcl", "dep")
            and head.pos_ in ("VERB", "ADJ")
            and head.left_edge.i == head.i
        ):
            start -= 1  # "Governing/csubj bodies/dobj": the head word the parse made a verb
        return start, end

    def np_text(self, token: Token, *, coordinated: bool = False) -> str:
        if token.doc is not self.doc and self.outer is not None:
            return self.outer[0].np_text(token, coordinated=coordinated)
        start, end = self.np_bounds(token)
        if coordinated:
            for conj in conjuncts(token)[1:]:
                c_start, c_end = self.np_bounds(conj)
                start, end = min(start, c_start), max(end, c_end)
        return self.doc[start:end].text

    def _alias(self, token: Token) -> tuple[str, str] | None:
        if token.i not in self._aliases:
            self._aliases[token.i] = self._read_alias(token)
        return self._aliases[token.i]

    def _read_alias(self, token: Token) -> tuple[str, str] | None:
        start, end = self.np_bounds(token)
        head = token.head
        if token.dep_ == "dobj" and head.tag_ == "VBG" and head.i == start - 1:
            start = head.i  # "with governing/VBG bodies/dobj": the participle is the modifier
        # a relative clause may complete an alias: "those who have parental responsibility"
        for child in token.rights:
            if child.dep_ in ("relcl", "acl", "prep") and child.right_edge.i < token.i + 12:
                end = max(end, child.right_edge.i + 1)
        if end < token.sent.end and self.doc[end].lower_ in _TAIL_OPENERS:
            # "notify the person with parental responsibility" with the phrase hung on the verb
            end = max(end, min(end + _ALIAS_TAIL, token.sent.end))
        best: tuple[int, tuple[str, str]] | None = None
        for match_id, m_start, m_end in self.matcher.matcher(self.doc[start:end]):
            if not start + m_start <= token.i < start + m_end:
                continue
            length = m_end - m_start
            if best is None or length > best[0]:
                best = (length, self.matcher.info[match_id])
                self._alias_start[token.i] = start + m_start
        conj = next((c for c in token.children if c.dep_ == "conj"), None)
        if best is None and conj is not None:
            # a name with "and" in it that the parse read as a coordination ("the Health
            # and Wellbeing Board"): an alias from the token through its conjunct
            for match_id, m_start, m_end in self.matcher.matcher(
                self.doc[start : conj.right_edge.i + 1]
            ):
                longer = best is None or m_end - m_start > best[0]
                if start + m_start <= token.i and start + m_end > conj.i and longer:
                    best = (m_end - m_start, self.matcher.info[match_id])
                    self._in_name.add(conj.i)
        if best is None and token.pos_ in ("VERB", "ADJ") and token.dep_ in ("csubj", "nsubj"):
            # a mis-parsed head word ("Governing/csubj bodies/dobj ... must have regard"):
            # an alias that starts at the token
            for match_id, m_start, m_end in self.matcher.matcher(self.doc[token.i : token.i + 4]):
                if m_start == 0 and (best is None or m_end > best[0]):
                    best = (m_end, self.matcher.info[match_id])
        return best[1] if best else None

    def party(self, token: Token) -> Party | None:
        """The party a noun phrase names, or ``None`` when it names none."""
        if token.doc is not self.doc and self.outer is not None:
            return self.outer[0].party(token)  # a token of the unit a clause was composed from
        if token.i in self._parties:
            return self._parties[token.i]
        self._parties[token.i] = None  # guards against cycles while resolving
        found = self._party(token)
        if found is None or found.group in GENERIC_GROUPS:
            owner = self._institution_of(token, meeting=found is None)
            if owner is not None and found is not None:
                # "the management committee of each pupil referral unit"
                found = Party(owner.group, found.refer, found.text, found.plural, OF_INSTITUTION)
            elif owner is not None:  # "a meeting of the governing body is to consider"
                text = self.np_text(token)
                found = Party(owner.group, "body", text, False, OF_INSTITUTION)
        self._parties[token.i] = found
        return found

    def _institution_of(self, token: Token, *, meeting: bool = False) -> Party | None:
        """The institution whose organ or staff ``token`` names (``the board of the school``,
        ``staff of the hospital``), when it has one of the contract's institutional groups;
        with ``meeting``, instead the one whose meeting it names (``a meeting of the governing
        body``: ``token`` names no party of its own)."""
        if token.lemma_.lower() not in (_MEETINGS if meeting else _ORGANS):
            return None
        for obj in prep_objects(token, frozenset({"of"})):
            owner = self.party(obj)
            if owner is not None and owner.group in _INSTITUTIONAL:
                return owner
        return None

    def _party(self, token: Token) -> Party | None:
        lower = token.lower_
        if token.dep_ == "conj" and token.head != token:
            self._alias(token.head)
            if token.i in self._in_name:  # a word of its head's name: the head's party
                return self.party(token.head)
        if token.tag_ in ("WDT", "WP", "WP$") and lower in self.cues.relatives:
            head = relative_head(token, self.is_party)
            found = self.party(head) if head is not None else None
            if found is None or head is None:
                return None
            return Party(found.group, found.refer, self.np_text(head), found.plural, RELATIVE)
        if is_expletive(token):
            return None  # "it is essential"
        if _in_instrument_title(token):
            return None  # "the Children Act 1989": a title, not the children
        minister = _minister_of_title(token)
        if minister is not None:  # "Secretary of State for Levelling Up, Housing/nsubj and"
            found = self.party(minister)
            if found is not None:
                return Party(found.group, found.refer, found.text, False, MINISTER_TITLE)
        stands_for = self.former_or_latter(token)
        if stands_for is not None:  # "the former should consult"
            found = self.party(stands_for)
            if found is not None:
                return Party(found.group, found.refer, found.text, found.plural, FORMER_LATTER)
        if lower in self.cues.pronouns and token.pos_ == "PRON":
            antecedent = self.antecedent(token)
            if antecedent is None and self.outer is not None:
                # a composed clause: the antecedent stands earlier in the unit
                unit = self.in_unit(token)
                antecedent = self.outer[0].antecedent(unit) if unit is not None else None
            if antecedent is None:
                return None
            found = self.party(antecedent) or self.named(antecedent)
            if found is None:
                return None
            how = DISCRETION if antecedent in _discretion_holder(token) else PRONOUN
            return Party(found.group, found.refer, found.text, found.plural, how)
        fuller = self._fuller_mention(token)
        if fuller is not None:  # "a specified authority ... the authority must co-operate"
            found = self.party(fuller)
            if found is not None:
                return Party(found.group, found.refer, self.np_text(token), found.plural, DEFINITE)
        if (
            token.lemma_.lower() == "member"
            and self.context.workplace is not None
            and any(c.dep_ == "compound" and c.lower_ in _TEAMS for c in token.lefts)
        ):  # "a team member" in a policy: one of the staff of the document's institution
            many = token.tag_ in ("NNS", "NNPS")
            return Party(self._own_staff(), "person", self.np_text(token), many, TEAM_MEMBER)
        if token.lemma_.lower() in _QUANTIFIERS:
            # "family members", "panel members": the modifier says what kind of member, also
            # before an of-object ("family members of the person killed" are family)
            for child in token.lefts:
                found = self.party(child) if child.dep_ == "compound" else None
                alias = self._alias(token)
                if found is not None and (alias is None or alias[0] in GENERIC_GROUPS):
                    plural = token.tag_ in ("NNS", "NNPS")
                    return Party(found.group, found.refer, self.np_text(token), plural, MEMBERS)
            for obj in prep_objects(token, frozenset({"of"})):  # "each of its partners"
                found = self.party(obj) or self.named(obj)
                if found is not None:
                    return found
        if lower in _FIRST_PLURAL and token.pos_ == "PRON":
            # a document's "we" is its author where the document makes it clear, else no
            # party (the bundled local authority holds for single sentences only)
            if self.context.author is not None:
                return Party(self.context.author, "body", token.text, True, AUTHOR)
            if self.context.kind is not None:
                return None
        if lower in _SECOND_PERSON and token.pos_ == "PRON" and self.context.kind is not None:
            # a document's "you" is its reader: whom its audience statement names, if any
            addressee = self.context.addressee
            return (
                Party(addressee, "any", token.text, False, READER)
                if addressee is not None
                else None
            )
        alias = self._alias(token)
        named_from = self._alias_start.get(token.i, token.i) if alias is not None else token.i
        coordinated = any(
            c.dep_ in ("compound", "nmod", "amod")
            and any(g.dep_ == "conj" for g in c.children)
            and c.left_edge.i < named_from  # not words of the name ("Health and Wellbeing")
            for c in token.lefts
        )
        by_definition = self._defined(token)
        if by_definition is not None:  # "the relevant authorities", as the document defines them
            return by_definition
        if (
            alias is not None
            and named_from == token.i
            and self.context.authority_group is not None
            and self._modified_authority(token)
        ):  # "the appropriate authority" of a document that is not about local government
            plural = token.tag_ in ("NNS", "NNPS")
            group = self.context.authority_group
            return Party(group, "body", self.np_text(token), plural, MODIFIED_AUTHORITY)
        if alias is not None and named_from == token.i and self._named_authority(token):
            # "the Competition and Markets Authority": a body of its own, not a council
            plural = token.tag_ == "NNPS"
            return Party("other", "body", self.np_text(token, coordinated=True), plural, NAMED)
        # "the principal accountable person": an alias that names the modifiers too (none
        # stands before it, as "Health and" does in "Health and social care professionals")
        whole_name = (
            alias is not None
            and named_from < token.i
            and all(
                c.left_edge.i >= named_from
                for c in token.lefts
                if c.dep_ in ("compound", "amod", "nmod")
            )
        )
        if alias is not None and not whole_name and (alias[0] in GENERIC_GROUPS or coordinated):
            # "health and education staff", "health and social care professionals": the first
            named = self._modifier_parties(token)
            if named:
                return named[0]
        if alias is None or alias[0] in GENERIC_GROUPS:
            for appos in (c for c in token.children if c.dep_ == "appos"):
                example = self.party(appos)  # "the work experience provider, e.g. a school"
                if example is not None and example.group not in GENERIC_GROUPS:
                    many = token.tag_ in ("NNS", "NNPS")
                    return Party(
                        example.group, example.refer, self.np_text(token), many, APPOSITION
                    )
            # "staff in the school", "officers within the local authority"
            place = self._place(token)
            if place is not None:
                return place
            short = self._short_form(token) or self._document_name(token, alias)
            if short is not None:
                return short
            if (
                token.lower_ in _EMPLOYERS
                and self.context.workplace == "education"
                and not any(c.dep_ in ("amod", "compound", "poss") for c in token.lefts)
            ):  # "Employers have a duty of care to their employees" in school guidance
                plural = token.tag_ in ("NNS", "NNPS")
                return Party("education", "body", self.np_text(token), plural, EMPLOYER)
        plural = (
            token.tag_ in ("NNS", "NNPS")
            or token.lower_ in _STAFF  # a collective: "staff ... they"
            or any(c.dep_ == "conj" for c in token.children)
        )
        if (
            token.lemma_.lower() in _EMPLOYEES
            and self.context.workplace is not None
            and not any(c.dep_ == "poss" or c.lower_ in ("of", "from") for c in token.children)
        ):  # "every employee must co-operate" in a setting's policy: the setting's staff
            many = token.tag_ in ("NNS", "NNPS")
            return Party(self._own_staff(), "person", self.np_text(token), many, EMPLOYEE)
        if alias is not None and alias[0] in GENERIC_GROUPS and self._is_staff(token):
            group, rule = self._workplace(token)
            return Party(group, alias[1], self.np_text(token), plural, rule)
        if alias is None:
            defined = self.context.abbreviation(token.text) if token.text[:2].isupper() else None
            if defined is not None:  # "the ASSA", after "Adoption Support Services Adviser (ASSA)"
                many = plural or token.text.endswith("s")
                return Party(defined[0], defined[1], self.np_text(token), many, ABBREVIATION)
            if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in self.cues.party_nouns:
                # a person or body the aliases do not know ("the committee"): some party, or
                # the party a conjunct names ("the group or trust": a health body)
                for other in conjuncts(token)[1:]:
                    found = self.party(other)
                    if found is not None and found.group not in GENERIC_GROUPS:
                        text = self.np_text(token, coordinated=True)
                        return Party(found.group, found.refer, text, plural, CONJUNCT)
                return Party("other", "any", self.np_text(token), plural, PARTY_NOUN)
            if _is_letter_name(token):  # "P informs K": persons a provision names by letters
                return Party("other", "person", token.text, False, LETTER)
            return None
        return Party(alias[0], alias[1], self.np_text(token), plural, ALIAS)

    @staticmethod
    def _modified_authority(token: Token) -> bool:
        """``authority`` after a lower-case modifier of its own (``the appropriate
        authority``, ``a licensing authority``), not ``local``."""
        return token.lower_ in ("authority", "authorities") and any(
            c.dep_ in ("amod", "compound", "nmod")
            and c.i < token.i
            and c.is_lower
            and c.lower_ != "local"
            for c in token.lefts
        )

    @staticmethod
    def _named_authority(token: Token) -> bool:
        """``Authority`` at the end of a proper name the lexicon does not know (``the
        Financial Conduct Authority``): the bare word reads as a local authority only in
        lower case or alone (``the authority``, ``the Authority``). A plural names a kind of
        body, not one body (``the Transport Authorities``): it is read as in lower case."""
        return (
            token.lower_ == "authority"
            and token.is_title
            and any(
                c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN" and c.is_title
                for c in token.lefts
            )
        )

    def agent_noun(self, token: Token) -> Party | None:
        """A subject noun read as a person by its ending (``the employer``, ``a clinician``).

        Used for subjects only, where an agent noun almost always names who acts;
        ``cues.jsonl`` lists the endings and the lemmas with them that name no party.
        """
        lemma = token.lemma_.lower()
        if (
            token.pos_ != "NOUN"
            or not token.is_alpha
            or len(lemma) < 5
            or lemma in self.cues.party_suffix_exceptions
            or not lemma.endswith(self.cues.party_suffixes)
        ):
            return None
        plural = token.tag_ == "NNS"
        return Party("other", "any", self.np_text(token), plural, AGENT_NOUN)

    def parties(self, token: Token) -> list[Party]:
        """Every party a phrase names (one for most phrases).

        *they/them/their* standing for a coordination names each member (``the
        parent and the head teacher ... their views``); a generic head with
        coordinated modifiers names each modifier's group (``health and
        education professionals``).
        """
        if token.doc is not self.doc and self.outer is not None:
            return self.outer[0].parties(token)
        if token.pos_ == "PRON" and "plural" in self.cues.pronouns.get(token.lower_, frozenset()):
            antecedent = self.antecedent(token)
            if antecedent is None and self.outer is not None:
                unit = self.in_unit(token)
                if unit is not None:
                    return self.outer[0].parties(unit)
            if antecedent is not None and any(c.dep_ == "conj" for c in antecedent.children):
                members = [self.party(c) for c in conjuncts(antecedent)]
                found = [m for m in members if m is not None]
                if found:
                    return found
        party = self.party(token)
        if party is not None and any(
            c.dep_ in ("compound", "nmod", "amod") and any(g.dep_ == "conj" for g in c.children)
            for c in token.lefts
        ):
            return self._modifier_parties(token) or [party]
        if party is not None and party.rule is MODIFIER:
            return self._modifier_parties(token) or [party]
        return [party] if party is not None else []

    def _modifier_parties(self, token: Token) -> list[Party]:
        """Groups named by the modifiers of a generic head (``health and education staff``)."""
        found: list[Party] = []
        for child in token.lefts:
            if child.dep_ not in ("compound", "nmod", "amod"):
                continue
            for member in conjuncts(child):
                # the member with its own modifiers: "social care" in "health and social care staff"
                own = [t for t in member.lefts if t.dep_ in ("compound", "amod")]
                names = [t.text.lower() for t in (*own, member, token)]
                words = Doc(self.doc.vocab, words=names)
                matches = self.matcher.matcher(words)
                best: tuple[int, tuple[str, str]] | None = None
                for match_id, m_start, m_end in matches:
                    if m_end == len(names) and (best is None or m_end - m_start > best[0]):
                        best = (m_end - m_start, self.matcher.info[match_id])
                if best is not None and best[0] >= 2 and best[1][0] not in GENERIC_GROUPS:
                    text = self.np_text(token)
                    found.append(Party(best[1][0], best[1][1], text, True, MODIFIER))
                    continue
                # "local authority staff", "NHS England providers", "health organisations":
                # the body the modifier names in full is the service's own (a body, never a
                # child or a parent)
                whole: tuple[str, str] | None = None
                for match_id, m_start, m_end in matches:
                    if m_start == 0 and m_end == len(names) - 1:
                        whole = self.matcher.info[match_id]
                if (
                    whole is not None
                    and whole[0] in _INSTITUTIONS
                    and (self._person_noun(token) or self._generic_body(token))
                    and token.lemma_.lower() not in _BODIES
                ):
                    found.append(Party(whole[0], whole[1], self.np_text(token), True, MODIFIER))
        return found

    def _generic_body(self, token: Token) -> bool:
        """A common noun for bodies of no group of their own (``organisations``, ``agencies``;
        not a proper name such as ``the Children's Trust Board``)."""
        alias = self._alias(token) if token.pos_ == "NOUN" else None
        return alias is not None and alias[0] in GENERIC_GROUPS and alias[1] == "body"

    def _is_staff(self, token: Token) -> bool:
        if token.lower_ in _STAFF:
            return not any(c.dep_ == "poss" or c.lower_ in ("of", "from") for c in token.children)
        return any(c.dep_ == "compound" and c.lower_ in _STAFF for c in token.lefts)

    def _own_staff(self) -> str:
        """The group of the staff of the document's workplace (see :class:`~textmine.nlp.
        context.document.DocumentContext`): a school's or a setting's are ``education``, any
        other institution's ``professional``."""
        return "education" if self.context.workplace == "education" else "professional"

    def _workplace(self, token: Token) -> tuple[str, Rule]:
        """``(group, rule)`` of bare *staff*: those of the institution named nearest before
        (else after) them in the unit, else those of the document's institution.

        Following the annotation guidelines, staff of a school, college or
        setting are ``education`` and staff of a children's home (or of any
        other named body) ``professional``; a local authority, health or
        social care body named nearby is a partner the staff work with, not
        their workplace. With no institution in reach the staff are the
        document's (:class:`~textmine.nlp.context.document.DocumentContext`),
        else school staff (the word's usual sense in SEND guidance).
        """
        doc = self.doc
        before = range(token.i - 1, max(-1, token.i - ANTECEDENT_WINDOW), -1)
        after = range(token.i + 1, min(len(doc), token.i + ANTECEDENT_WINDOW))
        for i in (*before, *after):
            other = doc[i]
            if (
                other.pos_ not in ("NOUN", "PROPN")
                or other.dep_ in ("compound", "amod")
                or other.lower_ in _STAFF
                or other.lemma_.lower() in _QUANTIFIERS  # "a member of the team": the team
            ):
                continue
            alias = self._alias(other)
            if alias is None or (alias[1] != "body" and alias[0] != "other"):
                continue  # an institution: a school, a setting, a home, a registered person
            if alias[0] not in ("education", "other") or other.lower_ in PARTNERS:
                continue  # a partner the staff work with (the local authority, the NHS, police)
            return ("education" if alias[0] == "education" else "professional"), STAFF_PLACED
        return self.context.workplace or "education", STAFF_UNPLACED

    def _short_form(self, token: Token) -> Party | None:
        """``the adviser`` after ``the personal adviser``: the party named in full before.

        A definite head noun without modifiers that names no specific group
        takes the group of the nearest earlier mention of the same noun with
        modifiers that an alias reads as another group (``the virtual school
        head ... the head``).
        """
        lefts = list(token.lefts)
        if (
            not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in lefts)
            or any(c.dep_ in ("amod", "compound", "poss", "nmod", "nummod") for c in lefts)
            or any(c.dep_ in ("relcl", "acl", "prep", "appos") for c in token.rights)
        ):
            return None  # "the person who made the referral" is someone else
        lemma = token.lemma_.lower()
        own = self._alias(token)
        for i in range(token.i - 1, max(-1, token.i - ANTECEDENT_WINDOW), -1):
            other = self.doc[i]
            if other.lemma_.lower() != lemma or not any(
                c.dep_ in ("amod", "compound") for c in other.lefts
            ):
                continue
            alias = self._alias(other)
            if alias is not None and (own is None or alias[0] != own[0]):
                plural = token.tag_ in ("NNS", "NNPS")
                return Party(alias[0], alias[1], self.np_text(token), plural, SHORT_FORM)
        return None

    def _document_name(self, token: Token, alias: tuple[str, str] | None) -> Party | None:
        """``Agencies`` in a document about adoption agencies: the bodies it names in full.

        Only a bare body name (no modifier, possessive, of-phrase or relative
        clause: ``other agencies`` and ``agencies that ...`` are someone else)
        whose own alias is generic, and only where the document's full names
        with that head word mostly belong to one group
        (:class:`~textmine.nlp.context.document.DocumentContext`).
        """
        if alias is None or alias[1] != "body" or token.lower_ in _STAFF:
            return None
        modifiers = ("amod", "compound", "poss", "nmod", "nummod")
        rights = ("relcl", "acl", "prep", "appos")
        if any(c.dep_ in modifiers for c in token.lefts):
            return None
        if any(c.dep_ in rights for c in token.rights):
            return None
        group = self.context.head_group(singular(token.lower_))
        if group is None or group == alias[0]:
            return None
        plural = token.tag_ in ("NNS", "NNPS")
        return Party(group, alias[1], self.np_text(token), plural, DOCUMENT_NAME)

    def _place(self, token: Token) -> Party | None:
        """The specific party a generic noun belongs to (``everyone in the school``)."""
        # a place phrase after the last conjunct is shared: "the officer or teams within the LA"
        # (or hung off the first conjunct after the last one)
        sharing = [token, *conjuncts(token)[1:]] if token.dep_ != "conj" else [token]
        places = [obj for t in sharing for obj in prep_objects(t, _PLACE_PREPS)]
        if token.dep_ == "conj":
            first = coordination_head(token)
            places += [o for o in prep_objects(first, _PLACE_PREPS) if o.i > token.i]
        alias = self._alias(token)
        if self._person_noun(token) and (
            alias is None or alias[0] == "other" or token.lower_ in _STAFF
        ):
            # "the local authority's complaints manager" (not "its relevant partners")
            places += [c for c in token.children if c.dep_ == "poss"]
            # "the legal department for the local authority": a body's own service
            places += [o for o in prep_objects(token, frozenset({"for"})) if o.i > token.i]
        for obj in places:
            found = self.party(obj)
            if found is not None and found.group not in GENERIC_GROUPS:
                owned = obj.dep_ == "poss" or (obj.dep_ == "pobj" and obj.head.lower_ == "for")
                if owned and found.refer != "body":
                    continue  # "the child's manager", "the adviser for the child" is no child
                plural = token.tag_ in ("NNS", "NNPS")
                return Party(found.group, found.refer, self.np_text(token), plural, PLACE)
        return None

    def _person_noun(self, token: Token) -> bool:
        """A noun for someone in a body's service: a party noun, a staff word or an agent
        noun (``manager``, ``officer``, ``staff``), also as a title in capitals (``the Setting
        Manager``, which the parse reads as a proper noun)."""
        lemma = token.lemma_.lower()
        return token.pos_ in ("NOUN", "PROPN") and (
            lemma in self.cues.party_nouns
            or token.lower_ in _STAFF
            or self.agent_noun(token) is not None
        )

    # ------------------------------------------------------------ antecedents

    def _compatible(self, pronoun: Token, party: Party) -> bool:
        refers = self.cues.pronouns.get(pronoun.lower_, frozenset())
        if "plural" in refers and party.plural:
            return True
        # *they* for a single body is a subject's agreement (``the authority ... where they
        # consider``); *them*, *their* after a body are most often other people
        if (
            "body" in refers
            and party.refer in ("body", "any")
            and not party.plural
            and ("plural" not in refers or pronoun.dep_ in ("nsubj", "nsubjpass"))
        ):
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
                excluded.update(self.doers(verb))
            for _ in range(_MAX_CHAIN):
                for subject in (c for c in verb.children if c.dep_ in SUBJECTS):
                    excluded.add(subject.i)
                    head = relative_head(subject) if subject.tag_ in ("WDT", "WP") else None
                    if head is not None:
                        excluded.add(head.i)
                if verb.dep_ != "conj" or verb.head == verb:
                    break
                # "give X and, where the parents agree, involve them": the real conjunct
                verb = parenthesised_conjunct(verb) or verb.head
        if pronoun.dep_ in ("nsubj", "nsubjpass") and pronoun.head.pos_ in ("VERB", "AUX"):
            # "explain that they must notify the agency": they are not the agency
            verb = pronoun.head
            objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            objects += prep_objects(verb, frozenset({"with", "to"}))
            not_them = {
                o.lemma_.lower()
                for o in objects
                if self.party(o) is not None
                # "to the new VAA", "another agency": some other body of the same kind
                and not any(c.dep_ == "amod" or c.lower_ in _OTHER_ONE for c in o.lefts)
            }
        else:
            not_them = set()
        owned = pronoun.head
        if pronoun.dep_ == "poss" and owned.lemma_.lower() in self.cues.views:
            # "the adviser should take into account their wishes": not the adviser's own
            verb = owned.head.head if owned.dep_ == "pobj" else owned.head
            if owned.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
                excluded.update(self.doers(verb))
        plural = "plural" in self.cues.pronouns.get(pronoun.lower_, frozenset())
        singular: Token | None = None
        for candidate in self._antecedent_candidates(pronoun):
            if candidate.dep_ == "conj" and (plural or _disjunct(candidate)):
                # "the parent and the head teacher ... their views": the whole coordination;
                # "a court or tribunal ... it": one party, read by its first name, as a subject
                candidate = coordination_head(candidate)
            in_subject_slot = candidate.dep_ in SUBJECTS
            if candidate.tag_ in ("WDT", "WP") and candidate.lower_ in self.cues.relatives:
                # "the child, who may stop talking if they consider": what *who* stands for
                candidate = relative_head(candidate, self.is_party) or candidate
            if candidate.pos_ == "PRON" or candidate.i in excluded:
                continue
            if candidate.lemma_.lower() in not_them:
                continue
            found = self.party(candidate)
            if found is None and candidate.dep_ in SUBJECTS:
                # "The functions of the Panel are ... where they consider": the role's holder
                holder = role_holder(candidate, self.is_party)
                if holder is not None:
                    candidate, found = holder, self.party(holder)
            if found is None and (
                not plural or candidate.tag_ == "NNPS" or _governs(candidate, pronoun)
            ):
                # "The Institute may, if it considers ...", "the Commissioners ... they", "the
                # Commission must arrange ... as they consider appropriate"
                found = self.named(candidate)
            if found is not None and found.plural and not plural and _disjunction(candidate):
                # "a court or tribunal ... it": one party, whichever it is
                found = replace(found, plural=False)
            if found is None or not self._compatible(pronoun, found):
                continue
            # a singular subject is taken at once, except for "them" after a preposition
            # ("representations made by them"), which is most often a plural party's
            if not plural or found.plural or (in_subject_slot and pronoun.dep_ != "pobj"):
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

    def _antecedent_candidates(self, pronoun: Token) -> Iterator[Token]:
        yield from _discretion_holder(pronoun)
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


def _discretion_holder(pronoun: Token) -> list[Token]:
    """Who holds the discretion of ``as they consider appropriate``, ``as it thinks fit``.

    The clause of discretion qualifies what a duty or power gives (``must secure that
    every governor is provided with such information as they consider appropriate``);
    its subject is the holder of that duty or power: the subject of the nearest clause
    above with a modal, not a nearer subject of a clause without one (``every
    governor``). Empty when the pronoun is no such subject or no clause above has a
    modal and a subject.
    """
    verb = pronoun.head
    if (
        pronoun.dep_ != "nsubj"
        or verb.lemma_.lower() not in _DISCRETION
        or pronoun.i == 0
        or pronoun.doc[pronoun.i - 1].lower_ != "as"
    ):
        return []
    clause = verb
    for _ in range(_MAX_CHAIN):
        if clause.head == clause:
            break
        clause = clause.head
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if subjects and has_modal(clause):
            return subjects
    return []


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


def _governs(subject: Token, pronoun: Token) -> bool:
    """Whether ``subject`` is the subject of a clause that holds ``pronoun`` through no
    coordination: in ``the Commission must arrange for the code to be published in such
    manner as they consider appropriate`` the Commission's clause holds *they*."""
    if subject.dep_ not in SUBJECTS:
        return False
    token = pronoun
    while token.head != token:
        if token.dep_ == "conj":
            return False
        token = token.head
        if token == subject.head:
            return True
    return False


#: Organs and staff of an institution, read by the institution's group (``of`` phrase).
_ORGANS = frozenset(
    {
        "committee",
        "subcommittee",
        "board",
        "panel",
        "team",
        "staff",
        "management",
        "manager",
        "employee",
        "officer",
        "official",
        "member",
        "governor",
        "head",
        "leader",
        "worker",
    }
)
#: Meetings that act for the body whose meeting they are (``a meeting of the governing body
#: is to consider``).
_MEETINGS = frozenset({"meeting", "sitting"})
#: The contract's groups of institutions (not the generic ``other``/``professional``).
_INSTITUTIONAL = frozenset(
    {"education", "health", "local_authority", "social_care", "secretary_of_state", "tribunal"}
)


def _disjunction(token: Token) -> bool:
    """A singular noun whose conjuncts are all joined by ``or`` (``a court or tribunal``)."""
    conjuncts_ = [c for c in token.children if c.dep_ == "conj"]
    return (
        token.tag_ in ("NN", "NNP")
        and bool(conjuncts_)
        and all(_disjunct(c) and c.tag_ in ("NN", "NNP") for c in conjuncts_)
    )


def _disjunct(token: Token) -> bool:
    """A noun joined to a noun phrase by ``or`` (``a court or tribunal``): one party, not two."""
    head = token.head
    return token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "cc" and c.lower_ == "or" and head.i < c.i < token.i for c in head.children
    )
