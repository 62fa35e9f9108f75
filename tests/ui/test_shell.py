"""ui.shell's use of private Streamlit state: needed today, and harmless once it is gone."""

from __future__ import annotations

from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner.script_cache import ScriptCache

from ui.shell import leave_legacy_pages_mode

ROOT = Path(__file__).resolve().parents[2]


def test_the_installed_streamlit_still_starts_this_app_in_legacy_pages_mode():
    # The reason for the workaround: with a pages/ folder beside app.py, a fresh Streamlit
    # runs a deep-linked page on its own. If this fails after an upgrade, Streamlit no longer
    # does that (or renamed the flag): check tests/browser/test_deep_link.py and drop or
    # adapt ui.shell.leave_legacy_pages_mode.
    saved = PagesManager.uses_pages_directory
    try:
        PagesManager.uses_pages_directory = None
        PagesManager(str(ROOT / "app.py"), ScriptCache(), setup_watcher=False)
        assert PagesManager.uses_pages_directory is True
        assert leave_legacy_pages_mode(PagesManager) is True
        assert PagesManager.uses_pages_directory is False
        assert leave_legacy_pages_mode(PagesManager) is False
    finally:
        PagesManager.uses_pages_directory = saved


def test_a_streamlit_without_the_flag_or_the_class_leaves_the_app_running():
    class UpgradedPagesManager:
        """A PagesManager as a future Streamlit might have it: no legacy flag."""

    assert leave_legacy_pages_mode(UpgradedPagesManager) is False
    assert not hasattr(UpgradedPagesManager, "uses_pages_directory")
    assert leave_legacy_pages_mode(None) is False
