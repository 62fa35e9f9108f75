"""The Playground's controls: the sidebar, one panel per optimizer, the step buttons.

Each function renders widgets whose values come from ``PlaygroundSettings`` and returns the
settings the widgets now hold. Actions that change settings from outside the widgets
(add, remove, reset to preset, click on the map) are callbacks that store new settings
before the rerun and bump the widget revision (``ui.link_state``). A panel's own controls
store their value from their callback too, and rerun only what shows it (see ``_moved``).
Widgets whose range or meaning depends on another widget (the surface's parameters, the
preset's hyperparameters) carry that choice in their key, so they start afresh when it
changes in the same run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

import streamlit as st

import optimizers
import surfaces
from i18n import t
from ui import link_state
from ui.controls import (
    color_heading,
    hparam_controls,
    number_control,
    preset_note,
    preset_pills,
    preset_title,
    schedule_controls,
    surface_param_controls,
)
from ui.exports import open_key
from ui.links import MAX_OPTIMIZERS, MAX_SEED, MAX_STEPS
from ui.playground_settings import (
    CUSTOM,
    SPEEDS,
    TOLERANCES,
    VIEWS,
    OptimizerEntry,
    PlaygroundSettings,
    surface_param_specs,
)
from ui.present import on_phone
from viz.animation import timeline
from viz.contour import picked_point

PAGE = "playground"
# What computes an optimizer's trajectory from its entry (None: there is no surface to run on).
Runner = Callable[[OptimizerEntry], Any] | None
COMMON_PARAMS = ("noise", "batch")
# Frames of the Playground's animation: every 4th step of the default 300. Each frame costs
# Python validation time on every rebuild, and the rebuild must stay well under 150 ms.
MAX_FRAMES = 100
STEP_CHOICES = (10, 20, 50, 100, 200, 300, 500, 1000, 1500, MAX_STEPS)


# The page's fragments, by key (what a callback names to rerun): each optimizer's panel,
# the figure with its step buttons and summary, the export box, and all of them together.
ALL_FRAGMENT = f"{PAGE}.fragment.all"
FIGURE_FRAGMENT = f"{PAGE}.fragment.figure"
EXPORT_FRAGMENT = f"{PAGE}.fragment.export"
EXPORT_KEY = f"{PAGE}.export"  # the export section's (its buttons' keys start with it)


def panel_fragment(index: int) -> str:
    """The key of panel ``index``'s fragment."""
    return f"{PAGE}.fragment.o{index}"


def _store(settings: PlaygroundSettings) -> None:
    link_state.store(PAGE, settings, external=True)


# --- callbacks (run before the script, on the stored settings) -----------------------------


def _redraw(*panels: int) -> None:
    """Rerun ``panels``, then the figure and, if open, the export box; nothing else.

    Must come last in a callback (``st.rerun`` ends it). Each panel is a dozen messages to
    the browser and as many widgets it redraws; a closed export box shows nothing of the
    figure (opening it reruns it)."""
    exports = [EXPORT_FRAGMENT] if st.session_state.get(open_key(EXPORT_KEY)) else []
    st.rerun([*map(panel_fragment, panels), FIGURE_FRAGMENT, *exports])


def _error_key(index: int) -> str:
    return f"{PAGE}.o{index}.error"  # True while panel ``index`` shows an error


def _moved(index: int, run: Runner, name: str, read: Callable[[], Any]) -> None:
    """Hyperparameter ``name`` of panel ``index`` changed: store the entry it makes, and
    redraw the figure. The panel itself (its slider already shows the value) reruns only
    when something in it shows the entry: its open popover, an error shown or now raised.
    """
    settings = link_state.current(PAGE)
    entry = settings.optimizers[index]
    entry = entry.with_values({**entry.values(), name: read()})
    link_state.store(PAGE, settings.with_entry(index, entry))
    shown = st.session_state.get(more_key(index)) or st.session_state.get(_error_key(index))
    _redraw(*((index,) if shown or not _runs(run, entry) else ()))


def _runs(run: Runner, entry: OptimizerEntry) -> bool:
    """Whether ``entry`` runs (computed once: the figure then finds it in the cache)."""
    try:
        if run is not None:
            run(entry)
    except ValueError:
        return False
    return True


def _redraw_all() -> None:
    """Rerun every panel, the figure and the export box: after a change that renames or
    renumbers panels, or re-keys their widgets (``link_state.bump``). Must come last."""
    st.rerun(ALL_FRAGMENT)


# The "Add optimizer" popover's key (its open state lives there).
ADD_KEY = f"{PAGE}.add"
# The key of the picker of the one panel a phone shows (its index).
SHOWN_PANEL_KEY = f"{PAGE}.shown_panel"


def more_key(index: int) -> str:
    """The key of panel ``index``'s "More settings" popover (its open state lives there)."""
    return f"{PAGE}.o{index}.more"


def preset_key(index: int) -> str:
    """The key of panel ``index``'s preset chooser popover (its open state lives there)."""
    return f"{PAGE}.o{index}.choose"


def _remove(index: int) -> None:
    settings = link_state.current(PAGE)
    kept = settings.optimizers[:index] + settings.optimizers[index + 1 :]
    if kept:
        _store(replace(settings, optimizers=kept))
        # The panels after it move up one place: an open popover would now show another
        # optimizer's settings (the one removed was being edited in it), so it closes.
        for later in range(index, len(settings.optimizers)):
            st.session_state[more_key(later)] = False
            st.session_state[preset_key(later)] = False
    _redraw_all()


def _add(choice_key: str) -> None:
    settings = link_state.current(PAGE)
    preset = st.session_state.get(choice_key)
    if preset is not None and len(settings.optimizers) < MAX_OPTIMIZERS:
        _store(replace(settings, optimizers=(*settings.optimizers, OptimizerEntry(preset))))
        st.session_state[SHOWN_PANEL_KEY] = len(settings.optimizers)  # a phone shows it
    # The choice is made: its popover closes, and opens next time with nothing chosen.
    st.session_state[choice_key] = None
    st.session_state[ADD_KEY] = False


def _set_preset(index: int, pills_key: str) -> None:
    chosen = st.session_state.get(pills_key)
    settings = link_state.current(PAGE)
    if chosen is None or chosen == settings.optimizers[index].preset:
        return  # deselecting the current preset changes nothing
    _store(settings.with_entry(index, settings.optimizers[index].with_preset(chosen)))


def _choose_preset(index: int, pills_key: str) -> None:
    _set_preset(index, pills_key)
    _redraw_all()  # the label may change (a second "Adam" is "Adam (2)"), in other panels too


def _choose_from_list(index: int, pills_key: str) -> None:
    _set_preset(index, pills_key)
    st.session_state[preset_key(index)] = False  # chosen: the list closes
    _redraw_all()


def _reset(index: int) -> None:
    settings = link_state.current(PAGE)
    _store(settings.with_entry(index, replace(settings.optimizers[index], overrides=())))
    _redraw_all()


def _reset_start() -> None:
    _store(replace(link_state.current(PAGE), start=None, step=0))


def _step(delta: int) -> None:
    settings = link_state.current(PAGE)
    line = timeline(settings.steps, MAX_FRAMES)
    frame = min(max(line.frame_of(settings.step) + delta, 0), len(line.steps) - 1)
    # No widget shows the step: the panels' widgets keep their keys, and only the figure
    # (and what exports it) is redrawn.
    link_state.store(PAGE, replace(settings, step=int(line.steps[frame])))
    _redraw()


def pick_start(chart_key: str, shown_key: str) -> None:
    """Chart selection callback: a click on the map's click layer becomes the start point.

    ``shown_key`` holds the record of the figure on screen (its ``.figure``), whose traces
    say which clicks are start points (``viz.contour.picked_point``).
    """
    state = st.session_state.get(chart_key)
    shown = st.session_state.get(shown_key)
    if state is None or shown is None:
        return
    point = picked_point(state.get("selection"), shown.figure)
    if point is not None:
        x, y = (round(v, 4) for v in point)
        _store(replace(link_state.current(PAGE), start=(x, y), step=0))


# --- sidebar ----------------------------------------------------------------------------------


def surface_sidebar(
    settings: PlaygroundSettings, *, key: str, lang: str
) -> tuple[PlaygroundSettings, object]:
    """Surface choice, its parameters, a custom formula and its window.

    Returns the new settings and the slot right under the formula (None for a built-in
    surface), where the page shows why a formula was refused.
    """
    names = [*surfaces.names(), CUSTOM]
    name = st.selectbox(
        t("pg.surface", lang),
        names,
        index=names.index(settings.surface),
        format_func=lambda n: (
            t("pg.surface_custom", lang) if n == CUSTOM else t(f"surface.{n}.title", lang)
        ),
        key=f"{key}.surface",
    )
    settings = settings.with_surface(name)
    skey = f"{key}.{name}"
    slot = None
    if settings.is_custom:
        formula = st.text_input(
            t("pg.formula", lang),
            settings.formula,
            key=f"{skey}.formula",
            help=t("pg.formula_help", lang),
        )
        slot = st.empty()
        st.caption(t("pg.bounds", lang))
        cols = st.columns(2)
        bounds = []
        for i, label in enumerate(("xmin", "xmax", "ymin", "ymax")):
            bounds.append(
                cols[i % 2].number_input(
                    label,
                    -1e3,
                    1e3,
                    float(settings.bounds[i]),
                    step=0.5,
                    format="%g",
                    key=f"{skey}.{label}",
                )
            )
        settings = replace(settings, formula=formula, bounds=tuple(bounds))
    own = [spec for spec in surface_param_specs(settings) if spec.name not in COMMON_PARAMS]
    values = dict(settings.surface_params)
    chosen = surface_param_controls(tuple(own), values, key=skey, lang=lang)
    return _with_surface_params(settings, chosen), slot


def _with_surface_params(settings: PlaygroundSettings, chosen: dict) -> PlaygroundSettings:
    specs = {spec.name: spec for spec in surface_param_specs(settings)}
    params = dict(settings.surface_params)
    params.update(chosen)
    changed = {k: v for k, v in params.items() if k in specs and v != specs[k].default}
    return replace(settings, surface_params=tuple(sorted(changed.items())))


def start_inputs(settings: PlaygroundSettings, *, skey: str) -> tuple[float, float] | None:
    """x0 and y0 inputs inside the window; None while they show the surface's default start."""
    (xmin, xmax), (ymin, ymax) = settings.window()
    x0, y0 = settings.start_point()
    cols = st.columns(2)
    x = cols[0].number_input(
        "x₀", xmin, xmax, float(min(max(x0, xmin), xmax)), step=0.1, format="%.4g", key=f"{skey}.x0"
    )
    y = cols[1].number_input(
        "y₀", ymin, ymax, float(min(max(y0, ymin), ymax)), step=0.1, format="%.4g", key=f"{skey}.y0"
    )
    return None if (x, y) == settings.default_start() and settings.start is None else (x, y)


def noise_and_seed(
    settings: PlaygroundSettings, *, skey: str, key: str, lang: str
) -> PlaygroundSettings:
    """Gradient noise, batch size and seed, as the settings they make."""
    specs = {spec.name: spec for spec in surface_param_specs(settings)}
    values = dict(settings.surface_params)
    # One click away, its label showing what is set: most runs have no noise at all.
    label = t(
        "pg.noise_more",
        lang,
        noise=f"{values.get('noise', specs['noise'].default):g}",
        batch=values.get("batch", specs["batch"].default),
        seed=settings.seed,
    )
    with st.popover(label, icon=":material/grain:", width="stretch"):
        return _noise_and_seed(settings, specs, values, skey=skey, key=key, lang=lang)


def _noise_and_seed(
    settings: PlaygroundSettings, specs: dict, values: dict, *, skey: str, key: str, lang: str
) -> PlaygroundSettings:
    noise = number_control(
        t("pg.noise", lang),
        values.get("noise", specs["noise"].default),
        key=f"{skey}.noise",
        span=specs["noise"].range,
        help=t("pg.noise_help", lang),
    )
    batch = number_control(
        t("pg.batch", lang),
        values.get("batch", specs["batch"].default),
        key=f"{skey}.batch",
        span=specs["batch"].range,
        log=True,
        integer=True,
        help=t("pg.batch_help", lang),
    )
    seed = st.number_input(
        t("pg.seed", lang),
        0,
        MAX_SEED,
        settings.seed,
        step=1,
        key=f"{key}.seed",
        help=t("pg.seed_help", lang),
    )
    return replace(_with_surface_params(settings, {"noise": noise, "batch": batch}), seed=int(seed))


def run_sidebar(settings: PlaygroundSettings, *, key: str, lang: str) -> PlaygroundSettings:
    """Start point, steps, gradient noise, batch size and seed."""
    skey = f"{key}.{settings.surface}.{settings.bounds}"
    st.caption(t("pg.start", lang) + " · " + t("pg.start_help", lang))
    start = start_inputs(settings, skey=skey)
    st.button(t("pg.reset_start", lang), key=f"{key}.reset_start", on_click=_reset_start)
    steps = st.select_slider(
        t("pg.steps", lang),
        sorted({*STEP_CHOICES, settings.steps}),
        value=settings.steps,
        key=f"{key}.steps",
    )
    settings = noise_and_seed(settings, skey=skey, key=key, lang=lang)
    # The step shown is a frame of the animation: snap it to the timeline of the steps.
    line = timeline(int(steps), MAX_FRAMES)
    shown = int(line.steps[line.frame_of(min(settings.step, int(steps)))])
    return replace(settings, start=start, steps=int(steps), step=shown)


def view_sidebar(settings: PlaygroundSettings, *, key: str, lang: str) -> PlaygroundSettings:
    """Layout (overlay, small multiples, 3D), play speed, tolerance of the summary."""
    view = st.radio(
        t("pg.view", lang),
        VIEWS,
        index=VIEWS.index(settings.view),
        format_func=lambda v: t(f"pg.view.{v}", lang),
        key=f"{key}.view",
    )
    label = t("pg.view_more", lang, speed=f"{settings.speed:g}", tol=f"{settings.tol:g}")
    with st.popover(label, icon=":material/speed:", width="stretch"):
        speed = st.select_slider(
            t("pg.speed", lang),
            SPEEDS,
            value=settings.speed,
            format_func=lambda v: f"{v:g}×",
            key=f"{key}.speed",
        )
        tol = st.select_slider(
            t("pg.tol", lang),
            TOLERANCES,
            value=settings.tol,
            format_func=lambda v: f"{v:g}",
            key=f"{key}.tol",
        )
    return replace(settings, view=view, speed=speed, tol=tol)


# --- main area ----------------------------------------------------------------------------------


def step_buttons(settings: PlaygroundSettings, *, key: str, lang: str) -> None:
    """◀ Step / Step ▶: move the shown step by one frame (the chart's ▶ Play animates)."""
    line = timeline(settings.steps, MAX_FRAMES)
    stride = int(line.steps[1] - line.steps[0]) if len(line.steps) > 1 else 1
    row = st.container(horizontal=True, vertical_alignment="center")
    # ← and → step from the keyboard too (Streamlit's own shortcuts, no extra component).
    row.button(
        t("pg.step_back", lang), key=f"{key}.back", on_click=_step, args=(-1,), shortcut="Left"
    )
    row.caption(
        f"{t('pg.step_shown', lang)}: **{settings.step}** / {settings.steps} · "
        + t("pg.step_help", lang, stride=stride),
        width="stretch",
    )
    row.button(
        t("pg.step_forward", lang),
        key=f"{key}.forward",
        on_click=_step,
        args=(1,),
        shortcut="Right",
    )


def optimizer_panels(
    settings: PlaygroundSettings,
    colors: list[str],
    labels: list[str],
    *,
    run: Runner,
    key: str,
    lang: str,
) -> None:
    """One bordered panel per optimizer, four to a row, then the add control; on a phone,
    one panel, picked by name above it (:func:`_shown_panels`).

    Each panel is a fragment of its own (:func:`panel_fragment`): it stores the entry its
    widgets now hold in the page's settings, then calls ``run(entry)`` and shows a
    ValueError from it right there, under the control that caused it. Its controls' changes
    are stored by their callbacks (:func:`_moved`).
    """
    shown = _shown_panels(settings, labels, run, lang)
    per_row = min(4, len(shown))
    for start in range(0, len(shown), per_row):
        # Every block is a message to the browser on every slider move: the columns carry
        # the panels' borders themselves, and each panel's rows are single flex containers.
        columns = st.columns(per_row, border=True)
        for index, column in zip(shown[start : start + per_row], columns, strict=False):
            with column:
                panel = st.fragment(_panel_and_run, key=panel_fragment(index))
                panel(index, colors[index], labels[index], run, key=key, lang=lang)
    _add_control(settings, key=key, lang=lang)


def _shown_panels(
    settings: PlaygroundSettings, labels: list[str], run: Runner, lang: str
) -> list[int]:
    """The panels to show: all of them, or on a phone the one its picker names.

    A phone stacks the panels, a screen each, and the browser draws every element on the
    page again at each step of every rerun (a Playground slider move has two or three):
    one panel in place of four was a third less to draw, on each. The others are a tap
    away on the picker; an error in one of them is shown under it, named.
    """
    if not on_phone() or len(labels) < 2:
        return list(range(len(labels)))
    picked = st.session_state.get(SHOWN_PANEL_KEY)
    if picked not in range(len(labels)):  # none yet, or its panel (the last) was removed
        st.session_state[SHOWN_PANEL_KEY] = 0 if picked is None else len(labels) - 1
    shown = st.segmented_control(
        t("pg.shown_panel", lang),
        range(len(labels)),
        format_func=labels.__getitem__,
        required=True,
        key=SHOWN_PANEL_KEY,
        label_visibility="collapsed",
        width="stretch",
    )
    for index, entry in enumerate(settings.optimizers):
        if index != shown:
            _run_or_say_why(run, entry, labels[index], lang)
    return [shown]


def _panel_and_run(index: int, color: str, label: str, run: Runner, *, key: str, lang: str) -> None:
    settings = link_state.current(PAGE)
    entry = _panel(settings, index, color, label, run, key=key, lang=lang)
    link_state.store(PAGE, settings.with_entry(index, entry))
    st.session_state[_error_key(index)] = _run_or_say_why(run, entry, label, lang)


def _run_or_say_why(run: Runner, entry: OptimizerEntry, label: str, lang: str) -> bool:
    """Run ``entry``; True, with its ValueError shown (named ``label``), when it fails."""
    try:
        if run is not None:
            run(entry)
    except ValueError as err:
        st.error(t("pg.hparam_error", lang, name=label, error=str(err)))
        return True
    return False


def _panel(
    settings: PlaygroundSettings,
    index: int,
    color: str,
    label: str,
    run: Runner,
    *,
    key: str,
    lang: str,
) -> OptimizerEntry:
    entry = settings.optimizers[index]
    moved = partial(_moved, index, run)
    color_heading(label, color)
    pkey = f"{key}.o{index}"
    preset = entry.preset
    _preset_chooser(preset, index, key=pkey, lang=lang)
    hkey = f"{pkey}.{preset}"
    values = entry.values() | hparam_controls(
        entry.optimizer,
        entry.values(),
        key=hkey,
        lang=lang,
        main=True,
        with_help=False,
        on_change=moved,
    )
    # Everything else one click away, removing the optimizer too. The popover's contents are
    # made only while it is open (opening it reruns this panel): a slider move on a panel
    # does not pay for the panels' dozen hidden controls, and a phone mounts none of them.
    # Its label stays the same (a new label would be a new, closed popover); a caption names
    # an active schedule, which would otherwise be out of sight.
    popover = st.popover(
        t("pg.more", lang),
        icon=":material/tune:",
        width="stretch",
        key=more_key(index),
        on_change="rerun",
    )
    schedule, params = entry.schedule, dict(entry.schedule_params)
    if popover.open:
        with popover:
            st.button(
                t("pg.remove", lang),
                icon=":material/close:",
                key=f"{key}.o{index}.remove",
                on_click=_remove,
                args=(index,),
                type="tertiary",
                disabled=len(settings.optimizers) == 1,
            )
            st.caption(preset_note(preset, entry.optimizer, lang))
            pills_key = f"{pkey}.{preset}.pills"
            preset_pills(
                preset, key=pills_key, on_change=_choose_preset, args=(index, pills_key), lang=lang
            )
            values |= hparam_controls(
                entry.optimizer, entry.values(), key=hkey, lang=lang, main=False, on_change=moved
            )
            st.button(
                t("pg.reset", lang),
                key=f"{pkey}.reset",
                on_click=_reset,
                args=(index,),
                disabled=not entry.with_values(values).overrides,
            )
            schedule, params = schedule_controls(
                entry.schedule,
                params,
                lr=float(values["lr"]),
                steps=settings.steps,
                key=hkey,
                lang=lang,
                on_change=lambda _read: _redraw(index),
            )
    if schedule != "none":
        st.caption(f":material/schedule: {t(f'sched.{schedule}', lang)}")
    entry = entry.with_values(values)
    return replace(entry, schedule=schedule, schedule_params=tuple(sorted(params.items())))


def _preset_chooser(preset: str, index: int, *, key: str, lang: str) -> None:
    """The optimizer's name on a button whose popover lists every preset; a click chooses.

    A selectbox would do, but it is the dearest widget on a slider move (it walks the whole
    session state); the list here is made only while open, as in "More settings".
    """
    popover = st.popover(
        preset_title(preset),
        icon=":material/swap_horiz:",
        help=None if on_phone() else t("pg.preset", lang),  # no hover there: no tooltip
        width="stretch",
        key=preset_key(index),
        on_change="rerun",
    )
    if popover.open:
        pills_key = f"{key}.{preset}.choose"
        popover.pills(
            t("pg.preset", lang),
            optimizers.presets(),
            default=preset,
            format_func=preset_title,
            key=pills_key,
            on_change=_choose_from_list,
            args=(index, pills_key),
            label_visibility="collapsed",
        )


def _add_control(settings: PlaygroundSettings, *, key: str, lang: str) -> None:
    """A popover listing every optimizer and preset; a click adds it. Like "More settings",
    its list is made only while it is open: a slider move does not pay for it."""
    full = len(settings.optimizers) >= MAX_OPTIMIZERS
    popover = st.popover(
        t("pg.add", lang),
        icon=":material/add:",
        help=None if on_phone() else t("pg.add_limit", lang, max=MAX_OPTIMIZERS),
        disabled=full,
        key=ADD_KEY,
        on_change="rerun",
    )
    if popover.open and not full:
        choice_key = f"{key}.add_choice"
        popover.pills(
            t("pg.add_choice", lang),
            optimizers.presets(),
            format_func=preset_title,
            key=choice_key,
            on_change=_add,
            args=(choice_key,),
        )
