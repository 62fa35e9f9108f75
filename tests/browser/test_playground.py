"""The Playground in a real Chromium: chart, lr slider, Play, click-to-start, downloads, Chinese."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlparse

import plotly.offline
import pytest

from tests.support.browser import wait_until_idle

pytestmark = pytest.mark.browser

CHART = ".js-plotly-plot"
# Plotly keeps the decoded figure on the chart's div: read what the browser really shows.
SGD_PATH = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const path = gd._fullData.find(t => t.name === 'SGD' && t.mode === 'lines');
  return Array.from(path.x);
}"""
# The Plotly.js bundles the page has loaded (ui/plotly_bundles.py).
BUNDLES_LOADED = """() => performance.getEntriesByType('resource')
  .map(e => e.name).filter(n => /plotly-/.test(n))"""
# The chart's player (ui/chart.js): its scrubber is a range over the frames.
# The x of SGD's current-point marker on the map (the first moving trace's first point).
MARKERS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  return gd._fullData.find(t => t.mode === 'markers' && t.x.length === 4).x[0];
}"""
SCRUBBER = "() => document.querySelector('.lab-chart-player input').valueAsNumber"
PLAYER_BUTTON = ".lab-chart-player button"
# Marks the chart's div and logs its draws from now on: a whole redraw (Plotly.react) as
# "react", a move in place (Plotly.animate) as the names of the traces it moves.
COUNT_DRAWS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  gd.dataset.kept = '1';
  window.__draws = [];
  const { react, animate } = window.Plotly;
  window.Plotly.react = (...args) => { window.__draws.push('react'); return react(...args); };
  window.Plotly.animate = (div, frame, ...rest) => {
    if (frame && frame.traces) window.__draws.push(frame.traces.map((i) => gd.data[i].name));
    if (frame && frame.traces) window.__moved = frame.traces;
    return animate(div, frame, ...rest);
  };
}"""


def _open_playground(open_app, query: str = ""):
    tab = open_app(f"/playground{query}")
    tab.wait_for_selector(CHART)
    tab.wait_for_function("() => document.querySelector('.js-plotly-plot')._fullData !== undefined")
    return tab


def test_chart_lr_slider_play_and_click_to_start(open_app):
    tab = _open_playground(open_app)
    assert tab.get_by_role("heading", level=1).first.inner_text() == "Playground"
    before = tab.evaluate(SGD_PATH)
    assert len(before) == 301

    tab.evaluate(COUNT_DRAWS)
    lr = tab.get_by_role("slider", name="learning rate lr").first  # SGD's panel
    lr.focus()
    lr.press("ArrowRight")  # 0.002 -> 0.003 on the log scale
    tab.wait_for_function("() => window.location.search.includes('o0.lr=0.003')")
    wait_until_idle(tab)
    tab.wait_for_function(f"() => ({SGD_PATH})()[300] !== {before[300]}")
    moved = tab.evaluate(SGD_PATH)
    assert moved != before
    # The new figure was drawn once, into the same div (not a new chart mounted per figure),
    # by moving SGD's path and curves and the frames' markers alone: no whole redraw.
    kept, draws = tab.evaluate(
        "() => [document.querySelector('.js-plotly-plot').dataset.kept, window.__draws]"
    )
    assert kept == "1"
    assert draws == [["SGD"] * 3 + ["current step"] * 3]

    assert tab.evaluate(SCRUBBER) == 0
    tab.locator(PLAYER_BUTTON).filter(has_text=re.compile(r"^▶")).click()
    tab.wait_for_function(f"() => ({SCRUBBER})() > 5")
    tab.locator(PLAYER_BUTTON).filter(has_text="Pause").click()
    paused = tab.evaluate(SCRUBBER)
    assert paused > 5
    assert tab.locator(".lab-chart-player output").inner_text() == f"step {4 * paused}"
    # The scrubber shows a frame: the markers jump to that step (frame 10 is step 40).
    tab.get_by_role("slider", name="step", exact=True).fill("10")
    assert tab.locator(".lab-chart-player output").inner_text() == "step 40"
    tab.wait_for_function(f"() => Math.abs(({MARKERS})() - {moved[40]}) < 1e-9")

    # After an animation, a click on the map still picks the start point. Rosenbrock's window
    # is [-2, 2] x [-1, 3]: this is about (1, -0.2), the map's grid node nearest the click.
    area = tab.locator(f"{CHART} .nsewdrag").first.bounding_box()
    tab.mouse.click(area["x"] + 0.75 * area["width"], area["y"] + 0.8 * area["height"])
    tab.wait_for_function("() => window.location.search.includes('x0=')")
    wait_until_idle(tab)
    query = parse_qs(urlparse(tab.url).query)
    x0, y0 = float(query["x0"][0]), float(query["y0"][0])
    assert abs(x0 - 1.0) < 0.1 and abs(y0 + 0.2) < 0.1
    assert (x0 + 2) / 0.04 == pytest.approx(round((x0 + 2) / 0.04), abs=1e-3)  # 101 nodes
    assert float(tab.get_by_label("x₀").input_value()) == pytest.approx(x0)
    tab.wait_for_function(f"() => Math.abs(({SGD_PATH})()[0] - {x0}) < 1e-9")


def test_png_html_and_csv_downloads_are_valid_files(open_app, tmp_path):
    tab = _open_playground(open_app, "?steps=50")
    tab.get_by_text("Export").click()
    files = {}
    for label, ext in (
        ("Interactive HTML", "html"),
        ("Trajectories (CSV)", "csv"),
        ("PNG image", "png"),
    ):
        with tab.expect_download(timeout=90_000) as download:
            tab.get_by_role("button", name=label).click()
        path = tmp_path / f"playground.{ext}"
        download.value.save_as(path)
        assert download.value.suggested_filename == f"playground.{ext}"
        files[ext] = path.read_bytes()
    assert files["png"][:8] == b"\x89PNG\r\n\x1a\n" and len(files["png"]) > 10_000
    page = files["html"].decode("utf-8")
    assert (
        page.startswith("<!DOCTYPE html>")
        and "Plotly.newPlot" in page
        and "<script src=" not in page
    )
    rows = list(csv.DictReader(io.StringIO(files["csv"].decode("utf-8-sig"))))
    assert {row["optimizer"] for row in rows} == {"SGD", "Momentum", "RMSprop", "Adam"}
    assert len(rows) == 4 * 51 and rows[0]["setting.steps"] == "50"


def test_chinese_playground_screenshot(open_app, tmp_path):
    tab = _open_playground(open_app, "?lang=zh")
    assert tab.get_by_role("heading", level=1).first.inner_text() == "游乐场"
    assert tab.locator(PLAYER_BUTTON).filter(has_text="播放").count() == 1
    assert tab.get_by_text("学习率 lr").count() == 4
    shot = tmp_path / "playground_zh.png"
    tab.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_flat_figure_loads_the_cartesian_bundle_and_a_3d_one_the_full_bundle(open_app):
    tab = _open_playground(open_app)
    release = plotly.offline.get_plotlyjs_version()
    assert [url.rsplit("/", 1)[1] for url in tab.evaluate(BUNDLES_LOADED)] == [
        f"plotly-cartesian-{release}.min.js"
    ]
    tab.get_by_text("3D surface").click()
    # The same chart, redrawn from scratch by the full bundle: a 3D scene with the paths.
    tab.wait_for_function("() => document.querySelector('.js-plotly-plot')._fullLayout.scene")
    wait_until_idle(tab)
    assert len(tab.evaluate(BUNDLES_LOADED)) == 2
    kinds = tab.evaluate(f"() => document.querySelector('{CHART}')._fullData.map(t => t.type)")
    assert "surface" in kinds and kinds.count("scatter3d") >= 4
    assert tab.locator(".lab-chart").count() == 1 and tab.locator(".lab-chart-player").count() == 1


# SGD's edge arrow as the browser holds it: its points and the label drawn at its tail.
SGD_ARROW = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const arrow = gd.data.find(t => t.mode === 'lines+markers+text' && t.legendgroup === 'SGD');
  const labels = Array.from(gd.querySelectorAll('.textpoint text'), (text) => text.textContent);
  return { x: Array.from(arrow.x), label: labels.find((text) => text.startsWith('SGD')) || null };
}"""


def test_a_run_crossing_into_divergence_is_moved_in_place(open_app):
    """SGD at lr 0.005 converges and at 0.007 diverges: its cross and its arrow at the map's
    edge appear, and the loss axis reaches up, with no whole redraw (they are traces there
    all along, empty while the run is finite)."""
    tab = _open_playground(open_app, "?o0=sgd&o0.lr=0.005")
    assert tab.evaluate(SGD_ARROW) == {"x": [], "label": None}
    tab.evaluate(COUNT_DRAWS)
    lr = tab.get_by_role("slider", name="learning rate lr").first
    lr.focus()
    lr.press("ArrowRight")
    tab.wait_for_function("() => window.location.search.includes('o0.lr=0.007')")
    wait_until_idle(tab)
    tab.wait_for_function(f"() => ({SGD_ARROW})().x.length === 2")
    arrow = tab.evaluate(SGD_ARROW)
    assert re.fullmatch(r"SGD diverged at step \d+,\s*last finite point \(.+\)", arrow["label"])
    draws = tab.evaluate("() => window.__draws")
    assert "react" not in draws and len(draws) == 1
    # Its crosses moved with its lines (named as they are now: they were empty and nameless).
    moved = tab.evaluate(
        f"() => window.__moved.map((i) => document.querySelector('{CHART}').data[i].name)"
    )
    assert "SGD: diverged at step" in " ".join(moved)


# For every trace the chart holds, as drawn and as given: the array attributes Plotly finds
# through ui/chart.js (kept by kind of trace) and those its own schema crawl finds.
ARRAY_ATTRIBUTES = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const find = gd.plotly.PlotSchema.findArrayAttributes;
  return [...gd._fullData, ...gd.data].map((trace) => [find(trace), find.uncached(trace)]);
}"""


def _array_attributes_agree(tab) -> list[list[str]]:
    pairs = tab.evaluate(ARRAY_ATTRIBUTES)
    for kept, crawled in pairs:
        assert kept == crawled
    return [kept for kept, _ in pairs]


def test_array_attributes_kept_by_kind_of_trace_are_plotlys_own(open_app):
    tab = _open_playground(open_app)
    drawn = _array_attributes_agree(tab)
    assert "z" in drawn[0]  # the contour
    assert any({"x", "y"} <= set(found) for found in drawn[1:])  # the paths
    lr = tab.get_by_role("slider", name="learning rate lr").first
    lr.focus()
    lr.press("ArrowRight")  # new values, the same kinds of trace: the kept answers
    tab.wait_for_function("() => window.location.search.includes('o0.lr=0.003')")
    wait_until_idle(tab)
    assert _array_attributes_agree(tab) == drawn
    tab.get_by_text("3D surface").click()  # the full bundle, with its own schema
    tab.wait_for_function("() => document.querySelector('.js-plotly-plot')._fullLayout.scene")
    wait_until_idle(tab)
    assert any("z" in found for found in _array_attributes_agree(tab))


# The map's contours as drawn: their paths' outlines.
CONTOURS = """() => Array.from(
  document.querySelectorAll('.js-plotly-plot .contourlayer path'), (p) => p.getAttribute('d'))"""
# Counts from now on the outlines Plotly writes into the map's contours ("d" set anew, in
# whichever contour layer: Plotly may make the layer anew, the groups are what is kept).
WATCH_CONTOURS = """() => {
  window.__contourWrites = 0;
  new MutationObserver((changes) => {
    window.__contourWrites += changes.filter((c) => c.target.closest('.contourlayer')).length;
  }).observe(document.querySelector('.js-plotly-plot .cartesianlayer'),
    { subtree: true, attributeFilter: ['d'] });
}"""
# The same figure drawn afresh in a div of the chart's size: its contours' outlines.
FRESH_CONTOURS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const div = document.createElement('div');
  div.style.width = `${gd.offsetWidth}px`;
  document.body.appendChild(div);
  return gd.plotly.newPlot(div, gd.data, gd.layout).then(() => {
    const d = Array.from(div.querySelectorAll('.contourlayer path'), (p) => p.getAttribute('d'));
    gd.plotly.purge(div);
    div.remove();
    return d;
  });
}"""
LOSS_RANGE = "() => document.querySelector('.js-plotly-plot')._fullLayout.yaxis2.range.slice()"
# The chart as drawn, and the same figure drawn afresh in a div of its size: every path of
# its plots (outline and place) and every tick label of its axes (text and place), to a
# thousandth of a pixel (a whole draw and a fresh one round their last digits apart).
DRAWING = """(div) => {
  const px = (text) => (text || '').replace(/-?\\d+\\.\\d+/g, (n) => Number(n).toFixed(3));
  return {
    paths: Array.from(div.querySelectorAll('.cartesianlayer path'),
      (p) => [px(p.getAttribute('d')), px(p.getAttribute('transform'))]),
    ticks: Array.from(div.querySelectorAll('.xaxislayer-above text, .yaxislayer-above text'),
      (t) => [t.textContent, px(t.getAttribute('transform'))]),
  };
}"""
DRAWN_AND_FRESH = f"""() => {{
  const gd = document.querySelector('.js-plotly-plot');
  const drawing = {DRAWING};
  const div = document.createElement('div');
  div.style.width = `${{gd.offsetWidth}}px`;
  document.body.appendChild(div);
  return gd.plotly.newPlot(div, gd.data, gd.layout).then(() => {{
    const fresh = drawing(div);
    gd.plotly.purge(div);
    div.remove();
    return [drawing(gd), fresh];
  }});
}}"""


def test_contours_stay_through_moves_in_place_kept_as_drawn_until_the_map_zooms(open_app):
    """A move in place draws the moved traces again (Plotly.animate) and, when the loss axis
    rescales, every trace (a relayout of its range): the map keeps its contours, the outlines
    a fresh draw makes, and none is written again (ui/chart.js keepContours); the rest is as
    a fresh draw makes it; a zoom on the map draws the contours anew."""
    tab = _open_playground(open_app, "?o0=sgd&o0.lr=0.005")
    drawn = tab.evaluate(CONTOURS)
    assert len(drawn) > 10 and drawn == tab.evaluate(FRESH_CONTOURS)
    loss_range = tab.evaluate(LOSS_RANGE)
    tab.evaluate(WATCH_CONTOURS)
    tab.evaluate(COUNT_DRAWS)
    lr = tab.get_by_role("slider", name="learning rate lr").first
    lr.focus()
    lr.press("ArrowRight")  # SGD diverges: its path moves and the loss axis reaches up
    tab.wait_for_function("() => window.location.search.includes('o0.lr=0.007')")
    wait_until_idle(tab)
    tab.wait_for_function(f"() => ({LOSS_RANGE})()[1] !== {loss_range[1]}")
    assert "react" not in tab.evaluate("() => window.__draws")
    assert tab.evaluate(CONTOURS) == drawn
    assert tab.evaluate("() => window.__contourWrites") == 0
    # The loss axis moved with the traces, in one Plotly.animate: the chart is the figure
    # as a fresh draw makes it, its ticks too.
    on_screen, fresh = tab.evaluate(DRAWN_AND_FRESH)
    assert len(on_screen["paths"]) > 40 and len(on_screen["ticks"]) > 10
    assert on_screen == fresh
    lr.press("ArrowLeft")  # back: the path moves, the loss axis too
    tab.wait_for_function("() => window.location.search.includes('o0.lr=0.005')")
    wait_until_idle(tab)
    assert tab.evaluate(LOSS_RANGE) == loss_range
    assert tab.evaluate(CONTOURS) == drawn
    assert tab.evaluate("() => window.__contourWrites") == 0
    on_screen, fresh = tab.evaluate(DRAWN_AND_FRESH)
    assert on_screen == fresh
    tab.evaluate(
        "() => { const gd = document.querySelector('.js-plotly-plot');"
        " return gd.plotly.relayout(gd, {'xaxis.range': [-1, 1]}); }"
    )
    zoomed = tab.evaluate(CONTOURS)
    assert tab.evaluate("() => window.__contourWrites") > 0 and zoomed != drawn
    assert zoomed == tab.evaluate(FRESH_CONTOURS)
