"""experiments.sweep: a grid of two hyperparameters as one vectorized summary run."""

from __future__ import annotations

import numpy as np
import pytest

import optimizers
import surfaces
from experiments import sweep

STEPS = 80


@pytest.fixture(scope="module")
def rosenbrock():
    return surfaces.get("rosenbrock")


@pytest.fixture(scope="module")
def result(rosenbrock):
    x_axis = sweep.SweepAxis("lr", 1e-3, 2.0, 6, True)
    y_axis = sweep.SweepAxis("beta1", 0.0, 0.95, 5, False)
    return sweep.run_sweep("adam", rosenbrock, rosenbrock.start, STEPS, x_axis, y_axis)


def test_axis_values_span_lo_to_hi():
    np.testing.assert_allclose(
        sweep.SweepAxis("lr", 1e-4, 1.0, 5, True).values(), 10.0 ** np.arange(-4, 1)
    )
    np.testing.assert_allclose(
        sweep.SweepAxis("beta1", 0, 0.9, 4, False).values(), [0, 0.3, 0.6, 0.9]
    )


def test_sweepable_names_come_from_the_registry():
    assert {"lr", "beta1", "beta2", "eps", "weight_decay"} <= set(sweep.sweepable("adam"))
    assert {"lr", "momentum", "dampening"} <= set(sweep.sweepable("sgd"))
    axis = sweep.default_axis("adam", "lr", 16)
    assert axis.log and (axis.lo, axis.hi) == optimizers.get("adam").hparams["lr"].slider


def test_grid_hparams_fill_pairs_row_major():
    x_axis = sweep.SweepAxis("lr", 0.1, 0.3, 3, False)
    y_axis = sweep.SweepAxis("beta1", 0.5, 0.9, 2, False)
    kwargs = sweep.grid_hparams("adam", x_axis, y_axis, {"eps": 1e-6, "momentum": 0.3})
    assert "momentum" not in kwargs  # not an Adam hyperparameter
    np.testing.assert_allclose(kwargs["lr"], [0.1, 0.2, 0.3, 0.1, 0.2, 0.3])
    np.testing.assert_allclose(kwargs["betas"][0], [0.5, 0.5, 0.5, 0.9, 0.9, 0.9])
    assert kwargs["betas"][1] == 0.999 and kwargs["eps"] == 1e-6


def test_each_cell_equals_its_own_single_run(rosenbrock, result):
    for row, col in [(0, 0), (2, 3), (4, 5)]:
        cell = result.cell(row, col)
        single = optimizers.run(
            "adam", rosenbrock, rosenbrock.start, STEPS, record="summary",
            lr=cell["lr"], betas=(cell["beta1"], 0.999),
        )  # fmt: skip
        np.testing.assert_allclose(result.final_loss[row, col], single.final_loss[0], rtol=1e-12)
        assert result.steps_to_tol[row, col] == single.steps_to_tol[0]


def test_progress_reports_fractions_and_leaves_the_result_alone(rosenbrock, result):
    seen: list[float] = []
    with_bar = sweep.run_sweep(
        "adam", rosenbrock, rosenbrock.start, STEPS, result.x_axis, result.y_axis,
        progress=seen.append,
    )  # fmt: skip
    # every STEPS // 100 = 1 step: one call per step, in fractions of the run
    assert seen == pytest.approx([k / STEPS for k in range(1, STEPS + 1)])
    for field in ("final_loss", "best_loss", "steps_to_tol", "diverged_step"):
        np.testing.assert_array_equal(getattr(with_bar, field), getattr(result, field))


@pytest.mark.parametrize(
    ("axis", "message"),
    [
        (sweep.SweepAxis("lr", 1e-3, 1.0, 129, True), r"cells must be an integer in \[2, 128\]"),
        (sweep.SweepAxis("lr", 1.0, 0.1, 8, True), "lo must be < hi"),
        (sweep.SweepAxis("beta1", 0.0, 1.0, 8, False), r"hi must be a finite float in \[0, 1\)"),
        (sweep.SweepAxis("momentum", 0.0, 0.9, 8, False), "axis must be one of lr, beta1"),
    ],
)
def test_bad_axes_are_refused(axis, message):
    with pytest.raises(ValueError, match=message):
        sweep.check_axis("adam", axis)


def test_work_is_bounded(rosenbrock):
    big = sweep.SweepAxis("lr", 1e-3, 1.0, 128, True)
    beta = sweep.SweepAxis("beta1", 0.0, 0.9, 128, False)
    with pytest.raises(ValueError, match=r"grid points x steps must be at most 8,192,000"):
        sweep.run_sweep("adam", rosenbrock, rosenbrock.start, 600, big, beta)
    with pytest.raises(ValueError, match=r"steps must be an integer in \[1, 2000\]"):
        sweep.check_work(4, 5000)
    with pytest.raises(ValueError, match="the two axes must differ"):
        sweep.grid_hparams("adam", big, big)


def test_csv_lists_every_cell_row_major(result):
    lines = sweep.sweep_csv(result).splitlines()
    assert lines[0] == "lr,beta1,final_loss,best_loss,steps_to_tol(1e-06),diverged_step"
    assert len(lines) == 1 + 30
    x, y, final, *_ = lines[1 + 2 * 6 + 3].split(",")
    assert float(x) == result.x_axis.values()[3] and float(y) == result.y_axis.values()[2]
    assert float(final) == result.final_loss[2, 3]
