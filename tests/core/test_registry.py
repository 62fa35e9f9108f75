"""The registry as data: names, torch defaults, the hparam tables, presets."""

from __future__ import annotations

import math

import numpy as np
import pytest

import optimizers

from .local_surfaces import Quadratic

# Defaults as torch.optim 2.13 declares them (its __init__ signatures).
BETAS = {"betas": (0.9, 0.999), "eps": 1e-8}
TORCH = {
    "sgd": (
        "SGD",
        {"lr": 1e-3, "momentum": 0, "dampening": 0, "weight_decay": 0, "nesterov": False},
    ),
    "adagrad": (
        "Adagrad",
        {
            "lr": 1e-2,
            "lr_decay": 0,
            "weight_decay": 0,
            "initial_accumulator_value": 0,
            "eps": 1e-10,
        },
    ),
    "adadelta": ("Adadelta", {"lr": 1.0, "rho": 0.9, "eps": 1e-6, "weight_decay": 0}),
    "rmsprop": (
        "RMSprop",
        {
            "lr": 1e-2,
            "alpha": 0.99,
            "eps": 1e-8,
            "weight_decay": 0,
            "momentum": 0,
            "centered": False,
        },
    ),
    "adam": (
        "Adam",
        {"lr": 1e-3, **BETAS, "weight_decay": 0, "amsgrad": False, "decoupled_weight_decay": False},
    ),
    "adamw": ("AdamW", {"lr": 1e-3, **BETAS, "weight_decay": 1e-2, "amsgrad": False}),
    "adamax": ("Adamax", {"lr": 2e-3, **BETAS, "weight_decay": 0}),
    "nadam": (
        "NAdam",
        {
            "lr": 2e-3,
            **BETAS,
            "weight_decay": 0,
            "momentum_decay": 4e-3,
            "decoupled_weight_decay": False,
        },
    ),
    "radam": ("RAdam", {"lr": 1e-3, **BETAS, "weight_decay": 0, "decoupled_weight_decay": False}),
    "rprop": ("Rprop", {"lr": 1e-2, "etas": (0.5, 1.2), "step_sizes": (1e-6, 50)}),
}


def test_names_in_registry_order():
    assert optimizers.names() == [
        "sgd", "adagrad", "adadelta", "rmsprop", "adam", "adamw",
        "adamax", "nadam", "radam", "rprop", "newton",
    ]  # fmt: skip


@pytest.mark.parametrize("name", optimizers.names())
def test_spec_is_complete(name):
    spec = optimizers.get(name)
    assert spec.name == name and spec.title and spec.summary
    assert spec.formula_latex.startswith(r"\begin{aligned}") and spec.formula_latex.endswith(
        r"\end{aligned}"
    )
    assert next(iter(spec.hparams)) == "lr"
    assert (
        spec.state_names
        == spec.init(np.zeros((1, 2)), 0.1, spec.kernel_hparams(optimizers.resolve(name)))._fields
    )
    flat = [f for key, hp in spec.hparams.items() if key != "lr" for f in hp.flat_names()]
    assert set(spec.hyper._fields) == set(flat) | set(spec.fixed)
    assert spec.defaults == {key: hp.default for key, hp in spec.hparams.items()}


# Switches torch lacks, where they apply (RAdam already places eps as Keras' epsilon hat).
BOTH_SWITCHES = {"keras_epsilon", "bias_correction"}
TEACHING_SWITCHES = {
    **dict.fromkeys(("adam", "adamw", "adamax", "nadam"), BOTH_SWITCHES),
    "radam": {"bias_correction"},
}


@pytest.mark.parametrize("name", TORCH)
def test_torch_defaults_and_names(name):
    spec = optimizers.get(name)
    torch_class, defaults = TORCH[name]
    assert spec.torch_class == f"torch.optim.{torch_class}"
    torch_params = {
        k: v for k, v in spec.defaults.items() if spec.hparams[k].torch and k != "maximize"
    }
    assert torch_params == defaults
    assert spec.hparams["maximize"].default is False
    teaching = {k for k, hp in spec.hparams.items() if not hp.torch}
    assert teaching == TEACHING_SWITCHES.get(name, set())


def _leaves():
    for name in optimizers.names():
        for key, hp in optimizers.get(name).hparams.items():
            for leaf in hp.items if hp.kind == "pair" else (hp,):
                yield name, key, leaf


@pytest.mark.parametrize(
    ("name", "key", "hp"), list(_leaves()), ids=lambda v: getattr(v, "name", v)
)
def test_every_hparam_row_is_usable_by_validation_and_ui(name, key, hp):
    assert hp.meaning
    if hp.kind == "bool":
        assert isinstance(hp.default, bool)
        return
    assert hp.contains(np.float64(hp.default)), "default must be allowed"
    lo, hi = hp.slider
    assert lo < hi and math.isfinite(lo) and math.isfinite(hi)
    assert hp.contains(np.array([lo, hi])).all(), "slider must stay inside the allowed range"
    if hp.log:
        assert lo > 0


def test_defaults_resolve_and_run_for_every_optimizer():
    for name in optimizers.names():
        resolved = optimizers.resolve(name)
        assert set(resolved) == set(optimizers.get(name).hparams)
        assert optimizers.run(name, Quadratic(), [0.0, 0.0], 2).hparams == resolved


def test_presets_are_data_and_run():
    names = optimizers.presets()
    assert {"sgd", "momentum", "nesterov", "adam", "amsgrad", "adamw", "newton"} <= set(names)
    assert optimizers.preset("nesterov").hparams == {"momentum": 0.9, "nesterov": True}
    assert optimizers.preset("amsgrad").optimizer == "adam"
    for name in names:
        p = optimizers.preset(name)
        assert p.title and p.summary
        traj = optimizers.run(p.optimizer, Quadratic(), [0.0, 0.0], 3, **p.hparams)
        for key, value in p.hparams.items():
            assert traj.hparams[key] == value
    with pytest.raises(ValueError, match="unknown preset 'nope'; known presets: sgd, momentum"):
        optimizers.preset("nope")
