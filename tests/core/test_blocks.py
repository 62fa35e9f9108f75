"""Summary mode in blocks: the same results whatever the block size; the progress callback."""

from __future__ import annotations

import numpy as np
import pytest

import optimizers
from optimizers import schedules

from .local_surfaces import Quadratic, Rosenbrock

N = 20_000  # more than one block of 16,384, so every block size below splits the points
STEPS = 40
BLOCK_SIZES = (1_024, 16_384, N)
START = np.random.default_rng(11).uniform(-3.0, 3.0, size=(N, 2))
LR = {"adadelta": 1.0, "newton": 0.5, "adagrad": 0.3, "rmsprop": 0.01, "rprop": 0.01}


class NoisyRosenbrock(Rosenbrock):
    """Seeded noise as the contract draws it: rng((seed, step)), row i for point i."""

    def stochastic_grad(self, xy: np.ndarray, step: int, seed: int) -> np.ndarray:
        rng = np.random.default_rng((seed, step))
        return self.grad(xy) + 5.0 * rng.standard_normal((len(xy), 2))


def _summaries(name: str, surface, **kwargs) -> list[optimizers.Summary]:
    return [
        optimizers.run(name, surface, START, STEPS, record="summary", block_points=b, **kwargs)
        for b in BLOCK_SIZES
    ]


def _assert_identical(summaries: list[optimizers.Summary]) -> None:
    first = summaries[0]
    for other in summaries[1:]:
        for field in ("final_xy", "final_loss", "best_loss", "steps_to_tol", "diverged_step"):
            np.testing.assert_array_equal(getattr(other, field), getattr(first, field), field)


@pytest.mark.parametrize("name", optimizers.names())
def test_noisy_runs_with_per_point_lrs_are_identical_whatever_the_block_size(name):
    # lr from tiny to far too large: some points converge, many leave the box in every block.
    lr = np.geomspace(1e-4, 1e7, N)
    summaries = _summaries(name, NoisyRosenbrock(), lr=lr, seed=5, tol=1e-2)
    _assert_identical(summaries)
    diverged = summaries[0].diverged_step
    # Rprop's and Adadelta's steps are bounded whatever the lr: they cannot leave the box.
    assert (diverged[:1_024] < 0).all()
    assert (diverged[-1_024:] >= 0).all() or name in ("rprop", "adadelta")


def test_the_noise_a_point_gets_does_not_depend_on_the_block_it_is_in():
    # One point's noisy run alone equals its row in the blocked run: row i, step k of the noise.
    summary = optimizers.run(
        "sgd", NoisyRosenbrock(), START, STEPS, record="summary", block_points=1_024, lr=1e-4
    )
    for i in (0, 1_023, 1_024, N - 1):
        alone = optimizers.run(
            "sgd", NoisyRosenbrock(), START[: i + 1], STEPS, record="summary", lr=1e-4
        )
        np.testing.assert_array_equal(summary.final_xy[i], alone.final_xy[i])


@pytest.mark.parametrize(
    ("name", "hparams"),
    [
        ("sgd", {"momentum": np.linspace(0.0, 0.99, N), "dampening": np.linspace(0.5, 0.0, N)}),
        ("rmsprop", {"alpha": np.linspace(0.5, 0.999, N), "centered": True, "momentum": 0.5}),
        ("adam", {"betas": (np.linspace(0.0, 0.99, N), 0.999), "weight_decay": 0.1}),
        ("nadam", {"betas": (0.9, np.linspace(0.9, 0.999, N)), "momentum_decay": 0.01}),
        ("rprop", {"etas": (np.linspace(0.1, 0.9, N), 1.2)}),
    ],
)
def test_per_point_hyperparameters_are_identical_whatever_the_block_size(name, hparams):
    _assert_identical(_summaries(name, Rosenbrock(), lr=LR.get(name, 0.01), **hparams))


def test_plateau_and_per_point_lr_schedules_are_identical_whatever_the_block_size():
    plateau = schedules.make("plateau", lr=0.05, steps=STEPS, patience=2, factor=0.5)
    summaries = _summaries("adam", NoisyRosenbrock(), schedule=plateau, seed=2)
    _assert_identical(summaries)
    # The schedule acted: with no reductions every point would move as with lr 0.05.
    constant = optimizers.run("adam", NoisyRosenbrock(), START, STEPS, record="summary", lr=0.05)
    assert not np.array_equal(summaries[0].final_xy, constant.final_xy)
    per_point = np.geomspace(1e-4, 1e-2, STEPS * N).reshape(STEPS, N)
    _assert_identical(_summaries("sgd", Rosenbrock(), schedule=per_point, momentum=0.9))


def test_blocked_summary_agrees_with_the_full_history():
    starts = START[:3_000]
    lr = np.geomspace(1e-3, 10.0, len(starts))
    traj = optimizers.run("adam", Quadratic(), starts, 60, lr=lr)
    summary = optimizers.run(
        "adam", Quadratic(), starts, 60, lr=lr, record="summary", block_points=700
    )
    np.testing.assert_array_equal(summary.final_xy, traj.xy[-1])
    np.testing.assert_array_equal(summary.best_loss, traj.loss.min(axis=0))
    np.testing.assert_array_equal(summary.diverged_step, traj.diverged_step)


@pytest.mark.parametrize("block_points", [0, -3, 2.5, True, "16"])
def test_block_points_must_be_a_positive_integer(block_points):
    with pytest.raises(ValueError, match=r"block_points must be an integer >= 1; got"):
        optimizers.run(
            "sgd", Quadratic(), START[:4], 5, record="summary", block_points=block_points
        )


@pytest.mark.parametrize("record", ["full", "summary"])
@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        (7, [(k, 7) for k in range(1, 8)]),
        (250, [(k, 250) for k in range(2, 251, 2)]),
        (205, [(k, 205) for k in range(2, 205, 2)] + [(205, 205)]),
        (0, []),
    ],
)
def test_progress_is_called_every_k_steps_and_after_the_last(record, steps, expected):
    calls = []
    optimizers.run(
        "adam", Quadratic(), START[:50], steps, record=record, progress=lambda *a: calls.append(a)
    )
    assert calls == expected


def test_progress_sees_the_run_advance_and_can_stop_it():
    class Stop(Exception):
        pass

    seen = []

    def stop_at_half(done, total):
        seen.append(done)
        if done >= total // 2:
            raise Stop

    with pytest.raises(Stop):
        optimizers.run("sgd", Quadratic(), START[:10], 100, record="summary", progress=stop_at_half)
    assert seen == list(range(1, 51))


def test_progress_must_be_callable():
    with pytest.raises(ValueError, match=r"progress must be None or a function .*; got 0\.5"):
        optimizers.run("sgd", Quadratic(), START[:4], 5, progress=0.5)


def test_a_surface_that_reuses_its_loss_array_is_never_changed_behind_its_back():
    # The loop keeps a fresh loss array rather than copying it, and writes a diverged point's
    # last loss into the one it keeps: a surface's own buffer must be copied instead.
    class CachedLoss(Rosenbrock):
        def __init__(self):
            super().__init__()
            self.out: dict[int, np.ndarray] = {}
            self.returned: dict[int, np.ndarray] = {}

        def value(self, xy):
            out = self.out.setdefault(len(xy), np.empty(len(xy)))
            out[...] = super().value(xy)
            self.returned[len(xy)] = out.copy()
            return out

    lr = np.geomspace(1e-5, 1.0, N)  # many points diverge, so the loop writes into its loss
    cached = CachedLoss()
    got = optimizers.run("sgd", cached, START, STEPS, record="summary", block_points=1_024, lr=lr)
    fresh = optimizers.run("sgd", Rosenbrock(), START, STEPS, record="summary", lr=lr)
    _assert_identical([fresh, got])
    assert (got.diverged_step > 0).sum() > 1_000
    for size, out in cached.out.items():
        np.testing.assert_array_equal(out, cached.returned[size])
