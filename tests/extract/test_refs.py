"""The lead-ref grammar (textmine/extract/refs.py): hypothesis properties.

Worked examples of each form are in tests/extract/test_export.py; here any
text and any ref.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textmine.extract.refs import lead_for, split_lead, unit_of

#: What readers put in refs: letters and digits of any script, dots, brackets, dashes, spaces.
REF_TEXT = st.text(
    st.characters(whitelist_categories=("Lu", "Ll", "Nd"), whitelist_characters=".()-– \t"),
    min_size=1,
    max_size=30,
).filter(str.strip)


@given(st.text(max_size=80))
def test_split_lead_takes_a_ref_from_the_text_itself(text: str) -> None:
    ref, rest = split_lead(text)
    assert rest == rest.strip()
    if ref is not None:
        assert ref == " ".join(ref.split()) and ref
        assert ref in " ".join(text.split())
        assert len(rest) < len(text.strip())


@given(REF_TEXT)
def test_any_ref_reads_back_from_its_lead(ref: str) -> None:
    normal = " ".join(ref.split())
    assert split_lead(f"{lead_for(ref)} Words follow.") == (normal, "Words follow.")
    assert split_lead(lead_for(ref)) == (normal, "")


@given(REF_TEXT)
def test_unit_of_is_a_prefix_of_the_ref(ref: str) -> None:
    unit = unit_of(ref)
    assert unit and ref.startswith(unit)
    assert unit_of(unit) == unit
