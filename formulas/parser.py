"""Safe formulas typed by a user, such as "(1-x)**2 + 100*(y-x**2)**2" or "0.95**t".

The text is never evaluated. Python's `ast` parses it; a walk over the tree accepts only
numbers, the given variables, `pi`, `e`, + - * / // **, unary + and -, and the functions in
FUNCTIONS, and builds the SymPy expression node by node. Before SymPy sees a constant
subexpression, its value is computed in floating point and bounded; the degree of powers and
the size the derivatives will have are estimated from the tree. So `9**9**9**9`,
`(x+1)**100000` or a product of fifty factors are refused at once instead of being computed.

Anything else raises ExpressionError, whose message names what is wrong and the offending
token with its column (1-based); `.position` holds the 0-based offset.
"""

from __future__ import annotations

import ast
import functools
import math
import operator
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sympy as sp
from sympy.printing.precedence import precedence

MAX_LENGTH = 300
# Nesting of operators and calls; a chain of + and - (or of * and /) counts as one level,
# as SymPy flattens it.
MAX_DEPTH = 20
MAX_NODES = 200
# Largest exponent of a constant power: SymPy computes such powers exactly.
MAX_EXPONENT = 1000
# Bound on polynomial growth: x**100 passes, (x+1)**101 and (x**11)**10 do not.
MAX_DEGREE = 100
# Nested powers whose exponent holds a variable (x**y**x is 2): their derivatives grow fast.
MAX_TOWER = 3
# Every nonzero constant subexpression must lie in [1/MAX_MAGNITUDE, MAX_MAGNITUDE].
MAX_MAGNITUDE = 1e100
# Estimated size of a second derivative: products of many factors make the Hessian grow
# like the cube of their number, and SymPy takes seconds to build and compile it.
MAX_SIZE = 4000


class ExpressionError(ValueError):
    """A formula was refused. `position`: 0-based column of the offending token, or None
    when the problem is not one place (empty, undefined, not finite over the bounds);
    `token`: the offending text, or None."""

    def __init__(self, message: str, position: int | None = None, token: str | None = None):
        super().__init__(message)
        self.position = position
        self.token = token


@dataclass(frozen=True)
class _Function:
    symbolic: Callable[..., sp.Expr]
    numeric: Callable[..., float]  # to fold constant arguments
    arity: int | None  # None: two or more arguments
    bounded: bool  # output bounded whatever the input (no growth)


_SIN = _Function(sp.sin, math.sin, 1, True)
_COS = _Function(sp.cos, math.cos, 1, True)
_ARCSIN = _Function(sp.asin, math.asin, 1, True)
_ARCCOS = _Function(sp.acos, math.acos, 1, True)
_ARCTAN = _Function(sp.atan, math.atan, 1, True)

FUNCTIONS: dict[str, _Function] = {
    "sin": _SIN,
    "cos": _COS,
    "tan": _Function(sp.tan, math.tan, 1, False),
    "arcsin": _ARCSIN,
    "asin": _ARCSIN,
    "arccos": _ARCCOS,
    "acos": _ARCCOS,
    "arctan": _ARCTAN,
    "atan": _ARCTAN,
    "sinh": _Function(sp.sinh, math.sinh, 1, False),
    "cosh": _Function(sp.cosh, math.cosh, 1, False),
    "tanh": _Function(sp.tanh, math.tanh, 1, True),
    "exp": _Function(sp.exp, math.exp, 1, False),
    "log": _Function(sp.log, math.log, 1, False),
    "sqrt": _Function(sp.sqrt, math.sqrt, 1, False),
    "abs": _Function(sp.Abs, abs, 1, False),
    "floor": _Function(sp.floor, math.floor, 1, False),
    "min": _Function(sp.Min, min, None, False),
    "max": _Function(sp.Max, max, None, False),
}

CONSTANTS: dict[str, tuple[sp.Expr, float]] = {"pi": (sp.pi, math.pi), "e": (sp.E, math.e)}

_BINARY: dict[type, tuple[str, Callable, Callable]] = {
    ast.Add: ("+", operator.add, operator.add),
    ast.Sub: ("-", operator.sub, operator.sub),
    ast.Mult: ("*", operator.mul, operator.mul),
    ast.Div: ("/", operator.truediv, operator.truediv),
    ast.FloorDiv: ("//", lambda a, b: sp.floor(a / b), lambda a, b: float(math.floor(a / b))),
    ast.Pow: ("**", operator.pow, math.pow),
}
_SAME_LEVEL = ({ast.Add, ast.Sub}, {ast.Mult, ast.Div})
_OTHER_OPERATORS = {
    ast.Mod: "%",
    ast.MatMult: "@",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitAnd: "&",
}
_REFUSED_NODES: dict[type, str] = {
    ast.Attribute: "attribute access is not allowed",
    ast.Subscript: "indexing is not allowed",
    ast.Slice: "slices are not allowed",
    ast.Lambda: "lambda is not allowed",
    ast.ListComp: "comprehensions are not allowed",
    ast.SetComp: "comprehensions are not allowed",
    ast.DictComp: "comprehensions are not allowed",
    ast.GeneratorExp: "comprehensions are not allowed",
    ast.NamedExpr: "assignment (:=) is not allowed",
    ast.JoinedStr: "f-strings are not allowed",
    ast.FormattedValue: "f-strings are not allowed",
    ast.Compare: "comparisons are not allowed",
    ast.BoolOp: "'and' / 'or' are not allowed",
    ast.IfExp: "conditional expressions are not allowed",
    ast.Tuple: "tuples are not allowed",
    ast.List: "lists are not allowed",
    ast.Set: "sets are not allowed",
    ast.Dict: "dicts are not allowed",
    ast.Starred: "unpacking (*) is not allowed",
    ast.Await: "await is not allowed",
    ast.Yield: "yield is not allowed",
    ast.YieldFrom: "yield is not allowed",
}
# Characters people paste from documents, and what to type instead.
_HINTS = {
    "π": "pi",
    "²": "**2",
    "³": "**3",
    "−": "-",
    "×": "*",
    "·": "*",
    "÷": "/",
    "√": "sqrt(...)",
}


_TOKEN = re.compile(r"[A-Za-z_0-9.]+")


# Size of a tree of f, f' and f'' (one partial derivative, no shared subtrees).
Size = tuple[float, float, float]
_CONSTANT_SIZE: Size = (1.0, 0.0, 0.0)


def _sum_size(a: Size, b: Size) -> Size:
    return (a[0] + b[0] + 1, a[1] + b[1] + 1, a[2] + b[2] + 1)


def _product_size(a: Size, b: Size) -> Size:
    """(ab)' = a'b + ab',  (ab)'' = a''b + 2a'b' + ab''."""
    return (
        a[0] + b[0] + 1,
        a[1] + b[0] + a[0] + b[1] + 3,
        a[2] + b[0] + 2 * (a[1] + b[1]) + a[0] + b[2] + 5,
    )


def _composed_size(u: Size) -> Size:
    """f(u)' = f'(u) u',  f(u)'' = f''(u) u'^2 + f'(u) u''."""
    return (u[0] + 1, u[0] + u[1] + 2, 2 * u[0] + 2 * u[1] + u[2] + 4)


def _extremum_size(args: list[Size]) -> Size:
    """max(a_1..a_k)' = sum_i H(a_i - max(others)) a_i': each term repeats all arguments."""
    k = len(args)
    total = [sum(arg[i] for arg in args) for i in range(3)]
    return (total[0] + k, k * total[0] + total[1] + 2 * k, 2 * k * (total[0] + total[1]) + total[2])


@dataclass(frozen=True)
class _Built:
    """A checked subtree: its SymPy form, its float value if constant, a bound on its
    polynomial degree, its tower height and the estimated size of its derivatives
    (see MAX_DEGREE, MAX_TOWER, MAX_SIZE)."""

    expr: sp.Expr
    constant: float | None
    degree: float
    tower: int
    size: Size = _CONSTANT_SIZE


def symbol(name: str) -> sp.Symbol:
    """The SymPy symbol `parse` uses for a variable (real, so |x|' = sign(x))."""
    return sp.Symbol(name, real=True)


class Real(sp.Function):
    """Declares its argument real; derivative 1; prints as the argument itself.

    SymPy cannot tell that sqrt(u), log(u), 1/u or u**y are real, and decides it for the
    function around them by splitting into real and imaginary parts, recursively: a dozen
    such levels deep that takes minutes. Where they are not real NumPy gives nan, which
    the plot check refuses and a run reports as divergence, so the declaration is safe.
    """

    nargs = 1
    is_extended_real = True

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return sp.S.One

    @property
    def precedence(self) -> int:
        return precedence(self.args[0])

    def _print_argument(self, printer) -> str:
        return printer._print(self.args[0])

    _sympystr = _numpycode = _print_argument

    def _latex(self, printer, exp: str | None = None) -> str:
        # The LaTeX printer hands a function its power, to write sin^2(x) style.
        inner = printer._print(self.args[0])
        return inner if exp is None else rf"\left({inner}\right)^{{{exp}}}"


def _shorten(token: str) -> str:
    return token if len(token) <= 30 else token[:27] + "..."


def _error(what: str, position: int | None, token: str | None) -> ExpressionError:
    where = "" if position is None else f" at column {position + 1}"
    shown = "" if token is None else f": '{_shorten(token)}'"
    return ExpressionError(f"{what}{shown}{where}", position, token)


def _check_characters(text: str) -> None:
    for column, char in enumerate(text):
        if " " <= char <= "~" or char == "\t":
            continue
        if char in "\n\r":
            raise ExpressionError(
                f"line breaks are not allowed (column {column + 1}); write the formula on one line",
                column,
                char,
            )
        name = unicodedata.name(char, "unnamed")
        hint = f"; write {_HINTS[char]}" if char in _HINTS else "; use plain ASCII"
        raise ExpressionError(
            f"character {char!r} (U+{ord(char):04X} {name}) at column {column + 1} "
            f"is not allowed{hint}",
            column,
            char,
        )


class _Builder:
    """Checks and converts the tree of `text`, which starts at column `shift` of the
    user's input (leading blanks removed, since `ast` refuses them)."""

    def __init__(self, text: str, variables: tuple[str, ...], shift: int):
        self.text = text
        self.variables = variables
        self.shift = shift

    def error(self, what: str, position: int, token: str | None) -> ExpressionError:
        return _error(what, position + self.shift, token)

    def fail(self, what: str, node: ast.AST, token: str | None = None) -> ExpressionError:
        segment = ast.get_source_segment(self.text, node) if token is None else token
        return self.error(what, node.col_offset, segment)

    def build(self, node: ast.expr, depth: int) -> _Built:
        if depth > MAX_DEPTH:
            raise self.fail(f"the formula is nested too deeply (limit {MAX_DEPTH} levels)", node)
        if isinstance(node, ast.Constant):
            return self.constant(node)
        if isinstance(node, ast.Name):
            return self.name(node)
        if isinstance(node, ast.BinOp):
            return self.binary(node, depth)
        if isinstance(node, ast.UnaryOp):
            return self.unary(node, depth)
        if isinstance(node, ast.Call):
            return self.call(node, depth)
        if isinstance(node, ast.Attribute):
            start = node.end_col_offset - len(node.attr) - 1
            raise self.error(_REFUSED_NODES[ast.Attribute], start, "." + node.attr)
        what = _REFUSED_NODES.get(type(node), f"'{type(node).__name__}' is not allowed")
        raise self.fail(what, node)

    def checked_constant(self, value: float, expr: sp.Expr, node: ast.AST) -> _Built:
        if isinstance(value, complex) or not math.isfinite(value):
            raise self.fail("this is not a finite real number", node)
        if value != 0.0 and not 1.0 / MAX_MAGNITUDE <= abs(value) <= MAX_MAGNITUDE:
            raise self.fail(
                f"constant {value:.3g} is out of range (nonzero constants need "
                f"{1 / MAX_MAGNITUDE:g} <= |c| <= {MAX_MAGNITUDE:g})",
                node,
            )
        return _Built(expr, float(value), 0.0, 0)

    def constant(self, node: ast.Constant) -> _Built:
        value = node.value
        if isinstance(value, bool) or value is None or value is Ellipsis:
            raise self.fail("this is not a number", node)
        if isinstance(value, str | bytes):
            raise self.fail("strings are not allowed", node)
        if isinstance(value, complex):
            raise self.fail("complex numbers are not allowed", node)
        try:
            number = float(value)
        except OverflowError:
            raise self.fail("number is too large", node) from None
        expr = sp.Integer(value) if isinstance(value, int) else sp.Float(value)
        return self.checked_constant(number, expr, node)

    def name(self, node: ast.Name) -> _Built:
        if node.id in self.variables:
            return _Built(symbol(node.id), None, 1.0, 0, (1.0, 1.0, 0.0))
        if node.id in CONSTANTS:
            expr, number = CONSTANTS[node.id]
            return _Built(expr, number, 0.0, 0)
        if node.id in FUNCTIONS:
            raise self.fail(f"function needs an argument, as in {node.id}(x)", node)
        allowed = ", ".join((*self.variables, *CONSTANTS))
        raise self.fail(f"unknown name (allowed: {allowed} and functions)", node)

    def operator_position(self, node: ast.BinOp, symbol_text: str) -> int:
        gap = self.text[node.left.end_col_offset : node.right.col_offset]
        found = gap.find(symbol_text)
        return node.left.end_col_offset + max(found, 0)

    def binary(self, node: ast.BinOp, depth: int) -> _Built:
        kind = type(node.op)
        if kind is ast.BitXor:
            where = self.operator_position(node, "^")
            raise self.error("'^' is not a power here; write x**2 for x squared", where, "^")
        if kind not in _BINARY:
            text = _OTHER_OPERATORS.get(kind, kind.__name__)
            raise self.error("operator is not allowed", self.operator_position(node, text), text)
        text, symbolic, numeric = _BINARY[kind]

        def child_depth(child: ast.expr) -> int:
            flat = isinstance(child, ast.BinOp) and any(
                kind in group and type(child.op) in group for group in _SAME_LEVEL
            )
            return depth if flat else depth + 1

        left = self.build(node.left, child_depth(node.left))
        right = self.build(node.right, child_depth(node.right))
        if kind is ast.Pow:
            return self.power(node, left, right)
        if kind in (ast.Div, ast.FloorDiv) and right.constant == 0.0:
            raise self.error("division by zero", self.operator_position(node, text), text)
        if left.constant is not None and right.constant is not None:
            try:
                number = numeric(left.constant, right.constant)
            except (OverflowError, ValueError, ZeroDivisionError):
                raise self.fail("this is not a finite real number", node) from None
            return self.checked_constant(number, symbolic(left.expr, right.expr), node)
        tower = max(left.tower, right.tower)
        expr = symbolic(left.expr, right.expr)
        if kind in (ast.Add, ast.Sub):
            size = _sum_size(left.size, right.size)
            return self.grown(node, expr, max(left.degree, right.degree), tower, size)
        if kind is ast.Mult:
            size = _product_size(left.size, right.size)
        else:
            size = _product_size(left.size, _composed_size(right.size))
        return self.grown(node, expr, left.degree + right.degree, tower, size)

    def power(self, node: ast.BinOp, base: _Built, exponent: _Built) -> _Built:
        if exponent.constant is not None and abs(exponent.constant) > MAX_EXPONENT:
            raise self.fail(f"exponent is too large (limit |p| <= {MAX_EXPONENT})", node.right)
        if base.constant is not None and exponent.constant is not None:
            if base.constant == 0.0 and exponent.constant < 0.0:
                raise self.fail("zero to a negative power is undefined", node)
            try:
                number = math.pow(base.constant, exponent.constant)
            except OverflowError:
                raise self.fail("the power is too large", node) from None
            except ValueError:
                raise self.fail("this power is not a real number", node) from None
            return self.checked_constant(number, base.expr**exponent.expr, node)
        expr = base.expr**exponent.expr
        if exponent.constant is not None:
            degree = base.degree * abs(exponent.constant)
            return self.grown(node, expr, degree, base.tower, _composed_size(base.size))
        tower = 1 + max(base.tower, exponent.tower)
        if tower > MAX_TOWER:
            raise self.fail(
                f"too many nested powers with a variable exponent (limit {MAX_TOWER})", node
            )
        # a**b = exp(b log a)
        size = _composed_size(_product_size(exponent.size, _composed_size(base.size)))
        return self.grown(node, expr, base.degree + exponent.degree, tower, size)

    def grown(self, node: ast.AST, expr: sp.Expr, degree: float, tower: int, size: Size) -> _Built:
        if degree > MAX_DEGREE:
            raise self.fail(
                f"the formula grows like a polynomial of degree {degree:g} (limit {MAX_DEGREE})",
                node,
            )
        if size[2] > MAX_SIZE:
            raise self.fail(
                "the formula is too complex to differentiate quickly (its second derivative "
                f"would have about {size[2]:.0f} terms, the limit is {MAX_SIZE}); simplify it",
                node,
            )
        real = expr if expr.is_extended_real else Real(expr)
        return _Built(real, None, degree, tower, size)

    def unary(self, node: ast.UnaryOp, depth: int) -> _Built:
        if not isinstance(node.op, ast.USub | ast.UAdd):
            token = {ast.Not: "not", ast.Invert: "~"}.get(type(node.op), "?")
            raise self.error("operator is not allowed", node.col_offset, token)
        operand = self.build(node.operand, depth + 1)
        if isinstance(node.op, ast.UAdd):
            return operand
        if operand.constant is not None:
            return _Built(-operand.expr, -operand.constant, 0.0, 0)
        return _Built(-operand.expr, None, operand.degree, operand.tower, operand.size)

    def call(self, node: ast.Call, depth: int) -> _Built:
        if not isinstance(node.func, ast.Name):
            # The callee itself is what is wrong: report it (attribute, lambda, ...).
            self.build(node.func, depth + 1)
            raise self.fail("only the listed functions can be called", node.func)
        name = node.func.id
        if name not in FUNCTIONS:
            if name in self.variables or name in CONSTANTS:
                raise self.fail(f"'{name}' is not a function; write {name}*(...)", node.func)
            raise self.fail(f"unknown function (allowed: {', '.join(FUNCTIONS)})", node.func, name)
        if node.keywords:
            keyword = node.keywords[0]
            raise self.error(
                "keyword arguments are not allowed",
                keyword.col_offset,
                ast.get_source_segment(self.text, keyword),
            )
        function = FUNCTIONS[name]
        count = len(node.args)
        if function.arity is None and count < 2:
            raise self.fail(f"{name} takes two or more arguments, got {count}", node)
        if function.arity is not None and count != function.arity:
            raise self.fail(f"{name} takes {function.arity} argument, got {count}", node)
        args = [self.build(arg, depth + 1) for arg in node.args]
        if all(arg.constant is not None for arg in args):
            try:
                number = float(function.numeric(*(arg.constant for arg in args)))
            except OverflowError:
                raise self.fail("the value is too large", node) from None
            except ValueError:
                raise self.fail(f"{name} is not defined there", node) from None
            return self.checked_constant(number, function.symbolic(*(a.expr for a in args)), node)
        expr = function.symbolic(*(arg.expr for arg in args))
        degree = 0.0 if function.bounded else max(arg.degree for arg in args)
        tower = max(arg.tower for arg in args)
        sizes = [arg.size for arg in args]
        size = _composed_size(sizes[0]) if len(sizes) == 1 else _extremum_size(sizes)
        return self.grown(node, expr, degree, tower, size)


def check_variables(variables: Sequence[str]) -> tuple[str, ...]:
    names = tuple(variables)
    for name in names:
        if not isinstance(name, str) or not name.isidentifier() or not name.isascii():
            raise ValueError(f"variables must be ASCII identifiers, got {name!r}")
        if name in FUNCTIONS or name in CONSTANTS:
            raise ValueError(f"variables must not shadow a function or constant, got {name!r}")
    if len(set(names)) != len(names):
        raise ValueError(f"variables must be distinct, got {names!r}")
    return names


def _syntax_error(exc: SyntaxError, text: str, shift: int) -> ExpressionError:
    offset = (exc.offset or 0) - 1 + shift
    if not shift <= offset < len(text.rstrip()):
        # Python reports offset 0 when the formula stops in the middle, as in "x +".
        return ExpressionError(
            f"syntax error ({exc.msg}): the formula ends too early", len(text), None
        )
    token = _TOKEN.match(text, offset)
    return _error(f"syntax error ({exc.msg})", offset, token.group() if token else text[offset])


@functools.lru_cache(maxsize=256)
def _parse(text: str, variables: tuple[str, ...]) -> sp.Expr:
    _check_characters(text)
    shift = len(text) - len(text.lstrip())
    try:
        tree = ast.parse(text[shift:], mode="eval")
    except SyntaxError as exc:
        raise _syntax_error(exc, text, shift) from None
    except (ValueError, RecursionError, MemoryError):
        raise ExpressionError("the formula could not be parsed", None, None) from None
    nodes = sum(isinstance(node, ast.expr) for node in ast.walk(tree))
    if nodes > MAX_NODES:
        raise ExpressionError(
            f"the formula has too many parts: {nodes}, the limit is {MAX_NODES}", None, None
        )
    try:
        expr = _Builder(text[shift:], variables, shift).build(tree.body, 0).expr
    except ExpressionError:
        raise
    except Exception as exc:
        # The limits keep SymPy's work small, but user text is a trust boundary: whatever
        # SymPy trips over must reach the page as a refusal, not a traceback.
        raise ExpressionError(
            f"the formula could not be built ({type(exc).__name__}); simplify it", None, None
        ) from exc
    if expr.has(sp.zoo, sp.oo, -sp.oo, sp.nan, sp.I):
        raise ExpressionError(
            f"the formula is undefined or not real (it simplifies to {_shorten(str(expr))})",
            None,
            None,
        )
    return expr


def parse(text: str, variables: Sequence[str] = ("x", "y")) -> sp.Expr:
    """The SymPy expression for `text`, a formula in `variables` (names of real symbols).

    Subexpressions SymPy cannot prove real (sqrt(u), log(u), 1/u, ...) come wrapped in
    `Real(...)`, which prints as its argument; `expr.replace(Real, lambda u: u)` drops it.
    Raises ExpressionError for anything outside the whitelist or the limits above.
    """
    if not isinstance(text, str):
        raise ExpressionError(f"the formula must be text, got {type(text).__name__}", None, None)
    if not text.strip():
        raise ExpressionError("the formula is empty", None, None)
    if len(text) > MAX_LENGTH:
        raise ExpressionError(
            f"the formula is too long: {len(text)} characters, the limit is {MAX_LENGTH}",
            MAX_LENGTH,
            None,
        )
    return _parse(text, check_variables(variables))
