"""Moment estimates: an optimizer's state buffers over time, the gradient vs the momentum vs
the step taken on the contour, one step's rule with the run's numbers, and Newton's local
quadratic model with the Hessian's condition number.

Read the widgets (settings from the link, the sidebar) -> compute through the core (cached)
-> build the figures (viz.moments, viz.newton, viz.step_inspector) -> render.
"""

from dataclasses import replace

import streamlit as st

import optimizers
from i18n import t
from ui import compute, link_state
from ui.chart import plotly_chart
from ui.controls import hparam_controls
from ui.exports import export_buttons, export_section
from ui.lesson_panels import last_good, lesson_header, lesson_sidebar
from ui.settings.moments import (
    MOMENTS_PRESETS,
    NEWTON_MAX_STEPS,
    moments_from_query,
    moments_to_query,
)
from ui.shell import current_language
from ui.tables import small_table
from viz import moments, newton, step_inspector

PAGE = "moments"

lang = current_language()
settings, key = lesson_header(
    PAGE, moments_from_query, catalog="moments", key_prefix="mo", lang=lang
)

base, entry, formula_slot, error_slot = lesson_sidebar(
    settings.base, settings.entry, presets=MOMENTS_PRESETS, key=key, lang=lang
)
spec = optimizers.get(entry.optimizer)
text, formula = st.columns([3, 2])
text.markdown(t("moments.explain", lang))
formula.latex(spec.formula_latex)
figure_slot = st.container()

st.subheader(t("moments.inspector.title", lang))
st.markdown(t("moments.inspector.explain", lang))
step_t = st.slider(
    t("moments.inspector.step", lang),
    1,
    base.steps,
    min(base.step + 1, base.steps),
    key=f"{key}.t",
    help=t("moments.inspector.step_help", lang),
)
base = replace(base, optimizers=(entry,), step=step_t - 1)
inspector_slot = st.container()

st.subheader(t("newton.title", lang))
st.markdown(t("newton.explain", lang))
st.latex(optimizers.get("newton").formula_latex)
nkey = f"{key}.newton"
cols = st.columns(2)
with cols[0]:
    values = hparam_controls("newton", settings.newton.values(), key=nkey, lang=lang)
with cols[1]:
    newton_steps = st.slider(
        t("newton.steps", lang), 1, NEWTON_MAX_STEPS, settings.newton_steps, key=f"{nkey}.steps"
    )
    newton_step = st.slider(
        t("newton.step", lang),
        0,
        newton_steps,
        min(settings.newton_step, newton_steps),
        key=f"{nkey}.t.{newton_steps}",
    )
settings = replace(
    settings,
    base=base,
    newton=settings.newton.with_values(values),
    newton_steps=newton_steps,
    newton_step=newton_step,
)
newton_slot = st.container()

link_state.store(PAGE, settings)
link_state.publish(PAGE, settings, moments_to_query, lang)

# --- compute ------------------------------------------------------------------------------
surface_key = compute.surface_key(base.surface, base.surface_params, base.formula, base.bounds)
surface = traj = newton_traj = None
try:
    surface = compute.surface(surface_key)
except ValueError as err:
    (formula_slot or st).error(t("pg.formula_error", lang, error=str(err)))
if surface is not None:
    try:
        traj = compute.trajectory(
            compute.RunRequest.of(surface_key, entry.optimizer, entry.run_kwargs(), base)
        )
    except ValueError as err:
        error_slot.error(t("pg.hparam_error", lang, name=entry.title, error=str(err)))
    try:
        request = compute.RunRequest.of(surface_key, "newton", settings.newton.run_kwargs(), base)
        newton_traj = compute.trajectory(request._replace(steps=newton_steps))
    except ValueError as err:
        newton_slot.error(t("pg.hparam_error", lang, name="Newton", error=str(err)))

# --- figures ------------------------------------------------------------------------------
figure_key = (surface_key, entry, base.start_point(), base.steps, base.seed, base.step, lang)
figure, stale = last_good(
    f"{PAGE}.figure",
    figure_key,
    None
    if traj is None
    else lambda: moments.moments_figure(
        surface, traj, series=spec.display_series, current=base.step, lang=lang
    ),
)
with figure_slot:
    if figure is None:
        st.info(t("pg.no_figure", lang))
    else:
        if stale:
            st.info(t("pg.kept_figure", lang))
        plotly_chart(figure, key=f"{PAGE}.chart")
        st.caption(t("moments.arrows_caption", lang))
        if traj is not None:
            export_section(
                f"{PAGE}.export",
                lang,
                lambda: export_buttons(
                    figure,
                    [(entry.title, traj)],
                    moments_to_query(settings),
                    basename="moments",
                    key=f"{PAGE}.export",
                    lang=lang,
                ),
            )

with inspector_slot:
    if traj is not None:
        lines = step_inspector.inspect_step(traj, step_t, rule=spec.inspector)
        if spec.inspector is None:
            st.caption(t("moments.inspector.records_only", lang))
        for line in lines:
            st.latex(line.latex())
        small_table(step_inspector.table_rows(lines, lang))

with newton_slot:
    if newton_traj is not None:
        models = newton.local_models(surface, newton_traj.xy[newton_step : newton_step + 1, 0])
        lam1, lam2 = models.eigenvalues[0]
        kappa = models.condition[0]
        metrics = st.columns(4)
        metrics[0].metric(
            t("newton.condition", lang), f"{kappa:.4g}" if kappa < float("inf") else "∞"
        )
        metrics[1].metric("λ₁", f"{lam1:.4g}")
        metrics[2].metric("λ₂", f"{lam2:.4g}")
        kind = newton.curvature_kind(models.eigenvalues[0])
        metrics[3].metric(t("newton.curvature", lang), t(f"newton.kind.{kind}", lang))
        newton_figure = newton.newton_figure(surface, newton_traj, current=newton_step, lang=lang)
        plotly_chart(newton_figure, key=f"{PAGE}.newton_chart")
        st.caption(t("newton.caption", lang))

if surface is not None:
    with st.sidebar:
        st.latex(surface.formula_latex)
        st.caption(t(f"surface.{base.surface}.lesson", lang))
