"""Browser fixtures: open a page of the running app once Streamlit has finished."""

from __future__ import annotations

import pytest

from tests.support.browser import assert_no_exception, wait_until_idle


@pytest.fixture
def open_app(page, server_url):
    """Open `path` (e.g. "/playground?lang=zh") and return the tab once it is idle."""

    def _open(path: str = "/"):
        page.goto(f"{server_url}{path}")
        wait_until_idle(page)
        assert_no_exception(page)
        return page

    return _open
