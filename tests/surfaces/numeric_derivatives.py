"""Central finite differences with one Richardson step, the yardstick for exact derivatives.

D(h) = (f(p + h e_i) - f(p - h e_i)) / 2h has error O(h^2); (4 D(h/2) - D(h)) / 3 has O(h^4),
so a moderate h keeps both truncation and round-off small.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def partials(f: Callable[[np.ndarray], np.ndarray], xy: np.ndarray, h: float) -> np.ndarray:
    """d f / d x_i for i = 0, 1 stacked on a new axis after the point axis:
    f (N, ...) -> (N, 2, ...)."""

    def central(step: float, axis: int) -> np.ndarray:
        shift = np.zeros(2)
        shift[axis] = step
        return (f(xy + shift) - f(xy - shift)) / (2.0 * step)

    return np.stack([(4.0 * central(h / 2.0, i) - central(h, i)) / 3.0 for i in range(2)], axis=1)


def gradient(value: Callable, xy: np.ndarray, h: float) -> np.ndarray:
    """(N, 2) from a value function (N, 2) -> (N,)."""
    return partials(value, xy, h)


def hessian(grad: Callable, xy: np.ndarray, h: float) -> np.ndarray:
    """(N, 2, 2) from a gradient function (N, 2) -> (N, 2): row i is d grad / d x_i."""
    return partials(grad, xy, h)


def assert_close(exact: np.ndarray, approx: np.ndarray, rel: float) -> None:
    """|exact - approx| <= rel * max(1, largest |exact| entry of the same point), point by
    point: a wrong term shows even where the derivative is small."""
    axes = tuple(range(1, exact.ndim))
    scale = np.maximum(1.0, np.abs(exact).max(axis=axes, keepdims=True))
    error = np.abs(exact - approx) / scale
    worst = np.unravel_index(np.argmax(error), error.shape)
    assert error.max() <= rel, (
        f"point {worst[0]}: exact {exact[worst]!r} vs finite differences {approx[worst]!r} "
        f"(error {error.max():.2e} of the point's scale, allowed {rel:.0e})"
    )
