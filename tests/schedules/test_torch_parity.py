"""Every schedule and mode against torch.optim.lr_scheduler's own sequence (rtol 1e-10)."""

from __future__ import annotations

import numpy as np
import pytest

from optimizers import schedules
from tests.support.reference import load_schedule_fixture

CASES = load_schedule_fixture("schedules.json")["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_matches_torch(case):
    lrs = schedules.make(case["name"], lr=case["lr"], steps=case["steps"], **case["params"])
    assert lrs.shape == (case["steps"],)
    assert lrs.dtype == np.float64
    np.testing.assert_allclose(lrs, case["lrs"], rtol=1e-10, atol=0)


def test_fixtures_cover_every_schedule_but_plateau():
    covered = {c["name"] for c in CASES}
    assert covered == set(schedules.names()) - {"plateau"}


@pytest.mark.parametrize(
    ("name", "modes"),
    [
        ("onecycle", {("cos", False), ("linear", False), ("cos", True), ("linear", True)}),
        ("cyclic", {"triangular", "triangular2", "exp_range"}),
    ],
)
def test_fixtures_cover_every_mode(name, modes):
    spec = schedules.get(name)
    seen = set()
    for case in (c for c in CASES if c["name"] == name):
        resolved = schedules.resolve(name, lr=case["lr"], steps=case["steps"], **case["params"])
        seen.add(
            (resolved["anneal_strategy"], resolved["three_phase"])
            if name == "onecycle"
            else resolved["mode"]
        )
    assert seen == modes, spec.params


def by_id(case_id: str) -> dict:
    return next(c for c in CASES if c["id"] == case_id)


def test_lambda_callable_matches_torch_like_the_formula():
    case = by_id("lambda_power")
    lrs = schedules.make("lambda", lr=case["lr"], steps=case["steps"], lr_lambda=lambda t: 0.95**t)
    np.testing.assert_allclose(lrs, case["lrs"], rtol=1e-10, atol=0)


def test_lambda_callable_is_called_with_integer_steps():
    # Not vectorizable: torch calls it once per step with an int, and so must we.
    def halve_at_ten(t):
        assert isinstance(t, int)
        return 1.0 if t < 10 else 0.5

    lrs = schedules.make("lambda", lr=0.2, steps=12, lr_lambda=halve_at_ten)
    np.testing.assert_array_equal(lrs, [0.2] * 10 + [0.1] * 2)


def test_lambda_constant_formula_broadcasts():
    np.testing.assert_array_equal(
        schedules.make("lambda", lr=0.1, steps=3, lr_lambda="2"), [0.2] * 3
    )


def test_derived_defaults_follow_lr_and_steps():
    assert schedules.resolve("cosine", lr=0.1, steps=200)["T_max"] == 200
    assert schedules.resolve("onecycle", lr=0.3, steps=50)["max_lr"] == 0.3
    assert schedules.resolve("onecycle", lr=0.3, steps=50)["total_steps"] == 50
    cyclic = schedules.resolve("cyclic", lr=0.1, steps=50, step_size_up=7)
    assert (cyclic["base_lr"], cyclic["max_lr"], cyclic["step_size_down"]) == (0.01, 0.1, 7)
    assert schedules.resolve("warmup_cosine", lr=0.1, steps=200, warmup_steps=30)["T_max"] == 170
    assert schedules.resolve("warmup_polynomial", lr=0.1, steps=200)["total_iters"] == 180
    # An explicit value wins over the derived one.
    assert schedules.resolve("cosine", lr=0.1, steps=200, T_max=30)["T_max"] == 30


@pytest.mark.parametrize(
    "after",
    ["cosine", "cosine_warm_restarts", "step", "multistep", "exponential", "polynomial"],
)
def test_warmup_is_ramp_then_schedule_restarted_at_the_milestone(after):
    steps, w, s, lr = 120, 17, 0.25, 0.3
    spec = schedules.get(after)
    inner = {p.name: schedules.resolve(f"warmup_{after}", lr=lr, steps=steps)[p.name]
             for p in spec.params}  # fmt: skip
    lrs = schedules.make(f"warmup_{after}", lr=lr, steps=steps, start_factor=s, warmup_steps=w,
                         **inner)  # fmt: skip
    np.testing.assert_allclose(lrs[:w], lr * (s + (1 - s) * np.arange(w) / w), rtol=1e-15)
    np.testing.assert_array_equal(lrs[w:], schedules.make(after, lr=lr, steps=steps - w, **inner))


def test_warmup_longer_than_the_run_is_all_ramp():
    lrs = schedules.make("warmup_cosine", lr=1.0, steps=4, start_factor=0.5, warmup_steps=8)
    np.testing.assert_allclose(lrs, [0.5, 0.5625, 0.625, 0.6875], rtol=1e-15)
