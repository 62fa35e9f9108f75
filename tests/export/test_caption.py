"""The settings caption: its text from real runs, its place under the plot, in both languages."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest

import export
import optimizers
import surfaces
from export.caption import CAPTION_NAME, caption_lines, with_caption
from tests.export.helpers import distance, needs_chromium, pixels, static_figure
from ui.export_caption import settings_caption


@pytest.fixture(scope="module")
def runs():
    surface = surfaces.get("rosenbrock")
    start = np.array([-1.2, 1.0])
    return [
        ("SGD", optimizers.run("sgd", surface, start, 30)),
        ("Nesterov", optimizers.run("sgd", surface, start, 30, momentum=0.9, nesterov=True)),
        ("Adam", optimizers.run("adam", surface, start, 30, lr=0.05, betas=(0.8, 0.999))),
    ]


def test_caption_names_surface_start_steps_and_only_non_default_hyperparameters(runs):
    segments = settings_caption(runs, {"surface": "rosenbrock", "steps": "30"}, "en")
    assert segments == [
        "Rosenbrock",
        "start (-1.2, 1)",
        "30 steps",
        "SGD: defaults",
        "Nesterov: momentum=0.9, nesterov=True",
        "Adam: lr=0.05, betas=(0.8, 0.999)",
    ]


def test_caption_speaks_the_page_language_and_shows_a_custom_formula(runs):
    zh = settings_caption(runs[:1], {"surface": "rosenbrock"}, "zh")
    assert zh == ["Rosenbrock 香蕉函数", "起点 (-1.2, 1)", "30 步", "SGD：默认参数"]
    custom = settings_caption([], {"surface": "custom", "f": "x**2 + 3*y**2"}, "en")
    assert custom == ["f(x, y) = x**2 + 3*y**2"]


def test_caption_of_many_start_points_counts_them():
    surface = surfaces.get("himmelblau")
    traj = optimizers.run("adam", surface, np.array([[0.0, 0.0], [1.0, 1.0], [-2, 3]]), 5)
    assert settings_caption([("Adam", traj)], {"surface": "himmelblau"}, "en")[1] == (
        "3 start points"
    )


def test_lines_wrap_between_segments_to_the_width():
    segments = ["a" * 30, "b" * 30, "c" * 30]
    assert caption_lines(segments, 10_000) == [" · ".join(segments)]
    lines = caption_lines(segments, 400)  # about 66 Latin characters at 11 px
    assert lines == [f"{'a' * 30} · {'b' * 30}", "c" * 30]
    assert caption_lines(["x" * 500], 100) == ["x" * 500]  # never split inside a segment


def test_caption_goes_under_the_plot_in_added_room_without_touching_the_figure():
    fig = static_figure("t").to_dict()
    fig["layout"]["margin"] = {"b": 50}
    captioned = with_caption(fig, ["Rosenbrock", "30 <steps> & more"], 500)
    note = captioned["layout"]["annotations"][-1]
    assert note["name"] == CAPTION_NAME
    assert note["text"] == "Rosenbrock · 30 &lt;steps&gt; &amp; more"  # Plotly reads HTML
    assert (note["xref"], note["yref"], note["yanchor"]) == ("paper", "paper", "bottom")
    assert captioned["layout"]["margin"]["b"] == 50 + 15 + 6
    assert note["yshift"] == -(50 + 21) + 3  # the image's bottom edge
    assert fig["layout"]["margin"] == {"b": 50} and "annotations" not in fig["layout"]
    assert with_caption(fig, [], 500) == fig


@needs_chromium
def test_png_with_a_caption_draws_it_under_the_plot(runs):
    fig = static_figure("caption")
    plain = pixels(export.figure_png(fig, scale=1))
    segments = settings_caption(runs, {"surface": "rosenbrock"}, "en")
    captioned = pixels(export.figure_png(fig, scale=1, caption=segments))
    assert captioned.size == plain.size  # the plot gives up room; the image keeps its size
    bottom = (0, plain.height - 40, plain.width, plain.height)
    assert distance(plain.crop(bottom), captioned.crop(bottom)) > 0.5


@needs_chromium
def test_svg_caption_is_text_in_the_page_language(runs):
    segments = settings_caption(runs[:2], {"surface": "rosenbrock"}, "zh")
    svg = export.figure_svg(static_figure("图"), caption=segments)
    texts = "".join(ET.fromstring(svg).itertext())
    assert "起点 (-1.2, 1)" in texts and "30 步" in texts and "Nesterov: momentum=0.9" in texts
