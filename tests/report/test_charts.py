"""Charts: matplotlib SVG, checked before it is inlined (textmine/report/charts.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from textmine.errors import ReportError
from textmine.report.charts import FAMILY_STYLE, PROFESSIONAL_STYLE, bar_chart, svg_markup

MATPLOTLIB_SVG = """<?xml version="1.0" encoding="utf-8" standalone="no"?>
<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="10pt" height="10pt" viewBox="0 0 10 10"
 xmlns="http://www.w3.org/2000/svg" version="1.1">
 <metadata><rdf:RDF xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><dc:title>Matplotlib v3</dc:title>
  </rdf:RDF></metadata>
 <defs><clipPath id="c1"><rect width="5" height="5"/></clipPath></defs>
 <g id="figure_1"><path d="M 0 0 L 1 1" clip-path="url(#c1)"/>{extra}</g>
</svg>"""


@pytest.fixture(scope="module")
def chart() -> str:
    return str(
        bar_chart(
            "asym",
            ["doc <a> & b", "other"],
            [
                ("families", [1.5, float("nan")], FAMILY_STYLE),
                ("professionals", [2.5, 3.0], PROFESSIONAL_STYLE),
            ],
            xlabel="mean level",
            xlim=(0, 5),
        )
    )


def test_chart_is_inline_svg_without_prologue_or_metadata(chart: str) -> None:
    assert chart.startswith("<svg ")
    assert "<?xml" not in chart and "DOCTYPE" not in chart
    assert "<metadata" not in chart and "<style" not in chart
    assert 'aria-hidden="true"' in chart


def test_chart_ids_are_prefixed_and_references_resolve(chart: str) -> None:
    ids = re.findall(r'\sid="([^"]+)"', chart)
    assert ids and all(i.startswith("asym-") for i in ids)
    assert len(ids) == len(set(ids))
    refs = re.findall(r'(?:href="#|url\(#)([^")]+)', chart)
    assert refs and set(refs) <= set(ids)


def test_chart_text_is_escaped_and_missing_values_labelled(chart: str) -> None:
    assert "doc &lt;a&gt; &amp; b" in chart
    assert ">n/a<" in chart
    assert "<a " not in chart


def test_two_charts_share_no_id() -> None:
    one = str(bar_chart("one", ["x"], [("s", [1.0], FAMILY_STYLE)], xlabel="v"))
    two = str(bar_chart("two", ["x"], [("s", [1.0], FAMILY_STYLE)], xlabel="v"))
    assert not set(re.findall(r'\sid="([^"]+)"', one)) & set(re.findall(r'\sid="([^"]+)"', two))


def test_reproducible() -> None:
    def make() -> str:
        return str(bar_chart("r", ["x"], [("s", [0.5], FAMILY_STYLE)], xlabel="v"))

    assert make() == make()


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ("<script>alert(1)</script>", "forbidden element <script>"),
        ('<a xlink:href="https://example.org"><path d="M 0 0"/></a>', "forbidden element <a>"),
        ('<use xlink:href="https://example.org/x.svg#a"/>', "external link"),
        ('<path d="M 0 0" onload="alert(1)"/>', "event attribute onload"),
        ('<path d="M 0 0" style="fill: url(https://example.org/x)"/>', "external reference"),
        ("<foreignObject><p>x</p></foreignObject>", "forbidden element <foreignObject>"),
    ],
)
def test_unsafe_svg_is_refused(extra: str, reason: str) -> None:
    with pytest.raises(ReportError, match=re.escape(reason)):
        svg_markup(MATPLOTLIB_SVG.format(extra=extra), prefix="t")


def test_svg_not_made_by_matplotlib_is_refused() -> None:
    other = MATPLOTLIB_SVG.format(extra="").replace("Matplotlib v3", "Inkscape")
    with pytest.raises(ReportError, match="not made by matplotlib"):
        svg_markup(other, prefix="t")
    with pytest.raises(ReportError, match="not well-formed"):
        svg_markup("<svg><g></svg>", prefix="t")
    with pytest.raises(ReportError, match="root element"):
        svg_markup('<html xmlns="http://www.w3.org/1999/xhtml"/>', prefix="t")


def test_clean_svg_passes_with_prefixed_references() -> None:
    out = str(svg_markup(MATPLOTLIB_SVG.format(extra=""), prefix="t"))
    assert 'id="t-c1"' in out and "url(#t-c1)" in out


def test_a_chart_is_drawn_once_per_set_of_figures(
    tmp_path: Path, chart: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textmine.cache import Cache
    from textmine.report import charts

    cache = Cache(tmp_path)
    series = [
        ("families", [1.5, float("nan")], FAMILY_STYLE),
        ("professionals", [2.5, 3.0], PROFESSIONAL_STYLE),
    ]
    args = ("asym", ["doc <a> & b", "other"], series)
    first = bar_chart(*args, xlabel="mean level", xlim=(0, 5), cache=cache)
    assert str(first) == chart

    def not_again(*args: object, **kwargs: object) -> str:
        raise AssertionError("drawn again")

    monkeypatch.setattr(charts, "_draw", not_again)
    assert bar_chart(*args, xlabel="mean level", xlim=(0, 5), cache=cache) == first
    with pytest.raises(AssertionError, match="drawn again"):  # other figures: drawn
        bar_chart(*args, xlabel="mean level", xlim=(0, 6), cache=cache)


def test_a_cached_chart_is_checked_like_a_fresh_one(tmp_path: Path) -> None:
    from textmine.cache import Cache
    from textmine.report.charts import _chart_key

    cache = Cache(tmp_path)
    series = [("families", [1.0], FAMILY_STYLE)]
    key = _chart_key("c", ["a"], series, "x", None, "{:.2f}")
    cache.put_json("chart", key, MATPLOTLIB_SVG.format(extra="<script>alert(1)</script>"))
    with pytest.raises(ReportError, match="forbidden element <script>"):
        bar_chart("c", ["a"], series, xlabel="x", cache=cache)
