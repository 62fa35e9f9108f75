"""What ``ui.chart`` sends is what ``st.plotly_chart`` of a validated ``go.Figure`` of the same
dict would send."""

from __future__ import annotations

import base64
import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

import optimizers
import surfaces
from ui.chart import json_ready, ready_figure, typed_array
from viz.contour import surface_grid
from viz.paths import LAYOUTS, path_runs, paths_figure

ROSENBROCK = surfaces.get("rosenbrock")


def _sent(fig: go.Figure) -> dict:
    """The JSON ``st.plotly_chart`` writes for ``fig`` (it calls ``to_dict``, then this)."""
    return json.loads(pio.to_json(fig.to_dict(), validate=False))


def _without_empty(value):
    """go.Figure drops empty containers (``annotations: []``); nothing else may differ."""
    if isinstance(value, dict):
        return {k: _without_empty(v) for k, v in value.items() if v not in ([], {}, None)}
    if isinstance(value, list):
        return [_without_empty(v) for v in value]
    return value


@pytest.mark.parametrize("layout", LAYOUTS)
def test_playground_figure_is_sent_as_go_figure_would_send_it(layout):
    grid = surface_grid(ROSENBROCK.value, ROSENBROCK.bounds)
    runs = [
        optimizers.run(name, ROSENBROCK, ROSENBROCK.start, 60, lr=1e-3) for name in ("sgd", "adam")
    ]
    fig = paths_figure(
        grid,
        path_runs(["SGD", "Adam"], runs),
        minima=ROSENBROCK.minima,
        log_contour=True,
        f_min=0.0,
        layout=layout,
        pick_start=True,
    )
    ours = json.loads(pio.to_json(ready_figure(fig), validate=False, engine="orjson"))
    validated = _sent(go.Figure(fig))
    validated["layout"].pop("template")
    assert _without_empty(ours) == _without_empty(validated)
    assert ours["frames"] and ours["data"][0]["z"]["dtype"] == "f4"


def test_typed_arrays_match_plotly_and_fall_back_to_lists():
    z = np.arange(6, dtype=np.float32).reshape(2, 3)
    spec = typed_array(z)
    assert spec["dtype"] == "f4" and spec["shape"] == "2, 3"
    assert np.frombuffer(base64.b64decode(spec["bdata"]), "f4").tolist() == list(range(6))
    assert typed_array(np.arange(3))["dtype"] == "i4"  # int64 has no typed array in browsers
    assert typed_array(np.array([2**40, 1])) == [2**40, 1]
    assert typed_array(np.array(["a", "b"])) == ["a", "b"]
    column = np.arange(8.0).reshape(4, 2)[:, 1]  # a strided view is sent as its values
    assert np.frombuffer(base64.b64decode(typed_array(column)["bdata"])).tolist() == [
        1.0,
        3.0,
        5.0,
        7.0,
    ]


def test_json_ready_copies_and_leaves_plain_lists_alone():
    frames = [{"data": [{"x": [1.0, None]}]}]
    fig = {"data": [{"x": np.array([1.0]), "marker": {"size": np.int64(3)}}], "frames": frames}
    ready = json_ready(fig)
    assert ready["data"][0]["x"]["dtype"] == "f8" and ready["data"][0]["marker"]["size"] == 3
    assert isinstance(fig["data"][0]["x"], np.ndarray)  # the builder's dict is not changed
    assert ready["frames"][0]["data"][0]["x"] == [1.0, None]
