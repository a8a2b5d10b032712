"""Charts of the dashboard: matplotlib figures inlined as checked SVG markup.

Each chart is drawn on a bare :class:`matplotlib.figure.Figure` (no pyplot,
no global state), saved as SVG with text kept as text (``svg.fonttype:
none``, so the file stays small) and no date (so output is reproducible).
Before the markup goes into the page, :func:`svg_markup` parses it and checks
it is matplotlib's own output and inert: the root is ``<svg>``, the metadata
names Matplotlib as creator, there are no ``script``/``foreignObject``/
``a``/``image`` elements, no ``on*`` attributes, and every link is internal
(``#id``). It then drops the metadata, the XML prologue and the page-wide
``<style>`` rule (the report's CSS carries it), and prefixes every id (and
every reference to one) with the chart's name, so several charts on one page
never share an id. Only then is it wrapped as :class:`markupsafe.Markup`.

The page gives every chart an accessible name and a table with the same
figures beside it (see the templates); the SVG itself is decorative to
assistive technology.

Given a :class:`~textmine.cache.Cache`, a chart is drawn once per set of
figures: matplotlib's SVG is kept under a key of everything the drawing
depends on (the chart's name, labels, series, axis, the versions of
matplotlib and of this module's code), and a re-run with the same figures
neither draws nor imports matplotlib. A cached SVG goes through
:func:`svg_markup`'s checks like a fresh one.
"""

from __future__ import annotations

import io
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from defusedxml import ElementTree as SafeET
from markupsafe import Markup

from textmine.errors import ReportError

if TYPE_CHECKING:
    from textmine.cache import Cache

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_FORBIDDEN = {"script", "foreignObject", "a", "image", "iframe", "object", "embed"}
_URL_REF = re.compile(r"url\(#([^)]+)\)")

#: Okabe-Ito colours (distinguishable with colour-vision deficiencies), with hatches
#: so that no series relies on colour alone.
FAMILY_STYLE = {"color": "#D55E00", "hatch": "//"}
PROFESSIONAL_STYLE = {"color": "#0072B2", "hatch": ""}
NEUTRAL_STYLE = {"color": "#009E73", "hatch": ""}
HIGHLIGHT_STYLE = {"color": "#CC79A7", "hatch": ".."}

_RC: dict[str, Any] = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.size": 9,
    "hatch.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def bar_chart(
    name: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], dict[str, str]]],
    *,
    xlabel: str,
    xlim: tuple[float, float] | None = None,
    value_format: str = "{:.2f}",
    cache: Cache | None = None,
) -> Markup:
    """A horizontal grouped bar chart: one group per label, one bar per series.

    ``series`` holds ``(legend name, values, style)``; NaN values draw no bar
    and are labelled ``n/a``. With ``cache``, the SVG of the same figures is
    drawn once (see the module docstring).
    """
    key = _chart_key(name, labels, series, xlabel, xlim, value_format)
    svg = cache.get_json("chart", key) if cache is not None else None
    if not isinstance(svg, str):
        svg = _draw(name, labels, series, xlabel=xlabel, xlim=xlim, value_format=value_format)
        if cache is not None:
            cache.put_json("chart", key, svg)
    return svg_markup(svg, prefix=name)


def _chart_key(
    name: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], dict[str, str]]],
    xlabel: str,
    xlim: tuple[float, float] | None,
    value_format: str,
) -> dict[str, Any]:
    """Everything a chart's SVG depends on (floats as ``repr``: NaN is not JSON)."""
    from textmine.cache.keys import package_version, source_digest

    return {
        "name": name,
        "labels": list(labels),
        "series": [
            [legend, [repr(None if _nan(v) else float(v)) for v in values], dict(style)]
            for legend, values, style in series
        ],
        "xlabel": xlabel,
        "xlim": list(xlim) if xlim is not None else None,
        "value_format": value_format,
        "matplotlib": package_version("matplotlib"),
        "source": source_digest(("report/charts.py",)),
    }


def _draw(
    name: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], dict[str, str]]],
    *,
    xlabel: str,
    xlim: tuple[float, float] | None,
    value_format: str,
) -> str:
    """matplotlib's SVG of :func:`bar_chart` (unchecked)."""
    import matplotlib  # slow to import: only when a chart is drawn
    from matplotlib.figure import Figure

    n_groups, n_series = len(labels), max(1, len(series))
    height = 1.1 + 0.22 * n_groups * n_series + 0.25 * n_groups
    rc: Any = {**_RC, "svg.hashsalt": f"textmine-{name}"}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(6.4, min(height, 14.0)), layout="constrained")
        ax = fig.add_subplot()
        bar_height = 0.8 / n_series
        for i, (legend, values, style) in enumerate(series):
            offset = i * bar_height - 0.4 + bar_height / 2
            ys = [g + offset for g in range(n_groups)]
            clean = [0.0 if _nan(v) else float(v) for v in values]
            bars = ax.barh(
                ys,
                clean,
                height=bar_height * 0.9,
                color=style.get("color"),
                hatch=style.get("hatch") or None,
                edgecolor="#1a1a1a",
                linewidth=0.6,
                label=legend,
            )
            for bar, value in zip(bars, values, strict=True):
                text = "n/a" if _nan(value) else value_format.format(value)
                ax.annotate(
                    text,
                    (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=8,
                )
        ax.set_yticks(range(n_groups), [_short(label) for label in labels])
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        if xlim is not None:
            ax.set_xlim(*xlim)
        if len(series) > 1:
            fig.legend(loc="outside upper center", ncols=min(4, len(series)), fontsize=8)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def svg_markup(svg: str, *, prefix: str) -> Markup:
    """Check that ``svg`` is inert matplotlib output and return it as embeddable markup.

    Raises :class:`~textmine.errors.ReportError` when the check fails.
    """
    try:
        root = SafeET.fromstring(svg)
    except ET.ParseError as exc:
        raise ReportError(f"chart {prefix}: not well-formed SVG ({exc})") from exc
    if root.tag != f"{{{SVG_NS}}}svg":
        raise ReportError(f"chart {prefix}: root element is {root.tag}, not svg")
    metadata = root.find(f"{{{SVG_NS}}}metadata")
    creator = "".join(metadata.itertext()) if metadata is not None else ""
    if "Matplotlib" not in creator:
        raise ReportError(f"chart {prefix}: not made by matplotlib")
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    for parent in list(root.iter()):
        for child in list(parent):
            local = child.tag.rsplit("}", 1)[-1]
            if local in ("metadata", "style"):
                parent.remove(child)
    for el in root.iter():
        local = el.tag.rsplit("}", 1)[-1]
        if local in _FORBIDDEN:
            raise ReportError(f"chart {prefix}: forbidden element <{local}>")
        el.tag = local  # inline SVG in HTML needs no namespace prefixes
        for attr, value in list(el.attrib.items()):
            _check_attribute(prefix, attr, value)
            if attr == "id":
                el.set("id", f"{prefix}-{value}")
            elif attr in (f"{{{XLINK_NS}}}href", "href"):
                del el.attrib[attr]
                el.set("href", f"#{prefix}-{value[1:]}")
            elif "url(#" in value:
                el.set(attr, _URL_REF.sub(lambda m: _prefixed(m, prefix, ids), value))
    root.set("class", "chart-svg")
    root.set("aria-hidden", "true")
    root.set("focusable", "false")
    root.set("xmlns", SVG_NS)
    text = ET.tostring(root, encoding="unicode")
    return Markup(text)  # checked above: matplotlib's own, inert SVG


def _check_attribute(prefix: str, attr: str, value: str) -> None:
    local = attr.rsplit("}", 1)[-1]
    if local.lower().startswith("on"):
        raise ReportError(f"chart {prefix}: event attribute {local}")
    if local == "href" and not value.startswith("#"):
        raise ReportError(f"chart {prefix}: external link {value!r}")
    if "url(" in value and "url(#" not in value:
        raise ReportError(f"chart {prefix}: external reference in {local}")


def _prefixed(match: re.Match[str], prefix: str, ids: set[str | None]) -> str:
    target = match.group(1)
    if target not in ids:
        raise ReportError(f"chart {prefix}: reference to unknown id {target!r}")
    return f"url(#{prefix}-{target})"


def _nan(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _short(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
