"""What a registry entry holds, and the kernel protocol every algorithm module follows.

Kernel protocol (one module per algorithm, torch.optim's ``_single_tensor_*`` math vectorized
over N points, looping only over time):

``Hyper``
    NamedTuple of the kernel's hyperparameters, by flat name (``beta1``, ``beta2`` for
    ``betas``): floats, or arrays of shape (N, 2) for per-point values, and bools.
``State``
    NamedTuple of arrays (N, 2) with torch's state names; None for a buffer torch does not
    create in this configuration (``max_exp_avg_sq`` without amsgrad).
``init(params, lr, hp) -> State``
    Fresh state for points ``params`` (N, 2); ``lr`` is the lr of the first step.
``update(params, grad, state, step, lr, hp) -> (params, State)``
    One step: ``step`` is torch's step count t (1 on the first step), ``lr`` a float or an
    (N, 2) array. The result depends only on the arguments, but like torch's in-place kernels
    (and jax's ``donate_argnums``) update reuses the memory of ``params``, ``grad`` and
    ``state`` for its result: at 65,536 points a fresh temporary costs more than the
    arithmetic. Pass copies to keep the inputs.
``derived(xy, grad, state, t, lr, hp) -> dict`` (optional)
    Whole-history teaching quantities (m_hat, v_hat, step) from the recorded history.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np

from .hparams import HParam


class Series(NamedTuple):
    """How the Moments page draws one recorded buffer: legend symbol, colour, and the row of
    the buffer plot ("first" moment, "second" moment on a log axis, "step", "other")."""

    symbol: str
    color: str
    row: str


# Records every optimizer has (the engine adds both), and the names several families share.
GRAD = Series("g", "#8c8c8c", "first")
STEP = Series("Δθ", "#111111", "step")
EXP_AVG = Series("m", "#9ecae1", "first")
EXP_AVG_SQ = Series("v", "#f4a582", "second")
MOMENTUM_BUFFER = Series("b", "#2ca02c", "first")
SQUARE_AVG = Series("v", "#f4a582", "second")
BIAS_CORRECTED = {
    "m_hat": Series("m̂", "#1f5fa8", "first"),
    "v_hat": Series("v̂", "#b2182b", "second"),
}


@dataclass(frozen=True)
class OptimizerSpec:
    """A registry entry: what the UI shows, what validation checks, which kernel runs.

    ``hparams`` maps name -> HParam in torch's argument order; ``state_names`` lists every
    buffer the kernel can record (torch's names); ``torch_class`` is None for algorithms
    torch.optim lacks. ``fixed`` holds kernel switches the optimizer always sets (AdamW is
    Adam with ``decoupled_weight_decay=True``); ``check`` enforces rules across parameters.

    Display: ``series`` says how to draw each recorded per-coordinate buffer (state and
    derived names; the gradient and the step are common to all, see ``display_series``);
    ``inspector`` names the step inspector's written-out rule (viz.step_inspector.RULES), or
    is None to say the inspector lists the records without a rule. Both are required, so a
    new optimizer cannot end up with "?" labels by omission.
    """

    name: str
    title: str
    torch_class: str | None
    hparams: Mapping[str, HParam]
    state_names: tuple[str, ...]
    formula_latex: str
    summary: str
    hyper: type
    init: Callable[..., Any]
    update: Callable[..., Any]
    series: Mapping[str, Series]
    inspector: str | None
    derived: Callable[..., dict] | None = None
    fixed: Mapping[str, Any] = field(default_factory=dict)
    check: Callable[[Mapping[str, Any], str], None] | None = None
    needs_hessian: bool = False

    @property
    def defaults(self) -> dict[str, Any]:
        """torch's defaults for every hyperparameter, by name."""
        return {name: hp.default for name, hp in self.hparams.items()}

    @property
    def display_series(self) -> dict[str, Series]:
        """Every plotted record's style by record name: the gradient, this optimizer's
        buffers, the step."""
        return {"grad": GRAD, **self.series, "step": STEP}

    def kernel_hparams(self, resolved: Mapping[str, Any]) -> Any:
        """The kernel's Hyper from ``resolve``'s values: flat names (beta1, beta2), per-point
        arrays as (N, 2), ``fixed`` switches added; lr is left out (it is passed per step)."""
        flat = dict(self.fixed)
        for key, hp in self.hparams.items():
            if key == "lr":
                continue
            values = resolved[key] if hp.kind == "pair" else (resolved[key],)
            for flat_name, value in zip(hp.flat_names(), values, strict=True):
                flat[flat_name] = per_point(value) if isinstance(value, np.ndarray) else value
        return self.hyper(**flat)


@dataclass(frozen=True)
class Preset:
    """A named configuration the UI offers: "Nesterov" is SGD with momentum and nesterov=True."""

    name: str
    title: str
    optimizer: str
    hparams: Mapping[str, Any]
    summary: str


def per_point(values: np.ndarray) -> np.ndarray:
    """(N,) -> (N, 2) with equal columns: same-shape operands keep NumPy on its fast path
    (broadcasting an (N, 1) operand runs several times slower)."""
    return np.repeat(values[:, None], 2, axis=1)


def hparam_table(*hparams: HParam) -> dict[str, HParam]:
    """Name -> declaration, in the order given (torch's argument order)."""
    return {hp.name: hp for hp in hparams}
