"""Builders of broken and hostile input files for the bad-input tests (all made here).

Each builder writes one file into ``folder`` and returns its path. The PDFs are
made with fpdf2 (a test dependency); the truncated one is the first half of a
real corpus PDF. No document text is copied: the sentences are written here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from fpdf import FPDF

SENTENCE = "The local authority must consult the parents of each child before it decides. "


def text_pdf(folder: Path, name: str = "ok.pdf", *, pages: int = 3, password: str = "") -> Path:
    """A small text PDF; with ``password`` it is encrypted (a user password is needed)."""
    pdf = FPDF()
    pdf.set_compression(False)
    pdf.set_font("helvetica", size=12)
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.multi_cell(0, 8, f"Page {number}. " + SENTENCE * 3)
    path = folder / name
    pdf.output(str(path))
    return path


def image_only_pdf(folder: Path) -> Path:
    """A PDF with drawings only: no text layer at all, like a scan."""
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.set_fill_color(90, 90, 90)
        pdf.rect(20, 20, 120, 80, style="F")
        pdf.rect(30, 120, 60, 40, style="D")
    path = folder / "scan.pdf"
    pdf.output(str(path))
    return path


def unreadable_page_pdf(folder: Path) -> Path:
    """A 3-page PDF whose page 2 cannot be loaded: its page-tree entry points at a font.

    The replacement keeps every byte offset, so only that page is broken.
    """
    data = text_pdf(folder, "three.pdf").read_bytes()
    kids = re.search(rb"/Kids \[(\d+) 0 R\n(\d+) 0 R\n(\d+) 0 R\]", data)
    font = re.search(rb"\n(\d+) 0 obj\n<<\n/BaseFont", data)
    assert kids and font, "fpdf2 layout changed; adapt the builder"
    second = kids.group(2)
    target = font.group(1).rjust(len(second))  # same width: offsets stay valid
    assert len(target) == len(second)
    broken = data[: kids.start(2)] + target + data[kids.end(2) :]
    path = folder / "page2_broken.pdf"
    path.write_bytes(broken)
    return path


def blank_pages_pdf(folder: Path, pages: int = 3000, *, text_on: int | None = None) -> Path:
    """A PDF of ``pages`` empty pages; with ``text_on`` that page holds one numbered paragraph."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for number in range(1, pages + 1):
        pdf.add_page()
        if number == text_on:
            pdf.multi_cell(0, 8, f"1.1 {SENTENCE}")
    path = folder / (f"blank{pages}.pdf" if text_on is None else f"blank{pages}_text.pdf")
    pdf.output(str(path))
    return path


def giant_page_pdf(folder: Path) -> Path:
    """One page of 14,400 x 14,400 pt (200 inches square, the largest a PDF page may be)."""
    pdf = FPDF(unit="pt", format=(14400, 14400))
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.set_xy(7000, 7000)  # in the middle of the page
    pdf.multi_cell(600, 14, f"1.1 {SENTENCE}")
    path = folder / "giant.pdf"
    pdf.output(str(path))
    return path


def big_text(folder: Path, size: int) -> Path:
    """A plain-text file of at least ``size`` bytes: numbered paragraphs, written in chunks.

    Paragraphs run from 1.1 to 999.50, then start again (as in a consolidation of many codes).
    """

    def chunks() -> Iterator[str]:
        written, chapter = 0, 0
        while written < size:
            chapter = chapter % 999 + 1
            chunk = "".join(f"{chapter}.{n} {SENTENCE}\n\n" for n in range(1, 51))
            written += len(chunk)
            yield chunk

    path = folder / "big.txt"
    with path.open("w", encoding="ascii", newline="\n") as handle:
        handle.writelines(chunks())
    return path


def truncated_pdf(folder: Path, source: Path) -> Path:
    data = source.read_bytes()
    path = folder / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    return path


def corrupt_pdf(folder: Path) -> Path:
    path = folder / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 16)
    return path


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


BOMB_XML = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<P1 id="section-1"><Pnumber>1</Pnumber><P1para><Text>&lol9;</Text></P1para></P1>
"""

XXE_XML = """<?xml version="1.0"?>
<!DOCTYPE P1 [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<P1 id="section-1"><Pnumber>1</Pnumber><P1para><Text>&secret;</Text></P1para></P1>
"""

MALFORMED_XML = '<P1 id="section-1"><Pnumber>1</Pnumber><P1para><Text>open</P1para></P1>'

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Download the guidance</title></head>
<body><p>Your download will start shortly.</p></body></html>
"""
