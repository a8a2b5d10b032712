"""Term matches found only where a pattern can start: as spaCy's Matcher finds them per sentence."""

from __future__ import annotations

from typing import Any

import numpy
import pytest
import spacy
from spacy.attrs import LOWER
from spacy.tokens import Doc

from textmine.nlp.lexicon import TermPattern
from textmine.nlp.matching import TermMatcher, first_words, longest, unparsed


def _term(line: int, pattern: list[dict[str, Any]]) -> TermPattern:
    return TermPattern(
        label="PARTNERSHIP",
        id=f"t{line}",
        term=f"t{line}",
        level=1,
        pattern=pattern,
        constraint={},
        roles=(),
        line=line,
    )


def _reference(matcher: TermMatcher, doc: Doc) -> list[tuple[int, int, int]]:
    """Every pattern, by spaCy's Matcher, on each sentence holding a trigger word."""
    assert matcher.triggers is not None
    hits = numpy.isin(doc.to_array(LOWER), sorted(matcher.triggers))
    found: list[tuple[int, int, int]] = []
    for sent in doc.sents:
        if hits[sent.start : sent.end].any():
            found += [(m, sent.start + s, sent.start + e) for m, s, e in matcher.matcher(sent)]
    return found


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ([{"LOWER": "a"}], 1),
        ([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}], 2),
        ([{"LOWER": "a"}, {"LOWER": {"NOT_IN": ["x"]}, "OP": "{0,14}"}, {"LOWER": "b"}], 16),
        ([{"LOWER": "a"}, {"POS": "ADV", "OP": "{2}"}], 3),
        ([{"LOWER": "a"}, {"OP": "*"}], None),
        ([{"LOWER": "a"}, {"LOWER": "b", "OP": "+"}], None),
        ([{"LOWER": "a"}, {"LOWER": "b", "OP": "{2,}"}], None),
    ],
)
def test_longest_is_the_most_tokens_a_match_covers(
    pattern: list[dict[str, Any]], expected: int | None
) -> None:
    assert longest(pattern) == expected


def test_first_words_only_of_a_plain_lower_token() -> None:
    assert first_words({"LOWER": "inform"}) == frozenset({"inform"})
    assert first_words({"LOWER": {"IN": ["take", "took"]}}) == frozenset({"take", "took"})
    assert first_words({"LOWER": "inform", "OP": "?"}) is None
    assert first_words({"LEMMA": "inform"}) is None
    assert first_words({"LOWER": {"NOT_IN": ["x"]}}) is None


def test_unparsed_keeps_only_what_the_tokenizer_sets() -> None:
    pattern = [
        {"LOWER": "work"},
        {"POS": "ADV", "LOWER": {"NOT_IN": ["not"]}, "OP": "{1,3}"},
        {"LEMMA": "with", "OP": "?"},
    ]
    assert unparsed(pattern) == [
        {"LOWER": "work"},
        {"LOWER": {"NOT_IN": ["not"]}, "OP": "{1,3}"},
        {"OP": "?"},
    ]


PATTERNS = [
    [{"LOWER": {"IN": ["inform", "informs"]}}],
    [{"LOWER": "inform"}],  # two one-word patterns with one word: both match
    [
        {"LOWER": {"IN": ["take", "taking"]}},
        {"LOWER": {"NOT_IN": ["into", ";", "."]}, "OP": "{0,4}"},
        {"LOWER": "into"},
        {"LOWER": "account"},
    ],
    [{"LOWER": {"IN": ["work", "working"]}}, {"POS": "ADV", "OP": "{0,2}"}],
    [{"LOWER": "work"}, {"LOWER": "closely", "OP": "?"}, {"LOWER": "with"}],
]


def test_same_matches_as_the_matcher_on_each_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    matcher = TermMatcher(nlp.vocab, [_term(i, p) for i, p in enumerate(PATTERNS, start=1)])
    doc = nlp.make_doc(
        "Schools must inform parents and take the views of the child and the carers into "
        "account. They work closely with the council; working together informs everyone. "
        "Take it into account. Staff take. Into account"
    )
    for name, proc in nlp.pipeline:
        if name == "partnership_terms":
            break
        doc = proc(doc)
    found = matcher(doc)
    assert sorted(found) == sorted(_reference(matcher, doc))
    assert len(set(found)) == len(found)
    texts = sorted(doc[s:e].text for _, s, e in found)
    assert "take the views of the child and the carers into account" not in texts  # > 7 tokens
    assert "Take it into account" in texts
    assert texts.count("inform") == 2
    assert "work closely with" in texts
    assert not any(text.startswith("Staff") or "Into" in text for text in texts)


def test_a_pattern_that_can_start_anywhere_runs_over_the_whole_doc() -> None:
    nlp = spacy.blank("en")
    matcher = TermMatcher(
        nlp.vocab,
        [_term(1, [{"LOWER": "inform"}]), _term(2, [{"LOWER": "the", "OP": "?"}, {"LOWER": "x"}])],
    )
    assert matcher.triggers is None
    doc = nlp("inform the x")
    assert sorted((s, e) for _, s, e in matcher(doc)) == [(0, 1), (1, 3), (2, 3)]


def test_can_match_needs_a_whole_pattern_in_the_tokens() -> None:
    nlp = spacy.blank("en")
    matcher = TermMatcher(
        nlp.vocab,
        [
            _term(1, [{"LOWER": "have"}, {"LOWER": "regard"}, {"LOWER": "to"}]),
            _term(2, [{"LOWER": "work"}, {"POS": "ADV", "OP": "{1,2}"}, {"LOWER": "with"}]),
        ],
    )
    assert not matcher.can_match(nlp("Panels have two members."))
    assert not matcher.can_match(nlp("No trigger word here."))
    assert matcher.can_match(nlp("They must have regard to it."))
    # the adverb is the parse's to tell: any word between counts
    assert matcher.can_match(nlp("Staff work sensibly with them."))
    assert not matcher.can_match(nlp("Staff work with them."))  # {1,2}: one word at least


def test_can_match_agrees_with_the_cut_patterns_over_the_whole_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    """The lexicon's own patterns, on every provision of a real Act: trying the cut patterns
    only where they can start tells the same as spaCy's Matcher of all of them."""
    from tests.conftest import ACT_PDF, need
    from textmine.extract import extract
    from textmine.nlp.lexicon import load_lexicon

    matcher = TermMatcher(nlp.vocab, load_lexicon().terms)
    assert matcher.triggers is not None
    docs = [nlp.make_doc(p.text) for p in extract(need(ACT_PDF)).provisions]
    told = [matcher.can_match(doc) for doc in docs]
    assert told == [bool(matcher.unparsed(doc)) for doc in docs]
    assert 0 < sum(told) < len(told)
