"""The annotated HTML report: :func:`render_report` (one self-contained page plus its tables).

Modules: :mod:`~textmine.report.render` (Jinja2 environment, CSP, writing),
:mod:`~textmine.report.context` (template data), :mod:`~textmine.report.text`
(annotated provisions), :mod:`~textmine.report.measures` (dashboard and
relation tables), :mod:`~textmine.report.evidence` (findings, statistics),
:mod:`~textmine.report.methods`, :mod:`~textmine.report.charts` (checked
matplotlib SVG), :mod:`~textmine.report.anchors` (ids and outward links),
:mod:`~textmine.report.annotate` (placing occurrences in text) and
:mod:`~textmine.report.outdir` (the output folder policy).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textmine.report.render import default_out_dir, render_report

__all__ = ["default_out_dir", "render_report"]


def __getattr__(name: str) -> Any:
    """:func:`render_report` and :func:`default_out_dir`, imported on first use: the report
    brings pandas and Jinja2, which a run needs only at its end (``textmine analyse`` starts
    its worker processes first), and :mod:`~textmine.report.outdir` needs neither."""
    if name in __all__:
        from textmine.report import render

        return getattr(render, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
