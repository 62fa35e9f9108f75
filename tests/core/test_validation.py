"""Bad arguments raise ValueError naming the parameter, the allowed range and the value given.

The out-of-range cases are generated from the hyperparameter tables themselves, so every
declared bound of every optimizer is exercised.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

import optimizers
from optimizers.hparams import HParam

from .local_surfaces import Quadratic

X0 = np.array([[-1.0, 2.0], [2.5, 1.0], [0.3, -1.7]])


def _run(name: str, steps: int = 3, x0=X0, surface=None, **kwargs):
    return optimizers.run(name, surface or Quadratic(), x0, steps, **kwargs)


def _raises(match: str, *args, **kwargs) -> str:
    with pytest.raises(ValueError, match=re.escape(match)) as info:
        _run(*args, **kwargs)
    return str(info.value)


def _out_of_range(hp: HParam) -> list[float]:
    """Values just outside ``hp.constraint`` (an open end is itself outside), plus NaN and inf."""
    allowed = hp.constraint
    bad = [math.nan, math.inf, -math.inf]
    if math.isfinite(allowed.lo):
        bad.append(allowed.lo if allowed.closed in ("right", "neither") else allowed.lo - 0.25)
    if math.isfinite(allowed.hi):
        bad.append(allowed.hi if allowed.closed in ("left", "neither") else allowed.hi + 0.25)
    return bad


def _float_params() -> list[tuple[str, str, HParam, int | None]]:
    """(optimizer, label, declaration, index in its pair or None) for every numeric hparam."""
    rows = []
    for name in optimizers.names():
        for key, hp in optimizers.get(name).hparams.items():
            if hp.kind == "float":
                rows.append((name, key, hp, None))
            elif hp.kind == "pair":
                rows.extend((name, f"{key}[{i}]", item, i) for i, item in enumerate(hp.items))
    return rows


FLOATS = _float_params()


@pytest.mark.parametrize(
    ("name", "label", "hp", "index"), FLOATS, ids=[f"{r[0]}-{r[1]}" for r in FLOATS]
)
def test_every_declared_bound_is_enforced_with_a_complete_message(name, label, hp, index):
    key = label.split("[")[0]
    for bad in _out_of_range(hp):
        if index is None:
            value = bad
        else:
            value = list(optimizers.get(name).hparams[key].default)
            value[index] = bad
        message = _raises(
            f"{name}: {label} must be {hp.allowed()}; got {bad!r}", name, **{key: value}
        )
        assert hp.allowed().startswith("a finite float")
        assert message.endswith(repr(bad))


@pytest.mark.parametrize(
    ("name", "label", "hp", "index"), FLOATS, ids=[f"{r[0]}-{r[1]}" for r in FLOATS]
)
def test_per_point_arrays_are_checked_elementwise(name, label, hp, index):
    key = label.split("[")[0]
    bad = _out_of_range(hp)[-1] if len(_out_of_range(hp)) > 3 else math.nan
    array = np.full(len(X0), hp.default)
    array[2] = bad
    if index is None:
        value = array
    else:
        value = list(optimizers.get(name).hparams[key].default)
        value[index] = array
    _raises(f"{name}: {label} must be {hp.allowed()}; got {bad!r} at index 2", name, **{key: value})


def test_examples_of_messages_read_well():
    assert _raises("adam: lr must be a finite float in [0, inf); got -0.1", "adam", lr=-0.1)
    _raises("adam: lr must be a finite float in [0, inf); got nan", "adam", lr=float("nan"))
    _raises("adam: betas[0] must be a finite float in [0, 1); got 1.0", "adam", betas=(1.0, 0.999))
    _raises("adam: betas[1] must be a finite float in [0, 1); got -0.5", "adam", betas=(0.9, -0.5))
    _raises("adam: eps must be a finite float in [0, inf); got -1e-08", "adam", eps=-1e-8)
    _raises("adadelta: rho must be a finite float in [0, 1]; got 1.5", "adadelta", rho=1.5)
    _raises("rprop: etas[1] must be a finite float in (1, inf); got 1.0", "rprop", etas=(0.5, 1.0))


def test_nesterov_needs_momentum_and_no_dampening():
    _raises(
        "sgd: nesterov=True requires momentum > 0 and dampening == 0; got momentum=0.0, "
        "dampening=0.0",
        "sgd",
        nesterov=True,
    )
    _raises("got momentum=0.9, dampening=0.1", "sgd", nesterov=True, momentum=0.9, dampening=0.1)
    _raises(
        "got momentum=0.0, dampening=0.0 at index 1",
        "sgd",
        nesterov=True,
        momentum=np.array([0.9, 0.0, 0.5]),
    )
    _run("sgd", nesterov=True, momentum=np.array([0.9, 0.1, 0.5]))


def test_unknown_optimizer_lists_the_known_ones():
    message = _raises("unknown optimizer 'adamm'; known optimizers: sgd, adagrad,", "adamm")
    assert all(name in message for name in optimizers.names())


def test_a_preset_name_is_not_an_optimizer_but_the_message_says_how_to_run_it():
    _raises("unknown optimizer 'amsgrad'", "amsgrad")
    _raises("'amsgrad' is a preset: optimizer 'adam' with {'amsgrad': True}", "amsgrad")


def test_unknown_hyperparameter_says_which_optimizers_take_it():
    _raises(
        "adam: unknown hyperparameter 'momentum' (it is taken by sgd, rmsprop); adam takes: "
        "lr, betas, eps, weight_decay, amsgrad, maximize, decoupled_weight_decay, "
        "keras_epsilon, bias_correction",
        "adam",
        momentum=0.9,
    )
    _raises(
        "adamw: unknown hyperparameter 'decoupled_weight_decay' (it is taken by adam, nadam, "
        "radam)",
        "adamw",
        decoupled_weight_decay=False,
    )
    _raises("sgd: unknown hyperparameter 'foreach' (no optimizer takes it)", "sgd", foreach=True)


def test_flags_and_pairs_have_their_own_messages():
    _raises("adam: amsgrad must be True or False; got 1", "adam", amsgrad=1)
    _raises("adam: betas must be a pair of 2 values; got (0.9,)", "adam", betas=(0.9,))
    _raises("adam: betas must be a pair (", "adam", betas=0.9)
    _raises("adam: lr must be a finite float in [0, inf); got 'fast'", "adam", lr="fast")
    _raises("adam: lr must be a finite float in [0, inf); got True", "adam", lr=True)


def test_per_point_arrays_must_have_one_value_per_start_point():
    _raises(
        "adam: lr must be a scalar or an array of shape (N,) = (3,), one value per start point; "
        "got shape (2,)",
        "adam",
        lr=np.array([0.1, 0.2]),
    )
    _raises(
        "adam: betas[0] must be a scalar or an array of shape (N,) = (3,)",
        "adam",
        betas=(np.ones((3, 1)) * 0.9, 0.999),
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"steps": -1}, "steps must be an integer >= 0; got -1"),
        ({"steps": 2.5}, "steps must be an integer >= 0; got 2.5"),
        ({"steps": True}, "steps must be an integer >= 0; got True"),
        ({"x0": np.zeros((3, 3))}, "x0 must have shape (N, 2) or (2,) with N >= 1; got (3, 3)"),
        ({"x0": np.zeros((0, 2))}, "x0 must have shape (N, 2) or (2,) with N >= 1; got (0, 2)"),
        ({"x0": [[0.0, 1.0], [np.nan, 0.0]]}, "x0 must be finite; got [nan, 0.0] at row 1"),
        ({"x0": "origin"}, "x0 must be an array of shape (N, 2) or (2,); got 'origin'"),
        ({"record": "fast"}, "record must be 'full' or 'summary'; got 'fast'"),
        ({"tol": -1.0}, "tol must be a finite float >= 0; got -1.0"),
        ({"seed": -3}, "seed must be an integer >= 0; got -3"),
    ],
)
def test_run_arguments(kwargs, message):
    _raises(message, "sgd", **kwargs)


def test_schedule_arguments():
    _raises(
        "schedule must have shape (steps,) = (3,) or (steps, N) = (3, 3); got (4,)",
        "sgd",
        schedule=np.ones(4),
    )
    _raises(
        "schedule: every lr must be a finite float >= 0; got -0.1 at step 1",
        "sgd",
        schedule=[0.1, -0.1, 0.1],
    )
    _raises(
        "schedule: every lr must be a finite float >= 0; got nan at step 2",
        "sgd",
        schedule=np.array([[0.1] * 3, [0.1] * 3, [0.1, np.nan, 0.1]]),
    )
    _raises("pass optimizers.schedules.make('cosine', lr=..., steps=...)", "sgd", schedule="cosine")


def test_surface_must_offer_what_the_optimizer_needs():
    class NoGrad:
        def value(self, xy):
            return xy[:, 0]

    class WrongShape(Quadratic):
        def grad(self, xy):
            return super().grad(xy)[:, :1]

    class NoHessian:
        value, grad = Quadratic.value, Quadratic.grad
        sign = 1.0

    _raises(
        "surface must have methods value(xy), grad(xy) for sgd; NoGrad lacks grad",
        "sgd",
        surface=NoGrad(),
    )
    _raises(
        "surface.grad must return shape (3, 2) for 3 points; got (3, 1)",
        "sgd",
        surface=WrongShape(),
    )
    _raises(
        "surface must have methods value(xy), grad(xy), hessian(xy) for newton; "
        "NoHessian lacks hessian",
        "newton",
        surface=NoHessian(),
    )
    _run("sgd", surface=NoHessian())


def test_validation_leaves_the_callers_arrays_alone():
    lr = np.array([0.1, 0.2, 0.3])
    traj = _run("sgd", lr=lr)
    assert lr.flags.writeable
    lr[0] = 5.0
    assert traj.hparams["lr"][0] == 0.1
