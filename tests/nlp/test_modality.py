"""Modality, negation, voice and passive-structure rules on hand-built parses (no model needed)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from tests.nlp.helpers import parsed as parse_rows
from tests.nlp.helpers import rule_of
from textmine.nlp.grammar.asides import modal_before_aside
from textmine.nlp.grammar.passives import list_continuation, passive_holders
from textmine.nlp.lexicon import load_lexicon
from textmine.nlp.rules.modality import governing_chain, modality
from textmine.nlp.rules.negation import negation
from textmine.nlp.rules.voice import voice

CUES = load_lexicon().cues
VOCAB = spacy.blank("en").vocab


def parsed(rows: str) -> Doc:
    return parse_rows(VOCAB, rows)


NEED_NOT = parsed(
    """
    The the DET DT det 1
    authority authority NOUN NN nsubj 4
    need need AUX VBP aux 4
    not not PART RB neg 4
    inform inform VERB VB ROOT 4
    the the DET DT det 6
    parent parent NOUN NN dobj 4
    """
)
# "The body is not required to notify the parent ."
REQUIRED = parsed(
    """
    The the DET DT det 1
    body body NOUN NN nsubjpass 4
    is be AUX VBZ auxpass 4
    not not PART RB neg 4
    required require VERB VBN ROOT 4
    to to PART TO aux 6
    notify notify VERB VB xcomp 4
    the the DET DT det 8
    parent parent NOUN NN dobj 6
    """
)
# "The school must not consult or inform the parent ."
COORDINATED = parsed(
    """
    The the DET DT det 1
    school school NOUN NN nsubj 4
    must must AUX MD aux 4
    not not PART RB neg 4
    consult consult VERB VB ROOT 4
    or or CCONJ CC cc 4
    inform inform VERB VB conj 4
    the the DET DT det 8
    parent parent NOUN NN dobj 6
    """
)
# "The authority must ensure that parents are consulted ."
ENSURE = parsed(
    """
    The the DET DT det 1
    authority authority NOUN NN nsubj 3
    must must AUX MD aux 3
    ensure ensure VERB VB ROOT 3
    that that SCONJ IN mark 7
    parents parent NOUN NNS nsubjpass 7
    are be AUX VBP auxpass 7
    consulted consult VERB VBN ccomp 3
    """
)
# "The council must encourage parents to participate ."
ENCOURAGE = parsed(
    """
    The the DET DT det 1
    council council NOUN NN nsubj 3
    must must AUX MD aux 3
    encourage encourage VERB VB ROOT 3
    parents parent NOUN NNS dobj 3
    to to PART TO aux 6
    participate participate VERB VB xcomp 3
    """
)
# "The person must — notify the parent"
LIST_ITEM = parsed(
    """
    The the DET DT det 1
    person person NOUN NN nsubj 2
    must must AUX MD ROOT 2
    — — PUNCT : punct 2
    notify notify VERB VB ROOT 4
    the the DET DT det 6
    parent parent NOUN NN dobj 4
    """
)


@pytest.mark.parametrize(
    ("doc", "index", "value", "rule", "token"),
    [
        (NEED_NOT, 4, "need", "modality.aux", "need"),
        (REQUIRED, 6, "none", "modality.none", None),  # "require" is not a modal
        (COORDINATED, 6, "must", "modality.aux via link.conj", "must"),
        (ENSURE, 7, "must", "modality.aux via link.embedding", "must"),
        (
            ENCOURAGE,
            6,
            "must",
            "modality.aux via link.xcomp",
            "must",
        ),  # object control carries it down
        (LIST_ITEM, 4, "none", "modality.none", None),
    ],
)
def test_modality(doc: Doc, index: int, value: str, rule: str, token: str | None) -> None:
    reading = modality(doc[index], CUES)
    assert (reading.value, rule_of(reading), reading.token) == (value, rule, token)


@pytest.mark.parametrize(
    ("doc", "index", "negated", "rule"),
    [
        (NEED_NOT, 4, True, "negation.cue"),
        (REQUIRED, 6, True, "negation.cue via link.xcomp"),
        (COORDINATED, 6, True, "negation.cue via link.conj"),
        (ENSURE, 7, False, "negation.none"),
    ],
)
def test_negation(doc: Doc, index: int, negated: bool, rule: str) -> None:
    reading = negation(doc[index], CUES)
    assert (reading.value, rule_of(reading)) == (negated, rule)


def test_voice() -> None:
    assert voice(ENSURE[7], CUES).value == "passive"
    reading = voice(ENSURE[7], CUES)
    assert (reading.rule.name, reading.extra["dep"]) == ("voice.passive_marker", "nsubjpass")
    assert voice(COORDINATED[6], CUES).value == "active"


def test_chain_stops_at_own_modal() -> None:
    chain = governing_chain(COORDINATED[6], CUES)
    assert [(t.text, link and link.name) for t, link in chain] == [
        ("inform", None),
        ("consult", "link.conj"),
    ]


def test_lexical_need_is_the_nearest_cue() -> None:
    # "The school will need to work with the parent ."
    doc = parsed(
        """
        The the DET DT det 1
        school school NOUN NN nsubj 3
        will will AUX MD aux 3
        need need VERB VB ROOT 3
        to to PART TO aux 5
        work work VERB VB xcomp 3
        with with ADP IN prep 5
        the the DET DT det 8
        parent parent NOUN NN pobj 6
        """
    )
    reading = modality(doc[5], CUES)
    assert (reading.value, rule_of(reading), reading.token) == (
        "need",
        "modality.lexical via link.xcomp",
        "need",
    )


# "The home builds a culture where children are listened to , respected and involved ."
# as the parser breaks it: "respected" hangs off the main verb
BROKEN_LIST = parsed(
    """
    The the DET DT det 1
    home home NOUN NN nsubj 2
    builds build VERB VBZ ROOT 2
    a a DET DT det 4
    culture culture NOUN NN dobj 2
    where where SCONJ WRB advmod 8
    children child NOUN NNS nsubjpass 8
    are be AUX VBP auxpass 8
    listened listen VERB VBN relcl 4
    to to ADP IN prep 8
    , , PUNCT , punct 9
    respected respect VERB VBN advcl 2
    and and CCONJ CC cc 11
    involved involve VERB VBN conj 11
    . . PUNCT . punct 2
    """
)
# "The authority may , where it agrees , consult the parent ." with "may" read as an apposition
ASIDE = parsed(
    """
    The the DET DT det 1
    authority authority NOUN NN nsubj 8
    may may AUX MD appos 1
    , , PUNCT , punct 2
    where where SCONJ WRB advmod 5
    it it PRON PRP nsubj 6
    agrees agree VERB VBZ relcl 2
    , , PUNCT , punct 2
    consult consult VERB VB ROOT 8
    the the DET DT det 10
    parent parent NOUN NN dobj 8
    . . PUNCT . punct 8
    """
)


def test_broken_participle_list_continues_the_first_participle() -> None:
    assert list_continuation(BROKEN_LIST[11]) == BROKEN_LIST[8]
    assert list_continuation(BROKEN_LIST[13]) is None  # the conjunct follows its head
    assert voice(BROKEN_LIST[13], CUES).value == "passive"
    assert [t.text for t in passive_holders(BROKEN_LIST[13])] == ["children"]
    # inside the relative clause, the main clause's modal does not carry in
    assert modality(BROKEN_LIST[13], CUES).value == "none"


def test_modal_before_a_parenthetical_governs_the_verb_after_it() -> None:
    assert modal_before_aside(ASIDE[8], CUES) == ASIDE[2]
    reading = modality(ASIDE[8], CUES)
    assert (reading.value, rule_of(reading), reading.token) == (
        "may",
        "modality.before_aside",
        "may",
    )
