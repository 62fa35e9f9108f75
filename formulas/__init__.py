"""The safe formula parser: text typed by a user (a surface f(x, y), a LambdaLR multiplier in t)
becomes a SymPy expression and a vectorized NumPy function, never evaluated as Python.

    formulas.parse("(1-x)**2 + 100*(y-x**2)**2", ("x", "y"))   -> sympy expression
    formulas.compile_function("0.95**t", ("t",))(np.arange(5))  -> ndarray

Both raise ExpressionError (a ValueError) naming what is wrong and where.
"""

from formulas.numpy_code import CompiledFunction, compile_function, evaluate, lambdify
from formulas.parser import ExpressionError, Real, parse, symbol

__all__ = [
    "CompiledFunction",
    "ExpressionError",
    "Real",
    "compile_function",
    "evaluate",
    "lambdify",
    "parse",
    "symbol",
]
