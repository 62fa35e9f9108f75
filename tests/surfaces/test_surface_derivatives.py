"""Every built-in surface: exact gradient and Hessian against finite differences, the listed
minima and saddles checked, and the points a lesson relies on inside the plotted window."""

from __future__ import annotations

import numpy as np
import pytest

import surfaces

from . import numeric_derivatives as numeric

# Defaults, plus non-default parameters where a surface has them.
CASES = [(name, {}) for name in surfaces.names()] + [
    ("rosenbrock", {"a": -0.7, "b": 3.0}),
    ("elliptic_bowl", {"condition": 200.0, "angle": 30.0}),
    ("elliptic_bowl", {"condition": 1.0, "angle": 90.0}),
]
IDS = [f"{name}-{params}" if params else name for name, params in CASES]


def random_points(surface: surfaces.Surface, n: int, seed: int) -> np.ndarray:
    (xmin, xmax), (ymin, ymax) = surface.bounds
    rng = np.random.default_rng(seed)
    return np.column_stack([rng.uniform(xmin, xmax, n), rng.uniform(ymin, ymax, n)])


def step_size(surface: surfaces.Surface) -> float:
    (xmin, xmax), (ymin, ymax) = surface.bounds
    return 1e-4 * max(xmax - xmin, ymax - ymin)


@pytest.mark.parametrize(("name", "params"), CASES, ids=IDS)
def test_gradient_matches_finite_differences(name, params):
    surface = surfaces.get(name, **params)
    xy = random_points(surface, 200, seed=1)
    numeric.assert_close(
        surface.grad(xy), numeric.gradient(surface.value, xy, step_size(surface)), rel=1e-8
    )


@pytest.mark.parametrize(("name", "params"), CASES, ids=IDS)
def test_hessian_matches_finite_differences_and_is_symmetric(name, params):
    surface = surfaces.get(name, **params)
    xy = random_points(surface, 200, seed=2)
    exact = surface.hessian(xy)
    numeric.assert_close(exact, numeric.hessian(surface.grad, xy, step_size(surface)), rel=1e-8)
    np.testing.assert_array_equal(exact, np.swapaxes(exact, -1, -2))


def inside(points: np.ndarray, bounds) -> bool:
    (xmin, xmax), (ymin, ymax) = bounds
    x, y = points[:, 0], points[:, 1]
    return bool(np.all((xmin <= x) & (x <= xmax) & (ymin <= y) & (y <= ymax)))


@pytest.mark.parametrize(("name", "params"), CASES, ids=IDS)
def test_minima_are_stationary_and_not_beaten_in_bounds(name, params):
    surface = surfaces.get(name, **params)
    if not len(surface.minima):
        assert name in ("saddle", "monkey_saddle")  # unbounded below: no minimum to list
        return
    assert inside(surface.minima, surface.bounds)
    scale = max(1.0, np.abs(surface.grad(random_points(surface, 100, seed=3))).max())
    np.testing.assert_allclose(surface.grad(surface.minima), 0.0, atol=1e-12 * scale)
    best = surface.value(surface.minima)
    np.testing.assert_allclose(best, best.min(), atol=1e-12)  # all listed minima are global
    others = surface.value(random_points(surface, 20_000, seed=4))
    assert others.min() >= best.min() - 1e-12
    assert np.linalg.eigvalsh(surface.hessian(surface.minima)).min() >= -1e-9


KNOWN_MINIMA = {
    "rosenbrock": ([[1.0, 1.0]], 0.0),
    "beale": ([[3.0, 0.5]], 0.0),
    "booth": ([[1.0, 3.0]], 0.0),
    "rastrigin": ([[0.0, 0.0]], 0.0),
    "ackley": ([[0.0, 0.0]], 0.0),
    "goldstein_price": ([[0.0, -1.0]], 3.0),
    "six_hump_camel": ([[0.0898, -0.7126], [-0.0898, 0.7126]], -1.0316),
    "himmelblau": (
        [[3.0, 2.0], [-2.805118, 3.131312], [-3.779310, -3.283186], [3.584428, -1.848126]],
        0.0,
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(KNOWN_MINIMA))
def test_minima_agree_with_the_published_values(name):
    surface = surfaces.get(name)
    points, value = KNOWN_MINIMA[name]
    np.testing.assert_allclose(surface.minima, points, atol=1e-4)
    np.testing.assert_allclose(surface.value(surface.minima), value, atol=1e-4)


def test_rosenbrock_minimum_follows_its_parameter():
    surface = surfaces.get("rosenbrock", a=-0.5, b=10.0)
    np.testing.assert_array_equal(surface.minima, [[-0.5, 0.25]])
    assert surface.value(surface.minima)[0] == 0.0


@pytest.mark.parametrize(("condition", "angle"), [(10.0, 0.0), (250.0, 35.0), (1.0, 60.0)])
def test_elliptic_bowl_has_the_condition_number_and_angle_asked_for(condition, angle):
    surface = surfaces.get("elliptic_bowl", condition=condition, angle=angle)
    eigenvalues, eigenvectors = np.linalg.eigh(surface.hessian(np.zeros((1, 2)))[0])
    np.testing.assert_allclose(eigenvalues, [1.0, condition])
    if condition > 1.0:
        # The gentle direction u = (cos theta, sin theta), up to sign.
        theta = np.deg2rad(angle)
        assert abs(eigenvectors[:, 0] @ [np.cos(theta), np.sin(theta)]) == pytest.approx(1.0)


SADDLE_CASES = [(n, p) for n, p in CASES if len(surfaces.get(n, **p).saddles)]


@pytest.mark.parametrize(("name", "params"), SADDLE_CASES, ids=[f"{n}" for n, _ in SADDLE_CASES])
def test_saddles_are_stationary_and_neither_minimum_nor_maximum(name, params):
    surface = surfaces.get(name, **params)
    assert inside(surface.saddles, surface.bounds)
    scale = max(1.0, np.abs(surface.grad(random_points(surface, 100, seed=5))).max())
    np.testing.assert_allclose(surface.grad(surface.saddles), 0.0, atol=1e-12 * scale)
    angles = np.linspace(0.0, 2.0 * np.pi, 72, endpoint=False)
    ring = 1e-3 * np.column_stack([np.cos(angles), np.sin(angles)])
    for point, hessian in zip(surface.saddles, surface.hessian(surface.saddles), strict=True):
        around = surface.value(point + ring) - surface.value(point[None])
        assert around.min() < 0.0 < around.max()
        low, high = np.linalg.eigvalsh(hessian)
        degenerate = np.allclose(hessian, 0.0)  # the monkey saddle: flat to second order
        assert degenerate or low < 0.0 < high


def test_monkey_saddle_is_flat_to_second_order():
    surface = surfaces.get("monkey_saddle")
    np.testing.assert_array_equal(surface.hessian(np.zeros((1, 2))), np.zeros((1, 2, 2)))


@pytest.mark.parametrize("name", surfaces.names())
def test_start_is_inside_bounds_and_not_stationary(name):
    surface = surfaces.get(name)
    assert surface.start.shape == (2,)
    assert inside(surface.start[None], surface.bounds)
    assert np.linalg.norm(surface.grad(surface.start[None])) > 1e-3


def test_ackley_derivatives_are_finite_at_and_near_the_tip():
    surface = surfaces.get("ackley")
    tip = np.array([[0.0, 0.0], [1e-320, 0.0], [0.0, -5e-324], [1e-200, 1e-200], [1e-8, 0.0]])
    grad = surface.grad(tip)
    hessian = surface.hessian(tip)
    assert np.isfinite(grad).all() and np.isfinite(hessian).all()
    np.testing.assert_array_equal(grad[0], [0.0, 0.0])
    # At the tip only the ripples curve: 2 pi^2 e on the diagonal.
    np.testing.assert_allclose(hessian[0], 2.0 * np.pi**2 * np.e * np.eye(2))
    assert surface.value(tip)[0] == pytest.approx(0.0, abs=1e-14)
    # Close to the tip the cone's slope is 20 * 0.2 / sqrt(2) in the radial direction.
    np.testing.assert_allclose(grad[4], [4.0 / np.sqrt(2.0), 0.0], rtol=1e-6)


@pytest.mark.parametrize("name", surfaces.names())
def test_functions_are_vectorized_over_any_leading_shape(name):
    surface = surfaces.get(name)
    grid = random_points(surface, 12, seed=6).reshape(3, 4, 2)
    assert surface.value(grid).shape == (3, 4)
    assert surface.grad(grid).shape == (3, 4, 2)
    assert surface.hessian(grid).shape == (3, 4, 2, 2)
    flat = grid.reshape(12, 2)
    np.testing.assert_array_equal(surface.value(grid).ravel(), surface.value(flat))
    np.testing.assert_array_equal(surface.hessian(grid).reshape(12, 2, 2), surface.hessian(flat))
    single = surface.value(flat[0])
    assert single.shape == ()
    assert single == surface.value(flat[:1])[0]


@pytest.mark.parametrize("bad", [np.zeros((4, 3)), np.zeros(3), 1.0])
def test_points_of_the_wrong_shape_are_refused(bad):
    with pytest.raises(ValueError, match=r"xy must have shape \(N, 2\).*got shape"):
        surfaces.get("rosenbrock").value(bad)
