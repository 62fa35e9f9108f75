"""The app shell: language choice, kept in the session and in the shareable link."""

from __future__ import annotations

# Imported whole before any script thread can reach Plotly: its JSON encoder takes pandas
# from sys.modules without importing it, so on a fresh server two first runs raced (one
# importing pandas for a table, the other encoding a figure) and one failed with
# "partially initialized module 'pandas' has no attribute 'Series'". app.py and every page
# import this module first, and Python's import lock makes a second thread wait for it.
import pandas  # noqa: F401
import streamlit as st

from i18n import LANG_NAMES, LANGS, normalize_lang

LANG_PARAM = "lang"
_LANG_STATE = "_lang"  # plain session value: outlives page switches, unlike widget state
_LANG_WIDGET = "_lang_widget"
# Readable whatever the current language is, which is the point of a language switch.
LANGUAGE_LABEL = ":material/language: Language · 语言"


def _adopt_widget_choice() -> None:
    st.session_state[_LANG_STATE] = st.session_state[_LANG_WIDGET]


def select_language() -> str:
    """Render the sidebar language switch and return the chosen language code.

    ``?lang=`` seeds the choice when a session starts (unknown values mean English); the
    choice is written back to the link on every run, so a copied URL always carries it,
    also after a page switch, which clears Streamlit's query params.
    """
    if _LANG_STATE not in st.session_state:
        st.session_state[_LANG_STATE] = normalize_lang(st.query_params.get(LANG_PARAM))
    lang = st.session_state[_LANG_STATE]
    st.sidebar.selectbox(
        LANGUAGE_LABEL,
        LANGS,
        index=LANGS.index(lang),
        format_func=LANG_NAMES.__getitem__,
        key=_LANG_WIDGET,
        on_change=_adopt_widget_choice,
    )
    st.query_params[LANG_PARAM] = lang
    return lang


def current_language() -> str:
    """The language chosen in this session; every page starts by asking for it.

    That first call is also where a page run without the shell is caught: because the
    repository has a ``pages/`` folder, a freshly started Streamlit runs the first script
    in its legacy multipage mode (until some session calls ``st.navigation``), so a link
    straight to ``/playground`` would run the page alone, without app.py's sidebar,
    layout and language. Leaving that mode and rerunning serves the page through app.py.
    """
    if leave_legacy_pages_mode(_pages_manager()):
        st.rerun()
    return normalize_lang(st.session_state.get(_LANG_STATE))


def _pages_manager() -> type | None:
    """Streamlit's PagesManager class, or None where an upgrade has moved it."""
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:
        return None
    return PagesManager


def leave_legacy_pages_mode(manager: type | None) -> bool:
    """Switch Streamlit out of its legacy pages/ mode; True when it was in it.

    ``uses_pages_directory`` is private Streamlit state (1.67). Should an upgrade drop it,
    nothing here fails: pages keep working, and only the very first deep link of a fresh
    server might show its page once without the shell (tests/ui/test_shell.py says when).
    """
    if manager is None or not getattr(manager, "uses_pages_directory", False):
        return False
    manager.uses_pages_directory = False
    return True
