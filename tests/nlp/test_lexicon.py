"""Lexicon loading and validation: bundled files, a user's folder, and malformed lines."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from textmine.errors import LexiconError
from textmine.nlp.lexicon import FILES, load_lexicon

CONTRACT_TERMS = {
    "inform": 1,
    "notify": 1,
    "advise": 1,
    "consult": 2,
    "seek": 2,
    "consider": 2,
    "have regard to": 2,
    "take into account": 2,
    "involve": 3,
    "engage": 3,
    "participate": 3,
    "cooperate": 4,
    "collaborate": 4,
    "work with": 4,
    "coproduce": 5,
}
CONTRACT_GROUPS = {
    "local_authority",
    "parent",
    "child",
    "young_person",
    "education",
    "health",
    "social_care",
    "secretary_of_state",
    "tribunal",
    "professional",
    "other",
}


def test_bundled_lexicon_covers_the_contract() -> None:
    lexicon = load_lexicon()
    assert {t.term: t.level for t in lexicon.terms} == CONTRACT_TERMS
    assert {a.group for a in lexicon.actors} == CONTRACT_GROUPS
    assert len(lexicon.terms) == 32
    assert lexicon.cues.modals["need"] == "need"
    assert lexicon.cues.modals["could"] == "can"
    assert lexicon.cues.control == {"need": "need"}  # require, duty, expect are not modals
    assert "not" in lexicon.cues.negations
    assert ("no", "longer") in lexicon.cues.negation_phrases
    assert lexicon.cues.negation_determiners == frozenset({"no"})
    assert "use" in lexicon.cues.purpose
    assert ("working", "together", "to", "safeguard", "children") in lexicon.cues.titles
    assert lexicon.cues.pronouns["it"] == frozenset({"body"})
    assert "co-operate" in lexicon.cues.compounds


def test_bundled_lexicon_is_cached() -> None:
    assert load_lexicon() is load_lexicon()


def test_seek_is_constrained_to_its_six_objects() -> None:
    (seek,) = [t for t in load_lexicon().terms if t.term == "seek"]
    assert sorted(seek.constraint["object_lemmas"]) == [
        "advice",
        "agreement",
        "consent",
        "information",
        "view",
        "wish",
    ]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A copy of the bundled lexicons to break."""
    source = Path(load_lexicon().source)
    for name in FILES:
        shutil.copy(source / name, tmp_path / name)
    return tmp_path


def _replace_line(path: Path, number: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[number - 1] = text
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_user_folder_loads(folder: Path) -> None:
    bundled_lines = len((folder / "terms.jsonl").read_text(encoding="utf-8").splitlines())
    with (folder / "terms.jsonl").open("a", encoding="utf-8") as fh:
        entry = {
            "id": "signpost",
            "term": "signpost",
            "level": 1,
            "pattern": [{"LEMMA": "signpost"}],
        }
        fh.write(json.dumps(entry) + "\n")
    lexicon = load_lexicon(folder)
    assert lexicon.terms[-1].term == "signpost"
    assert lexicon.terms[-1].line == bundled_lines + 1
    assert lexicon.source == str(folder)


@pytest.mark.parametrize(
    ("name", "line", "text", "reason"),
    [
        ("terms.jsonl", 3, "{not json", "not valid JSON"),
        ("terms.jsonl", 2, "[1, 2]", "expected a JSON object, got list"),
        (
            "terms.jsonl",
            4,
            '{"id": "x", "level": 1, "pattern": [{"LOWER": "x"}]}',
            "missing field 'term'",
        ),
        (
            "terms.jsonl",
            5,
            '{"id": "x", "term": "x", "level": 1, "pattern": [{"LEMA": "x"}]}',
            "invalid spaCy pattern",
        ),
        (
            "terms.jsonl",
            6,
            '{"id": "x", "term": "x", "level": "2", "pattern": [{"LOWER": "x"}]}',
            "field 'level' must be int",
        ),
        (
            "terms.jsonl",
            7,
            '{"id": "x", "term": "x", "level": 1, "pattern": [{"LOWER": "x"}], '
            '"constraint": {"sometimes": true}}',
            "unknown constraint 'sometimes'",
        ),
        (
            "terms.jsonl",
            8,
            '{"id": "x", "term": "x", "level": 1, "pattern": [{"LOWER": "x"}], "roles": ["boss"]}',
            "field 'roles' must list",
        ),
        ("terms.jsonl", 9, '{"id": "x", "term": "x", "level": 1, "pattern": []}', "non-empty list"),
        ("actors.jsonl", 2, '{"group": "unspecified", "pattern": [{"LOWER": "x"}]}', "bad group"),
        (
            "actors.jsonl",
            3,
            '{"group": "x", "refer": "thing", "pattern": [{"LOWER": "x"}]}',
            "refer",
        ),
        ("actors.jsonl", 4, '{"group": "x", "pattern": [{"LOWER": {"IN": "x"}}]}', "invalid spaCy"),
        ("cues.jsonl", 1, '{"type": "mood", "words": ["must"]}', "unknown cue type 'mood'"),
        ("cues.jsonl", 2, '{"type": "modal", "words": ["must"]}', "missing field 'value'"),
        ("cues.jsonl", 3, '{"type": "negation", "phrase": "not"}', "two or more words"),
        ("cues.jsonl", 4, '{"type": "views", "lemmas": []}', "non-empty list of strings"),
    ],
)
def test_malformed_line_names_file_and_line(
    folder: Path, name: str, line: int, text: str, reason: str
) -> None:
    _replace_line(folder / name, line, text)
    with pytest.raises(LexiconError) as caught:
        load_lexicon(folder)
    error = caught.value
    assert (error.source, error.line) == (str(folder / name), line)
    assert reason in error.reason
    assert str(error).startswith(f"{folder / name}:{line}: ")


def test_missing_file_and_folder(folder: Path, tmp_path: Path) -> None:
    (folder / "cues.jsonl").unlink()
    with pytest.raises(LexiconError, match=r"cues\.jsonl: missing"):
        load_lexicon(folder)
    with pytest.raises(LexiconError, match="no such lexicon folder"):
        load_lexicon(tmp_path / "nowhere")


def test_empty_terms_file(folder: Path) -> None:
    (folder / "terms.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="holds no term patterns"):
        load_lexicon(folder)


def test_lexicon_error_is_a_value_error(folder: Path) -> None:
    _replace_line(folder / "terms.jsonl", 1, "{")
    with pytest.raises(ValueError):
        load_lexicon(folder)
