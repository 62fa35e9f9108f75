"""ui.compute.RunRequest: one hashable request per trajectory, the same run the core makes."""

from __future__ import annotations

import numpy as np
import pytest

import optimizers
import surfaces
from optimizers import schedules
from ui import compute
from ui.playground_settings import PlaygroundSettings


def test_equal_settings_give_equal_requests_whatever_the_hparam_order():
    settings = PlaygroundSettings(start=(-1.0, 2.0), steps=7, seed=3)
    key = compute.surface_key("rosenbrock")
    a = compute.RunRequest.of(key, "adam", {"lr": 0.1, "eps": 1e-6}, settings)
    b = compute.RunRequest.of(key, "adam", {"eps": 1e-6, "lr": 0.1}, settings)
    assert a == b and hash(a) == hash(b)
    assert a.hparams == (("eps", 1e-6), ("lr", 0.1))
    assert (a.start, a.steps, a.seed, a.schedule) == ((-1.0, 2.0), 7, 3, None)
    assert compute.RunRequest.of(key, "adam", {"lr": 0.2}, settings) != a


def test_a_request_runs_what_optimizers_run_runs(clear_streamlit_cache):
    settings = PlaygroundSettings(start=(-1.0, 2.0), steps=9)
    request = compute.RunRequest.of(
        compute.surface_key("rosenbrock"),
        "sgd",
        {"lr": 1e-3, "momentum": 0.9},
        settings,
        "step",
        (("step_size", 3),),
    )
    traj = compute.trajectory(request)
    surface = surfaces.get("rosenbrock")
    expected = optimizers.run(
        "sgd",
        surface,
        (-1.0, 2.0),
        9,
        lr=1e-3,
        momentum=0.9,
        schedule=schedules.make("step", lr=1e-3, steps=9, step_size=3),
    )
    np.testing.assert_array_equal(traj.xy, expected.xy)
    np.testing.assert_array_equal(traj.lr, expected.lr)


def test_a_bad_request_raises_the_cores_message(clear_streamlit_cache):
    request = compute.RunRequest(
        compute.surface_key("rosenbrock"), "adam", (("lr", -1.0),), (0.0, 0.0), 5
    )
    with pytest.raises(ValueError, match="lr"):
        compute.trajectory(request)
