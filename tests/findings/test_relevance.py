"""Which findings bear on an analysis (textmine/findings/relevance.py and fields.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from textmine.errors import InputError
from textmine.findings.registry import load_findings
from textmine.findings.relevance import (
    Field,
    document_fields,
    load_fields,
    relevance,
)

SEND = [
    "The local authority must secure an EHC needs assessment.",
    "The EHC plan must name the school.",
    "Special educational provision is reviewed each year.",
    "Parents may ask for a review.",
]
HOMES = [
    "The registered person must notify the placing authority.",
    "Staff must send a copy of the plan to the child's social worker.",  # 'send', not SEND
    "A child with an EHC plan is supported by the home's education lead.",
    "The home must have a complaints procedure.",
    "Children are consulted about the running of the home.",
    "The registered person must keep records.",
    "Staff must be trained.",
    "The home must be inspected.",
    "Visitors must sign in.",
    "Ofsted may visit at any time.",
    "Each child has a placement plan.",
]


def test_shipped_fields_and_every_finding_names_one() -> None:
    fields = load_fields()
    assert list(fields) == ["send"]
    assert fields["send"].min_share == 0.10 and fields["send"].min_provisions == 3
    assert {f.field_id for f in load_findings()} == {"send"}


def test_the_rule_by_hand() -> None:
    fields = load_fields()
    send = document_fields(SEND, fields)["send"]
    assert (send.provisions, send.total, send.share) == (3, 4, 0.75)
    homes = document_fields(HOMES, fields)["send"]
    assert (homes.provisions, homes.total) == (1, 11)  # 9% and 1 provision: not of the field
    found = relevance({"code": SEND, "homes": HOMES}, fields)
    assert found.documents_of("send") == ["code"]
    assert found.of_field("code", "send") and not found.of_field("homes", "send")
    only_homes = relevance({"homes": HOMES}, fields)
    bearing, other = only_homes.split(load_findings())
    assert bearing == [] and len(other) == 18


def test_capitalised_terms_match_only_in_capitals() -> None:
    spec = Field("f", "F", "about f", ("SEND", "care plan"))
    assert spec.pattern.search("the SEND Code")
    assert not spec.pattern.search("they send it")
    assert spec.pattern.search("the Care  Plan is kept")  # other terms: any case, any spacing
    assert not spec.pattern.search("the careplan")


def test_a_bad_fields_file_names_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "fields.toml"
    path.write_text('[[field]]\nid = "x"\nlabel = "X"\nabout = "x"\nterms = []\n')
    with pytest.raises(InputError, match=r"fields.toml: field 1 \(x\): terms must be"):
        load_fields(path)
