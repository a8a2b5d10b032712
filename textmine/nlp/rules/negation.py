"""Negation of a matched term: a cue on its verb or on a verb it takes its modal from.

Negation is read on every verb of the governing chain
(:func:`textmine.nlp.rules.modality.governing_chain`) up to the one that supplies
the modal, so ``cannot force them to engage`` is negated and ``need not
consult or inform`` negates both verbs. Cues come from ``cues.jsonl``:
words (``not``, ``never``, ``nothing``), phrases (``no longer``) and
determiners of a subject (``No local authority may inform``). ``not only
... but also`` is a correlative, not a negation; ``not later than`` hangs off
its time phrase, not the verb. ``modality`` and ``negated`` stay orthogonal,
as the tagging contract requires.
"""

from __future__ import annotations

from spacy.tokens import Token

from textmine.nlp.grammar.deps import to_infinitive
from textmine.nlp.lexicon import Cues
from textmine.nlp.rules.modality import governing_chain
from textmine.nlp.rules.registry import Reading, rule

__all__ = ["negation"]

_NOT_ONLY = frozenset({"only", "merely", "just", "simply"})

CUE = rule(
    "negation.cue",
    "negated",
    "A negation cue on the term's verb or on a verb of its modal chain ('must not consult', "
    "'cannot force them to engage', 'No authority may inform', 'not suitable to work with').",
    example="The school must not inform the parents without consent.",
    expect={"text": "inform", "negated": True},
)
GOVERNING_VERB = rule(
    "negation.governing_verb",
    "negated",
    "'Nothing in this section requires the authority to consult': the verb that gives or "
    "imposes the infinitive's noun is negated (not 'does not affect any power to').",
    example="Nothing in this section gives the school a duty to inform the parents.",
    expect={"text": "inform", "negated": True},
)
NOUN_DETERMINER = rule(
    "negation.noun_determiner",
    "negated",
    "'there is no need to consult': the determiner of the infinitive's noun.",
    example="There is no need to consult the parents again.",
    expect={"text": "consult", "negated": True},
)
NONE = rule(
    "negation.none",
    "negated",
    "No negation cue governs the term ('not later than', 'whether or not' and 'without' do "
    "not negate).",
    example="The authority must consult the parent not later than 15 days after the request.",
    expect={"text": "consult", "negated": False},
)


#: Verbs that give, impose or hold the duty or power an infinitive completes (``Nothing ...
#: requires / gives the school a duty to inform``); not ``does not affect any power to``.
_BESTOWING = frozenset(
    {
        "require", "give", "impose", "confer", "place", "put", "create", "have", "grant",
        "authorise", "authorize", "entitle", "oblige", "empower", "allow", "permit", "enable",
        "need", "expect", "ask", "force", "compel",
    }
)  # fmt: skip


def _not_only(cue: Token) -> bool:
    """``not only ... but also``: a correlative, no negation."""
    doc = cue.doc
    return cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ in _NOT_ONLY


def _whether_or_not(cue: Token) -> bool:
    """``whether or not the father will need to be notified``, ``whether ... or not``: the
    alternative of a question, no negation."""
    if not cue.i or cue.nbor(-1).lower_ != "or" or cue.lower_ != "not":
        return False
    start = max(cue.sent.start, cue.i - 30)
    return any(t.lower_ == "whether" for t in cue.doc[start : cue.i])


def _alternative(cue: Token) -> bool:
    """``which must, or must not, be taken into account``, ``may or may not``: a negated
    modal offered as the second of two alternatives; the first, positive, one is read."""
    words = [t for t in cue.doc[max(cue.sent.start, cue.i - 5) : cue.i] if t.text != ","]
    return (
        len(words) >= 3
        and words[-1].tag_ == "MD"
        and words[-2].lower_ == "or"
        and words[-3].tag_ == "MD"
    )


def _negation_cue(token: Token, cues: Cues) -> Token | None:
    # "must not, unless ..., inform": the parser may hang the cue off the auxiliary
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    for child in [*token.children, *(g for a in auxiliaries for g in a.children)]:
        if (
            (child.dep_ == "neg" or child.lower_ in cues.negations)
            and not _not_only(child)
            and not _whether_or_not(child)
            and not _alternative(child)
        ):
            return child
        if child.dep_ in ("nsubj", "nsubjpass") and cues.negation_determiners:
            for det in child.children:
                if det.dep_ == "det" and det.lower_ in cues.negation_determiners:
                    return det  # "No local authority may inform ..."
        if not cues.negation_phrases or child.dep_ not in ("advmod", "npadvmod"):
            continue
        left, right = child.left_edge.i, child.right_edge.i
        if right - left < 4:
            words = tuple(t.lower_ for t in child.doc[left : right + 1])
            if words in cues.negation_phrases:
                return child
    return None


def negation(verb: Token, cues: Cues) -> Reading:
    """Whether a negation cue governs ``verb`` or a verb it inherits its modal from."""
    chain = governing_chain(verb, cues)
    for index, (token, _) in enumerate(chain):
        cue = _negation_cue(token, cues)
        if cue is not None:
            via = tuple(step for _, step in chain[1 : index + 1] if step is not None)
            return Reading(True, CUE, via, token=cue.text)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and to_infinitive(verb):
        cue = next((c for c in verb.head.children if c.dep_ == "neg"), None)
        if cue is not None and not _whether_or_not(cue):  # "not suitable to work with children"
            return Reading(True, CUE, token=cue.text)
    if verb.dep_ == "xcomp" and verb.head.dep_ in ("advmod", "npadvmod") and cues.negation_phrases:
        # "is no longer to be considered": the parse hung the infinitive on the phrase
        phrase = verb.head
        words = tuple(t.lower_ for t in phrase.doc[phrase.left_edge.i : phrase.i + 1])
        if words in cues.negation_phrases:
            return Reading(True, CUE, token=phrase.text)
    # "Nothing in this section requires the authority to consult": the verb governing
    # the infinitive's noun is negated
    if (
        verb.dep_ == "acl"
        and to_infinitive(verb)
        and verb.head.dep_ == "dobj"
        and verb.head.head != verb.head
        and verb.head.head.lemma_.lower() in _BESTOWING
    ):
        cue = _negation_cue(verb.head.head, cues)
        if cue is not None:
            return Reading(True, GOVERNING_VERB, token=cue.text)
    nouns: list[Token] = []
    if verb.dep_ in ("acl", "relcl") and to_infinitive(verb):
        nouns = [verb.head]  # "there is no need to consult", "has no duty to notify"
    elif verb.dep_ in ("xcomp", "advcl") and to_infinitive(verb) and verb.head.lemma_ == "be":
        # "There is no requirement in the AAR for the panel to consider": the infinitive
        # hung on the copula, the noun its attribute
        nouns = [c for c in verb.head.children if c.dep_ == "attr"]
    for noun in nouns:
        for det in noun.children:
            if det.dep_ == "det" and det.lower_ in cues.negation_determiners:
                return Reading(True, NOUN_DETERMINER, token=det.text)
    return Reading(False, NONE)
