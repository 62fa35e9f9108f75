"""Settings of the teaching pages (moments, bias correction, schedules, sweeps), pure.

A page's settings are a :class:`~ui.playground_settings.PlaygroundSettings` ``base`` (surface,
start, steps, seed, optimizer, shown step, speed, tolerance), read and written with the
Playground's own link names (``surface``, ``x0``, ``steps``, ``o0``, ``o0.lr``, ``t``...), plus
the page's own fields under names of its own. So a lesson's link also opens the same run in
the Playground, and a Playground link opened on a lesson page keeps what applies.

Like ``ui.playground_settings.from_query``, every parser here never raises: a bad value
falls back to a valid one and leaves a :class:`~ui.links.Notice`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import optimizers
import surfaces
from experiments import basins as basins_run
from experiments import sweep as sweep_run
from i18n import t
from optimizers import schedules
from ui import playground_settings as pg
from ui.links import LinkReader, Notice, format_number, value_text
from ui.playground_settings import NO_SCHEDULE, OptimizerEntry, PlaygroundSettings
from viz import sweep as sweep_viz

Query = Mapping[str, Any]
Pairs = tuple[tuple[str, Any], ...]
DROPPED_BASE_KEYS = ("view",)  # Playground settings a lesson page has no use for
OPTIMIZER_KEY = re.compile(r"o\d{1,3}")  # the Playground's names of its optimizer entries


def _split(query: Query, own: Callable[[str], bool]) -> tuple[dict, dict]:
    shared = {k: v for k, v in query.items() if not own(k)}
    return shared, {k: v for k, v in query.items() if own(k)}


def read_base(
    query: Query,
    lang: str,
    default: PlaygroundSettings,
    *,
    presets: Sequence[str] | None = None,
    max_optimizers: int = 1,
) -> tuple[PlaygroundSettings, list[Notice]]:
    """The Playground part of a lesson link, with the page's defaults for what it omits.

    At most ``max_optimizers`` optimizer entries are kept (a notice names each dropped one);
    an entry whose preset is not in ``presets`` is replaced by the page's default entry.
    """
    settings, notices = pg.from_query(query, lang)
    refused = {notice.param for notice in notices}
    # Absent or refused: the page's own default, not the Playground's.
    given = set(query) - refused
    if "surface" not in given:
        settings = replace(
            settings, surface=default.surface, surface_params=(), start=default.start
        )
    for name in ("steps", "seed", "speed", "tol"):  # link names equal the field names
        if name not in given:
            settings = replace(settings, **{name: getattr(default, name)})
    settings = replace(settings, step=min(settings.step, settings.steps))
    notices = [
        replace(n, used=str(getattr(default, n.param))) if n.param in ("steps", "seed") else n
        for n in notices
    ]
    if not any(OPTIMIZER_KEY.fullmatch(k) for k in given):
        return replace(settings, optimizers=default.optimizers), notices
    entries = list(settings.optimizers)
    for index, entry in enumerate(entries[max_optimizers:], start=max_optimizers):
        notices.append(
            Notice(
                f"o{index}",
                entry.preset,
                t("lesson.link.one_optimizer", lang, max=max_optimizers),
                "",
            )
        )
    entries = entries[:max_optimizers]
    for index, entry in enumerate(entries):
        if presets is not None and entry.preset not in presets:
            fallback = default.optimizers[min(index, len(default.optimizers) - 1)]
            allowed = t("link.allowed_choice", lang, choices=", ".join(presets))
            notices.append(Notice(f"o{index}", entry.preset, allowed, fallback.preset))
            entries[index] = fallback
    return replace(settings, optimizers=tuple(entries)), notices


def base_query(settings: PlaygroundSettings) -> dict[str, str]:
    """The Playground part of a lesson link."""
    return {k: v for k, v in pg.to_query(settings).items() if k not in DROPPED_BASE_KEYS}


def playground_link(settings: PlaygroundSettings) -> dict[str, str]:
    """Query parameters that open ``settings`` in the Playground."""
    return pg.to_query(settings)


def entry(preset: str, **values: Any) -> OptimizerEntry:
    """An optimizer entry: ``preset`` with ``values`` (flat names) changed."""
    return OptimizerEntry(preset).with_values(values)


# --- moments ---------------------------------------------------------------------------------

MOMENTS_PRESETS = tuple(p for p in optimizers.presets() if p != "newton")
NEWTON_MAX_STEPS = 50


MOMENTS_BASE = PlaygroundSettings(steps=150, optimizers=(entry("adam", lr=0.05),))


@dataclass(frozen=True)
class MomentsSettings:
    """The moments page: one optimizer whose buffers are shown (``base.step`` is the step
    shown and inspected), and a Newton run with its own lr, damping, steps and shown step."""

    base: PlaygroundSettings = MOMENTS_BASE
    newton: OptimizerEntry = field(default_factory=lambda: OptimizerEntry("newton"))
    newton_steps: int = 12
    newton_step: int = 1

    @property
    def entry(self) -> OptimizerEntry:
        return self.base.optimizers[0]


def _newton_key(key: str) -> bool:
    return key.startswith("newton.")


def moments_from_query(query: Query, lang: str = "en") -> tuple[MomentsSettings, list[Notice]]:
    """MomentsSettings from a link (``newton.lr``, ``newton.damping``, ``newton.steps``,
    ``newton.t`` are the page's own); never raises."""
    shared, own = _split(query, _newton_key)
    default = MomentsSettings()
    base, notices = read_base(shared, lang, default.base, presets=MOMENTS_PRESETS)
    read = LinkReader(own, lang)
    values = {}
    for name, hp in pg.flat_hparams("newton").items():
        values[name] = read.value(f"newton.{name}", hp.default, hp.constraint)
    steps = read.integer("newton.steps", default.newton_steps, 1, NEWTON_MAX_STEPS)
    step = read.integer("newton.t", min(default.newton_step, steps), 0, steps)
    settings = MomentsSettings(base, default.newton.with_values(values), steps, step)
    return settings, notices + read.finish()


def moments_to_query(settings: MomentsSettings) -> dict[str, str]:
    query = base_query(settings.base)
    for name, value in settings.newton.overrides:
        query[f"newton.{name}"] = format_number(value)
    query["newton.steps"] = str(settings.newton_steps)
    query["newton.t"] = str(settings.newton_step)
    return query


# --- bias correction -------------------------------------------------------------------------

BIAS_PRESETS = tuple(p for p in optimizers.presets() if optimizers.preset(p).optimizer == "adam")
COMPARISONS = ("bias_correction", "epsilon", "weight_decay")
MIN_HORIZON = 10
MAX_HORIZON = 2000


BIAS_BASE = PlaygroundSettings(steps=150, optimizers=(entry("adam", lr=0.1),))


@dataclass(frozen=True)
class BiasSettings:
    """The bias-correction page: betas and horizon of the 1 - beta^t plot, the Adam run,
    and which switch the side-by-side comparison flips (with its eps or weight decay)."""

    base: PlaygroundSettings = BIAS_BASE
    beta1: float = 0.9
    beta2: float = 0.999
    horizon: int = 200
    comparison: str = "bias_correction"
    eps: float = 1.0  # comparable to the gradients: where the placement shows
    weight_decay: float = 0.5

    @property
    def entry(self) -> OptimizerEntry:
        return self.base.optimizers[0]

    def variants(self) -> tuple[tuple[str, dict[str, Any]], tuple[str, dict[str, Any]]]:
        """The two runs side by side: (message key of the label, hyperparameters) each."""
        kwargs = self.entry.run_kwargs()
        if self.comparison == "bias_correction":
            a, b = {"bias_correction": True}, {"bias_correction": False}
        elif self.comparison == "epsilon":
            a = {"keras_epsilon": False, "eps": self.eps}
            b = {"keras_epsilon": True, "eps": self.eps}
        else:
            a = {"decoupled_weight_decay": False, "weight_decay": self.weight_decay}
            b = {"decoupled_weight_decay": True, "weight_decay": self.weight_decay}
        return (
            (f"bias.variant.{self.comparison}.a", {**kwargs, **a}),
            (f"bias.variant.{self.comparison}.b", {**kwargs, **b}),
        )


_BIAS_OWN = ("b1", "b2", "horizon", "cmp", "cmp.eps", "cmp.wd")


def bias_from_query(query: Query, lang: str = "en") -> tuple[BiasSettings, list[Notice]]:
    """BiasSettings from a link (``b1``, ``b2``, ``horizon``, ``cmp``, ``cmp.eps``,
    ``cmp.wd`` are the page's own); never raises."""
    shared, own = _split(query, lambda k: k in _BIAS_OWN)
    d = BiasSettings()
    base, notices = read_base(shared, lang, d.base, presets=BIAS_PRESETS)
    read = LinkReader(own, lang)
    settings = BiasSettings(
        base=base,
        beta1=read.number("b1", d.beta1, 0.0, 1.0, closed="left"),
        beta2=read.number("b2", d.beta2, 0.0, 1.0, closed="left"),
        horizon=read.integer("horizon", d.horizon, MIN_HORIZON, MAX_HORIZON),
        comparison=read.choice("cmp", d.comparison, COMPARISONS),
        eps=read.number("cmp.eps", d.eps, 0.0, 10.0),
        weight_decay=read.number("cmp.wd", d.weight_decay, 0.0, 10.0),
    )
    return settings, notices + read.finish()


def bias_to_query(settings: BiasSettings) -> dict[str, str]:
    query = base_query(settings.base)
    query.update(
        {
            "b1": format_number(settings.beta1),
            "b2": format_number(settings.beta2),
            "horizon": str(settings.horizon),
            "cmp": settings.comparison,
            "cmp.eps": format_number(settings.eps),
            "cmp.wd": format_number(settings.weight_decay),
        }
    )
    return query


# --- schedules -------------------------------------------------------------------------------

MAX_SCHEDULES = 6
SCHEDULE_CHOICES = (NO_SCHEDULE, *schedules.names())


SCHEDULES_BASE = PlaygroundSettings(steps=200, optimizers=(entry("momentum", lr=0.002),))


@dataclass(frozen=True)
class SchedulesSettings:
    """The schedules page: the schedules compared (name, parameters changed from their
    defaults), all driving the same optimizer from the same start, and the lr axis scale."""

    base: PlaygroundSettings = SCHEDULES_BASE
    schedules: tuple[tuple[str, Pairs], ...] = (
        (NO_SCHEDULE, ()),
        ("step", (("gamma", 0.5),)),
        ("warmup_cosine", ()),
        ("onecycle", ()),
        ("lambda", (("lr_lambda", "0.99**t"),)),
    )
    log_y: bool = False

    @property
    def entry(self) -> OptimizerEntry:
        return self.base.optimizers[0]

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.schedules]


def _sched_key(key: str) -> bool:
    return key in ("sched", "log") or key.startswith("sc.")


def schedules_from_query(query: Query, lang: str = "en") -> tuple[SchedulesSettings, list[Notice]]:
    """SchedulesSettings from a link: ``sched=step,cosine`` names the schedules,
    ``sc.<name>.<param>`` their parameters, ``log=1`` the log axis; never raises."""
    shared, own = _split(query, _sched_key)
    d = SchedulesSettings()
    base, notices = read_base(shared, lang, d.base)
    read = LinkReader(own, lang)
    text = read.raw("sched")
    chosen = list(d.names) if text is None else []
    if text is not None:
        for name in dict.fromkeys(part.strip() for part in text.split(",") if part.strip()):
            if name in SCHEDULE_CHOICES and len(chosen) < MAX_SCHEDULES:
                chosen.append(name)
            else:
                allowed = t("lesson.link.schedules", lang, max=MAX_SCHEDULES)
                read.note("sched", name, allowed, "")
        chosen = chosen or [NO_SCHEDULE]
    # The page's own parameter choices only when the link names no schedules: a link lists
    # every parameter that differs from the registry's defaults.
    defaults = dict(d.schedules) if text is None else {}
    picked = []
    for name in chosen:
        if name == NO_SCHEDULE:
            picked.append((name, ()))
            continue
        params = dict(defaults.get(name, ()))
        prefix = f"sc.{name}."
        for p in schedules.get(name).params:
            value = pg.read_schedule_param(read, prefix + p.name, p)
            if value is not None and value != p.default:
                params[p.name] = value
        picked.append((name, tuple(sorted(params.items()))))
    log_y = read.flag("log", d.log_y)
    settings = SchedulesSettings(base=base, schedules=tuple(picked), log_y=log_y)
    return settings, notices + read.finish()


def schedules_to_query(settings: SchedulesSettings) -> dict[str, str]:
    query = base_query(settings.base)
    query["sched"] = ",".join(settings.names)
    for name, params in settings.schedules:
        for param, value in params:
            query[f"sc.{name}.{param}"] = value_text(value)
    query["log"] = "1" if settings.log_y else "0"
    return query


# --- sweeps and basins -------------------------------------------------------------------------

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
    shared, own = _split(query, _sweep_key)
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
