"""NAdam and RAdam's teaching switches against the rules of ALGORITHMS.md written out by
hand, one scalar at a time: epsilon hat (NAdam) and bias correction off (both). With the
switches at their defaults the kernels stay torch's (tests/core/test_parity.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest

import optimizers
from optimizers import nadam

from .local_surfaces import Quadratic

STARTS = np.array([[-1.0, 2.0], [2.5, 1.0], [0.3, -1.7]])
B1, B2, PSI = 0.9, 0.999, 4e-3


def _nadam_reference(start, steps, lr, eps, *, keras_epsilon=False, bias_correction=True):
    """ALGORITHMS.md's NAdam rule, one coordinate at a time, with the two switches."""
    p, m, v, product = list(start), [0.0, 0.0], [0.0, 0.0], 1.0
    for t in range(1, steps + 1):
        g = Quadratic().grad(np.array([p]))[0]
        mu = B1 * (1 - 0.5 * 0.96 ** (t * PSI))
        mu_next = B1 * (1 - 0.5 * 0.96 ** ((t + 1) * PSI))
        product *= mu
        bc2 = 1 - B2**t if bias_correction else 1.0
        c_grad = 1 - product if bias_correction else 1.0
        c_momentum = 1 - product * mu_next if bias_correction else 1.0
        for i in range(2):
            m[i] += (1 - B1) * (g[i] - m[i])
            v[i] = B2 * v[i] + (1 - B2) * g[i] ** 2
            if keras_epsilon:
                denom = (math.sqrt(v[i]) + eps) / math.sqrt(bc2)
            else:
                denom = math.sqrt(v[i] / bc2) + eps
            p[i] -= lr * (1 - mu) / c_grad * g[i] / denom
            p[i] -= lr * mu_next / c_momentum * m[i] / denom
    return p


def _radam_reference(start, steps, lr, eps, *, bias_correction=True):
    """ALGORITHMS.md's RAdam rule with bc1 = bc2 = 1 in the step when correction is off."""
    p, m, v = list(start), [0.0, 0.0], [0.0, 0.0]
    rho_inf = 2 / (1 - B2) - 1
    for t in range(1, steps + 1):
        g = Quadratic().grad(np.array([p]))[0]
        rho_t = rho_inf - 2 * t * B2**t / (1 - B2**t)
        bc1, bc2 = (1 - B1**t, 1 - B2**t) if bias_correction else (1.0, 1.0)
        for i in range(2):
            m[i] += (1 - B1) * (g[i] - m[i])
            v[i] = B2 * v[i] + (1 - B2) * g[i] ** 2
            m_hat = m[i] / bc1
            if rho_t > 5:
                r = math.sqrt(
                    (rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t)
                )
                p[i] -= lr * m_hat * r * math.sqrt(bc2) / (math.sqrt(v[i]) + eps)
            else:
                p[i] -= lr * m_hat
    return p


SWITCHES = [
    {},
    {"keras_epsilon": True},
    {"bias_correction": False},
    {"keras_epsilon": True, "bias_correction": False},
]


@pytest.mark.parametrize("switches", SWITCHES, ids=lambda s: ",".join(s) or "torch")
def test_nadam_follows_the_written_rule(switches):
    run = optimizers.run("nadam", Quadratic(), STARTS, 30, lr=0.05, eps=0.1, **switches)
    expected = [_nadam_reference(s, 30, 0.05, 0.1, **switches) for s in STARTS]
    np.testing.assert_allclose(run.xy[-1], expected, rtol=1e-12)


@pytest.mark.parametrize("bias_correction", [True, False])
def test_radam_follows_the_written_rule(bias_correction):
    switch = {"bias_correction": bias_correction}
    run = optimizers.run("radam", Quadratic(), STARTS, 30, lr=0.05, **switch)
    expected = [_radam_reference(s, 30, 0.05, 1e-8, **switch) for s in STARTS]
    np.testing.assert_allclose(run.xy[-1], expected, rtol=1e-12)


@pytest.mark.parametrize("t", [1, 2, 10, 1000])
def test_nadam_epsilon_hat_is_a_torch_epsilon_scaled_by_sqrt_of_bc2(t):
    rng = np.random.default_rng(t)
    p, g = rng.normal(size=(5, 2)), rng.normal(size=(5, 2))
    m, v, product = rng.normal(size=(5, 2)), rng.uniform(0, 2, size=(5, 2)), rng.uniform(0, 1, 5)
    spec = optimizers.get("nadam")

    def step(**changes):
        hp = spec.kernel_hparams(optimizers.resolve("nadam", 5, **changes))
        state = nadam.State(m.copy(), v.copy(), product.copy())
        return nadam.update(p.copy(), g.copy(), state, t, 0.1, hp)[0]

    np.testing.assert_allclose(
        step(eps=1e-3, keras_epsilon=True), step(eps=1e-3 / math.sqrt(1 - B2**t)), rtol=1e-13
    )


def test_without_bias_correction_the_first_steps_are_biased():
    g = Quadratic().grad(STARTS)
    # RAdam, step 1 (rho_1 <= 5: plain momentum SGD): lr * m_1 = lr * 0.1 g instead of lr * g.
    off = optimizers.run("radam", Quadratic(), STARTS, 1, lr=0.1, bias_correction=False)
    on = optimizers.run("radam", Quadratic(), STARTS, 1, lr=0.1)
    np.testing.assert_allclose(off.xy[1], STARTS - 0.1 * 0.1 * g, rtol=1e-14)
    np.testing.assert_allclose(on.xy[1], STARTS - 0.1 * g, rtol=1e-14)
    np.testing.assert_array_equal(off.derived["m_hat"], off.state["exp_avg"])
    # NAdam, step 1: v_1 = 0.001 g^2, so the raw step is (1 - mu_1 + 0.1 mu_2) / sqrt(0.001)
    # times lr per coordinate (18.8), against 1 + 0.1 mu_2 / (1 - mu_1 mu_2) corrected (1.06).
    mu1, mu2 = (B1 * (1 - 0.5 * 0.96 ** (k * PSI)) for k in (1, 2))
    off = optimizers.run("nadam", Quadratic(), STARTS, 1, lr=0.1, eps=0.0, bias_correction=False)
    on = optimizers.run("nadam", Quadratic(), STARTS, 1, lr=0.1, eps=0.0)
    raw, corrected = (1 - mu1 + 0.1 * mu2) / math.sqrt(1e-3), 1 + 0.1 * mu2 / (1 - mu1 * mu2)
    assert raw == pytest.approx(18.81, abs=0.01) and corrected == pytest.approx(1.056, abs=1e-3)
    np.testing.assert_allclose(off.xy[1], STARTS - 0.1 * raw * np.sign(g), rtol=1e-13)
    np.testing.assert_allclose(on.xy[1], STARTS - 0.1 * corrected * np.sign(g), rtol=1e-13)
    np.testing.assert_allclose(off.derived["v_hat"], off.state["exp_avg_sq"])
