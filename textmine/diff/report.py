"""The HTML diff report: one self-contained page in the look of the main report.

:func:`render_diff` renders ``diff.html.j2`` (in ``textmine/report/templates``,
extending the main report's ``base.html.j2``) through the main report's Jinja2
environment (:func:`textmine.report.render.environment`: autoescaping on
everywhere), with the main report's stylesheet plus ``diff.css`` and the
script ``diff.js`` (both in ``textmine/report/static``). The page carries a
Content-Security-Policy meta tag that forbids every fetch and runs only the
inline script with the computed sha256, so it works from ``file://`` with no
server: the kind filters (e.g. only weakened) are that script, and without
scripts every change is simply shown.

Each changed provision shows its text as a word-level inline diff
(:func:`inline_diff`: ``<del>`` for words taken out, ``<ins>`` for words put
in), the changes found in it with their reasons, a side-by-side table of the
old and new readings of each occurrence, and links to the pages of the source
PDFs (``file.pdf#page=N``, relative to the page's folder).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from textmine.diff.align import Pair, collapse_space, normalise
from textmine.diff.classify import KINDS

if TYPE_CHECKING:
    from textmine.diff.output import DiffResult
    from textmine.extract.document import Document

__all__ = ["KIND_HELP", "TEMPLATE", "diff_context", "inline_diff", "render_diff"]

TEMPLATE = "diff.html.j2"
#: What each kind of change means, shown in the summary.
KIND_HELP: dict[str, str] = {
    "weakened": "a duty asks for less partnership: a weaker modal (must -> may), a negation "
    "added, a lower term (consult -> inform), a recipient dropped, an actor lost to a passive, "
    "or a duty removed",
    "deleted": "a provision taken out, or a term removed that carried no duty",
    "strengthened": "the reverse of weakened: a stronger modal, a higher term, a recipient "
    "added, an actor named, or a duty added",
    "added": "a new provision, or a new term that carries no duty",
    "reworded": "the same strength in other words (consult -> seek the views of): a "
    "terminology inconsistency to check",
    "moved": "the same provision at another place, in another Part, or renumbered",
    "unchanged": "read the same (listed only when asked for)",
}
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_FIELDS = (
    ("term", "Term"),
    ("modality", "Modal"),
    ("negated", "Negated"),
    ("actor", "Actor"),
    ("recipients", "Recipients"),
    ("voice", "Voice"),
)


def inline_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level diff of two texts as ``(op, text)`` runs, op ``equal``, ``delete`` or ``insert``.

    Words are compared in their normalised form (:func:`~textmine.diff.align.normalise`),
    so typographic quotes, case and line breaks do not show as changes; the
    new text's spelling is shown for equal runs.
    """
    a, b = _TOKEN.findall(collapse_space(old)), _TOKEN.findall(collapse_space(new))
    key_a, key_b = [normalise(t) or " " for t in a], [normalise(t) or " " for t in b]
    runs: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if runs and runs[-1][0] == op:
            runs[-1] = (op, runs[-1][1] + text)
        else:
            runs.append((op, text))

    matcher = SequenceMatcher(None, key_a, key_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", "".join(b[j1:j2]))
            continue
        if tag in ("delete", "replace"):
            add("delete", "".join(a[i1:i2]))
        if tag in ("insert", "replace"):
            add("insert", "".join(b[j1:j2]))
    return runs


def _page_href(document: Document, page: object, out_dir: Path) -> str | None:
    from textmine.report.anchors import pdf_page_href

    return pdf_page_href(document, page if isinstance(page, int) else None, out_dir)


def _side_rows(records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for record in records:
        if record["scope"] != "occurrence" and not (record["old_term"] or record["new_term"]):
            continue
        cells = []
        for name, label in _FIELDS:
            old, new = record.get(f"old_{name}"), record.get(f"new_{name}")
            cells.append(
                {
                    "label": label,
                    "old": _show(old, record["old_term"]),
                    "new": _show(new, record["new_term"]),
                    "changed": record["old_term"] is not None
                    and record["new_term"] is not None
                    and old != new,
                }
            )
        label = f"{record['old_text'] or '—'} → {record['new_text'] or '—'}"
        rows.append({"kind": record["kind"], "label": label, "cells": cells})
    return rows


def _show(value: object, term: object) -> str:
    if term is None:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v).replace("_", " ") for v in value) or "none named"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).replace("_", " ") if value is not None else "—"


def _change(pair: Pair, record: Mapping[str, Any]) -> dict[str, Any]:
    """A change as the page lists it; an occurrence that came from another provision
    brings a word diff of its old and new sentence (the provision's own diff cannot show it).
    """
    came_in = record["scope"] == "occurrence" and (
        pair.old is None or record["old_ref"] != pair.old.ref
    )
    old, new = record.get("old_sentence"), record.get("new_sentence")
    runs = inline_diff(str(old), str(new)) if came_in and old and new else []
    return {"kind": record["kind"], "reason": record["reason"], "runs": runs}


def _item(
    result: DiffResult, index: int, pair: Pair, records: list[dict[str, Any]], out_dir: Path
) -> dict[str, Any]:
    old_text = pair.old.text if pair.old else ""
    new_text = pair.new.text if pair.new else ""
    kinds = list(dict.fromkeys(r["kind"] for r in records))
    shown = pair.new or pair.old
    return {
        "id": f"c-{index + 1}",
        "kinds": kinds,
        "old_ref": pair.old.ref if pair.old else None,
        "new_ref": pair.new.ref if pair.new else None,
        "present_old": pair.old is not None,
        "present_new": pair.new is not None,
        "heading": shown.heading if shown else None,
        "old_page": pair.old.page if pair.old else None,
        "new_page": pair.new.page if pair.new else None,
        "old_href": _page_href(result.old, pair.old.page, out_dir) if pair.old else None,
        "new_href": _page_href(result.new, pair.new.page, out_dir) if pair.new else None,
        "changes": [_change(pair, r) for r in records],
        "sides": _side_rows(records),
        "runs": inline_diff(old_text, new_text),
    }


def diff_context(result: DiffResult, *, out_dir: str | Path | None = None) -> dict[str, Any]:
    """The template data of the diff page: plain dicts and lists only.

    Changes to paired provisions come first (``items``, counted in the
    heading); provisions found in one version only are counted, and those
    holding a partnership term are listed apart (``unpaired``), collapsed.
    """
    from textmine.diff.output import is_unpaired
    from textmine.report.labels import kind_label
    from textmine.text import document_name

    folder = Path(out_dir) if out_dir is not None else Path.cwd()
    by_pair: dict[int, list[dict[str, Any]]] = {}
    alone: dict[int, list[dict[str, Any]]] = {}
    for record in result.records:
        if not is_unpaired(record):
            by_pair.setdefault(int(record["pair"]), []).append(record)
        elif record["old_term"] is not None or record["new_term"] is not None:
            alone.setdefault(int(record["pair"]), []).append(record)
    items = [_item(result, i, result.pairs[i], recs, folder) for i, recs in by_pair.items()]
    unpaired = [_item(result, i, result.pairs[i], recs, folder) for i, recs in alone.items()]
    changes = result.paired_changes()
    counts = {k: sum(1 for r in changes if r["kind"] == k) for k in KINDS}
    shown = [k for k in KINDS if counts[k] or (k == "unchanged" and result.include_unchanged)]
    documents = []
    for label, document in (("Earlier version", result.old), ("New version", result.new)):
        documents.append(
            {
                "label": label,
                "doc": document.doc,
                "name": document_name(document.doc, document.title),
                "title": document.title,
                "kind": kind_label(document.kind, document.title),
                "file": document.path.name if document.path else None,
                "provisions": len(document.provisions),
            }
        )
    pairing = result.pairing()
    old_name = document_name(result.old.doc, result.old.title)
    new_name = document_name(result.new.doc, result.new.title)
    return {
        "title": f"Changes from {old_name} to {new_name}",
        "documents": documents,
        "counts": [{"kind": k, "n": counts[k], "help": KIND_HELP[k]} for k in KINDS],
        "filter_kinds": shown,
        "n_changes": len(changes),
        "n_pairs": pairing["paired"],
        "n_same": pairing["same"],
        "n_edited": pairing["edited"],
        "n_only_old": pairing["only_old"],
        "n_only_new": pairing["only_new"],
        "n_unpaired_terms": pairing["unpaired_with_terms"],
        "include_unchanged": result.include_unchanged,
        "items": items,
        "unpaired": unpaired,
        "script_data": {"kinds": list(KINDS)},
    }


def render_diff(result: DiffResult, *, out_dir: str | Path | None = None) -> str:
    """The diff report of ``result`` as one HTML page (see the module docstring)."""
    from textmine import __version__
    from textmine.errors import ReportError
    from textmine.report.render import (
        MAX_HTML_BYTES,
        content_security_policy,
        environment,
        static_text,
    )

    script = static_text("diff.js")
    if "</" in script:  # would end the <script> element early
        raise ReportError("diff.js must not contain '</'")
    assets = {
        "css": Markup(static_text("report.css") + "\n" + static_text("diff.css")),
        "script": Markup(script),
        "csp": content_security_policy(script),
        "version": __version__,
    }
    template = environment().get_template(TEMPLATE)
    html = template.render(**assets, **diff_context(result, out_dir=out_dir))
    size = len(html.encode("utf-8"))
    if size > MAX_HTML_BYTES:
        raise ReportError(
            f"diff report would be {size / 1e6:.1f} MB, over the {MAX_HTML_BYTES / 1e6:.0f} MB "
            "limit: write jsonl or csv instead"
        )
    return html
