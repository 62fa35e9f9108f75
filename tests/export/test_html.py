"""export.figure_html: one standalone page, plotly.js embedded, nothing fetched."""

from __future__ import annotations

import re
from pathlib import Path

import plotly

import export
from tests.export.helpers import animated_figure, needs_mathjax, static_figure

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
CDN_HOSTS = ("cdn.plot.ly", "cdnjs.cloudflare.com", "cdn.jsdelivr.net", "unpkg.com")


def test_html_is_standalone_with_frames_and_no_cdn():
    fig = animated_figure()
    fig.update_layout(width=640, height=480)
    page = export.figure_html(fig)
    assert page.startswith("<!DOCTYPE html>")
    bundle = PLOTLY_JS.read_text(encoding="utf-8")
    assert bundle in page  # plotly.js embedded verbatim
    assert re.search(r"<(script|link|img|iframe)[^>]*\b(src|href)\s*=", page, re.I) is None
    # plotly.js itself names a CDN as the default for geo-map topojson, which these figures
    # never use; everything else on the page must not reference the network at all.
    rest = page.replace(bundle, "")
    for host in CDN_HOSTS:
        assert host not in rest
    assert re.findall(r"https?://(?!www\.w3\.org/)", rest) == []
    assert re.search(r"mathjax[\w./@-]*\.js", rest, re.I) is None  # no MathJax script either
    assert "Plotly.addFrames" in page
    for k in range(7):
        assert f'"name":"step{k}"' in page
    assert "<title>动量 momentum</title>" in page
    assert "height:100vh" in page.replace(" ", "")
    assert '"width":640' not in page and '"height":480' not in page  # follows the window
    assert "Plotly.animate" not in page  # nothing plays until Play is pressed
    assert fig.layout.width == 640  # caller's figure untouched


def test_html_title_is_escaped():
    page = export.figure_html(static_figure(), title="<b>Adam & RMSprop</b>")
    assert "<title>&lt;b&gt;Adam &amp; RMSprop&lt;/b&gt;</title>" in page


@needs_mathjax
def test_html_with_latex_embeds_the_local_mathjax_and_no_remote_script():
    mathjax = export.mathjax_script().read_text(encoding="utf-8")
    plain = export.figure_html(static_figure("costs $5, not $6"))
    assert mathjax[:2000] not in plain  # 2 MB only where a formula needs it
    fig = static_figure(r"$\hat m_t = m_t / (1 - \beta_1^t)$").to_dict()
    page = export.figure_html(fig)
    assert mathjax[:2000] in page  # the package's tex-svg.js, inline
    assert page.index(mathjax[:200]) < page.index("Plotly.newPlot")
    assert re.search(r"<script[^>]*\bsrc\s*=", page, re.I) is None
