"""The `Surface` every page and the core work with: a function of (x, y) with its exact
derivatives, the points that matter, and how to show it."""

from __future__ import annotations

import numbers
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from constraints import invalid
from surfaces.params import ParamSpec

Bounds = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True, eq=False)
class Surface:
    """f(x, y) with exact derivatives, vectorized over points of shape (N, 2) (or (..., 2)).

    value(xy) -> (N,), grad(xy) -> (N, 2), hessian(xy) -> (N, 2, 2).
    `minima` (K, 2) are the global minimizers (K = 0 when f is unbounded below or unknown),
    `saddles` (M, 2) stationary points worth showing; `bounds` ((xmin, xmax), (ymin, ymax))
    is the plotted window and `start` (2,) a start point that makes the lesson visible
    (its words: the catalog's `surface.<name>.lesson`).
    `log_contour` says contours read better on a log scale of f - min f.
    `params` holds the current values (the surface's own plus `noise` and `batch`),
    `param_specs` the declarations the UI builds its sliders from.
    `key` is a hashable recipe: surfaces with equal keys are equal and hash alike, so
    `st.cache_data(hash_funcs={Surface: lambda s: s.key})` can take a Surface argument.
    """

    name: str
    title: str
    value: Callable[[np.ndarray], np.ndarray]
    grad: Callable[[np.ndarray], np.ndarray]
    hessian: Callable[[np.ndarray], np.ndarray]
    bounds: Bounds
    minima: np.ndarray
    saddles: np.ndarray
    start: np.ndarray
    log_contour: bool
    formula_latex: str
    params: dict
    param_specs: tuple[ParamSpec, ...]
    key: tuple

    @property
    def f_min(self) -> float | None:
        """min f over `minima`: the global minimum's value, or None where none is known
        (a typed formula, an unbounded saddle)."""
        if not len(self.minima):
            return None
        return float(np.min(self.value(self.minima)))

    def stochastic_grad(self, xy: np.ndarray, step: int, seed: int) -> np.ndarray:
        """Gradient as a mini-batch estimate sees it:

            g~ = grad f(xy) + (noise / sqrt(batch)) * z,  z ~ N(0, I),
            z = default_rng((seed, step)).standard_normal(xy.shape)

        Row i of z belongs to point i, so the same seed, step and point get the same noise
        whatever the number of points. With noise = 0 this is exactly `grad(xy)`.
        """
        for label, number in (("step", step), ("seed", seed)):
            # A plain int first: the core asks on every step, and the ABC check is slow.
            integer = type(number) is int or (
                not isinstance(number, bool) and isinstance(number, numbers.Integral)
            )
            if not integer or number < 0:
                raise invalid("", label, "an integer >= 0", number)
        exact = self.grad(xy)
        if self.params["noise"] == 0.0:
            return exact
        scale = self.params["noise"] / np.sqrt(self.params["batch"])
        rng = np.random.default_rng((int(seed), int(step)))
        return exact + scale * rng.standard_normal(exact.shape)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Surface) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        shown = ", ".join(f"{key}={value!r}" for key, value in self.params.items())
        return f"Surface({self.name!r}, {shown})"
