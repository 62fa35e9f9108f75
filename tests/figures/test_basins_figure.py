"""viz.basins: one panel per optimizer, every start coloured by the minimum it reaches."""

from __future__ import annotations

import numpy as np
import pytest

from experiments.basins import BasinsResult
from tests.figures.checked import checked
from viz import basins

MINIMA = np.array([[3.0, 2.0], [-2.8, 3.1], [-3.8, -3.3], [3.6, -1.8]])


def _result(title: str, seed: int) -> BasinsResult:
    """What the figure is given: labels 0..3 (a minimum), 4 (elsewhere), 5 (diverged)."""
    labels = np.random.default_rng(seed).integers(0, len(MINIMA) + 2, size=(6, 6))
    xs = ys = np.linspace(-5.0, 5.0, 6)
    return BasinsResult("adam", title, xs, ys, labels, MINIMA, 200)


def test_figure_one_panel_per_optimizer_with_a_legend_per_class():
    adam, sgd = _result("Adam", 1), _result("SGD", 2)
    fig = checked(basins.basins_figure([adam, sgd], lang="zh"))
    heatmaps = [tr for tr in fig.data if tr.type == "heatmap"]
    assert [h.name for h in heatmaps] == ["Adam", "SGD"]
    np.testing.assert_array_equal(heatmaps[0].z, adam.labels)
    np.testing.assert_array_equal(heatmaps[1].z, sgd.labels)
    legend = [tr.name for tr in fig.data if tr.type == "scatter" and tr.showlegend is not False]
    assert len(legend) == len(MINIMA) + 2
    assert legend[:2] == ["极小值 (3, 2)", "极小值 (-2.8, 3.1)"]
    assert legend[-2:] == ["其他位置（未到达极小值）", "发散"]
    assert heatmaps[0].zmax - heatmaps[0].zmin == len(MINIMA) + 2
    assert [a.text for a in fig.layout.annotations] == ["Adam", "SGD"]


@pytest.mark.parametrize("panels", [1, 3])
def test_the_legend_lies_below_the_x0_titles(panels):
    fig = basins.basins_figure([_result("Adam", i) for i in range(panels)])
    layout = fig["layout"]
    plots_px = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    # Tick labels and the x0 title take about 55 px under the plots (12 px fonts).
    assert layout["legend"]["yanchor"] == "top" and -layout["legend"]["y"] * plots_px >= 55
