"""Tests of textmine.extract.clml_text: running text, whitespace healing, joins."""

from __future__ import annotations

from xml.etree.ElementTree import fromstring

from hypothesis import given
from hypothesis import strategies as st

from textmine.extract.clml_text import amendment_text, block_text, heal, inline, join


def test_heal_pretty_printed_inline_elements() -> None:
    assert heal("\n“\nGas shipper\n” has the same meaning") == "“Gas shipper” has the same meaning"
    assert heal("A notice under\nsubsection (4)\n(b)\n—\n") == "A notice under subsection (4)(b)—"
    assert (
        heal("Subject to paragraph\n(5)\n, Network Rail")
        == "Subject to paragraph (5), Network Rail"
    )
    assert heal("Companies Act 2006\n;") == "Companies Act 2006;"


def test_heal_leaves_served_text_alone() -> None:
    served = "In subsection (4) “relevant standard conditions” are — as set out (see (a))."
    assert heal(served) == served
    assert heal("two  spaces\tand a tab") == "two spaces and a tab"


@given(st.text(st.sampled_from(list("ab (“”),.—\n\t ")), max_size=60))
def test_heal_is_idempotent_and_single_spaced(text: str) -> None:
    once = heal(text)
    assert heal(once) == once
    assert "\n" not in once and "  " not in once and once == once.strip()


def test_join_puts_no_space_before_closing_punctuation() -> None:
    assert join(["insert—", "“(2A) Words.”", ".", "", "Next"]) == "insert— “(2A) Words.”. Next"


def test_inline_skips_markers() -> None:
    el = fromstring(
        '<Text>Words<CommentaryRef Ref="c1"/> and <Citation>the 2001 Act</Citation>'
        '<FootnoteRef Ref="f1"/>.</Text>'
    )
    assert inline(el) == "Words and the 2001 Act."


def test_amendment_quotes_follow_format() -> None:
    single = fromstring(
        '<BlockAmendment Format="single"><P3><Pnumber>c</Pnumber><P3para>'
        "<Text>the parent carer forum,</Text></P3para></P3></BlockAmendment>"
    )
    assert amendment_text(single) == "‘(c) the parent carer forum,’"
    none = fromstring('<BlockAmendment Format="none"><Text>plain</Text></BlockAmendment>')
    assert amendment_text(none) == "plain"


def test_list_items_are_joined() -> None:
    el = fromstring(
        "<UnorderedList><ListItem><Para><Text>first;</Text></Para></ListItem>"
        "<ListItem><Para><Text>second.</Text></Para></ListItem></UnorderedList>"
    )
    assert block_text(el) == "first; second."
