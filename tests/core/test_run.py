"""run(): shapes, recording, divergence, summary mode, per-point arrays, noise, schedules."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import optimizers

from .local_surfaces import Quadratic, Rosenbrock

X0 = np.array([[-1.0, 2.0], [2.5, 1.0], [0.3, -1.7]])
LR = {"adadelta": 1.0, "newton": 0.5, "adagrad": 0.3, "rmsprop": 0.01, "rprop": 0.01}


def _lr(name: str) -> float:
    return LR.get(name, 0.05)


class NoisyQuadratic(Quadratic):
    """The contract's noise: rng((seed, step)), row i for point i whatever N is."""

    def __init__(self, noise: float):
        super().__init__()
        self.noise = noise

    def stochastic_grad(self, xy: np.ndarray, step: int, seed: int) -> np.ndarray:
        rng = np.random.default_rng((seed, step))
        return self.grad(xy) + self.noise * rng.standard_normal((len(xy), 2))


class Escaping:
    """f = x: the gradient never shrinks, so SGD walks off toward -inf in x."""

    def value(self, xy: np.ndarray) -> np.ndarray:
        return xy[:, 0].copy()

    def grad(self, xy: np.ndarray) -> np.ndarray:
        return np.stack([np.ones(len(xy)), np.zeros(len(xy))], axis=1)


class Halving:
    """A loss-driven schedule (init / lr / update) that halves a point's lr when its loss rises.

    It logs what run hands it, so the test can check the protocol.
    """

    def __init__(self, lr: float):
        self.base = lr
        self.inits: list[int] = []
        self.losses: list[np.ndarray] = []

    def init(self, n_points: int) -> tuple[np.ndarray, np.ndarray]:
        self.inits.append(n_points)
        return np.full(n_points, self.base), np.full(n_points, np.inf)

    def lr(self, state: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        return state[0]

    def update(self, state, loss: np.ndarray):
        self.losses.append(loss.copy())
        lr, previous = state
        return np.where(loss > previous, lr / 2, lr), loss.copy()


@pytest.mark.parametrize("name", optimizers.names())
def test_full_record_shapes_and_contents(name):
    steps = 25
    starts = X0 * 0.5
    traj = optimizers.run(name, Rosenbrock(), starts, steps, lr=1e-4 if name != "adadelta" else 1.0)
    n = len(starts)
    assert traj.name == name
    assert traj.xy.shape == (steps + 1, n, 2)
    assert traj.loss.shape == (steps + 1, n)
    assert traj.grad.shape == (steps, n, 2)
    assert traj.lr.shape == (steps,)
    np.testing.assert_array_equal(traj.xy[0], starts)
    positions = traj.xy.reshape(-1, 2)
    np.testing.assert_array_equal(traj.loss.ravel(), Rosenbrock().value(positions))
    np.testing.assert_array_equal(traj.grad.reshape(-1, 2), Rosenbrock().grad(positions[:-n]))
    assert set(traj.state) <= set(optimizers.get(name).state_names)
    for key, rows in traj.state.items():
        assert rows.shape in {(steps, n, 2), (steps, n)}, key
    assert traj.derived["step"].shape == (steps, n, 2)
    np.testing.assert_array_equal(traj.diverged_step, [-1, -1, -1])
    assert traj.hparams == optimizers.resolve(name, 3, lr=traj.hparams["lr"])
    for array in (
        traj.xy,
        traj.loss,
        traj.grad,
        traj.lr,
        *traj.state.values(),
        *traj.derived.values(),
    ):
        assert not array.flags.writeable


def test_state_names_follow_the_flags_like_torch():
    assert set(optimizers.run("sgd", Quadratic(), X0, 3).state) == set()
    assert set(optimizers.run("sgd", Quadratic(), X0, 3, momentum=0.9).state) == {"momentum_buffer"}
    assert set(optimizers.run("adam", Quadratic(), X0, 3).state) == {"exp_avg", "exp_avg_sq"}
    assert "max_exp_avg_sq" in optimizers.run("adam", Quadratic(), X0, 3, amsgrad=True).state
    rms = optimizers.run("rmsprop", Quadratic(), X0, 3, momentum=0.5, centered=True)
    assert set(rms.state) == {"square_avg", "momentum_buffer", "grad_avg"}
    assert optimizers.run("nadam", Quadratic(), X0, 3).state["mu_product"].shape == (3, 3)


def test_single_start_point_and_zero_steps():
    traj = optimizers.run("adam", Quadratic(), [0.5, 0.5], 4)
    assert traj.xy.shape == (5, 1, 2)
    empty = optimizers.run("adam", Quadratic(), X0, 0)
    assert empty.xy.shape == (1, 3, 2) and empty.grad.shape == (0, 3, 2) and empty.lr.shape == (0,)
    summary = optimizers.run("adam", Quadratic(), X0, 0, record="summary")
    np.testing.assert_array_equal(summary.final_xy, X0)
    np.testing.assert_array_equal(summary.steps_to_tol, [-1, -1, -1])


def test_divergence_freezes_the_point_and_the_others_go_on():
    lr = np.array([0.05, 2.0, 0.05])  # 2.0 * largest curvature 3.1 > 2: the middle point blows up
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        traj = optimizers.run("sgd", Quadratic(), X0, 800, lr=lr, momentum=0.5)
        summary = optimizers.run("sgd", Quadratic(), X0, 800, lr=lr, momentum=0.5, record="summary")
    d = int(traj.diverged_step[1])
    assert d > 1 and traj.diverged_step[0] == traj.diverged_step[2] == -1
    np.testing.assert_array_equal(traj.xy[d:, 1], np.broadcast_to(traj.xy[d - 1, 1], (801 - d, 2)))
    np.testing.assert_array_equal(traj.loss[d:, 1], traj.loss[d - 1, 1])
    assert np.isfinite(traj.xy).all() and np.isfinite(traj.loss).all()
    assert np.abs(traj.xy[d - 1, 1]).max() <= optimizers.ESCAPE
    assert np.isfinite(traj.grad[: d - 1, 1]).all() and np.isnan(traj.grad[d - 1 :, 1]).all()
    assert np.isnan(traj.state["momentum_buffer"][d - 1 :, 1]).all()
    alone = optimizers.run("sgd", Quadratic(), X0[[0, 2]], 800, lr=0.05, momentum=0.5)
    np.testing.assert_array_equal(traj.xy[:, [0, 2]], alone.xy)
    np.testing.assert_array_equal(summary.diverged_step, traj.diverged_step)
    np.testing.assert_array_equal(summary.final_xy, traj.xy[-1])
    np.testing.assert_array_equal(summary.final_loss, traj.loss[-1])


def test_leaving_the_box_counts_as_divergence_even_while_finite():
    traj = optimizers.run("sgd", Escaping(), [[0.0, 0.0], [0.0, 1.0]], 20, lr=np.array([1e5, 1.0]))
    # x_k = -1e5 k leaves |x| <= 1e6 at row 11
    np.testing.assert_array_equal(traj.diverged_step, [11, -1])
    np.testing.assert_array_equal(traj.xy[11:, 0], np.broadcast_to([-1e6, 0.0], (10, 2)))
    summary = optimizers.run(
        "sgd", Escaping(), [[0.0, 0.0], [0.0, 1.0]], 20, lr=np.array([1e5, 1.0]), record="summary"
    )
    np.testing.assert_array_equal(summary.diverged_step, [11, -1])
    np.testing.assert_array_equal(summary.final_xy[0], [-1e6, 0.0])


def test_a_start_point_with_an_undefined_loss_is_frozen_from_row_0():
    class Log(Quadratic):
        def value(self, xy):
            return np.log(xy[:, 0])

    traj = optimizers.run("sgd", Log(), [[2.0, 0.0], [-1.0, 0.0]], 5, lr=0.01)
    np.testing.assert_array_equal(traj.diverged_step, [-1, 0])
    np.testing.assert_array_equal(traj.xy[:, 1], np.broadcast_to([-1.0, 0.0], (6, 2)))
    assert np.isnan(traj.grad[:, 1]).all()
    summary = optimizers.run("sgd", Log(), [[2.0, 0.0], [-1.0, 0.0]], 5, lr=0.01, record="summary")
    np.testing.assert_array_equal(summary.diverged_step, [-1, 0])


@pytest.mark.parametrize("name", optimizers.names())
def test_summary_mode_agrees_with_full_mode(name):
    starts = np.vstack([X0, [[40.0, -30.0]]])
    lr = np.array([_lr(name)] * 3 + [50.0])  # the last point diverges for most optimizers
    surface = NoisyQuadratic(noise=0.3)
    traj = optimizers.run(name, surface, starts, 120, lr=lr, seed=7)
    summary = optimizers.run(name, surface, starts, 120, lr=lr, seed=7, record="summary", tol=1e-3)
    np.testing.assert_array_equal(summary.final_xy, traj.xy[-1])
    np.testing.assert_array_equal(summary.final_loss, traj.loss[-1])
    np.testing.assert_array_equal(summary.best_loss, traj.loss.min(axis=0))
    np.testing.assert_array_equal(summary.diverged_step, traj.diverged_step)
    assert summary.f_min == 0.0 and summary.tol == 1e-3
    reached = traj.loss - 0.0 <= 1e-3
    expected = np.where(reached.any(axis=0), reached.argmax(axis=0), -1)
    np.testing.assert_array_equal(summary.steps_to_tol, expected)
    assert summary.hparams.keys() == traj.hparams.keys()
    for key, value in traj.hparams.items():
        np.testing.assert_array_equal(summary.hparams[key], value)


def test_steps_to_tol_needs_a_known_minimum():
    class NoMinima(Quadratic):
        minima = None

    summary = optimizers.run("sgd", NoMinima(), X0, 200, lr=0.1, record="summary")
    assert summary.f_min is None
    np.testing.assert_array_equal(summary.steps_to_tol, [-1, -1, -1])
    climbing = optimizers.run(
        "sgd", Quadratic(-1.0), X0, 200, lr=0.1, maximize=True, record="summary"
    )
    assert climbing.f_min is None
    reaching = optimizers.run("sgd", Quadratic(), X0, 200, lr=0.1, record="summary")
    assert (reaching.steps_to_tol > 0).all()


ARRAY_SWEEPS = {
    "sgd": {"lr": [0.01, 0.05, 0.1], "momentum": [0.0, 0.5, 0.9], "dampening": [0.3, 0.0, 0.5]},
    "adagrad": {"lr_decay": [0.0, 0.01, 0.1], "initial_accumulator_value": [0.0, 0.1, 1.0]},
    "adadelta": {"rho": [0.5, 0.9, 0.99], "eps": [1e-6, 1e-4, 1e-2]},
    "rmsprop": {"alpha": [0.5, 0.9, 0.99], "momentum": [0.0, 0.5, 0.9], "centered": True},
    "adam": {"betas": ([0.0, 0.5, 0.9], 0.999), "weight_decay": [0.0, 0.1, 0.2], "amsgrad": True},
    "adamw": {"betas": (0.9, [0.9, 0.99, 0.999]), "weight_decay": [0.0, 0.01, 0.1]},
    "adamax": {"betas": ([0.5, 0.9, 0.95], [0.9, 0.99, 0.999]), "eps": [1e-8, 1e-3, 1e-1]},
    "nadam": {"betas": ([0.5, 0.9, 0.95], 0.99), "momentum_decay": [0.0, 4e-3, 0.02]},
    "radam": {"betas": (0.9, [0.5, 0.9, 0.999]), "weight_decay": [0.0, 0.1, 0.2]},
    "rprop": {"etas": ([0.3, 0.5, 0.7], 1.2), "step_sizes": ([1e-6, 1e-3, 1e-2], [1.0, 0.1, 50.0])},
    "newton": {"lr": [0.3, 0.6, 1.0], "damping": [0.0, 0.1, 1.0]},
}


def _pick(value, i):
    if isinstance(value, tuple):
        return tuple(_pick(v, i) for v in value)
    return value[i] if isinstance(value, list) else value


def _as_arrays(value):
    if isinstance(value, tuple):
        return tuple(_as_arrays(v) for v in value)
    return np.array(value) if isinstance(value, list) else value


@pytest.mark.parametrize("name", optimizers.names())
def test_per_point_hyperparameters_equal_separate_scalar_runs(name):
    sweep = {"lr": _lr(name), **ARRAY_SWEEPS[name]}
    together = optimizers.run(name, Rosenbrock(), X0 * 0.5, 60, **_as_arrays(sweep))
    for i in range(len(X0)):
        alone = optimizers.run(
            name, Rosenbrock(), X0[i] * 0.5, 60, **{k: _pick(v, i) for k, v in sweep.items()}
        )
        np.testing.assert_allclose(together.xy[:, i], alone.xy[:, 0], rtol=1e-13, atol=1e-13)
        assert set(together.state) >= set(alone.state)
        for key in alone.state:
            np.testing.assert_allclose(
                together.state[key][:, i], alone.state[key][:, 0], rtol=1e-13, atol=1e-13
            )
        for key, rows in alone.derived.items():
            np.testing.assert_allclose(
                together.derived[key][:, i], rows[:, 0], rtol=1e-12, atol=1e-13
            )


def test_lr_record_shapes():
    assert optimizers.run("sgd", Quadratic(), X0, 5, lr=0.1).lr.tolist() == [0.1] * 5
    per_point = optimizers.run("sgd", Quadratic(), X0, 5, lr=np.array([0.1, 0.2, 0.3]))
    np.testing.assert_array_equal(per_point.lr, np.tile([0.1, 0.2, 0.3], (5, 1)))
    grid = np.linspace(0.1, 0.3, 15).reshape(5, 3)
    np.testing.assert_array_equal(optimizers.run("sgd", Quadratic(), X0, 5, schedule=grid).lr, grid)


def test_an_lr_array_per_step_is_the_same_as_stepping_with_each_lr():
    lrs = np.array([0.1, 0.05, 0.2, 0.0, 0.1])
    traj = optimizers.run("sgd", Quadratic(), X0, 5, schedule=lrs, momentum=0.9)
    x, buf = X0.copy(), None
    for k, lr in enumerate(lrs):
        g = Quadratic().grad(x)
        buf = g if buf is None else 0.9 * buf + g
        x = x - lr * buf
        np.testing.assert_allclose(traj.xy[k + 1], x, rtol=1e-15)
    np.testing.assert_array_equal(traj.xy[4], traj.xy[3])  # lr 0 at step 3


def test_loss_driven_schedule_protocol():
    schedule = Halving(0.8)
    traj = optimizers.run("sgd", Quadratic(), X0, 30, schedule=schedule)
    assert schedule.inits == [3]
    assert len(schedule.losses) == 30
    # update(state, loss_k) gets the exact loss where step k's gradient was taken
    np.testing.assert_array_equal(np.array(schedule.losses), traj.loss[:-1])
    assert traj.lr.shape == (30, 3)
    expected, previous = np.full(3, 0.8), np.full(3, np.inf)
    for k in range(30):
        np.testing.assert_array_equal(traj.lr[k], expected)
        expected = np.where(traj.loss[k] > previous, expected / 2, expected)
        previous = traj.loss[k]
    assert (traj.lr[-1] < 0.8).all()  # lr * 3.1 > 2 oscillates, so the schedule must act
    summary_schedule = Halving(0.8)
    summary = optimizers.run(
        "sgd", Quadratic(), X0, 30, schedule=summary_schedule, record="summary"
    )
    np.testing.assert_array_equal(np.array(summary_schedule.losses), traj.loss[:-1])
    np.testing.assert_array_equal(summary.final_xy, traj.xy[-1])


def test_noise_comes_from_stochastic_grad_with_the_run_seed():
    surface = NoisyQuadratic(noise=0.5)
    traj = optimizers.run("sgd", surface, X0, 10, lr=0.05, seed=3)
    for k in range(10):
        np.testing.assert_array_equal(traj.grad[k], surface.stochastic_grad(traj.xy[k], k, 3))
    again = optimizers.run("sgd", surface, X0, 10, lr=0.05, seed=3)
    other = optimizers.run("sgd", surface, X0, 10, lr=0.05, seed=4)
    np.testing.assert_array_equal(traj.xy, again.xy)
    assert not np.allclose(traj.xy, other.xy)
    np.testing.assert_array_equal(
        traj.loss, Quadratic().value(traj.xy.reshape(-1, 2)).reshape(11, 3)
    )


@pytest.mark.parametrize("name", [n for n in optimizers.names() if n != "newton"])
def test_derived_step_is_the_step_taken(name):
    kwargs = {"weight_decay": 0.1} if "weight_decay" in optimizers.get(name).hparams else {}
    if "decoupled_weight_decay" in optimizers.get(name).hparams:
        kwargs["decoupled_weight_decay"] = True
    traj = optimizers.run(
        name, Rosenbrock(), X0 * 0.5, 50, lr=1e-3 if name != "adadelta" else 1.0, **kwargs
    )
    decay = 1.0
    if name == "adamw" or kwargs.get("decoupled_weight_decay"):
        decay = 1 - traj.lr[:, None, None] * 0.1
    np.testing.assert_allclose(
        traj.xy[1:], traj.xy[:-1] * decay - traj.derived["step"], rtol=1e-12, atol=1e-14
    )


def test_adam_family_derived_moments():
    traj = optimizers.run("adam", Rosenbrock(), X0 * 0.5, 20, lr=1e-3, betas=(0.8, 0.95))
    t = np.arange(1, 21)[:, None, None]
    np.testing.assert_allclose(
        traj.derived["m_hat"], traj.state["exp_avg"] / (1 - 0.8**t), rtol=1e-14
    )
    np.testing.assert_allclose(
        traj.derived["v_hat"], traj.state["exp_avg_sq"] / (1 - 0.95**t), rtol=1e-14
    )
    ams = optimizers.run("adam", Rosenbrock(), X0 * 0.5, 20, lr=1e-3, amsgrad=True)
    np.testing.assert_allclose(
        ams.derived["v_hat"], ams.state["max_exp_avg_sq"] / (1 - 0.999**t), rtol=1e-14
    )
    adamax = optimizers.run("adamax", Rosenbrock(), X0 * 0.5, 20, lr=1e-3)
    np.testing.assert_array_equal(adamax.derived["v_hat"], adamax.state["exp_inf"])
    for name in ("adamw", "nadam", "radam"):
        assert {"m_hat", "v_hat", "step"} <= set(optimizers.run(name, Quadratic(), X0, 3).derived)


class Lifted(Quadratic):
    """The quadratic plus 0.3, so f_min = 0.3 and loss - f_min rounds like real surfaces do."""

    def value(self, xy: np.ndarray) -> np.ndarray:
        return super().value(xy) + 0.3


@pytest.mark.parametrize("tol", [0.0, 1e-12, 1e-7, 3e-4, 0.1])
def test_steps_to_tol_is_exactly_the_first_row_within_tol(tol):
    starts = np.random.default_rng(5).uniform(-2, 2, size=(64, 2))
    lr = np.linspace(0.01, 0.6, 64)
    traj = optimizers.run("sgd", Lifted(), starts, 150, lr=lr, momentum=0.5)
    summary = optimizers.run(
        "sgd", Lifted(), starts, 150, lr=lr, momentum=0.5, record="summary", tol=tol
    )
    assert summary.f_min == 0.3
    reached = traj.loss - 0.3 <= tol
    expected = np.where(reached.any(axis=0), reached.argmax(axis=0), -1)
    np.testing.assert_array_equal(summary.steps_to_tol, expected)
    assert len(set(expected.tolist())) > 5  # a spread of arrival times, not all -1


def test_a_surface_that_reuses_its_gradient_array_is_never_changed_behind_its_back():
    class Cached(Quadratic):
        """Returns the same array every call, as a careful-with-memory surface might."""

        def __init__(self):
            super().__init__()
            self.out = np.empty((3, 2))
            self.returned: list[np.ndarray] = []

        def grad(self, xy):
            self.out[...] = super().grad(xy)
            self.returned.append(self.out.copy())
            return self.out

    class Identity:
        """f = |p|^2 / 2 with grad returning its argument: the run's own position buffer."""

        def value(self, xy):
            return 0.5 * (xy * xy).sum(axis=1)

        def grad(self, xy):
            return xy

    for record in ("full", "summary"):
        cached = Cached()
        got = optimizers.run("adam", cached, X0, 20, lr=0.1, record=record)
        fresh = optimizers.run("adam", Quadratic(), X0, 20, lr=0.1, record=record)
        final = got.xy[-1] if record == "full" else got.final_xy
        np.testing.assert_array_equal(final, fresh.xy[-1] if record == "full" else fresh.final_xy)
        np.testing.assert_array_equal(cached.out, cached.returned[-1])
        identity = optimizers.run("sgd", Identity(), X0, 5, lr=0.5, record=record)
        final = identity.xy[-1] if record == "full" else identity.final_xy
        np.testing.assert_allclose(final, X0 * 0.5**5)


def test_the_probe_at_x0_serves_the_first_step_so_the_surface_is_asked_once_per_step():
    class Counted(Quadratic):
        def __init__(self):
            super().__init__()
            self.calls = {"value": 0, "grad": 0}

        def value(self, xy):
            self.calls["value"] += len(xy) == len(X0)  # not f_min's or the whole history's
            return super().value(xy)

        def grad(self, xy):
            self.calls["grad"] += 1
            return super().grad(xy)

    for record, values in (("full", 1), ("summary", 21)):
        counted = Counted()
        got = optimizers.run("adam", counted, X0, 20, lr=0.1, record=record)
        fresh = optimizers.run("adam", Quadratic(), X0, 20, lr=0.1, record=record)
        final = got.xy[-1] if record == "full" else got.final_xy
        np.testing.assert_array_equal(final, fresh.xy[-1] if record == "full" else fresh.final_xy)
        assert counted.calls == {"value": values, "grad": 20}


def test_the_tolerance_threshold_is_exact_where_f_min_plus_tol_rounds_wrong():
    """steps_to_tol compares loss <= t with t the largest float where fl(t - f_min) <= tol."""
    from optimizers.engine import _threshold

    rng = np.random.default_rng(0)
    naive_wrong = 0
    for f_min, tol in zip(
        rng.normal(size=2000) * 10.0 ** rng.integers(-3, 4, 2000),
        10.0 ** rng.uniform(-12, 0, 2000),
        strict=True,
    ):
        t = _threshold(float(f_min), float(tol))
        assert t - f_min <= tol < np.nextafter(t, np.inf) - f_min
        naive = f_min + tol
        naive_wrong += not (naive - f_min <= tol < np.nextafter(naive, np.inf) - f_min)
    assert naive_wrong > 100  # the plain sum is off in a good share of cases
