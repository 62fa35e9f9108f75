"""export.trajectories_csv / trajectories_json: one rectangular table, strict JSON."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

import numpy as np
import pytest

import export


@dataclass(frozen=True)
class Traj:
    """The fields of optimizers.Trajectory the exporters read, with hand-picked values."""

    name: str
    xy: np.ndarray
    loss: np.ndarray
    grad: np.ndarray
    lr: np.ndarray
    diverged_step: np.ndarray
    hparams: dict = field(default_factory=dict)


def two_runs() -> list[tuple[str, Traj]]:
    steps, n = 3, 2
    xy = np.arange((steps + 1) * n * 2, dtype=float).reshape(steps + 1, n, 2) / 10
    loss = np.arange((steps + 1) * n, dtype=float).reshape(steps + 1, n)
    grad = -np.arange(steps * n * 2, dtype=float).reshape(steps, n, 2)
    sgd = Traj(
        name="sgd",
        xy=xy,
        loss=loss,
        grad=grad,
        lr=np.array([0.1, 0.05, 0.025]),
        diverged_step=np.array([-1, -1]),
        hparams={"lr": 0.1, "momentum": np.array([0.0, 0.9])},
    )
    adam_loss = loss.copy()
    adam_loss[2, 1] = np.inf
    adam_grad = grad.copy()
    adam_grad[1, 1] = [np.nan, np.inf]
    adam = Traj(
        name="adam",
        xy=xy + 100,
        loss=adam_loss,
        grad=adam_grad,
        lr=np.full((steps, n), 0.01),
        diverged_step=np.array([-1, 2]),
        hparams={"lr": 0.01, "betas": (0.9, 0.999)},
    )
    return [("SGD", sgd), ("Adam 亚当", adam)]


SETTINGS = {"surface": "rosenbrock", "params": {"a": 1.0, "b": 100.0}, "steps": 3, "noise": 0.0}


def test_csv_has_one_row_per_optimizer_point_step_with_values():
    text = export.trajectories_csv(two_runs(), SETTINGS)
    assert not text.startswith("#")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2 * 2 * 4
    header = list(rows[0])
    assert header[: len(export.CSV_COLUMNS)] == list(export.CSV_COLUMNS)
    assert header[len(export.CSV_COLUMNS) :] == [
        "hparam.lr", "hparam.momentum", "hparam.betas",
        "setting.surface", "setting.params.a", "setting.params.b", "setting.steps", "setting.noise",
    ]  # fmt: skip

    sgd_point1 = [row for row in rows if row["optimizer"] == "SGD" and row["point"] == "1"]
    assert [row["step"] for row in sgd_point1] == ["0", "1", "2", "3"]
    step1 = sgd_point1[1]
    assert (float(step1["x"]), float(step1["y"])) == (0.6, 0.7)
    assert float(step1["loss"]) == 3.0
    assert (float(step1["grad_x"]), float(step1["grad_y"])) == (-6.0, -7.0)
    assert float(step1["lr"]) == 0.05
    assert step1["hparam.momentum"] == "0.9"  # per-point hyperparameter: this point's value
    assert step1["hparam.betas"] == ""  # SGD has no betas
    assert sgd_point1[-1]["grad_x"] == sgd_point1[-1]["grad_y"] == sgd_point1[-1]["lr"] == ""
    assert {row["setting.surface"] for row in rows} == {"rosenbrock"}
    assert {row["setting.params.b"] for row in rows} == {"100.0"}

    adam_point1 = [row for row in rows if row["optimizer"] == "Adam 亚当" and row["point"] == "1"]
    assert [row["diverged"] for row in adam_point1] == ["0", "0", "1", "1"]
    assert adam_point1[2]["loss"] == ""  # inf
    assert adam_point1[1]["grad_x"] == adam_point1[1]["grad_y"] == ""  # nan, inf
    assert adam_point1[0]["hparam.betas"] == "[0.9,0.999]"
    assert float(adam_point1[0]["x"]) == 100.2


def test_json_is_strict_with_nulls_for_non_finite():
    def reject(token: str) -> None:
        raise AssertionError(f"non-standard JSON token {token}")

    document = json.loads(
        export.trajectories_json(two_runs(), {**SETTINGS, "tol": float("nan")}),
        parse_constant=reject,
    )
    assert document["settings"]["params"] == {"a": 1.0, "b": 100.0}
    assert document["settings"]["tol"] is None
    sgd, adam = document["runs"]
    assert (sgd["optimizer"], sgd["algorithm"], sgd["steps"]) == ("SGD", "sgd", 3)
    assert sgd["hparams"] == {"lr": 0.1, "momentum": [0.0, 0.9]}
    assert adam["hparams"]["betas"] == [0.9, 0.999]
    point = sgd["points"][1]
    assert point["point"] == 1
    assert point["x"] == [0.2, 0.6, 1.0, 1.4]
    assert point["loss"] == [1.0, 3.0, 5.0, 7.0]
    assert point["grad_x"] == [-2.0, -6.0, -10.0]
    assert point["lr"] == [0.1, 0.05, 0.025]
    assert point["diverged_step"] is None
    diverged = adam["points"][1]
    assert diverged["diverged_step"] == 2
    assert diverged["loss"][2] is None
    assert diverged["grad_x"][1] is None and diverged["grad_y"][1] is None
    assert diverged["lr"] == [0.01, 0.01, 0.01]


def test_data_exports_of_a_real_run_round_trip():
    import optimizers
    import surfaces

    surface = surfaces.get("rosenbrock")
    starts = np.array([[-1.5, 2.0], [0.5, -0.5]])
    traj = optimizers.run("adam", surface, starts, 20, lr=0.05)
    settings = {"surface": "rosenbrock", "steps": 20, "seed": 0}
    rows = list(csv.DictReader(io.StringIO(export.trajectories_csv([("Adam", traj)], settings))))
    assert len(rows) == 2 * 21
    last = rows[20]
    assert (last["point"], last["step"]) == ("0", "20")
    assert float(last["x"]) == traj.xy[20, 0, 0]  # repr() round-trips exactly
    document = json.loads(export.trajectories_json([("Adam", traj)], settings))
    assert document["runs"][0]["points"][1]["loss"] == traj.loss[:, 1].tolist()
    assert document["runs"][0]["hparams"]["lr"] == 0.05


def test_data_exports_validate_shapes_and_settings():
    label, traj = two_runs()[0]
    bad = Traj(**{**traj.__dict__, "loss": traj.loss[:-1]})
    with pytest.raises(
        ValueError, match=r"runs\[0\]\.loss must have shape \(4, 2\) .*; got \(3, 2\)"
    ):
        export.trajectories_csv([(label, bad)], SETTINGS)
    bad_lr = Traj(**{**traj.__dict__, "lr": np.ones(4)})
    with pytest.raises(ValueError, match=r"runs\[0\]\.lr must have shape \(3,\) or \(3, 2\)"):
        export.trajectories_json([(label, bad_lr)], SETTINGS)
    with pytest.raises(ValueError, match=r"settings\.surface must hold only numbers"):
        export.trajectories_json([(label, traj)], {"surface": object()})
    with pytest.raises(ValueError, match="settings must be a dict; got list"):
        export.trajectories_csv([(label, traj)], [])


def test_csv_with_no_runs_is_just_the_header():
    text = export.trajectories_csv([], {"surface": "saddle"})
    assert text.splitlines() == [",".join([*export.CSV_COLUMNS, "setting.surface"])]
