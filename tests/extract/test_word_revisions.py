"""Words of a Word paragraph in its final and original revisions, and its tracked changes."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from textmine.extract.word_revisions import TrackedChange, paragraph_text, tracked_changes

PARAGRAPH = parse_xml(
    f"<w:p {nsdecls('w')}>"
    "<w:r><w:t xml:space='preserve'>The authority </w:t></w:r>"
    "<w:del w:id='1' w:author='Ann' w:date='2026-01-02T00:00:00Z'>"
    "<w:r><w:delText>must</w:delText></w:r></w:del>"
    "<w:ins w:id='2' w:author='Ann' w:date='2026-01-02T00:00:00Z'><w:r><w:t>may</w:t></w:r></w:ins>"
    "<w:r><w:t xml:space='preserve'> consult</w:t><w:tab/><w:t>the</w:t></w:r>"
    "<w:moveFrom w:id='3' w:author='Bob'>"
    "<w:r><w:t xml:space='preserve'> early</w:t></w:r></w:moveFrom>"
    "<w:r><w:fldChar w:fldCharType='begin'/><w:instrText> HYPERLINK x </w:instrText></w:r>"
    "<w:r><w:t xml:space='preserve'> parent</w:t><w:noBreakHyphen/><w:t>carer</w:t></w:r>"
    "<w:r><w:commentReference w:id='1'/><w:footnoteReference w:id='2'/></w:r>"
    "<w:moveTo w:id='4' w:author='Bob'><w:r><w:t xml:space='preserve'> early</w:t></w:r></w:moveTo>"
    "<w:r><w:t>.</w:t></w:r></w:p>"
)


def test_final_and_original_words() -> None:
    assert paragraph_text(PARAGRAPH) == "The authority may consult the parent-carer early."
    assert paragraph_text(PARAGRAPH, "original") == (
        "The authority must consult the early parent-carer."
    )


def test_tracked_changes_with_author_and_date() -> None:
    assert tracked_changes(PARAGRAPH) == [
        TrackedChange("deletion", "Ann", "2026-01-02T00:00:00Z", "must"),
        TrackedChange("insertion", "Ann", "2026-01-02T00:00:00Z", "may"),
        TrackedChange("deletion", "Bob", None, "early"),
        TrackedChange("insertion", "Bob", None, "early"),
    ]
