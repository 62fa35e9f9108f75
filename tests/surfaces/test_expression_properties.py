"""Property tests over generated formulas: what the parser builds evaluates like the same
tree written in NumPy and differentiates correctly; arbitrary text either parses or raises
ExpressionError, never anything else."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import sympy as sp
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

import surfaces
from formulas import compile_function, parse
from surfaces import ExpressionError

from . import numeric_derivatives as numeric

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BOUNDS = ((-1.5, 1.5), (-1.5, 1.5))
rng = np.random.default_rng(11)
POINTS = rng.uniform(-1.4, 1.4, size=(40, 2))


@dataclass(frozen=True)
class Tree:
    """A formula as text and as the NumPy function it should equal; `degree` bounds growth."""

    text: str
    numpy: Callable[[np.ndarray, np.ndarray], np.ndarray]
    degree: int


X, Y = Tree("x", lambda x, y: x, 1), Tree("y", lambda x, y: y, 1)
LEAVES = st.sampled_from(
    [
        X,
        Y,
        X,
        Y,
        Tree("2", lambda x, y: np.full_like(x, 2.0), 0),
        Tree("0.5", lambda x, y: np.full_like(x, 0.5), 0),
        Tree("pi", lambda x, y: np.full_like(x, np.pi), 0),
    ]
)

FUNCTIONS = [
    ("sin({})", np.sin),
    ("cos({})", np.cos),
    ("tanh({})", np.tanh),
    ("arctan({})", np.arctan),
    ("exp(cos({}))", lambda u: np.exp(np.cos(u))),
    ("sqrt(1 + ({})**2)", lambda u: np.sqrt(1 + u**2)),
    ("log(2 + sin({}))", lambda u: np.log(2 + np.sin(u))),
]


def binary(op: str, a: Tree, b: Tree) -> Tree:
    if op == "+":
        return Tree(
            f"({a.text}) + ({b.text})",
            lambda x, y: a.numpy(x, y) + b.numpy(x, y),
            max(a.degree, b.degree),
        )
    if op == "-":
        return Tree(
            f"({a.text}) - ({b.text})",
            lambda x, y: a.numpy(x, y) - b.numpy(x, y),
            max(a.degree, b.degree),
        )
    if op == "*":
        return Tree(
            f"({a.text})*({b.text})",
            lambda x, y: a.numpy(x, y) * b.numpy(x, y),
            a.degree + b.degree,
        )
    # A denominator that never vanishes.
    return Tree(
        f"({a.text})/(1 + ({b.text})**2)",
        lambda x, y: a.numpy(x, y) / (1 + b.numpy(x, y) ** 2),
        a.degree + 2 * b.degree,
    )  # fmt: skip


def function(template: tuple[str, Callable], a: Tree) -> Tree:
    text, f = template
    return Tree(text.format(a.text), lambda x, y: f(a.numpy(x, y)), 0)


def power(a: Tree, exponent: int) -> Tree:
    return Tree(
        f"({a.text})**{exponent}", lambda x, y: a.numpy(x, y) ** exponent, a.degree * exponent
    )


def extend(children: st.SearchStrategy[Tree]) -> st.SearchStrategy[Tree]:
    return st.one_of(
        st.builds(binary, st.sampled_from("+-*/"), children, children),
        st.builds(function, st.sampled_from(FUNCTIONS), children),
        st.builds(power, children, st.sampled_from([2, 3])),
        children.map(lambda a: Tree(f"-({a.text})", lambda x, y: -a.numpy(x, y), a.degree)),
    )


TREES = st.recursive(LEAVES, extend, max_leaves=10).filter(lambda tree: tree.degree <= 12)
VARIABLE = re.compile(r"\b[xy]\b")


def reference(tree: Tree, xy: np.ndarray) -> np.ndarray:
    return np.asarray(tree.numpy(xy[:, 0], xy[:, 1]), dtype=np.float64)


@SETTINGS
@given(TREES)
def test_generated_formulas_evaluate_like_their_numpy_tree(tree):
    compiled = compile_function(tree.text)
    expected = reference(tree, POINTS)
    scale = max(1.0, np.abs(expected).max())
    np.testing.assert_allclose(
        compiled(POINTS[:, 0], POINTS[:, 1]), expected, rtol=1e-9, atol=1e-12 * scale
    )


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TREES)
def test_generated_formulas_differentiate_correctly(tree):
    if not VARIABLE.search(tree.text) or not parse(tree.text).free_symbols:
        reject()
    try:
        surface = surfaces.from_expression(tree.text, bounds=BOUNDS)
    except ExpressionError as error:
        assert "flat over the plot bounds" in str(error)
        reject()
    approx = numeric.gradient(lambda xy: reference(tree, xy), POINTS, 1e-3)
    numeric.assert_close(surface.grad(POINTS), approx, rel=1e-7)
    hessian = surface.hessian(POINTS)
    numeric.assert_close(hessian, numeric.hessian(surface.grad, POINTS, 1e-3), rel=1e-7)
    numeric.assert_close(hessian, np.swapaxes(hessian, 1, 2), rel=1e-12)


def parses_or_refuses(text: str) -> None:
    try:
        expr = parse(text)
    except ExpressionError as error:
        assert str(error)
        assert error.position is None or 0 <= error.position <= len(text)
        return
    assert isinstance(expr, sp.Expr)
    values = compile_function(text)(POINTS[:, 0], POINTS[:, 1])
    assert values.shape == (len(POINTS),) and values.dtype == np.float64


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40))
def test_arbitrary_text_parses_or_raises_expression_error(text):
    parses_or_refuses(text)


TOKENS = [
    "x", "y", "e", "pi", "1", "9", "0", "0.5", "1e9", "(", ")", "+", "-", "*", "/", "**", "//",
    "^", ",", ".", " ", "sin(", "exp(", "log(", "max(", "abs(", "__", "[", "]", "'", "=", ":",
    "lambda", "import", "j",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map("".join))
def test_token_soup_parses_or_raises_expression_error(text):
    parses_or_refuses(text)
