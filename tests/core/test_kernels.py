"""Kernels on their own: Newton's geometry, the Keras-epsilon relation, bias correction off."""

from __future__ import annotations

import numpy as np
import pytest

import optimizers
from optimizers import adam, adamax, hparams, newton

from .local_surfaces import Quadratic, Rosenbrock, Saddle

STARTS = np.array([[-1.0, 2.0], [2.5, 1.0], [0.3, -1.7], [1.0, -0.5]])


def test_newton_solves_a_quadratic_in_one_step():
    traj = optimizers.run("newton", Quadratic(), STARTS, 1, lr=1.0, damping=0.0)
    np.testing.assert_allclose(traj.xy[1], np.broadcast_to([1.0, -0.5], (4, 2)), rtol=0, atol=1e-14)


def test_newton_lr_is_the_fraction_of_the_newton_step():
    traj = optimizers.run("newton", Quadratic(), STARTS, 1, lr=0.25, damping=0.0)
    np.testing.assert_allclose(traj.xy[1], STARTS + 0.25 * ([1.0, -0.5] - STARTS), atol=1e-14)


def test_newton_damping_adds_to_the_curvature():
    damping = 0.7
    traj = optimizers.run("newton", Quadratic(), STARTS, 1, lr=1.0, damping=damping)
    h = Quadratic.hessian_matrix + damping * np.eye(2)
    expected = STARTS - np.linalg.solve(h, Quadratic().grad(STARTS).T).T
    np.testing.assert_allclose(traj.xy[1], expected, rtol=1e-14, atol=1e-15)


def test_newton_escapes_a_saddle_instead_of_jumping_onto_it():
    # Plain Newton, -H^-1 g, lands exactly on the saddle (0, 0). |H| keeps the step downhill:
    # x still goes to 0 (positive curvature), y moves away from it (negative curvature).
    traj = optimizers.run("newton", Saddle(), [[0.1, 0.1]], 1, lr=1.0, damping=0.0)
    np.testing.assert_allclose(traj.xy[1, 0], [0.0, 0.2], atol=1e-15)
    assert Saddle().value(traj.xy[1])[0] < Saddle().value(traj.xy[0])[0]


def test_newton_stays_finite_where_the_hessian_is_singular():
    class Flat(Quadratic):
        def hessian(self, xy):
            return np.zeros((len(xy), 2, 2))

    traj = optimizers.run("newton", Flat(), STARTS[:3], 1, lr=1.0, damping=0.5)
    np.testing.assert_allclose(traj.xy[1], STARTS[:3] - Quadratic().grad(STARTS[:3]) / 0.5)


def test_newton_can_climb_to_a_maximum():
    traj = optimizers.run("newton", Quadratic(-1.0), STARTS, 1, lr=1.0, damping=0.0, maximize=True)
    np.testing.assert_allclose(traj.xy[1], np.broadcast_to([1.0, -0.5], (4, 2)), atol=1e-14)


def test_closed_form_eigen_matches_linalg():
    rng = np.random.default_rng(0)
    a = rng.normal(size=(200, 2, 2))
    h = a + a.transpose(0, 2, 1)
    h[:5] = Rosenbrock().hessian(rng.uniform(-2, 2, (5, 2)))
    h[5] = np.diag([3.0, 3.0])  # repeated eigenvalue: any basis works
    values, cos, sin = newton.eigen(h)
    np.testing.assert_allclose(
        np.sort(values, axis=1), np.linalg.eigvalsh(h), rtol=1e-12, atol=1e-12
    )
    vectors = np.stack([np.stack([cos, sin], 1), np.stack([-sin, cos], 1)], axis=2)
    np.testing.assert_allclose(h @ vectors, vectors * values[:, None, :], atol=1e-12)


def _adam_hyper(**changes) -> adam.Hyper:
    base = dict(
        beta1=0.9,
        beta2=0.999,
        eps=1e-3,
        weight_decay=0.0,
        amsgrad=False,
        maximize=False,
        decoupled_weight_decay=False,
        keras_epsilon=False,
        bias_correction=True,
    )
    return adam.Hyper(**{**base, **changes})


@pytest.mark.parametrize("t", [1, 2, 10, 1000])
def test_keras_epsilon_equals_torch_epsilon_scaled_by_sqrt_of_bc2(t):
    """Keras' eps_hat acts as a torch eps of eps_hat / sqrt(1 - beta2^t): 31.6x at t = 1."""
    rng = np.random.default_rng(t)
    p, g = rng.normal(size=(5, 2)), rng.normal(size=(5, 2))
    m, v = rng.normal(size=(5, 2)), rng.uniform(0, 2, size=(5, 2))
    eps_hat = 1e-3
    keras, _ = adam.update(
        p.copy(),
        g.copy(),
        adam.State(m.copy(), v.copy(), None),
        t,
        0.1,
        _adam_hyper(eps=eps_hat, keras_epsilon=True),
    )
    torch_eps = eps_hat / np.sqrt(1 - 0.999**t)
    torch, _ = adam.update(
        p.copy(), g.copy(), adam.State(m.copy(), v.copy(), None), t, 0.1, _adam_hyper(eps=torch_eps)
    )
    np.testing.assert_allclose(keras, torch, rtol=1e-13)
    if t == 1:
        assert torch_eps / eps_hat == pytest.approx(31.6, rel=1e-3)


def test_keras_epsilon_over_a_run_and_the_preset():
    preset = optimizers.preset("adam_keras")
    assert preset.optimizer == "adam" and preset.hparams["keras_epsilon"] is True
    keras = optimizers.run("adam", Quadratic(), STARTS, 1, lr=0.1, eps=1e-2, keras_epsilon=True)
    torch = optimizers.run("adam", Quadratic(), STARTS, 1, lr=0.1, eps=1e-2 / np.sqrt(0.001))
    np.testing.assert_allclose(keras.xy, torch.xy, rtol=1e-14)
    step = keras.derived["step"][0]
    g = Quadratic().grad(STARTS)
    np.testing.assert_allclose(step, 0.1 * g / (np.abs(g) + 1e-2 / np.sqrt(0.001)), rtol=1e-14)


def test_adamax_keras_epsilon_moves_eps_out_of_the_max():
    p, g = np.array([[0.0, 0.0]]), np.array([[1e-3, -2.0]])
    state = adamax.State(np.zeros((1, 2)), np.zeros((1, 2)))
    hp = adamax.Hyper(0.9, 0.999, 0.5, 0.0, False, True, True)
    moved, state = adamax.update(p.copy(), g.copy(), state, 1, 0.1, hp)
    np.testing.assert_array_equal(state.exp_inf, np.abs(g))
    np.testing.assert_allclose(moved, -0.1 * g / (np.abs(g) + 0.5), rtol=1e-15)


def test_bias_correction_off_shows_the_biased_start():
    g = Quadratic().grad(STARTS[:3])
    off = optimizers.run("adam", Quadratic(), STARTS[:3], 1, lr=0.1, bias_correction=False)
    on = optimizers.run("adam", Quadratic(), STARTS[:3], 1, lr=0.1)
    # step 1: m = 0.1 g, v = 0.001 g^2 -> 0.1 g / (0.0316 |g|): 3.16x lr, not lr
    np.testing.assert_allclose(
        off.derived["step"][0], 0.1 * 0.1 * g / (np.sqrt(0.001) * np.abs(g) + 1e-8), rtol=1e-12
    )
    np.testing.assert_allclose(on.derived["step"][0], 0.1 * np.sign(g), rtol=1e-6)
    np.testing.assert_array_equal(off.derived["m_hat"], off.state["exp_avg"])
    np.testing.assert_array_equal(off.derived["v_hat"], off.state["exp_avg_sq"])


@pytest.mark.parametrize("name", optimizers.names())
def test_update_depends_only_on_its_arguments(name):
    """Same inputs, same outputs; the inputs handed over (donated) are the only memory touched."""
    spec = optimizers.get(name)
    hp = spec.kernel_hparams(optimizers.resolve(name, 3))
    p, g = STARTS[:3].copy(), Quadratic().grad(STARTS[:3])
    extra = {"hessian": Quadratic().hessian(p)} if spec.needs_hessian else {}
    results = []
    for _ in range(2):
        state = spec.init(p.copy(), 0.01, hp)
        for t in (1, 2, 3):
            moved, state = spec.update(p.copy(), g.copy(), state, t, 0.01, hp, **extra)
        results.append((moved, state))
    np.testing.assert_array_equal(results[0][0], results[1][0])
    for a, b in zip(results[0][1], results[1][1], strict=True):
        np.testing.assert_array_equal(a, b)
    assert tuple(results[0][1]._fields) == spec.state_names


def test_bias_corrections_of_per_point_betas_are_exactly_one_minus_the_power():
    # The power of small betas underflows (the slow path one_minus_power avoids) from step 13
    # for beta 1e-24 down to step 1 for 0; betas near 1 keep a correction below 1 throughout.
    betas = np.repeat(np.concatenate([[0.0, 1e-300, 1e-24], np.linspace(0.0, 0.999, 997)]), 2)
    betas = betas.reshape(-1, 2)
    for t in (1, 2, 13, 64, 300, 1_000, 2_000):
        np.testing.assert_array_equal(hparams.one_minus_power(betas, t), 1 - betas**t)
    assert hparams.one_minus_power(0.9, 3) == 1 - 0.9**3
