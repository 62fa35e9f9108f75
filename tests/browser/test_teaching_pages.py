"""The teaching pages in a real Chromium: each renders a chart without an exception box; a
hover on a sweep cell names its numbers, and a click opens the Playground with its settings."""

from urllib.parse import parse_qs, urlparse

import pytest

from tests.support.browser import assert_no_exception, wait_until_idle

pytestmark = pytest.mark.browser

CHART = ".lab-chart.js-plotly-plot"
PAGES = {
    "/moments": "Moment estimates: what an optimizer carries inside",
    "/bias_correction": "Bias correction",
    "/schedules": "Learning-rate schedules",
    "/sweep": "Sweeps and basins of attraction",
}


@pytest.mark.parametrize("path", list(PAGES))
def test_page_renders_a_chart_without_exception(open_app, path):
    tab = open_app(path)
    assert PAGES[path] in tab.get_by_role("heading", level=1).first.inner_text()
    chart = tab.locator(CHART).first
    chart.wait_for(state="visible")
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 200
    assert tab.locator(f"{CHART} .main-svg").count() > 0
    assert chart.locator(".modebar").count() == 1  # on a desktop (not on a phone)


def test_language_switch_on_a_teaching_page(open_app):
    tab = open_app("/")
    tab.get_by_role("link", name="Bias correction").first.click()
    tab.get_by_role("heading", name="Bias correction").first.wait_for()
    tab.get_by_label("Language · 语言").click()
    tab.get_by_role("option", name="简体中文").click()
    tab.get_by_role("heading", name="偏差校正").first.wait_for()
    tab.wait_for_function("() => window.location.search.includes('lang=zh')")
    tab.locator(CHART).first.wait_for(state="visible")


def test_clicking_a_sweep_cell_opens_the_playground(open_app):
    tab = open_app("/sweep?x.n=8&y.n=8&steps=50")
    chart = tab.locator(CHART).first
    chart.wait_for(state="visible")
    plot = chart.locator(".nsewdrag").first  # the plotting area of the heatmap
    box = plot.bounding_box()
    # Centre of cell (row 5, col 2) of the 8 x 8 grid; rows count upward from the bottom.
    tab.mouse.move(box["x"] + box["width"] * 2.5 / 8, box["y"] + box["height"] * (1 - 5.5 / 8))
    # The hover names that cell: its lr and beta1, then its loss, steps and divergence.
    label = tab.locator(f"{CHART} .hoverlayer .hovertext").first
    label.wait_for()
    lines = label.locator("text.nums tspan.line").all_text_contents()
    assert lines[0] == f"lr = {1e-4 * 10 ** (4 * 2 / 7):.3g}" and lines[1] == "beta1 = 0.714"
    assert lines[2].startswith("final loss = ") and float(lines[2].split(" = ")[1]) > 0
    assert lines[3].startswith("steps to tolerance") and int(lines[3].split(" = ")[1]) >= -1
    assert lines[4].startswith("diverged at step") and int(lines[4].split(" = ")[1]) >= -1
    tab.mouse.down()
    tab.mouse.up()
    tab.wait_for_url("**/playground?*", timeout=30_000)
    wait_until_idle(tab)
    assert_no_exception(tab)
    query = {k: v[-1] for k, v in parse_qs(urlparse(tab.url).query).items()}
    assert query["o0"] == "adam" and query["steps"] == "50"
    assert float(query["o0.lr"]) == pytest.approx(1e-4 * 10 ** (4 * 2 / 7), rel=1e-9)
    assert float(query["o0.beta1"]) == pytest.approx(0.999 * 5 / 7, rel=1e-9)
    assert "Playground" in tab.get_by_role("heading", level=1).first.inner_text()
