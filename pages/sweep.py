"""Sweeps and basins: a heatmap over a grid of two hyperparameters (one vectorized summary
run, a click on a cell opens it in the Playground), and a basins-of-attraction map (a grid
of start points coloured by the minimum each optimizer reaches).

Read the widgets (settings from the link, the sidebar) -> run the experiments (one core run
per grid, with a progress bar: experiments.sweep, experiments.basins) -> build the figures
(viz.sweep, viz.basins) -> render.
"""

from dataclasses import replace

import streamlit as st

import export
import optimizers
import surfaces
from experiments import basins, sweep
from i18n import t
from ui import compute, link_state
from ui.chart import plotly_chart
from ui.controls import hparam_label, number_control
from ui.exports import download_buttons, export_section, images_available
from ui.lesson_panels import lesson_header, lesson_sidebar, shared_cached
from ui.playground_settings import TOLERANCES, OptimizerEntry
from ui.present import folded_on_phone
from ui.settings.sweep import (
    MAX_BASIN_OPTIMIZERS,
    MIN_BASIN_STEPS,
    SWEEP_PRESETS,
    default_axes,
    sweep_from_query,
    sweep_to_query,
)
from ui.shell import current_language
from ui.tables import small_table
from viz import basins as basins_viz
from viz import sweep as sweep_viz

PAGE = "sweep"
PLAYGROUND = "pages/playground.py"
CHART_KEY = f"{PAGE}.chart"
# (settings, result, index of the sweep.CELLS trace) on screen: what a click on a cell means
SHOWN_KEY = f"{PAGE}.shown"
OPEN_KEY = f"{PAGE}.open"  # the Playground link a click asked for

if OPEN_KEY in st.session_state:
    st.switch_page(PLAYGROUND, query_params=st.session_state.pop(OPEN_KEY))


def open_cell() -> None:
    """Chart selection callback: a click on a cell opens its settings in the Playground."""
    state = st.session_state.get(CHART_KEY)
    shown = st.session_state.get(SHOWN_KEY)
    if not state or shown is None:
        return
    shown_settings, result, cells_trace = shown
    for point in state.get("selection", {}).get("points", ()):
        index = point.get("point_index", point.get("point_number"))  # a heatmap's [row, col]
        if point.get("curve_number") == cells_trace and _cell_index(index, result):
            row, col = index
            st.session_state[OPEN_KEY] = shown_settings.cell_link(result.cell(row, col))
            return


def _cell_index(index, result) -> bool:
    """Whether ``index`` (a click's point index, from the browser) is a cell of ``result``."""
    return (
        isinstance(index, list)
        and len(index) == 2
        and all(type(i) is int for i in index)
        and 0 <= index[0] < result.y_axis.n
        and 0 <= index[1] < result.x_axis.n
    )


def basins_for(surface_name: str, picked, cells: int, steps: int, bar) -> list:
    """One basins map per (preset, lr) in ``picked``, the bar advancing through all of them
    (shared by every session: a class opening the page computes it once)."""
    surface = compute.surface(compute.surface_key(surface_name))
    text = t("basins.progress", lang, n=cells * cells)
    shown = bar.progress(0.0, text=text)
    results = []
    for i, (preset, lr) in enumerate(picked):
        p = optimizers.preset(preset)
        kwargs = {**OptimizerEntry(preset).run_kwargs(), "lr": lr}

        def advance(done: float, i: int = i) -> None:
            shown.progress((i + done) / len(picked), text=text)

        results.append(
            basins.run_basins(
                p.optimizer, surface, cells, steps, title=p.title, progress=advance, **kwargs
            )
        )
    return results


def grid_exports(figure, result) -> None:
    """The heatmap as HTML (and PNG, SVG where Chromium is installed), the grid as CSV."""
    images = images_available()
    files = [
        ("html", lambda: export.figure_html(figure), "text/html", True),
        ("png", lambda: export.figure_png(figure), "image/png", images),
        ("svg", lambda: export.figure_svg(figure), "image/svg+xml", images),
    ]
    columns = st.columns(len(files) + 1)
    download_buttons(columns, files, basename="sweep", key=f"{PAGE}.export", lang=lang)
    columns[-1].download_button(
        t("sweep.export_csv", lang),
        data=lambda: sweep.sweep_csv(result).encode(export.CSV_ENCODING),
        file_name="sweep_grid.csv",
        mime="text/csv",
        key=f"{PAGE}.export.csv",
        on_click="ignore",
        icon=":material/download:",
    )
    if not images:
        st.info(t("export.images_unavailable", lang), icon=":material/info:")


lang = current_language()
settings, key = lesson_header(PAGE, sweep_from_query, catalog="sweep", key_prefix="sw", lang=lang)

base, entry, formula_slot, _ = lesson_sidebar(
    settings.base,
    settings.entry,
    presets=SWEEP_PRESETS,
    key=key,
    lang=lang,
    optimizer_heading="sweep.optimizer",
    max_steps=sweep.MAX_STEPS,
)
st.sidebar.caption(t("sweep.optimizer_help", lang))
# --- the grid ---------------------------------------------------------------------------------
st.subheader(t("sweep.grid.title", lang))
st.markdown(t("sweep.grid.explain", lang))
names = list(sweep.sweepable(entry.optimizer))
x_axis, y_axis = settings.x_axis, settings.y_axis
if entry.preset != settings.entry.preset or {x_axis.name, y_axis.name} - set(names):
    x_axis, y_axis = default_axes(entry.preset, x_axis.n)
named = []
for column, axis, label in zip(st.columns(2), (x_axis, y_axis), ("x", "y"), strict=True):
    name = column.selectbox(
        t(f"sweep.axis.{label}", lang),
        names,
        index=names.index(axis.name),
        format_func=lambda n: hparam_label(entry.optimizer, n, lang),
        key=f"{key}.{entry.preset}.{label}.name",
    )
    named.append(axis if name == axis.name else sweep.default_axis(entry.optimizer, name, axis.n))
# The axes' ranges, folded on a phone (ui.present.folded_on_phone): closed, the link's.
axes = list(named)
ranges = folded_on_phone(t("sweep.axis.ranges", lang), f"{key}.ranges_open")
if ranges is not None:
    with ranges:
        for i, (column, axis) in enumerate(zip(st.columns(2), named, strict=True)):
            with column:
                akey = f"{key}.{entry.preset}.{'xy'[i]}"
                st.caption(hparam_label(entry.optimizer, axis.name, lang))
                lo_col, hi_col = st.columns(2)
                lo = lo_col.number_input(
                    t("sweep.axis.lo", lang),
                    value=float(axis.lo),
                    format="%g",
                    key=f"{akey}.{axis.name}.lo",
                )
                hi = hi_col.number_input(
                    t("sweep.axis.hi", lang),
                    value=float(axis.hi),
                    format="%g",
                    key=f"{akey}.{axis.name}.hi",
                )
                n = st.slider(
                    t("sweep.axis.n", lang),
                    sweep.MIN_CELLS,
                    sweep.MAX_CELLS,
                    axis.n,
                    key=f"{akey}.n",
                )
                log = st.checkbox(
                    t("sweep.axis.log", lang), value=axis.log, key=f"{akey}.{axis.name}.log"
                )
                candidate = sweep.SweepAxis(axis.name, float(lo), float(hi), int(n), bool(log))
                try:
                    sweep.check_axis(entry.optimizer, candidate)
                    axes[i] = candidate
                except ValueError as err:
                    st.error(t("sweep.axis.error", lang, error=str(err)))
metric_col, tol_col = st.columns(2)
metric = metric_col.radio(
    t("sweep.metric", lang),
    sweep_viz.METRICS,
    index=sweep_viz.METRICS.index(settings.metric),
    format_func=lambda m: t(f"sweep.metric.{m}", lang),
    horizontal=True,
    key=f"{key}.metric",
)
tol = tol_col.select_slider(
    t("pg.tol", lang), TOLERANCES, value=base.tol, format_func=lambda v: f"{v:g}", key=f"{key}.tol"
)
grid_slot = st.container()

# --- basins (folded on a phone, ui.present.folded_on_phone; closed, its settings are the link's)
basins_surface, picked = settings.basins_surface, list(settings.basins)
cells, basins_steps = settings.basins_cells, settings.basins_steps
basins_section = folded_on_phone(t("basins.title", lang), f"{key}.basins_open")
if basins_section is not None:
    with basins_section:
        st.markdown(t("basins.explain", lang))
        bkey = f"{key}.basins"
        builtins = surfaces.names()
        b_cols = st.columns([2, 3])
        basins_surface = b_cols[0].selectbox(
            t("pg.surface", lang),
            builtins,
            index=builtins.index(settings.basins_surface),
            format_func=lambda n: t(f"surface.{n}.title", lang),
            key=f"{bkey}.surface",
        )
        lrs = dict(settings.basins)
        chosen = b_cols[1].multiselect(
            t("basins.optimizers", lang),
            SWEEP_PRESETS,
            default=[p for p, _ in settings.basins],
            format_func=lambda p: optimizers.preset(p).title,
            max_selections=MAX_BASIN_OPTIMIZERS,
            key=f"{bkey}.chosen",
        )
        picked = []
        lr_cols = st.columns(max(1, len(chosen)))
        for column, preset in zip(lr_cols, chosen, strict=False):
            with column:
                lr_hp = optimizers.get(optimizers.preset(preset).optimizer).hparams["lr"]
                lr = number_control(
                    f"{optimizers.preset(preset).title}: {t('hp.lr', lang)}",
                    float(lrs.get(preset, lr_hp.default)),
                    key=f"{bkey}.{preset}.lr",
                    span=lr_hp.slider,
                    log=True,
                )
                picked.append((preset, float(lr)))
        cells_col, steps_col = st.columns(2)
        cells = cells_col.slider(
            t("basins.cells", lang),
            basins.MIN_CELLS,
            basins.MAX_CELLS,
            settings.basins_cells,
            key=f"{bkey}.n",
        )
        steps_cap = min(basins.MAX_STEPS, basins.MAX_POINT_STEPS // (cells * cells))
        basins_steps = steps_col.slider(
            t("basins.steps", lang),
            MIN_BASIN_STEPS,
            steps_cap,
            min(settings.basins_steps, steps_cap),
            key=f"{bkey}.steps",
        )
        basins_slot = st.container()

settings = replace(
    settings,
    base=replace(base, optimizers=(entry,), tol=tol),
    x_axis=axes[0],
    y_axis=axes[1],
    metric=metric,
    basins_surface=basins_surface,
    basins=tuple(picked) or settings.basins,
    basins_cells=int(cells),
    basins_steps=int(basins_steps),
)
link_state.store(PAGE, settings)
link_state.publish(PAGE, settings, sweep_to_query, lang)

# --- compute and draw ---------------------------------------------------------------------
surface_key = compute.surface_key(base.surface, base.surface_params, base.formula, base.bounds)
surface = None
try:
    surface = compute.surface(surface_key)
except ValueError as err:
    (formula_slot or st).error(t("pg.formula_error", lang, error=str(err)))

with grid_slot:
    result = None
    if surface is not None:
        fixed = entry.run_kwargs()
        # The axes override the entry's values of the swept names: a move of those (the
        # sidebar's lr on an lr axis) keeps the grid.
        swept = {axes[0].name, axes[1].name}
        unswept = tuple(sorted((n, v) for n, v in entry.values().items() if n not in swept))
        run_key = (surface_key, entry.optimizer, unswept, base.start_point(), base.steps)
        run_key += (base.seed, tol, *axes)
        bar = st.empty()

        text = t("sweep.progress", lang, n=axes[0].n * axes[1].n)

        def run_grid():
            progress = bar.progress(0.0, text=text)
            return sweep.run_sweep(
                entry.optimizer,
                surface,
                base.start_point(),
                base.steps,
                axes[0],
                axes[1],
                fixed=fixed,
                seed=base.seed,
                tol=tol,
                progress=lambda done: progress.progress(done, text=text),
            )

        try:
            # One grid per process: students opening the same sweep wait for one run.
            result = shared_cached(
                PAGE, run_key, run_grid, on_wait=lambda: bar.progress(0.0, text=text)
            )
        except ValueError as err:
            st.error(t("pg.hparam_error", lang, name=entry.title, error=str(err)))
        bar.empty()
    if result is not None:
        figure = sweep_viz.sweep_figure(result, metric, lang=lang)
        cells_trace = next(
            i for i, tr in enumerate(figure["data"]) if tr.get("meta") == sweep_viz.CELLS
        )
        st.session_state[SHOWN_KEY] = (settings, result, cells_trace)
        plotly_chart(
            figure,
            key=CHART_KEY,
            on_select=open_cell,
        )
        best = sweep_viz.best_cell(result, metric)
        st.caption(
            t(
                "sweep.summary",
                lang,
                diverged=f"{sweep.diverged_share(result):.0%}",
                n=axes[0].n * axes[1].n,
            )
        )
        if best is not None:
            values = result.cell(*best)
            shown = ", ".join(f"{name} = {value:.3g}" for name, value in values.items())
            st.page_link(
                PLAYGROUND,
                label=t("sweep.open_best", lang, cell=shown),
                icon=":material/open_in_new:",
                query_params=settings.cell_link(values),
            )
        st.caption(t("sweep.click_help", lang))
        export_section(f"{PAGE}.export", lang, lambda: grid_exports(figure, result))

if basins_section is not None:
    with basins_slot:
        bar = st.empty()
        basins_key = (basins_surface, tuple(picked), int(cells), int(basins_steps))
        results = shared_cached(
            f"{PAGE}.basins",
            basins_key,
            lambda: basins_for(basins_surface, picked, int(cells), int(basins_steps), bar),
        )
        bar.empty()
        if results:
            plotly_chart(basins_viz.basins_figure(results, lang=lang), key=f"{PAGE}.basins_chart")
            class_labels = basins_viz.class_names(results[0].minima, lang)
            table = {t("basins.optimizer", lang): [r.title for r in results]}
            for k, label in enumerate(class_labels):
                table[label] = [f"{r.shares()[k]:.0%}" for r in results]
            small_table(table)
        else:
            st.info(t("basins.none", lang))

if surface is not None:
    with st.sidebar:
        st.latex(surface.formula_latex)
        st.caption(t(f"surface.{base.surface}.lesson", lang))
