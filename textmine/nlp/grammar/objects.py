"""Where the object of a term verb stands when the parse does not hang it on the verb.

``involve`` and ``engage`` count only with a party as object (``seek`` only
with advice, views, consent ...), so a missed object is a missed occurrence.
Statutory and Code-style English puts the object where the parser loses it;
each helper below reads one such construction and returns the noun (or
pronoun) heads that stand for the verb's object:

* :func:`next_noun`: the noun phrase right after the verb, read on the
  surface (``action involving the SENCO, ...``, ``Engaging birth parents is``);
* :func:`aside_object`: an aside between the verb and its object (``involve,
  so far as is reasonably practicable, the child``);
* :func:`shared_object`: coordinated verbs sharing the last one's object
  (``engage, support and involve birth parents``, ``engage with and listen
  to parents``) or a right-node-raised one (``involve, and seek the views
  of, the young person``);
* :func:`gap_object`: the head noun of a relative clause with no relative
  word, also through an infinitive (``the parents it needs to engage``) or
  with ``that`` read as a preposition;
* :func:`wh_object`: a wh-infinitive (``decide who to involve``, ``which
  professionals to involve``);
* :func:`tough_subject`: the subject of a *tough* adjective (``young people
  who are hard to engage``), the object of its infinitive;
* :func:`kept_object`: ``keep the young person engaged`` read as a clause;
* :func:`post_nominal_head`: the noun a participle follows (``everyone
  involved``, ``those involved``), read as a reduced relative.

:mod:`textmine.nlp.rules.senses` reads them only for a candidate whose plain
object reading failed, and :mod:`textmine.nlp.rules.recipients` only when the plain
reading found no object, so they cost nothing on most sentences.
"""

from __future__ import annotations

from spacy.tokens import Token

from textmine.nlp.grammar.deps import to_infinitive
from textmine.nlp.grammar.syntax import conjuncts, np_end, relative_gap_head

__all__ = [
    "TOUGH_ADJECTIVES",
    "aside_object",
    "gap_object",
    "hidden_objects",
    "judgement_gap",
    "kept_object",
    "next_noun",
    "post_nominal_head",
    "shared_object",
    "tough_subject",
    "wh_object",
]

#: Longest aside skipped between a verb and its object (``, where appropriate,``).
MAX_ASIDE = 12
#: Adjectives whose infinitive's object is their subject (``hard to engage``): a
#: closed grammatical class, unlike control adjectives (``reluctant to engage``).
TOUGH_ADJECTIVES = frozenset(
    {"hard", "difficult", "easy", "easier", "harder", "impossible", "challenging", "tricky"}
)
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_WH_PERSONAL = frozenset({"who", "whom"})
_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom"})


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in _OBJECT_DEPS for c in verb.children)


def _np_head_at(verb: Token, i: int) -> list[Token]:
    """The head of the noun phrase that starts at ``i`` (with its conjuncts)."""
    doc = verb.doc
    if i >= len(doc):
        return []
    if doc[i].pos_ == "PRON":
        return [doc[i]]
    end = np_end(doc, i)
    if end == i:
        return []
    return conjuncts(doc[end - 1])


def aside_object(verb: Token) -> list[Token]:
    """``involve, so far as is reasonably practicable, the child``: the phrase after the aside.

    The verb is followed by a comma, an aside of at most :data:`MAX_ASIDE`
    tokens and a closing comma; the noun phrase after it is the object.
    """
    doc = verb.doc
    start = verb.i + 1
    if _has_object(verb) or start >= len(doc) or doc[start].text not in (",", "\u2014", "\u2013"):
        return []
    for i in range(start + 1, min(len(doc), start + MAX_ASIDE + 1)):
        token = doc[i]
        if token.text in (";", ".", ":"):
            return []
        if token.text == doc[start].text:
            return _np_head_at(verb, i + 1) if i > start + 1 else []
    return []


def _stranded(verb: Token) -> bool:
    """A preposition of ``verb`` left without its object (``engage with and listen to``)."""
    return any(
        c.dep_ == "prep"
        and c.i > verb.i
        and not any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        for c in verb.children
    )


def shared_object(verb: Token) -> list[Token]:
    """The object of a later conjunct that ``verb`` shares (see the module docstring).

    ``verb`` must have no object of its own and no preposition with an object;
    the later conjuncts (through the whole chain) must have no subject of
    their own. Their direct objects, and the objects of their ``with``/``to``
    phrases, are shared; so is the owner after a right-node-raised ``of``
    (``seek the views of, the young person``).
    """
    if _has_object(verb) or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return []  # a passive's object slot is its subject ("what will be involved and ask them")
    if any(c.dep_ == "prep" and c.i > verb.i for c in verb.children) and not _stranded(verb):
        return []  # a fronted phrase ("In preparing the plan, ... seek and ...") is no object
    found: list[Token] = []
    for conj in conjuncts(verb)[1:]:
        if conj.i < verb.i or conj.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ in _SUBJECTS for c in conj.children):
            break
        for child in conj.children:
            if child.dep_ in _OBJECT_DEPS:
                found += conjuncts(child)
                found += _raised_owner(child)
                found += _phrase_object(conj, child)
            elif child.dep_ == "prep" and child.lower_ in ("with", "to"):
                found += [o for g in child.children if g.dep_ == "pobj" for o in conjuncts(g)]
    return found


def _phrase_object(verb: Token, obj: Token) -> list[Token]:
    """``have regard to X``, ``take account of X``: the object of a bare noun's preposition.

    A light verb's bare noun (no determiner) is part of a phrase whose real
    object follows its ``to``/``of`` (``seek and have regard to the views``),
    which the parser hangs off the noun or the verb.
    """
    if any(c.dep_ in ("det", "poss", "amod") for c in obj.children):
        return []
    return [
        o
        for holder in (obj, verb)
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ in ("to", "of") and prep.i > obj.i
        for g in prep.children
        if g.dep_ == "pobj"
        for o in conjuncts(g)
    ]


def _raised_owner(obj: Token) -> list[Token]:
    """``the views of, the young person``: the owner after ``of`` and a comma."""
    for prep in obj.children:
        after = prep.doc[prep.i + 1] if prep.i + 1 < len(prep.doc) else None
        if prep.dep_ == "prep" and prep.lower_ == "of" and after is not None and after.text == ",":
            return [o for g in prep.children if g.dep_ == "pobj" for o in conjuncts(g)]
    return []


def gap_object(verb: Token) -> list[Token]:
    """The relative clause's head noun when it is the object ``verb`` lacks.

    ``the people the agency will involve``, ``the parents it needs to engage``
    (through an infinitive complement), ``the agencies that the school should
    involve`` (``that`` parsed as the object but tagged as a preposition).
    """
    objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    if objects and not all(
        o.lower_ in _RELATIVE_WORDS and o.tag_ not in ("WDT", "WP") for o in objects
    ):
        return []
    if any(c.dep_ == "prep" for c in verb.children) and not objects:
        return []
    token = verb
    for _ in range(3):  # "needs to engage", "will want to involve"
        if token.dep_ != "xcomp" or not to_infinitive(token):
            break
        token = token.head
    if not any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in token.children):
        return []
    head = relative_gap_head(token, stranded=bool(objects))
    return [] if head is None else conjuncts(head)


def wh_object(verb: Token) -> list[Token]:
    """``decide who to involve``, ``which professionals to involve``: the wh-phrase."""
    if not to_infinitive(verb) or any(
        c.dep_ in _OBJECT_DEPS and c.tag_ not in ("WP", "WDT") for c in verb.children
    ):
        return []
    doc = verb.doc
    for i in range(verb.i - 1, max(verb.sent.start - 1, verb.i - 8), -1):
        token = doc[i]
        if token.lower_ in _WH_PERSONAL:
            return [token]
        if token.lower_ in ("which", "what") and token.tag_ in ("WDT", "WP"):
            noun = token.head if token.dep_ == "det" else None
            if noun is None:  # "which/dobj professionals/nsubj to involve"
                noun = next((t for t in doc[i + 1 : verb.i] if t.pos_ in ("NOUN", "PROPN")), None)
                if noun is not None:
                    while noun.i + 1 < verb.i and doc[noun.i + 1].pos_ in ("NOUN", "PROPN"):
                        noun = doc[noun.i + 1]
            return [noun] if noun is not None and noun.pos_ in ("NOUN", "PROPN") else []
        if token.pos_ in ("VERB", "AUX") or token.text in (",", ";", ":"):
            return []
    return []


def tough_subject(verb: Token) -> list[Token]:
    """``young people who are hard to engage``: the *tough* adjective's subject.

    Also with *find* (``parents the school finds hard to engage``: *find*'s
    object, or the head noun of its relative clause).
    """
    if not to_infinitive(verb) or _has_object(verb) or verb.dep_ not in ("xcomp", "advcl"):
        return []
    head = verb.head
    if head.lower_ in TOUGH_ADJECTIVES:  # "are hard to engage"
        adjective = head
        holder = head.head if head.dep_ in ("acomp", "oprd", "advmod") else head
    else:  # "finds hard/advmod to engage": the adjective hangs off the verb beside the infinitive
        found = [c for c in head.children if c.lower_ in TOUGH_ADJECTIVES and c.i < verb.i]
        if not found:
            return []
        adjective, holder = found[0], head
    for child in holder.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass") and child.i < adjective.i:
            return conjuncts(child)
    return []


def kept_object(verb: Token) -> list[Token]:
    """``keep the young person engaged`` parsed as a clause: the subject of the participle."""
    head = verb.head
    if head.lemma_.lower() != "keep" or verb.tag_ not in ("VBN", "VBD") or verb.i < head.i:
        return []
    if verb.dep_ in ("ccomp", "xcomp", "oprd", "acomp"):
        for child in verb.children:
            if child.dep_ in _SUBJECTS:
                return conjuncts(child)
        return [o for c in head.children if c.dep_ == "dobj" for o in conjuncts(c)]
    return []


def post_nominal_head(verb: Token) -> list[Token]:
    """``everyone involved``, ``all those involved``: the noun a bare participle follows."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("amod", "acl") or verb.head.i >= verb.i:
        return []
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return []
    return [verb.head]


def next_noun(verb: Token) -> list[Token]:
    """The noun phrase head just after an active verb, whatever the parse made of it.

    ``support involving the SENCO, educational psychologist, ...``: the parser
    may hang *SENCO* off a later noun; the word order still shows the object.
    Only a phrase head (not a modifier: ``staff training``, ``parents' evenings``).
    """
    if verb.tag_ not in ("VB", "VBG", "VBP", "VBZ"):
        return []
    doc = verb.doc
    for i in range(verb.i + 1, min(len(doc), verb.i + 4)):
        token = doc[i]
        if token.pos_ in ("DET", "ADJ") or token.tag_ == "PRP$":
            continue
        if token.dep_ == "compound" and token.i < token.head.i <= verb.i + 4:
            continue  # "Engaging birth/compound parents is ...": on to the phrase's head
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "poss", "amod"):
            return []
        after = doc[i + 1] if i + 1 < len(doc) else None
        if after is not None and (after.pos_ in ("NOUN", "PROPN") or after.tag_ == "POS"):
            return []
        return [token]
    return []


def hidden_objects(verb: Token) -> list[Token]:
    """Every object head the helpers above find for ``verb`` (see the module docstring)."""
    found: list[Token] = []
    for finder in (
        next_noun,
        aside_object,
        shared_object,
        gap_object,
        wh_object,
        tough_subject,
        kept_object,
        post_nominal_head,
    ):
        found += finder(verb)
    return found


#: Adjectives of a judgement clause whose infinitive leaves its object to the noun before
#: (``any persons the board considers it appropriate to consult``).
_JUDGED = frozenset(
    {"appropriate", "necessary", "fit", "desirable", "expedient", "proper", "suitable"}
)
#: Verbs of judging that such a clause is the object of.
_JUDGING = frozenset({"consider", "think", "determine", "believe", "decide", "judge"})
#: Words between the noun and the judging clause's subject.
_GAP_WORDS = frozenset({"as", "that", "whom", "which", "who"})


def judgement_gap(verb: Token) -> list[Token]:
    """``any persons NHS England considers it appropriate to consult``: the noun the
    judgement clause follows is the object of an infinitive that has none.

    The parser seldom makes such a clause a relative clause (it often
    coordinates *considers* with the main verb), so the noun is found by
    position: the word before the judging verb's subject (past ``as``,
    ``that``, ``whom``), when it is a noun.
    """
    if _has_object(verb) or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    judged = verb.head
    if verb.dep_ not in ("advcl", "xcomp", "ccomp") or judged.lemma_.lower() not in _JUDGED:
        return []
    judging = judged.head
    if judged.dep_ not in ("ccomp", "xcomp", "oprd", "acomp") or (
        judging.lemma_.lower() not in _JUDGING
    ):
        return []
    subject = next((c for c in judging.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return []
    i = subject.left_edge.i - 1
    while i >= 0 and verb.doc[i].lower_ in _GAP_WORDS:
        i -= 1
    noun = verb.doc[i] if i >= 0 else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.i >= verb.i:
        return []
    return conjuncts(noun)
