"""Everything that shapes the Playground's view, as one hashable value, and its link form.

Pure: no Streamlit. ``PlaygroundSettings`` is what the page keeps in the session, what the
cached computations are keyed on, and what :func:`to_query` / :func:`from_query` write to
and read from the shareable link. Optimizers are stored as a preset (``optimizers.presets()``)
plus the hyperparameters that differ from it, so links stay short and readable::

    ?surface=rosenbrock&steps=300&o0=sgd&o0.lr=0.002&o1=momentum&o1.lr=0.001&o2=adam&o2.lr=0.1
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import optimizers
import surfaces
from constraints import Constraint, IntegerList, Interval
from i18n import t
from optimizers import schedules
from optimizers.hparams import HParam
from surfaces.params import BATCH, ParamSpec, noise_spec
from ui.links import (
    MAX_COORD,
    MAX_OPTIMIZERS,
    MAX_SEED,
    MAX_STEPS,
    MAX_TEXT,
    LinkReader,
    Notice,
    format_number,
    value_text,
)

CUSTOM = "custom"
VIEWS = ("overlay", "grid", "surface3d")
SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0)
TOLERANCES = (1e-2, 1e-3, 1e-4, 1e-6, 1e-8, 1e-10)
NO_SCHEDULE = "none"
DEFAULT_FORMULA = "x**2 + 3*y**2 + 0.5*sin(3*x)"
DEFAULT_BOUNDS = (-3.0, 3.0, -3.0, 3.0)
MAX_MILESTONES = 20
MAX_SCHEDULE_INT = 10**6

Pairs = tuple[tuple[str, Any], ...]

# A built-in surface with its default parameters, for what does not depend on them (its
# window, start point, parameters): built once, not on every read of a start point.
_built_in = functools.cache(surfaces.get)


def _pairs(mapping: Mapping[str, Any]) -> Pairs:
    return tuple(sorted(mapping.items()))


def flat_hparams(name: str) -> dict[str, HParam]:
    """Optimizer ``name``'s hyperparameters one widget each: pairs split (betas -> beta1, beta2)."""
    flat: dict[str, HParam] = {}
    for hp in optimizers.get(name).hparams.values():
        for item in hp.items if hp.kind == "pair" else (hp,):
            flat[item.name] = item
    return flat


def _flatten(name: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """torch-style values (betas=(0.9, 0.99)) as flat names (beta1=0.9, beta2=0.99)."""
    specs = optimizers.get(name).hparams
    flat: dict[str, Any] = {}
    for key, value in values.items():
        hp = specs.get(key)
        if hp is not None and hp.kind == "pair":
            flat.update({item.name: v for item, v in zip(hp.items, value, strict=True)})
        else:
            flat[key] = value
    return flat


@dataclass(frozen=True)
class OptimizerEntry:
    """One optimizer of the comparison: a preset, the hyperparameters changed from it, and
    an optional learning-rate schedule (name and the parameters changed from its defaults)."""

    preset: str
    overrides: Pairs = ()
    schedule: str = NO_SCHEDULE
    schedule_params: Pairs = ()

    @property
    def optimizer(self) -> str:
        return optimizers.preset(self.preset).optimizer

    @property
    def title(self) -> str:
        return optimizers.preset(self.preset).title

    def base_values(self) -> dict[str, Any]:
        """torch's defaults with the preset's changes (flat names): what 'no override' means."""
        defaults = {name: hp.default for name, hp in flat_hparams(self.optimizer).items()}
        return {**defaults, **_flatten(self.optimizer, optimizers.preset(self.preset).hparams)}

    def values(self) -> dict[str, Any]:
        """Every hyperparameter's value, by flat name."""
        return {**self.base_values(), **dict(self.overrides)}

    def run_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``optimizers.run`` (pairs reassembled: betas=(b1, b2))."""
        values = self.values()
        kwargs = {}
        for name, hp in optimizers.get(self.optimizer).hparams.items():
            if hp.kind == "pair":
                kwargs[name] = tuple(values[item.name] for item in hp.items)
            else:
                kwargs[name] = values[name]
        return kwargs

    def with_values(self, values: Mapping[str, Any]) -> OptimizerEntry:
        """This entry with ``values`` (flat names); only changes from the preset are kept."""
        base = self.base_values()
        changed = {k: v for k, v in values.items() if k in base and v != base[k]}
        return replace(self, overrides=_pairs(changed))

    def with_preset(self, preset: str) -> OptimizerEntry:
        """Switch preset, keeping the changed hyperparameters the new one also has (lr, eps...)
        unless the preset sets them itself."""
        if preset == self.preset:
            return self
        fresh = OptimizerEntry(preset, schedule=self.schedule, schedule_params=self.schedule_params)
        own = _flatten(fresh.optimizer, optimizers.preset(preset).hparams)
        base = fresh.base_values()
        kept = {k: v for k, v in self.overrides if k in base and k not in own}
        return fresh.with_values(kept)

    def schedule_kwargs(self) -> dict[str, Any]:
        return dict(self.schedule_params)


# Learning rates picked so that on Rosenbrock, in 300 steps, each shows its character:
# SGD crawls, momentum overshoots and arrives, RMSprop and Adam take the valley fast.
DEFAULT_OPTIMIZERS = (
    OptimizerEntry("sgd").with_values({"lr": 0.002}),
    OptimizerEntry("momentum").with_values({"lr": 0.001}),
    OptimizerEntry("rmsprop").with_values({"lr": 0.02}),
    OptimizerEntry("adam").with_values({"lr": 0.1}),
)


@dataclass(frozen=True)
class PlaygroundSettings:
    """The whole view. ``start`` None means the surface's own start point;
    ``surface_params`` holds only values changed from the surface's defaults (noise and
    batch included); ``formula`` and ``bounds`` are used when ``surface == "custom"``."""

    surface: str = "rosenbrock"
    surface_params: Pairs = ()
    formula: str = DEFAULT_FORMULA
    bounds: tuple[float, float, float, float] = DEFAULT_BOUNDS
    start: tuple[float, float] | None = None
    steps: int = 300
    seed: int = 0
    optimizers: tuple[OptimizerEntry, ...] = field(default=DEFAULT_OPTIMIZERS)
    view: str = "overlay"
    speed: float = 1.0
    step: int = 0
    tol: float = 1e-6

    @property
    def is_custom(self) -> bool:
        return self.surface == CUSTOM

    def surface_kwargs(self) -> dict[str, Any]:
        return dict(self.surface_params)

    def window(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The plotted bounds ((xmin, xmax), (ymin, ymax))."""
        if self.is_custom:
            xmin, xmax, ymin, ymax = self.bounds
            return (xmin, xmax), (ymin, ymax)
        return _built_in(self.surface).bounds

    def default_start(self) -> tuple[float, float]:
        if self.is_custom:
            (xmin, xmax), (ymin, ymax) = self.window()
            return xmin + 0.1 * (xmax - xmin), ymax - 0.1 * (ymax - ymin)
        x, y = _built_in(self.surface).start
        return float(x), float(y)

    def start_point(self) -> tuple[float, float]:
        return self.start if self.start is not None else self.default_start()

    def with_entry(self, index: int, entry: OptimizerEntry) -> PlaygroundSettings:
        """These settings with optimizer ``index`` replaced by ``entry``."""
        entries = list(self.optimizers)
        entries[index] = entry
        return replace(self, optimizers=tuple(entries))

    def with_surface(self, name: str) -> PlaygroundSettings:
        """Another surface: its own defaults, start point and window."""
        if name == self.surface:
            return self
        return replace(self, surface=name, surface_params=(), start=None, step=0)


def surface_param_specs(settings: PlaygroundSettings) -> tuple[ParamSpec, ...]:
    """The surface's parameter declarations, noise and batch last."""
    if settings.is_custom:
        return (noise_spec(), BATCH)
    return _built_in(settings.surface).param_specs


def entry_labels(entries: tuple[OptimizerEntry, ...]) -> list[str]:
    """Legend names: the preset's title, numbered when a title repeats ("Adam", "Adam #2")."""
    labels, seen = [], {}
    for entry in entries:
        seen[entry.title] = seen.get(entry.title, 0) + 1
        labels.append(
            entry.title if seen[entry.title] == 1 else f"{entry.title} #{seen[entry.title]}"
        )
    return labels


# --- link form ------------------------------------------------------------------------------


def _surface_choices() -> list[str]:
    return [*surfaces.names(), CUSTOM]


def _preset_choices() -> list[str]:
    return optimizers.presets()


def _schedule_choices() -> list[str]:
    return [NO_SCHEDULE, *schedules.names()]


def to_query(settings: PlaygroundSettings) -> dict[str, str]:
    """The link's parameters for ``settings`` (every view setting; hyperparameters and
    schedule parameters only where they differ from the preset's / schedule's defaults)."""
    query = {"surface": settings.surface}
    if settings.is_custom:
        query["f"] = settings.formula
        for key, value in zip(("xmin", "xmax", "ymin", "ymax"), settings.bounds, strict=True):
            query[key] = format_number(value)
    for name, value in settings.surface_params:
        query[f"s.{name}"] = format_number(value)
    if settings.start is not None:
        query["x0"], query["y0"] = (format_number(v) for v in settings.start)
    query.update(
        steps=str(settings.steps),
        seed=str(settings.seed),
        view=settings.view,
        speed=format_number(settings.speed),
        t=str(settings.step),
        tol=format_number(settings.tol),
    )
    for i, entry in enumerate(settings.optimizers):
        query[f"o{i}"] = entry.preset
        for name, value in entry.overrides:
            query[f"o{i}.{name}"] = format_number(value)
        if entry.schedule != NO_SCHEDULE:
            query[f"o{i}.sched"] = entry.schedule
            for name, value in entry.schedule_params:
                query[f"o{i}.sched.{name}"] = value_text(value)
    return query


_OPTIMIZER_KEY = re.compile(r"o(\d{1,3})")


def from_query(
    query: Mapping[str, Any], lang: str = "en"
) -> tuple[PlaygroundSettings, list[Notice]]:
    """Settings from a link, every bad value replaced by a valid one with a Notice.

    Never raises: unknown names, wrong types, NaN, inf, out-of-range values, too many
    optimizers and overlong text all fall back (see ``ui.links``).
    """
    read = LinkReader(query, lang)
    default = PlaygroundSettings()
    surface = read.choice("surface", default.surface, _surface_choices())
    settings = PlaygroundSettings(surface=surface)
    if settings.is_custom:
        formula = read.text("f", DEFAULT_FORMULA)
        bounds = _read_bounds(read)
        settings = replace(settings, formula=formula, bounds=bounds)
    params = {}
    for spec in surface_param_specs(settings):
        value = read.value(f"s.{spec.name}", spec.default, spec.constraint)
        if value != spec.default:
            params[spec.name] = value
    settings = replace(settings, surface_params=_pairs(params))
    settings = replace(settings, start=_read_start(read, settings))
    steps = read.integer("steps", default.steps, 1, MAX_STEPS)
    settings = replace(
        settings,
        steps=steps,
        seed=read.integer("seed", default.seed, 0, MAX_SEED),
        view=read.choice("view", default.view, VIEWS),
        speed=_read_listed(read, "speed", default.speed, SPEEDS),
        step=read.integer("t", 0, 0, steps),
        tol=_read_listed(read, "tol", default.tol, TOLERANCES),
        optimizers=_read_optimizers(read),
    )
    return settings, read.finish()


def _read_listed(read: LinkReader, key: str, default: float, allowed: tuple[float, ...]) -> float:
    text = read.raw(key)
    if text is None:
        return default
    for value in allowed:
        if text.strip() == format_number(value) or _same_number(text, value):
            return value
    read.note(
        key, text, read.choices_text([format_number(v) for v in allowed]), format_number(default)
    )
    return default


def _same_number(text: str, value: float) -> bool:
    try:
        return math.isclose(float(text), value, rel_tol=1e-9)
    except ValueError:
        return False


def _read_bounds(read: LinkReader) -> tuple[float, float, float, float]:
    values = [
        read.number(key, default, -MAX_COORD, MAX_COORD)
        for key, default in zip(("xmin", "xmax", "ymin", "ymax"), DEFAULT_BOUNDS, strict=True)
    ]
    xmin, xmax, ymin, ymax = values
    if xmin < xmax and ymin < ymax:
        return xmin, xmax, ymin, ymax
    given = f"x: [{xmin:g}, {xmax:g}], y: [{ymin:g}, {ymax:g}]"
    read.note(
        "xmin/xmax/ymin/ymax", given, t("link.allowed_bounds", read.lang), str(DEFAULT_BOUNDS)
    )
    return DEFAULT_BOUNDS


def _read_start(read: LinkReader, settings: PlaygroundSettings) -> tuple[float, float] | None:
    if not (read.has("x0") or read.has("y0")):
        read.ignore(("x0", "y0"))
        return None
    (xmin, xmax), (ymin, ymax) = settings.window()
    dx, dy = settings.default_start()
    x = read.number("x0", dx, xmin, xmax)
    y = read.number("y0", dy, ymin, ymax)
    return x, y


def _optimizer_keys(read: LinkReader) -> list[tuple[int, str]]:
    found = []
    for key in read.keys():  # noqa: SIM118 (a reader, not a dict)
        match = _OPTIMIZER_KEY.fullmatch(key)
        if match:
            found.append((int(match.group(1)), key))
    return sorted(found)


def _read_optimizers(read: LinkReader) -> tuple[OptimizerEntry, ...]:
    found = _optimizer_keys(read)
    if not found:
        return DEFAULT_OPTIMIZERS
    entries = []
    for position, (_, key) in enumerate(found):
        if position >= MAX_OPTIMIZERS:
            text = read.raw(key) or ""
            read.note(key, text, t("link.allowed_optimizers", read.lang, max=MAX_OPTIMIZERS), "")
            read.ignore(k for k in read.keys() if k.startswith(f"{key}."))  # noqa: SIM118
            continue
        fallback = DEFAULT_OPTIMIZERS[position % len(DEFAULT_OPTIMIZERS)].preset
        entry = OptimizerEntry(read.choice(key, fallback, _preset_choices()))
        entries.append(_read_entry(read, key, entry))
    return tuple(entries)


def _read_entry(read: LinkReader, key: str, entry: OptimizerEntry) -> OptimizerEntry:
    base = entry.base_values()
    values = {}
    for name, hp in flat_hparams(entry.optimizer).items():
        values[name] = read.value(f"{key}.{name}", base[name], hp.constraint)
    entry = entry.with_values(values)
    schedule = read.choice(f"{key}.sched", NO_SCHEDULE, _schedule_choices())
    if schedule == NO_SCHEDULE:
        return entry
    params = {}
    for p in schedules.get(schedule).params:
        value = read_schedule_param(read, f"{key}.sched.{p.name}", p)
        if value is not None and value != p.default:
            params[p.name] = value
    return replace(entry, schedule=schedule, schedule_params=_pairs(params))


def link_constraint(constraint: Constraint) -> Constraint:
    """``constraint`` within a link's hard limits, so one request's work stays bounded."""
    if isinstance(constraint, Interval) and constraint.integer:
        return constraint.within(-MAX_SCHEDULE_INT, MAX_SCHEDULE_INT)
    if isinstance(constraint, IntegerList):
        items = constraint.items.within(-MAX_SCHEDULE_INT, MAX_SCHEDULE_INT)
        return IntegerList(items, max_items=MAX_MILESTONES)
    return constraint


def read_schedule_param(read: LinkReader, key: str, p: schedules.Param) -> Any:
    """A schedule parameter from the link, or None (absent or refused: the default applies)."""
    if not read.has(key):
        read.ignore((key,))
        return None
    if p.kind == "formula":
        return read.text(key, "", max_chars=MAX_TEXT) or None
    return read.value(
        key, None, link_constraint(p.constraint), used_text=t("link.default", read.lang)
    )
