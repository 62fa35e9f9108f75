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
from ui.present import folded_on_phone
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

# Under the chart, each folded on a phone (ui.present.folded_on_phone); closed, a section's
# settings are the link's.
step_t = min(base.step + 1, base.steps)
inspector = folded_on_phone(t("moments.inspector.title", lang), f"{key}.inspector")
if inspector is not None:
    with inspector:
        st.markdown(t("moments.inspector.explain", lang))
        step_t = st.slider(
            t("moments.inspector.step", lang),
            1,
            base.steps,
            step_t,
            key=f"{key}.t",
            help=t("moments.inspector.step_help", lang),
        )
        inspector_slot = st.container()
base = replace(base, optimizers=(entry,), step=step_t - 1)

values = settings.newton.values()
newton_steps, newton_step = settings.newton_steps, settings.newton_step
newton_section = folded_on_phone(t("newton.title", lang), f"{key}.newton_open")
if newton_section is not None:
    with newton_section:
        st.markdown(t("newton.explain", lang))
        st.latex(optimizers.get("newton").formula_latex)
        nkey = f"{key}.newton"
        cols = st.columns(2)
        with cols[0]:
            values = hparam_controls("newton", values, key=nkey, lang=lang)
        with cols[1]:
            newton_steps = st.slider(
                t("newton.steps", lang), 1, NEWTON_MAX_STEPS, newton_steps, key=f"{nkey}.steps"
            )
            newton_step = st.slider(
                t("newton.step", lang),
                0,
                newton_steps,
                min(newton_step, newton_steps),
                key=f"{nkey}.t.{newton_steps}",
            )
        newton_slot = st.container()
settings = replace(
    settings,
    base=base,
    newton=settings.newton.with_values(values),
    newton_steps=newton_steps,
    newton_step=newton_step,
)

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
    if newton_section is not None:
        try:
            newton_kwargs = settings.newton.run_kwargs()
            request = compute.RunRequest.of(surface_key, "newton", newton_kwargs, base)
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

if inspector is not None and traj is not None:
    with inspector_slot:
        lines = step_inspector.inspect_step(traj, step_t, rule=spec.inspector)
        if spec.inspector is None:
            st.caption(t("moments.inspector.records_only", lang))
        for line in lines:
            st.latex(line.latex())
        small_table(step_inspector.table_rows(lines, lang))

if newton_traj is not None:
    with newton_slot:
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
