"""The Word reader on drafts built by the tests (python-docx plus raw OOXML)."""

from __future__ import annotations

import socket
import zipfile
from pathlib import Path

import pytest

from tests.extract.word_docx import AUTHOR, DATE, TITLE, build_draft
from textmine.errors import InputError
from textmine.extract import extract
from textmine.extract.document import Document
from textmine.extract.word_package import MAX_PART_BYTES
from textmine.settings import Settings


@pytest.fixture(scope="module")
def draft_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_draft(tmp_path_factory.mktemp("word") / "draft.docx")


@pytest.fixture(scope="module")
def final(draft_path: Path) -> Document:
    return extract(draft_path)


@pytest.fixture(scope="module")
def original(draft_path: Path) -> Document:
    return extract(draft_path, settings=Settings(revision="original"))


def test_refs_come_from_automatic_numbering(final: Document) -> None:
    assert [(p.ref, p.unit) for p in final] == [
        ("9.14", "9.14"),
        ("9.15", "9.15"),
        ("9.15(a)", "9.15"),
        ("9.15(b)", "9.15"),
        ("9.15(b)(i)", "9.15"),
        ("9.15(b)(ii)", "9.15"),
        ("9.16", "9.16"),
        ("9.17", "9.17"),
        (None, "#9"),
        ("9.20", "9.20"),
    ]
    # the numbers are Word's, not the text's
    assert final.by_ref("9.15(a)").text == "inform the school, and"


def test_title_headings_tables_and_bullets(final: Document) -> None:
    assert final.title == TITLE
    assert final.kind == "guidance"
    assert {p.chapter for p in final} == {"Chapter 9: Working together"}
    assert [p.heading for p in final][:2] == ["Planning with parents"] * 2
    table = final.provisions[8]
    assert (table.heading, table.text) == ("Who is consulted", "Who\nWhen\nParent\nAlways")
    # a bulleted paragraph continues the provision before it, on a line of its own
    assert final.by_ref("9.15(b)(ii)").text == (
        "each placement.\nStaff should keep a record of each meeting."
    )


def test_footnotes_and_comments_stay_out_of_the_body(final: Document) -> None:
    assert [(r.reason, r.text) for r in final.removed] == [
        ("footnote", "A footnote that is not body text.")
    ]
    assert "footnote" not in final.text
    everything = final.text + " ".join(r.text for r in final.removed) + str(final.meta)
    assert "Comment words" not in everything


def test_revision_final_and_original(final: Document, original: Document) -> None:
    assert final.meta["revision"] == "final" and original.meta["revision"] == "original"
    assert final.by_ref("9.16").text == (
        "The local authority may work with the school. It should also inform the parent."
    )
    assert original.by_ref("9.16").text == "The local authority must work with the school."
    assert [p.ref for p in original] == [p.ref for p in final]
    changes = final.meta["revisions"]["6"]
    assert changes == [
        {"kind": "deletion", "author": AUTHOR, "date": DATE, "text": "must"},
        {"kind": "insertion", "author": AUTHOR, "date": DATE, "text": "may"},
        {
            "kind": "insertion",
            "author": AUTHOR,
            "date": DATE,
            "text": "It should also inform the parent.",
        },
    ]
    assert original.meta["revisions"] == final.meta["revisions"]


def test_glued_and_spaced_typed_labels_read_the_same(tmp_path: Path, final: Document) -> None:
    glued = extract(build_draft(tmp_path / "glued.docx", glued=True))
    assert [(p.ref, p.text) for p in glued] == [(p.ref, p.text) for p in final]
    assert glued.by_ref("9.20").text == "The authority must also— (c) notify the court."


# ------------------------------------------------------------------ hostile


def _rezip(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, replace.get(info.filename, old.read(info.filename)))
        for name, data in replace.items():
            if name not in old.namelist():
                new.writestr(name, data)
    return target


def test_not_a_zip_and_legacy_doc_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.docx"
    text.write_text("The authority must consult parents.", encoding="utf-8")
    with pytest.raises(InputError, match=r"not a Word \.docx file \(not a zip package\)"):
        extract(text)
    ole = tmp_path / "old.docx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(InputError, match=r"password-protected or legacy \.doc"):
        extract(ole)
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(other, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(InputError, match=r"no word/document\.xml"):
        extract(other)


def test_a_zip_bomb_is_refused_before_it_is_read(tmp_path: Path, draft_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with (
        zipfile.ZipFile(draft_path) as old,
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for info in old.infolist():
            new.writestr(info, old.read(info.filename))
        with new.open("word/media/padding.bin", "w") as member:
            zeros = b"\x00" * (1 << 20)
            for _ in range(MAX_PART_BYTES // len(zeros) + 2):
                member.write(zeros)
    assert bomb.stat().st_size < 2_000_000  # small on disk, huge inflated
    with pytest.raises(InputError, match=r"word/media/padding\.bin inflates past 64 MB"):
        extract(bomb)


def test_entity_declarations_are_refused(tmp_path: Path, draft_path: Path) -> None:
    with zipfile.ZipFile(draft_path) as package:
        document = package.read("word/document.xml")
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>'
        + document.split(b"?>", 1)[1]
    )
    hostile = _rezip(draft_path, tmp_path / "laughs.docx", {"word/document.xml": laughs})
    with pytest.raises(InputError, match="declares a document type or entities; refused"):
        extract(hostile)


def test_external_relationships_are_never_followed(
    tmp_path: Path, draft_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with zipfile.ZipFile(draft_path) as package:
        rels = package.read("word/_rels/document.xml.rels").decode("utf-8")
    external = (
        '<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/image" Target="https://example.invalid/track.png" TargetMode="External"/>'
        '<Relationship Id="rIdX2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/attachedTemplate" Target="file://server/share/t.dotm" '
        'TargetMode="External"/>'
        '<Relationship Id="rIdX3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/footnotes" Target="https://example.invalid/notes.xml" '
        'TargetMode="External"/></Relationships>'
    )
    hostile = _rezip(
        draft_path,
        tmp_path / "external.docx",
        {"word/_rels/document.xml.rels": rels.replace("</Relationships>", external).encode()},
    )

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    document = extract(hostile)
    assert document.by_ref("9.14") is not None
    assert "example.invalid" not in document.text + str(document.removed)
