"""Projector style on real figures: wide paths, large markers and fonts, Okabe-Ito colours."""

from __future__ import annotations

import json

import plotly.io as pio
import pytest

import optimizers
import surfaces
from viz import bias
from viz.contour import surface_grid
from viz.paths import path_runs, paths_figure
from viz.projector import (
    FONT_SIZE,
    MAX_TITLE_CHARS,
    MIN_FONT_SIZE,
    MIN_LINE_WIDTH,
    NEAREST_OKABE_ITO,
    OKABE_ITO,
    okabe_ito_color,
    projector_figure,
    two_lines,
)

BOWL = surfaces.get("elliptic_bowl")


def _as_dict(figure) -> dict:
    """A builder's figure (a go.Figure or its dict) as plain JSON data."""
    return json.loads(pio.to_json(figure, validate=False))


@pytest.fixture(scope="module")
def playground_figure() -> dict:
    runs = [optimizers.run(name, BOWL, BOWL.start, 40, lr=0.05) for name in ("sgd", "adam")]
    grid = surface_grid(BOWL.value, BOWL.bounds)
    return _as_dict(paths_figure(grid, path_runs(["SGD", "Adam"], runs), minima=BOWL.minima))


def _fonts(value, found=None) -> list[float]:
    found = [] if found is None else found
    if isinstance(value, dict):
        for key, font in value.items():
            if key.endswith("font") and isinstance(font, dict) and "size" in font:
                found.append(font["size"])
        for item in value.values():
            _fonts(item, found)
    elif isinstance(value, list):
        for item in value:
            _fonts(item, found)
    return found


def test_paths_get_wide_lines_and_larger_markers(playground_figure):
    styled = projector_figure(playground_figure)
    pairs = list(zip(playground_figure["data"], styled["data"], strict=True))
    lines = [
        new for old, new in pairs if old["type"] == "scatter" and "lines" in old.get("mode", "")
    ]
    assert lines and all(trace["line"]["width"] >= MIN_LINE_WIDTH for trace in lines)
    sized = [
        (old, new)
        for old, new in pairs
        if isinstance(old.get("marker", {}).get("size"), int | float)
    ]
    assert sized and all(new["marker"]["size"] == 1.5 * old["marker"]["size"] for old, new in sized)
    contours = [(old, new) for old, new in pairs if old["type"] == "contour"]
    assert contours and all(old.get("line") == new.get("line") for old, new in contours)
    assert styled["layout"]["font"]["size"] == FONT_SIZE
    assert min(_fonts(styled["layout"])) >= MIN_FONT_SIZE
    axes = [v for k, v in styled["layout"].items() if k.startswith(("xaxis", "yaxis"))]
    assert axes and all(axis["tickfont"]["size"] >= MIN_FONT_SIZE for axis in axes)
    titled = [axis for axis in axes if axis.get("title", {}).get("text")]
    assert titled and all(axis["title"]["font"]["size"] == FONT_SIZE for axis in titled)
    assert len(styled["frames"]) == len(playground_figure["frames"])


def test_long_axis_titles_break_onto_two_lines_and_short_ones_stay(playground_figure):
    styled = projector_figure(playground_figure)
    titles = {
        key: (axis["title"]["text"], styled["layout"][key]["title"]["text"])
        for key, axis in playground_figure["layout"].items()
        if key.startswith(("xaxis", "yaxis")) and axis.get("title", {}).get("text")
    }
    long = {old: new for old, new in titles.values() if len(old) > MAX_TITLE_CHARS}
    assert long and all(new.replace("<br>", " ") == old for old, new in long.items())
    assert all(new.count("<br>") == 1 for new in long.values())
    # (a title left out by the one-per-column rule below is empty)
    assert all(old == new for old, new in titles.values() if len(old) <= MAX_TITLE_CHARS and new)
    assert two_lines("distance to nearest minimum (log)") == "distance to nearest<br>minimum (log)"
    assert two_lines("x" * 30) == "x" * 30  # nowhere to break
    assert two_lines("loss − f* (log)") == "loss − f* (log)"


def test_stacked_subplots_keep_their_shared_x_title_on_the_lowest_only(playground_figure):
    layout = projector_figure(playground_figure)["layout"]
    # The Playground's curves: loss (x2 over y2, on top) and distance (x3 over y3) below it.
    assert layout["yaxis2"]["domain"][0] > layout["yaxis3"]["domain"][0]
    assert layout["xaxis2"]["title"]["text"] == ""
    assert (
        layout["xaxis3"]["title"]["text"] == playground_figure["layout"]["xaxis3"]["title"]["text"]
    )
    assert layout["xaxis"]["title"]["text"] == "x"  # the map, in a column of its own
    side_by_side = {
        "data": [],
        "layout": {
            "xaxis": {"domain": [0, 0.45], "anchor": "y", "title": {"text": "step"}},
            "yaxis": {"domain": [0, 1]},
            "xaxis2": {"domain": [0.55, 1], "anchor": "y2", "title": {"text": "step"}},
            "yaxis2": {"domain": [0, 1]},
        },
    }
    styled = projector_figure(side_by_side)["layout"]
    assert styled["xaxis"]["title"]["text"] == styled["xaxis2"]["title"]["text"] == "step"


def test_the_figure_given_is_left_as_it_was(playground_figure):
    before = json.dumps(playground_figure, sort_keys=True)
    projector_figure(playground_figure)
    assert json.dumps(playground_figure, sort_keys=True) == before


def test_other_palettes_become_okabe_ito():
    figure = _as_dict(bias.corrections_figure(0.9, 0.999, 100))
    text = json.dumps(figure).lower()
    assert any(color in text for color in NEAREST_OKABE_ITO)  # tab10 colours before
    styled = json.dumps(projector_figure(figure)).lower()
    assert not any(color in styled for color in NEAREST_OKABE_ITO)
    assert OKABE_ITO["blue"].lower() in styled and OKABE_ITO["vermillion"].lower() in styled


def test_colour_forms():
    assert okabe_ito_color("#1F77B4") == OKABE_ITO["blue"]
    assert okabe_ito_color("rgba(31, 119, 180, 0.2)") == "rgba(0, 114, 178,0.2)"
    assert okabe_ito_color("rgb(214,39,40)") == "rgb(213, 94, 0)"
    assert okabe_ito_color("#123456") == "#123456"
    assert okabe_ito_color("white") == "white"
