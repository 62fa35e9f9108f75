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

import math
import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

import numpy as np

LrFn = Callable[[np.ndarray], np.ndarray]
"""lr as a function of the 0-based step array k."""


@dataclass(frozen=True)
class Param:
    """One schedule parameter, declared once: validation, error messages, UI sliders, docs.

    ``range`` is the set of allowed values (ends included as ``closed`` says); ``slider`` is the
    finite span a UI slider offers. A ``default`` of None with a ``derive`` rule means "computed
    from lr, steps and the parameters declared before this one" (see ``meaning``).
    """

    name: str
    default: Any
    meaning: str
    kind: str = "float"  # "float" | "int" | "bool" | "choice" | "ints" | "formula"
    range: tuple[float, float] = (-math.inf, math.inf)
    closed: str = "both"  # "both" | "left" | "right" | "neither"
    slider: tuple[float, float] | None = None
    log: bool = False
    choices: tuple[str, ...] = ()
    derive: Callable[[float, int | None, Mapping[str, Any]], Any] | None = None

    def allowed(self) -> str:
        """The allowed values in words, as error messages print them."""
        lo, hi = self.range
        left = "[" if self.closed in ("both", "left") and math.isfinite(lo) else "("
        right = "]" if self.closed in ("both", "right") and math.isfinite(hi) else ")"
        interval = f"{left}{lo:g}, {hi:g}{right}"
        return {
            "float": f"a finite float in {interval}",
            "int": f"an integer in {interval}",
            "bool": "True or False",
            "choice": "one of " + ", ".join(repr(c) for c in self.choices),
            "ints": f"a list of integers in {interval}",
            "formula": "a formula in t (text) or a Python callable of the step",
        }[self.kind]

    def validate(self, value: Any, schedule: str) -> Any:
        """Return ``value`` in canonical form, or raise ValueError naming this parameter."""
        converted = _CONVERT[self.kind](value, self)
        if converted is None:
            raise ValueError(f"{schedule}: {self.name} must be {self.allowed()}; got {value!r}")
        return converted

    def contains(self, x: float) -> bool:
        lo, hi = self.range
        above = lo <= x if self.closed in ("both", "left") else lo < x
        below = x <= hi if self.closed in ("both", "right") else x < hi
        return above and below


def _as_float(value: Any, p: Param) -> float | None:
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        return None
    x = float(value)
    return x if math.isfinite(x) and p.contains(x) else None


def _integer(value: Any) -> int | None:
    if isinstance(value, bool | np.bool_):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    # Sliders and JSON hand over 50.0 for 50.
    if isinstance(value, numbers.Real) and float(value).is_integer():
        return int(value)
    return None


def _as_int(value: Any, p: Param) -> int | None:
    n = _integer(value)
    return n if n is not None and p.contains(n) else None


def _as_bool(value: Any, p: Param) -> bool | None:
    return bool(value) if isinstance(value, bool | np.bool_) else None


def _as_choice(value: Any, p: Param) -> str | None:
    return value if isinstance(value, str) and value in p.choices else None


def _as_ints(value: Any, p: Param) -> tuple[int, ...] | None:
    if isinstance(value, str | bytes) or not hasattr(value, "__iter__"):
        return None
    items = [_integer(v) for v in value]
    if any(n is None or not p.contains(n) for n in items):
        return None
    return tuple(items)


def _as_formula(value: Any, p: Param) -> str | Callable[[int], float] | None:
    if callable(value):
        return value
    return value if isinstance(value, str) and value.strip() else None


_CONVERT: dict[str, Callable[[Any, Param], Any]] = {
    "float": _as_float,
    "int": _as_int,
    "bool": _as_bool,
    "choice": _as_choice,
    "ints": _as_ints,
    "formula": _as_formula,
}


class PlateauState(NamedTuple):
    """ReduceLROnPlateau's bookkeeping, one entry per trajectory (torch's attribute names)."""

    lr: np.ndarray  # (N,) lr for the coming step
    best: np.ndarray  # (N,) best metric seen so far
    num_bad_epochs: np.ndarray  # (N,) int, steps since the last improvement
    cooldown_counter: np.ndarray  # (N,) int, steps left before bad steps count again


@dataclass(frozen=True)
class Schedule:
    """A loss-driven schedule as pure functions, vectorized over N trajectories.

    ``st = s.init(N)``; at every step k: ``lr_k = s.lr(st)``, take the step with ``lr_k``, then
    ``st = s.update(st, loss_k)`` with the loss at the point where step k's gradient was taken.
    """

    name: str
    params: Mapping[str, Any]
    init: Callable[[int], PlateauState]
    lr: Callable[[PlateauState], np.ndarray]
    update: Callable[[PlateauState, np.ndarray], PlateauState]


@dataclass(frozen=True)
class Spec:
    """A registry entry: what the UI shows and how ``make`` builds the schedule."""

    name: str
    title: str
    torch_class: str
    params: tuple[Param, ...]
    formula_latex: str
    summary: str
    build: Callable[..., LrFn | Schedule]  # build(lr, **params)
    loss_driven: bool = False
    check: Callable[[Mapping[str, Any], int], None] | None = None  # rules across parameters

    def param(self, name: str) -> Param:
        """The declaration of parameter ``name``."""
        for p in self.params:
            if p.name == name:
                return p
        raise ValueError(
            f"{self.name}: unknown parameter {name!r}; expected one of: "
            + ", ".join(p.name for p in self.params)
        )


# --- factories: lr as a function of the step ------------------------------------------------


def _constant(lr: float, factor: float, total_iters: int) -> LrFn:
    return lambda k: lr * np.where(k < total_iters, factor, 1.0)


def _step(lr: float, step_size: int, gamma: float) -> LrFn:
    return lambda k: lr * gamma ** (k // step_size)


def _multistep(lr: float, milestones: tuple[int, ...], gamma: float) -> LrFn:
    # A milestone listed twice decays twice, as torch's Counter of milestones does.
    ordered = np.sort(np.asarray(milestones, dtype=np.int64))
    return lambda k: lr * gamma ** np.searchsorted(ordered, k, side="right")


def _exponential(lr: float, gamma: float) -> LrFn:
    return lambda k: lr * gamma**k


def _cosine(lr: float, T_max: int, eta_min: float) -> LrFn:
    # Not clamped after T_max: torch's recursive form keeps following the cosine back up.
    return lambda k: eta_min + (lr - eta_min) * (1 + np.cos(math.pi * k / T_max)) / 2


def _cosine_warm_restarts(lr: float, T_0: int, T_mult: int, eta_min: float) -> LrFn:
    def at(k: np.ndarray) -> np.ndarray:
        # Restart i starts at T_0 * (1 + T_mult + ... + T_mult^(i-1)) and lasts T_0 * T_mult^i.
        starts, length = [0], T_0
        while starts[-1] <= k.max(initial=0):
            starts.append(starts[-1] + length)
            length *= T_mult
        cycle = np.searchsorted(np.asarray(starts), k, side="right") - 1
        T_cur = k - np.asarray(starts)[cycle]
        T_i = T_0 * np.float64(T_mult) ** cycle
        return eta_min + (lr - eta_min) * (1 + np.cos(math.pi * T_cur / T_i)) / 2

    return at


def _linear(lr: float, start_factor: float, end_factor: float, total_iters: int) -> LrFn:
    return lambda k: (
        lr * (start_factor + (end_factor - start_factor) * np.minimum(total_iters, k) / total_iters)
    )


def _polynomial(lr: float, total_iters: int, power: float) -> LrFn:
    return lambda k: lr * (1.0 - np.minimum(total_iters, k) / total_iters) ** power


def _onecycle_phases(p: Mapping[str, Any]) -> tuple[tuple[float, float, float], ...]:
    """(end_step, start_lr, end_lr) per phase, exactly as torch's OneCycleLR lays them out."""
    initial = p["max_lr"] / p["div_factor"]
    final = initial / p["final_div_factor"]
    total, pct = p["total_steps"], p["pct_start"]
    if p["three_phase"]:
        return (
            (float(pct * total) - 1, initial, p["max_lr"]),
            (float(2 * pct * total) - 2, p["max_lr"], initial),
            (total - 1, initial, final),
        )
    return ((float(pct * total) - 1, initial, p["max_lr"]), (total - 1, p["max_lr"], final))


def _anneal_cos(start: float, end: float, pct: np.ndarray) -> np.ndarray:
    return end + (start - end) / 2.0 * (np.cos(math.pi * pct) + 1)


def _anneal_linear(start: float, end: float, pct: np.ndarray) -> np.ndarray:
    return (end - start) * pct + start


def _onecycle(lr: float, **p: Any) -> LrFn:
    phases = _onecycle_phases(p)
    anneal = {"cos": _anneal_cos, "linear": _anneal_linear}[p["anneal_strategy"]]
    starts = np.array([0.0] + [end for end, _, _ in phases[:-1]])

    def at(k: np.ndarray) -> np.ndarray:
        lrs = np.empty(k.shape)
        remaining = np.ones(k.shape, dtype=bool)
        for i, (end, first, last) in enumerate(phases):
            here = remaining & ((k <= end) | (i == len(phases) - 1))
            lrs[here] = anneal(first, last, (k[here] - starts[i]) / (end - starts[i]))
            remaining &= ~here
        return lrs

    return at


def _check_onecycle(p: Mapping[str, Any], steps: int) -> None:
    if p["total_steps"] < steps:
        raise ValueError(
            f"onecycle: total_steps must be an integer in [steps, inf) = [{steps}, inf) "
            f"(torch raises when stepped past total_steps); got {p['total_steps']}"
        )
    start, k = 0.0, 0
    phases = _onecycle_phases(p)
    for i, (end, _, _) in enumerate(phases):
        last = i == len(phases) - 1
        reached = k <= steps - 1 and (last or k <= end)
        if reached and end == start:
            raise ValueError(
                "onecycle: pct_start * total_steps must not make a phase of zero length "
                f"(torch divides by zero); got pct_start={p['pct_start']}, "
                f"total_steps={p['total_steps']}, three_phase={p['three_phase']}"
            )
        k = max(k, math.floor(end) + 1)
        start = end


def _cyclic(
    lr: float,
    base_lr: float,
    max_lr: float,
    step_size_up: int,
    step_size_down: int,
    mode: str,
    gamma: float,
) -> LrFn:
    total_size = float(step_size_up) + float(step_size_down)
    step_ratio = step_size_up / total_size

    def at(k: np.ndarray) -> np.ndarray:
        cycle = np.floor(1 + k / total_size)
        x = 1.0 + k / total_size - cycle
        scale_factor = np.where(x <= step_ratio, x / step_ratio, (x - 1) / (step_ratio - 1))
        base_height = (max_lr - base_lr) * scale_factor
        scale = {
            "triangular": lambda: 1.0,
            "triangular2": lambda: 1 / (2.0 ** (cycle - 1)),
            "exp_range": lambda: gamma ** k.astype(float),
        }[mode]()
        return base_lr + base_height * scale

    return at


def _lambda(lr: float, lr_lambda: str | Callable[[int], float]) -> LrFn:
    if callable(lr_lambda):
        # Called once per integer step, as torch does: the callable need not be vectorized.
        return lambda k: lr * np.array([float(lr_lambda(int(i))) for i in k])
    # sympy is heavy and only this path needs it: import on use, not with every schedule.
    import formulas

    try:
        fn = formulas.compile_function(lr_lambda, ("t",))
    except formulas.ExpressionError as err:
        # Same class, so the page can still point at err.position in the typed text.
        raise formulas.ExpressionError(
            f"lambda: lr_lambda is not a valid formula in t: {err}", err.position, err.token
        ) from err
    return lambda k: lr * np.broadcast_to(fn(k.astype(float)), k.shape)


def _warmup(after: Spec, start_factor: float, warmup_steps: int, lr: float, **p: Any) -> LrFn:
    tail = after.build(lr, **p)

    def at(k: np.ndarray) -> np.ndarray:
        ramp = lr * (
            start_factor + (1.0 - start_factor) * np.minimum(k, warmup_steps) / warmup_steps
        )
        # The tail runs on its own clock, restarted at the milestone (torch's SequentialLR).
        return np.where(k < warmup_steps, ramp, tail(np.maximum(k - warmup_steps, 0)))

    return at


# --- ReduceLROnPlateau ----------------------------------------------------------------------


def _plateau(
    lr: float,
    mode: str,
    factor: float,
    patience: int,
    threshold: float,
    threshold_mode: str,
    cooldown: int,
    min_lr: float,
    eps: float,
) -> Schedule:
    worse = math.inf if mode == "min" else -math.inf

    def is_better(a: np.ndarray, best: np.ndarray) -> np.ndarray:
        # inf * (1 - threshold) is nan for threshold == 1; nan compares False, like torch.
        with np.errstate(invalid="ignore"):
            if mode == "min" and threshold_mode == "rel":
                return a < best * (1.0 - threshold)
            if mode == "min":
                return a < best - threshold
            if threshold_mode == "rel":
                return a > best * (threshold + 1.0)
            return a > best + threshold

    def init(n_points: int) -> PlateauState:
        return PlateauState(
            lr=np.full(n_points, lr),
            best=np.full(n_points, worse),
            num_bad_epochs=np.zeros(n_points, dtype=np.int64),
            cooldown_counter=np.zeros(n_points, dtype=np.int64),
        )

    def current_lr(state: PlateauState) -> np.ndarray:
        return state.lr

    def update(state: PlateauState, loss: np.ndarray) -> PlateauState:
        loss = np.asarray(loss, dtype=np.float64)
        if loss.shape != state.lr.shape:
            raise ValueError(
                f"plateau: loss must have shape {state.lr.shape} (one per trajectory); "
                f"got {loss.shape}"
            )
        better = is_better(loss, state.best)
        best = np.where(better, loss, state.best)
        bad = np.where(better, 0, state.num_bad_epochs + 1)
        in_cooldown = state.cooldown_counter > 0
        cooldown_counter = state.cooldown_counter - in_cooldown
        bad = np.where(in_cooldown, 0, bad)
        reduce = bad > patience
        new_lr = np.maximum(state.lr * factor, min_lr)
        # torch skips reductions smaller than eps, so lr stops moving near min_lr.
        lr_next = np.where(reduce & (state.lr - new_lr > eps), new_lr, state.lr)
        return PlateauState(
            lr=lr_next,
            best=best,
            num_bad_epochs=np.where(reduce, 0, bad),
            cooldown_counter=np.where(reduce, cooldown, cooldown_counter),
        )

    params = {
        "mode": mode,
        "factor": factor,
        "patience": patience,
        "threshold": threshold,
        "threshold_mode": threshold_mode,
        "cooldown": cooldown,
        "min_lr": min_lr,
        "eps": eps,
    }
    return Schedule("plateau", params, init, current_lr, update)


# --- registry -------------------------------------------------------------------------------

_POSITIVE = {"range": (0.0, math.inf), "closed": "right"}
_NON_NEGATIVE = {"range": (0.0, math.inf)}
_FRACTION = {"range": (0.0, 1.0)}


def _count(lo: int, slider_hi: int) -> dict[str, Any]:
    return {"kind": "int", "range": (lo, math.inf), "slider": (lo, slider_hi)}


def _gamma(default: float, meaning: str, slider: tuple[float, float]) -> Param:
    return Param("gamma", default, meaning, range=(0.0, math.inf), closed="right", slider=slider)


def _eta_min() -> Param:
    return Param(
        "eta_min", 0.0, "floor of the cosine (absolute lr)", slider=(0.0, 1.0), **_NON_NEGATIVE
    )


def _horizon(lr: float, steps: int | None, p: Mapping[str, Any]) -> int | None:
    return steps


def _after_warmup(lr: float, steps: int | None, p: Mapping[str, Any]) -> int:
    return max(1, steps - p["warmup_steps"])


_REGISTRY: dict[str, Spec] = {}


def _register(spec: Spec) -> Spec:
    _REGISTRY[spec.name] = spec
    return spec


_register(
    Spec(
        "constant",
        "Constant factor (ConstantLR)",
        "ConstantLR",
        (
            Param(
                "factor",
                1.0 / 3,
                "multiplier applied before total_iters",
                **_FRACTION,
                closed="right",
                slider=(0.01, 1.0),
            ),
            Param("total_iters", 5, "steps that use the reduced lr", **_count(1, 500)),
        ),
        r"\eta_k = \eta \cdot \begin{cases} \mathrm{factor} & k < \mathrm{total\_iters} \\"
        r" 1 & k \ge \mathrm{total\_iters} \end{cases}",
        "Runs at factor x lr for total_iters steps, then at the full lr.",
        _constant,
    )
)
_register(
    Spec(
        "step",
        "Step decay (StepLR)",
        "StepLR",
        (
            Param("step_size", 50, "steps between decays (torch: required)", **_count(1, 500)),
            _gamma(0.1, "multiplier at every decay", (0.01, 1.0)),
        ),
        r"\eta_k = \eta\,\gamma^{\lfloor k / \mathrm{step\_size} \rfloor}",
        "Multiplies the lr by gamma every step_size steps.",
        _step,
    )
)
_register(
    Spec(
        "multistep",
        "Decay at milestones (MultiStepLR)",
        "MultiStepLR",
        (
            Param(
                "milestones",
                (50, 100, 150),
                "steps at which the lr is multiplied by gamma "
                "(torch: required; a repeated milestone decays twice)",
                kind="ints",
                range=(0, math.inf),
            ),
            _gamma(0.1, "multiplier at every milestone", (0.01, 1.0)),
        ),
        r"\eta_k = \eta\,\gamma^{\,\#\{m \in \mathrm{milestones}\,:\, m \le k\}}",
        "Multiplies the lr by gamma at each listed milestone.",
        _multistep,
    )
)
_register(
    Spec(
        "exponential",
        "Exponential decay (ExponentialLR)",
        "ExponentialLR",
        (_gamma(0.99, "multiplier at every step (torch: required)", (0.9, 1.0)),),
        r"\eta_k = \eta\,\gamma^{k}",
        "Multiplies the lr by gamma at every step.",
        _exponential,
    )
)
_register(
    Spec(
        "cosine",
        "Cosine annealing (CosineAnnealingLR)",
        "CosineAnnealingLR",
        (
            Param(
                "T_max",
                None,
                "half-period in steps (torch: required; None: steps)",
                derive=_horizon,
                **_count(1, 5000),
            ),
            _eta_min(),
        ),
        r"\eta_k = \eta_{\min} + \tfrac{1}{2}(\eta - \eta_{\min})"
        r"\left(1 + \cos\frac{\pi k}{T_{\max}}\right)",
        "Follows half a cosine from lr down to eta_min over T_max steps (and back up after).",
        _cosine,
    )
)
_register(
    Spec(
        "cosine_warm_restarts",
        "Cosine with warm restarts (CosineAnnealingWarmRestarts)",
        "CosineAnnealingWarmRestarts",
        (
            Param(
                "T_0", 50, "length of the first cycle in steps (torch: required)", **_count(1, 1000)
            ),
            Param("T_mult", 1, "each cycle is T_mult times longer than the last", **_count(1, 4)),
            _eta_min(),
        ),
        r"\eta_k = \eta_{\min} + \tfrac{1}{2}(\eta - \eta_{\min})"
        r"\left(1 + \cos\frac{\pi T_{\mathrm{cur}}}{T_i}\right),\ "
        r"T_i = T_0\,T_{\mathrm{mult}}^{\,i}",
        "Cosine from lr to eta_min, then jumps back to lr; cycles grow by T_mult.",
        _cosine_warm_restarts,
    )
)
_register(
    Spec(
        "linear",
        "Linear ramp (LinearLR)",
        "LinearLR",
        (
            Param(
                "start_factor",
                1.0 / 3,
                "multiplier at step 0",
                **_FRACTION,
                closed="right",
                slider=(0.01, 1.0),
            ),
            Param("end_factor", 1.0, "multiplier from total_iters on", **_FRACTION),
            Param("total_iters", 5, "steps of the ramp", **_count(1, 1000)),
        ),
        r"\eta_k = \eta\left(s + (e - s)\,\frac{\min(k, T)}{T}\right),\ "
        r"s = \mathrm{start\_factor},\ e = \mathrm{end\_factor},\ T = \mathrm{total\_iters}",
        "Moves the multiplier linearly from start_factor to end_factor over total_iters steps.",
        _linear,
    )
)
_register(
    Spec(
        "polynomial",
        "Polynomial decay (PolynomialLR)",
        "PolynomialLR",
        (
            Param("total_iters", 5, "steps until the lr reaches 0", **_count(1, 1000)),
            Param(
                "power",
                1.0,
                "exponent of the decay (1: linear)",
                slider=(0.0, 5.0),
                **_NON_NEGATIVE,
            ),
        ),
        r"\eta_k = \eta\left(1 - \frac{\min(k, T)}{T}\right)^{p},\ "
        r"T = \mathrm{total\_iters},\ p = \mathrm{power}",
        "Decays the lr to 0 over total_iters steps along (1 - k/T)^power.",
        _polynomial,
    )
)
_register(
    Spec(
        "onecycle",
        "One cycle (OneCycleLR)",
        "OneCycleLR",
        (
            Param(
                "max_lr",
                None,
                "peak lr (torch: required; None: lr)",
                slider=(1e-5, 10.0),
                log=True,
                derive=lambda lr, steps, p: lr,
                **_NON_NEGATIVE,
            ),
            Param(
                "total_steps",
                None,
                "length of the cycle (None: steps)",
                derive=_horizon,
                **_count(1, 5000),
            ),
            Param("pct_start", 0.3, "fraction of the cycle spent increasing the lr", **_FRACTION),
            Param(
                "anneal_strategy",
                "cos",
                "shape of each phase",
                kind="choice",
                choices=("cos", "linear"),
            ),
            Param(
                "div_factor",
                25.0,
                "initial lr = max_lr / div_factor",
                slider=(1.0, 1e3),
                log=True,
                **_POSITIVE,
            ),
            Param(
                "final_div_factor",
                1e4,
                "final lr = initial lr / final_div_factor",
                slider=(1.0, 1e6),
                log=True,
                **_POSITIVE,
            ),
            Param(
                "three_phase", False, "go back down to the initial lr before annealing", kind="bool"
            ),
        ),
        r"\eta_k = a_{\mathrm{end}} + \tfrac{1}{2}(a_{\mathrm{start}} - a_{\mathrm{end}})"
        r"\left(1 + \cos \pi p_k\right)\ \text{(cos) or}\ "
        r"a_{\mathrm{start}} + (a_{\mathrm{end}} - a_{\mathrm{start}})\,p_k\ \text{(linear)},\ "
        r"\frac{\eta_{\max}}{d} \to \eta_{\max} \to \frac{\eta_{\max}}{d\,d_f}",
        "Warms up from max_lr/div_factor to max_lr, then anneals far below the start "
        "(momentum is not cycled).",
        _onecycle,
        check=_check_onecycle,
    )
)
_register(
    Spec(
        "cyclic",
        "Cyclical lr (CyclicLR)",
        "CyclicLR",
        (
            Param(
                "base_lr",
                None,
                "lower bound of the cycle (torch: required; None: lr / 10)",
                slider=(1e-5, 10.0),
                log=True,
                derive=lambda lr, steps, p: lr / 10,
                **_NON_NEGATIVE,
            ),
            Param(
                "max_lr",
                None,
                "upper bound of the cycle (torch: required; None: lr)",
                slider=(1e-5, 10.0),
                log=True,
                derive=lambda lr, steps, p: lr,
                **_NON_NEGATIVE,
            ),
            Param("step_size_up", 2000, "steps of the rising half", **_count(1, 2000)),
            Param(
                "step_size_down",
                None,
                "steps of the falling half (None: step_size_up)",
                derive=lambda lr, steps, p: p["step_size_up"],
                **_count(1, 2000),
            ),
            Param(
                "mode",
                "triangular",
                "triangular: constant height; triangular2: halved "
                "every cycle; exp_range: height times gamma^k",
                kind="choice",
                choices=("triangular", "triangular2", "exp_range"),
            ),
            _gamma(1.0, "exp_range decay per step", (0.9, 1.0)),
        ),
        r"c = \left\lfloor 1 + \frac{k}{u + d} \right\rfloor,\ "
        r"x = 1 + \frac{k}{u + d} - c,\ "
        r"\eta_k = \eta_{\mathrm{base}} + (\eta_{\max} - \eta_{\mathrm{base}})\,"
        r"h(x)\,s,\ h(x) = \begin{cases} \frac{x(u+d)}{u} & x \le \frac{u}{u+d} \\"
        r" \frac{(1 - x)(u+d)}{d} & \text{else} \end{cases},\ "
        r"s = 1,\ 2^{1-c},\ \gamma^{k}",
        "Bounces the lr between base_lr and max_lr in triangles (momentum is not cycled).",
        _cyclic,
    )
)
_register(
    Spec(
        "lambda",
        "Any formula (LambdaLR)",
        "LambdaLR",
        (
            Param(
                "lr_lambda",
                "0.95**t",
                "multiplier as a formula in the step t, or a Python callable of the step",
                kind="formula",
            ),
        ),
        r"\eta_k = \eta\,\lambda(k)",
        "Multiplies the lr by a function of the step that you write.",
        _lambda,
    )
)
_register(
    Spec(
        "plateau",
        "Reduce on plateau (ReduceLROnPlateau)",
        "ReduceLROnPlateau",
        (
            Param(
                "mode",
                "min",
                "min: the loss should go down; max: the metric should go up",
                kind="choice",
                choices=("min", "max"),
            ),
            Param(
                "factor",
                0.1,
                "multiplier at every reduction",
                range=(0.0, 1.0),
                closed="left",
                slider=(0.01, 0.99),
            ),
            Param("patience", 10, "bad steps tolerated before a reduction", **_count(0, 100)),
            Param(
                "threshold",
                1e-4,
                "smallest change that counts as an improvement",
                slider=(1e-6, 1.0),
                log=True,
                **_NON_NEGATIVE,
            ),
            Param(
                "threshold_mode",
                "rel",
                "rel: relative to the best; abs: absolute",
                kind="choice",
                choices=("rel", "abs"),
            ),
            Param("cooldown", 0, "steps to wait after a reduction", **_count(0, 100)),
            Param(
                "min_lr", 0.0, "the lr never goes below this", slider=(0.0, 0.1), **_NON_NEGATIVE
            ),
            Param(
                "eps",
                1e-8,
                "reductions smaller than this are skipped",
                slider=(1e-12, 1e-2),
                log=True,
                **_NON_NEGATIVE,
            ),
        ),
        r"\eta_{k+1} = \begin{cases} \max(\mathrm{factor}\cdot\eta_k,\ \eta_{\min}) &"
        r" \text{more than patience steps without improvement} \\ \eta_k & \text{else}"
        r" \end{cases}",
        "Cuts the lr by factor when the loss stops improving, separately for every start point.",
        _plateau,
        loss_driven=True,
    )
)

_WARMUP_PARAMS = (
    Param(
        "start_factor",
        1.0 / 3,
        "multiplier at step 0 of the warm-up",
        **_FRACTION,
        closed="right",
        slider=(0.01, 1.0),
    ),
    Param("warmup_steps", 20, "steps of the linear warm-up", **_count(1, 1000)),
)


def _register_warmup(after_name: str, horizon: str | None) -> None:
    """warmup_<after>: LinearLR(start_factor, 1, warmup_steps), then <after> at k - warmup_steps.

    Matches SequentialLR([LinearLR(...), After(...)], milestones=[warmup_steps]). The
    parameter named ``horizon`` defaults to the steps left after the warm-up.
    """
    after = _REGISTRY[after_name]
    latex_name = after_name.replace("_", r"\_")
    params = tuple(
        replace(
            p,
            default=None,
            derive=_after_warmup,
            meaning=p.meaning.split(" (")[0] + " (None: steps - warmup_steps)",
        )
        if p.name == horizon
        else p
        for p in after.params
    )
    _register(
        Spec(
            f"warmup_{after_name}",
            f"Linear warm-up, then {after.title[0].lower()}{after.title[1:]}",
            f"SequentialLR(LinearLR, {after.torch_class})",
            _WARMUP_PARAMS + params,
            r"\eta_k = \begin{cases} \eta\left(s + (1 - s)\frac{k}{w}\right) & k < w \\"
            rf" \eta^{{\mathrm{{{latex_name}}}}}_{{k - w}} & k \ge w"
            r" \end{cases},\ s = \mathrm{start\_factor},\ w = \mathrm{warmup\_steps}",
            f"Ramps linearly from start_factor x lr to lr over warmup_steps, then: "
            f"{after.summary[0].lower()}{after.summary[1:]}",
            lambda lr, start_factor, warmup_steps, **p: _warmup(
                after, start_factor, warmup_steps, lr, **p
            ),
        )
    )


for _after, _horizon_param in (
    ("cosine", "T_max"),
    ("cosine_warm_restarts", None),
    ("step", None),
    ("multistep", None),
    ("exponential", None),
    ("polynomial", "total_iters"),
):
    _register_warmup(_after, _horizon_param)


# --- public API -----------------------------------------------------------------------------


def names() -> list[str]:
    """Names of all schedules, in registry order."""
    return list(_REGISTRY)


def get(name: str) -> Spec:
    """The registry entry for ``name``: title, params, formula_latex, summary, torch_class."""
    if name not in _REGISTRY:
        raise ValueError(f"schedule must be one of: {', '.join(_REGISTRY)}; got {name!r}")
    return _REGISTRY[name]


_LR = Param("lr", 1e-3, "the optimizer's learning rate", **_NON_NEGATIVE)
_STEPS = Param("steps", 100, "number of optimizer steps", **_count(1, 5000))


def resolve(name: str, *, lr: float, steps: int | None = None, **params: Any) -> dict[str, Any]:
    """Validated parameters of schedule ``name`` with every default filled in.

    Derived defaults (None) are computed from ``lr``, ``steps`` and the parameters before them,
    e.g. ``resolve("cosine", lr=0.1, steps=200)["T_max"] == 200``. Raises ValueError naming
    the parameter, its allowed range and the value given.
    """
    spec = get(name)
    lr = _LR.validate(lr, name)
    if steps is not None or not spec.loss_driven:
        steps = _STEPS.validate(steps, name)
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
