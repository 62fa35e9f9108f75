"""Parsed formulas as vectorized NumPy functions (code generated from the expression tree,
never from user text)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import sympy as sp

from formulas.parser import check_variables, parse, symbol


class _Step(sp.Function):
    """Heaviside's step as NumPy computes it, H(0) = 1/2. SymPy would print Heaviside as a
    Piecewise whose conditions it simplifies first, which takes seconds."""


def _numpy_step(argument: np.ndarray) -> np.ndarray:
    return np.heaviside(argument, 0.5)


def lambdify(exprs: Sequence[sp.Expr], variables: Sequence[str]) -> Callable[..., list]:
    """NumPy code for SymPy expressions built by `parse` (code is generated from the
    expression tree, never from user text)."""
    stepped = [expr.replace(sp.Heaviside, lambda arg, *_: _Step(arg)) for expr in exprs]
    return sp.lambdify(
        [symbol(name) for name in variables],
        stepped,
        modules=[{"_Step": _numpy_step}, "numpy"],
        cse=True,
    )


def evaluate(function: Callable[..., list], args: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Call a `lambdify` result on arrays: each output float64 with the inputs' broadcast
    shape (constants too); undefined points give nan or inf, without warnings."""
    arrays = [np.asarray(arg, dtype=np.float64) for arg in args]
    shape = np.broadcast_shapes(*(array.shape for array in arrays))
    with np.errstate(all="ignore"):
        outputs = function(*arrays)
        return [
            np.array(np.broadcast_to(np.asarray(out, dtype=np.float64), shape)) for out in outputs
        ]


class CompiledFunction:
    """A parsed formula as a vectorized NumPy function of its variables, in order."""

    def __init__(self, text: str, variables: Sequence[str] = ("x", "y")):
        self.text = text
        self.variables = check_variables(variables)
        self.expr = parse(text, self.variables)
        self._function = lambdify([self.expr], self.variables)

    def __call__(self, *args: np.ndarray) -> np.ndarray:
        if len(args) != len(self.variables):
            raise ValueError(
                f"expected {len(self.variables)} arrays ({', '.join(self.variables)}), "
                f"got {len(args)}"
            )
        return evaluate(self._function, args)[0]

    def __reduce__(self):
        return (CompiledFunction, (self.text, self.variables))

    def __repr__(self) -> str:
        return f"CompiledFunction({self.text!r}, {self.variables!r})"


def compile_function(text: str, variables: Sequence[str] = ("x", "y")) -> CompiledFunction:
    """`text` as a vectorized function: compile_function("0.95**t", ("t",))(np.arange(5)).
    Raises ExpressionError like `parse`."""
    return CompiledFunction(text, variables)
