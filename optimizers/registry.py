"""The registry: every optimizer and preset the lab offers, as data.

Adding an optimizer is one module (Hyper, State, init, update, SPEC) plus one line in
``_SPECS``; every page, slider, validation message and test picks it up from here.
"""

from __future__ import annotations

from typing import Any

from . import adadelta, adagrad, adam, adamax, nadam, newton, radam, rmsprop, rprop, sgd
from .spec import OptimizerSpec, Preset

_SPECS = (
    sgd.SPEC,
    adagrad.SPEC,
    adadelta.SPEC,
    rmsprop.SPEC,
    adam.ADAM,
    adam.ADAMW,
    adamax.SPEC,
    nadam.SPEC,
    radam.SPEC,
    rprop.SPEC,
    newton.SPEC,
)
REGISTRY: dict[str, OptimizerSpec] = {spec.name: spec for spec in _SPECS}

_PRESETS = (
    Preset("sgd", "SGD", "sgd", {}, "plain gradient descent"),
    Preset("momentum", "Momentum", "sgd", {"momentum": 0.9}, "SGD with heavy-ball momentum 0.9"),
    Preset(
        "nesterov",
        "Nesterov",
        "sgd",
        {"momentum": 0.9, "nesterov": True},
        "SGD with Nesterov momentum 0.9",
    ),
    Preset("adagrad", "Adagrad", "adagrad", {}, "sum of squared gradients"),
    Preset("adadelta", "Adadelta", "adadelta", {}, "ratio of step and gradient averages"),
    Preset("rmsprop", "RMSprop", "rmsprop", {}, "running average of squared gradients"),
    Preset(
        "rmsprop_centered",
        "RMSprop (centered)",
        "rmsprop",
        {"centered": True},
        "divides by the gradient's running standard deviation",
    ),
    Preset("adam", "Adam", "adam", {}, "torch.optim.Adam defaults"),
    Preset("amsgrad", "AMSGrad", "adam", {"amsgrad": True}, "Adam with the running max of v"),
    Preset("adamw", "AdamW", "adamw", {}, "Adam with decoupled weight decay 0.01"),
    Preset(
        "adam_keras",
        "Adam (Keras epsilon)",
        "adam",
        {"keras_epsilon": True, "eps": 1e-7},
        "Keras' epsilon-hat placement and default 1e-7",
    ),
    Preset(
        "adam_no_bias_correction",
        "Adam (no bias correction)",
        "adam",
        {"bias_correction": False},
        "the raw moments, biased toward zero at the start",
    ),
    Preset("adamax", "Adamax", "adamax", {}, "infinity-norm Adam"),
    Preset("nadam", "NAdam", "nadam", {}, "Adam with Nesterov momentum"),
    Preset("radam", "RAdam", "radam", {}, "rectified Adam"),
    Preset("rprop", "Rprop", "rprop", {}, "sign-based steps"),
    Preset("newton", "Newton", "newton", {}, "damped saddle-free Newton"),
)
PRESETS: dict[str, Preset] = {preset.name: preset for preset in _PRESETS}


def names() -> list[str]:
    """Names of all optimizers, in registry order (sgd, adagrad, ..., newton)."""
    return list(REGISTRY)


def get(name: str) -> OptimizerSpec:
    """The registry entry for ``name``; ValueError listing the known names otherwise."""
    if name in REGISTRY:
        return REGISTRY[name]
    hint = ""
    if name in PRESETS:
        p = PRESETS[name]
        hint = f"; {name!r} is a preset: optimizer {p.optimizer!r} with {dict(p.hparams)}"
    raise ValueError(f"unknown optimizer {name!r}; known optimizers: {', '.join(REGISTRY)}{hint}")


def presets() -> list[str]:
    """Names of all presets, in the order the UI lists them."""
    return list(PRESETS)


def preset(name: str) -> Preset:
    """The preset ``name``: ``run(p.optimizer, ..., **p.hparams)`` runs it."""
    if name not in PRESETS:
        raise ValueError(f"unknown preset {name!r}; known presets: {', '.join(PRESETS)}")
    return PRESETS[name]


def resolve(name: str, n_points: int = 1, **hparams: Any) -> dict[str, Any]:
    """Validated hyperparameters of optimizer ``name`` with torch's defaults filled in.

    Numeric values may be scalars or arrays of shape (n_points,). Raises ValueError naming
    the parameter, its allowed range and the value given; an unknown name says which
    optimizers take it.
    """
    spec = get(name)
    for key in hparams:
        if key not in spec.hparams:
            takers = [other.name for other in _SPECS if key in other.hparams]
            where = f"it is taken by {', '.join(takers)}" if takers else "no optimizer takes it"
            raise ValueError(
                f"{name}: unknown hyperparameter {key!r} ({where}); {name} takes: "
                f"{', '.join(spec.hparams)}"
            )
    resolved = {
        key: hp.validate(hparams.get(key, hp.default), name, n_points)
        for key, hp in spec.hparams.items()
    }
    if spec.check is not None:
        spec.check(resolved, name)
    return resolved
