"""experiments.basins: a grid of starts, one summary run, each start labelled by the minimum
it reaches."""

from __future__ import annotations

import numpy as np
import pytest

import surfaces
from experiments import basins


def test_start_grid_is_cell_centres_row_major():
    xs, ys, starts = basins.start_grid(((0.0, 8.0), (-1.0, 1.0)), 8)
    np.testing.assert_allclose(xs, np.arange(8) + 0.5)
    np.testing.assert_allclose(ys, -1 + (np.arange(8) + 0.5) / 4)
    np.testing.assert_array_equal(starts[9], [xs[1], ys[1]])
    with pytest.raises(ValueError, match=r"cells must be an integer in \[8, 128\]; got 129"):
        basins.start_grid(((0, 1), (0, 1)), 129)


def test_classify_nearest_minimum_elsewhere_and_diverged():
    minima = np.array([[0.0, 0.0], [5.0, 5.0]])
    final = np.array([[0.01, 0.0], [5.0, 4.9], [2.5, 2.5], [0.0, 0.0]])
    diverged = np.array([-1, -1, -1, 12])
    labels = basins.classify(final, diverged, minima, radius=0.2)
    assert labels.tolist() == [0, 1, 2, 3]
    assert basins.classify(final, diverged, np.empty((0, 2)), 0.2).tolist() == [0, 0, 0, 1]


@pytest.fixture(scope="module")
def himmelblau_basins():
    h = surfaces.get("himmelblau")
    return h, basins.run_basins("adam", h, 16, 200, title="Adam", lr=0.1)


def test_starts_next_to_a_minimum_stay_in_its_basin(himmelblau_basins):
    h, result = himmelblau_basins
    assert result.labels.shape == (16, 16)
    assert result.shares().sum() == pytest.approx(1.0)
    for k, (mx, my) in enumerate(h.minima):
        col, row = np.argmin(abs(result.xs - mx)), np.argmin(abs(result.ys - my))
        assert result.labels[row, col] == k


def test_progress_reports_fractions_and_leaves_the_labels_alone(himmelblau_basins):
    h, result = himmelblau_basins
    seen: list[float] = []
    again = basins.run_basins("adam", h, 16, 200, title="Adam", lr=0.1, progress=seen.append)
    assert seen == pytest.approx([k / 200 for k in range(2, 201, 2)])  # every 200 // 100 steps
    np.testing.assert_array_equal(again.labels, result.labels)


def test_work_is_bounded():
    h = surfaces.get("himmelblau")
    with pytest.raises(ValueError, match=r"steps must be an integer in \[1, 2000\]"):
        basins.run_basins("adam", h, 16, 0)
    with pytest.raises(ValueError, match=r"starts x steps must be at most"):
        basins.run_basins("adam", h, 128, 1000)
