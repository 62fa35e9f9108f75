"""viz.contour: the grid, the colour scale, the map panel and the click-to-start layer."""

from __future__ import annotations

import numpy as np
import pytest

import surfaces
from tests.figures.checked import checked
from viz.contour import (
    PICK_START,
    ZScale,
    add_contour_panel,
    contour_figure,
    panel_traces,
    picked_point,
    surface_grid,
    z_scale,
)
from viz.subplots import Canvas

ROSENBROCK = surfaces.get("rosenbrock")


def test_grid_evaluates_f_on_the_window_and_blanks_non_finite_values():
    grid = surface_grid(ROSENBROCK.value, ROSENBROCK.bounds, resolution=11)
    assert grid.z.shape == (11, 11) and grid.bounds == ((-2.0, 2.0), (-1.0, 3.0))
    assert grid.z[5, 5] == ROSENBROCK.value(np.array([[0.0, 1.0]]))[0]
    blank = surface_grid(lambda xy: 1 / xy[:, 0], ((-1, 1), (-1, 1)), resolution=3)
    assert np.isnan(blank.z[:, 1]).all()


@pytest.mark.parametrize(
    ("resolution", "bounds"),
    [
        (1, ((0, 1), (0, 1))),
        (10_000, ((0, 1), (0, 1))),
        (10, ((1, 0), (0, 1))),
        (10, ((0, np.inf), (0, 1))),
    ],
)
def test_grid_refuses_bad_sizes(resolution, bounds):
    with pytest.raises(ValueError, match=r"resolution|bounds"):
        surface_grid(ROSENBROCK.value, bounds, resolution)


def test_log_scale_maps_the_minimum_to_the_bottom():
    grid = surface_grid(ROSENBROCK.value, ROSENBROCK.bounds, resolution=21)
    scale = z_scale(grid, log=True, f_min=0.0)
    assert scale.log and scale.zmin == 0.0
    assert scale.apply(np.array([0.0]))[0] == pytest.approx(np.log10(scale.offset))
    assert scale.apply(np.array([-5.0]))[0] == scale.apply(np.array([0.0]))[0]  # never NaN below
    assert z_scale(grid, log=False) == ZScale(False)
    assert scale.title("en") == "log₁₀(f − min f)"


def test_panel_has_clickable_contours_minima_and_saddles():
    himmelblau = surfaces.get("himmelblau")
    grid = surface_grid(himmelblau.value, himmelblau.bounds, resolution=21)
    traces = panel_traces(
        grid, z_scale(grid, True), axes=("x2", "y2"), minima=himmelblau.minima,
        saddles=himmelblau.saddles, pick_start=True, lang="zh",
    )  # fmt: skip
    assert [tr["type"] for tr in traces] == ["contour", "scatter", "scatter"]
    assert all((tr["xaxis"], tr["yaxis"]) == ("x2", "y2") for tr in traces)
    contour = traces[0]
    assert contour["meta"] == PICK_START and "hoverinfo" not in contour
    assert contour["customdata"].dtype == np.float32  # f itself, read by the hover
    np.testing.assert_allclose(contour["customdata"], grid.z, rtol=1e-6)
    assert "f=%{customdata:.4g}" in contour["hovertemplate"]
    assert "点击" in contour["hovertemplate"]
    assert traces[1]["name"] == "极小值" and len(traces[1]["x"]) == 4
    assert traces[2]["name"] == "鞍点"
    plain = panel_traces(grid, z_scale(grid, True), lang="zh")[0]
    assert plain["hoverinfo"] == "skip" and "meta" not in plain


def test_picked_point_takes_only_clicks_on_the_clickable_map():
    grid = surface_grid(ROSENBROCK.value, ROSENBROCK.bounds, resolution=11)
    fig = contour_figure(grid, z_scale(grid, True), minima=ROSENBROCK.minima, pick_start=True)
    layer = next(i for i, tr in enumerate(checked(fig).data) if tr.meta == PICK_START)
    assert checked(fig).data[layer].type == "contour"
    click = {"points": [{"curve_number": layer, "x": 0.5, "y": -0.25, "point_number": [3, 4]}]}
    assert picked_point(click, fig) == (0.5, -0.25)
    other = {"points": [{"curve_number": layer + 1, "x": 1.0, "y": 1.0}]}
    for selection in (
        other,
        None,
        {},
        {"points": [{"curve_number": 99}]},
        {"points": [{"curve_number": True}]},
    ):
        assert picked_point(selection, fig) is None


def test_contour_figure_has_equal_scales_and_fixed_window():
    grid = surface_grid(ROSENBROCK.value, ROSENBROCK.bounds, resolution=11)
    fig = checked(contour_figure(grid, z_scale(grid, True), title="Rosenbrock"))
    assert fig.layout.yaxis.scaleanchor == "x" and fig.layout.xaxis.autorange is False
    assert fig.layout.title.text == "Rosenbrock"


def test_add_contour_panel_into_a_subplot():
    grid = surface_grid(ROSENBROCK.value, ROSENBROCK.bounds, resolution=11)
    canvas = Canvas(rows=1, cols=2)
    add_contour_panel(canvas, grid, z_scale(grid, True), row=1, col=2, minima=ROSENBROCK.minima)
    fig = checked(canvas.figure())
    assert {tr.xaxis for tr in fig.data} == {"x2"}
    assert list(fig.layout.xaxis2.range) == [-2.0, 2.0]
    assert fig.layout.xaxis.range is None  # the other cell is left alone
