"""``diff()`` on real provisions edited in controlled ways (textmine/diff/output.py).

Each test takes a real paragraph or regulation from a public document (read at
test time), edits its words, and checks the kind and reason of what the diff
reports. Only the edited provision's unit is tagged, with the session model.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ACT_PDF, CLML_DIR, need
from tests.diff.conftest import edited, index_of, one_line, rebuilt
from textmine.diff import CHANGE_FIELDS, DiffResult, diff, parse_kinds
from textmine.extract import extract
from textmine.extract.document import Document

YOT = "The responsible authority must involve the YOT and the Probation Service,"


def changes(result: DiffResult) -> list[tuple[str, str | None, str | None, str]]:
    return [(r["kind"], r["old_ref"], r["new_ref"], r["reason"]) for r in result.records]


@pytest.fixture(scope="module")
def draft_may(vol3: Document) -> Document:
    return edited(vol3, "6.32", "must involve", "may involve")


def test_must_to_may_is_weakened(vol3: Document, draft_may: Document, nlp: Any) -> None:
    result = diff(vol3, draft_may, nlp=nlp)
    assert changes(result) == [("weakened", "6.32", "6.32", "modality must -> may")]
    (record,) = result.records
    assert record["old_term"] == record["new_term"] == "involve"
    assert (record["old_page"], record["new_page"]) == (52, 52)
    assert record["new_actor"] == "local_authority"
    assert "may involve the YOT" in record["new_sentence"]


def test_may_to_must_is_strengthened(vol3: Document, draft_may: Document, nlp: Any) -> None:
    result = diff(draft_may, vol3, nlp=nlp)
    assert changes(result) == [("strengthened", "6.32", "6.32", "modality may -> must")]


def test_negation_added_and_removed(vol3: Document, nlp: Any) -> None:
    draft = edited(vol3, "6.32", "must involve", "must not involve")
    assert changes(diff(vol3, draft, nlp=nlp)) == [
        ("weakened", "6.32", "6.32", "negation added (must -> must not)")
    ]
    assert changes(diff(draft, vol3, nlp=nlp)) == [
        ("strengthened", "6.32", "6.32", "negation removed (must not -> must)")
    ]


def test_agentless_passive_is_weakened(vol3: Document, nlp: Any) -> None:
    draft = edited(
        vol3,
        "6.32",
        YOT + " and local providers of secure provision,",
        "The YOT and the Probation Service, and local providers of secure provision, "
        "must be involved",
    )
    assert changes(diff(vol3, draft, nlp=nlp)) == [
        ("weakened", "6.32", "6.32", "actor local_authority -> unspecified (agentless passive)")
    ]


def test_consult_to_inform_and_back(homes: Document, nlp: Any) -> None:
    draft = edited(homes, "11.11", "regularly consults the child", "regularly informs the child")
    assert changes(diff(homes, draft, nlp=nlp)) == [
        ("weakened", "11.11", "11.11", "term consult -> inform (level 2 -> 1)")
    ]
    assert changes(diff(draft, homes, nlp=nlp)) == [
        ("strengthened", "11.11", "11.11", "term inform -> consult (level 1 -> 2)")
    ]


def test_inform_to_consult_is_strengthened(vol3: Document, nlp: Any) -> None:
    draft = edited(vol3, "9.8", "must inform the young person", "must consult the young person")
    result = diff(vol3, draft, nlp=nlp)
    assert changes(result) == [
        ("strengthened", "9.8", "9.8", "term inform -> consult (level 1 -> 2)")
    ]
    assert result.records[0]["new_recipients"] == ["young_person"]


def test_seek_the_views_of_is_reworded(si: Document, nlp: Any) -> None:
    draft = edited(si, "reg.18(6)", "must consult the", "must seek the views of the")
    result = diff(si, draft, nlp=nlp)
    assert changes(result) == [
        ("reworded", "reg.18(6)", "reg.18(6)", "term consult -> seek (same level 2)")
    ]
    (record,) = result.records
    assert (record["old_text"], record["new_text"]) == ("consult", "seek")
    assert record["old_recipients"] == record["new_recipients"] == ["local_authority"]


def test_recipient_dropped_and_added(vol3: Document, nlp: Any) -> None:
    # the bulleted consultees of 3.12 name the parent group twice (parents, and the carer,
    # a parent by the guidelines): both go for the group to be dropped
    draft = edited(vol3, "3.12", "the young person’s parents, other adults", "other adults")
    draft = edited(
        draft, "3.12", "the young person’s current carer", "the young person’s key worker"
    )
    assert changes(diff(vol3, draft, nlp=nlp)) == [
        ("weakened", "3.12", "3.12", "recipient parent dropped")
    ]
    assert changes(diff(draft, vol3, nlp=nlp)) == [
        ("strengthened", "3.12", "3.12", "recipient parent added")
    ]


def test_lead_in_of_a_regulation_governs_its_paragraphs(si: Document, nlp: Any) -> None:
    """``must—`` -> ``may—`` in reg.16(3) weakens the duty to notify in reg.16(3)(b)."""
    draft = edited(si, "reg.16(3)", "The registered person must—", "The registered person may—")
    result = diff(si, draft, nlp=nlp)
    assert changes(result) == [("weakened", "reg.16(3)(b)", "reg.16(3)(b)", "modality must -> may")]
    assert result.records[0]["new_term"] == "notify"


def test_paragraph_deleted_and_added(vol3: Document, nlp: Any) -> None:
    at = index_of(vol3, "6.32")
    shorter = rebuilt(vol3, [p for i, p in enumerate(vol3.provisions) if i != at])
    deleted = diff(vol3, shorter, nlp=nlp)
    assert [(k, o, n) for k, o, n, _r in changes(deleted)] == [("deleted", "6.32", None)]
    (record,) = deleted.records
    assert record["reason"].startswith("provision deleted (")
    assert "must involve (local_authority -> other)" in record["reason"]
    assert (record["old_term"], record["old_modality"]) == ("involve", "must")  # the strongest
    added = diff(shorter, vol3, nlp=nlp)
    assert [(k, o, n) for k, o, n, _r in changes(added)] == [("added", None, "6.32")]


def test_renumbering_moving_and_reflowing_weaken_nothing(vol3: Document, nlp: Any) -> None:
    """6.32 moved into chapter 9 as 9.7A, and every line broken after "the": one ``moved``."""
    at, to = index_of(vol3, "6.32"), index_of(vol3, "9.8")
    provisions = list(vol3.provisions)
    moved = provisions.pop(at)
    before = provisions[to - 2]  # 9.7
    assert before.ref == "9.7"
    provisions.insert(
        to - 1, replace(moved, ref="9.7A", chapter=before.chapter, heading=before.heading)
    )
    provisions = [replace(p, text=p.text.replace(" the ", " the\n")) for p in provisions]
    result = diff(vol3, rebuilt(vol3, provisions), nlp=nlp)
    chapters = "Chapter 6: Care leavers who require additional specialist support"
    assert changes(result) == [
        (
            "moved",
            "6.32",
            "9.7A",
            f"renumbered 6.32 -> 9.7A; moved from {chapters} "
            "to Chapter 9: Representations and complaints",
        )
    ]
    assert result.records[0]["renumbered"] is True


def test_inserted_paragraph_and_renumbering_weaken_nothing(vol3: Document, nlp: Any) -> None:
    """A new 6.32 pushes 6.32 ... 6.50 down by one: one ``added`` and 19 ``moved``."""
    at = index_of(vol3, "6.32")
    provisions = []
    for i, p in enumerate(vol3.provisions):
        if i == at:
            provisions.append(replace(p, text="The authority should inform the young person."))
        if i >= at and p.ref is not None and p.ref.startswith("6."):
            provisions.append(replace(p, ref=f"6.{int(p.ref[2:]) + 1}"))
        else:
            provisions.append(p)
    result = diff(vol3, rebuilt(vol3, provisions), nlp=nlp)
    assert {k: n for k, n in result.counts().items() if n} == {"added": 1, "moved": 19}
    assert changes(result)[:2] == [
        (
            "added",
            None,
            "6.32",
            "provision added (1 partnership term: should inform (local_authority -> young_person))",
        ),
        ("moved", "6.32", "6.33", "renumbered 6.32 -> 6.33"),
    ]


def test_split_and_merged_paragraphs_weaken_nothing(vol3: Document, nlp: Any) -> None:
    """6.32's duty sentence moved into 6.31 (a merge), or into a new 6.32A (a split)."""
    at = index_of(vol3, "6.32")
    first, rest = one_line(vol3.provisions[at].text).split(". ", 1)
    assert first.startswith(YOT)
    merged = list(vol3.provisions)
    merged[at - 1] = replace(merged[at - 1], text=f"{one_line(merged[at - 1].text)} {first}.")
    merged[at] = replace(merged[at], text=rest)
    assert changes(diff(vol3, rebuilt(vol3, merged), nlp=nlp))[0] == (
        "moved",
        "6.32",
        "6.31",
        "term moved from 6.32 to 6.31: must involve (local_authority -> other)",
    )
    split = list(vol3.provisions)
    split[at : at + 1] = [
        replace(split[at], text=rest),
        replace(split[at], ref="6.32A", text=first),
    ]
    result = diff(vol3, rebuilt(vol3, split), nlp=nlp)
    assert (
        "moved",
        "6.32",
        "6.32A",
        "term moved from 6.32 to 6.32A: must involve (local_authority -> other)",
    ) in changes(result)
    assert [k for k, *_ in changes(result) if k in ("weakened", "strengthened")] == []


def test_every_occurrence_of_an_edited_provision_with_all(vol3: Document, nlp: Any) -> None:
    draft = edited(vol3, "3.12", "the young person’s parents, other adults", "other adults")
    draft = edited(
        draft, "3.12", "the young person’s current carer", "the young person’s key worker"
    )
    result = diff(vol3, draft, nlp=nlp, include_unchanged=True)
    kinds = [r["kind"] for r in result.records if r["old_ref"] == "3.12"]
    assert kinds == ["unchanged", "weakened"]  # engage ... unchanged; consult with ... weakened
    others = [r for r in result.records if r["old_ref"] != "3.12"]
    assert len(others) > 100
    assert {r["kind"] for r in others} == {"unchanged"}
    assert all(_same_reading(r) for r in others)


def _same_reading(record: dict[str, Any]) -> bool:
    fields = ("ref", "term", "modality", "negated", "actor", "recipients", "sentence")
    return all(record[f"old_{f}"] == record[f"new_{f}"] for f in fields)


def test_changes_frame_and_writers(vol3: Document, draft_may: Document, nlp: Any) -> None:
    result = diff(vol3, draft_may, nlp=nlp)
    frame = result.changes
    assert list(frame.columns) == list(CHANGE_FIELDS)
    assert str(frame["old_page"].dtype) == "Int64"
    assert frame.loc[0, "reason"] == "modality must -> may"
    jsonl, csv_out = io.StringIO(), io.StringIO()
    result.write(jsonl, "jsonl")
    result.write(csv_out, "csv")
    assert json.loads(jsonl.getvalue())["kind"] == "weakened"
    header, row = csv_out.getvalue().splitlines()[:2]
    assert header.split(",")[:3] == ["kind", "reason", "scope"]
    assert ",other," in row  # recipients joined with ";" (here one)
    with pytest.raises(ValueError, match="unknown format"):
        result.write(io.StringIO(), "xml")


def test_parse_kinds() -> None:
    assert parse_kinds("weakened, deleted,weakened") == ("weakened", "deleted")
    assert parse_kinds(None) == ()
    with pytest.raises(ValueError, match="unknown change kind"):
        parse_kinds("weaker")


def test_guide_pdf_against_its_text_export(homes: Document, tmp_path: Path, nlp: Any) -> None:
    """Round trip: only ``unchanged``, whether or not every occurrence is listed."""
    from click.testing import CliRunner

    from textmine.cli import cli

    assert homes.path is not None
    export = tmp_path / "guide.txt"
    run = CliRunner().invoke(
        cli, ["extract", str(homes.path), "--format", "text", "-o", str(export)], obj={}
    )
    assert run.exit_code == 0, run.output
    assert diff(homes.path, export, nlp=nlp).records == []
    everything = diff(homes.path, export, nlp=nlp, include_unchanged=True)
    counts = everything.counts()
    assert counts["unchanged"] > 150  # one per tagged occurrence
    assert sum(counts.values()) == counts["unchanged"]
    assert all(_same_reading(r) for r in everything.records)
    assert {r["new_page"] for r in everything.records} == {None}  # the export keeps no pages
    assert None not in {r["old_page"] for r in everything.records}


def test_act_pdf_against_its_text_export(tmp_path: Path, nlp: Any) -> None:
    from textmine.extract.export import write_documents

    act = extract(need(ACT_PDF))
    export = tmp_path / "act.txt"
    with export.open("w", encoding="utf-8") as handle:
        write_documents([act], handle, "text")
    result = diff(act, export, nlp=nlp, include_unchanged=True)
    assert [(r["kind"], r["old_ref"], r["new_ref"], r["new_term"]) for r in result.records] == [
        ("unchanged", "Sch 1 para 4", "Sch 1 para 4", "take into account"),
        ("unchanged", "Sch 2 para 2(4)", "Sch 2 para 2(4)", "take into account"),
    ]
    assert [(r["old_page"], r["new_page"]) for r in result.records] == [(10, None), (15, None)]


def test_xml_against_edited_xml(tmp_path: Path, nlp: Any) -> None:
    source = need(CLML_DIR / "clml_fragment_ukpga_2025_16_section_1.xml").read_text("utf-8")
    old_words = "must be published by the Secretary of State"
    assert source.count(old_words) == 2
    before = source.replace(
        old_words, "must be notified to the company by the Secretary of State", 1
    )
    after = source.replace(old_words, "may be notified to the company by the Secretary of State", 1)
    (tmp_path / "old.xml").write_text(before, "utf-8")
    (tmp_path / "new.xml").write_text(after, "utf-8")
    result = diff(tmp_path / "old.xml", tmp_path / "new.xml", nlp=nlp)
    assert changes(result) == [("weakened", "s.1(3)(b)", "s.1(3)(b)", "modality must -> may")]


def test_pdf_against_xml_of_another_act(nlp: Any) -> None:
    """Different Acts: nothing pairs; the Act's provisions are deleted, the section's added."""
    result = diff(
        need(ACT_PDF), need(CLML_DIR / "clml_fragment_ukpga_2025_16_section_1.xml"), nlp=nlp
    )
    counts = result.counts()
    assert (counts["deleted"], counts["added"], counts["moved"]) == (158, 19, 0)
    assert one_line(result.records[0]["old_sentence"]).startswith("BE IT ENACTED")


@pytest.fixture(scope="module")
def si_against_guide(si: Document, homes: Document, nlp: Any) -> DiffResult:
    """The SI against its guide: two different documents (shared with
    tests/diff/test_different_documents.py)."""
    return diff(si, homes, nlp=nlp)


@pytest.mark.slow
def test_regulations_against_their_guide(
    si: Document, homes: Document, si_against_guide: DiffResult
) -> None:
    """Two real, different documents: the SI (revised) against the DfE guide to it.

    Almost nothing pairs as a provision, but the guide quotes each regulation
    in a box (one unnumbered block), so the regulations' terms are found again
    in those boxes as ``moved`` occurrences.
    """
    result = si_against_guide
    provisions = [r for r in result.records if r["scope"] == "provision"]
    kinds = {k: sum(1 for r in provisions if r["kind"] == k) for k in ("deleted", "added", "moved")}
    # Five pairs (four before the reader gave the Annex A qualifications table's cells
    # as provisions: reg.28(2)(c)(i) names the Level 5 Diploma that one cell names).
    paired = [(r["old_ref"], r["new_ref"]) for r in provisions if r["kind"] == "moved"]
    assert paired == [  # in the guide's order
        ("reg.18(2)", "1.26"),
        ("Sch 5 para 1", "7.19"),
        ("reg.48(1)", "12.5"),
        ("reg.40(2)", "14.18"),
        ("reg.28(2)(c)(i)", None),
    ]
    assert [r["new_page"] for r in provisions if r["old_ref"] == "reg.28(2)(c)(i)"] == [68]
    assert kinds == {
        "deleted": len(si.provisions) - 5,
        "added": len(homes.provisions) - 5,
        "moved": 5,
    }
    moved = [r for r in result.records if r["scope"] == "occurrence" and r["kind"] == "moved"]
    assert len(moved) >= 10
    assert all(r["old_ref"].startswith("reg.") and r["new_ref"] is None for r in moved)
    assert ("reg.7(2)(a)(iv)", "consult", 20) in {
        (r["old_ref"], r["new_term"], r["new_page"]) for r in moved
    }


@pytest.mark.slow
def test_different_documents_count_the_unpaired_and_list_paired_changes_first(
    si_against_guide: DiffResult, tmp_path: Path
) -> None:
    """Most provisions of two different documents pair with nothing. The heading counts only
    the changes to paired provisions; the unpaired provisions are counted, and those holding
    a partnership term are listed after the changes, collapsed."""
    from tests.report.conftest import artifact
    from textmine.diff.report import render_diff

    result = si_against_guide
    pairing = result.pairing()
    assert pairing["paired"] + pairing["only_old"] == len(result.old.provisions)
    assert pairing["paired"] + pairing["only_new"] == len(result.new.provisions)
    assert pairing["only_old"] + pairing["only_new"] > 10 * pairing["paired"]
    changes, unpaired = result.paired_changes(), result.unpaired_records()
    assert len(changes) + len(unpaired) == len(result.records)
    assert len(unpaired) == pairing["only_old"] + pairing["only_new"]
    assert all(r["scope"] == "provision" and r["kind"] in ("added", "deleted") for r in unpaired)
    html = render_diff(result, out_dir=tmp_path)
    heading = re.search(r"<header class=\"site\">.*?</header>", html, re.S)
    assert heading is not None
    assert f"<strong>{len(changes)} changes in the language of partnership</strong>" in heading[0]
    assert (
        f"<strong>{pairing['only_old']} provisions only in the earlier version and "
        f"{pairing['only_new']} only in the new</strong> are not counted as changes"
    ) in heading[0]
    # changes to paired provisions first; the unpaired ones after them, inside a closed details
    changes_part, unpaired_part = html.split('<details class="unpaired" id="unpaired">')
    assert changes_part.count('<article class="change"') > 0
    assert unpaired_part.count('<article class="change"') == pairing["unpaired_with_terms"]
    assert pairing["unpaired_with_terms"] < len(unpaired)  # the term-less ones only counted
    assert f"All {len(changes)} changes shown." in changes_part
    artifact("diff-si-guide.json").write_text(
        json.dumps(
            {
                **pairing,
                "changes": len(changes),
                "records": len(result.records),
                "summary": result.summary(),
            },
            indent=1,
        )
    )
