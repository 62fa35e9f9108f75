"""Schedules inside optimizers.run against torch: AdamW + cosine, SGD + ReduceLROnPlateau."""

from __future__ import annotations

import numpy as np

import optimizers
from optimizers import schedules
from tests.support.reference import load_schedule_fixture

RUNS = load_schedule_fixture("runs.json")


class Quadratic:
    """f(p) = 0.5 p^T A p for every row p of xy (N, 2), as in the reference script."""

    def __init__(self, a: list[list[float]]):
        self.a = np.array(a)

    def value(self, xy: np.ndarray) -> np.ndarray:
        return 0.5 * np.einsum("ni,ij,nj->n", xy, self.a, xy)

    def grad(self, xy: np.ndarray) -> np.ndarray:
        return xy @ self.a  # A is symmetric


def test_adamw_with_cosine_schedule_matches_torch():
    ref = RUNS["adamw_cosine"]
    lrs = schedules.make(
        ref["schedule"], lr=ref["lr"], steps=ref["steps"], **ref["schedule_params"]
    )
    np.testing.assert_allclose(lrs, ref["lrs"], rtol=1e-10, atol=0)
    traj = optimizers.run(
        ref["optimizer"], Quadratic(ref["A"]), np.array(ref["x0"]), ref["steps"], schedule=lrs,
        **ref["hparams"],
    )  # fmt: skip
    assert traj.lr.shape in {(ref["steps"],), (ref["steps"], 3)}
    lr_used = np.broadcast_to(traj.lr.reshape(ref["steps"], -1), (ref["steps"], 3))
    np.testing.assert_allclose(lr_used, np.broadcast_to(lrs[:, None], (ref["steps"], 3)), rtol=0)
    np.testing.assert_allclose(traj.xy, ref["xy"], rtol=1e-10, atol=1e-12)


def test_sgd_with_plateau_schedule_matches_torch_per_trajectory():
    ref = RUNS["sgd_plateau"]
    schedule = schedules.make(ref["schedule"], lr=ref["lr"], **ref["schedule_params"])
    traj = optimizers.run(
        ref["optimizer"], Quadratic(ref["A"]), np.array(ref["x0"]), ref["steps"],
        schedule=schedule, **ref["hparams"],
    )  # fmt: skip
    expected_lr = np.array(ref["lrs"])
    assert traj.lr.shape == expected_lr.shape == (ref["steps"], 3)
    np.testing.assert_allclose(traj.lr, expected_lr, rtol=1e-10, atol=0)
    np.testing.assert_allclose(traj.xy, ref["xy"], rtol=1e-10, atol=1e-12)
