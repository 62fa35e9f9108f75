"""Figures, skip markers and pixel helpers shared by the export tests."""

from __future__ import annotations

import io

import numpy as np
import plotly.graph_objects as go
import pytest
from PIL import Image, ImageChops
from streamlit.testing.v1 import AppTest

import export
from tests.support.apptest import opened, run_app

needs_chromium = pytest.mark.skipif(
    not export.chromium_available(),
    reason=f"Chromium not found (image export): {export.CHROMIUM_INSTALL}",
)
needs_cjk_font = pytest.mark.skipif(
    not export.cjk_fonts_available(), reason=f"no CJK font: {export.CJK_INSTALL}"
)
needs_mathjax = pytest.mark.skipif(
    export.mathjax_script() is None, reason="MathJax missing: pip install django-static-mathjax"
)
needs_video = pytest.mark.skipif(
    not export.video_available(), reason="no ffmpeg for video: pip install imageio-ffmpeg"
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def playground_app(**query: str) -> AppTest:
    """The real app on the Playground (default settings unless ``query`` says otherwise),
    its "Export" expander open."""
    return opened(run_app("pages/playground.py", timeout=300, **query), "playground.export.open")


def static_figure(title: str = "") -> go.Figure:
    return go.Figure(
        go.Scatter(x=[0, 1, 2], y=[2, 0, 1], mode="lines+markers"),
        layout={"title": {"text": title}, "width": 500, "height": 400},
    )


def animated_figure(n_frames: int = 7) -> go.Figure:
    """Contour + a path + a moving marker; frames update only the marker (trace 2)."""
    grid = np.linspace(-1, 1, 30)
    path = np.c_[np.linspace(-0.8, 0.8, n_frames), np.linspace(0.8, -0.5, n_frames)]
    frames = [
        go.Frame(
            name=f"step{k}",
            traces=[2],
            data=[go.Scatter(x=path[k : k + 1, 0], y=path[k : k + 1, 1])],
        )
        for k in range(n_frames)
    ]
    slider = {
        "steps": [
            {"method": "animate", "label": str(k), "args": [[f"step{k}"], {"mode": "immediate"}]}
            for k in range(n_frames)
        ]
    }
    play = {"type": "buttons", "buttons": [{"label": "Play", "method": "animate", "args": [None]}]}
    return go.Figure(
        [
            go.Contour(x=grid, y=grid, z=np.add.outer(grid**2, grid**2), showscale=False),
            go.Scatter(x=path[:, 0], y=path[:, 1], mode="lines", name="path"),
            go.Scatter(x=path[:1, 0], y=path[:1, 1], mode="markers", marker_size=14),
        ],
        frames=frames,
        layout={"title": {"text": "动量 momentum"}, "sliders": [slider], "updatemenus": [play]},
    )


def pixels(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("RGB")


def same_pixels(a: Image.Image, b: Image.Image) -> bool:
    return a.size == b.size and ImageChops.difference(a, b).getbbox() is None


def distance(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference per channel (0 = identical, 255 = opposite)."""
    return float(np.abs(np.asarray(a, float) - np.asarray(b, float)).mean())
