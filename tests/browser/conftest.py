"""Browser helpers: open a page of the running app and wait until Streamlit has finished."""

from __future__ import annotations

import pytest

APP_READY = '[data-testid="stAppViewContainer"]'
RUNNING = '[data-testid="stStatusWidget"]'
EXCEPTION = '[data-testid="stException"]'


def wait_until_idle(tab, timeout_ms: int = 60_000) -> None:
    """Wait for the script run to finish (the 'Running...' status widget disappears)."""
    tab.wait_for_selector(APP_READY, timeout=timeout_ms)
    tab.wait_for_timeout(300)
    tab.wait_for_selector(RUNNING, state="detached", timeout=timeout_ms)


def assert_no_exception(tab) -> None:
    boxes = tab.locator(EXCEPTION)
    assert boxes.count() == 0, boxes.first.inner_text()


@pytest.fixture
def open_app(page, server_url):
    """Open `path` (e.g. "/playground?lang=zh") and return the tab once it is idle."""

    def _open(path: str = "/"):
        page.goto(f"{server_url}{path}")
        wait_until_idle(page)
        assert_no_exception(page)
        return page

    return _open
