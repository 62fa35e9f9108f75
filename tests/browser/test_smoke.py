"""The real server in a real Chromium: the app starts and the home page renders."""

import pytest

pytestmark = pytest.mark.browser


def test_home_renders_without_exception(open_app, tmp_path):
    tab = open_app("/")
    heading = tab.get_by_role("heading", level=1)
    assert "Optimizer Trajectory Lab" in heading.first.inner_text()
    shot = tmp_path / "home.png"
    tab.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_lang_zh_in_link_switches_language(open_app):
    tab = open_app("/?lang=zh")
    assert "优化器轨迹实验室" in tab.get_by_role("heading", level=1).first.inner_text()
    assert "lang=zh" in tab.url


def test_language_switch_updates_page_and_link(open_app):
    tab = open_app("/")
    tab.get_by_label("Language · 语言").click()
    tab.get_by_role("option", name="简体中文").click()
    tab.wait_for_function("() => window.location.search.includes('lang=zh')")
    tab.get_by_role("heading", name="优化器轨迹实验室").wait_for()
