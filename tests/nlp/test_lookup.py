"""The model's attribute ruler and lemmatizer by lookup: the annotations of spaCy's own."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, MORPH, NORM, ORTH, POS, SENT_START, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from textmine.nlp.lookup import LookupAttributeRuler, LookupLemmatizer, RulerIndex, use_lookups
from textmine.nlp.pipeline import load_model
from textmine.settings import Settings

TEXTS = [
    "The local authority must consult the child's parent and must not inform the school.",
    "Where it is necessary, there are cases in which they've gotta let's say y'all go.",
    "Adopters' views were sought; the panel's recommendations are being considered.\n\n"
    "(a) inform the parents;\n(b) notify the court —  and\tthe agencies.",
    "It ain't so: the children were better off, and the best-placed agencies gonna help.",
    "",
]
ATTRS = [ORTH, LOWER, TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START, NORM]


@pytest.fixture(scope="module")
def pair() -> tuple[Language, Language]:
    """The model as spaCy runs it, and the same model with the lookups."""
    settings = Settings()
    stock = load_model(settings.models, settings.disable)
    fast = load_model(settings.models, settings.disable)
    use_lookups(fast)
    return stock, fast


def test_use_lookups_swaps_the_classes_and_keeps_names(pair: tuple[Language, Language]) -> None:
    stock, fast = pair
    assert fast.pipe_names == stock.pipe_names
    assert type(stock.get_pipe("attribute_ruler")) is AttributeRuler
    assert type(stock.get_pipe("lemmatizer")) is EnglishLemmatizer
    assert isinstance(fast.get_pipe("attribute_ruler"), LookupAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), LookupLemmatizer)


def test_same_annotations_as_spacy(pair: tuple[Language, Language]) -> None:
    stock, fast = pair
    for _ in range(2):  # a second pass reads what the lookups remember
        for ours, theirs in zip(fast.pipe(TEXTS), stock.pipe(TEXTS), strict=True):
            assert (ours.to_array(ATTRS) == theirs.to_array(ATTRS)).all()
            assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
            assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]


def test_same_ruler_matches_as_the_matcher(pair: tuple[Language, Language]) -> None:
    stock, _ = pair
    ruler = stock.get_pipe("attribute_ruler")
    index = RulerIndex(ruler)
    before = [name for name in stock.pipe_names if name not in ("attribute_ruler", "lemmatizer")]
    with stock.select_pipes(enable=before):
        docs = list(stock.pipe(TEXTS))
    assert any(len(AttributeRuler.match(ruler, doc)) > len(doc) for doc in docs)  # 2-token rules
    for doc in docs:
        assert index(doc) == AttributeRuler.match(ruler, doc)


def test_patterns_added_later_are_matched_as_spacy_does() -> None:
    settings = Settings()
    nlp = load_model(settings.models, settings.disable)
    use_lookups(nlp)
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "consult"}]], {"LEMMA": "CONSULT"})
    assert [t.lemma_ for t in nlp("They consult.")][1] == "CONSULT"


def test_a_pattern_of_another_shape_keeps_the_matcher() -> None:
    settings = Settings()
    nlp = load_model(settings.models, settings.disable)
    nlp.get_pipe("attribute_ruler").add([[{"LENGTH": {">=": 30}}]], {"POS": "X"})
    use_lookups(nlp)
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler
