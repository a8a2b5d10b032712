"""A modal cut off from its verb by an aside (nlp/grammar/asides.py), on hand-built parses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from tests.nlp.helpers import parsed as parse_rows
from textmine.nlp.grammar.asides import modal_before_aside
from textmine.nlp.lexicon import load_lexicon

CUES = load_lexicon().cues
VOCAB = spacy.blank("en").vocab


def parsed(rows: str) -> Doc:
    return parse_rows(VOCAB, rows)


# "The home must, as soon as practicable, notify the authority": the parser
# made must the auxiliary of "practicable" inside the aside
INSIDE = parsed(
    """
    The the DET DT det 1
    home home NOUN NN nsubj 6
    must must AUX MD aux 6
    , , PUNCT , punct 2
    as as ADV RB advmod 5
    soon soon ADV RB advmod 6
    practicable practicable ADJ JJ ccomp 8
    , , PUNCT , punct 8
    notify notify VERB VB ROOT 8
    the the DET DT det 10
    authority authority NOUN NN dobj 8
    """
)

# the same with a subject inside the aside ("as it is practicable"): the word
# the modal hangs off is a clause of its own, so the modal is not read across
OWN_CLAUSE = parsed(
    """
    The the DET DT det 1
    home home NOUN NN nsubj 9
    must must AUX MD aux 7
    , , PUNCT , punct 2
    as as SCONJ IN mark 7
    it it PRON PRP nsubj 7
    is be AUX VBZ cop 7
    practicable practicable ADJ JJ ccomp 9
    , , PUNCT , punct 9
    notify notify VERB VB ROOT 9
    the the DET DT det 11
    authority authority NOUN NN dobj 9
    """
)


def test_a_modal_made_the_auxiliary_of_a_word_inside_the_aside_governs_the_verb() -> None:
    assert modal_before_aside(INSIDE[8], CUES) == INSIDE[2]


def test_a_modal_with_a_subject_of_its_own_inside_the_aside_does_not() -> None:
    assert modal_before_aside(OWN_CLAUSE[9], CUES) is None
