"""``ui.chart.plotly_chart`` sends the lab's chart component: the figure, its config, whether
a click is sent back, the player of an animated figure, and where the page loads Plotly.js
from."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.support.apptest import chart_elements, chart_payloads, charts
from ui.chart import AXIS_ROOM_PX, player
from ui.plotly_bundles import bundle_url


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
    assert plain["plotly"] == bundle_url("cartesian")  # a scatter: no 3D trace
    layout = clickable["figure"]["layout"]
    assert clickable["select"] is True
    assert (layout["dragmode"], layout["hovermode"]) == ("pan", "closest")
    assert charts(at) == [plain["figure"], clickable["figure"]]
    ids = [e.proto.id for e in chart_elements(at)]
    assert ids[0].endswith("-plain") and ids[1].endswith("-clickable")  # keyed: kept in place


def _animated() -> dict:
    from viz.animation import Mover, animate, timeline

    figure = {
        "data": [{"type": "scatter", "x": [0.0], "y": [0.0]}],
        "layout": {"margin": {"l": 50, "b": 110}, "height": 600},
    }
    mover = Mover(0, {"x": [[0.0], [1.0], [2.0]], "y": [[0.0]] * 3})
    return animate(figure, timeline(4, max_frames=3), [mover], current=1)


def test_an_animated_figures_controls_become_the_pages_player():
    figure = _animated()
    layout, controls = player(figure["layout"])
    assert "sliders" not in layout and "updatemenus" not in layout
    assert layout["margin"] == {"l": 50, "b": AXIS_ROOM_PX}  # no room kept for Plotly's controls
    assert layout["height"] == 600 - (110 - AXIS_ROOM_PX)  # and the plots keep their size
    assert [b["label"] for b in controls["buttons"]] == ["▶ Play", "▮▮ Pause", "↺ Replay"]
    (menu,) = figure["layout"]["updatemenus"]
    assert controls["buttons"][0]["args"] == menu["buttons"][0]["args"]
    assert [s["label"] for s in controls["steps"]] == ["0", "2", "4"]
    assert controls["steps"][2]["args"][0] == ["4"]  # Plotly.animate(div, ["4"], ...): frame "4"
    assert (controls["active"], controls["prefix"]) == (1, "step ")
    assert player(figure["layout"], root_px=24)[0]["margin"]["b"] == AXIS_ROOM_PX * 1.5
    assert "sliders" in figure["layout"]  # the caller's figure (exports use it) is untouched


def test_controls_that_do_more_than_animate_stay_plotlys():
    layout = {"sliders": [{"steps": [{"label": "a", "method": "restyle", "args": []}]}]}
    assert player(layout) == (layout, None)
    assert player({"title": "still"}) == ({"title": "still"}, None)


def _animated_chart() -> None:
    from tests.ui.test_chart_component import _animated
    from ui.chart import plotly_chart

    plotly_chart(_animated(), key="moving")


def test_the_chart_sends_the_player_beside_a_figure_without_plotlys_controls():
    at = AppTest.from_function(_animated_chart).run()
    assert not at.exception
    (payload,) = chart_payloads(at)
    assert payload["player"]["active"] == 1 and len(payload["player"]["steps"]) == 3
    assert "sliders" not in payload["figure"]["layout"] and len(payload["figure"]["frames"]) == 3
