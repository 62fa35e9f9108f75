"""Controls shared by the teaching pages: the header (settings from the link, title, intro,
notices), the run settings, one optimizer's panel, a per-server cache for results computed
with a progress bar, and the last good figure kept on screen while an error is fixed.

Each control takes the current settings and a ``key`` that carries the page's link revision
(``ui.link_state``) and returns the settings the widgets now hold; values live in the
page's settings, never only in widget state.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from typing import Any, NamedTuple

import streamlit as st

from i18n import t
from ui import link_state
from ui.controls import hparam_controls, preset_note, preset_title
from ui.links import MAX_STEPS, Notice
from ui.playground_panels import noise_and_seed, start_inputs, surface_sidebar
from ui.playground_settings import OptimizerEntry, PlaygroundSettings
from ui.present import part
from ui.shared_results import MAX_ENTRIES, shared_results

SHARED_CACHE_ENTRIES = MAX_ENTRIES


def show_notices(notices: Sequence[Notice], lang: str) -> None:
    """One warning per link parameter that could not be used as given."""
    for notice in notices:
        st.warning(notice.text(lang), icon=":material/link:")


def lesson_header(
    page: str, parse: link_state.Parser, *, catalog: str, key_prefix: str, lang: str
) -> tuple[Any, str]:
    """The top of a teaching page: its settings (from the link when one is given), the title
    and intro (``<catalog>.title``, ``<catalog>.intro``) and the link's notices. Returns the
    settings and the widget key prefix, which carries the link revision so a new link
    rebuilds the widgets."""
    settings, notices = link_state.linked_settings(page, parse, lang)
    with part("title"):
        st.title(t(f"{catalog}.title", lang))
    with part("intro"):  # ``?hide=intro`` hides it on a projector
        st.markdown(t(f"{catalog}.intro", lang))
    show_notices(notices, lang)
    return settings, f"{key_prefix}.{link_state.revision(page)}"


def run_controls(
    base: PlaygroundSettings, *, key: str, lang: str, max_steps: int = MAX_STEPS
) -> PlaygroundSettings:
    """Start point, steps, gradient noise and batch, seed (the Playground's run settings)."""
    skey = f"{key}.{base.surface}.{base.bounds}"
    st.caption(t("pg.start", lang))
    start = start_inputs(base, skey=skey)
    steps = st.slider(
        t("pg.steps", lang),
        10,
        max_steps,
        min(max(base.steps, 10), max_steps),
        step=10,
        key=f"{key}.steps",
    )
    base = noise_and_seed(base, skey=skey, key=key, lang=lang)
    return replace(base, start=start, steps=int(steps), step=min(base.step, int(steps)))


def optimizer_control(
    entry: OptimizerEntry, *, presets: Sequence[str], key: str, lang: str
) -> OptimizerEntry:
    """Choose a preset among ``presets`` and set its hyperparameters (registry-driven)."""
    names = list(presets)
    preset = st.selectbox(
        t("pg.preset", lang),
        names,
        index=names.index(entry.preset) if entry.preset in names else 0,
        format_func=preset_title,
        key=f"{key}.preset",
    )
    entry = entry.with_preset(preset)
    hkey = f"{key}.{preset}"
    values = hparam_controls(
        entry.optimizer, entry.values(), key=hkey, lang=lang, main=True, with_help=False
    )
    with st.popover(t("pg.more", lang), icon=":material/tune:", width="stretch"):
        st.caption(preset_note(preset, entry.optimizer, lang))
        values |= hparam_controls(entry.optimizer, entry.values(), key=hkey, lang=lang, main=False)
    return entry.with_values(values)


class LessonSidebar(NamedTuple):
    base: PlaygroundSettings  # surface and run settings from the sidebar
    entry: OptimizerEntry  # the page's one optimizer
    formula_slot: Any  # where a custom formula's error goes (None: no formula box)
    error_slot: Any  # where the optimizer's hyperparameter error goes


def lesson_sidebar(
    base: PlaygroundSettings,
    entry: OptimizerEntry,
    *,
    presets: Sequence[str],
    key: str,
    lang: str,
    optimizer_heading: str = "moments.optimizer",
    max_steps: int = MAX_STEPS,
) -> LessonSidebar:
    """The teaching pages' sidebar: surface, run settings, and one optimizer."""
    with st.sidebar:
        st.subheader(t("pg.sidebar.surface", lang))
        base, formula_slot = surface_sidebar(base, key=key, lang=lang)
        st.subheader(t("pg.sidebar.run", lang))
        base = run_controls(base, key=key, lang=lang, max_steps=max_steps)
        st.subheader(t(optimizer_heading, lang))
        entry = optimizer_control(entry, presets=presets, key=f"{key}.o0", lang=lang)
        error_slot = st.empty()
    return LessonSidebar(base, entry, formula_slot, error_slot)


def shared_cached(
    name: str,
    key: Hashable,
    compute: Callable[[], Any],
    on_wait: Callable[[], None] | None = None,
) -> Any:
    """``compute()`` once per ``key`` for every session of this server (the last
    SHARED_CACHE_ENTRIES kept), like st.cache_data, but ``compute`` may drive a progress
    bar: st.cache_data would replay its updates as stale elements. A class opening the same
    view shares one computation, also when asking at once: the others wait for it (after
    ``on_wait``), see ui.shared_results."""
    return shared_results(name).get(key, compute, on_wait)


def last_good(name: str, key: Hashable, make: Callable[[], Any] | None) -> tuple[Any, bool]:
    """The figure (or anything) for ``key``: made now when ``make`` is given, else the last
    one made on this page (stale = True), or None before any succeeded."""
    slot = f"_lesson_last.{name}"
    if make is not None:
        shown = st.session_state.get(slot)
        if shown is None or shown[0] != key:
            st.session_state[slot] = (key, make())
        return st.session_state[slot][1], False
    shown = st.session_state.get(slot)
    return (None, True) if shown is None else (shown[1], True)
