"""Phone layout: maps on top at full width, curves stacked below, nothing else moved."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
import pytest

import optimizers
import surfaces
from viz import bias
from viz import moments as moments_viz
from viz.contour import surface_grid
from viz.narrow import (
    AXIS_BELOW_PX,
    CURVE_PX,
    GAP_PX,
    LEGEND_ENTRY_PX,
    PHONE_WIDTH,
    TITLE_PX,
    stacked_figure,
)
from viz.paths import path_runs, paths_figure

ROSENBROCK = surfaces.get("rosenbrock")


def _figure(layout: str) -> dict:
    runs = [optimizers.run(n, ROSENBROCK, ROSENBROCK.start, 30, lr=0.001) for n in ("sgd", "adam")]
    figure = paths_figure(
        surface_grid(ROSENBROCK.value, ROSENBROCK.bounds),
        path_runs(["SGD", "Adam"], runs),
        minima=ROSENBROCK.minima,
        f_min=0.0,
        layout=layout,
    )
    return json.loads(pio.to_json(figure, validate=False))


def _domains(layout: dict, prefix: str) -> dict[str, list[float]]:
    return {k: v["domain"] for k, v in layout.items() if k.startswith(prefix) and "domain" in v}


def _px(layout: dict, domain: list[float]) -> float:
    """A domain's height in px in ``layout``'s plot area."""
    margin = layout["margin"]
    return (domain[1] - domain[0]) * (layout["height"] - margin["t"] - margin["b"])


def test_the_map_takes_the_full_width_on_top_and_the_curves_stack_below():
    before = _figure("overlay")
    after = stacked_figure(before)
    layout = after["layout"]
    assert _domains(before["layout"], "xaxis")["xaxis"][1] < 0.7  # beside the curves before
    assert layout["xaxis"]["domain"] == [0.0, 1.0] and layout["yaxis"]["domain"][1] == 1.0
    # The map's band is as tall as the map is wide on a phone (with its title's room).
    width = PHONE_WIDTH - layout["margin"]["l"] - layout["margin"]["r"]
    assert _px(layout, layout["yaxis"]["domain"]) == pytest.approx(width + TITLE_PX)
    curves = [layout[k]["domain"] for k in ("yaxis2", "yaxis3")]
    assert curves[0][0] > curves[1][1]  # loss above distance, as before
    assert curves[0][1] < layout["yaxis"]["domain"][0]
    assert [_px(layout, c) for c in curves] == pytest.approx([CURVE_PX, CURVE_PX])
    assert _px(layout, [curves[1][1], curves[0][0]]) == pytest.approx(GAP_PX)
    assert curves[1][0] == pytest.approx(0.0)  # nothing left empty at the bottom
    assert layout["xaxis2"]["domain"] == layout["xaxis3"]["domain"] == [0.0, 1.0]
    assert after["data"] == before["data"] and after["frames"] == before["frames"]
    go.Figure(after)  # still a figure Plotly accepts


def test_curve_titles_stay_on_top_of_their_curves():
    surface = surfaces.get("rosenbrock")
    traj = optimizers.run("adam", surface, surface.start, 20, lr=0.01)
    series = optimizers.get("adam").display_series
    figure = json.loads(
        pio.to_json(moments_viz.moments_figure(surface, traj, series=series), validate=False)
    )
    layout = stacked_figure(figure)["layout"]
    curves = sorted(
        (
            axis["domain"]
            for key, axis in layout.items()
            if key.startswith("yaxis") and key != "yaxis"
        ),
        key=lambda d: -d[1],
    )
    below_maps = [n["y"] for n in layout["annotations"] if n["y"] < layout["yaxis"]["domain"][0]]
    titles = sorted(below_maps, reverse=True)
    assert len(titles) == len(curves) >= 2
    assert titles == pytest.approx([top for _, top in curves])


def test_the_figure_given_is_left_as_it_was():
    figure = _figure("overlay")
    before = json.dumps(figure, sort_keys=True)
    after = stacked_figure(figure)
    assert json.dumps(figure, sort_keys=True) == before
    assert after["layout"] is not figure["layout"] and after["layout"] != figure["layout"]


def test_small_multiples_keep_their_arrangement_above_the_curves():
    after = stacked_figure(_figure("grid"))["layout"]
    maps = [after[f"yaxis{s}"]["domain"] for s in ("", "2")]
    curves = [after[f"yaxis{s}"]["domain"] for s in ("3", "4")]
    assert min(lo for lo, _ in maps) > max(hi for _, hi in curves)
    xs = sorted(after[f"xaxis{s}"]["domain"] for s in ("", "2"))
    assert xs[0][0] == 0.0 and xs[-1][1] == 1.0 and xs[0][1] < xs[1][0]


def test_curves_side_by_side_stack_in_reading_order_with_their_titles():
    figure = json.loads(pio.to_json(bias.corrections_figure(0.9, 0.999, 50), validate=False))
    assert figure["layout"]["xaxis"]["domain"][1] < figure["layout"]["xaxis2"]["domain"][0]
    after = stacked_figure(figure)
    layout = after["layout"]
    factors, corrections = layout["yaxis"]["domain"], layout["yaxis2"]["domain"]
    assert layout["xaxis"]["domain"] == layout["xaxis2"]["domain"] == [0.0, 1.0]
    assert corrections[1] < factors[0]  # the left panel first, above the right one
    assert [_px(layout, d) for d in (factors, corrections)] == pytest.approx([CURVE_PX] * 2)
    assert _px(layout, [corrections[1], factors[0]]) == pytest.approx(GAP_PX)
    titles = [(note["x"], note["y"]) for note in layout["annotations"]]
    assert titles == [(0.5, factors[1]), (0.5, corrections[1])]
    # Its legend below them has its room in the margin: Plotly need not push it out.
    entries = sum(1 for trace in figure["data"] if trace.get("showlegend", True))
    assert entries == 5 and layout["margin"]["b"] >= AXIS_BELOW_PX + entries * LEGEND_ENTRY_PX
    assert layout["legend"]["yanchor"] == "top" and layout["legend"]["y"] < 0
    assert after["data"] == figure["data"]
    go.Figure(after)


def test_a_figure_of_one_panel_without_maps_is_left_alone():
    runs = [("Adam", optimizers.run("adam", ROSENBROCK, ROSENBROCK.start, 20, lr=0.01))]
    figure = json.loads(pio.to_json(bias.step_lengths_figure(runs), validate=False))
    assert stacked_figure(figure) == figure
