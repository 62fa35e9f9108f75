"""Learning-rate schedules: lr(t) of several schedules side by side, each with its formula
(LambdaLR with a formula typed in t), then the paths and loss curves the same optimizer
produces under each on one surface, animated on one timeline.

Read the widgets (settings from the link, the sidebar) -> compute through the core (cached)
-> build the figures (viz.schedule_plots, viz.paths) -> render.
"""

import math
from dataclasses import replace

import streamlit as st

import optimizers
from i18n import t
from optimizers import schedules
from ui import compute, link_state
from ui.chart import plotly_chart
from ui.controls import schedule_param_control
from ui.exports import export_buttons, export_section
from ui.lesson_panels import last_good, lesson_header, lesson_sidebar
from ui.playground_settings import NO_SCHEDULE
from ui.settings.schedules import (
    MAX_SCHEDULES,
    SCHEDULE_CHOICES,
    schedules_from_query,
    schedules_to_query,
)
from ui.shell import current_language
from viz import schedule_plots
from viz.paths import path_runs, paths_figure

PAGE = "schedules"
CONSTANT_LATEX = r"\eta_k = \eta"

lang = current_language()
settings, key = lesson_header(
    PAGE, schedules_from_query, catalog="schedpage", key_prefix="sc", lang=lang
)


def title(name: str) -> str:
    if name == NO_SCHEDULE:
        return t("pg.no_schedule", lang)
    return t(f"sched.{name}", lang)


def same_value(a: object, b: object) -> bool:
    # Sliders round to 12 digits: 1/3 comes back as 0.333333333333, still the default.
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9)
    return a == b


base, entry, formula_slot, error_slot = lesson_sidebar(
    settings.base, settings.entry, presets=optimizers.presets(), key=key, lang=lang
)
lr = float(entry.values()["lr"])

chosen = st.multiselect(
    t("schedpage.choose", lang),
    SCHEDULE_CHOICES,
    default=settings.names,
    format_func=title,
    max_selections=MAX_SCHEDULES,
    key=f"{key}.chosen",
    help=t("schedpage.choose_help", lang, max=MAX_SCHEDULES),
)
given = dict(settings.schedules)
picked, slots = [], {}
columns = st.columns(3)
for i, name in enumerate(chosen):
    # Each schedule's formula and knobs are made only while its box is open (opening it
    # reruns the page): a slider move does not pay for the boxes nobody looks at.
    box = columns[i % 3].expander(
        title(name), expanded=name == "lambda", key=f"{PAGE}.{name}.open", on_change="rerun"
    )
    own = given.get(name, ())
    if not box.open:
        picked.append((name, () if name == NO_SCHEDULE else own))
        continue
    with box:
        if name == NO_SCHEDULE:
            st.latex(CONSTANT_LATEX)
            st.caption(t("schedpage.constant_lr", lang))
            picked.append((name, ()))
            continue
        spec = schedules.get(name)
        st.latex(spec.formula_latex)
        st.caption(t(f"schedpage.summary.{name}", lang))
        defaults = schedules.resolve(name, lr=lr, steps=base.steps)
        try:
            shown = schedules.resolve(name, lr=lr, steps=base.steps, **dict(own))
        except ValueError:
            shown = {**defaults, **dict(own)}
        changed = {}
        for p in spec.params:
            value = schedule_param_control(
                name, p, shown[p.name], key=f"{key}.{name}.{p.name}.{defaults[p.name]!r}", lang=lang
            )
            if not same_value(value, defaults[p.name]):
                changed[p.name] = value
        picked.append((name, tuple(sorted(changed.items()))))
        slots[name] = st.empty()

log_y = st.checkbox(t("schedpage.log_y", lang), value=settings.log_y, key=f"{key}.log")
lr_slot = st.container()
st.subheader(t("schedpage.paths.title", lang))
st.markdown(t("schedpage.paths.explain", lang))
paths_slot = st.container()

settings = replace(
    settings,
    base=replace(base, optimizers=(entry,)),
    schedules=tuple(picked) or ((NO_SCHEDULE, ()),),
    log_y=log_y,
)
link_state.store(PAGE, settings)
link_state.publish(PAGE, settings, schedules_to_query, lang)

# --- compute ------------------------------------------------------------------------------
surface_key = compute.surface_key(base.surface, base.surface_params, base.formula, base.bounds)
surface = None
try:
    surface = compute.surface(surface_key)
except ValueError as err:
    (formula_slot or st).error(t("pg.formula_error", lang, error=str(err)))

runs = []
if surface is not None:
    for name, params in settings.schedules:
        try:
            request = compute.RunRequest.of(
                surface_key,
                entry.optimizer,
                entry.run_kwargs(),
                base,
                None if name == NO_SCHEDULE else name,
                params,
            )
            traj = compute.trajectory(request)
        except ValueError as err:
            slot = slots.get(name, error_slot)
            slot.error(t("schedpage.error", lang, name=title(name), error=str(err)))
            continue
        runs.append((title(name), traj))

# --- figures ------------------------------------------------------------------------------
with lr_slot:
    if runs:
        curves = [(label, schedule_plots.lr_series(traj.lr)) for label, traj in runs]
        plotly_chart(
            schedule_plots.lr_figure(curves, log_y=log_y, lang=lang),
            key=f"{PAGE}.lr_chart",
        )
        st.caption(t("schedpage.band_caption", lang))


def _paths_figure():
    paths = path_runs([label for label, _ in runs], [traj for _, traj in runs])
    return paths_figure(
        compute.grid(surface_key),
        paths,
        minima=surface.minima,
        saddles=surface.saddles,
        log_contour=surface.log_contour,
        f_min=surface.f_min,
        speed=base.speed,
        lang=lang,
    )


figure_key = (surface_key, settings.base, settings.schedules, lang)
figure, stale = last_good(f"{PAGE}.paths", figure_key, _paths_figure if runs else None)
with paths_slot:
    if figure is None:
        st.info(t("pg.no_figure", lang))
    else:
        if stale:
            st.info(t("pg.kept_figure", lang))
        plotly_chart(figure, key=f"{PAGE}.paths_chart")
        if runs:
            export_section(
                f"{PAGE}.export",
                lang,
                lambda: export_buttons(
                    figure,
                    runs,
                    schedules_to_query(settings),
                    basename="schedules",
                    key=f"{PAGE}.export",
                    lang=lang,
                ),
            )

if surface is not None:
    with st.sidebar:
        st.latex(surface.formula_latex)
        st.caption(t(f"surface.{base.surface}.lesson", lang))
