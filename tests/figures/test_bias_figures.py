"""viz.bias: the factors 1 - beta^t, m vs m-hat from a real run, step lengths with and without."""

from __future__ import annotations

import numpy as np
import pytest

import optimizers
import surfaces
from tests.figures.checked import checked
from viz import bias


@pytest.fixture(scope="module")
def rosenbrock():
    return surfaces.get("rosenbrock")


def test_corrections_are_one_minus_beta_to_the_t():
    c = bias.corrections(0.9, 0.999, 50)
    np.testing.assert_array_equal(c.t, np.arange(1, 51))
    assert c.bc1[0] == pytest.approx(0.1) and c.bc1[1] == pytest.approx(0.19)
    assert c.correction1[0] == pytest.approx(10.0)
    assert c.keras_eps_factor[0] == pytest.approx(1 / np.sqrt(0.001))  # about 31.6
    assert np.all(np.diff(c.bc2) > 0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((1.0, 0.999, 10), r"beta1 must be a float in \[0, 1\); got 1.0"),
        ((0.9, -0.1, 10), r"beta2 must be a float in \[0, 1\); got -0.1"),
        ((0.9, 0.999, 0), r"steps must be an integer in \[1, 10000\]; got 0"),
        ((0.9, 0.999, 2.5), r"steps must be an integer in \[1, 10000\]; got 2.5"),
    ],
)
def test_corrections_refuse_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        bias.corrections(*args)


def test_corrections_figure_panels_and_keras_curve():
    fig = checked(bias.corrections_figure(0.8, 0.99, 30))
    by_meta = {tr.meta: tr for tr in fig.data}
    assert list(by_meta) == ["bc1", "bc2", "correction1", "correction2", "keras_eps_factor"]
    assert fig.layout.yaxis2.type == "log"
    np.testing.assert_allclose(by_meta["bc1"].y, 1 - 0.8 ** np.arange(1, 31))
    np.testing.assert_allclose(
        by_meta["keras_eps_factor"].y, 1 / np.sqrt(1 - 0.99 ** np.arange(1, 31))
    )
    without = checked(bias.corrections_figure(0.8, 0.99, 30, show_keras=False, lang="zh"))
    assert "keras_eps_factor" not in {tr.meta for tr in without.data}
    assert without.layout.annotations[0].text == "因子 1 − βᵗ"


def test_moments_figure_shows_raw_and_corrected_moments(rosenbrock):
    traj = optimizers.run("adam", rosenbrock, rosenbrock.start, 40, lr=0.05)
    fig = checked(bias.moments_figure(traj))
    by_name = {tr.name: tr for tr in fig.data}
    np.testing.assert_array_equal(by_name["m (x)"].y, traj.state["exp_avg"][:, 0, 0])
    t = np.arange(1, 41)
    np.testing.assert_allclose(by_name["m̂ (x)"].y, traj.state["exp_avg"][:, 0, 0] / (1 - 0.9**t))
    np.testing.assert_allclose(
        by_name["v̂ (y)"].y, traj.state["exp_avg_sq"][:, 0, 1] / (1 - 0.999**t)
    )
    assert fig.layout.yaxis2.type == "log"


def test_moments_figure_needs_an_adam_family_run(rosenbrock):
    sgd = optimizers.run("sgd", rosenbrock, rosenbrock.start, 5)
    with pytest.raises(ValueError, match="lacks exp_avg, exp_avg_sq, m_hat, v_hat"):
        bias.moments_figure(sgd)


def test_without_bias_correction_the_first_step_is_about_3x_too_long(rosenbrock):
    """m_1 / sqrt(v_1) = (1 - beta1) / sqrt(1 - beta2) = 0.1 / 0.0316 per coordinate."""
    kw = {"lr": 0.01}
    on = optimizers.run("adam", rosenbrock, rosenbrock.start, 30, **kw)
    off = optimizers.run("adam", rosenbrock, rosenbrock.start, 30, bias_correction=False, **kw)
    ratio = bias.step_lengths(off)[0] / bias.step_lengths(on)[0]
    assert ratio == pytest.approx(0.1 / np.sqrt(0.001), rel=1e-6)
    fig = checked(bias.step_lengths_figure([("on", on), ("off", off)], first=10))
    assert [tr.name for tr in fig.data] == ["on", "off"]
    np.testing.assert_allclose(fig.data[1].y, bias.step_lengths(off))
    assert list(fig.layout.xaxis.range) == [0.5, 10.5] and fig.layout.yaxis.type == "log"
