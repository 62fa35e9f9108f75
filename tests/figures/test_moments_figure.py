"""viz.moments: buffers per coordinate, three arrows, one timeline for point, arrows, cursors."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

import optimizers
import surfaces
from tests.figures.checked import checked
from viz import animation, moments

STEPS = 60


@pytest.fixture(scope="module")
def rosenbrock():
    return surfaces.get("rosenbrock")


@pytest.fixture(scope="module")
def adam_run(rosenbrock):
    return optimizers.run("adam", rosenbrock, rosenbrock.start, STEPS, lr=0.05)


def _figure(surface, traj, **kwargs) -> dict:
    """The figure as the page draws it: with the optimizer spec's display series."""
    return moments.moments_figure(
        surface, traj, series=optimizers.get(traj.name).display_series, **kwargs
    )


def _synthetic(steps: int = 4) -> SimpleNamespace:
    """A hand-made SGD-with-momentum record: positions on a line, gradient (1, 0)."""
    xy = np.zeros((steps + 1, 1, 2))
    xy[:, 0, 0] = -np.arange(steps + 1) * 0.5
    grad = np.tile([1.0, 0.0], (steps, 1, 1))
    return SimpleNamespace(
        name="sgd",
        xy=xy,
        grad=grad,
        state={"momentum_buffer": grad * 2.0},
        derived={"step": xy[:-1] - xy[1:]},
    )


def test_buffers_list_every_record_in_plotting_order(adam_run):
    assert list(moments.buffers(adam_run)) == [
        "grad", "exp_avg", "exp_avg_sq", "m_hat", "v_hat", "step",
    ]  # fmt: skip
    assert moments.buffers(adam_run)["exp_avg"].shape == (STEPS, 2)


def test_buffers_skip_per_point_scalars(rosenbrock):
    nadam = optimizers.run("nadam", rosenbrock, rosenbrock.start, 5)
    assert "mu_product" in nadam.state
    assert "mu_product" not in moments.buffers(nadam)


def test_buffers_reject_a_point_outside_the_run(adam_run):
    with pytest.raises(ValueError, match=r"point must be an index in \[0, 0\]; got 3"):
        moments.buffers(adam_run, point=3)


def test_momentum_is_m_hat_for_adam_the_buffer_for_sgd_none_for_adagrad(adam_run, rosenbrock):
    np.testing.assert_array_equal(
        moments.momentum_vectors(adam_run), adam_run.derived["m_hat"][:, 0]
    )
    sgd = optimizers.run("sgd", rosenbrock, rosenbrock.start, 5, momentum=0.9)
    np.testing.assert_array_equal(moments.momentum_vectors(sgd), sgd.state["momentum_buffer"][:, 0])
    adagrad = optimizers.run("adagrad", rosenbrock, rosenbrock.start, 5)
    assert moments.momentum_vectors(adagrad) is None


def test_arrow_segments_have_the_given_length_and_no_direction_for_zero():
    origins = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]])
    vectors = np.array([[3.0, 4.0], [0.0, -2.0], [0.0, 0.0]])
    ax, ay = moments.arrow_segments(origins, vectors, 0.5)
    np.testing.assert_allclose(ax[0], [0.0, 0.3])
    np.testing.assert_allclose(ay[0], [0.0, 0.4])
    np.testing.assert_allclose(ay[1], [1.0, 0.5])
    assert np.isnan(ax[2, 1]) and np.isnan(ay[2, 1])


def test_arrow_vectors_on_synthetic_record():
    arrows = moments.arrow_vectors(_synthetic())
    np.testing.assert_array_equal(arrows["grad"][0], [-1.0, 0.0])
    np.testing.assert_array_equal(arrows["momentum"][0], [-2.0, -0.0])
    np.testing.assert_array_equal(arrows["step"][:4], np.tile([-0.5, 0.0], (4, 1)))
    assert all(np.isnan(a[-1]).all() for a in arrows.values())  # no step starts at the end


def _trace(fig, meta: str) -> int:
    (index,) = [i for i, tr in enumerate(fig.data) if tr.meta == meta]
    return index


def test_figure_moves_point_arrows_and_cursors_on_one_timeline(rosenbrock, adam_run):
    fig = checked(_figure(rosenbrock, adam_run, max_frames=21))
    line = animation.timeline(STEPS, 21)
    assert [f.name for f in fig.frames] == line.names
    point = _trace(fig, moments.CURRENT)
    step_arrow = _trace(fig, "arrow.step")
    xy = adam_run.xy[:, 0]
    for f, s in zip(fig.frames, line.steps, strict=True):
        moved = dict(zip(f.traces, f.data, strict=True))
        assert moved[point].x[0] == xy[s, 0] and moved[point].y[0] == xy[s, 1]
        if s < STEPS:
            tip = np.array([moved[step_arrow].x[1], moved[step_arrow].y[1]])
            direction = xy[s + 1] - xy[s]
            np.testing.assert_allclose(
                tip - xy[s], moments.ARROW_FRACTION * 4.0 * direction / np.linalg.norm(direction)
            )
    cursors = [i for i, tr in enumerate(fig.data) if str(tr.meta).startswith("cursor.")]
    assert [fig.data[i].meta for i in cursors] == ["cursor.first", "cursor.second", "cursor.step"]
    assert set(cursors) <= set(fig.frames[3].traces)
    for i in cursors:
        x = dict(zip(fig.frames[3].traces, fig.frames[3].data, strict=True))[i].x
        assert list(x) == [line.steps[3] + 1] * 2


def test_figure_rows_and_log_axis_follow_the_optimizer(rosenbrock, adam_run):
    fig = checked(_figure(rosenbrock, adam_run, max_frames=5))
    titles = [a.text for a in fig.layout.annotations]
    assert titles[:4] == [
        "path and arrows at the current step",
        "gradient and first moment",
        "second moment",
        "effective step per coordinate",
    ]
    assert fig.layout.yaxis3.type == "log"  # second moment
    rprop = optimizers.run("rprop", rosenbrock, rosenbrock.start, 20)
    rprop_titles = [a.text for a in checked(_figure(rosenbrock, rprop)).layout.annotations]
    assert "other state" in rprop_titles


def test_figure_starts_at_the_current_step_and_speaks_chinese(rosenbrock, adam_run):
    fig = checked(_figure(rosenbrock, adam_run, current=30, lang="zh"))
    point = _trace(fig, moments.CURRENT)
    assert fig.data[point].name == "当前点"
    assert fig.data[point].x[0] == adam_run.xy[30, 0, 0]
    assert fig.layout.sliders[0].active == animation.timeline(STEPS).frame_of(30)
    assert "二阶矩估计" in [a.text for a in fig.layout.annotations]
