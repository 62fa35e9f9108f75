"""The Playground's figure, built without Streamlit: traces, frames, axes, divergence, payload."""

from __future__ import annotations

import json

import numpy as np
import plotly.io as pio
import pytest

import optimizers
import surfaces
from tests.figures.checked import checked
from viz.animation import timeline
from viz.contour import PICK_START, surface_grid
from viz.paths import (
    PALETTE,
    TOP_LABEL_ROOM_PX,
    PathRun,
    curve_range,
    distance_to_nearest,
    path_runs,
    paths_figure,
)

ROSENBROCK = surfaces.get("rosenbrock")
GRID = surface_grid(ROSENBROCK.value, ROSENBROCK.bounds)


def _run(
    label: str, steps: int, seed: int = 0, diverged: int = -1, color: str = PALETTE[0]
) -> PathRun:
    rng = np.random.default_rng(seed)
    xy = np.cumsum(rng.normal(0, 0.02, (steps + 1, 2)), axis=0) + ROSENBROCK.start
    if diverged >= 0:
        xy[diverged:] = xy[diverged - 1]  # the core freezes a diverged point at its last finite row
    return PathRun(label, xy, ROSENBROCK.value(xy), diverged, color)


def _runs(n: int, steps: int) -> list[PathRun]:
    return [_run(f"opt{i}", steps, seed=i, color=PALETTE[i]) for i in range(n)]


def _figure(runs, **options):
    return checked(
        paths_figure(GRID, runs, minima=ROSENBROCK.minima, log_contour=True, f_min=0.0, **options)
    )


def _named(fig, name):
    return [trace for trace in fig.data if trace.name == name]


def test_overlay_has_one_map_with_every_path_and_two_curves():
    runs = _runs(3, 100)
    fig = _figure(runs, pick_start=True)
    contours = [tr for tr in fig.data if tr.type == "contour"]
    assert len(contours) == 1
    for run in runs:
        path, loss, distance = _named(fig, run.label)
        assert path.xaxis == "x" and loss.xaxis != "x" and distance.xaxis not in ("x", loss.xaxis)
        np.testing.assert_allclose(path.x, run.xy[:, 0])
        np.testing.assert_allclose(loss.y, run.loss)  # f* = 0: loss - f* is the loss
        np.testing.assert_allclose(distance.y, distance_to_nearest(run.xy, ROSENBROCK.minima))
    assert [tr.meta for tr in fig.data].count(PICK_START) == 1
    layout = fig.layout
    assert layout.yaxis.scaleanchor == "x"  # equal scales on the map
    assert list(layout.xaxis.range) == [-2.0, 2.0] and list(layout.yaxis.range) == [-1.0, 3.0]
    assert {layout.yaxis2.type, layout.yaxis3.type} == {"log"}
    assert layout.xaxis2.title.text == "step"


def test_frames_move_only_the_markers_on_one_timeline():
    runs = _runs(4, 300)
    fig = _figure(runs, max_frames=101)
    line = timeline(300, 101)
    assert [f.name for f in fig.frames] == line.names == [str(s) for s in range(0, 301, 3)]
    moving = fig.frames[0].traces
    assert len(moving) == 3  # current points on the map, marker on loss, marker on distance
    assert all(len(frame.data) == 3 for frame in fig.frames)
    k = 40
    frame = fig.frames[k]
    step = line.steps[k]
    points, loss_markers, _ = frame.data
    np.testing.assert_allclose(points.x, [run.xy[step, 0] for run in runs])
    np.testing.assert_allclose(loss_markers.x, [step] * 4)
    np.testing.assert_allclose(loss_markers.y, [run.loss[step] for run in runs])
    assert fig.data[moving[1]].xaxis == _named(fig, "opt0")[1].xaxis  # the loss subplot
    assert fig.data[moving[0]].marker.color == tuple(PALETTE[:4])


def test_controls_play_pause_replay_and_a_scrubber_starting_at_the_shown_step():
    fig = _figure(_runs(2, 200), current_step=100, speed=2.0, max_frames=51)
    (menu,) = fig.layout.updatemenus
    labels = [button.label for button in menu.buttons]
    assert labels == ["▶ Play", "▮▮ Pause", "↺ Replay"]
    play = menu.buttons[0].args[1]
    assert play["fromcurrent"] is True and play["frame"]["redraw"] is False
    slow = _figure(_runs(2, 200), speed=0.5, max_frames=51).layout.updatemenus[0].buttons[0]
    assert slow.args[1]["frame"]["duration"] == 4 * play["frame"]["duration"]
    (slider,) = fig.layout.sliders
    assert len(slider.steps) == 51 and slider.steps[slider.active].label == "100"
    points = fig.data[fig.frames[0].traces[0]]
    np.testing.assert_allclose(points.x, [run.xy[100, 0] for run in _runs(2, 200)])


def test_a_diverged_run_ends_in_a_cross_on_map_and_curves_and_is_never_clipped():
    far = _run("wild", 50, diverged=20)
    far.xy[19:] = [[300.0, -40.0]]  # the last finite point is far outside the window
    far = PathRun(far.label, far.xy, ROSENBROCK.value(far.xy), 20, PALETTE[1])
    fig = _figure([_run("calm", 50), far])
    crosses = [tr for tr in fig.data if tr.name == "wild: diverged at step 20"]
    assert len(crosses) == 3  # map, loss, distance
    on_map = crosses[0]
    assert (on_map.x[0], on_map.y[0]) == (300.0, -40.0)  # true position, not pulled into view
    assert on_map.marker.symbol == "x"
    assert crosses[1].x == (20,)
    path = _named(fig, "wild")[0]
    assert len(path.x) == 21  # drawn up to the divergence row, nothing after
    (arrow,) = [tr for tr in fig.data if "diverged at step 20" in "".join(tr.text or ())]
    assert "(300, -40)" in arrow.text[0]  # the label at its tail, inside the window
    assert -2.0 < arrow.x[0] < 2.0 and -1.0 < arrow.y[0] < 3.0
    assert arrow.x[1] == 2.0 and -1.0 <= arrow.y[1] <= 3.0  # the head on the window's right edge
    assert arrow.marker.symbol == ("circle", "arrow") and arrow.marker.angleref == "previous"
    assert arrow.textposition == "middle left"  # the label clear of the arrow pointing right
    last_frame = fig.frames[-1].data[0]
    assert last_frame.x[1] == 300.0  # the marker stays at the last finite point


def _key_paths(node, prefix=""):
    """A trace's attribute paths down to its values, as ui/chart.js compares them."""
    if not isinstance(node, dict):
        return [prefix]
    return [path for key in sorted(node) for path in _key_paths(node[key], f"{prefix}.{key}")]


# The axis attributes ui/chart.js relayouts on a move in place (its VIEW).
AXIS_VIEW = ("range", "dtick", "tickmode", "tickvals", "ticktext", "exponentformat")


@pytest.mark.parametrize("layout", ["overlay", "grid"])
def test_a_run_crossing_into_divergence_changes_values_only(layout):
    """The same traces with the same attributes and the same layout but for the axes'
    ranges and ticks, either side of divergence: the chart moves that run in place."""
    wild = _run("wild", 50, diverged=20, color=PALETTE[1])
    wild.xy[19:] = [[300.0, -40.0]]  # outside the window: its arrow is drawn too
    finite, diverged = (
        paths_figure(
            GRID, [_run("calm", 50), run], minima=ROSENBROCK.minima, f_min=0.0, layout=layout
        )
        for run in (
            _run("wild", 50, color=PALETTE[1]),
            PathRun("wild", wild.xy, ROSENBROCK.value(wild.xy), 20, PALETTE[1]),
        )
    )
    assert [_key_paths(tr) for tr in finite["data"]] == [_key_paths(tr) for tr in diverged["data"]]
    assert [tr["type"] for tr in finite["data"]] == [tr["type"] for tr in diverged["data"]]

    def without_views(figure):
        return {
            key: {k: v for k, v in value.items() if k not in AXIS_VIEW} if "axis" in key else value
            for key, value in figure["layout"].items()
        }

    assert without_views(finite) == without_views(diverged)
    assert (
        finite["layout"]["yaxis2" if layout == "overlay" else "yaxis3"]
        != (diverged["layout"]["yaxis2" if layout == "overlay" else "yaxis3"])
    )  # the loss axis reaches up to the diverged run's last loss
    empty = [tr for tr in finite["data"] if "x" in tr and len(tr["x"]) == 0]
    assert len(empty) == 8  # two runs' crosses (map, loss, distance) and arrows, all empty
    drawn = [tr for tr in diverged["data"] if "diverged at step 20" in tr["name"]]
    assert [len(tr["x"]) for tr in drawn] == [1, 2, 1, 1]  # the cross, the arrow, the crosses


def test_small_multiples_one_map_per_run_with_shared_axes_and_titles():
    runs = _runs(4, 60)
    fig = _figure(runs, layout="grid")
    assert len([tr for tr in fig.data if tr.type == "contour"]) == 4
    titles = [a.text for a in fig.layout.annotations]
    assert titles[:4] == ["opt0", "opt1", "opt2", "opt3"]
    assert fig.layout.xaxis4.matches == "x" or fig.layout.xaxis5.matches == "x"
    assert len(fig.frames[0].data) == 4 + 2  # a current point per map, plus the two curves
    axes = {_named(fig, run.label)[0].xaxis for run in runs}
    assert len(axes) == 4


def test_surface3d_puts_paths_on_the_surface_and_redraws_frames():
    runs = _runs(2, 40)
    fig = _figure(runs, layout="surface3d")
    kinds = [tr.type for tr in fig.data]
    assert kinds.count("surface") == 1 and kinds.count("scatter3d") >= 3
    assert fig.layout.updatemenus[0].buttons[0].args[1]["frame"]["redraw"] is True
    assert fig.frames[0].data[0].type == "scatter3d"
    assert fig.layout.scene.zaxis.title.text == "log₁₀(f − min f)"


def test_without_known_minima_the_loss_is_linear_and_there_is_no_distance_curve():
    saddle = surfaces.get("saddle")
    grid = surface_grid(saddle.value, saddle.bounds)
    xy = np.linspace(saddle.start, [0.5, 0.5], 31)
    fig = checked(
        paths_figure(grid, [PathRun("sgd", xy, saddle.value(xy))], saddles=saddle.saddles)
    )
    assert fig.layout.yaxis2.type == "linear" and fig.layout.yaxis2.title.text == "loss"
    assert "yaxis3" not in fig.layout.to_plotly_json()
    assert len(fig.frames[0].data) == 2
    assert any(tr.name == "saddle point" for tr in fig.data)


def test_chinese_labels():
    fig = _figure(_runs(1, 10), lang="zh")
    assert fig.layout.xaxis2.title.text == "步数"
    assert fig.layout.updatemenus[0].buttons[0].label == "▶ 播放"
    assert fig.layout.sliders[0].currentvalue.prefix == "步数 "
    assert any(tr.name == "极小值" for tr in fig.data)


def test_payload_stays_under_2_mb_for_4_optimizers_x_500_steps():
    for layout in ("overlay", "grid", "surface3d"):
        fig = _figure(_runs(4, 500), layout=layout, pick_start=True)
        size = len(pio.to_json(fig, validate=False))
        assert size < 2_000_000, (layout, size)
    # ...and stays linear in the frames: doubling the steps adds far less than the paths squared
    small = len(pio.to_json(_figure(_runs(4, 250)), validate=False))
    assert size < 4 * small


def test_built_from_core_trajectories():
    trajs = [
        optimizers.run(name, ROSENBROCK, ROSENBROCK.start, 30, lr=1e-3) for name in ("sgd", "adam")
    ]
    runs = path_runs(["SGD", "Adam"], trajs)
    assert [run.color for run in runs] == list(PALETTE[:2])
    fig = _figure(runs)
    np.testing.assert_allclose(_named(fig, "Adam")[0].y, trajs[1].xy[:, 0, 1])
    json.loads(pio.to_json(fig))  # valid JSON (no NaN tokens)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [({"layout": "spiral"}, "layout must be one of"), ({"max_frames": 1}, "max_frames")],
)
def test_bad_options_name_the_parameter(kwargs, match):
    with pytest.raises(ValueError, match=match):
        _figure(_runs(1, 10), **kwargs)


def test_runs_must_share_their_length():
    with pytest.raises(ValueError, match="same number of steps"):
        _figure([_run("a", 10), _run("b", 11)])


def test_a_clickable_map_replots_its_static_traces_in_every_frame():
    """Plotly.js fails a click-selection on traces a frame did not re-plot (see animate's keep)."""
    fig = _figure(_runs(2, 30), pick_start=True)
    on_map = [i for i, tr in enumerate(fig.data) if tr.type == "scatter" and tr.xaxis == "x"]
    moving = fig.frames[0].traces[:3]
    kept = fig.frames[0].traces[3:]
    assert sorted([*kept, moving[0]]) == on_map  # every scatter on the map, static or moving
    assert all(frame.traces == fig.frames[0].traces for frame in fig.frames)
    assert all(entry.to_plotly_json() == {"type": "scatter"} for entry in fig.frames[5].data[3:])
    grid = _figure(_runs(3, 30), layout="grid", pick_start=True)
    assert [tr.meta for tr in grid.data].count(PICK_START) == 1  # small multiples: first map only
    assert {grid.data[i].xaxis for i in grid.frames[0].traces[5:]} == {
        "x"
    }  # after 3 maps + 2 curves


def test_a_log_axis_spanning_under_two_decades_is_labelled_at_round_values_in_full():
    # Rosenbrock from its start with real optimizers: the distance to the minimum stays
    # between about 0.3 and 2.1, the loss spans decades.
    runs = [
        optimizers.run(name, ROSENBROCK, ROSENBROCK.start, 300, lr=lr)
        for name, lr in (("sgd", 2e-3), ("adam", 0.1))
    ]
    layout = _figure(path_runs(["SGD", "Adam"], runs)).to_dict()["layout"]
    axes = [axis for key, axis in layout.items() if key.startswith("yaxis")]
    distance = next(a for a in axes if "distance" in a["title"]["text"])
    loss = next(a for a in axes if "loss" in a["title"]["text"])
    values = np.concatenate([np.linalg.norm(r.xy - ROSENBROCK.minima[0], axis=1) for r in runs])
    ticks = distance["tickvals"]
    assert distance["tickmode"] == "array" and len(ticks) >= 2
    assert all(values.min() <= v <= values.max() for v in ticks)
    assert all(float(f"{v:.0e}") == v for v in ticks)  # one significant digit: 0.9, 1, 2
    assert distance["ticktext"] == [f"{v:g}" for v in ticks]
    assert "tickvals" not in loss and isinstance(loss["dtick"], int)  # whole decades there


def test_curve_axes_have_fixed_ranges_that_hold_every_value_on_half_decades():
    runs = [
        optimizers.run(name, ROSENBROCK, ROSENBROCK.start, 300, lr=lr)
        for name, lr in (("sgd", 2e-3), ("adam", 0.1))
    ]
    fig = _figure(path_runs(["SGD", "Adam"], runs))
    for axis_key in ("yaxis2", "yaxis3"):
        axis = fig.layout[axis_key]
        assert axis.type == "log" and axis.autorange is False
        low, high = axis.range
        assert low * 2 == int(low * 2) and high * 2 == int(high * 2)  # half decades
        ref = "y" + axis_key.removeprefix("yaxis")
        values = np.concatenate([tr.y for tr in fig.data if tr.yaxis == ref and tr.mode == "lines"])
        shown = np.log10(values[np.isfinite(values) & (values > 0)])
        assert low < shown.min() and shown.max() < high


@pytest.mark.parametrize("layout", ["overlay", "surface3d"])
def test_the_top_axes_leave_room_for_their_highest_labels_under_the_legend(layout):
    fig = _figure(_runs(2, 50), layout=layout)
    assert fig.layout.legend.y == 1.0 and fig.layout.legend.yanchor == "bottom"
    plot_height = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    axes = fig.to_dict()["layout"]
    titled = {axis["title"]["text"]: axis for key, axis in axes.items() if key.startswith("yaxis")}
    loss, distance = titled["loss − f* (log)"], titled["distance to nearest minimum (log)"]
    assert (1 - loss["domain"][1]) * plot_height == pytest.approx(TOP_LABEL_ROOM_PX)
    assert distance["domain"][1] < loss["domain"][0]  # the distance below it keeps its place
    if layout == "overlay":
        assert axes["yaxis"]["domain"][1] == loss["domain"][1]  # the map's top as well


def test_a_negative_loss_is_drawn_on_a_linear_axis_inside_its_range():
    saddle = surfaces.get("saddle")
    grid = surface_grid(saddle.value, saddle.bounds)
    xy = np.linspace(saddle.start, [0.0, 1.5], 31)  # down the saddle's falling side
    loss = saddle.value(xy)
    assert loss.min() < 0
    fig = checked(paths_figure(grid, [PathRun("sgd", xy, loss)], saddles=saddle.saddles))
    (curve,) = [tr for tr in fig.data if tr.name == "sgd" and tr.yaxis == "y2"]
    np.testing.assert_allclose(curve.y, loss)
    low, high = fig.layout.yaxis2.range
    assert fig.layout.yaxis2.autorange is False and low < loss.min() and loss.max() < high


def test_curve_range_is_rounded_out_so_a_small_change_leaves_it_alone():
    values = np.array([0.02, 3.0, 47.0])
    assert curve_range(values, log_axis=True) == [-2.0, 2.0]
    assert curve_range(values * 1.2, log_axis=True) == [-2.0, 2.0]
    # A tenth of a decade at each end, whatever the other end does (0.02 is 10^-1.70).
    assert curve_range(np.array([1e-9, 3.0, 47.0]), log_axis=True) == [-9.5, 2.0]
    assert curve_range(np.array([0.009, 47.0]), log_axis=True) == [-2.5, 2.0]
    assert curve_range(np.array([0.02, 70.0]), log_axis=True) == [-2.0, 2.0]
    assert curve_range(np.array([0.02, 80.0]), log_axis=True) == [-2.0, 2.5]  # 80 is 10^1.90
    # Padded 5% of the span at each end, then out to the round step above a quarter of it.
    assert curve_range(np.array([-3.2, 7.9]), log_axis=False) == [-5.0, 10.0]
    assert curve_range(np.array([-3.3, 8.0]), log_axis=False) == [-5.0, 10.0]
    assert curve_range(np.array([0.1, 0.29]), log_axis=False) == [0.0, 0.3]
    assert curve_range(np.array([2.0, 2.0]), log_axis=False) == [1.9, 2.1]  # 5% of 2
    assert curve_range(np.array([0.0, np.nan, -1.0]), log_axis=True) is None
