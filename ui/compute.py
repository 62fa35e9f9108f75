"""Cached computations for the pages, keyed on small hashable settings.

Every function takes only tuples, strings and numbers; a rerun that changes one
optimizer's lr recomputes that one trajectory and reuses everything else (surface grid, the
other trajectories). Surfaces are cached as resources: a custom formula is parsed and
differentiated once, and a Surface is never mutated. Grids and trajectories are shared by
every session of the process (``ui.shared_results``: a key is computed once even when many
students ask at once), not copied out of ``st.cache_data`` on every rerun (a pickle round
trip of every array, a tenth of a slider move): their arrays are made read-only, so
nothing can change what another session sees.

A surface key is ``(name, params)`` for a built-in surface and
``("custom", params, formula, bounds)`` for a typed formula, ``params`` being
``((name, value), ...)`` pairs (noise and batch included).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np
import streamlit as st

import optimizers
import surfaces
from optimizers import schedules
from ui.shared_results import shared_results
from viz.contour import DEFAULT_RESOLUTION, Grid, surface_grid

SurfaceKey = tuple
Pairs = tuple[tuple[str, Any], ...]


def surface_key(
    name: str,
    params: Pairs = (),
    formula: str | None = None,
    bounds: tuple[float, float, float, float] | None = None,
) -> SurfaceKey:
    """The cache key of a surface (see the module docstring)."""
    if name == "custom":
        return ("custom", tuple(params), formula, tuple(bounds))
    return (name, tuple(params))


@st.cache_resource(max_entries=32, show_spinner=False)
def surface(key: SurfaceKey) -> surfaces.Surface:
    """The Surface for ``key``; raises ValueError (ExpressionError for a bad formula)."""
    if key[0] == "custom":
        _, params, formula, (xmin, xmax, ymin, ymax) = key
        return surfaces.from_expression(
            formula, bounds=((xmin, xmax), (ymin, ymax)), **dict(params)
        )
    name, params = key
    return surfaces.get(name, **dict(params))


GRIDS = 32
TRAJECTORIES = 256


def _read_only(*arrays: np.ndarray) -> None:
    for array in arrays:
        array.flags.writeable = False


def grid(key: SurfaceKey, resolution: int = DEFAULT_RESOLUTION) -> Grid:
    """f on a ``resolution`` x ``resolution`` grid over the surface's window (read-only)."""

    def compute() -> Grid:
        s = surface(key)
        made = surface_grid(s.value, s.bounds, resolution)
        _read_only(made.x, made.y, made.z)
        return made

    return shared_results("compute.grid", GRIDS).get((key, resolution), compute)


class RunRequest(NamedTuple):
    """One trajectory a page asks for: a tuple of plain values, so st.cache_data hashes it in
    microseconds, and one argument instead of eight positional ones."""

    surface: SurfaceKey
    optimizer: str
    hparams: Pairs
    start: tuple[float, float]
    steps: int
    seed: int = 0
    schedule: str | None = None
    schedule_params: Pairs = ()

    @classmethod
    def of(
        cls,
        surface: SurfaceKey,
        optimizer: str,
        hparams: Mapping[str, Any],
        run: Any,
        schedule: str | None = None,
        schedule_params: Pairs = (),
    ) -> RunRequest:
        """The request for ``optimizer`` with ``hparams`` from a page's run settings ``run``
        (its ``start_point()``, ``steps`` and ``seed``); hparams sorted so equal settings
        give equal keys."""
        return cls(
            surface,
            optimizer,
            tuple(sorted(hparams.items())),
            run.start_point(),
            run.steps,
            run.seed,
            schedule,
            schedule_params,
        )


def trajectory(request: RunRequest) -> optimizers.Trajectory:
    """``optimizers.run`` from one start point, with an optional schedule (by name); its
    arrays read-only.

    Raises the core's ValueError (bad hyperparameter combination, bad schedule) unchanged.
    """
    return shared_results("compute.trajectory", TRAJECTORIES).get(request, lambda: _run(request))


def _run(request: RunRequest) -> optimizers.Trajectory:
    kwargs = dict(request.hparams)
    lr_schedule = None
    if request.schedule is not None:
        lr_schedule = schedules.make(
            request.schedule,
            lr=kwargs["lr"],
            steps=request.steps,
            **dict(request.schedule_params),
        )
    traj = optimizers.run(
        request.optimizer,
        surface(request.surface),
        request.start,
        request.steps,
        schedule=lr_schedule,
        seed=request.seed,
        **kwargs,
    )
    _read_only(
        traj.xy, traj.loss, traj.grad, traj.lr, traj.diverged_step,
        *traj.state.values(), *traj.derived.values(),
    )  # fmt: skip
    return traj
