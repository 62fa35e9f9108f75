"""The summary table under the Playground's figure: where each run ended and how it got there.

Pure: rows of already formatted, translated cells, for ``st.dataframe`` or any table.
``steps to tolerance`` is the first step k with loss_k - f* <= tol (the core's
``Summary.steps_to_tol``), counted only where the minimum value f* is known; a run that
diverged says at which step.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from i18n import t
from viz.paths import PathRun, distance_to_nearest


def steps_to_tol(run: PathRun, f_min: float | None, tol: float) -> int | None:
    """First step k with loss_k - f* <= tol, or None (never, or f* unknown)."""
    if f_min is None:
        return None
    loss = run.loss[: run.end + 1]
    with np.errstate(invalid="ignore"):
        reached = np.flatnonzero(loss - f_min <= tol)
    return int(reached[0]) if reached.size else None


def _number(value: float) -> str:
    return f"{value:.4g}" if np.isfinite(value) else "—"


def summary_columns(
    runs: Sequence[PathRun],
    *,
    minima: np.ndarray | Sequence = (),
    f_min: float | None = None,
    tol: float = 1e-6,
    lang: str = "en",
) -> dict[str, list[str]]:
    """Column header -> cells, one row per run, headers and words in ``lang``.

    Columns: optimizer, final loss, best loss, steps to loss - f* <= tol, divergence,
    final point, distance to the nearest minimum (only when ``minima`` are known).
    """
    minima = np.asarray(minima, dtype=np.float64).reshape(-1, 2)
    columns: dict[str, list[str]] = {
        t("fig.table.optimizer", lang): [],
        t("fig.table.final_loss", lang): [],
        t("fig.table.best_loss", lang): [],
        t("fig.table.steps_to_tol", lang, tol=f"{tol:g}"): [],
        t("fig.table.diverged", lang): [],
        t("fig.table.final_point", lang): [],
    }
    if len(minima):
        columns[t("fig.table.distance", lang)] = []
    for run in runs:
        end = run.end
        reached = steps_to_tol(run, f_min, tol)
        if f_min is None:
            tol_cell = t("fig.table.unknown", lang)
        elif reached is None:
            tol_cell = t("fig.table.not_reached", lang)
        else:
            tol_cell = str(reached)
        diverged = (
            t("fig.table.diverged_at", lang, step=run.diverged_step)
            if run.diverged_step >= 0
            else t("fig.table.never", lang)
        )
        x, y = run.xy[end]
        cells = [
            run.label,
            _number(run.loss[end]),
            _number(np.nanmin(run.loss[: end + 1])),
            tol_cell,
            diverged,
            f"({x:.4g}, {y:.4g})",
        ]
        if len(minima):
            cells.append(_number(distance_to_nearest(run.xy[end], minima)[0]))
        for column, cell in zip(columns.values(), cells, strict=True):
            column.append(cell)
    return columns
