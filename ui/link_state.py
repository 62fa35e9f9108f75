"""Shareable links, the Streamlit half: a page's settings live in the session and in the URL.

The page reads its settings once from ``st.query_params`` (through a pure parser such as
``ui.playground_settings.from_query``), keeps them in ``st.session_state`` as one hashable
value, and writes them back to the URL after every change, so the address bar always holds
a link that reproduces the view. A link opened later in the same session (another page's
``st.switch_page(..., query_params=...)``) is adopted when it differs from what the page
last wrote; a URL with none of the page's parameters (after a page switch, which clears
them) keeps the session's settings.

Widgets are keyed with a *revision* that :func:`bump` increments whenever settings change
from outside the widgets (a link, a preset, a click on the chart): the widgets are then
created afresh with the new values instead of keeping their stale state.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import streamlit as st

from ui import present
from ui.links import ALWAYS_KNOWN, Notice
from ui.shell import LANG_PARAM

S = TypeVar("S")
Parser = Callable[[Mapping[str, Any], str], tuple[S, list[Notice]]]
Encoder = Callable[[S], dict[str, str]]


def _keys(page: str) -> tuple[str, str, str, str]:
    return f"{page}.settings", f"{page}.written", f"{page}.notices", f"{page}.revision"


def _query() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params if key not in ALWAYS_KNOWN}


def linked_settings(page: str, parse: Parser, lang: str) -> tuple[S, list[Notice]]:
    """The page's settings, and the link notices to show while they are unchanged."""
    settings_key, written_key, notices_key, _ = _keys(page)
    query = _query()
    flat = {key: values[-1] for key, values in query.items() if values}
    if settings_key not in st.session_state or (flat and flat != st.session_state.get(written_key)):
        settings, notices = parse(query, lang)
        st.session_state[settings_key] = settings
        st.session_state[notices_key] = (settings, notices)
        bump(page)
    settings = st.session_state[settings_key]
    parsed, notices = st.session_state.get(notices_key, (None, []))
    return settings, (notices if parsed == settings else [])


def current(page: str) -> Any:
    """The page's settings as stored (for callbacks, which run before the page)."""
    return st.session_state[_keys(page)[0]]


def store(page: str, settings: Any, *, external: bool = False) -> None:
    """Keep ``settings``; ``external`` (set by a callback, not a widget) bumps the revision."""
    st.session_state[_keys(page)[0]] = settings
    if external:
        bump(page)


def revision(page: str) -> int:
    return st.session_state.get(_keys(page)[3], 0)


def bump(page: str) -> None:
    key = _keys(page)[3]
    st.session_state[key] = st.session_state.get(key, 0) + 1


def publish(page: str, settings: S, encode: Encoder, lang: str) -> None:
    """Write ``settings`` to the URL (only when the link changes)."""
    _, written_key, _, _ = _keys(page)
    query = encode(settings)
    if query != st.session_state.get(written_key) or set(_query()) != set(query):
        st.query_params.from_dict({**query, **present.link_params(), LANG_PARAM: lang})
        st.session_state[written_key] = query
