"""The corrections file: format and line-by-line validation (textmine/review/corrections.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textmine.errors import InputError
from textmine.review.corrections import read_corrections

ID = "3f2a9c0d1b7e4a61"


def write(tmp_path: Path, *lines: object) -> Path:
    path = tmp_path / "corrections.jsonl"
    path.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
        encoding="utf-8",
    )
    return path


def test_each_verdict_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {"id": ID, "verdict": "correct", "doc": "code", "ref": "1.1", "text": "consult"},
        {"id": "9b0c4d2e8f1a3b57-2", "verdict": "not_an_occurrence", "note": "entail"},
        {
            "id": "0d1e2f3a4b5c6d7e",
            "verdict": "corrected",
            "actor": "local_authority",
            "recipients": ["parent", "child"],
            "reviewer": "A. Analyst",
        },
        "",
        {
            "verdict": "added",
            "doc": "code",
            "ref": "1.2",
            "sentence": "Schools must work with parents.",
            "start": 13,
            "end": 22,
            "text": "work with",
            "term": "work with",
            "actor": "education",
            "recipients": ["parent"],
            "modality": "must",
            "negated": False,
            "voice": "active",
        },
    )
    found = read_corrections(path)
    assert [c.verdict for c in found] == ["correct", "not_an_occurrence", "corrected", "added"]
    assert found[0].values == {} and found[0].source == "corrections.jsonl:1"
    assert found[1].note == "entail" and found[1].id == "9b0c4d2e8f1a3b57-2"
    assert found[2].values == {"actor": "local_authority", "recipients": ["parent", "child"]}
    assert found[2].reviewer == "A. Analyst"
    assert found[3].id is None and found[3].values["term"] == "work with"
    assert found[3].source == "corrections.jsonl:5"  # the blank line 4 is skipped
    assert found[2].to_dict() == {
        "id": "0d1e2f3a4b5c6d7e",
        "verdict": "corrected",
        "actor": "local_authority",
        "recipients": ["parent", "child"],
        "reviewer": "A. Analyst",
    }


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "line 2: not valid JSON"),
        ('["a list"]', "line 2: expected a JSON object, got list"),
        ({"id": ID, "verdict": "maybe"}, "line 2: verdict must be one of correct, corrected"),
        ({"id": "p-1", "verdict": "correct"}, "line 2: id must be an occurrence id"),
        ({"id": ID.upper(), "verdict": "correct"}, "line 2: id must be an occurrence id"),
        ({"verdict": "correct"}, "line 2: id must be an occurrence id"),
        ({"id": ID, "verdict": "corrected"}, "line 2: a correction needs at least one of actor"),
        (
            {"id": ID, "verdict": "corrected", "actor": "the_moon"},
            "line 2: actor 'the_moon' is not a group of the lexicon (nor unspecified)",
        ),
        (
            {"id": ID, "verdict": "corrected", "recipients": ["unspecified"]},
            "line 2: recipient(s) 'unspecified' not a group of the lexicon",
        ),
        (
            {"id": ID, "verdict": "corrected", "recipients": "parent"},
            "line 2: recipients must be a list of groups",
        ),
        ({"id": ID, "verdict": "corrected", "modality": "ought"}, "line 2: modality must be"),
        ({"id": ID, "verdict": "corrected", "negated": "no"}, "line 2: negated must be true"),
        ({"id": ID, "verdict": "corrected", "voice": "middle"}, "line 2: voice must be one of"),
        (
            {"id": ID, "verdict": "correct", "actor": "parent"},
            "line 2: unknown field(s) for verdict correct: actor",
        ),
        ({"id": ID, "verdict": "correct", "note": 7}, "line 2: note must be text"),
        (
            {"id": ID, "verdict": "correct"},
            "line 2: id 3f2a9c0d1b7e4a61 already reviewed on line 1",
        ),
        (
            {"verdict": "added", "doc": "code", "ref": "1.2"},
            "line 2: an added occurrence needs the field(s) sentence, start, end, text",
        ),
    ],
)
def test_a_bad_line_names_file_and_line(tmp_path: Path, line: object, reason: str) -> None:
    path = write(tmp_path, {"id": ID, "verdict": "correct"}, line)
    with pytest.raises(InputError) as info:
        read_corrections(path)
    assert str(info.value).startswith(f"{path}: {reason}")


def test_an_added_row_must_quote_its_sentence(tmp_path: Path) -> None:
    added = {
        "verdict": "added",
        "doc": "code",
        "ref": "1.2",
        "sentence": "Schools must work with parents.",
        "start": 0,
        "end": 7,
        "text": "work with",
        "term": "work with",
        "actor": "education",
        "recipients": [],
        "modality": "must",
        "negated": False,
        "voice": "active",
    }
    with pytest.raises(InputError, match="line 1: text must be the words of sentence"):
        read_corrections(write(tmp_path, added))
    with pytest.raises(InputError, match="line 1: term must be a canonical term"):
        read_corrections(write(tmp_path, {**added, "term": "chat"}))
    with pytest.raises(InputError, match="line 1: an added occurrence without a ref needs"):
        read_corrections(write(tmp_path, {**added, "ref": None}))


def test_groups_are_checked_against_the_lexicon_in_use(tmp_path: Path) -> None:
    from textmine.groups import load_groups

    folder = tmp_path / "lexicon"
    folder.mkdir()
    (folder / "actors.jsonl").write_text(
        '{"group": "registered_person", "pattern": [{"LOWER": "registered"}]}\n', encoding="utf-8"
    )
    path = write(tmp_path, {"id": ID, "verdict": "corrected", "actor": "registered_person"})
    with pytest.raises(InputError, match="'registered_person' is not a group"):
        read_corrections(path)
    assert read_corrections(path, groups=load_groups(folder))[0].values == {
        "actor": "registered_person"
    }


def test_an_empty_file_has_no_corrections(tmp_path: Path) -> None:
    assert read_corrections(write(tmp_path)) == []
