"""Properties of the tagger on arbitrary text (textmine/nlp/tagging.py, hypothesis).

Whatever the text (list markers, refs, unicode, very long tokens, stray
punctuation), tagging never crashes, every row's offsets slice its sentence to
its text, its ref is a well-formed ref of the provision holding the term, and
its labels take the contract's values. The sentences are written for this test.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from textmine.contract import OCCURRENCE_FIELDS
from textmine.extract.document import Document, build_document
from textmine.extract.plaintext import parse_text
from textmine.extract.refs import lead_for, split_lead
from textmine.nlp.lexicon import load_lexicon
from textmine.nlp.tagging import tag_document

MODALITIES = {"must", "shall", "should", "may", "will", "can", "need", "none"}

CLAUSES = (
    "The council must consult the parents of every pupil",
    "the governing body should inform the local authority promptly",
    "Health bodies may work with schools and colleges",
    "regard must be had to the wishes of the young person",
    "partners must co-operate with each other",
    "the authority need not notify the Tribunal",
    "Parents are to be involved in every decision",
    "co-production with families is expected",
    "it must not advise the child without consent",
    "The Secretary of State shall seek the views of carers",
    "they will take into account what the family say",
    "Practitioners can engage with young people and participate in reviews",
)
_CLAUSES = st.sampled_from(CLAUSES)
_MARKERS = st.sampled_from(
    [
        "",
        "(a) ",
        "(1) ",
        "(iv) ",
        "• ",
        "- ",
        "* ",
        "1. ",
        "9.14 ",
        "12.3.4 ",
        "s.27(3)(b) ",
        "Sch 2 para 3 ",
        "[ref: A1] ",
        "para 12 ",
        "— ",
        "23 Duty to consult\n(1) ",
    ]
)
_ODD = st.sampled_from(
    ["é", "中文", "🙂", "\u200b", "\u00a0", "ﬁ", "İ", "ǅ", "\u202e", "…", "’s", ";", ":", "—"]
)
_LONG = st.text(st.sampled_from("abcxyz-_/"), min_size=200, max_size=3000)
_NOISE = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=40)
_PART = st.one_of(_CLAUSES, _CLAUSES, _ODD, _LONG, _NOISE)
_BLOCK = st.tuples(
    _MARKERS, st.lists(_PART, min_size=1, max_size=4), st.sampled_from([".", ";", ":", ""])
).map(lambda t: t[0] + " ".join(t[1]) + t[2])
_TEXT = st.lists(
    st.tuples(_BLOCK, st.sampled_from(["\n\n", "\n", "\r\n\r\n", " "])), min_size=1, max_size=6
).map(lambda blocks: "".join(b + sep for b, sep in blocks))


def document(text: str) -> Document:
    provisions, title = parse_text([(None, text)], kind="text")
    return build_document(doc="prop", kind="text", path=None, provisions=provisions, title=title)


def check_row(row: dict[str, Any], doc: Document, levels: dict[str, int]) -> None:
    assert tuple(row)[: len(OCCURRENCE_FIELDS)] == OCCURRENCE_FIELDS
    sentence, start, end, text = row["sentence"], row["start"], row["end"], row["text"]
    assert 0 <= start < end <= len(sentence)
    assert sentence[start:end] == text
    assert text == text.strip() and sentence == " ".join(sentence.split())
    ref = row["ref"]
    holders = [p for p in doc.provisions if p.ref == ref and p.unit == row["unit"]]
    assert holders, (ref, row["unit"])
    assert any(text.split()[0] in p.text for p in holders)
    if ref is not None:
        assert ref == " ".join(ref.split())
        assert split_lead(f"{lead_for(ref)} x") == (ref, "x")
    assert row["level"] == levels[row["term"]]
    assert row["modality"] in MODALITIES
    assert row["voice"] in {"active", "passive"}
    assert isinstance(row["negated"], bool)
    assert isinstance(row["actor"], str) and row["actor"]
    assert row["actor_text"] is None or isinstance(row["actor_text"], str)
    assert all(isinstance(r, str) and r for r in row["recipients"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_any_text_tags_without_error_and_rows_are_well_formed(nlp: Any, text: str) -> None:
    doc = document(text)
    levels = {t.term: t.level for t in load_lexicon().terms}
    rows = tag_document(doc, nlp=nlp)
    for row in rows:
        check_row(row, doc, levels)


def test_every_clause_alone_is_tagged(nlp: Any) -> None:
    """The clauses the strategy draws from do hold occurrences (the property is not vacuous)."""
    levels = {t.term: t.level for t in load_lexicon().terms}
    for clause in CLAUSES:
        doc = document(f"1.1 {clause}.")
        rows = tag_document(doc, nlp=nlp)
        assert rows, clause
        for row in rows:
            check_row(row, doc, levels)
            assert row["ref"] == "1.1"
