"""GOV.UK pages printed to PDF from a browser (the two prints in ../shared/corpora).

Expected values are read from the PDFs' own page text where they can be: the
contents entries printed after ``Contents``, the link targets printed in
brackets, the lines of a list.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import GUIDANCE, need
from textmine.extract import extract
from textmine.extract.document import Document
from textmine.extract.govuk_print import is_govuk_print, print_title, split_links
from textmine.extract.pdf_source import read_pdf_text

RECRUITING = GUIDANCE / "dfe_2025_childrens_homes_recruiting_staff_browser_print.pdf"
ENFORCEMENT = GUIDANCE / "ofsted_2025_social_care_enforcement_policy_browser_print.pdf"


@pytest.fixture(scope="module")
def recruiting() -> Document:
    return extract(need(RECRUITING))


@pytest.fixture(scope="module")
def enforcement() -> Document:
    return extract(need(ENFORCEMENT))


def _pages(path: object) -> list[str]:
    return [page or "" for page in read_pdf_text(need(path)).pages]  # type: ignore[arg-type]


def test_titles_come_from_the_print(recruiting: Document, enforcement: Document) -> None:
    assert recruiting.title == "Children's homes: recruiting staff"
    assert enforcement.title == "Social care enforcement policy"
    assert recruiting.meta["govuk_print"] and enforcement.meta["govuk_print"]
    assert (len(recruiting), len(enforcement)) == (17, 395)


def test_the_contents_list_is_not_body_text(recruiting: Document, enforcement: Document) -> None:
    pages = _pages(RECRUITING)
    entries = re.findall(r"^— (.+?)\s*$", pages[0], re.M)
    assert len(entries) == 8
    contents = [r.text for r in recruiting.removed if r.reason == "contents"]
    assert contents == ["\n".join(["Contents", *(f"— {e}" for e in entries)])]
    assert not any("— " in p.text for p in recruiting)
    # The first body paragraph, printed on page 1 before the contents list, is kept.
    assert recruiting.provisions[0].page == 1
    assert recruiting.provisions[0].heading == "Introduction"
    # Enforcement policy: the contents run from page 1 into page 2; the body starts on page 4.
    first = _pages(ENFORCEMENT)[0].splitlines()
    listed = first[first.index("Contents") + 1 :]
    removed = "\n".join(r.text for r in enforcement.removed if r.reason == "contents")
    assert all(line in removed for line in listed)
    assert min(p.page for p in enforcement if p.page) == 4
    reasons = {r.page: r.reason for r in enforcement.removed if r.reason != "heading without text"}
    assert reasons[3] == "licence page" and reasons[61] == "page footer"


def test_link_targets_are_out_of_the_sentences_and_kept(
    recruiting: Document, enforcement: Document
) -> None:
    for document, path in ((recruiting, RECRUITING), (enforcement, ENFORCEMENT)):
        printed = "\n".join(_pages(path)).count("(http")
        assert sum(len(p.links) for p in document) == printed  # 2 and 78
        for provision in document:
            assert "http" not in provision.text and "(/" not in provision.text
    first = recruiting.provisions[0]
    assert first.links == ("https://www.legislation.gov.uk/uksi/2015/541/contents/made",)
    assert first.text.endswith(
        "Regulations 2015 when you recruit staff to work at your children’s home."
    )
    # a target wrapped over two lines comes back whole
    wrapped = next(p for p in enforcement if p.text.startswith("For supported accommodation"))
    assert wrapped.links[0] == (
        "https://www.gov.uk/government/collections/supported-accommodation-registering-with-ofsted"
    )


def test_list_items_without_glyphs_are_separate_lines(
    recruiting: Document, enforcement: Document
) -> None:
    schedule = recruiting.provisions[2]
    lines = schedule.text.split("\n")
    assert lines[0].endswith("to check a person’s suitability:")
    assert len(lines) == 7  # the lead-in and six items
    assert lines[1] == "proof of identity, including a recent photograph"
    recruit = recruiting.provisions[1].text.split("\n")
    assert recruit == [
        "These ensure that you can safely recruit:",
        "staff you intend to employ",
        "staff employed by someone else (agency staff) – this may include temporary or bank staff",
    ]
    principles = next(p for p in enforcement if p.text.startswith("The protection of children"))
    items = principles.text.split("\n")
    assert len(items) == 10
    # an item at the top of page 5 is not run into the one after it
    assert items[6:8] == [
        "secures compliance with the law and improves the quality of the setting",
        "implements fairly our statutory or non-statutory enforcement powers when a relevant "
        "threshold is met",
    ]


def test_print_helpers() -> None:
    assert is_govuk_print("Social care enforcement policy - GOV.UK")
    assert not is_govuk_print("Keeping children safe in education 2025") and not is_govuk_print(
        None
    )
    assert print_title("Children's homes: recruiting staff - GOV.UK") == (
        "Children's homes: recruiting staff"
    )
    text = "See the guidance (https://www.gov.uk/a-long- path/to/page) and (this) note (/x/y)."
    assert split_links(text) == (
        "See the guidance and (this) note.",
        ("https://www.gov.uk/a-long-path/to/page", "/x/y"),
    )
