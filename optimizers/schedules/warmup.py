"""Warm-up as a combinator: ``warmup(spec)`` is a linear ramp, then ``spec`` on its own clock.

Matches ``SequentialLR([LinearLR(start_factor, 1, warmup_steps), After(...)],
milestones=[warmup_steps])``: any schedule can be warmed up, and the registry lists the
warmed-up ones it offers, each once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import numpy as np

from optimizers.schedules.curves import LrFn
from optimizers.schedules.param import count, factor
from optimizers.schedules.spec import Spec

WARMUP_PARAMS = (
    factor("start_factor", "multiplier at step 0 of the warm-up"),
    count("warmup_steps", 20, "steps of the linear warm-up", 1, 1000),
)


def ramp_then(tail: LrFn, lr: float, start_factor: float, warmup_steps: int) -> LrFn:
    """The lr rising linearly from start_factor * lr to lr, then ``tail`` from its step 0."""

    def at(k: np.ndarray) -> np.ndarray:
        ramp = lr * (
            start_factor + (1.0 - start_factor) * np.minimum(k, warmup_steps) / warmup_steps
        )
        # The tail runs on its own clock, restarted at the milestone (torch's SequentialLR).
        return np.where(k < warmup_steps, ramp, tail(np.maximum(k - warmup_steps, 0)))

    return at


def _steps_after_warmup(lr: float, steps: int | None, p: Mapping[str, Any]) -> int:
    return max(1, steps - p["warmup_steps"])


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:]


def warmup(after: Spec, horizon: str | None = None) -> Spec:
    """``warmup_<after>``: the warm-up parameters first, then ``after``'s own.

    The parameter named ``horizon`` (T_max, total_iters) defaults to the steps left after
    the warm-up instead of the whole run.
    """
    shared = {p.name for p in WARMUP_PARAMS} & {p.name for p in after.params}
    if after.loss_driven or shared:
        reason = "it depends on the loss" if after.loss_driven else f"it has {sorted(shared)}"
        raise ValueError(f"warmup: cannot warm up {after.name!r}: {reason}")
    params = tuple(
        replace(
            p,
            default=None,
            derive=_steps_after_warmup,
            meaning=p.meaning.split(" (")[0] + " (None: steps - warmup_steps)",
        )
        if p.name == horizon
        else p
        for p in after.params
    )
    latex_name = after.name.replace("_", r"\_")

    def build(lr: float, start_factor: float, warmup_steps: int, **p: Any) -> LrFn:
        return ramp_then(after.build(lr, **p), lr, start_factor, warmup_steps)

    return Spec(
        name=f"warmup_{after.name}",
        title=f"Linear warm-up, then {_lower_first(after.title)}",
        torch_class=f"SequentialLR(LinearLR, {after.torch_class})",
        params=WARMUP_PARAMS + params,
        formula_latex=(
            r"\eta_k = \begin{cases} \eta\left(s + (1 - s)\frac{k}{w}\right) & k < w \\"
            rf" \eta^{{\mathrm{{{latex_name}}}}}_{{k - w}} & k \ge w"
            r" \end{cases},\ s = \mathrm{start\_factor},\ w = \mathrm{warmup\_steps}"
        ),
        summary=(
            "Ramps linearly from start_factor x lr to lr over warmup_steps, then: "
            + _lower_first(after.summary)
        ),
        build=build,
        after=after,
    )
