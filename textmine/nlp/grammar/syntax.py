"""Small dependency-tree helpers shared by actor and recipient reading."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from spacy.tokens import Doc, Token

from textmine.nlp.grammar.clauses import parenthesised_conjunct
from textmine.nlp.grammar.deps import has_modal, to_infinitive

__all__ = [
    "MAX_STEPS",
    "activity_owner",
    "comma_participle",
    "conjuncts",
    "coordination_head",
    "gerund_subject",
    "imperative_compound",
    "misplaced_conjunct",
    "np_end",
    "prep_objects",
    "relative_gap_head",
    "relative_head",
    "serial_members",
    "verb_above",
]

#: Longest walk up or across the tree (keeps a 5,000-token sentence linear).
MAX_STEPS = 12


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it (``the child, his or her parent and ...``).

    A list whose second member the parser made an apposition (``the social
    worker, the agency adviser and the legal advisers``) is one coordination.
    A first member stranded by the parser is put back: in ``ensure that
    children, their parents and young people are involved`` the parser may
    hang ``children`` off ``that`` and start the coordination at ``parents``.
    """
    stranded = _stranded_member(token)
    out = [token] if stranded is None else [stranded, token]
    index = 0
    while index < len(out) and len(out) < 50:
        out.extend(
            c
            for c in out[index].children
            if c not in out and (c.dep_ == "conj" or _listed_apposition(c))
        )
        index += 1
    return out


def _listed_apposition(token: Token) -> bool:
    """``the social worker, the agency adviser and the legal advisers``: a list whose
    second member the parser made an apposition (coordinated itself, after a comma)."""
    return (
        token.dep_ == "appos"
        and token.i > token.head.i
        and token.doc[token.left_edge.i - 1].text == ","
        and any(c.dep_ == "conj" for c in token.children)
    )


def prep_objects(token: Token, preps: frozenset[str]) -> Iterator[Token]:
    """Objects of ``token``'s prepositions in ``preps`` (``with X and with Y``: both)."""
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            for prep in (child, *(c for c in child.children if c.dep_ == "conj")):
                if prep.lower_ != child.lower_:
                    continue
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        yield obj
                    elif obj.dep_ == "pcomp":
                        yield from _possessed_participle(obj)


def _possessed_participle(verb: Token) -> list[Token]:
    """``with the child's placing authority``, ``with governing bodies`` misread as a gerund
    clause: its object noun (the participle is the noun's modifier)."""
    if verb.tag_ != "VBG":
        return []
    objects = [c for c in verb.rights if c.dep_ == "dobj"][:1]
    possessed = any(
        c.dep_ in ("nsubj", "poss") and any(g.tag_ == "POS" for g in c.children) for c in verb.lefts
    )
    bare = not any(c.dep_ in ("aux", "nsubj", "advmod", "neg") for c in verb.children) and all(
        obj.left_edge.i == verb.i + 1 and not any(c.dep_ == "det" for c in obj.children)
        for obj in objects
    )
    return objects if possessed or bare else []


def relative_head(token: Token, is_party: Callable[[Token], bool] | None = None) -> Token | None:
    """The noun a relative clause modifies, for its relative pronoun.

    Where the parse has no relative clause above the pronoun (a list lead-in
    ``staff who— ...`` breaks it up), the noun right before the pronoun.
    With ``is_party``, *who* and *whom* stand for a party: where the parser hung
    the clause on a place or thing inside the party's noun phrase (``providers
    involved in care in a locality who agree``), the party that phrase is on.
    """
    head = _relative_head(token)
    if head is None or is_party is None or token.lower_ not in ("who", "whom"):
        return head
    node = head
    for _ in range(MAX_STEPS):
        member = next((o for o in prep_objects(node, frozenset({"of"})) if is_party(o)), None)
        if member is not None and (node.lemma_.lower() in _GROUPINGS or not is_party(node)):
            return member  # "a group of local providers": the providers
        if is_party(node):
            return node
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            node = node.head.head
        elif node.dep_ in ("acl", "relcl", "conj"):
            node = node.head
        else:
            break
    return head


#: Nouns that name a set of parties by its members (``a group of schools``).
_GROUPINGS = frozenset({"group", "network", "consortium", "cluster", "number", "range"})


def _relative_head(token: Token) -> Token | None:
    node = token
    for _ in range(MAX_STEPS):
        if node.dep_ in ("relcl", "acl") and node.head != node:
            return node.head
        if node.head == node:
            break
        node = node.head
    before = token.doc[token.i - 1] if token.i > 0 else None
    if token.tag_ in ("WP", "WDT") and before is not None and before.pos_ in ("NOUN", "PROPN"):
        return before
    return None


_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"})


def _nominal(token: Token) -> bool:
    """A noun, or a word in a noun's slot (``care leavers`` is often tagged as a verb)."""
    return token.pos_ in ("NOUN", "PROPN", "PRON") or token.dep_ in _NOMINAL_DEPS


def relative_gap_head(verb: Token, *, stranded: bool) -> Token | None:
    """The noun that fills the gap of a relative clause ``verb`` stands in (or is a conjunct of).

    Statutory and Code-style English often drops the relative word: ``the
    persons it has consulted``, ``the care leavers they work with``. The parser
    then leaves the verb without its object, or a preposition without its
    object, and the relative clause's head noun is what fills that gap. With
    ``stranded`` (a ``with``/``to`` left without an object) a relative word
    elsewhere does not matter; for a missing direct object the clause must
    have no relative word (one that exists was parsed as the object already).
    """
    token = verb
    controlled = False
    for _ in range(MAX_STEPS):
        if token.dep_ == "relcl" and token.head != token:
            break
        if token.dep_ in ("acl", "ccomp") and _nominal(token.head):
            break  # a relative clause parsed as a noun's clausal complement
        if token.dep_ == "xcomp" and token.head != token and not stranded:
            controlled = True  # "any person whom the carer asks the authority to involve"
            token = token.head
            continue
        if token.dep_ != "conj" or token.head == token:
            return None
        token = token.head
    else:
        return None
    head = token.head
    if not _nominal(head):
        return None
    if not stranded and any(
        t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in head.doc[head.i + 1 : token.i]
    ):
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if not (controlled and len(objects) > 1 and objects[0].tag_ in ("WDT", "WP")):
            return None
        # the relative word the parse gave the verb of control as a second object is the
        # gap of its infinitive
    return head


def verb_above(
    noun: Token, *, steps: int = 4, climb: Callable[[Token, Token], bool] | None = None
) -> Token | None:
    """The nearest verb or auxiliary above ``noun``, at most ``steps`` heads up.

    ``climb(token, head)``, when given, decides whether the walk may go on
    from ``token`` to a ``head`` that is not a verb; without it, it always may.
    """
    token = noun
    for _ in range(steps):
        head = token.head
        if head == token:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if climb is not None and not climb(token, head):
            return None
        token = head
    return None


def coordination_head(token: Token) -> Token:
    """The first member of the coordination ``token`` belongs to."""
    for _ in range(MAX_STEPS):
        if token.dep_ != "conj" or token.head == token:
            break
        token = token.head
    return token


def _stranded_member(token: Token) -> Token | None:
    """A noun before ``X, Y and Z`` that the parser hung off a complementiser ``that``
    (or off the verb, as an adverbial, when ``X, Y and Z`` is its subject)."""
    if not any(c.dep_ == "conj" for c in token.children):
        return None
    left = token.left_edge.i
    doc = token.doc
    if left < 2 or doc[left - 1].text != ",":
        return None
    noun = doc[left - 2]
    while noun.head != noun and noun.head.i < left - 1 and noun.dep_ in ("compound", "amod", "det"):
        noun = noun.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.right_edge.i != left - 2:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ in ("that", "whether"):
        return noun
    if (
        noun.dep_ in ("npadvmod", "dep", "appos")
        and noun.tag_ in ("NNS", "NNPS")
        and not any(c.dep_ == "det" for c in noun.children)
        and noun.head == token.head
        and token.dep_ in ("nsubj", "nsubjpass")
    ):
        return noun  # "Children, their parents and young people should be involved"
    return None


def _so_doing(verb: Token) -> bool:
    """Whether ``verb`` carries ``when so doing``, ``when doing so``, ``in doing so``: an
    adjunct that points back at the duty the verb goes with."""
    return any(
        t.lower_ == "doing"
        and any(t.nbor(step).lower_ == "so" for step in (-1, 1) if 0 <= t.i + step < len(t.doc))
        for c in verb.children
        if c.dep_ in ("advcl", "pcomp", "prep")
        for t in c.subtree
    )


def _duty_out_of_relative(verb: Token) -> Token | None:
    """The main verb a conjunct goes with when the parser put it in a relative clause.

    ``must promote training for adults who are subject to an assessment and must
    co-operate with each other and have regard to guidance when doing so``: a conjunct with
    a modal of its own coordinated with a relative clause's verb that has none, or one that
    points back at the duty (``when so doing``), continues the clause above the relative:
    the nearest verb there with a modal and a subject of its own.
    """
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    first = verb
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    if first.dep_ not in ("relcl", "acl") or has_modal(first):
        return None
    if not (_so_doing(verb) or has_modal(verb)):
        return None
    token = first.head
    for _ in range(MAX_STEPS):
        if (
            # also the noun of "have regard" the parse made the clause's head
            token.pos_ in ("VERB", "AUX", "NOUN")
            and token.i < verb.i
            and has_modal(token)
            and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP")
                for c in token.children
            )
        ):
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def misplaced_conjunct(verb: Token) -> Token | None:
    """The verb a verb is really coordinated with when the parser hung it off a noun.

    A to-infinitive hung off a gerund or noun coordinates with the nearest
    to-infinitive above it (``to consider X within five days of receiving it
    and to advise Y``). In ``must give the parent notice and consult the parent`` the parser may
    make ``consult`` a conjunct of ``notice``; the coordination is with
    ``give``, the verb that governs the noun. In ``must give X and, where it
    is consistent with ..., involve Y`` it may make ``involve`` a conjunct of
    a verb inside the aside (:func:`textmine.nlp.grammar.clauses.parenthesised_conjunct`).
    """
    across = parenthesised_conjunct(verb) if verb.dep_ == "conj" else None
    if across is not None:
        return across
    duty = _duty_out_of_relative(verb)
    if duty is not None:
        return duty
    head = verb.head
    if (
        verb.dep_ == "conj"
        and verb.tag_ == "VB"
        and (
            head.tag_ in ("VBN", "VBD", "VBZ", "VBP") or (head.tag_ == "VBG" and head.dep_ == "acl")
        )
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
    ):
        # "ensure the policy is reviewed and the procedures are updated, and work with the
        # governors", "publicise an agreement granting consent and consult X": a base form
        # coordinates with a base form, not with a participle
        token = head
        for _ in range(MAX_STEPS):
            if token.head == token:
                break
            token = token.head
            if token.tag_ == "VB" and token.i < verb.i:
                return token
    if (
        verb.dep_ == "conj"
        and verb.tag_ == "VB"
        and head.dep_ == "relcl"
        and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in head.children
        )
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
    ):
        # "understand the difficulties that children may have ... and consider how to": the
        # bare verb coordinates with the verb whose object the relative clause modifies
        above = verb_above(head.head)
        if above is not None and above.tag_ == "VB" and above.i < verb.i:
            return above
    if verb.dep_ == "conj" and to_infinitive(verb) and not to_infinitive(head):
        # "to consider the decisions within five days of receiving them and to advise the
        # adviser": a to-infinitive coordinates with a to-infinitive, the nearest above
        token = head
        for _ in range(MAX_STEPS):
            if token.head == token:
                break
            token = token.head
            if to_infinitive(token) and token.i < verb.i:
                return token
    if verb.dep_ != "conj" or head == verb or head.pos_ not in ("NOUN", "PROPN"):
        return None
    # a bare verb the tagger also made a noun: "involve the child and notify— HMCI; ..."
    bare_noun = (
        verb.pos_ == "NOUN"
        and verb.i > 0
        and verb.nbor(-1).lower_ in ("and", "or")
        and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in verb.children)
    )
    if not (verb.pos_ == "VERB" or bare_noun) or any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):
        return None
    return verb_above(head)


def gerund_subject(verb: Token, *, clause_level: bool = False) -> Token | None:
    """The noun phrase a gerund is predicated of in ``the importance of X participating``.

    The parser tends to hang the gerund off the main verb, or to read it as
    a relative clause of the noun with the last coordinated member as its
    subject; the noun phrase just before it, object of ``of``, is its subject
    (its first member when coordinated). With ``clause_level``, the
    conjunction of a gerund coordinated with a verb (``..., as well as
    working with``) ends the search: the gerund is not predicated of the noun
    phrase.
    """
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl", "conj", "relcl"):
        return None
    if verb.dep_ == "relcl" and any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None  # "children who are participating": a real relative clause
    doc = verb.doc
    for i in range(verb.i - 1, max(-1, verb.i - 16), -1):
        token = doc[i]
        if token.pos_ in ("VERB", "AUX") or token.dep_ in ("mark", "relcl"):
            return None
        if clause_level and verb.dep_ == "conj" and token.dep_ == "cc" and token.head == verb.head:
            return None
        if token.lower_ == "of" and token.head.pos_ == "NOUN":
            if _inside_other_verb(token.head, verb):
                # "with a view to promoting the welfare of children, having regard to": the
                # noun phrase belongs to another verb's phrase; the gerund is the clause's
                return None
            objects = [c for c in token.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def _inside_other_verb(noun: Token, verb: Token) -> bool:
    """Whether ``noun`` stands in the phrase of a verb below the one ``verb`` hangs from."""
    above = {verb.i, *(t.i for t in verb.ancestors)}
    token = noun
    for _ in range(MAX_STEPS):
        if token.i in above:
            return False
        if token.pos_ in ("VERB", "AUX"):
            return True
        if token.head == token:
            return False
        token = token.head
    return False


def imperative_compound(token: Token) -> bool:
    """Whether a capitalised verb opening a bullet was parsed as a noun modifier.

    In ``Engage parents/carers in ...`` the tagger may read *Engage* as a
    compound of *parents*: the head noun is then the verb's object (the
    caller checks that it names a party).
    """
    return (
        token.is_title
        and token.dep_ in ("compound", "amod", "nmod")
        and token.head.i == token.i + 1
        and token.head.pos_ in ("NOUN", "PROPN")
        and (token.is_sent_start or token.i == 0 or not token.nbor(-1).is_title)
    )


def comma_participle(verb: Token) -> tuple[Token, Token] | None:
    """``(noun, main verb)`` for a participle set off by commas after its subject.

    In ``the designated teacher, working with the VSH, should consider`` the
    parser may hang *working* off an earlier noun or make it an adjunct of
    *consider* that hides the subject. The participle is predicated of the
    noun phrase just before the first comma, and the verb (or modal) just
    after the closing comma is the clause it belongs to.
    """
    if verb.tag_ != "VBG" or verb.i < 2:
        return None
    doc = verb.doc
    if doc[verb.i - 1].text != ",":
        return None
    noun = doc[verb.i - 2]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.right_edge.i != noun.i:
        return None
    close = verb.right_edge.i + 1
    if close + 1 >= len(doc) or doc[close].text != ",":
        return None
    main = doc[close + 1]
    if main.dep_ in ("aux", "auxpass") and main.head.i > main.i:
        main = main.head
    if main.pos_ not in ("VERB", "AUX") or main.tag_ == "VBG":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i > noun.i for c in main.children):
        return None
    return noun, main


_NP_WORDS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})
_NP_DEPS = frozenset({"amod", "compound", "poss", "case", "det", "nmod", "nummod", "punct"})
_SEPARATORS = frozenset({",", "and", "or", "/"})
_ASIDES = frozenset({"where", "if", "when", "as", "whether", "unless"})
#: Longest run of a list of noun phrases read by :func:`serial_members`.
MAX_SERIAL = 60


def np_end(doc: Doc, i: int) -> int:
    """End of the noun-phrase words from ``i`` (``the child's social worker``)."""
    j = i
    while j < len(doc) and j - i < 8:
        token = doc[j]
        if (
            token.lower_ in ("or", "and")
            and j > i
            and doc[j - 1].tag_ == "PRP$"
            and j + 1 < len(doc)
            and doc[j + 1].tag_ == "PRP$"
        ):
            j += 1  # "his or her parent"
            continue
        if (
            token.pos_ in _NP_WORDS
            or token.tag_ in ("PRP$", "POS", "HYPH")
            or (token.tag_ in ("VBN", "VBG") and token.dep_ in _NP_DEPS)
        ):
            j += 1
            continue
        break
    while j > i and doc[j - 1].pos_ not in ("NOUN", "PROPN"):
        j -= 1
    return j


def serial_members(head: Token) -> list[Token]:
    """Heads of the noun phrases listed after ``head`` that the parse did not coordinate.

    ``notify placing authorities, the regulator and other relevant persons``,
    ``work with senior leaders, the officer responsible for links where the
    school has one, and parents``: the parser often hangs the later members
    off the wrong word. Read on the surface: after the phrase of ``head``,
    members follow separators (``,``, ``and``, ``or``, ``/``); a member's own
    prepositional or relative modifiers and an aside that opens with
    ``where``/``if``/``when`` are skipped; the list ends at a word that opens
    no noun phrase (``to``, ``about``, a verb, ``such as``) or at a member that
    is the subject of a verb (``..., and the school must inform``).
    """
    doc = head.doc
    i = head.i + 1
    while i < len(doc) and (doc[i].tag_ in ("POS", "HYPH") or doc[i].pos_ in ("NOUN", "PROPN")):
        i += 1
    members: list[Token] = []
    limit = min(len(doc), head.i + MAX_SERIAL)
    while i < limit:
        if doc[i].lower_ not in _SEPARATORS:
            # the member's own modifiers: "leaders in the school", "the officer responsible for"
            if doc[i].lower_ in ("to", "about") or not (
                doc[i].pos_ in ("ADP", "ADJ") or doc[i].tag_ in ("WDT", "WP", "WRB")
            ):
                break
            i = _skip_phrase(doc, i, limit)
            if i >= limit or doc[i].text != ",":
                break
        while i < limit and doc[i].lower_ in _SEPARATORS:
            i += 1
        if i < limit and doc[i].lower_ in _ASIDES:  # "and, where the school has one, the lead"
            i = _skip_phrase(doc, i, limit)
            continue
        if i < limit and head.dep_ == "pobj" and doc[i].lower_ == head.head.lower_:
            i += 1  # the preposition repeated: "the views of the child, and of the parent"
        end = np_end(doc, i)
        if end == i:
            break
        member = doc[end - 1]
        if end < len(doc) and doc[end].pos_ in ("AUX", "VERB") and doc[end].tag_ != "VBG":
            break  # "..., and the school must inform": a new clause
        members.append(member)
        i = end
    return members


def _skip_phrase(doc: Doc, i: int, limit: int) -> int:
    """Index of the next comma (or the limit) after an aside or a prepositional phrase."""
    while i < limit and doc[i].text not in (",", ";", ".", ":"):
        i += 1
    return i


#: Activities a party carries out, which guidance makes the subject of what the party does
#: in them (``The assessment must consider``).
_ACTIVITIES = frozenset(
    {"assessment", "review", "enquiry", "inquiry", "investigation", "evaluation", "audit"}
)


def activity_owner(subject: Token, party: Callable[[Token], Any]) -> Token | None:
    """Who carries out the activity ``subject`` names, from an earlier sentence of its unit:
    the subject of the verb it is the object of (``the authority must carry out an
    assessment``), the agent of a passive (``an assessment is made by X``), or a party that
    modifies it (``children's social care assessments``); the nearest mention first."""
    if subject.lemma_.lower() not in _ACTIVITIES or party(subject) is not None:
        return None
    for earlier in reversed(subject.doc[: subject.sent.start]):
        if earlier.lemma_.lower() != subject.lemma_.lower():
            continue
        holders: list[Token] = []
        if earlier.dep_ == "dobj":
            holders += [c for c in earlier.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if earlier.dep_ == "nsubjpass":
            holders += prep_objects(earlier.head, frozenset({"by"}))
        holders += prep_objects(earlier, frozenset({"by"}))
        holders += [c for c in reversed(list(earlier.lefts)) if c.dep_ in ("poss", "compound")]
        found = next((h for h in holders if party(h) is not None), None)
        if found is not None:
            return found
    return None
