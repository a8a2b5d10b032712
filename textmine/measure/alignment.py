"""Duties the guidance states more weakly or more strongly than the provision it restates.

Document A is the enacting text (an Act, Bill or SI), document B the
guidance. :func:`strength_alignment` aligns each guidance paragraph (B
provision) and relation (actor -> recipient) to provisions of A, and compares
the strongest statement on each side (strength: level first, then modal rank
must/shall > should/will > may/can/need > none; a negation flips the sign;
see :func:`textmine.measure.frame.strength_score`). Alignment, first tier
that finds occurrences of A:

1. ``citation+relation``: the paragraph's sentences cite provisions of A
   (``section 19``, ``s.19``, ``sections 19 and 20``, ``regulation 6``,
   ``clause 3``; see :func:`cited_provisions`), and A's occurrences in those
   provisions (any sub-provision: s.19, s.19(2)(a)) have the same relation;
2. ``citation+recipient``: cited provisions, same recipient, another actor;
3. ``relation``: the same relation anywhere in A;
4. otherwise ``none`` (no counterpart; A's strengths are NaN).

A citation qualified by another instrument (``section 17 of the Children Act
1989``) is kept only when that instrument's year appears in A's document id
(the file stem, e.g. ``..._regulations_2015``). Citations are read only from
sentences that hold a tagged occurrence (the rows carry no others).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable
from typing import Any

import numpy as np
import pandas as pd

from textmine.measure.frame import unique_in_order
from textmine.measure.relations import explode_relations, relation_name

COLUMNS: tuple[str, ...] = (
    "doc_a",
    "doc_b",
    "provision_b",
    "relation",
    "actor",
    "recipient",
    "alignment",
    "cited",
    "direction",
    "difference",
    "strength_b",
    "term_b",
    "level_b",
    "modality_b",
    "negated_b",
    "strength_a",
    "term_a",
    "level_a",
    "modality_a",
    "negated_a",
    "provisions_a",
    "provisions_b",
)

_KEYWORDS: dict[str, str] = {
    "section": "s",
    "sections": "s",
    "s.": "s",
    "ss.": "s",
    "regulation": "reg",
    "regulations": "reg",
    "reg.": "reg",
    "regs.": "reg",
    "clause": "cl",
    "clauses": "cl",
    "cl.": "cl",
}
_NUM = r"\d+[A-Z]*(?:\(\w+\))*"
#: A cited number or a bracketed sub-provision list item (``(1A)``, ``(2)(a)``).
_ITEM = rf"(?:{_NUM}|(?:\(\w+\))+)"
_SEP = r"(?:,|\band\b|\bor\b|\bto\b|-|–)"
_CITATION = re.compile(
    r"\b(?P<kw>sections?|regulations?|clauses?|ss?\.|regs?\.|cl\.)\s*"
    rf"(?P<first>{_NUM})(?P<more>(?:\s*{_SEP}\s*{_ITEM})*)",
    re.IGNORECASE,
)
#: "of the Children Act 1989", "of the 1989 Act" right after a citation.
_QUALIFIER = re.compile(
    r"\s*,?\s*of\s+(?:the\s+)?(?:(?P<year2>\d{4})\s+(?:Act|Regulations|Order)\b"
    r"|[A-Z][\w'’()]*(?:\s+[\w'’()]+){0,8}?\s+(?:Act|Regulations|Order)\s+(?P<year>\d{4}))",
    re.IGNORECASE,
)
_REF = re.compile(r"^(?P<prefix>s|reg|cl)\.\s*(?P<num>\d+[A-Z]*)", re.IGNORECASE)
_MAX_RANGE = 50
_SIDE_FIELDS = ("strength", "term", "level", "modality", "negated")


def cited_provisions(sentence: str, doc_a: str = "") -> list[str]:
    """The provisions a sentence cites, as ref keys: ``"sections 19 and 20"`` -> ``s.19``, ``s.20``.

    Numbers keep letter suffixes (``19A``) and drop subsection brackets
    (``19(2)`` -> ``19``); ``19 to 21`` is expanded. A citation qualified by an
    instrument whose year is not in ``doc_a`` is dropped (see module docstring);
    a four-digit number after a plural keyword (``Regulations 2015``) is a
    title's year, not a citation.
    """
    found: list[str] = []
    skip_to = 0
    for match in _CITATION.finditer(sentence):
        if match.start() < skip_to or _is_title_year(match):
            continue
        qualifier = _QUALIFIER.match(sentence, match.end())
        skip_to = qualifier.end() if qualifier else 0
        year = qualifier and (qualifier.group("year") or qualifier.group("year2"))
        if year and year not in doc_a:
            continue
        prefix = _KEYWORDS[match.group("kw").lower()]
        numbers = [_bare(match.group("first"))]
        for sep, item in re.findall(rf"\s*({_SEP})\s*({_ITEM})", match.group("more")):
            if item.startswith("("):  # a sub-provision of the number before it
                continue
            number = _bare(item)
            if sep in ("to", "-", "–") and numbers[-1].isdigit() and number.isdigit():
                low, high = int(numbers[-1]), int(number)
                if 0 < high - low <= _MAX_RANGE:
                    numbers += [str(n) for n in range(low + 1, high + 1)]
                    continue
            numbers.append(number)
        found += [f"{prefix}.{n}" for n in numbers]
    return unique_in_order(found)


def ref_key(ref: object) -> str | None:
    """The key an A ref is cited by: ``s.19(2)(a)`` -> ``s.19``, ``reg.6(2)`` -> ``reg.6``."""
    match = _REF.match(str(ref)) if isinstance(ref, str) else None
    if match is None:
        return None
    return f"{match.group('prefix').lower()}.{match.group('num').upper()}"


def strength_alignment(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """One row per (B provision, relation): the strongest statement on each side and the direction.

    ``direction`` is ``weaker``/``stronger``/``same`` (B relative to A) or
    ``no counterpart``; ``difference`` = strength_b - strength_a.
    """
    ra, rb = explode_relations(a), explode_relations(b)
    if rb.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    doc_a = str(ra["doc"].iloc[0]) if len(ra) else "A"
    doc_b = str(rb["doc"].iloc[0])
    index = _SideIndex(ra)
    side_b = _columns(rb)
    cites: dict[str, list[str]] = {}
    seen: dict[str, list[str]] = {}
    for prov, sentence in zip(rb["provision"], rb["sentence"], strict=True):
        if sentence not in seen:
            seen[sentence] = cited_provisions(str(sentence), doc_a)
        known = cites.setdefault(str(prov), [])
        known += [c for c in seen[sentence] if c not in known]
    records = []
    groups = rb.groupby(["provision", "actor", "recipient"], sort=False).indices
    for keys, positions in sorted(groups.items(), key=lambda kv: int(kv[1][0])):
        prov, actor, recipient = (str(v) for v in keys)  # type: ignore[attr-defined]
        cited = cites[prov]
        aligned, tier = index.align(cited, actor, recipient)
        sb = _strongest(side_b, np.asarray(positions))
        sa = _strongest(index.columns, aligned)
        if not len(aligned):
            direction, difference = "no counterpart", float("nan")
        else:
            difference = sb["strength"] - sa["strength"]
            direction = "weaker" if difference < 0 else "stronger" if difference > 0 else "same"
        records.append(
            {
                "doc_a": doc_a,
                "doc_b": doc_b,
                "provision_b": prov,
                "relation": relation_name(actor, recipient),
                "actor": actor,
                "recipient": recipient,
                "alignment": tier,
                "cited": cited,
                "direction": direction,
                "difference": difference,
                **{f"{k}_b": v for k, v in sb.items()},
                **{f"{k}_a": v for k, v in sa.items()},
                "provisions_a": unique_in_order(index.columns["provision"][aligned]),
                "provisions_b": [prov],
            }
        )
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


class _SideIndex:
    """Positions of A's relation occurrences by relation, by cited key, by recipient."""

    def __init__(self, ra: pd.DataFrame) -> None:
        self.columns = _columns(ra)
        keys = [ref_key(r) for r in ra["ref"]]
        self.by_relation: dict[Hashable, list[int]] = defaultdict(list)
        self.by_key_relation: dict[Hashable, list[int]] = defaultdict(list)
        self.by_key_recipient: dict[Hashable, list[int]] = defaultdict(list)
        for i, (key, actor, recipient) in enumerate(
            zip(keys, ra["actor"], ra["recipient"], strict=True)
        ):
            self.by_relation[(actor, recipient)].append(i)
            if key is not None:
                self.by_key_relation[(key, actor, recipient)].append(i)
                self.by_key_recipient[(key, recipient)].append(i)

    def align(self, cited: list[str], actor: str, recipient: str) -> tuple[np.ndarray, str]:
        """Positions of the aligned A occurrences (document order) and the alignment tier."""
        if cited:
            same = [
                i for key in cited for i in self.by_key_relation.get((key, actor, recipient), [])
            ]
            if same:
                return np.array(sorted(set(same))), "citation+relation"
            near = [i for key in cited for i in self.by_key_recipient.get((key, recipient), [])]
            if near:
                return np.array(sorted(set(near))), "citation+recipient"
        anywhere = self.by_relation.get((actor, recipient), [])
        if anywhere:
            return np.array(anywhere), "relation"
        return np.array([], dtype=int), "none"


def _columns(rel: pd.DataFrame) -> dict[str, np.ndarray]:
    return {c: rel[c].to_numpy() for c in (*_SIDE_FIELDS, "provision")}


def _strongest(columns: dict[str, np.ndarray], positions: np.ndarray) -> dict[str, Any]:
    """Fields of the strongest occurrence among ``positions`` (the first one on ties)."""
    if not len(positions):
        nan = float("nan")
        return {"strength": nan, "term": None, "level": nan, "modality": None, "negated": None}
    top = int(positions[int(np.argmax(columns["strength"][positions]))])
    return {
        "strength": int(columns["strength"][top]),
        "term": str(columns["term"][top]),
        "level": int(columns["level"][top]),
        "modality": str(columns["modality"][top]),
        "negated": bool(columns["negated"][top]),
    }


def _is_title_year(match: re.Match[str]) -> bool:
    """``Regulations 2015`` in a title: a year, not a regulation number."""
    first = match.group("first")
    return match.group("kw").lower().endswith("s") and first.isdigit() and len(first) == 4


def _bare(number: str) -> str:
    """``19(2)`` -> ``19``; upper-case letter suffixes."""
    return number.split("(", 1)[0].upper()
