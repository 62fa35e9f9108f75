"""Phone layout: maps on top at full width, curves stacked below, nothing else moved."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio

import optimizers
import surfaces
from viz import bias
from viz.contour import surface_grid
from viz.narrow import MAPS_BOTTOM, PHONE_HEIGHT, stacked_figure
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


def test_the_map_takes_the_full_width_on_top_and_the_curves_stack_below():
    before = _figure("overlay")
    after = stacked_figure(before)
    layout = after["layout"]
    assert _domains(before["layout"], "xaxis")["xaxis"][1] < 0.7  # beside the curves before
    assert layout["xaxis"]["domain"] == [0.0, 1.0]
    assert layout["yaxis"]["domain"] == [MAPS_BOTTOM, 1.0]
    curves = [layout[k]["domain"] for k in ("yaxis2", "yaxis3")]
    assert curves[0][0] > curves[1][1]  # loss above distance, as before
    assert all(top <= MAPS_BOTTOM for _, top in curves)
    assert layout["xaxis2"]["domain"] == layout["xaxis3"]["domain"] == [0.0, 1.0]
    assert layout["height"] == PHONE_HEIGHT
    assert after["data"] == before["data"] and after["frames"] == before["frames"]
    go.Figure(after)  # still a figure Plotly accepts


def test_the_figure_given_is_left_as_it_was():
    figure = _figure("overlay")
    before = json.dumps(figure, sort_keys=True)
    after = stacked_figure(figure)
    assert json.dumps(figure, sort_keys=True) == before
    assert after["layout"] is not figure["layout"] and after["layout"] != figure["layout"]


def test_small_multiples_keep_their_arrangement_above_the_curves():
    after = stacked_figure(_figure("grid"))["layout"]
    maps = [after[f"yaxis{s}"]["domain"] for s in ("", "2")]
    assert all(lo >= MAPS_BOTTOM for lo, _ in maps)
    xs = sorted(after[f"xaxis{s}"]["domain"] for s in ("", "2"))
    assert xs[0][0] == 0.0 and xs[-1][1] == 1.0 and xs[0][1] < xs[1][0]


def test_a_figure_without_maps_is_left_alone():
    figure = json.loads(pio.to_json(bias.corrections_figure(0.9, 0.999, 50), validate=False))
    assert stacked_figure(figure) == figure
