"""viz.step_inspector: every number it shows is the core's record; the rules it writes out
reproduce those records from the inputs it shows."""

from __future__ import annotations

import numpy as np
import pytest

import optimizers
import surfaces
from viz import step_inspector as si

STEPS = 12
CONFIGS = {
    "adam": ("adam", {"lr": 0.05}),
    "adam_l2_amsgrad": ("adam", {"lr": 0.05, "weight_decay": 0.1, "amsgrad": True}),
    "adam_keras": ("adam", {"lr": 0.05, "keras_epsilon": True, "eps": 0.1}),
    "adam_raw": ("adam", {"lr": 0.05, "bias_correction": False}),
    "adamw": ("adamw", {"lr": 0.05, "weight_decay": 0.2}),
    "momentum": ("sgd", {"lr": 1e-3, "momentum": 0.9, "dampening": 0.1}),
    "nesterov": ("sgd", {"lr": 1e-3, "momentum": 0.9, "nesterov": True}),
    "sgd": ("sgd", {"lr": 1e-3}),
    "rmsprop": ("rmsprop", {"lr": 0.01, "centered": True, "momentum": 0.5}),
    "rmsprop_plain": ("rmsprop", {"lr": 0.01}),
    "adagrad": ("adagrad", {"lr": 0.3, "lr_decay": 0.01, "initial_accumulator_value": 0.1}),
    "adadelta": ("adadelta", {"weight_decay": 0.05}),
    "adamax": ("adamax", {"lr": 0.05}),
    "nadam": ("nadam", {}),
    "radam": ("radam", {}),
    "rprop": ("rprop", {}),
}


@pytest.fixture(scope="module")
def runs():
    s = surfaces.get("rosenbrock")
    return {
        key: optimizers.run(name, s, s.start, STEPS, **hp) for key, (name, hp) in CONFIGS.items()
    }


def _inspect(traj, t, point: int = 0):
    """The inspector as the page calls it: with the rule the optimizer's spec names."""
    return si.inspect_step(traj, t, point, rule=optimizers.get(traj.name).inspector)


def _record(traj, name: str, t: int) -> np.ndarray:
    if name == "grad":
        return traj.grad[t - 1, 0]
    if name == "xy":
        return traj.xy[t, 0]
    source = traj.state if name in traj.state else traj.derived
    return source[name][t - 1, 0]


@pytest.mark.parametrize("key", sorted(CONFIGS))
@pytest.mark.parametrize("t", [1, 2, STEPS])
def test_every_recorded_number_is_the_cores(runs, key, t):
    traj = runs[key]
    lines = _inspect(traj, t)
    recorded = [line for line in lines if line.record]
    assert {"grad", "step", "xy"} <= {line.record for line in recorded}
    for line in recorded:
        np.testing.assert_array_equal(line.value, _record(traj, line.record, t), err_msg=line.lhs)
    assert all(line.latex().count("pmatrix") >= 2 for line in lines)


def _values(lines) -> dict[str, np.ndarray]:
    return {line.lhs: line.value for line in lines}


def test_adam_rule_reproduces_the_records_from_the_inputs_shown(runs):
    traj, t = runs["adam"], 5
    v = _values(_inspect(traj, t))
    b1, b2 = traj.hparams["betas"]
    m_prev, v_prev = traj.state["exp_avg"][t - 2, 0], traj.state["exp_avg_sq"][t - 2, 0]
    g = v["g_t"]
    np.testing.assert_allclose(v["m_t"], b1 * m_prev + (1 - b1) * g, rtol=1e-12)
    np.testing.assert_allclose(v["v_t"], b2 * v_prev + (1 - b2) * g**2, rtol=1e-12)
    np.testing.assert_allclose(v[r"\hat m_t"], v["m_t"] / (1 - b1**t), rtol=1e-12)
    step = traj.lr[t - 1] * v[r"\hat m_t"] / (np.sqrt(v[r"\hat v_t"]) + traj.hparams["eps"])
    np.testing.assert_allclose(v[r"\Delta\theta_t"], step, rtol=1e-12)
    np.testing.assert_allclose(v[r"\theta_t"], traj.xy[t - 1, 0] - step, rtol=1e-12)


def test_l2_decay_is_added_to_the_gradient_shown(runs):
    traj, t = runs["adam_l2_amsgrad"], 3
    v = _values(_inspect(traj, t))
    np.testing.assert_allclose(v["g_t"], traj.grad[t - 1, 0] + 0.1 * traj.xy[t - 1, 0])
    assert r"v^{\max}_t" in v


def test_adamw_writes_the_decoupled_decay_into_the_position(runs):
    traj, t = runs["adamw"], 4
    lines = _inspect(traj, t)
    v = _values(lines)
    np.testing.assert_array_equal(v["g_t"], traj.grad[t - 1, 0])  # no L2 term
    expected = traj.xy[t - 1, 0] * (1 - traj.lr[t - 1] * 0.2) - v[r"\Delta\theta_t"]
    np.testing.assert_allclose(v[r"\theta_t"], expected, rtol=1e-12)
    assert r"(1 - \eta\lambda)" in lines[-1].rule


def test_adadelta_delta_x_is_the_step_over_lr(runs):
    traj, t = runs["adadelta"], 6
    v = _values(_inspect(traj, t))
    np.testing.assert_allclose(v[r"\Delta x_t"] * traj.lr[t - 1], v[r"\Delta\theta_t"], rtol=1e-12)


def test_sgd_first_step_copies_the_gradient_into_the_buffer(runs):
    lines = _inspect(runs["momentum"], 1)
    assert lines[1].lhs == "b_1" and lines[1].rule == "g_1"
    np.testing.assert_array_equal(lines[1].value, lines[0].value)


def test_optimizers_without_a_written_rule_list_their_records(runs):
    assert optimizers.get("adamw").inspector == "adam" and optimizers.get("nadam").inspector is None
    records = [line.record for line in _inspect(runs["rprop"], 3)]
    assert records == ["grad", "prev", "step_size", "step", "xy"]


def test_an_unknown_rule_is_refused_not_replaced_by_the_record_list(runs):
    with pytest.raises(
        ValueError, match=r"rule must be one of \['adadelta', .*\] or None; got 'lion'"
    ):
        si.inspect_step(runs["adam"], 1, rule="lion")


def test_numbers_are_written_for_latex():
    assert si.num(0.5) == "0.5"
    assert si.num(-1.234567e-5) == r"-1.235 \times 10^{-5}"
    assert si.num(float("nan")) == r"\text{NaN}"
    assert si.vec(np.array([1.0, 2e7])) == r"\begin{pmatrix} 1 \\ 2 \times 10^{7} \end{pmatrix}"


@pytest.mark.parametrize("bad", [0, STEPS + 1, 2.5, True])
def test_a_step_outside_the_run_is_refused(runs, bad):
    with pytest.raises(ValueError, match=rf"t must be a step in \[1, {STEPS}\]; got"):
        _inspect(runs["adam"], bad)


def test_table_rows_carry_full_precision_and_translated_headers(runs):
    lines = _inspect(runs["adam"], 2)
    rows = si.table_rows(lines, "zh")
    assert set(rows[0]) == {"量", "x", "y", "记录名"}
    assert rows[0]["x"] == float(runs["adam"].grad[1, 0, 0])
    # Markdown cells: each quantity as math (not its raw LaTeX), a record as code.
    assert [row["量"] for row in rows] == [f"${line.lhs}$" for line in lines]
    assert rows[0]["记录名"] == "`grad`"
    assert [row["记录名"] for row in rows if not row["记录名"].startswith("`")] == [
        "—" for line in lines if not line.record
    ]
