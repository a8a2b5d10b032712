"""Whether two documents are about the same provisions (textmine/measure/comparability.py)."""

from __future__ import annotations

import pytest

from textmine.measure.comparability import comparability, title_forms, vocabulary_similarity

ACT = [
    "The registered person must consult the placing authority about the child's care plan.",
    "The registered person must notify the placing authority of any serious incident.",
    "Each children's home must have a registered manager.",
]
GUIDE = [
    "Regulation 5 of the Children's Homes (England) Regulations 2015 requires the registered "
    "person to notify the placing authority of serious incidents.",
    "The registered person should consult the child's placing authority about the care plan.",
]
UNRELATED = [
    "The standard allowance for universal credit rises with the consumer prices index.",
    "The Secretary of State must lay a statement about the uplift percentage.",
]


def test_vocabulary_similarity_by_hand() -> None:
    # parents (both), consulted / consult differ: dot 1, norms sqrt(2) * sqrt(2)
    assert vocabulary_similarity(["parents must be consulted"], ["consult parents"]) == 0.5
    assert vocabulary_similarity([], ["consult"]) == 0.0


def test_title_forms() -> None:
    assert title_forms("The Children's Homes (England) Regulations 2015 (SI 2015/541)") == [
        "children's homes (england) regulations 2015"
    ]
    assert title_forms("Universal Credit Act 2025 (c. 22)") == ["universal credit act 2025"]
    assert title_forms("Local offer guidance: for care leavers") == [
        "local offer guidance: for care leavers",
        "local offer guidance",
    ]
    assert title_forms("Sample Act (textmine example)") == [
        "sample act (textmine example)",
        "sample act",
    ]
    assert title_forms(None) == [] and title_forms("Act") == []


def test_related_pair_by_title() -> None:
    verdict = comparability(
        ACT,
        GUIDE,
        doc_a="si",
        doc_b="guide",
        title_a="The Children’s Homes (England) Regulations 2015",
    )
    assert verdict.comparable and verdict.reason is None
    assert verdict.title_mentions == 1
    assert verdict.vocabulary == pytest.approx(vocabulary_similarity(ACT, GUIDE))


def test_unrelated_pair_says_why() -> None:
    verdict = comparability(
        ACT, UNRELATED, doc_a="si", doc_b="uc", title_a="Children's Homes Regulations 2015"
    )
    assert not verdict.comparable
    assert verdict.reason is not None
    assert verdict.reason.startswith("they share little vocabulary (similarity 0.")
    assert verdict.reason.endswith("and the second never names the first")


def test_untitled_pair_by_citations() -> None:
    texts_b = ["Under section 1 and section 2, and section 4 of the Act, consult the parent."]
    kwargs = {"doc_a": "act", "doc_b": "code", "title_a": None}
    refs = ["s.1(1)", "s.2", "s.4(3)(a)"]
    assert comparability(texts_b, texts_b, refs_a=refs, **kwargs).cited == 3
    assert comparability(texts_b, texts_b, refs_a=refs, **kwargs).comparable
    few = comparability(texts_b, texts_b, refs_a=refs[:2], **kwargs)
    assert not few.comparable
    assert few.reason == "the second cites 2 of the first's provisions (fewer than 3)"


def test_stop_words_are_scikit_learns() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from textmine.measure.comparability import stop_words

    assert stop_words() == frozenset(ENGLISH_STOP_WORDS)
    assert len(stop_words()) == 318
