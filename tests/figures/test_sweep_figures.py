"""viz.sweep: the heatmap of a sweep's result, its metrics and its best cell."""

from __future__ import annotations

import numpy as np
import pytest

import surfaces
from experiments import sweep as sweep_run
from tests.figures.checked import checked
from viz import sweep

STEPS = 80


@pytest.fixture(scope="module")
def result():
    rosenbrock = surfaces.get("rosenbrock")
    x_axis = sweep_run.SweepAxis("lr", 1e-3, 2.0, 6, True)
    y_axis = sweep_run.SweepAxis("beta1", 0.0, 0.95, 5, False)
    return sweep_run.run_sweep("adam", rosenbrock, rosenbrock.start, STEPS, x_axis, y_axis)


def test_metric_values_blank_diverged_and_unreached_cells(result):
    fake = sweep_run.SweepResult(
        **{**result.__dict__, "diverged_step": np.where(np.eye(5, 6) > 0, 7, -1)}
    )
    z = sweep.metric_values(fake, "final_loss")
    assert np.isnan(z[0, 0]) and np.isnan(z[4, 4]) and not np.isnan(z[0, 1])
    np.testing.assert_allclose(z[0, 1], np.log10(max(result.final_loss[0, 1], 1e-16)))
    steps = sweep.metric_values(result, "steps_to_tol")
    assert np.array_equal(np.isnan(steps), result.steps_to_tol < 0)
    with pytest.raises(ValueError, match="metric must be one of final_loss, steps_to_tol"):
        sweep.metric_values(result, "speed")


def test_heatmap_layers_and_clickable_cells(result):
    raw = sweep.sweep_figure(result, "final_loss")
    # A scale name Plotly.js knows (Plotly Python's "Viridis_r" is not one), low loss bright.
    assert raw["data"][2]["colorscale"] == "Viridis" and raw["data"][2]["reversescale"]
    assert not sweep.sweep_figure(result, "steps_to_tol")["data"][2]["reversescale"]
    fig = checked(raw)
    not_reached, diverged, values = fig.data
    assert [tr.type for tr in fig.data] == ["heatmap"] * 3
    assert [tr.meta for tr in fig.data].count(sweep.CELLS) == 1 and values.meta == sweep.CELLS
    assert np.isnan(not_reached.z).all()  # a final loss always exists
    np.testing.assert_array_equal(values.z, sweep.metric_values(result, "final_loss"))
    assert np.isnan(diverged.z).all() == (result.diverged_step < 0).all()
    assert not_reached.hoverinfo == diverged.hoverinfo == "skip" and values.hoverongaps
    # The hover's numbers: cell (row 2, col 1) is customdata[2][1], the loss to 3 digits.
    assert values.customdata.shape == (5, 6, 3) and values.customdata.dtype == np.float32
    loss, steps, diverged_step = values.customdata[2, 1]
    assert f"{loss:.3g}" == f"{result.final_loss[2, 1]:.3g}"
    assert (steps, diverged_step) == (result.steps_to_tol[2, 1], result.diverged_step[2, 1])
    assert "%{customdata[0]:.3g}" in values.hovertemplate
    assert fig.layout.xaxis.type == "log" and fig.layout.yaxis.type == "linear"
    assert "adam" in fig.layout.title.text


def test_hover_data_rounds_the_loss_to_the_digits_shown(result):
    fake = sweep_run.SweepResult(
        **{
            **result.__dict__,
            "final_loss": np.full((5, 6), 1.23449e-5),
            "steps_to_tol": np.full((5, 6), 12345, dtype=np.int64),
        }
    )
    loss, steps, _ = sweep.hover_data(fake)[0, 0]
    assert f"{loss:.3g}" == "1.23e-05" and steps == 12345


def test_best_cell_is_the_lowest_loss(result):
    row, col = sweep.best_cell(result)
    assert result.final_loss[row, col] == np.nanmin(result.final_loss)
