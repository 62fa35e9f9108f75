"""Charts carry Streamlit's chart look in their own template (``theme=None``)."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest

from tests.support.apptest import charts, run_app
from ui.chart import BROWSER_ROOT_PX, on_screen, screen_template
from ui.present_settings import BODY_FONT_PX


def _sizes(value, path=""):
    """Every numeric leaf of ``value`` that is a size (fonts, standoffs, pads), by path."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            out |= _sizes(item, f"{path}.{key}")
        return out
    is_size = path.endswith((".size", ".standoff", ".pad", ".l")) and "margin.l" not in path
    return {path: value} if is_size and isinstance(value, int | float) else {}


def test_the_template_is_one_plotly_accepts():
    figure = go.Figure(layout={"template": screen_template()})
    assert figure.layout.template.layout.yaxis.gridcolor == "#e6eaf1"
    assert figure.layout.template.layout.font.family == '"Source Sans", sans-serif'


def test_the_template_grows_with_the_root_font_as_streamlits_rem_sizes_do():
    plain, projector = _sizes(screen_template()), _sizes(screen_template(BODY_FONT_PX))
    assert plain.keys() == projector.keys() and len(plain) >= 10
    assert plain[".layout.yaxis.title.standoff"] == 24
    assert plain[".layout.margin.pad"] == 8
    for path, size in plain.items():
        assert projector[path] == pytest.approx(size * BODY_FONT_PX / BROWSER_ROOT_PX), path


def test_margins_are_the_figures_own_except_under_a_projectors_bigger_fonts():
    for axis in ("xaxis", "yaxis"):
        assert screen_template()["layout"][axis]["automargin"] is False
        assert screen_template(BODY_FONT_PX)["layout"][axis]["automargin"] is True


def test_on_screen_adds_the_template_bolds_the_title_and_leaves_the_input_alone():
    figure = {"data": [], "layout": {"title": "final loss", "height": 300}}
    shown = on_screen(figure)
    assert shown["layout"]["template"] == screen_template()
    assert shown["layout"]["title"] == {"text": "<b>final loss</b>"}
    assert shown["layout"]["height"] == 300
    assert figure == {"data": [], "layout": {"title": "final loss", "height": 300}}
    own = {"layout": {"template": {"layout": {"font": {"size": 9}}}, "title": {"text": "t"}}}
    assert on_screen(own)["layout"]["template"] == own["layout"]["template"]
    assert on_screen(own)["layout"]["title"] == {"text": "<b>t</b>"}
    assert "title" not in on_screen({"data": []})["layout"]


@pytest.mark.parametrize("present", ["0", "1"])
def test_pages_send_charts_with_the_template(present):
    at = run_app("pages/playground.py", present=present)
    (chart,) = charts(at)
    root = BODY_FONT_PX if present == "1" else BROWSER_ROOT_PX
    template = chart["layout"]["template"]
    assert template == json.loads(json.dumps(screen_template(root)))
