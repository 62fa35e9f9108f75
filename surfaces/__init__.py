"""Test surfaces for the optimizer lab: exact value, gradient and Hessian, vectorized over
points (N, 2), with optional seeded gradient noise; plus safe formulas typed by a teacher.

    surfaces.names()                       -> ["rosenbrock", "saddle", ...]
    surfaces.get("rosenbrock", b=10)       -> Surface
    surfaces.from_expression("x**2 + 3*y**2", bounds=((-2, 2), (-2, 2)))
"""

from formulas import ExpressionError
from surfaces.custom import from_expression
from surfaces.params import ParamSpec
from surfaces.registry import get, names
from surfaces.surface import Surface

__all__ = ["ExpressionError", "ParamSpec", "Surface", "from_expression", "get", "names"]
