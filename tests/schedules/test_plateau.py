"""ReduceLROnPlateau as a functional Schedule, vectorized over trajectories, against torch."""

from __future__ import annotations

import numpy as np
import pytest

from optimizers import schedules
from tests.support.reference import load_schedule_fixture

PLATEAU = load_schedule_fixture("plateau.json")
LOSSES = np.array(PLATEAU["losses"])  # (N, steps)


def expand(changes: list[list[float]], steps: int) -> np.ndarray:
    """Stairs from [step, lr] change points."""
    lrs = np.empty(steps)
    for (k, lr), (k_next, _) in zip(changes, [*changes[1:], [steps, None]], strict=True):
        lrs[k:k_next] = lr
    return lrs


def drive(schedule: schedules.Schedule, metrics: np.ndarray) -> np.ndarray:
    """lr used at every step (steps, N), the loss of step k fed back after step k."""
    state = schedule.init(metrics.shape[0])
    lrs = []
    for k in range(metrics.shape[1]):
        lrs.append(schedule.lr(state))
        state = schedule.update(state, metrics[:, k])
    return np.array(lrs)


@pytest.mark.parametrize("case", PLATEAU["cases"], ids=[c["id"] for c in PLATEAU["cases"]])
def test_matches_torch_for_every_trajectory_at_once(case):
    metrics = 1.0 - LOSSES if case["metric"] == "1 - loss" else LOSSES
    schedule = schedules.make("plateau", lr=case["lr"], **case["params"])
    lrs = drive(schedule, metrics)
    expected = np.array([expand(c, PLATEAU["steps"]) for c in case["lr_changes"]]).T
    assert lrs.shape == expected.shape == (PLATEAU["steps"], len(LOSSES))
    np.testing.assert_allclose(lrs, expected, rtol=1e-10, atol=0)


def test_fixtures_reduce_the_lr_at_different_steps_per_trajectory():
    # Otherwise the vectorized test above could pass with one shared lr.
    changes = PLATEAU["cases"][0]["lr_changes"]
    assert len({tuple(k for k, _ in c) for c in changes}) == len(changes)


def test_plateau_resolves_torch_defaults():
    schedule = schedules.make("plateau", lr=0.1)
    assert isinstance(schedule, schedules.Schedule)
    assert schedule.params == {
        "mode": "min", "factor": 0.1, "patience": 10, "threshold": 1e-4,
        "threshold_mode": "rel", "cooldown": 0, "min_lr": 0.0, "eps": 1e-8,
    }  # fmt: skip


def test_update_returns_new_state_and_leaves_the_old_one_alone():
    schedule = schedules.make("plateau", lr=1.0, patience=0, factor=0.5)
    state = schedule.init(2)
    first = schedule.update(state, np.array([1.0, 1.0]))
    second = schedule.update(first, np.array([1.0, 0.5]))
    np.testing.assert_array_equal(schedule.lr(second), [0.5, 1.0])
    np.testing.assert_array_equal(schedule.lr(first), [1.0, 1.0])
    np.testing.assert_array_equal(state.best, [np.inf, np.inf])
    assert isinstance(second, schedules.PlateauState)


def test_update_rejects_a_loss_per_wrong_number_of_trajectories():
    schedule = schedules.make("plateau", lr=0.1)
    with pytest.raises(ValueError, match=r"plateau: loss must have shape \(3,\) .*got \(2,\)"):
        schedule.update(schedule.init(3), np.zeros(2))
