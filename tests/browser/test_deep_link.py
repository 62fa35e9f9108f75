"""A link straight to a page, as the very first visit of a fresh server, gets the whole app."""

import pytest

from tests.support.browser import assert_no_exception, wait_until_idle
from tests.support.server import streamlit_server
from ui.shell import LANGUAGE_LABEL

pytestmark = pytest.mark.browser


def test_first_visit_of_a_fresh_server_to_a_deep_link(page, tmp_path):
    with streamlit_server(tmp_path / "streamlit.log") as url:
        page.goto(f"{url}/schedules?lang=zh")
        wait_until_idle(page)
        assert_no_exception(page)
        page.get_by_role("heading", name="学习率调度").first.wait_for()
        page.get_by_label(LANGUAGE_LABEL).wait_for()
        nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
        assert "游乐场" in nav and "app" not in nav.split()
