"""LaTeX in exports: the local MathJax renders formulas, no raw $...$ and no network."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import export
from tests.export.helpers import needs_chromium, needs_mathjax, static_figure

SVG = "{http://www.w3.org/2000/svg}"
TITLE = r"$\hat m_t = \frac{m_t}{1 - \beta_1^t}$"


def test_latex_is_found_as_plotly_reads_it():
    assert export.has_latex({"layout": {"title": {"text": TITLE}}})
    assert export.has_latex({"data": [{"name": "$x^2$", "x": [1.0, 2.0]}]})
    assert not export.has_latex({"layout": {"title": {"text": "costs $5, not $6"}}})
    assert not export.has_latex({"layout": {"title": {"text": "$"}}})


@needs_mathjax
def test_mathjax_comes_from_the_installed_package():
    script = export.mathjax_script()
    assert script.name == "tex-svg.js" and script.stat().st_size > 1_000_000
    assert 'VERSION="3.2.2"' in script.read_text(encoding="utf-8")  # Kaleido's default version


@needs_chromium
@needs_mathjax
def test_svg_of_a_latex_title_has_rendered_math_paths_and_no_raw_dollars():
    svg = export.figure_svg(static_figure(TITLE), width=500, height=400)
    root = ET.fromstring(svg)
    title = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "g-gtitle")
    glyphs = [p for p in title.iter(f"{SVG}path") if (p.get("id") or "").startswith("MJX-")]
    assert len(glyphs) >= 8  # m, t, beta, 1, hat, minus, ... drawn as MathJax glyph paths
    assert all(len(p.get("d", "")) > 20 for p in glyphs)
    shown = "".join(text for element in root.iter(f"{SVG}text") for text in element.itertext())
    assert "$" not in shown and "frac" not in shown
