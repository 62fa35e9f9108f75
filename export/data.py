"""Trajectories as data files: one rectangular CSV table, or strict JSON.

Both carry the settings that made them (the view's link parameters), so a file says how it
was made. No browser needed.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

# Excel only reads a CSV as UTF-8 (Chinese labels) when it starts with a byte-order mark.
CSV_ENCODING = "utf-8-sig"


def _jsonable(value: Any, where: str) -> Any:
    """Plain JSON value: numpy to Python, tuples to lists, NaN/inf to None."""
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item, f"{where}.{key}") for key, item in value.items()}
    if isinstance(value, np.ndarray):
        return _jsonable(value.tolist(), where)
    if isinstance(value, list | tuple):
        return [_jsonable(item, f"{where}[{i}]") for i, item in enumerate(value)]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, bool | int | str):
        return value
    raise ValueError(
        f"{where} must hold only numbers, strings, booleans, lists and dicts; "
        f"got {type(value).__name__}: {value!r}"
    )


def _float_list(values: np.ndarray) -> list[float | None]:
    listed = values.tolist()
    if np.isfinite(values).all():
        return listed
    return [v if math.isfinite(v) else None for v in listed]


class _Run:
    """One (label, trajectory) pair, shape-checked, as arrays indexed [point, step]."""

    def __init__(self, position: int, label: Any, traj: Any) -> None:
        where = f"runs[{position}]"
        if not isinstance(label, str):
            raise ValueError(f"{where} label must be a str; got {type(label).__name__}")
        xy = np.asarray(traj.xy, dtype=float)
        if xy.ndim != 3 or xy.shape[0] < 1 or xy.shape[2] != 2:
            raise ValueError(f"{where}.xy must have shape (steps+1, N, 2); got {xy.shape}")
        rows, n = xy.shape[0], xy.shape[1]
        steps = rows - 1
        loss = np.asarray(traj.loss, dtype=float)
        grad = np.asarray(traj.grad, dtype=float)
        lr = np.asarray(traj.lr, dtype=float)
        diverged = np.asarray(traj.diverged_step)
        expected = {
            "loss": (loss, [(rows, n)]),
            "grad": (grad, [(steps, n, 2)]),
            "lr": (lr, [(steps,), (steps, n)]),
            "diverged_step": (diverged, [(n,)]),
        }
        for name, (array, shapes) in expected.items():
            if array.shape not in shapes:
                allowed = " or ".join(str(shape) for shape in shapes)
                raise ValueError(
                    f"{where}.{name} must have shape {allowed} for xy of shape {xy.shape}; "
                    f"got {array.shape}"
                )
        no_step = np.full((1, n), np.nan)  # the final position has no gradient and no lr
        self.label = label
        self.algorithm = getattr(traj, "name", label)
        self.hparams = dict(getattr(traj, "hparams", {}) or {})
        self.n_points, self.steps = n, steps
        self.x, self.y = xy[..., 0].T, xy[..., 1].T
        self.loss = loss.T
        self.grad_x = np.vstack([grad[..., 0], no_step]).T
        self.grad_y = np.vstack([grad[..., 1], no_step]).T
        lr_points = np.broadcast_to(lr[:, None], (steps, n)) if lr.ndim == 1 else lr
        self.lr = np.vstack([lr_points, no_step]).T
        self.diverged_step = diverged.astype(int)


def _runs(runs: Sequence[tuple[str, Any]]) -> list[_Run]:
    if isinstance(runs, str | bytes) or not isinstance(runs, Sequence):
        raise ValueError(
            f"runs must be a list of (label, trajectory) pairs; got {type(runs).__name__}"
        )
    checked = []
    for position, pair in enumerate(runs):
        if not isinstance(pair, Sequence) or len(pair) != 2:
            raise ValueError(f"runs[{position}] must be a (label, trajectory) pair; got {pair!r}")
        checked.append(_Run(position, *pair))
    return checked


def _settings(settings: Mapping[str, Any]) -> dict:
    if not isinstance(settings, Mapping):
        raise ValueError(f"settings must be a dict; got {type(settings).__name__}")
    return _jsonable(settings, "settings")


def _flatten(prefix: str, value: Any) -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [pair for key, item in value.items() for pair in _flatten(f"{prefix}.{key}", item)]
    return [(prefix, value)]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _point_value(value: Any, point: int, n_points: int) -> Any:
    """A hyperparameter as seen by one point: per-point arrays (N,) give that point's entry."""
    if isinstance(value, np.ndarray) and value.shape == (n_points,):
        return value[point]
    if isinstance(value, list | tuple):
        return [_point_value(item, point, n_points) for item in value]
    return value


def _number_cells(values: np.ndarray) -> list[str]:
    return [repr(v) if math.isfinite(v) else "" for v in values.tolist()]


CSV_COLUMNS = (
    "optimizer", "point", "step", "x", "y", "loss", "grad_x", "grad_y", "lr", "diverged",
)  # fmt: skip


def trajectories_csv(runs: Sequence[tuple[str, Any]], settings: Mapping[str, Any]) -> str:
    """One table, one row per (optimizer, point, step), header first, no comment lines.

    Columns: ``CSV_COLUMNS`` = optimizer (the run's label), point (0-based start point),
    step (0..steps), x, y, loss (at that position), grad_x, grad_y, lr (gradient and
    learning rate of the step taken FROM that position: empty on the final row), diverged
    (1 from the point's divergence step on, else 0); then ``hparam.<name>`` per
    hyperparameter of any run (empty where a run lacks it; per-point arrays give each point
    its own value; tuples as JSON lists) and ``setting.<key>`` per setting (nested dicts as
    ``setting.a.b``), repeated on every row, so the file stays one rectangular table that
    any spreadsheet can sort and filter. Non-finite numbers are empty cells. Save with
    ``CSV_ENCODING`` for Excel to read Chinese labels.
    """
    checked = _runs(runs)
    setting_pairs = _flatten("setting", _settings(settings))
    hparam_names = list(dict.fromkeys(name for run in checked for name in run.hparams))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [*CSV_COLUMNS, *(f"hparam.{name}" for name in hparam_names), *(k for k, _ in setting_pairs)]
    )
    setting_cells = [_cell(value) for _, value in setting_pairs]
    for run in checked:
        steps = range(run.steps + 1)
        for point in range(run.n_points):
            hparam_cells = [
                _cell(_jsonable(_point_value(run.hparams[name], point, run.n_points), "hparams"))
                if name in run.hparams
                else ""
                for name in hparam_names
            ]
            start = run.diverged_step[point]
            diverged = ["1" if 0 <= start <= step else "0" for step in steps]
            writer.writerows(
                zip(
                    itertools.repeat(run.label),
                    itertools.repeat(point),
                    steps,
                    _number_cells(run.x[point]),
                    _number_cells(run.y[point]),
                    _number_cells(run.loss[point]),
                    _number_cells(run.grad_x[point]),
                    _number_cells(run.grad_y[point]),
                    _number_cells(run.lr[point]),
                    diverged,
                    *(itertools.repeat(cell) for cell in hparam_cells + setting_cells),
                    strict=False,  # repeat() is endless: the per-step columns set the length
                )
            )
    return out.getvalue()


def trajectories_json(runs: Sequence[tuple[str, Any]], settings: Mapping[str, Any]) -> str:
    """Strict JSON (no NaN/Infinity tokens: non-finite numbers are null)::

        {"settings": {...},
         "runs": [{"optimizer": label, "algorithm": traj.name, "hparams": {...}, "steps": S,
                   "points": [{"point": 0, "x": [S+1], "y": [S+1], "loss": [S+1],
                               "grad_x": [S], "grad_y": [S], "lr": [S],
                               "diverged_step": k or null}]}]}

    ``grad_*[k]`` and ``lr[k]`` belong to step k, taken from position k; ``diverged_step``
    is null for a point that never diverged.
    """
    checked = _runs(runs)
    document = {
        "settings": _settings(settings),
        "runs": [
            {
                "optimizer": run.label,
                "algorithm": run.algorithm,
                "hparams": _jsonable(run.hparams, f"runs[{position}].hparams"),
                "steps": run.steps,
                "points": [
                    {
                        "point": point,
                        "x": _float_list(run.x[point]),
                        "y": _float_list(run.y[point]),
                        "loss": _float_list(run.loss[point]),
                        "grad_x": _float_list(run.grad_x[point, :-1]),
                        "grad_y": _float_list(run.grad_y[point, :-1]),
                        "lr": _float_list(run.lr[point, :-1]),
                        "diverged_step": int(start) if start >= 0 else None,
                    }
                    for point, start in enumerate(run.diverged_step)
                ],
            }
            for position, run in enumerate(checked)
        ],
    }
    return json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
