"""Line patterns of the official print design of Acts, Bills and statutory instruments.

What :class:`textmine.extract.legislation_structure.StructureParser` matches a
body line against: division headings (PART, CHAPTER, SCHEDULE), section,
regulation and Schedule paragraph numbers, paragraph labels (``(1)``,
``(a)``, ``(ii)``), and how a line ends; with three small helpers.
"""

from __future__ import annotations

import re

from textmine.extract.pdf_lines import Line

__all__ = [
    "CHAPTER",
    "DOTS",
    "ENDS_CLAUSE",
    "ENDS_SENTENCE",
    "FIRST_LABEL",
    "LABEL",
    "LEAD_IN",
    "OPENS_TEXT",
    "PARAGRAPH",
    "PART",
    "REGULATION",
    "SCHEDULE",
    "SECTION",
    "SIDE_REF",
    "WORDY",
    "looks_like_heading",
    "norm",
    "numeric",
]

PART = re.compile(r"PART\s+(\d+[A-Z]*|[IVXLC]+)\b\s*(.*)")
CHAPTER = re.compile(r"CHAPTER\s+(\d+[A-Z]*|[IVXLC]+)\b\s*(.*)")
SCHEDULE = re.compile(r"SCHEDULE(?:\s+(\d+[A-Z]*))?\b\s*(.*)")
SIDE_REF = re.compile(r"(?:Sections?|Regulations?|Articles?|Rules?|Clauses?)\b.*")
SECTION = re.compile(r"(\d+[A-Z]*)\s+(\S.*)")
REGULATION = re.compile(r"(\d+[A-Z]*)\.(?:\s*—\s*|\s+)(.*)")
PARAGRAPH = re.compile(r"(\d+[A-Z]*)\.?\s+(\S.*)")
FIRST_LABEL = re.compile(r"\((\d+[A-Z]*)\)\s*")
LABEL = re.compile(r"\((\d+[A-Z]*|[a-z]{1,3}|[ivxlc]{1,7}|[A-Z]{1,2})\)(?:\s+(\S.*))?")
OPENS_TEXT = re.compile(r"[A-Z“‘\[\x00(]|\.\s*\.")
LEAD_IN = re.compile(r"[—–:]\s*$")
ENDS_CLAUSE = re.compile(r"[.;:,—–]\s*$")
ENDS_SENTENCE = re.compile(r"[.;:—–]['’”)\]]*\s*$")
WORDY = re.compile(r"[^\W_]")
DOTS = re.compile(r"[.\s…]*")


def looks_like_heading(line: Line, words: str) -> bool:
    """A section heading: bold, or (without layout) capitalised with no closing punctuation."""
    if line.has_layout:
        return bool(line.bold)
    return words[0].isupper() and not ENDS_CLAUSE.search(words)


def norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def numeric(number: str) -> int:
    match = re.match(r"\d+", number)
    return int(match[0]) if match else 0
