"""Pair gold and predicted occurrences for :mod:`textmine.nlp.eval.evaluate`.

Rows become :class:`Occ` records (whitespace-folded sentences with offsets
carried through the folding, by the tagger's own
:func:`textmine.nlp.tagging.collapse` so both sides fold alike; field values
in :data:`FIELDS` order, document order), and :func:`match_scope` pairs them
within one scope by the matching rule described in :mod:`textmine.nlp.eval.evaluate`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from textmine.contract import TERM_LEVELS
from textmine.nlp.eval.gold import scope_of, surface_key
from textmine.nlp.tagging import collapse

__all__ = ["FIELDS", "Occ", "Rows", "match_scope", "occurrences", "records"]

#: Fields whose agreement is measured over matched occurrences, in report order.
FIELDS: tuple[str, ...] = ("term", "level", "actor", "recipients", "modality", "negated", "voice")

Rows = pd.DataFrame | Iterable[Mapping[str, Any]]


@dataclass(frozen=True)
class Occ:
    """One gold or predicted occurrence, normalised for matching."""

    doc: str
    scope: str
    text: str
    term: str
    values: tuple[Any, ...]  # in FIELDS order
    sentence: str | None
    start: int | None
    end: int | None
    nth: int | None
    order: tuple[int, int]
    source: str

    def locator(self) -> dict[str, Any]:
        """Where the occurrence is, without its sentence (for listings)."""
        where: dict[str, Any] = {"doc": self.doc, "ref": self.scope, "text": self.text}
        where["nth" if self.nth is not None else "start"] = (
            self.nth if self.nth is not None else self.start
        )
        where["term"] = self.term
        where["source"] = self.source
        return where


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def records(rows: Rows) -> list[dict[str, Any]]:
    raw: list[dict[Any, Any]]
    if isinstance(rows, pd.DataFrame):
        raw = rows.to_dict(orient="records")
    else:
        raw = [dict(r) for r in rows]
    return [
        {
            str(k): (None if not isinstance(v, list | tuple) and _is_missing(v) else v)
            for k, v in r.items()
        }
        for r in raw
    ]


def _field_values(row: Mapping[str, Any]) -> tuple[Any, ...]:
    term = str(row.get("term") or "")
    level = row.get("level")
    recipients = row.get("recipients")
    if recipients is None:
        recipients = ()
    elif isinstance(recipients, str):
        recipients = (recipients,)
    negated = row.get("negated")
    return (
        term,
        int(level) if level is not None else TERM_LEVELS.get(term),
        row.get("actor"),
        tuple(sorted({str(r) for r in recipients})),
        row.get("modality"),
        bool(negated) if negated is not None else None,
        row.get("voice"),
    )


def occurrences(records: list[dict[str, Any]], label: str) -> list[Occ]:
    """Normalise rows; document order = first row of the sentence, then offset."""
    first_row: dict[tuple[str, str, str], int] = {}
    out: list[Occ] = []
    for index, row in enumerate(records):
        doc, scope = str(row.get("doc")), scope_of(row)
        sentence = row.get("sentence")
        start = end = None
        folded: str | None = None
        if (
            isinstance(sentence, str)
            and row.get("start") is not None
            and row.get("end") is not None
        ):
            folded, mapping = collapse(sentence)
            last = len(mapping) - 1
            start = mapping[min(max(int(row["start"]), 0), last)]
            end = max(mapping[min(max(int(row["end"]), 0), last)], start + 1)
        sentence_index = first_row.setdefault((doc, scope, folded or f"#{index}"), index)
        nth = row.get("nth")
        out.append(
            Occ(
                doc=doc,
                scope=scope,
                text=str(row.get("text") or ""),
                term=str(row.get("term") or ""),
                values=_field_values(row),
                sentence=folded,
                start=start,
                end=end,
                nth=int(nth) if nth is not None else None,
                order=(sentence_index, start or 0),
                source=str(row.get("_source") or f"{label} row {index + 1}"),
            )
        )
    return out


def _shift(gold_sentence: str, pred_sentence: str) -> int | None:
    """Offset to add to predicted offsets to place them in the gold sentence."""
    if not gold_sentence or not pred_sentence:
        return None
    if gold_sentence == pred_sentence:
        return 0
    if pred_sentence in gold_sentence:
        return gold_sentence.find(pred_sentence)
    if gold_sentence in pred_sentence:
        return -pred_sentence.find(gold_sentence)
    return None


_STEM = re.compile(r"[a-z]+")


def _stems(text: str) -> set[str]:
    return {w[:4] for w in _STEM.findall(surface_key(text).replace("-", ""))}


def match_scope(gold: list[Occ], pred: list[Occ]) -> list[tuple[int, int]]:
    """Pairs of (gold index, pred index) within one scope, by the module's matching rule."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    # 1. sentence form: overlapping spans in the same (aligned) sentence
    candidates: list[tuple[int, tuple[int, int], tuple[int, int], int, int]] = []
    for gi, g in enumerate(gold):
        if g.sentence is None or g.start is None or g.end is None:
            continue
        for pi, p in enumerate(pred):
            if p.sentence is None or p.start is None or p.end is None:
                continue
            shift = _shift(g.sentence, p.sentence)
            if shift is None:
                continue
            overlap = min(g.end, p.end + shift) - max(g.start, p.start + shift)
            if overlap > 0:
                candidates.append((-overlap, g.order, p.order, gi, pi))
    for _, _, _, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    # 2. locator form: same surface, same order among that surface
    ranked = sorted(range(len(pred)), key=lambda i: pred[i].order)
    nth_of: dict[tuple[str, int], int] = {}
    counter: Counter[str] = Counter()
    for pi in ranked:
        key = surface_key(pred[pi].text)
        own = pred[pi].nth
        nth = own if pred[pi].sentence is None and own is not None else counter[key]
        counter[key] += 1
        nth_of.setdefault((key, nth), pi)
    locators = [gi for gi, g in enumerate(gold) if g.sentence is None]
    for gi in locators:
        pi_found = nth_of.get((surface_key(gold[gi].text), gold[gi].nth or 0))
        if pi_found is not None and pi_found not in used_p:
            pairs.append((gi, pi_found))
            used_g.add(gi)
            used_p.add(pi_found)
    # 3. leftovers of the locator form: same term, a shared word stem, in order
    for gi in sorted(locators, key=lambda i: gold[i].order):
        if gi in used_g:
            continue
        for pi in ranked:
            if pi in used_p or pred[pi].term != gold[gi].term:
                continue
            if _stems(pred[pi].text) & _stems(gold[gi].text):
                pairs.append((gi, pi))
                used_g.add(gi)
                used_p.add(pi)
                break
    return pairs
