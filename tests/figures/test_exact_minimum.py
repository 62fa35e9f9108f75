"""A run that reaches the minimum exactly (Newton on a quadratic) still gets its figure."""

from __future__ import annotations

import json

import numpy as np
import plotly.io as pio

import optimizers
import surfaces
from viz.contour import surface_grid
from viz.paths import path_runs, paths_figure


def test_loss_gaps_down_to_denormals_keep_a_finite_log_axis():
    bowl = surfaces.get("elliptic_bowl", condition=50.0, angle=30.0)
    newton = optimizers.run("newton", bowl, bowl.start, 100)
    gaps = newton.loss[:, 0]
    assert gaps[-1] == 0.0 and np.min(gaps[gaps > 0]) < 1e-300  # what used to overflow
    fig = paths_figure(
        surface_grid(bowl.value, bowl.bounds),
        path_runs(["Newton"], [newton]),
        minima=bowl.minima,
        f_min=0.0,
    )
    layout = json.loads(pio.to_json(fig, validate=False))["layout"]  # a Figure or its dict
    log_axes = [v for k, v in layout.items() if k.startswith("yaxis")]
    dticks = [axis["dtick"] for axis in log_axes if axis.get("type") == "log" and "dtick" in axis]
    assert dticks and all(isinstance(d, int) and 1 <= d < 100 for d in dticks)
