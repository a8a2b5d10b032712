"""Alignment of two versions' provisions (textmine/diff/align.py), on real documents."""

from __future__ import annotations

import textwrap
from collections import Counter
from dataclasses import replace
from pathlib import Path

from tests.conftest import ACT_PDF, need
from tests.diff.conftest import edited, index_of, one_line, rebuilt
from textmine.diff.align import Pair, align, normalise, similarity, words
from textmine.extract import extract
from textmine.extract.document import Document, Provision
from textmine.extract.export import to_text


def _statuses(pairs: list[Pair]) -> Counter[tuple[str, bool, bool]]:
    return Counter((p.status, p.moved, p.renumbered) for p in pairs)


def _reread(document: Document, tmp_path: Path, text: str | None = None) -> Document:
    path = tmp_path / f"{document.doc}.txt"
    path.write_text(text if text is not None else to_text(document), encoding="utf-8")
    return extract(path)


def test_normalise_ignores_typography_and_line_breaks() -> None:
    assert normalise("The child\u2019s  \u201cviews\u201d\n— Co-\nproduce") == (
        'the child\'s "views" - co-produce'
    )
    assert normalise("looked\ufffeafter") == "looked-after"
    assert normalise("co- produce") == "co-produce"
    # a dash before a new line of a list is not a broken word
    assert normalise("staff—\n(a) seek") == "staff- (a) seek"


def test_similarity_is_the_matched_share_of_tokens() -> None:
    assert words("must consult, the parent") == ["must", "consult", "the", "parent"]
    # 2 of 3 tokens match on each side: 2 * 2 / 6
    assert similarity(["a", "b", "c"], ["a", "b", "d"]) == 2 * 2 / 6
    assert similarity([], []) == 1.0


def test_a_document_aligns_with_itself(homes: Document) -> None:
    pairs = align(homes, homes)
    size = len(homes.provisions)
    assert len(pairs) == size
    assert _statuses(pairs) == {("same", False, False): size}
    assert [p.old_index for p in pairs] == list(range(size))


def test_pdf_against_its_text_export_pairs_every_provision(homes: Document, tmp_path: Path) -> None:
    text = _reread(homes, tmp_path)
    assert text.kind == "text"
    pairs = align(homes, text)
    assert _statuses(pairs) == {("same", False, False): len(homes.provisions)}
    # the readers' own line breaks are gone in the export, which the comparison ignores
    assert sum("\n" in p.old.text for p in pairs if p.old) == 33


def test_act_pdf_against_its_text_export(tmp_path: Path) -> None:
    act = extract(need(ACT_PDF))
    pairs = align(act, _reread(act, tmp_path))
    assert _statuses(pairs) == {("same", False, False): 158}


def test_reflowed_lines_change_nothing(vol3: Document, tmp_path: Path) -> None:
    """The export re-wrapped at 40 columns (words broken after hyphens too) pairs as before."""
    blocks = to_text(vol3).split("\n\n")
    wrapped = [
        b if b.startswith(("<!--", "#")) else textwrap.fill(b, 40, break_long_words=False)
        for b in blocks
    ]
    # words broken at their hyphen: 25, not 26, since the reader no longer gives the
    # annexed SI's title lines ("Made - - - -", 2 breaks) as provision text and now
    # gives a pathway plan table row of its own (1 break)
    assert sum(b.count("-\n") for b in wrapped) == 25
    reflowed = _reread(vol3, tmp_path, "\n\n".join(wrapped))
    size = len(vol3.provisions)
    assert _statuses(align(vol3, reflowed)) == {("same", False, False): size}
    # and as a reader would give it: line breaks kept inside the provisions' text
    narrow = [
        replace(p, text=textwrap.fill(p.text, 30, break_long_words=False)) for p in vol3.provisions
    ]
    assert narrow[index_of(vol3, "6.32")].text.count("\n") == 14
    assert _statuses(align(vol3, rebuilt(vol3, narrow))) == {("same", False, False): size}


def test_inserted_paragraph_renumbers_the_rest_of_its_chapter(vol3: Document) -> None:
    chapter = [i for i, p in enumerate(vol3.provisions) if p.ref and p.ref.startswith("6.")]
    assert len(chapter) == 50
    at = index_of(vol3, "6.32")
    provisions: list[Provision] = []
    for i, p in enumerate(vol3.provisions):
        if i == at:
            provisions.append(replace(p, text="A new paragraph about secure provision."))
        number = p.ref.split(".") if p.ref and i >= at and i in chapter else None
        provisions.append(replace(p, ref=f"6.{int(number[1]) + 1}") if number else p)
    pairs = align(vol3, rebuilt(vol3, provisions))
    assert _statuses(pairs) == {
        ("same", False, False): len(vol3.provisions) - 19,
        ("same", False, True): 19,  # 6.32 ... 6.50 became 6.33 ... 6.51
        ("added", False, False): 1,
    }
    added = next(p for p in pairs if p.status == "added")
    assert added.new is not None and added.new.ref == "6.32"
    moved = [p for p in pairs if p.renumbered]
    assert (moved[0].old.ref, moved[0].new.ref) == ("6.32", "6.33")  # type: ignore[union-attr]


def test_moved_paragraph_is_the_only_one_out_of_order(vol3: Document) -> None:
    at, to = index_of(vol3, "6.32"), index_of(vol3, "9.8")
    provisions = list(vol3.provisions)
    paragraph = provisions.pop(at)
    provisions.insert(to - 1, paragraph)  # now between 9.7 and 9.8, ref kept
    pairs = align(vol3, rebuilt(vol3, provisions))
    size = len(vol3.provisions)
    assert _statuses(pairs) == {("same", False, False): size - 1, ("same", True, False): 1}
    moved = next(p for p in pairs if p.moved)
    assert moved.old is not None and moved.old.ref == "6.32"
    # was (203, 364): the reader now gives 24 more provisions before 6.32 (the pathway
    # plan table's rows +31, the 4.28 box's points +4; the definitions tables' cells
    # merged -10; a heading no longer a provision -1)
    assert (moved.old_index, moved.new_index) == (227, 388)


def test_provision_put_in_another_part_is_moved(si: Document) -> None:
    at = index_of(si, "reg.18(6)")
    part5 = "Part 5 — Policies, records, complaints and notifications"
    provisions = [replace(p, part=part5) if i == at else p for i, p in enumerate(si.provisions)]
    pairs = align(si, rebuilt(si, provisions))
    assert [p.old.ref for p in pairs if p.moved and p.old] == ["reg.18(6)"]
    # the same Part written another way is not a move
    relabelled = [replace(p, part=(p.part or "").replace(" — ", " ")) for p in si.provisions]
    assert not any(p.moved for p in align(si, rebuilt(si, relabelled)))


def test_edited_provision_keeps_its_ref_partner(vol3: Document) -> None:
    draft = edited(vol3, "6.32", "must involve", "may involve")
    pairs = align(vol3, draft)
    size = len(vol3.provisions)
    assert _statuses(pairs) == {("same", False, False): size - 1, ("edited", False, False): 1}
    pair = next(p for p in pairs if p.status == "edited")
    # 6.32 is provision 227 (was 203): see test_moved_paragraph_is_the_only_one_out_of_order
    assert (pair.method, pair.old_index, pair.new_index) == ("ref", 227, 227)
    assert 0.95 < pair.similarity < 1.0


def test_renumbered_and_edited_provision_is_found_by_text(vol3: Document) -> None:
    at = index_of(vol3, "6.32")
    old = vol3.provisions[at]
    new_text = one_line(old.text).replace("must involve", "should involve")
    provisions = [
        replace(p, ref="6.32A", text=new_text) if i == at else p
        for i, p in enumerate(vol3.provisions)
    ]
    pairs = align(vol3, rebuilt(vol3, provisions))
    pair = next(p for p in pairs if p.status == "edited")
    assert (pair.method, pair.renumbered, pair.moved) == ("similar", True, False)
    assert len(pairs) == len(vol3.provisions)


def test_deleted_provision_is_listed_after_its_predecessor(vol3: Document) -> None:
    at = index_of(vol3, "6.32")
    provisions = [p for i, p in enumerate(vol3.provisions) if i != at]
    pairs = align(vol3, rebuilt(vol3, provisions))
    refs = [(p.old.ref if p.old else None, p.new.ref if p.new else None) for p in pairs]
    where = refs.index(("6.32", None))
    assert refs[where - 1 : where + 2] == [("6.31", "6.31"), ("6.32", None), ("6.33", "6.33")]
