"""Subjects the parse loses: where the doer of a clause is found when no ``nsubj`` names it.

Helpers of :class:`textmine.nlp.rules.actor.ActorReader` for the shapes of statutory
and guidance English that en_core_web_sm often misparses:

* :func:`is_expletive`: a dummy *it* (``it is essential that``) names nobody;
* :func:`reduced_relative`: ``where children placed in a home are not
  participating`` (the noun left in a reduced relative);
* :func:`participle_subject`: ``Staff working with children are expected
  to ...`` (the noun of a participle phrase read as a clausal subject);
* :func:`stranded_subject`: ``this is not a full list and schools must
  review ...`` (the subject hung on the clause before);
* :func:`fronted_subject`: ``When considering whether ..., the school
  should ...`` (the main clause's subject after a fronted participle);
* :func:`previous_subject`: ``Teachers have a role. This involves working
  with ...`` (the previous sentence's subject, for a demonstrative subject of
  an entailing verb);
* :func:`modal_subject`: ``The agency should, wherever possible, seek ...``
  (the subject hung on the modal, not on the verb after the aside);
* :func:`relative_clause_subject`: ``The authority to which the request
  referred to in paragraph (2) was made must consult ...`` (the noun whose
  relative clause the parse read as the main clause);
* :func:`parenthesised_conjunct`: ``must have regard to X and, so far as it
  is consistent with ..., involve Y`` (the verb a conjunct after an aside is
  really coordinated with);
* :func:`swallowed_subject`: ``For children who are not looked after the
  home should seek ...`` (the party right before the modal, swallowed by an
  unpunctuated opening phrase);
* :func:`verbal_subject`: ``Governing bodies ... have a duty to``, ``Secure
  children's homes should notify`` (a party name read as a verb and its object);
* :func:`for_subject`: ``arrangements for staff to consult`` (the object of
  *for* before an infinitive is its subject);
* :func:`role_holder`: ``The role of the adviser is to ...``, ``It is the
  responsibility of the registered person to ...``, ``the responsibility for
  ... remains with X`` (whose duty it is);
* :func:`series_previous`: ``The council must keep a register; consult
  prescribed persons; and publish it`` (a series of verb phrases separated by
  semicolons shares the first one's subject and modal).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from textmine.nlp.grammar.deps import SUBJECTS, has_modal, to_infinitive

__all__ = [
    "MAX_ASIDE",
    "MAX_FRONTED",
    "MAX_SERIES",
    "ROLE_NOUNS",
    "bracketed_apart",
    "contact_relative",
    "for_subject",
    "fronted_subject",
    "is_expletive",
    "modal_subject",
    "opened_participle",
    "parenthesised_conjunct",
    "participle_subject",
    "previous_subject",
    "reduced_relative",
    "role_holder",
    "series_previous",
    "split_coordinate",
    "stranded_subject",
    "swallowed_subject",
    "verbal_subject",
]

#: ``This involves / means / can be achieved by`` + what the previous sentence's subject does.
_ENTAILING = frozenset(
    {"involve", "mean", "include", "entail", "require", "achieve", "do", "extend", "cover"}
)
_DEMONSTRATIVES = frozenset({"this", "that", "it"})
#: Words that open a fronted participle clause (``When considering ...,``).
_FRONTING = frozenset({"when", "while", "whilst", "in", "before", "after", "on", "by", "through"})
#: Phrases that front a participle clause (``In addition to considering ..., the IRO``).
_FRONTING_PHRASES = frozenset({"in addition to", "as well as", "prior to", "as part of"})
#: How far after a fronted participle its main clause's subject is looked for.
MAX_FRONTED = 80
#: How long an aside between ``and ,`` and the verb after it may be (tokens).
MAX_ASIDE = 40
#: How many semicolon-separated items a series of verb phrases is followed back through.
MAX_SERIES = 8
#: Nouns naming a party's duty: ``the role of X is to V`` is done by X.
ROLE_NOUNS = frozenset(
    {"role", "responsibility", "duty", "job", "task", "function", "obligation", "remit"}
)
_CONJUNCTIONS = frozenset({"and", "or", "but"})
#: Verbs that place a duty with its holder: ``the responsibility ... lies with X``.
_RESTS = frozenset({"lie", "rest", "remain", "sit", "stay"})


def contact_relative(verb: Token) -> Token | None:
    """The antecedent of a relative clause with no relative word that the parser gave two
    subjects: in ``make whatever changes to the draft the Secretary of State considers
    necessary`` both ``changes`` and ``Secretary`` hang off ``considers``. The subject nearer
    the verb is its subject; the first names what the clause is about."""
    before = [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i and c.tag_ not in ("WDT", "WP")
    ]
    if len(before) < 2:
        return None
    first, second = before[0], before[-1]
    ends = first.right_edge
    if (
        first.pos_ not in ("NOUN", "PROPN")
        or ends.i + 1 != second.left_edge.i  # "X and Y must", "X (“RA1”) may"
        or ends.is_punct
        or ends.pos_ in ("ADP", "CCONJ")  # "an authority for a ... area— (a) may"
        or second.left_edge.is_punct
        or any(c.dep_ in ("relcl", "acl") for c in first.children)  # "partners that arranged it"
    ):
        return None
    return first


def is_expletive(token: Token) -> bool:
    """Whether ``token`` is a dummy *it* that names nobody.

    ``It is essential that the agency ...``, ``it is for the registered person
    to judge``, ``where it is appropriate``, and the object *it* of ``considers
    it appropriate``/``makes it clear``: the clause or complement it stands
    for follows.
    """
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl":
        return True
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
        return any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in head.children) or any(
            c.dep_ in ("acomp", "attr") and any(g.dep_ in ("ccomp", "xcomp") for g in c.children)
            for c in head.children
        )
    if token.dep_ in ("nsubj", "dobj") and head.pos_ in ("VERB", "AUX"):
        # "considers it appropriate", "makes it clear that": an object complement follows
        right = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return (
            right is not None and right.dep_ in ("acomp", "oprd", "ccomp") and right.pos_ == "ADJ"
        )
    # "considers it appropriate to consult" parsed as a small clause: *it* the adjective's
    # subject, the infinitive it stands for hung on the adjective
    return (
        token.dep_ == "nsubj"
        and head.pos_ == "ADJ"
        and head.dep_ in ("ccomp", "oprd", "xcomp")
        and head.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("xcomp", "advcl", "ccomp") for c in head.children)
    )


def reduced_relative(verb: Token) -> list[Token]:
    """The subject noun of ``where children placed in a home are not participating``.

    The parser often reads the reduced relative (*placed*, *looked after*) as
    a finite verb with the noun as its subject, and hangs it off the real verb
    as a clausal subject or adjunct; the real verb is then left subjectless.
    """
    with_aux = any(c.dep_ == "aux" and c.i < verb.i for c in verb.children)
    for child in verb.children:
        if child.dep_ in ("csubj", "advcl") and child.tag_ in ("VBN", "VBD") and child.i < verb.i:
            if not with_aux and not _ends_in_phrase_before(child, verb):
                continue
            nouns = [
                c
                for c in child.children
                if c.dep_ == "nsubj" and c.i < child.i and c.pos_ in ("NOUN", "PROPN")
            ]
            if nouns:
                return nouns[:1]
    return []


def _ends_in_phrase_before(participle: Token, verb: Token) -> bool:
    """``any person set out in regulation 5(5) considers``: a participle whose phrase (a
    prepositional complement) runs up to the finite verb right after it, which has no auxiliary
    to mark it off; the participle is then a reduced relative on the noun."""
    doc = verb.doc
    end = participle.right_edge.i + 1
    while end < verb.i and doc[end].is_punct:
        end += 1
    return (
        end == verb.i
        and verb.tag_ in ("VBZ", "VBP", "VBD")
        and any(c.dep_ in ("prep", "agent") and c.i > participle.i for c in participle.children)
    )


def participle_subject(verb: Token) -> Token | None:
    """The noun of ``Staff working with children are expected to consult``.

    The parser may read a subject with its participle (``staff working
    with children``) as a clausal subject whose own subject is the noun; the
    noun is the subject of the main verb.
    """
    for child in verb.children:
        if child.dep_ in ("csubj", "csubjpass") and child.tag_ == "VBG" and child.i < verb.i:
            return next(
                (
                    c
                    for c in child.children
                    if c.dep_ == "nsubj" and c.i < child.i and c.pos_ in ("NOUN", "PROPN")
                ),
                None,
            )
    return None


def stranded_subject(verb: Token) -> Token | None:
    """The subject of a coordinated clause that the parser attached to the clause before.

    In ``this is not a full list and schools must review each case`` the
    parser may make *schools* a conjunct of *list* and leave *review*, a
    conjunct verb with its own modal, without a subject. The noun phrase that
    ends right before the verb's first auxiliary, and opens after ``and``,
    ``or``, ``but`` or a comma, is its subject.
    """
    if verb.dep_ != "conj":
        return None
    noun = _word_before_first(verb, lambda c: c.dep_ in ("aux", "auxpass"))
    if (
        noun is None
        or noun.pos_ not in ("NOUN", "PROPN")
        or noun.dep_ not in ("conj", "dobj", "pobj", "attr", "appos")
        or noun.i in range(verb.left_edge.i, verb.right_edge.i + 1)
        or noun.left_edge.i < 1
    ):
        return None
    opener = verb.doc[noun.left_edge.i - 1]
    return noun if opener.lower_ in ("and", "or", "but", ",", ";") else None


def fronted_subject(verb: Token) -> Token | None:
    """The main-clause subject after a fronted ``When/In/Before V-ing ...,`` clause.

    Statutory English opens with the doer's own action (``In exercising a
    function, the authority must ...``, ``When considering whether ..., the
    school should ...``, ``In addition to considering ... the IRO should``);
    the parser sometimes loses the link, so it is read on the surface: the
    first subject after the clause's closing comma, or without a comma the
    first subject of a verb with a modal. An expletive main subject (``When
    working with children, it is important that IROs are ...``) gives way to
    the subject of the clause it stands for.
    """
    doc = verb.doc
    start = verb.sent.start
    if verb.tag_ != "VBG" or verb.i == start:
        return None
    opener = " ".join(t.lower_ for t in doc[start : verb.i])
    if opener not in _FRONTING and opener not in _FRONTING_PHRASES:
        return None
    end = min(verb.sent.end, verb.i + MAX_FRONTED)
    comma = next((i for i in range(verb.i + 1, end) if doc[i].text == ","), None)
    for token in doc[(comma if comma is not None else verb.i) + 1 : end]:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head.i < token.i:
            continue
        if comma is None and not any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in token.head.children
        ):
            continue  # no comma: only a subject with its modal is surely the main clause's
        if is_expletive(token):
            return next(
                (
                    t
                    for t in doc[token.i + 1 : end]
                    if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ccomp"
                ),
                None,
            )
        return token
    return None


def previous_subject(subject: Token, is_party: Callable[[Token], bool]) -> Token | None:
    """The doer a demonstrative subject of an entailing verb points back to.

    In ``Teachers have a leading role. This involves working with ...`` (or
    ``This means ...``, ``This can be achieved by: ...``, ``Doing so may
    involve ...``, ``Part of this involves ...``) *this* is the role, and
    whoever works with is the previous sentence's subject.
    """
    verb = subject.head
    # "This involves", also through a complement: "This needs to include", "is likely to mean"
    near = [c for c in verb.children if c.dep_ in ("xcomp", "acomp")]
    verbs = [verb, *near, *(g for c in near for g in c.children if g.dep_ == "xcomp")]
    if (
        not _points_back(subject)
        or subject.dep_ not in SUBJECTS
        or not any(v.lemma_.lower() in _ENTAILING for v in verbs)
        or is_party(subject)
    ):
        return None
    start = subject.sent.start
    while start > 0:
        previous = subject.doc[start - 1].sent
        if any(not t.is_space for t in previous):
            root = previous.root
            # the root's subject, else that of its complement: "It is vital that schools ..."
            clauses = [root, *(c for c in root.children if c.dep_ == "ccomp")]
            return next(
                (
                    c
                    for clause in clauses
                    for c in clause.children
                    if c.dep_ in ("nsubj", "csubj") and is_party(c)
                ),
                None,
            ) or swallowed_subject(root, is_party)  # "As a matter of ..., schools should do"
        start = previous.start
    return None


def _points_back(subject: Token) -> bool:
    """``this``, ``doing so``, ``part of this``: a subject standing for the sentence before."""
    if subject.lower_ in _DEMONSTRATIVES:
        return True
    if subject.lemma_.lower() == "do":  # "Doing so", "Doing this"
        return any(c.lower_ in ("so", "this", "that") for c in subject.children)
    if subject.lower_ == "part":  # "Part of this (review)"
        return any(
            o.lower_ in _DEMONSTRATIVES or any(d.lower_ == "this" for d in o.children)
            for p in subject.children
            if p.lower_ == "of"
            for o in p.children
        )
    return False


def modal_subject(verb: Token) -> Token | None:
    """The subject the parser hung on the verb's modal: ``The agency should, ..., seek``.

    A long aside between the modal and its verb may leave the subject
    attached to the modal (an ``aux`` of the verb) rather than to the verb.
    """
    for aux in verb.children:
        if aux.dep_ == "aux" and aux.i < verb.i:
            for child in aux.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i < aux.i:
                    return child
    return None


def clause_modal(verb: Token) -> Token | None:
    """The modal of ``verb``: its own auxiliary, else the nearest modal before it with no
    other verb between (``... has been lodged must, no later than 30 April, notify``, where
    the parse hung the modal elsewhere)."""
    own = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"), None)
    if own is not None:
        return own
    for token in reversed(verb.doc[verb.sent.start : verb.i]):
        if token.tag_ == "MD":
            return token
        if token.pos_ in ("VERB", "AUX"):
            return None
    return None


def relative_clause_subject(modal: Token) -> Token | None:
    """The noun a relative clause hangs on, where the parse read that clause as the main one.

    In ``The authority to which the request referred to in paragraph (2) was made
    must consult`` (or ``The assessor with whom the notice has been lodged must,
    ... notify``) a reduced relative inside the relative clause leads the parser
    to make *authority* the subject of *made* and the modal's verb a complement of
    it. A relative clause cannot hold the main clause's modal: when the verb right
    before the modal has a subject that a relative pronoun (after at most a
    preposition) follows, that subject is the modal's.
    """
    doc = modal.doc
    i = modal.i - 1
    while i > modal.sent.start and doc[i].is_punct:
        i -= 1
    verb = doc[i]
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBN", "VBD", "VBZ", "VBP", "VB"):
        return None
    for noun in verb.children:
        if noun.dep_ not in ("nsubj", "nsubjpass") or noun.i > verb.i:
            continue
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        follows = doc[noun.i + 1 : min(noun.i + 3, verb.i)]
        relative = next((t for t in follows if t.tag_ in ("WDT", "WP")), None)
        if relative is not None and all(
            t.tag_ in ("IN", "TO") for t in doc[noun.i + 1 : relative.i]
        ):
            return noun
    return None


def parenthesised_conjunct(verb: Token) -> Token | None:
    """The verb that ``verb`` is coordinated with across an aside opened by ``and ,``.

    In ``the authority must have regard to X and, so far as it is consistent
    with ..., involve Y`` (or ``and, where the parents agree, involve them``)
    the parser hangs the bare verb after the aside on the aside itself, or
    makes it its adjunct; the conjunction before the aside still belongs to
    the first verb. Only a bare verb with no subject, auxiliary or marker of
    its own, right after the aside's closing comma, qualifies.
    """
    doc = verb.doc
    if (
        verb.tag_ not in ("VB", "VBP")
        or verb.dep_ not in ("conj", "advcl", "ccomp", "ROOT")
        or verb.i < 3
        or doc[verb.i - 1].text != ","
        or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children)
    ):
        return None
    start = max(verb.sent.start, verb.i - MAX_ASIDE)
    for i in range(verb.i - 2, start, -1):
        token = doc[i]
        if token.text in (".", ";", ":"):
            return None
        if token.lower_ in _CONJUNCTIONS and doc[i + 1].text == "," and token.dep_ == "cc":
            head = token.head
            if head.pos_ not in ("VERB", "AUX") or head.i >= i or head == verb:
                return None
            return None if bracketed_apart(head, verb) else head
    return None


def role_holder(token: Token, is_party: Callable[[Token], bool]) -> Token | None:
    """The party whose role a noun names: ``the role of the adviser`` -> the adviser.

    ``token`` is a subject (``The role of X is to consult``) or the attribute
    of an expletive (``It is the responsibility of X to consult``).
    """
    if token.lemma_.lower() not in ROLE_NOUNS:
        return None
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
    if token.dep_ == "nsubj" and token.head.lemma_.lower() in _RESTS:
        # "the responsibility for working with ... remains with the DSL"
        preps += [c for c in token.head.children if c.dep_ == "prep" and c.lower_ == "with"]
    for prep in preps:
        for obj in prep.children:
            if obj.dep_ == "pobj" and is_party(obj):
                return obj
    if any(c.dep_ == "poss" and c.lower_ == "whose" for c in token.children):
        # "a contact supervisor whose role is to advise the parents"
        clause = token.head  # the relative clause the role noun is the subject of
        if clause.dep_ in ("relcl", "acl") and is_party(clause.head):
            return clause.head
    return None


#: Words that open an adverbial participle clause (``When using an agency, ...``).
_SUBORDINATORS = frozenset(
    {"when", "while", "whilst", "before", "after", "if", "once", "on", "upon", "until", "unless"}
)


def opened_participle(token: Token) -> bool:
    """A gerund the parser made a clause's subject that is an adverbial clause: opened by
    a subordinator (``When using a supply agency, schools should inform``), or a
    participle phrase set off by a comma before its verb (``Depending on the risk,
    consult ...``): no subject."""
    if token.dep_ != "csubj" or token.tag_ != "VBG":
        return False
    before = token.nbor(-1) if token.i > token.sent.start else None
    return (
        any(
            c.i < token.i and c.lower_ in _SUBORDINATORS and c.dep_ in ("advmod", "mark", "prep")
            for c in token.children
        )
        or (  # "Before exercising the power NHS England must": the preposition its sibling
            before is not None and before.lower_ in _SUBORDINATORS and before.dep_ == "prep"
        )
        or any(t.text == "," for t in token.doc[token.right_edge.i + 1 : token.head.i])
    )


def swallowed_subject(verb: Token, is_party: Callable[[Token], bool]) -> Token | None:
    """The party noun phrase right before a subjectless verb's modal.

    Without a comma after an opening phrase (``For children who are not
    looked after the home should seek``, ``Where a plan is in place the
    agency must inform``) the parser may read the subject as an object
    inside that phrase and leave the verb without one. A party noun that
    ends right before the verb's modal, and is no subject itself, is the
    subject; when it ends an ``of`` phrase after a party (``the Chief
    Inspector of Schools``), that party, the head of the phrase, is; when it
    is the last of coordinated parties, the first is.
    """
    if any(c.dep_ in SUBJECTS and not opened_participle(c) for c in verb.children):
        return None
    noun = _word_before_first(
        verb,
        lambda c: (
            (c.dep_ == "aux" and c.tag_ == "MD") or (c.dep_ == "auxpass" and c.lemma_ == "be")
        ),  # "... and agencies are expected to"
    )
    if (
        noun is None
        or noun.pos_ not in ("NOUN", "PROPN")
        or noun.dep_ not in ("dobj", "pobj", "conj", "appos", "attr", "npadvmod")
        or noun.right_edge.i != noun.i
        or not is_party(noun)
    ):
        return None
    # "local authorities and their partners should": the first of coordinated subjects, not
    # the object of the opening phrase the parse joined them to ("When allocating the
    # practitioner, local authorities and their partners should")
    while (
        noun.dep_ == "conj"
        and noun.head.pos_ in ("NOUN", "PROPN")
        and noun.head.dep_ not in ("dobj", "pobj", "dative")
        and is_party(noun.head)
    ):
        noun = noun.head
    # "When devising the Framework the Chief Inspector of Schools must consult": the phrase
    # before the modal is "the Chief Inspector of Schools", whose head is the inspector
    owner = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if owner is not None and owner.pos_ in ("NOUN", "PROPN") and is_party(owner):
        return owner
    return noun


def split_coordinate(
    verb: Token, subject: Token, is_party: Callable[[Token], bool]
) -> Token | None:
    """The first of two coordinated subjects, when the parse hung the verb on it.

    In ``A local authority in England and each of its partners must
    co-operate`` the parser may make the verb a conjunct of the first noun
    phrase and the second its only subject. A party noun whose ``and`` (or
    ``or``) stands right before the verb's subject, and that the verb is a
    conjunct of, is the first of the verb's subjects: the doer, as the first
    conjunct of coordinated subjects always is.
    """
    head = verb.head
    if verb.dep_ != "conj" or head.pos_ not in ("NOUN", "PROPN") or head.i > subject.i:
        return None
    joined = any(
        c.dep_ == "cc" and c.i == subject.left_edge.i - 1 and c.lower_ in ("and", "or")
        for c in head.children
    )
    return head if joined and is_party(head) else None


def verbal_subject(
    verb: Token, is_party: Callable[[Token], bool], modifiers: frozenset[str]
) -> Token | None:
    """The party noun of a subject the parser read as a verb and its object.

    ``Governing bodies and proprietors ... have a duty to`` (*Governing* a
    participle with *bodies* its object), ``Secure children's homes should
    notify`` (*Secure* a base-form verb): a verb opening the clause before
    ``verb``, with nothing of its own before it, whose object follows it
    directly and names a party, is the first word of that party's name when
    it is a word that opens an alias (``modifiers``), or a base-form verb
    before a modal main verb (an imperative cannot be followed by one).
    """
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    for child in verb.children:
        if (
            child.i >= verb.i
            or child.dep_ not in ("csubj", "advcl", "dep")
            or child.pos_ != "VERB"
            or child.left_edge.i != child.i
        ):
            continue
        objects = [g for g in child.children if g.dep_ == "dobj" and g.left_edge.i == child.i + 1]
        if not objects or not is_party(objects[0]):
            continue
        if child.lower_ in modifiers or (child.tag_ in ("VB", "VBP") and modal):
            return objects[0]
    return None


def for_subject(verb: Token) -> Token | None:
    """The subject of ``for X to V``: ``arrangements for staff to consult``.

    The object of a *for* that ends right before the infinitive's *to* is
    the infinitive's subject, whatever the parser hung the phrase on.
    """
    to = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "TO"), None)
    if to is None or to.i < 2 or to.i > verb.i:
        return None
    noun = verb.doc[to.i - 1]
    while noun.dep_ == "conj" and noun.head.i < noun.i:  # "for the adviser and the panel to"
        noun = noun.head
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return noun


def _word_before_first(verb: Token, accept: Callable[[Token], bool]) -> Token | None:
    """The word right before the first of ``verb``'s preceding children that ``accept``
    takes (``None`` when there is no such child or it stands first or second)."""
    found = [c for c in verb.children if c.i < verb.i and accept(c)]
    if not found:
        return None
    first = min(found, key=lambda t: t.i)
    return verb.doc[first.i - 1] if first.i >= 2 else None


def bracketed_apart(first: Token, second: Token) -> bool:
    """Whether ``second`` is a bare instruction inside a bracket opened after ``first``
    (``the processing would contravene ... (but in determining whether it would, take into
    account ...)``): it takes no doer, modal or negation from the clause outside. A
    bracketed clause that goes on with the subject (``(and in some cases is prohibited
    from ...)``) is not one."""
    if second.tag_ != "VB" or any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in second.children
    ):
        return False
    low, high = sorted((first.i, second.i))
    depth = 0
    for token in first.doc[low + 1 : high]:
        if token.text == "(":
            depth += 1
        elif token.text == ")" and depth:
            depth -= 1
    return depth > 0


def _series_start(verb: Token) -> Token | None:
    """The ``;`` that opens ``verb``'s series item (``; consult``, ``; and jointly produce``)."""
    index = verb.i - 1
    while index >= 0 and verb.doc[index].dep_ == "advmod" and verb.doc[index].head == verb:
        index -= 1  # "; jointly produce a report"
    if index >= 0 and verb.doc[index].lower_ in _CONJUNCTIONS:
        index -= 1
    return verb.doc[index] if index >= 0 and verb.doc[index].text == ";" else None


def _segment_verb(semicolon: Token) -> Token | None:
    """The top verb of the ``;``-separated stretch of the sentence that ends at ``semicolon``."""
    doc = semicolon.doc
    start = semicolon.sent.start
    for index in range(semicolon.i - 1, start - 1, -1):
        if doc[index].text == ";":
            start = index + 1
            break
    for token in doc[start : semicolon.i]:
        if (
            token.pos_ in ("VERB", "AUX")
            and token.tag_ != "MD"
            and token.dep_ not in ("aux", "auxpass")
            and not start <= token.head.i < semicolon.i
        ):
            return token
        if token.pos_ in ("VERB", "AUX") and token.head == token:
            return token
    return None


def series_previous(verb: Token) -> Token | None:
    """The verb of the series item before ``verb``, where a duty runs on in verb phrases
    separated by semicolons: ``The council must keep a register; consult prescribed
    persons; and publish it``. ``verb`` is a bare verb with no subject that opens its
    item; the item before is one of the series whose first verb has a subject and a modal
    (the doer and the modal of every item). ``None`` when the shape is not a series (a
    sentence of its own after the semicolon, or imperatives: ``Keep a register; consult
    ...`` has no subject to share)."""
    if verb.tag_ != "VB" or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    if to_infinitive(verb):
        return None
    semicolon = _series_start(verb)
    previous = _segment_verb(semicolon) if semicolon is not None else None
    if previous is None or previous.tag_ != "VB":
        return None
    token: Token | None = previous
    for _ in range(MAX_SERIES):  # the series' first verb: a subject and a modal of its own
        if token is None:
            return None
        if any(c.dep_ in SUBJECTS for c in token.children):
            return previous if has_modal(token) else None
        start = _series_start(token)
        token = _segment_verb(start) if start is not None else None
        if token is not None and token.tag_ != "VB":
            return None
    return None
