"""Settings of the Sweep page: the grid's two axes, the metric and the basins maps.

See ui/settings/__init__.py for how a lesson link is read and written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import optimizers
import surfaces
from experiments import basins as basins_run
from experiments import sweep as sweep_run
from i18n import t
from ui.links import LinkReader, Notice, format_number
from ui.playground_settings import OptimizerEntry, PlaygroundSettings
from ui.settings.base import Query, base_query, entry, playground_link, read_base, split
from viz import sweep as sweep_viz

SWEEP_PRESETS = tuple(p for p in optimizers.presets() if p != "newton")
METRICS = sweep_viz.METRICS
MAX_BASIN_OPTIMIZERS = 4
MIN_BASIN_STEPS = 10


def _axis_names(preset: str) -> list[str]:
    return list(sweep_run.sweepable(optimizers.preset(preset).optimizer))


def _second_axis(preset: str) -> str:
    """The classic partner of lr: beta1, momentum, alpha, rho, ... whatever comes next."""
    names = _axis_names(preset)
    for name in ("beta1", "momentum", "alpha", "rho", "beta2", "lr_decay", "damping"):
        if name in names:
            return name
    return next(n for n in names if n != "lr")


SWEEP_BASE = PlaygroundSettings(steps=300, optimizers=(entry("adam"),))
SWEEP_X = sweep_run.SweepAxis("lr", 1e-4, 1.0, 48, True)
SWEEP_Y = sweep_run.SweepAxis("beta1", 0.0, 0.999, 48, False)


@dataclass(frozen=True)
class SweepSettings:
    """The sweep page: the swept optimizer (``base``: its other hyperparameters, surface,
    start, steps, tol), the two axes and the metric; and the basins map: its surface,
    optimizers (preset, lr), grid size and steps."""

    base: PlaygroundSettings = SWEEP_BASE
    x_axis: sweep_run.SweepAxis = SWEEP_X
    y_axis: sweep_run.SweepAxis = SWEEP_Y
    metric: str = "final_loss"
    basins_surface: str = "himmelblau"
    basins: tuple[tuple[str, float], ...] = (("sgd", 0.01), ("momentum", 0.005), ("adam", 0.1))
    basins_cells: int = 64
    basins_steps: int = 300

    @property
    def entry(self) -> OptimizerEntry:
        return self.base.optimizers[0]

    def cell_link(self, values: Mapping[str, float]) -> dict[str, str]:
        """The Playground link for one cell: the swept optimizer with the cell's values."""
        cell = self.entry.with_values({**self.entry.values(), **values})
        return playground_link(replace(self.base, optimizers=(cell,), step=0))


def _sweep_key(key: str) -> bool:
    return (
        key in ("metric", "bs", "bn", "bsteps")
        or key[:2] in ("x.", "y.")
        or (key.startswith("b") and key[1:2].isdigit())
    )


def _read_axis(read: LinkReader, prefix: str, preset: str, default: sweep_run.SweepAxis) -> Any:
    optimizer = optimizers.preset(preset).optimizer
    names = _axis_names(preset)
    fallback = (
        default if default.name in names else sweep_run.default_axis(optimizer, names[0], default.n)
    )
    name = read.choice(f"{prefix}.name", fallback.name, names)
    hp = sweep_run.sweepable(optimizer)[name]
    base = (
        fallback if name == fallback.name else sweep_run.default_axis(optimizer, name, fallback.n)
    )
    lo = read.value(f"{prefix}.lo", base.lo, hp.constraint)
    hi = read.value(f"{prefix}.hi", base.hi, hp.constraint)
    n = read.integer(f"{prefix}.n", base.n, sweep_run.MIN_CELLS, sweep_run.MAX_CELLS)
    log = read.flag(f"{prefix}.log", base.log)
    axis = sweep_run.SweepAxis(name, lo, hi, n, log)
    try:
        return sweep_run.check_axis(optimizer, axis)
    except ValueError:
        allowed = t("lesson.link.axis_range", read.lang, name=name)
        read.note(prefix, f"{lo:g}..{hi:g}", allowed, f"{base.lo:g}..{base.hi:g}")
        return sweep_run.SweepAxis(name, base.lo, base.hi, n, base.log)


def sweep_from_query(query: Query, lang: str = "en") -> tuple[SweepSettings, list[Notice]]:
    """SweepSettings from a link (``x.name``, ``x.lo``, ``x.hi``, ``x.n``, ``x.log``, the same
    for ``y.``, ``metric``, ``bs`` (basins surface), ``b0=sgd&b0.lr=0.01`` ...,
    ``bn`` (cells), ``bsteps``); never raises. Work stays bounded: a grid x steps beyond
    the sweep's limit falls back to fewer cells."""
    shared, own = split(query, _sweep_key)
    d = SweepSettings()
    base, notices = read_base(shared, lang, d.base, presets=SWEEP_PRESETS)
    read = LinkReader(own, lang)
    preset = base.optimizers[0].preset
    x_axis = _read_axis(read, "x", preset, d.x_axis)
    y_default = (
        d.y_axis
        if d.y_axis.name in _axis_names(preset)
        else sweep_run.default_axis(
            optimizers.preset(preset).optimizer, _second_axis(preset), d.y_axis.n
        )
    )
    y_axis = _read_axis(read, "y", preset, y_default)
    if y_axis.name == x_axis.name:
        other = next(n for n in _axis_names(preset) if n != x_axis.name)
        read.note("y.name", y_axis.name, t("lesson.link.axes_differ", lang), other)
        y_axis = sweep_run.default_axis(optimizers.preset(preset).optimizer, other, y_axis.n)
    if x_axis.n * y_axis.n * base.steps > sweep_run.MAX_POINT_STEPS:
        read.note("x.n/y.n", f"{x_axis.n}x{y_axis.n}", t("lesson.link.work", lang), "48x48")
        x_axis, y_axis = replace(x_axis, n=48), replace(y_axis, n=48)
    metric = read.choice("metric", d.metric, METRICS)
    basins_surface = read.choice("bs", d.basins_surface, surfaces.names())
    picked = []
    basin_keys = sorted(
        (k for k in own if k[:1] == "b" and k[1:].isdigit()), key=lambda k: int(k[1:])
    )
    for key in basin_keys:
        name = read.choice(key, "", SWEEP_PRESETS)
        if not name or len(picked) >= MAX_BASIN_OPTIMIZERS:
            read.ignore((f"{key}.lr",))
            if name:
                read.note(key, name, t("lesson.link.basins", lang, max=MAX_BASIN_OPTIMIZERS), "")
            continue
        lr_hp = optimizers.get(optimizers.preset(name).optimizer).hparams["lr"]
        picked.append((name, read.value(f"{key}.lr", float(lr_hp.default), lr_hp.constraint)))
    cells = read.integer("bn", d.basins_cells, basins_run.MIN_CELLS, basins_run.MAX_CELLS)
    steps = read.integer("bsteps", d.basins_steps, MIN_BASIN_STEPS, basins_run.MAX_STEPS)
    if cells * cells * steps > basins_run.MAX_POINT_STEPS:
        read.note(
            "bn/bsteps",
            f"{cells}x{cells}x{steps}",
            t("lesson.link.work", lang),
            f"{d.basins_cells}",
        )
        cells = d.basins_cells
        steps = min(steps, basins_run.MAX_POINT_STEPS // (cells * cells))
    settings = SweepSettings(
        base=base,
        x_axis=x_axis,
        y_axis=y_axis,
        metric=metric,
        basins_surface=basins_surface,
        basins=tuple(picked) if picked else d.basins,
        basins_cells=cells,
        basins_steps=steps,
    )
    return settings, notices + read.finish()


def sweep_to_query(settings: SweepSettings) -> dict[str, str]:
    query = base_query(settings.base)
    for prefix, axis in (("x", settings.x_axis), ("y", settings.y_axis)):
        query.update(
            {
                f"{prefix}.name": axis.name,
                f"{prefix}.lo": format_number(axis.lo),
                f"{prefix}.hi": format_number(axis.hi),
                f"{prefix}.n": str(axis.n),
                f"{prefix}.log": "1" if axis.log else "0",
            }
        )
    query["metric"] = settings.metric
    query["bs"] = settings.basins_surface
    for i, (preset, lr) in enumerate(settings.basins):
        query[f"b{i}"] = preset
        query[f"b{i}.lr"] = format_number(lr)
    query["bn"] = str(settings.basins_cells)
    query["bsteps"] = str(settings.basins_steps)
    return query


def default_axes(preset: str, n: int = 48) -> tuple[sweep_run.SweepAxis, sweep_run.SweepAxis]:
    """lr against its classic partner for ``preset``'s optimizer, over their slider spans."""
    optimizer = optimizers.preset(preset).optimizer
    return (
        sweep_run.default_axis(optimizer, "lr", n),
        sweep_run.default_axis(optimizer, _second_axis(preset), n),
    )
