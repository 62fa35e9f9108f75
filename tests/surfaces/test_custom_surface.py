"""from_expression: symbolic derivatives that agree with the hand-written built-ins, the
choices a teacher makes (bounds, start, noise), and the refusals that keep a plot finite."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

import surfaces
from surfaces import ExpressionError

from . import numeric_derivatives as numeric

# The built-ins' formulas as a teacher would type them.
TYPED = {
    "rosenbrock": "(1-x)**2 + 100*(y-x**2)**2",
    "himmelblau": "(x**2 + y - 11)**2 + (x + y**2 - 7)**2",
    "beale": "(1.5 - x + x*y)**2 + (2.25 - x + x*y**2)**2 + (2.625 - x + x*y**3)**2",
    "booth": "(x + 2*y - 7)**2 + (2*x + y - 5)**2",
    "six_hump_camel": "(4 - 2.1*x**2 + x**4/3)*x**2 + x*y + (-4 + 4*y**2)*y**2",
    "rastrigin": "20 + x**2 - 10*cos(2*pi*x) + y**2 - 10*cos(2*pi*y)",
    "ackley": (
        "-20*exp(-0.2*sqrt(0.5*(x**2 + y**2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20"
    ),
    "goldstein_price": (
        "(1 + (x+y+1)**2*(19 - 14*x + 3*x**2 - 14*y + 6*x*y + 3*y**2))"
        "*(30 + (2*x - 3*y)**2*(18 - 32*x + 12*x**2 + 48*y - 36*x*y + 27*y**2))"
    ),
    "saddle": "x**2 - y**2",
    "monkey_saddle": "x**3 - 3*x*y**2",
}


@pytest.mark.parametrize("name", sorted(TYPED))
def test_typed_formulas_agree_with_the_built_in_surfaces(name):
    builtin = surfaces.get(name)
    typed = surfaces.from_expression(TYPED[name], bounds=builtin.bounds)
    (xmin, xmax), (ymin, ymax) = builtin.bounds
    rng = np.random.default_rng(7)
    xy = np.column_stack([rng.uniform(xmin, xmax, 100), rng.uniform(ymin, ymax, 100)])
    for method in ("value", "grad", "hessian"):
        numeric.assert_close(getattr(builtin, method)(xy), getattr(typed, method)(xy), rel=1e-10)


def test_quadratic_has_its_exact_constant_hessian():
    surface = surfaces.from_expression("x**2 + 3*y**2 + x*y - 2*x")
    xy = np.array([[0.5, -1.0], [2.0, 2.0], [0.0, 0.0]])
    np.testing.assert_allclose(
        surface.grad(xy), np.column_stack([2 * xy[:, 0] + xy[:, 1] - 2, 6 * xy[:, 1] + xy[:, 0]])
    )
    np.testing.assert_array_equal(
        surface.hessian(xy), np.broadcast_to([[2.0, 1.0], [1.0, 6.0]], (3, 2, 2))
    )


@pytest.mark.parametrize(
    "text",
    [
        "sin(3*x)*cos(2*y) + 0.1*(x**2 + y**2)",
        "log(1 + x**2 + y**2) * tanh(x - y)",
        "sqrt(x**2 + y**2 + 0.5) + arctan(x*y)",
        "x**y**2 + 2**(x/3)",
    ],
)
def test_symbolic_derivatives_match_finite_differences(text):
    surface = surfaces.from_expression(text, bounds=((0.2, 2.0), (-2.0, 2.0)))
    rng = np.random.default_rng(3)
    xy = np.column_stack([rng.uniform(0.3, 1.9, 60), rng.uniform(-1.9, 1.9, 60)])
    np.testing.assert_allclose(
        surface.grad(xy), numeric.gradient(surface.value, xy, 1e-3), rtol=1e-7, atol=1e-8
    )
    np.testing.assert_allclose(
        surface.hessian(xy), numeric.hessian(surface.grad, xy, 1e-3), rtol=1e-7, atol=1e-8
    )


def test_kinks_and_steps_have_their_almost_everywhere_derivatives():
    surface = surfaces.from_expression("abs(x) + max(x, y)**2 + floor(y)")
    xy = np.array([[-1.5, 0.5], [0.7, -0.2], [0.3, 2.6]])
    top = np.maximum(xy[:, 0], xy[:, 1])
    expected = np.column_stack(
        [np.sign(xy[:, 0]) + 2 * top * (xy[:, 0] > xy[:, 1]), 2 * top * (xy[:, 1] > xy[:, 0])]
    )
    np.testing.assert_allclose(surface.grad(xy), expected)
    hessian = surface.hessian(xy)
    assert np.isfinite(hessian).all()
    np.testing.assert_allclose(hessian[:, 0, 0], 2.0 * (xy[:, 0] > xy[:, 1]))


def test_defaults_for_a_typed_formula():
    surface = surfaces.from_expression("x**2 + y**2")
    assert surface.name == "custom"
    assert surface.title == "f(x, y) = x**2 + y**2"
    assert surface.formula_latex == "f(x, y) = x^{2} + y^{2}"
    assert surface.bounds == ((-3.0, 3.0), (-3.0, 3.0))
    np.testing.assert_allclose(surface.start, [-2.4, 2.4])
    assert surface.minima.shape == (0, 2) and surface.saddles.shape == (0, 2)
    assert surface.params == {"noise": 0.0, "batch": 1}
    assert [spec.name for spec in surface.param_specs] == ["noise", "batch"]
    assert surface.log_contour is False


def test_bounds_start_and_noise_are_the_teachers_choice():
    surface = surfaces.from_expression(
        "(x - 1)**2 + y**2", bounds=[[0, 4], [-1, 1]], start=(3.5, 0.5), noise=0.5, batch=4
    )
    assert surface.bounds == ((0.0, 4.0), (-1.0, 1.0))
    np.testing.assert_array_equal(surface.start, [3.5, 0.5])
    xy = np.array([[2.0, 0.0]])
    expected = surface.grad(xy) + 0.25 * np.random.default_rng((1, 0)).standard_normal((1, 2))
    np.testing.assert_allclose(surface.stochastic_grad(xy, 0, 1), expected)


def test_log_contours_are_chosen_for_steep_walls_around_a_flat_floor():
    rosenbrock = surfaces.get("rosenbrock")
    typed = surfaces.from_expression(TYPED["rosenbrock"], bounds=rosenbrock.bounds)
    assert typed.log_contour is True
    assert surfaces.from_expression("x**2 + y**2").log_contour is False
    assert surfaces.from_expression("x*y").log_contour is False


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"bounds": ((1, -1), (0, 1))}, r"bounds must be \(\(xmin, xmax\), \(ymin, ymax\)\)"),
        (
            {"bounds": ((0, float("nan")), (0, 1))},
            r"^custom surface: bounds must be .*; got \(\(0, nan\), \(0, 1\)\)$",
        ),
        ({"bounds": ((0, 1),)}, r"bounds must be"),
        ({"bounds": "wide"}, r"^custom surface: bounds must be .*; got 'wide'$"),
        (
            {"start": (5.0, 0.0)},
            r"^custom surface: start must be a point \(x, y\) inside bounds .*; got \(5.0, 0.0\)$",
        ),
        ({"start": (0.0,)}, r"start must be a point"),
        ({"start": "here"}, r"start must be a point"),
        ({"noise": -1.0}, r"^custom surface: noise must be a finite float in \[0, 10\]; got -1.0$"),
        ({"batch": 0}, r"^custom surface: batch must be an integer in \[1, 1024\]; got 0$"),
    ],
)
def test_bad_choices_are_value_errors_naming_the_parameter(kwargs, message):
    with pytest.raises(ValueError, match=message):
        surfaces.from_expression("x**2 + y**2", **kwargs)


@pytest.mark.parametrize(
    ("text", "bounds", "message"),
    [
        ("log(x) + y", None, r"not finite at \(x=-3, y=-3\), inside the plot bounds"),
        ("1/x + y", None, r"not finite at \(x=0, y=-3\)"),
        ("sqrt(x*y)", None, r"not finite"),
        ("exp(exp(x + y))", ((-4, 4), (-4, 4)), r"not finite at \(x=4, y=2.625\)"),
        ("x**100 + y", ((-1e4, 1e4), (-1, 1)), r"not finite at \(x=-1e\+04, y=-1\)"),
    ],
)
def test_formulas_not_finite_over_the_bounds_are_refused(text, bounds, message):
    with pytest.raises(ExpressionError, match=message) as caught:
        surfaces.from_expression(text, bounds=bounds)
    assert caught.value.position is None


def test_the_same_formula_is_fine_where_it_is_defined():
    surface = surfaces.from_expression("log(x) + y", bounds=((0.5, 3), (-1, 1)), start=(2, 0))
    np.testing.assert_allclose(surface.grad(np.array([[2.0, 0.0]])), [[0.5, 1.0]])


def test_the_start_point_must_be_finite_too():
    with pytest.raises(ExpressionError, match=r"not finite at the start point \(0.0, 0.0\)"):
        # The grid over these bounds misses the origin; the start point does not.
        surfaces.from_expression("1/(x**2 + y**2)", bounds=((-1, 1.1), (-1, 1.1)), start=(0, 0))


@pytest.mark.parametrize("text", ["3", "pi*e", "x - x", "0*y + 1"])
def test_a_constant_surface_is_refused(text):
    with pytest.raises(ExpressionError, match="does not depend on x or y"):
        surfaces.from_expression(text)


def test_a_surface_flat_over_its_bounds_is_refused():
    # SymPy does not see that sin^2 + cos^2 = 1; the grid does.
    with pytest.raises(ExpressionError, match=r"flat over the plot bounds \(f = 1 everywhere\)"):
        surfaces.from_expression("sin(y)**2 + cos(y)**2")


def test_formulas_of_one_variable_are_allowed():
    surface = surfaces.from_expression("(x - 1)**2")
    np.testing.assert_array_equal(surface.grad(np.array([[0.0, 5.0]])), [[-2.0, 0.0]])


def test_custom_surfaces_pickle_and_drive_the_same_functions():
    surface = surfaces.from_expression("x**2*sin(y)", noise=0.2)
    copy = pickle.loads(pickle.dumps(surface))
    xy = np.array([[0.5, 1.0], [-1.0, 2.0]])
    np.testing.assert_array_equal(copy.hessian(xy), surface.hessian(xy))
    np.testing.assert_array_equal(copy.stochastic_grad(xy, 1, 2), surface.stochastic_grad(xy, 1, 2))


def test_deeply_nested_functions_differentiate_without_stalling():
    # Sixteen nested calls around sqrt: before the Real markers SymPy stalled for minutes.
    text = (
        "sin(exp(cos(tanh(sqrt(1+sin(exp(cos(tanh(sqrt(1+sin(exp(cos(tanh(sqrt(1+x*y)))))))))))))))"
    )
    surface = surfaces.from_expression(text, bounds=((0, 1), (0, 1)))
    xy = np.random.default_rng(5).uniform(0.05, 0.95, size=(30, 2))
    numeric.assert_close(surface.grad(xy), numeric.gradient(surface.value, xy, 1e-3), rel=1e-8)
    numeric.assert_close(surface.hessian(xy), numeric.hessian(surface.grad, xy, 1e-3), rel=1e-7)
