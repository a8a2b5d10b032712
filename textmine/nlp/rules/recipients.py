"""Recipients of a matched term: who is informed, consulted, involved or worked with.

:class:`RecipientReader` reads, on one parsed ``Doc``,
it reads the term's *roles* (``terms.jsonl``): direct objects (shared with a
following conjunct: ``must not consult or inform the school``), passive
subjects (also of a conjunct or a reduced relative: ``those involved``),
``with``/``to``/``from`` phrases on the verb, its object, the matched phrase
or an adverb (``work together with``), the owners of views-nouns (``the views
of X``, ``X's wishes``, ``representations made by X``), and, for joint action
without a ``with`` phrase, the other conjuncts of the subject (``the school
and the authority must work together``). In a relative clause with no relative
word the head noun fills the missing object or stranded preposition (``the
persons it has consulted``, ``the care leavers they work with``).

The items of a list under the term (``must consult— (a) the parent; (b) the
school``) are read in the clauses they complete
(:mod:`textmine.nlp.context.compose`), each as the term's object. Parties
the parse does not attach are read on the surface: the later members of a
serial list the parser hung elsewhere (``notify placing
authorities, the regulator and other persons``,
:func:`textmine.nlp.grammar.syntax.serial_members`); the noun phrase after the term's
*with* when it was parsed as a clause marker (``works with parents to
agree``); a fronted ``with whom`` the parse lost; parties given as examples
right after the clause (``..., for example, the police and the local
authority``; ``such as`` examples are not read). A joint action (role
``joint``: ``work together``, ``co-operate``) with no ``with`` phrase, or
with ``each other``, gives the subject's other conjuncts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from textmine.nlp.grammar.adjuncts import participle_after_argument, perfect_participle
from textmine.nlp.grammar.deps import ACTIVE_SUBJECTS, to_infinitive
from textmine.nlp.grammar.detached import examples, marker_object, pied_piped, reciprocal
from textmine.nlp.grammar.objects import hidden_objects, judgement_gap
from textmine.nlp.grammar.passives import adverbial_participle, kept, passive_holders
from textmine.nlp.grammar.syntax import (
    MAX_STEPS,
    conjuncts,
    imperative_compound,
    misplaced_conjunct,
    prep_objects,
    relative_gap_head,
    serial_members,
)
from textmine.nlp.lexicon import Cues
from textmine.nlp.parties import Party, names_no_body
from textmine.nlp.rules.imperative import addresses_reader
from textmine.nlp.rules.registry import Rule, rule

if TYPE_CHECKING:
    from textmine.nlp.parties import Parties

__all__ = ["RecipientReader", "owners"]

#: How many tokens an aside parting ``of`` from its object may run (``the views of, and any
#: work done by, X``), and the dependencies of words that only modify the owner's noun.
_ASIDE = 12
_NOUN_MODIFIERS = frozenset({"det", "amod", "compound", "poss", "nmod", "case", "nummod"})

OBJECT = rule(
    "recipients.object",
    "recipients",
    "The direct objects of the term's verb (shared with a following conjunct).",
    example="The authority must consult the child's parent.",
    expect={"text": "consult", "recipients": ["parent"]},
)
OBJECT_GAP = rule(
    "recipients.object_gap",
    "recipients",
    "In a relative clause with no relative word, the head noun fills the missing object.",
    example="The authority must record the persons it has consulted.",
    expect={"text": "consulted", "recipients": ["other"]},
)
HIDDEN_OBJECT = rule(
    "recipients.hidden_object",
    "recipients",
    "An object the parse lost, read where statutory English puts it (after an aside, "
    "shared by coordinated verbs, after 'who ... to').",
    example="The school should engage with and listen to parents.",
    expect={"text": "engage", "recipients": ["parent"]},
)
PASSIVE_SUBJECT = rule(
    "recipients.passive_subject",
    "recipients",
    "The subject of a passive term (also of a conjunct or a reduced relative).",
    example="The parents must be consulted.",
    expect={"text": "consulted", "recipients": ["parent"]},
)
WITH = rule(
    "recipients.with",
    "recipients",
    "The object of 'with' on the verb, its object or the matched phrase ('work with X').",
    example="Schools should work closely with the local authority.",
    expect={"text": "work closely with", "recipients": ["local_authority"]},
)
TO = rule(
    "recipients.to",
    "recipients",
    "The object of 'to' ('give information to X' read as informing).",
    example="The decision must be notified to the parent.",
    expect={"text": "notified", "recipients": ["parent"]},
)
MANNER = rule(
    "recipients.after_manner",
    "recipients",
    "A role phrase hung on a manner phrase of the verb ('notified in writing to X').",
    example="The disagreement should be notified in writing to the parent.",
    expect={"text": "notified", "recipients": ["parent"]},
)
ALONGSIDE = rule(
    "recipients.alongside",
    "recipients",
    "Parties 'alongside', 'along with' or 'together with' an object are objects too.",
    example="The review should involve the professionals, alongside the child and the parents.",
    expect={"text": "involve", "recipients": ["professional", "child", "parent"]},
)
FROM = rule(
    "recipients.from",
    "recipients",
    "The object of 'from' ('seek advice from X').",
    example="The authority must seek advice from the health body.",
    expect={"text": "seek", "recipients": ["health"]},
)
VIEWS = rule(
    "recipients.views",
    "recipients",
    "The owners of views, wishes, feelings or advice that are considered, sought or had "
    "regard to ('the views of X', 'X's wishes').",
    example="The authority must take into account the wishes of the young person.",
    expect={"text": "take into account", "recipients": ["young_person"]},
)
EXAMPLE = rule(
    "recipients.example",
    "recipients",
    "Parties given as examples right after the clause ('..., for example, the police').",
    example="The home must notify relevant persons, for example, the police.",
    expect={"text": "notify", "recipients": ["other"]},
)
CO_SUBJECT = rule(
    "recipients.co_subject",
    "recipients",
    "A joint action with no 'with' phrase: the subject's other conjuncts.",
    example="The school and the local authority must work together.",
    expect={"text": "work together", "recipients": ["local_authority"]},
)
EACH_OTHER = rule(
    "recipients.each_other",
    "recipients",
    "'with each other' after a plural or generic subject that names one kind of party ('the "
    "specified authorities', 'a local authority'): each works with the others of its kind.",
    example="The specified authorities must collaborate with each other.",
    expect={"text": "collaborate", "recipients": ["other"]},
)
SERIAL = rule(
    "recipients.serial_member",
    "recipients",
    "Members of a serial list the parse hung elsewhere ('notify X, Y and other persons').",
    example="The authority should involve, and seek the views of, the young person.",
    expect={"text": "involve", "recipients": ["young_person"]},
)
NAMED = rule(
    "recipients.named_body",
    "recipients",
    "A proper name the lexicon does not know, in a recipient's place, is some other party "
    "(not the name of an Act, a code, a document or a month).",
    example="The Secretary of State must consult Social Work England.",
    expect={"text": "consult", "recipients": ["other"]},
)
NONE = rule(
    "recipients.none",
    "recipients",
    "No party is informed, consulted, involved or worked with in reach.",
    example="The authority must consider the plan.",
    expect={"text": "consider", "recipients": []},
)
#: The prepositions of a term's roles and the rule that reads each.
PREPOSITIONS: dict[str, Rule] = {"with": WITH, "to": TO, "from": FROM}
#: Roles whose parties may continue in a serial list the parse split.
_SERIAL_ROLES = frozenset({OBJECT, OBJECT_GAP, HIDDEN_OBJECT, WITH, TO, FROM, VIEWS})


class RecipientReader:
    """Recipient reading on one parsed ``Doc`` (see the module docstring)."""

    def __init__(self, parties: Parties) -> None:
        self.parties = parties
        self.cues: Cues = parties.cues
        self.party = parties.party

    def _names_party(self, token: Token) -> bool:
        return self.party(token) is not None

    def read(
        self, verb: Token, span_tokens: list[Token], roles: tuple[str, ...], passive: bool
    ) -> tuple[list[str], list[str], list[Rule]]:
        """Groups named as recipients by ``roles``, the evidence (``role: text``) and the rules
        that read them (in order, each once)."""
        found: list[tuple[Token, Rule]] = []
        verb_objects = self.objects(verb)
        if "object" in roles and not passive:
            objects = [(o, OBJECT) for o in verb_objects]
            objects = objects or [(o, OBJECT_GAP) for o in self.object_gap(verb)]
            objects = objects or [(o, HIDDEN_OBJECT) for o in hidden_objects(verb)]
            found += objects
            if objects:  # "involve the professionals, alongside the child and the parents"
                found += [
                    (o, ALONGSIDE)
                    for t in [verb, *(o for o, _ in objects)]
                    for o in self.alongside(t)
                ]
        if "passive_subject" in roles and passive:
            found += [(o, PASSIVE_SUBJECT) for o in self.passive_subjects(verb)]
        # "work with X", "co-produce the plan with X", "work in partnership with X",
        # "work together with X": the phrase may hang off the verb, its object,
        # a word of the matched span or an adverb of the verb.
        anchors = [verb, *verb_objects, *span_tokens]
        anchors += [c for c in verb.children if c.dep_ == "advmod"]
        # "notified in writing to X", "informed by letter of ... to X": a manner phrase
        manners = [
            o
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ in ("in", "by")
            for o in p.children
            if o.dep_ == "pobj" and not self._names_party(o)
        ]
        if not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
            # "engage or work productively with them": the phrase is shared
            anchors += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        judging = _judgement(verb)
        for prep, role in PREPOSITIONS.items():
            if prep not in roles or (judging and prep == "with"):
                # "such consultation as the Minister considers appropriate with the devolved
                # authorities": a judgement has no partner; the phrase is another word's
                continue
            seen_preps: set[int] = set()
            # what a consider-type term weighs has no partner: "consider a placement with
            # relatives" names no one the weighing is done with
            weighed = set(verb_objects) if prep == "with" and "object" not in roles else set()
            for token in (a for a in anchors if a not in weighed):
                for obj in prep_objects(token, frozenset({prep})):
                    if obj.i not in seen_preps:
                        seen_preps.add(obj.i)
                        found += [(o, role) for o in conjuncts(obj)]
            if not seen_preps:
                for token in manners:
                    for obj in prep_objects(token, frozenset({prep})):
                        found += [(o, MANNER) for o in conjuncts(obj)]
            found += [(o, role) for o in self.stranded_gap(anchors, prep)]
            found += [(o, role) for o in marker_object(span_tokens, prep)]
            found += [(o, role) for o in pied_piped(verb, prep, self._names_party)]
        if "views" in roles:
            found += [(o, VIEWS) for o in self.view_owners(verb, span_tokens, passive)]
        mutual = [t for t, role in found if role in (WITH, OBJECT) and reciprocal(t)]
        if mutual:  # "A and B must co-operate with each other": as "work together"
            objects_mutual = any(role is OBJECT and t in mutual for t, role in found)
            found = [(t, role) for t, role in found if t not in mutual]
            others = self.co_subjects(verb) if not passive else []
            if objects_mutual:  # "A and B must consult one another"
                found += [(o, CO_SUBJECT) for o in others]
            subject = self.subject(verb) if not passive else None
            if not others and subject is not None and _kind_of_party(subject):
                # "The specified authorities must collaborate with each other", "A local
                # authority must co-operate with each other": each with the others of its kind
                found.append((subject, EACH_OTHER))
        if found:  # "... relevant persons may be notified, for example, the police, ..."
            found += [(o, EXAMPLE) for o in examples([*span_tokens, *(t for t, _ in found)])]
        partners = (WITH,)
        if "joint" in roles and not any(role in partners for _, role in found) and not passive:
            # "the school and the authority must work together": the other conjuncts
            found += [(o, CO_SUBJECT) for o in self.co_subjects(verb)]
        # "notify placing authorities, the regulator and other persons": members the
        # parse hung elsewhere
        listed = {t.i for t, _ in found}
        for token, role in list(found):
            if role in _SERIAL_ROLES:
                for member in serial_members(token):
                    found += [(m, SERIAL) for m in conjuncts(member) if m.i not in listed]
                    listed.update(m.i for m in conjuncts(member))
        groups: list[str] = []
        evidence: list[str] = []
        rules: list[Rule] = []
        for token, role in found:
            named = self.parties.parties(token) or self._named_body(token)
            if not named and role in (OBJECT, TO):
                # "inform the supplier", "notify the payee", "an offence notified to the
                # prosecutor": the one told, a person by the noun's ending
                told = self.parties.agent_noun(token)
                named = [told] if told is not None else []
            for party in named:
                if party.group not in groups:
                    groups.append(party.group)
                note = f"{role.name.split('.', 1)[1]}: {party.text}"
                if note not in evidence:
                    evidence.append(note)
                if role not in rules:
                    rules.append(role)
                if party.rule is NAMED and NAMED not in rules:
                    rules.append(NAMED)
        return groups, evidence, rules

    def _named_body(self, token: Token) -> list[Party]:
        """``Social Work England``, ``the Welsh Ministers``: a proper-name phrase the lexicon
        does not know, read as some other party (see :data:`NAMED`); also a body's acronym
        the parse tagged a common noun (``inform the CMA``)."""
        if token.pos_ == "NOUN":
            acronym = self.parties.named(token)
            return [acronym] if acronym is not None else []
        if (
            token.pos_ != "PROPN"
            or names_no_body(token)
            or not token.is_alpha
            or not token.text[0].isupper()
            or len(token) < 2
        ):
            return []
        phrase = [t for t in token.subtree if t.i <= token.i]
        addressed = addresses_reader(self.parties.context)
        if len(phrase) == 1 and not token.is_upper and addressed:
            # "work with Amy": a person's name in guidance, not a body (bodies: "the YOT");
            # legislation names no one by a first name ("notify Ofqual")
            return []
        if any(t.like_num or t.text in ("\u201c", "\u201d", '"') for t in phrase):
            return []  # "the Children Act 1989", a quoted title
        text = token.doc[phrase[0].i : token.i + 1].text
        return [Party("other", "body", text, token.tag_ == "NNPS", NAMED)]

    def object_gap(self, verb: Token) -> list[Token]:
        """``the persons it has consulted``: the relative clause's head is the object; so in
        ``any persons the board considers it appropriate to consult`` (see
        :func:`judgement_gap`)."""
        judged = judgement_gap(verb)
        if judged:
            return judged
        if any(
            c.dep_ in ("ccomp", "xcomp")
            # a stranded preposition takes the gap ("the matters it has consulted on"); an
            # adjunct with its own object does not ("any person it consulted in that year")
            or (c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in c.children))
            for c in verb.children
        ):
            return []
        # the clause's own subject (of the verb of control for an infinitive: "whom the
        # carer asks the authority to involve")
        clause = verb.head if verb.dep_ == "xcomp" else verb
        if not any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in clause.children):
            return []
        head = relative_gap_head(verb, stranded=False)
        return [] if head is None else conjuncts(head)

    def stranded_gap(self, anchors: list[Token], prep: str) -> list[Token]:
        """``the care leavers they work with``: a preposition left without its object."""
        for token in anchors:
            for child in token.children:
                if (
                    child.dep_ == "prep"
                    and child.lower_ == prep
                    and child.i > token.i
                    and not any(c.dep_ in ("pobj", "pcomp") for c in child.children)
                ):
                    verb = token if token.pos_ in ("VERB", "AUX") else token.head
                    head = relative_gap_head(verb, stranded=True)
                    return [] if head is None else conjuncts(head)
        return []

    def co_subjects(self, verb: Token) -> list[Token]:
        """The subject's conjuncts after the first (its partners in a joint action)."""
        subject = self.subject(verb)
        return conjuncts(subject)[1:] if subject is not None else []

    def subject(self, verb: Token) -> Token | None:
        """The active subject of ``verb``, or of the verb it is coordinated with or completes
        (``must make arrangements to work together``: the arrangements' maker)."""
        token = verb
        for _ in range(MAX_STEPS):
            subjects = [c for c in token.children if c.dep_ in ACTIVE_SUBJECTS]
            to_inf = to_infinitive(token)
            if subjects and to_inf and self.party(subjects[0]) is None and token.head != token:
                token = token.head  # "must make arrangements to work together"
                continue
            if subjects:
                return subjects[0]
            if token.dep_ not in ("conj", "xcomp") or token.head == token:
                return None
            token = (misplaced_conjunct(token) if token.dep_ == "conj" else None) or token.head
        return None

    def objects(self, verb: Token) -> list[Token]:
        """Direct objects of ``verb`` with their conjuncts (or a following conjunct's)."""
        out: list[Token] = []
        for child in verb.children:
            if child.dep_ in ("dobj", "dative", "iobj") or (
                child.dep_ == "appos" and verb.pos_ == "NOUN" and child.i > verb.i
            ):  # "a review partner notifies/NNS the Secretary of State/appos": a misread verb
                out += conjuncts(child)
            elif child.dep_ == "prep" and child.lower_ == "in" and not out:
                # "inform in writing the local authority": the object read as the gerund's
                out += [
                    o
                    for g in child.children
                    if g.dep_ == "pcomp" and g.lower_ == "writing"
                    for c in g.children
                    if c.dep_ == "dobj"
                    for o in conjuncts(c)
                ]
        if not out and imperative_compound(verb):
            # "Engage parents/carers in ...": the verb was parsed as the noun's modifier
            head = verb.head
            out += conjuncts(head) + [c for c in head.children if c.dep_ == "appos"]
        if not out and not any(c.dep_ == "prep" for c in verb.children):
            # "must not consult or inform the school", "inform and engage with those":
            # the following conjunct's object is shared
            for conj in verb.children:
                if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX"):
                    out += [o for c in conj.children if c.dep_ == "dobj" for o in conjuncts(c)]
                    if not out:
                        out += [
                            o
                            for obj in prep_objects(conj, frozenset({"with", "to"}))
                            for o in conjuncts(obj)
                        ]
        return out

    @staticmethod
    def alongside(obj: Token) -> list[Token]:
        """The parties of ``alongside Y and Z`` (also ``along with``, ``together with``) hung
        on ``obj`` (an object, or the verb beside its object)."""
        out: list[Token] = []
        for child in obj.children:
            if child.dep_ != "prep":
                continue
            word = child.lower_
            if word == "with" and child.i and child.nbor(-1).lower_ in ("along", "together"):
                word = "alongside"
            if word == "alongside":
                out += [o for c in child.children if c.dep_ == "pobj" for o in conjuncts(c)]
        return out

    def passive_subjects(self, verb: Token) -> list[Token]:
        """Passive subjects of ``verb`` (or its conjunct, or the noun of a reduced relative)."""
        token = verb
        for _ in range(MAX_STEPS):
            subjects = [c for c in token.children if c.dep_ in ("nsubjpass", "nsubj")]
            # "which other persons may be notified": the noun, not the question word
            subjects.sort(key=lambda c: c.tag_ in ("WDT", "WP"))
            if subjects:
                return conjuncts(subjects[0])
            if (
                token.dep_ == "acl"
                and token.head.dep_ == "dobj"
                and to_infinitive(token)
                and self.party(token.head) is None
            ):
                # "you have a right to be involved": the holder of the right
                token = token.head.head
                continue
            keep = kept(token)
            if keep is not None and token.dep_ == "acl":
                # "keep the parent and the young person informed" read as a reduced relative
                return [o for c in keep.children if c.dep_ == "dobj" for o in conjuncts(c)]
            if token.dep_ in ("acl", "relcl") and token.head != token:
                return conjuncts(token.head)
            misread = participle_after_argument(token)
            if misread is not None:  # "a copy to each person consulted": a reduced relative
                return conjuncts(misread)
            if token.dep_ == "amod" and token.head.i < token.i:
                return conjuncts(token.head)  # "all those involved": a reduced relative
            if token.dep_ == "advcl" and perfect_participle(token):
                # "may vary the licence having been notified of a change": the main clause's
                # subject is the one notified
                subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                return conjuncts(subjects[0]) if subjects else []
            main = adverbial_participle(token)
            if main is not None:  # "When consulted about the draft, children said": of them
                subjects = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")]
                return conjuncts(subjects[0]) if subjects else []
            if token.dep_ == "advcl" and token.tag_ == "VBN" and token.head.tag_ == "VBN":
                # "listened to, respected and involved": a list of participles misparsed
                token = token.head
                continue
            if token.dep_ == "conj" and token.head != token:
                token = token.head
                continue
            if token.dep_ == "acomp" and token.head.lemma_.lower() in ("become", "get"):
                token = token.head  # "for the adopter to become involved": become's subject
                continue
            if token.dep_ == "oprd" and token.head != token:
                # "keep the parent informed": the object of keep
                objects = [c for c in token.head.children if c.dep_ == "dobj"]
                if objects:
                    return conjuncts(objects[0])
                token = token.head
                continue
            if token.dep_ == "xcomp" and token.head != token:
                # "encourage them to be involved": the object; "is likely to be
                # involved", "are able to ... be involved": the governing subject
                head = token.head
                # only an object before the infinitive controls it ("need ... to be kept
                # informed about the progress, the process ..." has no controller there)
                objects = [c for c in head.children if c.dep_ == "dobj" and c.i < token.i]
                if objects and head.pos_ in ("VERB", "AUX"):
                    return conjuncts(objects[0])
                token = head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head
                continue
            break
        # "be engaged" after a passive-control infinitive, a broken participle list,
        # "are closely involved" (textmine.nlp.grammar.passives.passive_holders)
        return passive_holders(verb)

    def view_owners(self, verb: Token, span_tokens: list[Token], passive: bool) -> list[Token]:
        """Owners of the views/wishes/advice that are considered, sought or had regard to."""
        heads: list[Token] = []
        if passive:
            heads += self.passive_subjects(verb)
        heads += self.objects(verb)
        for token in span_tokens:
            if token.lower_ in ("to", "of") or token.dep_ == "prep":
                heads += [
                    o
                    for obj in prep_objects(token.head, frozenset({token.lower_}))
                    for o in conjuncts(obj)
                ]
                heads += [o for c in token.children if c.dep_ == "pobj" for o in conjuncts(c)]
        found = self.owners_of(heads)
        if not found and not passive:  # "seek, and have regard to, the views of X"
            found = self.owners_of(hidden_objects(verb))
        # "the information sought by the authorised person": the term's own agent is its
        # doer, never the owner of what it seeks
        agents = {a.i for b in prep_objects(verb, frozenset({"by"})) for a in conjuncts(b)}
        return [t for t in found if t.i not in agents]

    def owners_of(self, heads: list[Token]) -> list[Token]:
        """Owners of the views-nouns among ``heads`` (or their ``of`` objects)."""
        found: list[Token] = []
        seen: set[int] = set()
        for head in heads:
            if head.i in seen:
                continue
            seen.add(head.i)
            nouns = [head] if head.lemma_.lower() in self.cues.views else []
            if not nouns:  # "the importance of the child's views"
                nouns = [
                    o
                    for obj in prep_objects(head, frozenset({"of"}))
                    for o in conjuncts(obj)
                    if o.lemma_.lower() in self.cues.views
                ]
            for noun in nouns:
                found += owners(noun)
        return found


def _kind_of_party(subject: Token) -> bool:
    """A subject that names a kind of party rather than one: a plural (``the specified
    authorities``) or a generic singular (``a local authority``, ``each council``)."""
    return subject.tag_ in ("NNS", "NNPS") or any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "each", "every", "any")
        for c in subject.children
    )


def _judgement(verb: Token) -> bool:
    """``considers appropriate``, ``considers it necessary``, ``considers that ...``: the
    judging sense, whose complement is an adjective or a that-clause."""
    return any(
        c.dep_ in ("acomp", "oprd")
        or (c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
        or (c.dep_ == "dobj" and c.lower_ == "it")
        for c in verb.children
    )


def owners(noun: Token) -> list[Token]:
    """Who holds a views-noun: ``X's``/``their``, ``of X``, ``from X``, ``made by X``."""
    out: list[Token] = []
    for member in conjuncts(noun):
        for child in member.children:
            if child.dep_ == "poss":
                out += conjuncts(child)
        for obj in prep_objects(member, frozenset({"of", "from", "by"})):
            out += conjuncts(obj)
        for child in member.children:
            if child.dep_ == "acl":
                for obj in prep_objects(child, frozenset({"by", "from", "of"})):
                    out += conjuncts(obj)
    out += _those_of(noun)
    if not out:
        out += _stranded_of(noun)
    if not out and noun.dep_ == "conj":  # "views, wishes and feelings of X": X hangs off a sibling
        head = noun
        for _ in range(MAX_STEPS):
            if head.dep_ != "conj":
                break
            head = head.head
        if head != noun:
            for child in head.children:
                if child.dep_ == "poss":
                    out += conjuncts(child)
            for obj in prep_objects(head, frozenset({"of", "from"})):
                out += conjuncts(obj)
    return out


def _stranded_of(noun: Token) -> list[Token]:
    """``the views of, and any representations made by, the parent``: the owners after the
    aside that parts ``of`` from its object (the parser leaves ``of`` without one)."""
    doc = noun.doc
    of = noun.i + 1
    if (
        of + 2 >= len(doc)
        or doc[of].lower_ != "of"
        or doc[of + 1].text != ","
        or any(c.dep_ == "pobj" for c in doc[of].children)
    ):
        return []
    close = next((t.i for t in doc[of + 2 : of + 2 + _ASIDE] if t.text == ","), None)
    if close is None:
        return []
    for word in doc[close + 1 : close + 1 + _ASIDE]:
        if word.is_punct:
            return []
        if word.pos_ in ("NOUN", "PROPN", "PRON") and word.dep_ not in _NOUN_MODIFIERS:
            return conjuncts(word)
    return []


def _those_of(noun: Token) -> list[Token]:
    """``the child's wishes and those of the birth parents``: the owners after ``those of``.

    The parser often hangs ``those`` elsewhere (a conjunct of the verb); it is
    read on the surface, right after the coordination the views-noun ends.
    """
    doc = noun.doc
    end = max(m.i for m in conjuncts(noun)) + 1
    for i in range(end, min(end + 3, len(doc) - 1)):
        word = doc[i]
        if word.lower_ in ("those", "that") and doc[i - 1].lower_ in ("and", "or", ","):
            if doc[i + 1].lower_ != "of":
                return []
            objects = [obj for obj in doc[i + 1].children if obj.dep_ == "pobj"]
            return [o for obj in objects for o in conjuncts(obj)]
        if word.lower_ not in ("and", "or", ","):
            return []
    return []
