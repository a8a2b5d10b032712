"""Voice of a matched term: ``passive`` or ``active``, read from the dependency parse.

A passive auxiliary or subject, a ``by`` agent, a reduced relative (``the
professionals involved``, also when the parser reads it as a clause:
``Other agencies involved, such as ...``), ``keep X informed``, a participle
after *be* (``parents are closely involved``), and a participle sharing the
voice of the one it is listed or coordinated with (``must be consulted and
informed``, ``listened to, respected and involved``). The passive and
participle structures the parser misreads are put back by
:mod:`textmine.nlp.grammar.passives`. Each reading names its rule (``voice.*``).
"""

from __future__ import annotations

from spacy.tokens import Token

from textmine.nlp.grammar.adjuncts import clause_read_relative, participle_after_argument
from textmine.nlp.grammar.deps import has_subject
from textmine.nlp.grammar.passives import adverbial_participle, kept, list_continuation
from textmine.nlp.lexicon import Cues
from textmine.nlp.rules.registry import Reading, Rule, rule

__all__ = ["voice"]

_PASSIVE_MARKS = frozenset({"auxpass", "nsubjpass", "csubjpass", "agent"})
#: Longest walk through shared participles.
_MAX_CHAIN = 12

NOMINAL = rule(
    "voice.nominal",
    "voice",
    "A term used as a noun is active.",
    example="Co-production with families is expected.",
    expect={"text": "Co-production", "voice": "active"},
)
MARKER = rule(
    "voice.passive_marker",
    "voice",
    "A passive auxiliary, passive subject or by-agent marks a passive.",
    example="The parent must be consulted.",
    expect={"text": "consulted", "voice": "passive"},
)
REDUCED_RELATIVE = rule(
    "voice.reduced_relative",
    "voice",
    "A participle after its noun is a passive ('the professionals involved'), also where the "
    "parse read it as a clause of its own ('a copy to each person consulted').",
    example="The professionals involved should share information.",
    expect={"text": "involved", "voice": "passive"},
)
KEEP = rule(
    "voice.keep_informed",
    "voice",
    "'keep X informed' is a passive participle.",
    example="The school must keep the parents informed.",
    expect={"text": "informed", "voice": "passive"},
)
AFTER_BE = rule(
    "voice.after_be",
    "voice",
    "A participle after 'be' is a passive ('parents are closely involved').",
    example="Parents are closely involved in the review.",
    expect={"text": "involved", "voice": "passive"},
)
ADVERBIAL = rule(
    "voice.adverbial_participle",
    "voice",
    "A subjectless past participle after 'when', 'if', 'once' ... is a reduced passive.",
    example="If notified of a change, the school must review the plan.",
    expect={
        "text": "notified",
        "voice": "passive",
        "actor": "unspecified",
        "recipients": ["education"],
    },
)
SHARED = rule(
    "voice.shared",
    "voice",
    "A bare participle coordinated or listed with a passive one shares its voice.",
    example="The parents must be consulted and informed.",
    expect={"text": "informed", "voice": "passive"},
)
ACTIVE = rule(
    "voice.active",
    "voice",
    "No passive marker: active.",
    example="The authority must consult the parent.",
    expect={"text": "consult", "voice": "active"},
)


def voice(verb: Token, cues: Cues) -> Reading:
    """``passive`` for a passive auxiliary or subject, an agent, or a reduced relative."""
    if verb.pos_ in ("NOUN", "PROPN"):
        return Reading("active", NOMINAL)
    token = verb
    shared: list[Rule] = []
    for _ in range(_MAX_CHAIN):
        marks = [c for c in token.children if c.dep_ in _PASSIVE_MARKS]
        if marks:
            return Reading(
                "passive", MARKER, tuple(shared), None, marks[0].text, {"dep": marks[0].dep_}
            )
        if token.tag_ == "VBN" and (
            token.dep_ == "acl" or (token.dep_ == "amod" and token.head.i < token.i)
        ):  # "the professionals involved", "everyone involved" (read as amod)
            return Reading("passive", REDUCED_RELATIVE, tuple(shared), token=token.text)
        if clause_read_relative(token) or participle_after_argument(token) is not None:
            # "Other people involved, such as ..., should", "a copy to each person consulted"
            return Reading("passive", REDUCED_RELATIVE, tuple(shared), token=token.text)
        if adverbial_participle(token) is not None:  # "When consulted about the draft, ..."
            return Reading("passive", ADVERBIAL, tuple(shared), token=token.text)
        if (token.tag_ in ("VBN", "VBD") or token.lower_.endswith("ed")) and kept(
            token
        ) is not None:
            return Reading("passive", KEEP, tuple(shared), token=token.head.text)
        if (
            token.tag_ in ("VBN", "JJ")
            and token.dep_ == "acomp"
            and token.head.lemma_.lower() in ("be", "become", "get")
        ):  # "parents are closely involved", "who is not involved/JJ", "become involved"
            return Reading("passive", AFTER_BE, tuple(shared), token=token.head.text)
        continued = list_continuation(token)
        if continued is not None:
            token = continued  # "are listened to, respected and involved"
            shared.append(SHARED)
            continue
        # "must be consulted and informed": the bare participle shares its conjunct's voice
        if token.dep_ == "conj" and token.tag_ == "VBN" and not has_subject(token):
            if any(c.dep_ in ("aux", "auxpass") for c in token.children):
                break
            if token.head.lemma_.lower() == "be" and token.head.tag_ != "VBN":
                # "should be at the centre of the process and fully involved"
                return Reading("passive", AFTER_BE, tuple(shared), token=token.head.text)
            token = token.head
            shared.append(SHARED)
            continue
        if (
            token.dep_ == "advcl"
            and token.tag_ == "VBN"
            and token.head.tag_ == "VBN"
            and not has_subject(token)
            and not any(c.dep_ in ("aux", "mark", "advmod") for c in token.children)
        ):
            token = token.head  # "be listened to, respected and involved": a participle list
            shared.append(SHARED)
            continue
        break
    return Reading("active", ACTIVE)
