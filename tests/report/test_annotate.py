"""Placing occurrences back into provision text (textmine/report/annotate.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textmine.report.annotate import collapse, locate, place


def occ(sentence: str, text: str, nth: int = 0) -> dict[str, object]:
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(text, start + 1)
    return {"sentence": sentence, "start": start, "end": start + len(text), "text": text}


def marked(text: str, occurrences: list[dict[str, object]]) -> list[str]:
    return [seg["text"] for seg in place(text, occurrences).segments if "occ" in seg]


def test_collapse_maps_back_to_original_offsets() -> None:
    collapsed, origin = collapse("  The  authority\nmust\t consult")
    assert collapsed == "The authority must consult"
    assert origin[0] == 2
    assert origin[collapsed.index("must")] == 17
    assert len(origin) == len(collapsed)


def test_term_found_across_line_breaks_of_the_provision() -> None:
    text = "The local authority must\nconsult the parent; and\n  inform the school."
    sentence = " ".join(text.split())
    placed = place(text, [occ(sentence, "consult"), occ(sentence, "inform")])
    assert [s["text"] for s in placed.segments] == [
        "The local authority must\n",
        "consult",
        " the parent; and\n  ",
        "inform",
        " the school.",
    ]
    assert placed.unplaced == []


def test_repeated_word_is_placed_by_its_context() -> None:
    text = "It must consult the parent. It may consult the school."
    placed = place(text, [occ(text, "consult", nth=1)])
    index = next(i for i, s in enumerate(placed.segments) if "occ" in s)
    assert (
        "".join(s["text"] for s in placed.segments[:index]) == "It must consult the parent. It may "
    )


def test_sentence_running_through_several_provisions() -> None:
    # The unit's sentence starts in the lead-in provision; the term is in the paragraph.
    sentence = "The local authority must— consult the child's parent, and"
    paragraph = "consult the child's parent, and"
    assert marked(paragraph, [occ(sentence, "consult")]) == ["consult"]


def test_same_short_context_three_times_fills_free_places() -> None:
    text = "any person it considers; any body it considers; any other it considers"
    rows = [occ(text.replace(";", " ;"), "considers", n) for n in range(3)]
    placed = place(text, rows)
    assert len(marked(text, rows)) == 3
    assert placed.unplaced == []


def test_occurrence_not_in_text_is_kept_as_unplaced() -> None:
    placed = place("Nothing here.", [occ("They must notify it.", "notify")])
    assert placed.segments == [{"text": "Nothing here."}]
    assert [u["text"] for u in placed.unplaced] == ["notify"]


def test_bad_offsets_are_unplaced_not_a_crash() -> None:
    bad = {"sentence": "short", "start": 3, "end": 99}
    assert place("short", [bad]).unplaced == [bad]
    assert locate("short", 4, 2, "short") is None


@given(
    words=st.lists(
        st.sampled_from(["must", "consult", "the", "parent", "inform", "it", "\n"]),
        min_size=1,
        max_size=30,
    ),
    picks=st.lists(st.integers(min_value=0, max_value=29), max_size=5),
)
def test_segments_rebuild_the_text_and_marks_hold_the_term(
    words: list[str], picks: list[int]
) -> None:
    text = " ".join(words)
    sentence = " ".join(text.split())
    tokens = sentence.split(" ")
    offsets, pos = [], 0
    for token in tokens:
        offsets.append(pos)
        pos += len(token) + 1
    rows = []
    for pick in sorted(set(p for p in picks if p < len(tokens) and tokens[p])):
        start = offsets[pick]
        rows.append({"sentence": sentence, "start": start, "end": start + len(tokens[pick])})
    placed = place(text, rows)
    assert "".join(s["text"] for s in placed.segments) == text
    for seg in placed.segments:
        if "occ" in seg:
            o = seg["occ"]
            assert seg["text"] == sentence[o["start"] : o["end"]]
    assert len([s for s in placed.segments if "occ" in s]) + len(placed.unplaced) == len(rows)


def _collapse_by_character(text: str) -> tuple[str, list[int]]:
    """The definition of :func:`collapse`, one character at a time."""
    out: list[str] = []
    origin: list[int] = []
    previous_space = True
    for index, char in enumerate(text):
        if char.isspace():
            if previous_space:
                continue
            out.append(" ")
            previous_space = True
        else:
            out.append(char)
            previous_space = False
        origin.append(index)
    return "".join(out), origin


@given(st.text(alphabet=st.sampled_from("ab.\u00a0\u2003\u200b\u3000\x1c\x85\t\n\r ")))
def test_collapse_is_the_character_by_character_definition(text: str) -> None:
    assert collapse(text) == _collapse_by_character(text)


def test_collapse_keeps_one_trailing_space() -> None:
    assert collapse("\u00a0a \t\nb\u2003 ") == ("a b ", [1, 2, 5, 6])
