"""export.images and export.renderer: PNG/SVG through one persistent Kaleido/Chromium."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import plotly.graph_objects as go
import pytest
from PIL import Image

import export
from export.renderer import _Renderer
from tests.export.helpers import (
    PNG_SIGNATURE,
    animated_figure,
    needs_chromium,
    needs_cjk_font,
    pixels,
    same_pixels,
    static_figure,
)
from tests.support.imports import modules_loaded_by


def test_chromium_available_follows_browser_path(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert export.chromium_available() is False
    if Path("/usr/bin/chromium").exists():
        monkeypatch.setenv("BROWSER_PATH", "/usr/bin/chromium")
        assert export.chromium_available() is True


def test_missing_chromium_raises_with_install_help(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(export.ImageExportUnavailableError, match="apt-get install -y chromium"):
        _Renderer().submit({"data": []}, {"format": "png"})
    assert "BROWSER_PATH" in export.IMAGE_EXPORT_HELP


@pytest.mark.parametrize("page_html", [export.renderer_page_html, export.frame_page_html])
def test_render_pages_load_only_local_scripts_with_mathjax(page_html):
    page = page_html()
    sources = re.findall(r'<script[^>]*\bsrc="([^"]+)"', page)
    assert sources, page
    assert all(src.startswith("file://") for src in sources), sources
    assert any(src.endswith("/plotly.min.js") for src in sources), sources
    mathjax = export.mathjax_script()
    if mathjax is not None:
        # MathJax before plotly.js, which looks for it when it loads.
        assert sources.index(mathjax.as_uri()) < sources.index(
            next(src for src in sources if src.endswith("/plotly.min.js"))
        )
    assert all(Path(src.removeprefix("file://")).is_file() for src in sources), sources
    assert "http://" not in page and "https://" not in page


@needs_chromium
def test_png_has_signature_and_requested_size_times_scale():
    png = export.figure_png(static_figure("x"), width=300, height=200, scale=2)
    assert png.startswith(PNG_SIGNATURE)
    assert Image.open(io.BytesIO(png)).size == (600, 400)


@needs_chromium
def test_png_defaults_to_the_figure_layout_size():
    png = export.figure_png(static_figure(), scale=1)
    assert Image.open(io.BytesIO(png)).size == (500, 400)


@needs_chromium
def test_one_chromium_serves_every_image():
    export.figure_png(static_figure("a"), scale=1)
    pid = export.renderer_pid()
    export.figure_svg(static_figure("b"))
    export.figure_png(static_figure("c"), scale=1)
    assert pid is not None
    assert export.renderer_pid() == pid


@needs_chromium
def test_svg_parses_with_svg_root_and_cjk_font():
    svg = export.figure_svg(static_figure("梯度 gradient"), width=400, height=300)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert root.get("width") == "400" and root.get("height") == "300"
    text = svg.decode("utf-8")
    assert "梯度 gradient" in text
    assert export.CJK_FONT in text


@needs_chromium
def test_animated_png_is_the_base_state_without_controls():
    fig = animated_figure()
    bare = go.Figure(fig.data, layout=fig.layout)
    bare.layout.sliders, bare.layout.updatemenus = (), ()
    animated = pixels(export.figure_png(fig, width=400, height=300, scale=1))
    assert same_pixels(animated, pixels(export.figure_png(bare, width=400, height=300, scale=1)))
    with_controls = go.Figure(fig.data, layout=fig.layout)
    shown = pixels(export.figure_png(with_controls.to_dict(), width=400, height=300, scale=1))
    assert same_pixels(shown, animated)  # controls are dropped from dict input too
    assert len(fig.frames) == 7 and len(fig.layout.sliders) == 1  # caller's figure untouched


@needs_chromium
@needs_cjk_font
def test_chinese_title_renders_glyphs():
    def title_png(title: str) -> Image.Image:
        return pixels(export.figure_png(static_figure(title), width=400, height=300, scale=1))

    empty, gradient, momentum = title_png(""), title_png("梯度下降"), title_png("动量校正")
    assert not same_pixels(gradient, empty)
    # Without a CJK font both titles would be four identical "missing glyph" boxes.
    assert not same_pixels(gradient, momentum)


def test_cjk_fallback_is_added_everywhere_without_touching_the_figure():
    fig = static_figure("学习率")
    fig.update_layout(xaxis_title_font_family="Courier New, monospace")
    prepared = export.with_cjk_fonts(fig)
    assert prepared["layout"]["font"]["family"] == (
        '"Open Sans", verdana, arial, Noto Sans CJK SC, sans-serif'
    )
    assert prepared["layout"]["xaxis"]["title"]["font"]["family"] == (
        "Courier New, Noto Sans CJK SC, monospace"
    )
    assert fig.layout.font.family is None
    assert fig.layout.xaxis.title.font.family == "Courier New, monospace"
    again = export.with_cjk_fonts(prepared)
    assert again["layout"]["font"]["family"] == prepared["layout"]["font"]["family"]


@needs_chromium
def test_png_of_a_figure_dict_matches_the_figure():
    fig = static_figure("dict")
    as_figure = pixels(export.figure_png(fig, width=300, height=200, scale=1))
    as_dict = pixels(export.figure_png(fig.to_dict(), width=300, height=200, scale=1))
    assert same_pixels(as_figure, as_dict)


def test_image_size_and_scale_are_validated():
    with pytest.raises(ValueError, match=r"scale must be a number in \(0, 8\]; got 0"):
        export.figure_png(static_figure(), scale=0)
    with pytest.raises(ValueError, match=r"width must be .* got 5000"):
        export.figure_png(static_figure(), width=5000, scale=2)
    with pytest.raises(ValueError, match=r"fig must be a plotly\.graph_objects\.Figure"):
        export.figure_svg([1, 2])


def test_export_imports_neither_streamlit_nor_the_core():
    loaded = modules_loaded_by("import export", ("streamlit", "optimizers", "surfaces", "viz"))
    assert loaded == []
