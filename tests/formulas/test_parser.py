"""Valid formulas: the parser's SymPy expression, Python's precedence rules, and compiled
functions that match hand-written NumPy, for any variable names (schedules use `t`)."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
import sympy as sp

from formulas import Real, compile_function, symbol
from formulas import parse as parse_wrapped
from surfaces import ExpressionError

x, y, t = symbol("x"), symbol("y"), symbol("t")


def parse(text: str, variables=("x", "y")) -> sp.Expr:
    """The parsed expression without the Real(...) markers, to compare with plain SymPy."""
    return parse_wrapped(text, variables).replace(Real, lambda argument: argument)


rng = np.random.default_rng(0)
X = rng.uniform(0.1, 2.0, 50)
Y = rng.uniform(-2.0, 2.0, 50)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(1-x)**2 + 100*(y-x**2)**2", (1 - x) ** 2 + 100 * (y - x**2) ** 2),
        ("-x**2", -(x**2)),  # ** binds tighter than unary minus, as in Python
        ("x**2**3", x**8),  # right-associative
        ("2**-1*x", x / 2),
        ("x/2/y", x / (2 * y)),
        ("pi*e*x", sp.pi * sp.E * x),
        ("sqrt(x**2)", sp.Abs(x)),  # real symbols
        ("  x + y  ", x + y),  # surrounding blanks are fine
        ("x // 2", sp.floor(x / 2)),
        ("+x - -y", x + y),
        ("1_000*x", 1000 * x),
        ("0x10*x", 16 * x),
        ("atan(y) + arctan(x)", sp.atan(y) + sp.atan(x)),
    ],
)
def test_parse_builds_the_expected_sympy_expression(text, expected):
    assert sp.simplify(parse(text) - expected) == 0


def test_float_literals_keep_their_float_value():
    expr = parse("0.1*x + 2.5")
    assert expr.subs(x, 1.0) == pytest.approx(2.6, abs=1e-15)
    assert parse("1e-3*x") == sp.Float(1e-3) * x


CASES = [
    ("sin(x)*cos(y)", lambda a, b: np.sin(a) * np.cos(b)),
    ("exp(-(x**2 + y**2))", lambda a, b: np.exp(-(a**2 + b**2))),
    ("sqrt(x**2 + y**2 + 1)", lambda a, b: np.sqrt(a**2 + b**2 + 1)),
    ("abs(x) + abs(y)", lambda a, b: np.abs(a) + np.abs(b)),
    ("log(1 + x**2) - log(x)", lambda a, b: np.log(1 + a**2) - np.log(a)),
    ("tanh(x)*arctan(y) + sinh(y)/cosh(x)",
     lambda a, b: np.tanh(a) * np.arctan(b) + np.sinh(b) / np.cosh(a)),
    ("tan(x/3) + arcsin(y/3) + acos(y/4)",
     lambda a, b: np.tan(a / 3) + np.arcsin(b / 3) + np.arccos(b / 4)),
    ("floor(x) + y//1", lambda a, b: np.floor(a) + np.floor(b)),
    ("min(x, y) + max(x, y, 0)", lambda a, b: np.minimum(a, b) + np.maximum(np.maximum(a, b), 0)),
    ("2**x * x**y", lambda a, b: 2.0**a * a**b),
    ("x**-1 + 3/y", lambda a, b: 1 / a + 3 / b),
]  # fmt: skip


@pytest.mark.parametrize(("text", "reference"), CASES, ids=[text for text, _ in CASES])
def test_compiled_functions_match_hand_written_numpy(text, reference):
    f = compile_function(text)
    np.testing.assert_allclose(f(X, Y), reference(X, Y), rtol=1e-12, atol=1e-12)


def test_variables_are_generic_as_schedules_need():
    steps = np.arange(100.0)
    np.testing.assert_allclose(compile_function("0.95**t", ("t",))(steps), 0.95**steps)
    warmup = compile_function("min(1, (t + 1)/10)", ("t",))(steps)
    np.testing.assert_allclose(warmup, np.minimum(1.0, (steps + 1) / 10))
    # torch's LambdaLR example: lambda epoch: epoch // 30
    np.testing.assert_array_equal(compile_function("t // 30", ("t",))(steps), steps // 30)
    assert parse("t**2", ("t",)) == t**2


def test_names_outside_the_variables_are_refused():
    with pytest.raises(
        ExpressionError, match=r"unknown name \(allowed: t, pi, e and functions\): 'x'"
    ):
        parse("x*t", ("t",))


def test_constants_broadcast_to_the_shape_of_the_input():
    f = compile_function("pi", ("t",))
    result = f(np.arange(4))
    assert result.shape == (4,) and result.dtype == np.float64
    np.testing.assert_array_equal(result, np.full(4, np.pi))
    assert compile_function("x + 0*y + 1")(np.zeros(3), np.zeros(3)).shape == (3,)
    assert compile_function("x*y")(np.ones((2, 1)), np.ones(5)).shape == (2, 5)


def test_integer_inputs_are_evaluated_as_floats():
    np.testing.assert_allclose(
        compile_function("x**-1 + y", ("x", "y"))(np.array([1, 2]), 1), [2, 1.5]
    )


def test_undefined_points_give_nan_or_inf_without_warnings():
    values = compile_function("log(x) + sqrt(y)")(
        np.array([-1.0, 0.0, 1.0]), np.array([1.0, 1.0, -1.0])
    )
    assert np.isnan(values[0]) and values[1] == -np.inf and np.isnan(values[2])


def test_compiled_functions_pickle_and_show_their_formula():
    f = compile_function("x*exp(y)")
    copy = pickle.loads(pickle.dumps(f))
    np.testing.assert_array_equal(copy(X, Y), f(X, Y))
    assert repr(copy) == "CompiledFunction('x*exp(y)', ('x', 'y'))"


def test_calling_with_the_wrong_number_of_arrays_is_an_error():
    with pytest.raises(ValueError, match=r"expected 2 arrays \(x, y\), got 1"):
        compile_function("x + y")(X)


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        (("sin",), r"must not shadow a function or constant, got 'sin'"),
        (("pi",), r"must not shadow a function or constant, got 'pi'"),
        (("x", "x"), r"must be distinct"),
        (("1a",), r"must be ASCII identifiers, got '1a'"),
        ((3,), r"must be ASCII identifiers, got 3"),
    ],
)
def test_variable_names_are_checked(variables, message):
    with pytest.raises(ValueError, match=message):
        parse("1", variables)


def test_real_markers_keep_deep_nesting_fast_and_print_as_their_argument():
    # Without the markers SymPy spends minutes deciding whether this is real.
    text = "cosh(arctan(floor(tanh(sinh(cosh(sqrt(1+tan(sqrt(sqrt(1+log(2+log(2+x**2-y))))))))))))"
    assert parse_wrapped(text).has(Real)
    a, b = 0.7, 0.3
    inner = np.sqrt(np.sqrt(1 + np.log(2 + np.log(2 + a**2 - b))))
    value = np.cosh(np.arctan(np.floor(np.tanh(np.sinh(np.cosh(np.sqrt(1 + np.tan(inner))))))))
    assert compile_function(text)(a, b) == pytest.approx(value, rel=1e-14)
    assert sp.latex(parse_wrapped("sqrt(x)**y")) == r"\left(\sqrt{x}\right)^{y}"
    assert sp.diff(Real(x**2), x) == 2 * x


def test_expression_error_is_a_value_error_with_position_and_token():
    with pytest.raises(ExpressionError) as caught:
        parse("x + foo(y)")
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.position, error.token) == (4, "foo")
    assert str(error).startswith("unknown function (allowed: sin, cos,")
    assert str(error).endswith(": 'foo' at column 5")


def test_limits_allow_ordinary_formulas_at_their_edge():
    assert parse("x**100") == x**100
    assert parse("x**y**x") == x ** (y**x)
    assert parse("(" * 100 + "x" + ")" * 100) == x  # parentheses alone add no nesting
    long_sum = "+".join(["x"] * 100)  # 199 nodes: just under the limit of 200
    assert parse(long_sum) == 100 * x
    assert parse("1e-100*x + 1e100*y") == sp.Float(1e-100) * x + sp.Float(1e100) * y
