"""Projector mode, ?hide= and the Share dialog in a real Chromium."""

import pytest

from tests.support.browser import wait_until_idle

pytestmark = pytest.mark.browser
# Widgets and charts render after the script run ends; on a busy machine that takes a while.
LOADED_MS = 120_000


def _font_px(tab, selector: str) -> float:
    return tab.evaluate(
        "(s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)", selector
    )


def test_projector_mode_has_large_text_no_header_and_a_folded_sidebar(open_app):
    tab = open_app("/playground?present=1")
    tab.set_default_timeout(LOADED_MS)
    tab.locator(".lab-chart .main-svg").first.wait_for()
    assert _font_px(tab, '[data-testid="stMain"] [data-testid="stCaptionContainer"]') >= 20
    assert tab.locator('[data-testid="stHeader"]').is_hidden()
    sidebar = '[data-testid="stSidebar"]'
    sidebar_right = tab.evaluate(
        f"() => document.querySelector('{sidebar}').getBoundingClientRect().right"
    )
    assert sidebar_right <= 1  # folded away to the left
    assert "present=1" in tab.url


def test_share_shows_the_views_link_and_a_large_qr_code(open_app):
    tab = open_app("/playground?surface=saddle")
    tab.set_default_timeout(LOADED_MS)
    tab.get_by_role("button", name="Share with the class").click()
    dialog = tab.get_by_role("dialog")
    image = dialog.locator("img")
    image.wait_for()
    wait_until_idle(tab)
    box = image.bounding_box()
    assert box["width"] >= 450 and box["width"] == pytest.approx(box["height"], abs=2)
    link = dialog.get_by_test_id("stCode").inner_text().replace("\n", "")
    assert link.startswith(tab.url.split("?")[0] + "?") and "surface=saddle" in link
    assert "localhost" in dialog.inner_text()  # the server listens on 127.0.0.1 only


def test_keyboard_right_steps_and_space_plays(open_app):
    tab = open_app("/playground?steps=100")
    tab.set_default_timeout(LOADED_MS)
    chart = tab.locator(".lab-chart.js-plotly-plot").first
    chart.locator(".main-svg").first.wait_for()
    tab.get_by_role("heading", level=1).first.click()  # focus on the page, not a control
    tab.keyboard.press("ArrowRight")
    tab.wait_for_function("() => new URLSearchParams(location.search).get('t') !== '0'")
    wait_until_idle(tab)
    chart = tab.locator(".lab-chart.js-plotly-plot").first
    chart.locator(".main-svg").first.wait_for()
    shown = tab.locator(".lab-chart-player output").first
    before = shown.text_content()
    tab.get_by_role("heading", level=1).first.click()
    tab.keyboard.press("Space")
    tab.wait_for_function(
        "(b) => document.querySelector('.lab-chart-player output')?.textContent !== b",
        arg=before,
    )
