"""`SurfaceSpec`: one built-in surface as data. Its functions take the points and the
surface's own parameters as keywords; `build` binds the parameters into a `Surface`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from surfaces.params import BATCH, ParamSpec, noise_spec, resolve
from surfaces.surface import Bounds, Surface

# A fixed list of points, or a function of the surface's own parameters returning one.
Points = tuple[tuple[float, float], ...] | Callable[..., np.ndarray]


def _points(points: Points, params: dict) -> np.ndarray:
    raw = points(**params) if callable(points) else points
    array = np.asarray(raw, dtype=np.float64).reshape(-1, 2)
    array.flags.writeable = False
    return array


@dataclass(frozen=True)
class SurfaceSpec:
    name: str
    title: str
    value: Callable[..., np.ndarray]
    grad: Callable[..., np.ndarray]
    hessian: Callable[..., np.ndarray]
    bounds: Bounds
    minima: Points
    start: tuple[float, float]
    formula_latex: str
    log_contour: bool = False
    saddles: Points = ()
    params: tuple[ParamSpec, ...] = ()
    default_noise: float = 0.0

    @property
    def param_specs(self) -> tuple[ParamSpec, ...]:
        """The surface's own parameters, then the stochastic-gradient ones every surface has."""
        return (*self.params, noise_spec(self.default_noise), BATCH)

    def build(self, **params: float) -> Surface:
        specs = self.param_specs
        values = resolve(specs, params, f"surface '{self.name}'")
        own = {spec.name: values[spec.name] for spec in self.params}
        start = np.array(self.start, dtype=np.float64)
        start.flags.writeable = False
        return Surface(
            name=self.name,
            title=self.title,
            value=functools.partial(self.value, **own),
            grad=functools.partial(self.grad, **own),
            hessian=functools.partial(self.hessian, **own),
            bounds=self.bounds,
            minima=_points(self.minima, own),
            saddles=_points(self.saddles, own),
            start=start,
            log_contour=self.log_contour,
            formula_latex=self.formula_latex,
            params=values,
            param_specs=specs,
            key=(self.name, *values.items()),
        )
