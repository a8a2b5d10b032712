"""Lexicon schema (textmine/nlp/lexicon_schema.py): record types and line checks.

Includes the party-noun cues of the third tagger round: a closed list of head
nouns that name a person or body, and agent-noun endings with exceptions.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from textmine.errors import LexiconError
from textmine.nlp import lexicon, lexicon_schema
from textmine.nlp.lexicon_schema import CUE_TYPES, Cues, check_pattern, strings


def test_loader_reexports_the_schema() -> None:
    assert lexicon.Cues is lexicon_schema.Cues
    assert lexicon.CONSTRAINTS is lexicon_schema.CONSTRAINTS


def test_party_cues_in_bundled_lexicon() -> None:
    cues = lexicon.load_lexicon().cues
    assert {"committee", "team", "inspectorate", "governor", "staff"} <= cues.party_nouns
    assert {"guidance", "plan", "assessment", "process", "section", "arrangement"}.isdisjoint(
        cues.party_nouns
    )
    assert cues.party_suffixes == ("er", "or", "ist", "ian", "ant", "ee")
    assert {
        "order",
        "offer",
        "number",
        "register",
        "list",
        "degree",
    } <= cues.party_suffix_exceptions


def test_cue_defaults_are_empty() -> None:
    assert Cues().party_nouns == frozenset()
    assert CUE_TYPES["party_suffix"] == (frozenset({"words"}), frozenset({"except"}))


def test_strings_names_file_and_line() -> None:
    with pytest.raises(LexiconError, match=r"cues.jsonl:7: .*'except'"):
        strings([], "except", ("cues.jsonl", 7))


def test_check_pattern_rejects_unknown_attribute() -> None:
    with pytest.raises(LexiconError, match="invalid spaCy pattern"):
        check_pattern([{"LEMA": "x"}], "x", ("actors.jsonl", 3))


def test_bad_party_suffix_line_stops_the_load(tmp_path: Path) -> None:
    source = Path(lexicon.load_lexicon().source)
    for name in lexicon.FILES:
        shutil.copy(source / name, tmp_path / name)
    with (tmp_path / "cues.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"type": "party_suffix", "words": ["er"], "except": "order"}) + "\n")
    lines = (tmp_path / "cues.jsonl").read_text(encoding="utf-8").splitlines()
    with pytest.raises(LexiconError, match=rf"cues.jsonl:{len(lines)}: field 'except'"):
        lexicon.load_lexicon(tmp_path)
