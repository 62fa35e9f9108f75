"""Vectorized NumPy optimizers with torch.optim's names, defaults, checks and update rules.

>>> import numpy as np, optimizers
>>> optimizers.names()[:4]
['sgd', 'adagrad', 'adadelta', 'rmsprop']
>>> optimizers.get("adam").hparams["betas"].default
(0.9, 0.999)

``optimizers.run(name, surface, x0, steps, **hparams)`` runs one optimizer from N start
points at once and returns a Trajectory (or a Summary with ``record="summary"``).
Learning-rate schedules live in ``optimizers.schedules``.
"""

from .engine import ESCAPE, run
from .hparams import HParam
from .records import Summary, Trajectory
from .registry import get, names, preset, presets, resolve
from .spec import OptimizerSpec, Preset, Series

__all__ = [
    "ESCAPE",
    "HParam",
    "OptimizerSpec",
    "Preset",
    "Series",
    "Summary",
    "Trajectory",
    "get",
    "names",
    "preset",
    "presets",
    "resolve",
    "run",
]
