"""Surfaces from a formula a teacher types: f(x, y) parsed safely (formulas),
differentiated symbolically for the gradient and Hessian, compiled to NumPy."""

from __future__ import annotations

import functools

import numpy as np
import sympy as sp

from constraints import invalid
from formulas import ExpressionError, evaluate, lambdify, parse, symbol
from surfaces import layout
from surfaces.params import BATCH, noise_spec, resolve
from surfaces.surface import Bounds, Surface

OWNER = "custom surface"  # how messages name it
DEFAULT_BOUNDS: Bounds = ((-3.0, 3.0), (-3.0, 3.0))
# Grid on which the formula must be finite, and from which the contour scale is chosen.
GRID_SIZE = 65
_VARIABLES = ("x", "y")


def _is_floor_derivative(expr: sp.Expr) -> bool:
    return isinstance(expr, sp.Derivative) and isinstance(expr.expr, sp.floor)


def _almost_everywhere(derivative: sp.Expr) -> sp.Expr:
    """Kinks and steps (abs, min, max, floor) differentiate to Dirac deltas and unevaluated
    derivatives of floor; away from the kink, which is all a gradient step ever sees,
    these are 0."""
    # The chain rule wraps floor's derivative in Subs(d floor(u)/du, u, ...): replace the
    # whole Subs, top-down, since SymPy fails to sort products holding two Subs(0, ...).
    zero = {
        node: sp.S.Zero
        for node in derivative.atoms(sp.Subs, sp.Derivative, sp.DiracDelta)
        if isinstance(node, sp.DiracDelta)
        or _is_floor_derivative(node)
        or (isinstance(node, sp.Subs) and _is_floor_derivative(node.expr))
    }
    return derivative.xreplace(zero)


class ExpressionSurface:
    """f, grad f and the Hessian of a formula in x and y, compiled once.

    grad f = (df/dx, df/dy), Hessian = [[d2f/dx2, d2f/dxdy], [d2f/dxdy, d2f/dy2]], all
    derived by SymPy from the parsed expression.
    """

    def __init__(self, text: str):
        self.text = text
        self.expr = parse(text, _VARIABLES)
        if not self.expr.free_symbols:
            raise ExpressionError(
                f"the formula does not depend on x or y (it is the constant {self.expr}); "
                "a flat surface has nothing to descend",
                None,
                None,
            )
        try:
            self._value, self._grad, self._hessian = self._compile()
        except Exception as exc:
            # The parser's limits keep SymPy's work small, but user text is a trust
            # boundary: whatever SymPy trips over must reach the page as a refusal.
            raise ExpressionError(
                f"the formula could not be differentiated ({type(exc).__name__}); simplify it",
                None,
                None,
            ) from exc

    def _compile(self) -> tuple:
        x, y = (symbol(name) for name in _VARIABLES)
        dx, dy = (_almost_everywhere(sp.diff(self.expr, v)) for v in (x, y))
        hxx, hxy, hyy = (_almost_everywhere(sp.diff(d, v)) for d, v in ((dx, x), (dx, y), (dy, y)))
        return (
            lambdify([self.expr], _VARIABLES),
            lambdify([dx, dy], _VARIABLES),
            lambdify([hxx, hxy, hyy], _VARIABLES),
        )

    def value(self, xy: np.ndarray) -> np.ndarray:
        return evaluate(self._value, layout.split(xy))[0]

    def grad(self, xy: np.ndarray) -> np.ndarray:
        return layout.gradient(*evaluate(self._grad, layout.split(xy)))

    def hessian(self, xy: np.ndarray) -> np.ndarray:
        return layout.hessian(*evaluate(self._hessian, layout.split(xy)))

    def __reduce__(self):
        return (_compiled, (self.text,))


@functools.lru_cache(maxsize=32)
def _compiled(text: str) -> ExpressionSurface:
    # Pages rebuild the surface on every rerun; differentiating and compiling is the slow
    # part, and an ExpressionSurface is never mutated.
    return ExpressionSurface(text)


def _check_bounds(bounds: object) -> Bounds:
    message = invalid(
        OWNER,
        "bounds",
        "((xmin, xmax), (ymin, ymax)) with finite numbers, xmin < xmax and ymin < ymax",
        bounds,
    )
    try:
        array = np.asarray(bounds, dtype=np.float64)
    except (TypeError, ValueError):
        raise message from None
    if (
        array.shape != (2, 2)
        or not np.isfinite(array).all()
        or not (array[:, 0] < array[:, 1]).all()
    ):
        raise message
    (xmin, xmax), (ymin, ymax) = array.tolist()
    return ((xmin, xmax), (ymin, ymax))


def _check_start(start: object, bounds: Bounds) -> np.ndarray:
    (xmin, xmax), (ymin, ymax) = bounds
    if start is None:
        # Near the top-left corner: away from the centre, where simple formulas put their
        # minimum, so there is a path to watch.
        point = np.array([xmin + 0.1 * (xmax - xmin), ymax - 0.1 * (ymax - ymin)])
    else:
        try:
            point = np.asarray(start, dtype=np.float64)
        except (TypeError, ValueError):
            point = np.full(3, np.nan)
        inside = point.shape == (2,) and xmin <= point[0] <= xmax and ymin <= point[1] <= ymax
        if not inside:
            raise invalid(OWNER, "start", f"a point (x, y) inside bounds {bounds}", start)
    point.flags.writeable = False
    return point


def _grid(bounds: Bounds) -> np.ndarray:
    (xmin, xmax), (ymin, ymax) = bounds
    xs = np.linspace(xmin, xmax, GRID_SIZE)
    ys = np.linspace(ymin, ymax, GRID_SIZE)
    return np.stack(np.meshgrid(xs, ys), axis=-1)


def _reads_better_on_log_scale(values: np.ndarray) -> bool:
    """Half the window within the lowest 10% of the range: linear contour levels would
    crowd onto the walls and leave the interesting low region blank."""
    heights = values - values.min()
    top = heights.max()
    return bool(top > 0.0 and np.median(heights) < 0.1 * top)


def from_expression(
    text: str,
    bounds: Bounds | None = None,
    start: tuple[float, float] | None = None,
    *,
    noise: float = 0.0,
    batch: int = 1,
) -> Surface:
    """A Surface for the formula f(x, y) in `text`, e.g. "(1-x)**2 + 100*(y-x**2)**2".

    Raises ExpressionError if the formula is refused (see formulas), does not
    depend on x or y, or is not finite everywhere on a grid over `bounds` (default
    ((-3, 3), (-3, 3))). `start` defaults to a point near the top-left corner. Minima are
    not known for a typed formula, so `minima` and `saddles` are empty.
    """
    checked_bounds = _check_bounds(DEFAULT_BOUNDS if bounds is None else bounds)
    point = _check_start(start, checked_bounds)
    specs = (noise_spec(), BATCH)
    params = resolve(specs, {"noise": noise, "batch": batch}, OWNER)
    # Non-text input goes straight to the parser, which refuses it (it is not hashable).
    compiled = _compiled(text) if isinstance(text, str) else ExpressionSurface(text)
    grid = _grid(checked_bounds)
    values = compiled.value(grid)
    bad = ~np.isfinite(values)
    if bad.any():
        x, y = grid[bad][0]
        raise ExpressionError(
            f"the formula is not finite at (x={x:.4g}, y={y:.4g}), inside the plot bounds "
            f"{checked_bounds}; change the formula or the bounds",
            None,
            None,
        )
    if np.ptp(values) <= 1e-12 * max(1.0, np.abs(values).max()):
        raise ExpressionError(
            f"the formula is flat over the plot bounds (f = {values.flat[0]:.6g} everywhere); "
            "a flat surface has nothing to descend",
            None,
            None,
        )
    if not np.isfinite(compiled.value(point)):
        raise ExpressionError(
            f"the formula is not finite at the start point {tuple(point.tolist())}", None, None
        )
    empty = np.zeros((0, 2))
    empty.flags.writeable = False
    return Surface(
        name="custom",
        title=f"f(x, y) = {text.strip()}",
        value=compiled.value,
        grad=compiled.grad,
        hessian=compiled.hessian,
        bounds=checked_bounds,
        minima=empty,
        saddles=empty,
        start=point,
        log_contour=_reads_better_on_log_scale(values),
        formula_latex=f"f(x, y) = {sp.latex(compiled.expr)}",
        params=params,
        param_specs=specs,
        key=("custom", text, checked_bounds, tuple(point.tolist()), *params.items()),
    )
