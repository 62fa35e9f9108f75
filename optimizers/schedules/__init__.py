r"""Learning-rate schedules with ``torch.optim.lr_scheduler`` semantics.

Every schedule is a small factory returning a plain function of the step ``k`` (a NumPy
integer array); ``make`` evaluates it at ``k = 0 .. steps-1``. ReduceLROnPlateau depends on the
loss, so ``make("plateau", ...)`` returns a :class:`Schedule` of pure functions instead.

Step ``k`` (0-based) gets the lr that torch's optimizer holds during its k-th
``optimizer.step()`` when ``scheduler.step()`` is called once after every ``optimizer.step()``::

    for k in range(steps):
        loss = f(x); loss.backward()
        optimizer.step()                 # uses make(...)[k]
        scheduler.step()                 # plateau: scheduler.step(loss)

Notation in the formulas: :math:`\eta` is the optimizer's ``lr``, :math:`\eta_k` the lr at step k.

>>> make("cosine", lr=0.1, steps=4, T_max=4).round(6).tolist()
[0.1, 0.085355, 0.05, 0.014645]
"""

from __future__ import annotations

from typing import Any

import numpy as np

from optimizers.schedules.curves import LrFn
from optimizers.schedules.param import LR, STEPS, Param
from optimizers.schedules.plateau import PlateauState, Schedule
from optimizers.schedules.registry import REGISTRY
from optimizers.schedules.spec import Spec
from optimizers.schedules.warmup import warmup

__all__ = [
    "LrFn",
    "Param",
    "PlateauState",
    "Schedule",
    "Spec",
    "get",
    "make",
    "names",
    "resolve",
    "warmup",
]


def names() -> list[str]:
    """Names of all schedules, in registry order."""
    return list(REGISTRY)


def get(name: str) -> Spec:
    """The registry entry for ``name``: title, params, formula_latex, summary, torch_class."""
    if name not in REGISTRY:
        raise ValueError(f"schedule must be one of: {', '.join(REGISTRY)}; got {name!r}")
    return REGISTRY[name]


def resolve(name: str, *, lr: float, steps: int | None = None, **params: Any) -> dict[str, Any]:
    """Validated parameters of schedule ``name`` with every default filled in.

    Derived defaults (None) are computed from ``lr``, ``steps`` and the parameters before them,
    e.g. ``resolve("cosine", lr=0.1, steps=200)["T_max"] == 200``. Raises ValueError naming
    the parameter, its allowed range and the value given.
    """
    spec = get(name)
    lr = LR.validate(lr, name)
    if steps is not None or not spec.loss_driven:
        steps = STEPS.validate(steps, name)
    for key in params:
        spec.param(key)
    resolved: dict[str, Any] = {}
    for p in spec.params:
        value = params.get(p.name, p.default)
        if value is None and p.derive is not None:
            value = p.derive(lr, steps, resolved)
        resolved[p.name] = p.validate(value, name)
    if spec.check is not None:
        spec.check(resolved, steps)
    return resolved


def make(name: str, *, lr: float, steps: int | None = None, **params: Any) -> np.ndarray | Schedule:
    """The lr for steps 0..steps-1 as an array (steps,), or a Schedule for "plateau".

    ``make("cosine", lr=0.1, steps=200)`` equals the lrs torch's optimizer holds at each of 200
    steps under ``CosineAnnealingLR(opt, T_max=200)`` stepped after every ``optimizer.step()``.
    Parameter names and defaults are torch's; see ``get(name).params``.
    """
    resolved = resolve(name, lr=lr, steps=steps, **params)
    spec = get(name)
    if spec.loss_driven:
        return spec.build(lr, **resolved)
    lr_at = spec.build(lr, **resolved)
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        lrs = np.asarray(lr_at(np.arange(steps)), dtype=np.float64)
    bad = np.flatnonzero(~np.isfinite(lrs) | (lrs < 0))
    if bad.size:
        k = int(bad[0])
        raise ValueError(
            f"{name}: the lr must stay finite and >= 0 at every step; "
            f"got {float(lrs[k])!r} at step {k} with {resolved}"
        )
    return lrs
