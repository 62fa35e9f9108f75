"""viz.basins: one panel per optimizer, every start coloured by the minimum it reaches."""

from __future__ import annotations

import numpy as np
import pytest

import surfaces
from experiments import basins as basins_run
from tests.figures.checked import checked
from viz import basins


@pytest.fixture(scope="module")
def himmelblau_basins():
    h = surfaces.get("himmelblau")
    return h, basins_run.run_basins("adam", h, 16, 200, title="Adam", lr=0.1)


def test_figure_one_panel_per_optimizer_with_a_legend_per_class(himmelblau_basins):
    h, result = himmelblau_basins
    fig = checked(basins.basins_figure([result, result], lang="zh"))
    heatmaps = [tr for tr in fig.data if tr.type == "heatmap"]
    assert len(heatmaps) == 2
    np.testing.assert_array_equal(heatmaps[0].z, result.labels)
    legend = [tr.name for tr in fig.data if tr.type == "scatter" and tr.showlegend is not False]
    assert len(legend) == len(h.minima) + 2
    assert legend[-2:] == ["其他位置（未到达极小值）", "发散"]
    assert heatmaps[0].zmax - heatmaps[0].zmin == len(h.minima) + 2
