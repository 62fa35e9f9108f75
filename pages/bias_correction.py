"""Bias correction: the factors 1 - beta^t, m vs m-hat and v vs v-hat from a real run, and the
same optimizer side by side with one switch flipped (bias correction, Keras' epsilon, L2 vs
decoupled weight decay).

Read the widgets (settings from the link, the sidebar) -> compute through the core (cached)
-> build the figures (viz.bias, viz.paths) -> render.
"""

from dataclasses import replace

import streamlit as st

from i18n import t
from ui import compute, link_state
from ui.chart import plotly_chart
from ui.controls import number_control
from ui.exports import export_buttons, export_section
from ui.lesson_panels import last_good, lesson_header, lesson_sidebar
from ui.present import folded_on_phone
from ui.settings.bias import (
    BIAS_PRESETS,
    COMPARISONS,
    MAX_HORIZON,
    MIN_HORIZON,
    bias_from_query,
    bias_to_query,
)
from ui.shell import current_language
from viz import bias
from viz.paths import path_runs, paths_figure

PAGE = "bias_correction"
FORMULAS = {
    "bias_correction": (
        r"\hat m_t = \frac{m_t}{1-\beta_1^t},\quad \hat v_t = \frac{v_t}{1-\beta_2^t},\quad"
        r"\Delta\theta_t = \eta\,\frac{\hat m_t}{\sqrt{\hat v_t}+\epsilon}"
        r"\qquad\text{vs}\qquad \Delta\theta_t = \eta\,\frac{m_t}{\sqrt{v_t}+\epsilon}"
    ),
    "epsilon": (
        r"\text{torch: } \eta\,\frac{\hat m_t}{\sqrt{v_t}/\sqrt{1-\beta_2^t}+\epsilon}"
        r"\qquad \text{Keras: } \eta\,\frac{\sqrt{1-\beta_2^t}}{1-\beta_1^t}\,"
        r"\frac{m_t}{\sqrt{v_t}+\hat\epsilon}"
    ),
    "weight_decay": (
        r"\text{Adam (L2): } g_t \leftarrow g_t + \lambda\theta_{t-1}"
        r"\qquad \text{AdamW: } \theta_{t-1} \leftarrow \theta_{t-1}(1-\eta\lambda)"
    ),
}

lang = current_language()
settings, key = lesson_header(PAGE, bias_from_query, catalog="bias", key_prefix="bc", lang=lang)

base, entry, formula_slot, error_slot = lesson_sidebar(
    settings.base, settings.entry, presets=BIAS_PRESETS, key=key, lang=lang
)
base = replace(base, optimizers=(entry,))

# --- 1. the factors ---------------------------------------------------------------------------
st.subheader(t("bias.factors.title", lang))
text, formula = st.columns([3, 2])
text.markdown(t("bias.factors.explain", lang))
formula.latex(
    r"m_t = (1-\beta_1)\sum_{i=1}^{t}\beta_1^{t-i} g_i,\quad"
    r"\mathbb{E}[m_t] = (1-\beta_1^t)\,\mathbb{E}[g]"
)
formula.latex(r"\hat m_t = \frac{m_t}{1-\beta_1^t},\qquad \hat v_t = \frac{v_t}{1-\beta_2^t}")
cols = st.columns(3)
with cols[0]:
    beta1 = number_control("β₁", settings.beta1, key=f"{key}.b1", span=(0.0, 0.999))
with cols[1]:
    beta2 = number_control("β₂", settings.beta2, key=f"{key}.b2", span=(0.5, 0.9999))
with cols[2]:
    horizon = st.slider(
        t("bias.factors.horizon", lang), MIN_HORIZON, MAX_HORIZON, settings.horizon, key=f"{key}.h"
    )
factors_slot = st.container()

# --- 2. m vs m-hat from a real run; 3. side by side: each folded on a phone -----------------
# (ui.present.folded_on_phone): closed, a section is not run and its settings are the link's.
run_box = folded_on_phone(t("bias.run.title", lang), f"{key}.run_open")
if run_box is not None:
    with run_box:
        st.markdown(t("bias.run.explain", lang))
        run_slot = st.container()

comparison, eps, weight_decay = settings.comparison, settings.eps, settings.weight_decay
compare_box = folded_on_phone(t("bias.compare.title", lang), f"{key}.compare_open")
if compare_box is not None:
    with compare_box:
        comparison = st.radio(
            t("bias.compare.choice", lang),
            COMPARISONS,
            index=COMPARISONS.index(settings.comparison),
            format_func=lambda c: t(f"bias.compare.{c}", lang),
            horizontal=True,
            key=f"{key}.cmp",
        )
        st.markdown(t(f"bias.compare.{comparison}.explain", lang))
        st.latex(FORMULAS[comparison])
        if comparison == "epsilon":
            eps = number_control(
                t("bias.compare.eps", lang), eps, key=f"{key}.eps", span=(1e-8, 10.0), log=True
            )
        if comparison == "weight_decay":
            weight_decay = number_control(
                t("bias.compare.wd", lang), weight_decay, key=f"{key}.wd", span=(0.0, 2.0)
            )
        compare_slot = st.container()

settings = replace(
    settings,
    base=base,
    beta1=float(beta1),
    beta2=float(beta2),
    horizon=int(horizon),
    comparison=comparison,
    eps=float(eps),
    weight_decay=float(weight_decay),
)
link_state.store(PAGE, settings)
link_state.publish(PAGE, settings, bias_to_query, lang)

# --- compute and draw ---------------------------------------------------------------------------
with factors_slot:
    plotly_chart(
        bias.corrections_figure(beta1, beta2, horizon, lang=lang),
        key=f"{PAGE}.factors",
        config={"displaylogo": False},
    )

surface_key = compute.surface_key(base.surface, base.surface_params, base.formula, base.bounds)
surface = None
try:
    surface = compute.surface(surface_key)
except ValueError as err:
    (formula_slot or st).error(t("pg.formula_error", lang, error=str(err)))


def _run(optimizer: str, kwargs: dict):
    return compute.trajectory(compute.RunRequest.of(surface_key, optimizer, kwargs, base))


traj, runs = None, []
if surface is not None:
    try:
        if run_box is not None:
            traj = _run(entry.optimizer, entry.run_kwargs())
        if compare_box is not None:
            runs = [
                (t(label, lang), _run(entry.optimizer, kw)) for label, kw in settings.variants()
            ]
    except ValueError as err:
        error_slot.error(t("pg.hparam_error", lang, name=entry.title, error=str(err)))
        traj, runs = None, []

if run_box is not None and traj is not None:
    with run_slot:
        plotly_chart(bias.moments_figure(traj, lang=lang), key=f"{PAGE}.moments")

compare_key = (surface_key, base, settings.variants(), lang)


def _compare_figure():
    paths = path_runs([label for label, _ in runs], [run for _, run in runs])
    return paths_figure(
        compute.grid(surface_key),
        paths,
        minima=surface.minima,
        saddles=surface.saddles,
        log_contour=surface.log_contour,
        f_min=surface.f_min,
        layout="grid",
        speed=base.speed,
        lang=lang,
    )


if compare_box is not None:
    figure, stale = last_good(f"{PAGE}.compare", compare_key, _compare_figure if runs else None)
    with compare_slot:
        if figure is None:
            st.info(t("pg.no_figure", lang))
        else:
            if stale:
                st.info(t("pg.kept_figure", lang))
            plotly_chart(figure, key=f"{PAGE}.compare_chart")
        if runs:
            plotly_chart(
                bias.step_lengths_figure(runs, first=min(base.steps, 50), lang=lang),
                key=f"{PAGE}.lengths",
            )
            st.caption(t("bias.compare.lengths_caption", lang))
            export_section(f"{PAGE}.export", lang, lambda: export_buttons(
                figure, runs, bias_to_query(settings), basename="bias_correction",
                key=f"{PAGE}.export", lang=lang,
            ))  # fmt: skip

if surface is not None:
    with st.sidebar:
        st.latex(surface.formula_latex)
        st.caption(t(f"surface.{base.surface}.lesson", lang))
