"""Registry-driven widgets: one declaration (HParam, ParamSpec, schedule Param) -> one control.

Each function takes the current value and a ``key`` and returns the widget's value; the
caller keeps the values (see ``ui.link_state``: keys carry a revision, so a value changed
from outside makes a fresh widget). Labels and help come from the i18n catalog, which the
tests keep complete for every registry entry: ``hp.<name>``, ``hp.<name>.help``,
``surface.param.<name>``, ``sched.label.<name>``, ``sched.param.<name>``. Where one optimizer
or schedule means something of its own by a shared name, its scoped key wins
(``hp.rmsprop.momentum.help``, ``sched.param.plateau.mode``): see :func:`scoped_key`.

Scales follow the declarations: ``log=True`` gives a slider over 1-1.5-2-3-5-7 steps per
decade (lr, eps), bounded linear ranges a plain slider, unbounded ones a number input; a
value outside the slider's span (from a link) widens the span instead of being clipped.
"""

from __future__ import annotations

import functools
import html
import math
from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

import optimizers
from constraints import REFUSED, IntegerList
from i18n import CATALOG, t
from optimizers import schedules
from optimizers.hparams import HParam
from surfaces.params import ParamSpec
from ui.links import safe_text
from ui.playground_settings import NO_SCHEDULE, flat_hparams

LOG_MANTISSAS = (1.0, 1.5, 2.0, 3.0, 5.0, 7.0)
# The knobs that make an optimizer what it is, shown on its panel. The rest of its
# hyperparameters sit one click away, in a popover: the browser mounts a popover's widgets
# only when it opens, and a phone pays for every widget on screen.
MAIN_HPARAMS = ("lr", "momentum", "alpha", "rho", "beta1", "beta2", "damping")
# What a control calls when the user changes it (a Streamlit widget callback, before the
# rerun), if anything: on_change(read), where read() gives the control's new value as the
# control returns it.
OnChange = Callable[[Callable[[], Any]], None] | None
# The same for a set of hyperparameters: on_change(name, read).
OnHparam = Callable[[str, Callable[[], Any]], None] | None


def scoped_key(prefix: str, owners: tuple[str, ...], name: str, suffix: str = "") -> str:
    """The catalog key of ``name`` as its owner uses it: ``<prefix>.<owner>.<name><suffix>``
    for the first of ``owners`` the catalog has it for (a warm-up, then the schedule it
    warms up), else the shared ``<prefix>.<name><suffix>``.

    >>> scoped_key("hp", ("rmsprop",), "momentum", ".help"), scoped_key("hp", ("sgd",), "lr")
    ('hp.rmsprop.momentum.help', 'hp.lr')
    """
    for owner in owners:
        own = f"{prefix}.{owner}.{name}{suffix}"
        if own in CATALOG:
            return own
    return f"{prefix}.{name}{suffix}"


def hparam_label(optimizer: str, name: str, lang: str = "en") -> str:
    """The label of hyperparameter ``name`` (flat: beta1) as ``optimizer``'s controls show it."""
    return t(scoped_key("hp", (optimizer,), name), lang)


def schedule_owners(schedule: str) -> tuple[str, ...]:
    """Whose words a schedule's parameters take: its own, then those of what it warms up."""
    after = schedules.get(schedule).after
    return (schedule,) if after is None else (schedule, after.name)


def log_options(lo: float, hi: float, *include: float) -> list[float]:
    """Nice values from ``lo`` to ``hi``: 1, 1.5, 2, 3, 5, 7 per decade, plus ``include``.

    >>> log_options(1e-3, 1e-2)
    [0.001, 0.0015, 0.002, 0.003, 0.005, 0.007, 0.01]
    """
    values = {lo, hi, *include}
    for exponent in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1):
        for mantissa in LOG_MANTISSAS:
            value = float(f"{mantissa}e{exponent}")
            if lo <= value <= hi:
                values.add(value)
    return sorted(values)


def power_of_two_options(lo: int, hi: int, *include: int) -> list[int]:
    """1, 2, 4, ... from ``lo`` to ``hi`` (batch sizes), plus ``include``."""
    values = {lo, hi, *include}
    value = 1
    while value <= hi:
        if value >= lo:
            values.add(value)
        value *= 2
    return sorted(values)


def linear_step(lo: float, hi: float) -> float:
    """A slider step giving 100-1000 positions: 0.001 for [0, 0.99], 0.01 for [0, 5]."""
    span = hi - lo
    return 10.0 ** (math.floor(math.log10(span)) - 2) if span > 0 else 1.0


def _format(step: float) -> str:
    decimals = max(0, -math.floor(math.log10(step)))
    return f"%.{decimals}f"


def _g(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _same(value: Any) -> Any:
    return value


def _stepped(value: float) -> float:
    """A linear slider's value without the float noise of its steps (0.30000000000000004)."""
    return round(value, 12)


def _read(key: str, convert: Callable[[Any], Any]) -> Any:
    return convert(st.session_state[key])


def _notify(on_change: OnChange, key: str, convert: Callable[[Any], Any] = _same) -> dict:
    """The widget's callback arguments for ``on_change`` (see OnChange)."""
    if on_change is None:
        return {}
    return {"on_change": on_change, "args": (functools.partial(_read, key, convert),)}


def _bound(value: float, integer: bool) -> float | int | None:
    """A number input's limit: None for an infinite end."""
    if not math.isfinite(value):
        return None
    return int(value) if integer else value


def number_control(
    label: str,
    value: float,
    *,
    key: str,
    span: tuple[float, float] | None,
    allowed: tuple[float, float] = (-math.inf, math.inf),
    log: bool = False,
    integer: bool = False,
    help: str | None = None,
    on_change: OnChange = None,
) -> float | int:
    """A slider (log or linear) over ``span``, or a number input when there is no span."""
    if span is None:
        lo, hi = allowed
        return st.number_input(
            label,
            min_value=_bound(lo, integer),
            max_value=_bound(hi, integer),
            value=int(value) if integer else float(value),
            step=1 if integer else None,
            format=None if integer else "%g",
            key=key,
            help=help,
            **_notify(on_change, key),
        )
    lo, hi = min(span[0], value), max(span[1], value)
    if log and integer:
        options = power_of_two_options(int(lo), int(hi), int(value))
        return st.select_slider(
            label, options, value=int(value), key=key, help=help, **_notify(on_change, key)
        )
    if log:
        # A log scale has no 0: a value of 0 (allowed, e.g. from a link) sits before the scale.
        positive = [v for v in (span[0], value) if v > 0]
        options = log_options(min(positive) if positive else hi * 1e-6, hi)
        options = [*options, value] if value > 0 else [value, *options]
        options = sorted(set(options))
        return st.select_slider(
            label,
            options,
            value=value,
            format_func=_g,
            key=key,
            help=help,
            **_notify(on_change, key),
        )
    if integer:
        return st.slider(
            label, int(lo), int(hi), int(value), key=key, help=help, **_notify(on_change, key)
        )
    step = linear_step(lo, hi)
    return _stepped(
        st.slider(
            label,
            float(lo),
            float(hi),
            float(value),
            step=step,
            format=_format(step),
            key=key,
            help=help,
            **_notify(on_change, key, _stepped),
        )
    )


def hparam_control(
    optimizer: str,
    hp: HParam,
    value: Any,
    *,
    key: str,
    lang: str = "en",
    with_help: bool = True,
    on_change: OnChange = None,
) -> Any:
    """The widget for one (flat) hyperparameter of ``optimizer`` (``with_help=False``: no help
    icon, the caller explains it otherwise)."""
    label = hparam_label(optimizer, hp.name, lang)
    help = t(scoped_key("hp", (optimizer,), hp.name, ".help"), lang) if with_help else None
    if hp.kind == "bool":
        return st.checkbox(label, value=bool(value), key=key, help=help, **_notify(on_change, key))
    return number_control(
        label,
        float(value),
        key=key,
        span=hp.slider,
        allowed=hp.constraint.bounds,
        log=hp.log,
        help=help,
        on_change=on_change,
    )


def hparam_controls(
    optimizer: str,
    values: Mapping[str, Any],
    *,
    key: str,
    lang: str = "en",
    main: bool | None = None,
    with_help: bool = True,
    on_change: OnHparam = None,
) -> dict[str, Any]:
    """The hyperparameters of ``optimizer`` (pairs split: beta1, beta2), numbers first: all
    of them, or only the main ones (``main=True``, see MAIN_HPARAMS) or only the others."""
    flat = [
        hp
        for hp in flat_hparams(optimizer).values()
        if main is None or (hp.name in MAIN_HPARAMS) == main
    ]
    numbers = [hp for hp in flat if hp.kind != "bool"]
    switches = [hp for hp in flat if hp.kind == "bool"]
    return {
        hp.name: hparam_control(
            optimizer,
            hp,
            values[hp.name],
            key=f"{key}.{hp.name}",
            lang=lang,
            with_help=with_help,
            on_change=None if on_change is None else functools.partial(on_change, hp.name),
        )
        for hp in (*numbers, *switches)
    }


def preset_note(preset: str, optimizer: str, lang: str = "en") -> str:
    """What the preset is and what its main knobs mean, as one caption (in place of a help
    icon on the preset box and on each main knob)."""
    lines = [t(f"preset.{preset}", lang)]
    lines += [
        f"**{hparam_label(optimizer, name, lang)}**: "
        + t(scoped_key("hp", (optimizer,), name, ".help"), lang)
        for name in flat_hparams(optimizer)
        if name in MAIN_HPARAMS
    ]
    return "  \n".join(lines)


def surface_param_controls(
    specs: tuple[ParamSpec, ...], values: Mapping[str, Any], *, key: str, lang: str = "en"
) -> dict[str, Any]:
    """A slider per surface parameter (the surface's own ones; pass noise/batch separately)."""
    return {
        spec.name: number_control(
            t(f"surface.param.{spec.name}", lang),
            values.get(spec.name, spec.default),
            key=f"{key}.{spec.name}",
            span=spec.range,
            log=spec.log,
            integer=spec.integer,
        )
        for spec in specs
    }


def preset_title(name: str) -> str:
    """What a preset's button or option says: "Nesterov", "Adam (Keras epsilon)"."""
    return optimizers.preset(name).title


def preset_select(preset: str, *, key: str, lang: str = "en", label: str | None = None) -> str:
    """Choose an optimizer by preset (SGD, Momentum, Nesterov, ..., AMSGrad, AdamW...).

    No help icon: the panel's popover says what the chosen preset is."""
    names = optimizers.presets()
    return st.selectbox(
        label or t("pg.preset", lang),
        names,
        index=names.index(preset),
        format_func=preset_title,
        key=key,
    )


def related_presets(preset: str) -> list[str]:
    """Presets one click away from ``preset``: its own optimizer's, and those named after it
    (Adam: AMSGrad, AdamW, Adamax, the Keras and no-bias-correction variants)."""
    optimizer = optimizers.preset(preset).optimizer
    return [
        name
        for name in optimizers.presets()
        if optimizers.preset(name).optimizer == optimizer or name.startswith(optimizer)
    ]


def preset_pills(preset: str, *, key: str, on_change: Any, args: tuple, lang: str = "en") -> None:
    """One-click presets of the same family as ``preset`` (nothing when it has none)."""
    family = related_presets(preset)
    if len(family) < 2:
        return
    st.pills(
        t("pg.presets", lang),
        family,
        default=preset,
        format_func=preset_title,
        key=key,
        on_change=on_change,
        args=args,
        label_visibility="collapsed",
    )


def _schedule_title(name: str, lang: str) -> str:
    if name == NO_SCHEDULE:
        return t("pg.no_schedule", lang)
    return t(f"sched.{name}", lang)


def _integers(constraint: IntegerList, value: tuple[int, ...], text: str) -> tuple[int, ...]:
    typed = constraint.from_text(text)
    return value if typed is REFUSED else typed


def integer_list_control(
    label: str,
    value: tuple[int, ...],
    constraint: IntegerList,
    *,
    key: str,
    lang: str = "en",
    on_change: OnChange = None,
) -> tuple[int, ...]:
    """A text box for a list of integers ("50, 100, 150"). Text that does not read as one
    keeps ``value`` and says why right under the box, instead of silently ignoring it."""
    text = st.text_input(
        label,
        constraint.text(value),
        key=key,
        help=t("pg.milestones_help", lang),
        **_notify(on_change, key, functools.partial(_integers, constraint, value)),
    )
    typed = constraint.from_text(text)
    if typed is REFUSED:
        allowed = t("controls.allowed_list", lang, interval=constraint.items.notation())
        st.error(
            t(
                "controls.refused",
                lang,
                param=label,
                allowed=allowed,
                given=safe_text(text),
                used=constraint.text(value),
            )
        )
        return value
    return typed


def schedule_param_control(
    schedule: str, p: Any, value: Any, *, key: str, lang: str = "en", on_change: OnChange = None
) -> Any:
    """The widget for one schedule parameter (float, int, bool, choice, ints, formula)."""
    help = t(scoped_key("sched.param", schedule_owners(schedule), p.name), lang)
    label = t(f"sched.label.{p.name}", lang)
    if p.kind == "bool":
        return st.checkbox(label, value=bool(value), key=key, help=help, **_notify(on_change, key))
    if p.kind == "choice":
        choices = p.constraint.choices
        return st.selectbox(
            label,
            choices,
            index=choices.index(value),
            key=key,
            help=help,
            **_notify(on_change, key),
        )
    if p.kind == "ints":
        return integer_list_control(
            label, value, p.constraint, key=key, lang=lang, on_change=on_change
        )
    if p.kind == "formula":
        return st.text_input(label, str(value), key=key, help=help, **_notify(on_change, key))
    return number_control(
        label,
        value,
        key=key,
        span=p.slider,
        allowed=p.constraint.bounds,
        log=p.log,
        integer=p.kind == "int",
        help=help,
        on_change=on_change,
    )


def schedule_controls(
    schedule: str,
    params: Mapping[str, Any],
    *,
    lr: float,
    steps: int,
    key: str,
    lang: str = "en",
    on_change: OnChange = None,
) -> tuple[str, dict[str, Any]]:
    """Pick a schedule and set its parameters; returns (name, parameters changed from the
    defaults). Derived defaults (T_max = steps, ...) are shown resolved."""
    names = [NO_SCHEDULE, *schedules.names()]
    chosen = st.selectbox(
        t("pg.schedule", lang),
        names,
        index=names.index(schedule) if schedule in names else 0,
        format_func=lambda name: _schedule_title(name, lang),
        key=f"{key}.schedule",
        **_notify(on_change, f"{key}.schedule"),
    )
    if chosen == NO_SCHEDULE:
        return chosen, {}
    spec = schedules.get(chosen)
    given = dict(params) if chosen == schedule else {}
    try:
        resolved = schedules.resolve(chosen, lr=lr, steps=steps, **given)
    except ValueError:
        resolved = {**schedules.resolve(chosen, lr=lr, steps=steps), **given}
    defaults = schedules.resolve(chosen, lr=lr, steps=steps)
    changed = {}
    for p in spec.params:
        # The default is part of the key: when steps (and so T_max's default) change, the
        # widget starts over from the new default instead of keeping the old one.
        value = schedule_param_control(
            chosen,
            p,
            resolved[p.name],
            key=f"{key}.{chosen}.{p.name}.{defaults[p.name]!r}",
            lang=lang,
            on_change=on_change,
        )
        if value != defaults[p.name]:
            changed[p.name] = value
    return chosen, changed


def color_heading(label: str, color: str) -> None:
    """A bold label with a colour swatch matching the optimizer's path."""
    st.markdown(
        f'<span style="color:{html.escape(color)};font-size:1.3em">●</span> '
        f"<b>{html.escape(label)}</b>",
        unsafe_allow_html=True,
    )
