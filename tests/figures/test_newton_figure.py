"""viz.newton: the local quadratic model, the Hessian's condition number, one timeline."""

from __future__ import annotations

import numpy as np
import pytest

import optimizers
import surfaces
from tests.figures.checked import checked
from viz import animation, newton


def test_condition_number_and_curvature_kind():
    h = np.array([np.diag([1.0, 100.0]), np.diag([2.0, -2.0]), np.diag([0.0, 3.0])])
    np.testing.assert_allclose(newton.condition_number(h), [100.0, 1.0, np.inf])
    kinds = [newton.curvature_kind(e) for e in newton.eigenvalues(h)]
    assert kinds == ["positive_definite", "indefinite", "singular"]
    assert newton.curvature_kind(np.array([-1.0, -2.0])) == "negative_definite"


def test_eigenvalues_match_numpy():
    rng = np.random.default_rng(0)
    a = rng.standard_normal((20, 2, 2))
    h = a + a.transpose(0, 2, 1)
    np.testing.assert_allclose(newton.eigenvalues(h), np.linalg.eigvalsh(h)[:, ::-1], atol=1e-12)


def test_model_is_exact_on_a_quadratic_and_touches_f_at_its_centre():
    bowl = surfaces.get("elliptic_bowl")
    models = newton.local_models(bowl, np.array([[0.7, -0.4], [1.0, 1.0]]))
    pts = np.array([[0.1, 0.2], [-1.0, 0.5]])
    np.testing.assert_allclose(newton.model_values(models, 0, pts), bowl.value(pts), atol=1e-9)
    rosen = surfaces.get("rosenbrock")
    m = newton.local_models(rosen, rosen.start)
    assert newton.model_values(m, 0, rosen.start) == pytest.approx(
        rosen.value(rosen.start[None])[0]
    )
    assert m.condition[0] == pytest.approx(
        np.abs(m.eigenvalues[0]).max() / np.abs(m.eigenvalues[0]).min()
    )


def test_figure_moves_model_step_and_condition_marker_together():
    s = surfaces.get("rosenbrock")
    traj = optimizers.run("newton", s, s.start, 12)
    fig = checked(newton.newton_figure(s, traj, current=2))
    line = animation.timeline(12)
    assert len(fig.frames) == len(line.steps)
    model = next(i for i, tr in enumerate(fig.data) if tr.name.startswith("quadratic model"))
    kappa = newton.local_models(s, traj.xy[:, 0]).condition
    for f, step in zip(fig.frames, line.steps, strict=True):
        moved = dict(zip(f.traces, f.data, strict=True))
        x, y = moved[model].x, moved[model].y
        assert x[len(x) // 2] == pytest.approx(traj.xy[step, 0, 0])
        assert y[len(y) // 2] == pytest.approx(traj.xy[step, 0, 1])
        marker = moved[max(f.traces)]
        assert marker.y[0] == pytest.approx(kappa[step])
    assert fig.layout.sliders[0].active == 2
    assert fig.layout.yaxis2.type == "log"
