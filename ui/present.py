"""Projector mode in the app shell: chosen by the link (``?present=1``, ``?hide=a,b``) or a
sidebar toggle, kept in the session and in every link the pages write, applied on every page.

Like the language, the link seeds the choice when a session starts and the choice is written
back on every run, so a copied address carries it. The keyboard's space bar plays and pauses
the page's first animation through a few lines of script of our own (``st.html``): the
Plotly menu buttons have no Streamlit counterpart a shortcut could be bound to.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from i18n import t
from ui.present_settings import (
    HIDE_PARAM,
    PRESENT_PARAM,
    Presentation,
    part_key,
    presentation_from_query,
    presentation_to_query,
    stylesheet,
)
from viz.narrow import stacked_figure
from viz.projector import projector_figure

_STATE = "_presentation"  # plain session value: outlives page switches, unlike widget state
_NOTICES = "_presentation_notices"
_WIDGET = "_present_widget"
# Space toggles the first chart's ▶ / ▮▮ (its player's buttons), unless a control has focus.
SPACE_PLAYS = """<script>
if (!window.labSpacePlays) {
  window.labSpacePlays = true;
  let playing = false;
  document.addEventListener("keydown", (event) => {
    if (event.code !== "Space" || event.repeat || event.ctrlKey || event.metaKey) return;
    const controls = "input, textarea, select, button, [role=slider], [contenteditable]";
    if (event.target.closest(controls)) return;
    const buttons = document.querySelectorAll(".lab-chart-player button");
    if (buttons.length < 2) return;
    event.preventDefault();
    playing = !playing;
    buttons[playing ? 0 : 1].dispatchEvent(new MouseEvent("click", { bubbles: true }));
  });
}
</script>"""


def _adopt_toggle() -> None:
    st.session_state[_STATE] = Presentation(st.session_state[_WIDGET], current().hide)


def current() -> Presentation:
    """This session's presentation (the normal view until the shell has run)."""
    return st.session_state.get(_STATE, Presentation())


def link_params() -> dict[str, str]:
    """What every link written this session carries for the presentation."""
    return presentation_to_query(current())


def select_presentation(lang: str) -> Presentation:
    """Render the sidebar toggle, apply the presentation's style, and return it."""
    if _STATE not in st.session_state:
        given = {k: st.query_params.get_all(k) for k in (PRESENT_PARAM, HIDE_PARAM)}
        presentation, notices = presentation_from_query({k: v for k, v in given.items() if v}, lang)
        st.session_state[_STATE] = presentation
        st.session_state[_NOTICES] = notices
    presentation = current()
    st.sidebar.toggle(
        t("present.toggle", lang),
        value=presentation.present,
        help=t("present.toggle_help", lang),
        key=_WIDGET,
        on_change=_adopt_toggle,
    )
    for notice in st.session_state.pop(_NOTICES, []):
        st.warning(notice.text(lang), icon=":material/link:")
    st.set_page_config(initial_sidebar_state="collapsed" if presentation.present else "auto")
    css = stylesheet(presentation)
    if css:
        st.html(f"<style>{css}</style>")
    with st.sidebar:
        st.html(SPACE_PLAYS, unsafe_allow_javascript=True)
    query = presentation_to_query(presentation)
    for key in (PRESENT_PARAM, HIDE_PARAM):
        if key in query:
            st.query_params[key] = query[key]
        elif key in st.query_params:
            del st.query_params[key]
    return presentation


def on_phone() -> bool:
    """The browser says it is a phone ("Mobi" in its User-Agent, the usual convention)."""
    return "Mobi" in (st.context.headers.get("User-Agent") or "")


def folded_on_phone(label: str, key: str) -> DeltaGenerator | None:
    """An expander for a section under a page's first chart, open unless the browser is a
    phone, whose contents are made only while it is open (None when closed).

    A page's first chart waits for everything its first run sends: on a phone (CPU throttled
    4x) the moments page's step inspector and Newton section, KaTeX and a second chart, held
    it back by 2 s. Closed, a section's settings are the link's (its widgets, not made, keep
    nothing of their own).
    """
    box = st.expander(label, expanded=not on_phone(), key=key, on_change="rerun")
    return box if box.open else None


def styled(figure: Mapping[str, Any]) -> dict[str, Any]:
    """``figure`` (a figure dict) as this session shows it: projector style, phone layout."""
    out = dict(figure)
    if current().present:
        out = projector_figure(out)
    if on_phone():
        out = stacked_figure(out)
    return out


def part(name: str):
    """A container for the page part ``name`` (one of ``ui.present_settings.PAGE_PARTS``),
    which ``?hide=`` can hide."""
    return st.container(key=part_key(name))
