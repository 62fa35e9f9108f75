"""viz.summary: the table under the Playground's figure."""

from __future__ import annotations

import numpy as np

from viz.paths import PathRun
from viz.summary import steps_to_tol, summary_columns


def _run(label, loss, diverged=-1):
    xy = np.column_stack([np.linspace(0, 1, len(loss)), np.zeros(len(loss))])
    return PathRun(label, xy, np.asarray(loss, dtype=float), diverged)


def test_steps_to_tolerance_counts_from_the_known_minimum():
    run = _run("a", [5.0, 1.0, 1e-3, 1e-7, 1e-9])
    assert steps_to_tol(run, 0.0, 1e-6) == 3
    assert steps_to_tol(run, 0.0, 1e-12) is None
    assert steps_to_tol(run, None, 1e-6) is None
    assert steps_to_tol(_run("b", [2.0, 1.5]), 1.0, 0.6) == 1


def test_columns_in_both_languages_with_divergence_and_distances():
    calm = _run("SGD", [4.0, 1.0, 0.5])
    wild = _run("Adam", [4.0, 9.0, 9.0], diverged=2)
    columns = summary_columns([calm, wild], minima=[[1.0, 0.0]], f_min=0.0, tol=1e-3)
    assert list(columns) == [
        "optimizer", "final loss", "best loss", "steps to loss − f* ≤ 0.001", "divergence",
        "final point", "distance to nearest minimum",
    ]  # fmt: skip
    assert columns["optimizer"] == ["SGD", "Adam"]
    assert columns["final loss"] == ["0.5", "9"]
    assert columns["divergence"] == ["no", "at step 2"]
    assert columns["steps to loss − f* ≤ 0.001"] == ["not reached", "not reached"]
    assert columns["distance to nearest minimum"] == ["0", "0"]
    zh = summary_columns([wild], f_min=None, lang="zh")
    assert next(iter(zh)) == "优化器" and zh["发散"] == ["第 2 步"]
    assert zh["达到 损失 − f* ≤ 1e-06 的步数"] == ["f* 未知"]
    assert "到最近极小值的距离" not in zh
