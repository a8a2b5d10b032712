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

from textmine.report.render import default_out_dir, render_report

__all__ = ["default_out_dir", "render_report"]
