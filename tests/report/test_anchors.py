"""Anchors and outward links of the report (textmine/report/anchors.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.report.conftest import make_documents
from textmine.extract.document import Provision, build_document
from textmine.report.anchors import (
    AnchorIndex,
    document_url,
    pdf_page_href,
    provision_url,
    slug,
)


def test_slug() -> None:
    assert slug("s.27(3)(b)") == "s-27-3-b"
    assert slug("Sch 2 para 3") == "sch-2-para-3"
    assert slug("<script>") == "script"
    assert slug("!!!") == "x"


def test_anchor_index_unique_ids_and_labels(tmp_path: Path) -> None:
    act, code = make_documents(tmp_path)
    index = AnchorIndex([act, code])
    assert index.anchor("family_act", 1) == "p-family-act-s-1-1"
    assert index.anchor("family_code", 5) == "p-family-code-n5"
    assert index.for_label("family_code:1.3") == "p-family-code-1-3"
    assert index.for_label("family_code:p.5") == "p-family-code-n5"
    assert index.for_ref("family_act", "s.2(1)") == "p-family-act-s-2-1"
    assert index.for_label("family_act:s.9") is None


def test_repeated_refs_get_suffixes() -> None:
    doc = build_document(
        doc="d",
        kind="text",
        path=None,
        provisions=[Provision("", "", "1.1", "a"), Provision("", "", "1.1", "b")],
    )
    index = AnchorIndex([doc])
    assert [index.anchor("d", 1), index.anchor("d", 2)] == ["p-d-1-1", "p-d-1-1-2"]


def test_pdf_page_href_is_relative_to_the_report(tmp_path: Path) -> None:
    _, code = make_documents(tmp_path / "sources")
    href = pdf_page_href(code, 3, tmp_path / "outputs" / "report")
    assert href == "../../sources/family_code.pdf#page=3"
    assert pdf_page_href(code, None, tmp_path) is None


def test_official_urls() -> None:
    act, code = make_documents()
    uc = replace(act, doc="ukpga_2025_22_universal_credit_act_2025")
    assert document_url(uc) == "https://www.legislation.gov.uk/ukpga/2025/22"
    assert (
        provision_url(uc, "s.4(2)(a)") == "https://www.legislation.gov.uk/ukpga/2025/22/section/4"
    )
    assert provision_url(uc, "Sch 1 para 2(3)") == (
        "https://www.legislation.gov.uk/ukpga/2025/22/schedule/1/paragraph/2"
    )
    pdf = replace(act, url="https://www.legislation.gov.uk/ukpga/2014/6/pdfs/ukpga_20140006_en.pdf")
    assert provision_url(pdf, "s.19") == "https://www.legislation.gov.uk/ukpga/2014/6/section/19"
    si = replace(act, doc="uksi_2015_541_childrens_homes")
    assert (
        provision_url(si, "reg.7(1)") == "https://www.legislation.gov.uk/uksi/2015/541/regulation/7"
    )
    assert provision_url(code, "1.3") == "https://example.org/family-code"
    assert document_url(act) is None
