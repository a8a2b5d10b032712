"""The annotated text of every provision, as plain dicts for the templates.

Provisions are grouped by document and by Part/Chapter (consecutive
provisions with the same ``part``/``chapter`` form one group; a document with
neither is one group). Each provision carries its anchor, links (source PDF
page, official text), the findings that cite it, and its text split into
segments by :func:`textmine.report.annotate.place`.

Each occurrence becomes a dict of what the page shows on hover and focus:
term, level, actor, recipients, modality, negation, voice, the deciding
rules (from the tagger's ``explain`` field) and two derived flags:

* ``agentless``: actor ``unspecified`` and voice ``passive`` (the text leaves
  unnamed who must act);
* ``weakened``: the occurrence's provision and relation appear in the
  measures' ``divergence_strength`` table with direction ``weaker``: a
  guidance paragraph states the duty more weakly than the enacting text it
  restates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from textmine.extract.document import Document, Provision
from textmine.report.anchors import (
    AnchorIndex,
    document_anchor,
    document_url,
    pdf_page_href,
    provision_url,
    slug,
)
from textmine.report.annotate import place
from textmine.report.labels import Labels, kind_label
from textmine.review.certainty import doubts_of, review_order

#: (provision label, actor, recipient) of the relations a guidance paragraph weakens.
Weakened = set[tuple[str, str, str]]


def weakened_relations(strength: pd.DataFrame | None) -> Weakened:
    """The ``weaker`` rows of the divergence alignment table, as lookup keys."""
    if strength is None or strength.empty or "direction" not in strength.columns:
        return set()
    rows = strength[strength["direction"] == "weaker"]
    return {
        (str(p), str(a), str(r))
        for p, a, r in zip(rows["provision_b"], rows["actor"], rows["recipient"], strict=True)
    }


def documents_context(
    documents: Sequence[Document],
    rows: pd.DataFrame,
    anchors: AnchorIndex,
    out_dir: Path,
    *,
    weakened: Weakened = frozenset(),  # type: ignore[assignment]
    provision_findings: Mapping[str, Sequence[str]] | None = None,
    labels: Labels | None = None,
) -> list[dict[str, Any]]:
    """One dict per document: id, name, kind, links, counts and its groups of provisions."""
    labels = labels or Labels()
    records = _records(rows)
    for record, rank in zip(records, review_order(records), strict=True):
        record["_rank"] = rank
    counter = _Counter(labels)
    out = []
    for document in documents:
        mine = [r for r in records if str(r.get("doc")) == document.doc]
        per_provision = assign(document, mine)
        groups: list[dict[str, Any]] = []
        for index, prov in enumerate(document.provisions, start=1):
            label = _group_label(prov)
            if not groups or groups[-1]["label"] != label:
                groups.append(
                    {
                        "label": label,
                        "anchor": f"g-{slug(document.doc)}-{len(groups) + 1}",
                        "provisions": [],
                        "n_occurrences": 0,
                    }
                )
            item = _provision(
                document,
                prov,
                index,
                per_provision.get(index, []),
                anchors,
                out_dir,
                counter,
                weakened,
                provision_findings or {},
            )
            groups[-1]["provisions"].append(item)
            groups[-1]["n_occurrences"] += item["n_occurrences"]
        out.append(
            {
                "doc": document.doc,
                "anchor": document_anchor(document.doc),
                "title": labels.doc(document.doc),
                "kind": kind_label(document.kind, document.title),
                "n_weakened": sum(
                    1
                    for g in groups
                    for p in g["provisions"]
                    for o in p["occurrences"]
                    if o["weakened"]
                ),
                "pages": document.pages,
                "url": document_url(document),
                "n_provisions": len(document.provisions),
                "n_occurrences": len(mine),
                "groups": groups,
            }
        )
    return out


def assign(
    document: Document, rows: Iterable[Mapping[str, Any]]
) -> dict[int, list[dict[str, Any]]]:
    """Occurrence rows by the 1-based index of the provision that holds them.

    A row goes to the provision with its ``ref``; an unnumbered row to the
    provision with its ``unit`` (and ``page``), else the first unnumbered
    provision on its page. Among several candidates, the first whose text
    contains the matched words wins.
    """
    by_ref: dict[str, list[int]] = {}
    by_unit: dict[tuple[str | None, int | None], list[int]] = {}
    by_page: dict[int | None, list[int]] = {}
    for index, prov in enumerate(document.provisions, start=1):
        if prov.ref:
            by_ref.setdefault(prov.ref, []).append(index)
        else:
            by_unit.setdefault((prov.unit, prov.page), []).append(index)
            by_page.setdefault(prov.page, []).append(index)
    out: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        ref, page = _str(row.get("ref")), _int(row.get("page"))
        if ref:
            candidates = by_ref.get(ref, [])
        else:
            candidates = by_unit.get((_str(row.get("unit")), page)) or by_page.get(page, [])
        if not candidates:
            continue
        words = str(row.get("text") or "").lower()
        chosen = next(
            (i for i in candidates if words and words in document.provisions[i - 1].text.lower()),
            candidates[0],
        )
        out.setdefault(chosen, []).append(dict(row))
    return out


class _Counter:
    """Numbers the occurrences of a page (their tooltip ids) and names their groups."""

    def __init__(self, labels: Labels) -> None:
        self.n = 0
        self.labels = labels

    def next(self) -> str:
        self.n += 1
        return f"o{self.n}"


def _provision(
    document: Document,
    prov: Provision,
    index: int,
    rows: list[dict[str, Any]],
    anchors: AnchorIndex,
    out_dir: Path,
    counter: _Counter,
    weakened: Weakened,
    provision_findings: Mapping[str, Sequence[str]],
) -> dict[str, Any]:
    label = f"{document.doc}:{prov.ref}" if prov.ref else f"{document.doc}:p.{prov.page}"
    occurrences = [_occurrence(r, label, counter, weakened) for r in rows]
    placed = place(prov.text, occurrences)
    return {
        "anchor": anchors.anchor(document.doc, index),
        "doc": document.doc,
        "ref": prov.ref,
        "heading": prov.heading,
        "page": prov.page,
        "pdf_href": pdf_page_href(document, prov.page, out_dir),
        "official_href": provision_url(document, prov.ref),
        "segments": placed.segments,
        "unplaced": placed.unplaced,
        "n_occurrences": len(occurrences),
        "occurrences": occurrences,
        "findings": list(provision_findings.get(label, ())),
    }


def _occurrence(
    row: Mapping[str, Any], label: str, counter: _Counter, weakened: Weakened
) -> dict[str, Any]:
    actor = str(row.get("actor") or "unspecified")
    recipients = as_list(row.get("recipients"))
    agentless = actor == "unspecified" and row.get("voice") == "passive"
    weak = any((label, actor, r) in weakened for r in (recipients or ["none"]))
    occ = {
        "id": counter.next(),
        "rid": _str(row.get("id")),
        "rank": row.get("_rank"),
        "doubts": doubts_of(row),
        "corrected": bool(row.get("corrected")),
        "original": _original(row.get("explain")),
        "sentence": row.get("sentence"),
        "start": row.get("start"),
        "end": row.get("end"),
        "term": str(row.get("term")),
        "level": _int(row.get("level")) or 0,
        "text": row.get("text"),
        "actor": actor,
        "actor_text": _str(row.get("actor_text")),
        "recipients": recipients,
        "modality": str(row.get("modality") or "none"),
        "negated": bool(row.get("negated")),
        "voice": str(row.get("voice") or ""),
        "agentless": agentless,
        "weakened": weak,
        "rule": explain_summary(row.get("explain")),
    }
    occ["tip"] = tooltip_lines(occ, counter.labels)
    return occ


LEVEL_NAMES = {1: "inform", 2: "consult", 3: "involve", 4: "collaborate", 5: "co-produce"}


def tooltip_lines(occ: Mapping[str, Any], labels: Labels | None = None) -> list[str]:
    """What a highlighted term shows on hover and focus, one line per fact."""
    labels = labels or Labels()
    actor = labels.group(occ["actor"])
    if occ.get("actor_text"):
        actor += f' ("{occ["actor_text"]}")'
    recipients = ", ".join(labels.group(r) for r in occ["recipients"]) or labels.group("none")
    lines = [
        f"{occ['term']}: level {occ['level']} ({LEVEL_NAMES.get(occ['level'], '?')})",
        f"actor: {actor}",
        f"recipients: {recipients}",
        f"modality: {occ['modality']}; {'negated' if occ['negated'] else 'not negated'}; "
        f"{occ['voice'] or 'unknown'} voice",
    ]
    if occ["agentless"]:
        lines.append("agentless passive: the text names no actor")
    if occ["weakened"]:
        lines.append("weaker than the enacting provision it restates")
    if occ.get("doubts"):
        lines.append(f"doubts: {', '.join(occ['doubts'])}")
    if occ.get("corrected"):
        before = occ.get("original") or {}
        said = "; ".join(f"{k}: {_said(k, v, labels)}" for k, v in before.items())
        lines.append("corrected by an analyst" + (f" (the tagger said {said})" if said else ""))
    if occ.get("rule"):
        lines.append(f"rule: {occ['rule']}")
    return lines


def _original(explain: object) -> dict[str, Any]:
    """The tagger's values of a corrected row (kept in its explanation)."""
    if not isinstance(explain, Mapping):
        return {}
    correction = explain.get("correction")
    original = correction.get("original") if isinstance(correction, Mapping) else None
    return dict(original) if isinstance(original, Mapping) else {}


def _said(field: str, value: object, labels: Labels) -> str:
    """A field's value as the tooltip says it: groups by their labels."""
    if field == "recipients" and isinstance(value, list | tuple):
        return ", ".join(labels.group(v) for v in value) or labels.group("none")
    if field == "actor":
        return labels.group(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def explain_summary(explain: object) -> str | None:
    """One line from the tagger's ``explain`` object: ``actor: rule; modality: rule...``."""
    if not isinstance(explain, Mapping):
        return None
    parts = []
    for key, value in explain.items():
        if key == "correction":
            continue
        if isinstance(value, Mapping):
            rule = value.get("rule") or value.get("id") or value.get("pattern")
            pairs = ", ".join(f"{k}={v}" for k, v in value.items())
            text = str(rule) if rule is not None else pairs
        else:
            text = str(value)
        parts.append(f"{key}: {text}")
    return "; ".join(parts) or None


def as_list(value: object) -> list[str]:
    """A cell holding a list (or array, or JSON-like string list) as a list of strings."""
    if value is None or isinstance(value, float):
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return [str(value)]


def _group_label(prov: Provision) -> str:
    parts = [p for p in (prov.part, prov.chapter) if p]
    return " — ".join(parts) if parts else "Provisions"


def _records(rows: pd.DataFrame) -> list[dict[str, Any]]:
    if rows is None or rows.empty:
        return []
    return [{str(k): v for k, v in rec.items()} for rec in rows.to_dict("records")]


def _missing(value: object) -> bool:
    """None, NaN or pandas' NA (list-like values are never missing)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


def _str(value: object) -> str | None:
    if _missing(value):
        return None
    return str(value) or None


def _int(value: object) -> int | None:
    if _missing(value):
        return None
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None
