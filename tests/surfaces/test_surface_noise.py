"""Stochastic gradients: g + (noise / sqrt(batch)) z with z from default_rng((seed, step)),
row i for point i. Reproducible, independent of the number of points, scaled by batch."""

from __future__ import annotations

import numpy as np
import pytest

import surfaces


def points(n: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).uniform(-1.5, 1.5, size=(n, 2))


@pytest.mark.parametrize("name", surfaces.names())
def test_without_noise_the_stochastic_gradient_is_the_gradient(name):
    surface = surfaces.get(name, noise=0.0)
    xy = points(20)
    np.testing.assert_array_equal(surface.stochastic_grad(xy, 5, 1), surface.grad(xy))


@pytest.mark.parametrize("name", surfaces.names())
def test_noise_follows_the_contract_formula_on_every_surface(name):
    surface = surfaces.get(name, noise=0.7, batch=9)
    xy = points(30)
    expected = surface.grad(xy) + (0.7 / 3.0) * np.random.default_rng((11, 4)).standard_normal(
        (30, 2)
    )
    np.testing.assert_allclose(surface.stochastic_grad(xy, 4, 11), expected, rtol=1e-12, atol=1e-12)


def test_same_seed_and_step_give_the_same_noise_and_others_differ():
    surface = surfaces.get("noisy_bowl")
    xy = points(50)
    first = surface.stochastic_grad(xy, 3, 42)
    np.testing.assert_array_equal(surface.stochastic_grad(xy, 3, 42), first)
    for other in (surface.stochastic_grad(xy, 3, 43), surface.stochastic_grad(xy, 4, 42)):
        assert np.abs(other - first).min() > 0.0


def test_a_point_gets_the_same_noise_whatever_the_number_of_points():
    surface = surfaces.get("rosenbrock", noise=1.0)
    many = points(500)
    few = many[:7]
    np.testing.assert_array_equal(
        surface.stochastic_grad(few, 12, 5), surface.stochastic_grad(many, 12, 5)[:7]
    )


def test_noise_std_is_noise_over_sqrt_batch():
    n = 40_000
    at_minimum = np.zeros((n, 2))  # grad = 0 there: what is left is the noise
    for batch in (1, 4, 64):
        surface = surfaces.get("noisy_bowl", noise=2.0, batch=batch)
        sample = surface.stochastic_grad(at_minimum, 0, 2024)
        expected = 2.0 / np.sqrt(batch)
        assert sample.std() == pytest.approx(expected, rel=0.02)
        assert abs(sample.mean()) < 4.0 * expected / np.sqrt(sample.size)


def test_batch_divides_the_very_same_draw():
    xy = np.zeros((10, 2))
    full = surfaces.get("booth", noise=1.0, batch=1).stochastic_grad(xy, 2, 3)
    quarter = surfaces.get("booth", noise=1.0, batch=16).stochastic_grad(xy, 2, 3)
    gradient = surfaces.get("booth").grad(xy)
    np.testing.assert_allclose(quarter - gradient, (full - gradient) / 4.0, rtol=1e-9, atol=1e-12)


def test_noise_is_uncorrelated_across_steps_and_coordinates():
    surface = surfaces.get("noisy_bowl", noise=1.0)
    xy = np.zeros((20_000, 2))
    step0 = surface.stochastic_grad(xy, 0, 9)
    step1 = surface.stochastic_grad(xy, 1, 9)
    assert abs(np.corrcoef(step0[:, 0], step1[:, 0])[0, 1]) < 0.03
    assert abs(np.corrcoef(step0[:, 0], step0[:, 1])[0, 1]) < 0.03


@pytest.mark.parametrize(
    ("step", "seed", "message"),
    [
        (-1, 0, r"step must be an integer >= 0; got -1"),
        (0, -3, r"seed must be an integer >= 0; got -3"),
        (1.5, 0, r"step must be an integer >= 0; got 1.5"),
        (0, None, r"seed must be an integer >= 0; got None"),
    ],
)
def test_step_and_seed_are_checked(step, seed, message):
    with pytest.raises(ValueError, match=message):
        surfaces.get("noisy_bowl").stochastic_grad(points(2), step, seed)


def test_numpy_integers_are_valid_step_and_seed():
    surface = surfaces.get("noisy_bowl")
    xy = points(3)
    np.testing.assert_array_equal(
        surface.stochastic_grad(xy, np.int64(2), np.uint32(8)), surface.stochastic_grad(xy, 2, 8)
    )
