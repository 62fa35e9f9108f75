"""``ui.chart.plotly_chart`` sends the lab's chart component: the figure, its config, whether
a click is sent back, and where the page loads Plotly.js from."""

from __future__ import annotations

import filecmp
from pathlib import Path

import plotly
from streamlit.testing.v1 import AppTest

from tests.support.apptest import chart_elements, chart_payloads, charts
from ui.chart import STATIC_DIR, plotly_js_url


def _two_charts() -> None:
    import numpy as np

    from ui.chart import plotly_chart

    figure = {"data": [{"type": "scatter", "x": np.arange(3.0), "y": [1, 2, 3]}], "layout": {}}
    plotly_chart(figure, key="plain", config={"scrollZoom": False})
    plotly_chart(figure, key="clickable", on_select=lambda: None)


def test_charts_carry_their_figure_config_and_whether_a_click_is_sent():
    at = AppTest.from_function(_two_charts).run()
    assert not at.exception
    plain, clickable = chart_payloads(at)
    figure = plain["figure"]
    assert figure["data"][0]["x"]["dtype"] == "f8" and figure["data"][0]["y"] == [1, 2, 3]
    assert plain["config"]["scrollZoom"] is False and plain["config"]["displaylogo"] is False
    assert "lasso2d" in plain["config"]["modeBarButtonsToRemove"]
    assert plain["select"] is False and "dragmode" not in figure["layout"]
    assert plain["plotly"] == plotly_js_url()
    layout = clickable["figure"]["layout"]
    assert clickable["select"] is True
    assert (layout["dragmode"], layout["hovermode"]) == ("pan", "closest")
    assert charts(at) == [plain["figure"], clickable["figure"]]
    ids = [e.proto.id for e in chart_elements(at)]
    assert ids[0].endswith("-plain") and ids[1].endswith("-clickable")  # keyed: kept in place


def test_the_chart_loads_plotlys_own_bundle_from_the_apps_static_files():
    url = plotly_js_url()
    assert url == f"app/static/plotly-{plotly.__version__}.min.js"
    served = STATIC_DIR / Path(url).name
    bundled = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert filecmp.cmp(served, bundled, shallow=False)
