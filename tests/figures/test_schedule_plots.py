"""viz.schedule_plots: lr(k) curves side by side, rising stretches (warm-up) banded."""

from __future__ import annotations

import numpy as np
import pytest

from optimizers import schedules
from tests.figures.checked import checked
from viz import schedule_plots


def test_rising_marks_both_ends_of_every_rising_step():
    mask = schedule_plots.rising(np.array([1.0, 2.0, 3.0, 3.0, 1.0, 2.0]))
    assert mask.tolist() == [True, True, True, False, True, True]
    assert schedule_plots.rising(np.array([0.1])).tolist() == [False]


def test_warmup_is_exactly_the_rising_stretch():
    lrs = schedules.make("warmup_cosine", lr=0.1, steps=100, warmup_steps=20)
    mask = schedule_plots.rising(lrs)
    assert mask[:21].all() and not mask[21:].any()


def test_lr_series_takes_one_point_of_a_per_point_lr():
    lr = np.arange(12.0).reshape(6, 2)
    np.testing.assert_array_equal(schedule_plots.lr_series(lr, point=1), lr[:, 1])
    with pytest.raises(ValueError, match=r"lr must have shape \(steps,\) or \(steps, N\)"):
        schedule_plots.lr_series(np.zeros((2, 2, 2)))


def test_lr_figure_draws_each_curve_with_its_band():
    onecycle = schedules.make("onecycle", lr=0.1, steps=50)
    step = schedules.make("step", lr=0.1, steps=50, step_size=10)
    fig = checked(schedule_plots.lr_figure([("one cycle", onecycle), ("step", step)], log_y=True))
    assert [tr.name for tr in fig.data if tr.showlegend is not False] == ["one cycle", "step"]
    bands = {tr.legendgroup: tr for tr in fig.data if tr.meta == schedule_plots.RISING}
    curves = {tr.legendgroup: tr for tr in fig.data if tr.meta == schedule_plots.CURVE}
    assert set(bands) == set(curves) == {"one cycle", "step"}
    np.testing.assert_array_equal(curves["one cycle"].y, onecycle)
    band = bands["one cycle"]
    assert np.isnan(band.y[-1]) and band.y[0] == onecycle[0]  # rises first, then falls
    assert np.isnan(bands["step"].y).all()  # step decay never rises
    assert fig.layout.yaxis.type == "log"


def test_lr_figure_needs_a_curve():
    with pytest.raises(ValueError, match="at least one"):
        schedule_plots.lr_figure([])
