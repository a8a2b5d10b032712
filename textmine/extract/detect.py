"""Tell what kind of document a text layer belongs to: act, bill, si or guidance.

The rules read the first pages only and look for the marks each print design
carries: the statutory-instrument banner, a Bill's title and line-numbered
clauses, an Act's ``CHAPTER n`` and enacting formula. Anything else with text is
guidance.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SI = re.compile(r"STATUTORY\s+INSTRUMENTS|^\s*\d{4}\s+No\.\s*\d+", re.M)
_SI_REGS = re.compile(r"\bmakes?\s+the\s+following\s+Regulations|\bmakes these Regulations", re.I)
_BILL = re.compile(
    r"""
    ^\s*(?:\[HL\]\s*)?A\s*\n?\s*BILL\s*$     # "A" / "BILL" on the title page
    | \bBILL\b\s*\n\s*TO\s*\n               # "BILL" / "TO"
    | ^\s*A\s+BILL\s+TO\b                   # "A BILL TO ..." on one line
    | ^\s*Bill\s+\d+\s+\d{2}/\d              # the footer "Bill 42 60/1"
    """,
    re.M | re.X,
)
_BILL_TITLE = re.compile(r"^[A-Z][^\n]{2,80}\bBill\b(?:\s*\[HL\])?\s*$", re.M)
_ACT_CHAPTER = re.compile(r"^\s*(?:\d{4}\s+)?CHAPTER\s+\d+\s*$", re.M)
_ENACTING = re.compile(r"B\s*E\s+IT\s+ENACTED", re.I)


def detect_kind(pages: Sequence[str | None], *, max_pages: int = 4) -> str:
    """Return ``"act"``, ``"bill"``, ``"si"`` or ``"guidance"`` for a PDF's page texts."""
    head = "\n".join(p for p in pages[:max_pages] if p)
    if _SI.search(head) or _SI_REGS.search(head):
        return "si"
    if _BILL.search(head) or (_BILL_TITLE.search(head) and _ENACTING.search(head)):
        return "bill"
    if _ACT_CHAPTER.search(head) or _ENACTING.search(head):
        return "act"
    return "guidance"
