"""Playground: several optimizers on one surface, animated side by side.

Read the widgets (settings from the link, the sidebar and the optimizer panels) ->
compute through the core (cached per surface and per optimizer) -> build the figure ->
render. Errors stay next to the control that caused them and the last good figure stays.
The optimizer panels, the figure and the export box are fragments: moving an optimizer's
slider redraws the figure (and its panel only when that shows the change), not the other
panels, the sidebar or the shell.
"""

from functools import partial
from typing import Any, NamedTuple

import streamlit as st

from i18n import t
from ui import compute, link_state
from ui.chart import plotly_chart
from ui.exports import export_buttons, export_section
from ui.playground_panels import (
    ALL_FRAGMENT,
    EXPORT_FRAGMENT,
    EXPORT_KEY,
    FIGURE_FRAGMENT,
    MAX_FRAMES,
    PAGE,
    optimizer_panels,
    pick_start,
    run_sidebar,
    step_buttons,
    surface_sidebar,
    view_sidebar,
)
from ui.playground_settings import (
    OptimizerEntry,
    PlaygroundSettings,
    entry_labels,
    from_query,
    to_query,
)
from ui.present import part
from ui.shell import current_language
from ui.tables import small_table
from viz.paths import PALETTE, path_runs, paths_figure
from viz.summary import summary_columns

CHART_KEY = f"{PAGE}.chart"
SHOWN_KEY = f"{PAGE}.shown"


class Shown(NamedTuple):
    """The figure on screen and what it was made from (kept while an error is fixed)."""

    settings: PlaygroundSettings
    lang: str
    figure: dict  # viz.paths.paths_figure's dict
    runs: list[tuple[str, Any]]
    table: dict[str, list[str]]


lang = current_language()
settings, notices = link_state.linked_settings(PAGE, from_query, lang)
key = f"pg.{link_state.revision(PAGE)}"

with part("title"):
    st.title(t("pg.title", lang))
with part("intro"):
    st.caption(t("pg.intro", lang))
for notice in notices:
    st.warning(notice.text(lang), icon=":material/link:")
surface_info = st.container()

with st.sidebar:
    st.subheader(t("pg.sidebar.surface", lang))
    settings, formula_slot = surface_sidebar(settings, key=key, lang=lang)
    st.subheader(t("pg.sidebar.run", lang))
    settings = run_sidebar(settings, key=key, lang=lang)
    st.subheader(t("pg.sidebar.view", lang))
    settings = view_sidebar(settings, key=key, lang=lang)

surface_key = compute.surface_key(
    settings.surface, settings.surface_params, settings.formula, settings.bounds
)
surface = None
try:
    surface = compute.surface(surface_key)
    compute.grid(surface_key)  # a window the grid refuses is the formula's error too
except ValueError as err:
    (formula_slot or st).error(t("pg.formula_error", lang, error=str(err)))
link_state.store(PAGE, settings)  # the fragment below reads the sidebar's choices from here


def _run(surface_key: tuple, sidebar: PlaygroundSettings, entry: OptimizerEntry) -> Any:
    """The trajectory of ``entry`` from the sidebar's start, steps and seed (cached)."""
    schedule = None if entry.schedule == "none" else entry.schedule
    request = compute.RunRequest.of(
        surface_key, entry.optimizer, entry.run_kwargs(), sidebar, schedule, entry.schedule_params
    )
    return compute.trajectory(request)


@st.fragment(key=ALL_FRAGMENT)
def optimizers_and_figure(surface_key: tuple | None, sidebar_start: Any) -> None:
    """Everything the optimizers' controls change, as fragments within this one: a slider
    move redraws the figure (see ``ui.playground_panels._moved``); adding or removing an
    optimizer reruns this whole part, never the sidebar and the shell.

    The sidebar's settings come from the stored settings (the page stores them before
    calling this); each panel stores its optimizer's entry before the figure reads them.
    """
    settings = link_state.current(PAGE)
    key = f"pg.{link_state.revision(PAGE)}"
    figure_slot = st.container()
    run = None if surface_key is None else partial(_run, surface_key, settings)
    with part("optimizers"):
        st.subheader(t("pg.optimizers", lang))
        colors = [PALETTE[i % len(PALETTE)] for i in range(len(settings.optimizers))]
        optimizer_panels(
            settings, colors, entry_labels(settings.optimizers), run=run, key=key, lang=lang
        )
    with figure_slot:
        figure_and_summary(surface_key, sidebar_start)
    exports()


@st.fragment(key=FIGURE_FRAGMENT)
def figure_and_summary(surface_key: tuple | None, sidebar_start: Any) -> None:
    """The map with every optimizer's path, the step buttons and the summary table, from the
    stored settings; the link in the address bar follows them."""
    settings = link_state.current(PAGE)
    if settings.start != sidebar_start:
        st.rerun()  # a click on the map picked a start point: the sidebar must show it
    key = f"pg.{link_state.revision(PAGE)}"
    link_state.publish(PAGE, settings, to_query, lang)
    shown = _shown(settings, surface_key)
    if shown is None:
        st.info(t("pg.no_figure", lang))
    else:
        if (shown.settings, shown.lang) != (settings, lang):
            st.info(t("pg.kept_figure", lang))
        plotly_chart(
            shown.figure,
            key=CHART_KEY,
            on_select=partial(pick_start, CHART_KEY, SHOWN_KEY),
            config={"scrollZoom": False},
        )
    with part("steps"):
        step_buttons(settings, key=key, lang=lang)
    if shown is not None:
        with part("summary"):
            small_table(shown.table)


@st.fragment(key=EXPORT_FRAGMENT)
def exports() -> None:
    """The export box of the figure on screen (redrawn with it while open)."""
    shown = st.session_state.get(SHOWN_KEY)
    if shown is None:
        return
    export_section(
        EXPORT_KEY,
        lang,
        lambda: export_buttons(
            shown.figure,
            shown.runs,
            to_query(shown.settings),
            basename="playground",
            key=EXPORT_KEY,
            lang=lang,
        ),
    )


def _shown(settings: PlaygroundSettings, surface_key: tuple | None) -> Shown | None:
    """The figure for ``settings``, rebuilt only when they changed; the last good one while
    the surface or an optimizer's panel shows an error (None before any figure succeeded)."""
    shown = st.session_state.get(SHOWN_KEY)
    if surface_key is None or (
        shown is not None and (shown.settings, shown.lang) == (settings, lang)
    ):
        return shown
    try:
        runs = [
            (label, _run(surface_key, settings, entry))
            for label, entry in zip(
                entry_labels(settings.optimizers), settings.optimizers, strict=True
            )
        ]
    except ValueError:
        return shown  # the optimizer's panel says why
    surface, grid = compute.surface(surface_key), compute.grid(surface_key)
    paths = path_runs([label for label, _ in runs], [traj for _, traj in runs])
    figure = paths_figure(
        grid,
        paths,
        minima=surface.minima,
        saddles=surface.saddles,
        log_contour=surface.log_contour,
        f_min=surface.f_min,
        layout=settings.view,
        current_step=settings.step,
        speed=settings.speed,
        max_frames=MAX_FRAMES,
        pick_start=True,
        lang=lang,
    )
    table = summary_columns(
        paths, minima=surface.minima, f_min=surface.f_min, tol=settings.tol, lang=lang
    )
    shown = Shown(settings, lang, figure, runs, table)
    st.session_state[SHOWN_KEY] = shown
    return shown


optimizers_and_figure(None if surface is None else surface_key, settings.start)
with part("link_help"):  # the same on every run: not redrawn with the fragment
    st.caption(t("pg.link_help", lang))

if surface is not None:
    formula, lesson = surface_info.columns([2, 3], vertical_alignment="center")
    formula.latex(surface.formula_latex)
    lesson.caption(t(f"surface.{settings.surface}.lesson", lang))
