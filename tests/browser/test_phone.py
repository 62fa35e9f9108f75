"""A phone (390 x 844, a phone's User-Agent): the Playground's map at full width with the
curves below it, controls reachable, nothing wider than the screen; the lessons usable."""

import pytest

from tests.support.browser import PHONE_UA, wait_until_idle

pytestmark = pytest.mark.browser

LOADED_MS = 180_000  # a busy machine renders a page's widgets and charts slowly


@pytest.fixture
def phone(browser, server_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, user_agent=PHONE_UA
    )
    tab = context.new_page()
    tab.set_default_timeout(LOADED_MS)

    def _open(path: str):
        tab.goto(f"{server_url}{path}")
        return tab

    yield _open
    context.close()


def _no_sideways_scroll(tab) -> None:
    width, client = tab.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert width <= client


def test_the_playground_on_a_phone(phone):
    tab = phone("/playground")
    chart = tab.locator(".lab-chart.js-plotly-plot").first
    chart.locator(".main-svg").first.wait_for()
    maps = chart.locator(".nsewdrag")  # the plotting areas: the map, then the curves
    boxes = [maps.nth(i).bounding_box() for i in range(maps.count())]
    the_map, curves = boxes[0], boxes[1:]
    assert the_map["width"] >= 250  # most of the 390 px, not a third of them
    assert curves and all(c["y"] >= the_map["y"] + the_map["height"] for c in curves)
    assert all(c["width"] >= 250 for c in curves)
    assert chart.locator(".modebar").count() == 0  # it lay over the legend
    _no_sideways_scroll(tab)
    # One optimizer's panel, the others a tap away on the picker above it.
    assert tab.get_by_role("slider", name="learning rate lr").count() == 1
    assert tab.get_by_role("slider", name="alpha").count() == 0
    picker = tab.get_by_role("radiogroup", name="Optimizer shown")
    picker.get_by_role("radio", name="RMSprop").click()
    tab.get_by_role("slider", name="alpha").wait_for()
    assert tab.get_by_role("slider", name="learning rate lr").count() == 1
    # The controls: the sidebar folds away behind its button and opens on a tap.
    tab.get_by_test_id("stExpandSidebarButton").click()
    tab.get_by_label("Loss surface").wait_for()


def test_the_summary_table_keeps_each_cell_on_one_line_and_scrolls_sideways(phone):
    tab = phone("/playground?lang=zh")
    table = tab.locator(".st-key-part-summary table")
    table.locator("td").first.wait_for()
    # One line box per cell's text: before, "未达到" and the headers broke character by character.
    lines = table.evaluate(
        """t => [...t.querySelectorAll('th, td')].map(cell => {
            const tops = new Set();
            const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            while (texts.nextNode()) {
                const range = document.createRange();
                range.selectNodeContents(texts.currentNode);
                for (const r of range.getClientRects()) tops.add(Math.round(r.top));
            }
            return tops.size;
        })"""
    )
    assert lines and max(lines) == 1
    wider, scrolls = table.evaluate(
        "t => [t.scrollWidth > t.parentElement.clientWidth, "
        "getComputedStyle(t.parentElement).overflowX === 'auto']"
    )
    assert wider and scrolls  # the table scrolls in its own box
    _no_sideways_scroll(tab)  # and the page does not


def test_a_lesson_on_a_phone(phone):
    tab = phone("/lessons?lesson=adam_from_parts&step=3")
    frame = tab.frame_locator("iframe").first
    frame.locator(".lab-chart .main-svg").first.wait_for()
    view = tab.locator("iframe").first.bounding_box()
    assert view["width"] >= 340
    tab.get_by_role("button", name="Next").wait_for()
    _no_sideways_scroll(tab)


def test_the_sections_under_the_moments_chart_fold_on_a_phone(phone):
    tab = phone("/moments?t=6")
    tab.locator(".lab-chart .main-svg").first.wait_for()
    inspector = tab.get_by_role("slider", name="Step t")
    # Folded: neither the step inspector's slider nor the Newton section's chart is made.
    assert inspector.count() == 0 and tab.locator(".lab-chart").count() == 1
    tab.get_by_text("Step inspector", exact=True).click()
    inspector.wait_for()
    assert inspector.input_value() == "7"  # the link's step: t = 6 + 1
    assert "t=6" in tab.url
    tab.get_by_text("Newton's method: the local quadratic model", exact=True).click()
    tab.locator(".lab-chart").nth(1).locator(".main-svg").first.wait_for()
    _no_sideways_scroll(tab)


def test_the_sweeps_ranges_and_basins_fold_on_a_phone(phone):
    tab = phone("/sweep?x.n=8&y.n=6&bn=24")
    tab.locator(".lab-chart .main-svg").first.wait_for()
    wait_until_idle(tab)
    cells = tab.locator('input[type="range"][aria-label="cells"]')
    # Folded: no range widget and no basins map is made; the heatmap is the link's grid.
    assert cells.count() == 0 and tab.locator(".lab-chart").count() == 1
    drawn = tab.evaluate("Array.from(document.querySelector('.lab-chart').data, (tr) => tr.type)")
    assert drawn == ["heatmap"] * 3  # its layers, no marker layer
    # Plotly.js knows the metric's scale by name (an unknown name falls back to red-blue).
    scale = "document.querySelector('.lab-chart')._fullData[2].colorscale[0][1]"
    assert tab.evaluate(scale) == "#440154"  # Viridis' first colour
    tab.get_by_text("Ranges and cells of the two axes", exact=True).click()
    cells.first.wait_for(state="attached")  # a range input, drawn by its own thumb
    assert [cells.nth(i).input_value() for i in range(2)] == ["8", "6"]
    wait_until_idle(tab)
    tab.get_by_text("Basins of attraction", exact=True).click()
    tab.locator(".lab-chart").nth(1).locator(".main-svg").first.wait_for()
    assert tab.get_by_role("slider", name="Grid cells per side").input_value() == "24"
    assert "bn=24" in tab.url and "x.n=8" in tab.url
    # The best cell's link says its values in full, on more than one line if need be.
    label = tab.get_by_test_id("stPageLink-NavLink").locator("p").first
    assert "beta1 = " in label.inner_text()
    assert label.evaluate("p => p.scrollWidth <= p.clientWidth")  # not clipped
    _no_sideways_scroll(tab)


def test_the_bias_correction_sections_fold_on_a_phone(phone):
    tab = phone("/bias_correction?cmp=epsilon")
    tab.locator(".lab-chart .main-svg").first.wait_for()
    wait_until_idle(tab)
    # Folded: only the factors' chart is made, neither the run nor the comparison.
    assert tab.locator(".lab-chart").count() == 1
    tab.get_by_text("Side by side", exact=True).click()
    tab.locator(".lab-chart").nth(2).locator(".main-svg").first.wait_for()  # paths, lengths
    assert tab.get_by_role("radio", name="torch's ε vs Keras' ε").is_checked()  # the link's
    assert "cmp=epsilon" in tab.url
    _no_sideways_scroll(tab)
