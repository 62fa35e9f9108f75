r"""One step of an optimizer's update rule, filled in with the numbers of a recorded run, the
way a textbook walks through one Adam step::

    m_t = beta1 m_{t-1} + (1 - beta1) g_t = 0.9 (0.1, 2) + 0.1 (-4, 3) = (-0.31, 2.1)

Every line shows the rule, the rule with its inputs substituted, and the result. Results are
the run's own records (``traj.grad``, ``traj.state``, ``traj.derived``, ``traj.xy``), never
recomputed: ``InspectorLine.record`` names the record a result was read from, so a test can
check the page shows exactly what the core recorded. Inputs from step t-1 are records too
(zero before the first step, as the buffers start).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from i18n import t as tr


class InspectorLine(NamedTuple):
    """``lhs = rule = numbers = value``; ``record`` is where ``value`` was read ("" if derived
    here from records, e.g. the gradient after L2 weight decay)."""

    lhs: str
    rule: str
    numbers: str
    value: np.ndarray  # (2,)
    record: str

    def latex(self) -> str:
        """The whole line for st.latex."""
        parts = [self.lhs, self.rule]
        if self.numbers:
            parts.append(self.numbers)
        parts.append(vec(self.value))
        return " = ".join(parts)


def num(x: float) -> str:
    """A number for LaTeX, 4 significant digits, powers of ten written out."""
    x = float(x)
    if not np.isfinite(x):
        return r"\text{NaN}" if np.isnan(x) else (r"\infty" if x > 0 else r"-\infty")
    text = f"{x:.4g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return text


def vec(v: np.ndarray) -> str:
    """A 2-vector as a LaTeX column."""
    return rf"\begin{{pmatrix}} {num(v[0])} \\ {num(v[1])} \end{{pmatrix}}"


class _Step:
    """The records of one step t (1-based) of one point, with their predecessors."""

    def __init__(self, traj: Any, t: int, point: int) -> None:
        self.traj, self.t, self.k, self.point = traj, t, t - 1, point
        self.hp = traj.hparams

    def record(self, name: str) -> np.ndarray:
        """A record after step t: "grad", "xy" (the new position), a state or derived name."""
        if name == "grad":
            return self.traj.grad[self.k, self.point]
        if name == "xy":
            return self.traj.xy[self.t, self.point]
        source = self.traj.state if name in self.traj.state else self.traj.derived
        return source[name][self.k, self.point]

    def before(self, name: str, start: float = 0.0) -> np.ndarray:
        """A state buffer after step t-1, or its start value before the first step."""
        if self.k == 0:
            return np.full(2, start)
        return self.traj.state[name][self.k - 1, self.point]

    @property
    def theta(self) -> np.ndarray:
        return self.traj.xy[self.k, self.point]

    @property
    def lr(self) -> float:
        lr = self.traj.lr[self.k]
        return float(lr if np.ndim(lr) == 0 else lr[self.point])

    def scalar(self, name: str, index: int | None = None) -> float:
        value = self.hp[name] if index is None else self.hp[name][index]
        return float(value if np.ndim(value) == 0 else value[self.point])


def _gradient(s: _Step, decoupled: bool) -> tuple[list[InspectorLine], np.ndarray]:
    """g_t as the rule uses it: the recorded gradient, negated if maximizing, plus L2 decay."""
    raw = s.record("grad")
    wd = s.scalar("weight_decay") if "weight_decay" in s.hp else 0.0
    l2 = wd != 0 and not decoupled
    maximize = bool(s.hp.get("maximize"))
    if not (l2 or maximize):
        return [InspectorLine("g_t", r"\nabla f(\theta_{t-1})", "", raw, "grad")], raw
    lines = [InspectorLine(r"\nabla f(\theta_{t-1})", "", "", raw, "grad")]
    g = -raw if maximize else raw
    sign = "-" if maximize else ""
    rule, numbers = rf"{sign}\nabla f(\theta_{{t-1}})", rf"{sign}{vec(raw)}"
    if l2:
        g = g + wd * s.theta
        rule += r" + \lambda\, \theta_{t-1}"
        numbers += rf" + {num(wd)} {vec(s.theta)}"
    lines.append(InspectorLine("g_t", rule, numbers, g, ""))
    return lines, g


def _ema(
    s: _Step, lhs: str, name: str, weight: str, w: float, g: np.ndarray, square: bool = False
) -> InspectorLine:
    """lhs_t = w lhs_{t-1} + (1 - w) g_t (or g_t^2): a moving average read from ``name``."""
    prev = s.before(name)
    term = r"g_t^2" if square else "g_t"
    shown = rf"{vec(g)}^2" if square else vec(g)
    return InspectorLine(
        f"{lhs}_t",
        rf"{weight}\, {lhs}_{{t-1}} + (1 - {weight})\, {term}",
        rf"{num(w)} {vec(prev)} + {num(1 - w)}\, {shown}",
        s.record(name),
        name,
    )


def _new_position(s: _Step, decoupled_wd: float = 0.0) -> InspectorLine:
    step = s.record("step")
    if decoupled_wd:
        return InspectorLine(
            r"\theta_t",
            r"\theta_{t-1}(1 - \eta\lambda) - \Delta\theta_t",
            rf"{vec(s.theta)}(1 - {num(s.lr)} \cdot {num(decoupled_wd)}) - {vec(step)}",
            s.record("xy"),
            "xy",
        )
    return InspectorLine(
        r"\theta_t",
        r"\theta_{t-1} - \Delta\theta_t",
        rf"{vec(s.theta)} - {vec(step)}",
        s.record("xy"),
        "xy",
    )


def _adam(s: _Step) -> list[InspectorLine]:
    decoupled = s.traj.name == "adamw" or bool(s.hp.get("decoupled_weight_decay"))
    lines, g = _gradient(s, decoupled)
    b1, b2 = s.scalar("betas", 0), s.scalar("betas", 1)
    lines.append(_ema(s, "m", "exp_avg", r"\beta_1", b1, g))
    lines.append(_ema(s, "v", "exp_avg_sq", r"\beta_2", b2, g, square=True))
    second = "v"
    if "max_exp_avg_sq" in s.traj.state:
        lines.append(
            InspectorLine(
                r"v^{\max}_t",
                r"\max(v^{\max}_{t-1}, v_t)",
                rf"\max\left({vec(s.before('max_exp_avg_sq'))}, "
                rf"{vec(s.record('exp_avg_sq'))}\right)",
                s.record("max_exp_avg_sq"),
                "max_exp_avg_sq",
            )
        )
        second = r"v^{\max}"
    second_value = lines[-1].value
    if s.hp.get("bias_correction", True):
        bc2 = 1 - b2**s.t
        lines.append(
            InspectorLine(
                r"\hat m_t",
                r"\frac{m_t}{1 - \beta_1^t}",
                rf"\frac{{{vec(s.record('exp_avg'))}}}{{1 - {num(b1)}^{{{s.t}}}}}",
                s.record("m_hat"),
                "m_hat",
            )
        )
        lines.append(
            InspectorLine(
                r"\hat v_t",
                rf"\frac{{{second}_t}}{{1 - \beta_2^t}}",
                rf"\frac{{{vec(second_value)}}}{{{num(bc2)}}}",
                s.record("v_hat"),
                "v_hat",
            )
        )
    else:
        lines.append(InspectorLine(r"\hat m_t", "m_t", "", s.record("m_hat"), "m_hat"))
        lines.append(InspectorLine(r"\hat v_t", f"{second}_t", "", s.record("v_hat"), "v_hat"))
    eps = s.scalar("eps")
    if s.hp.get("keras_epsilon"):
        eps_rule = r"\hat\epsilon / \sqrt{1 - \beta_2^t}"
        eps_value = eps / np.sqrt(1 - b2**s.t) if s.hp.get("bias_correction", True) else eps
    else:
        eps_rule, eps_value = r"\epsilon", eps
    lines.append(
        InspectorLine(
            r"\Delta\theta_t",
            rf"\eta\, \frac{{\hat m_t}}{{\sqrt{{\hat v_t}} + {eps_rule}}}",
            rf"{num(s.lr)} \frac{{{vec(s.record('m_hat'))}}}"
            rf"{{\sqrt{{{vec(s.record('v_hat'))}}} + {num(eps_value)}}}",
            s.record("step"),
            "step",
        )
    )
    wd = s.scalar("weight_decay") if decoupled else 0.0
    lines.append(_new_position(s, wd))
    return lines


def _sgd(s: _Step) -> list[InspectorLine]:
    lines, g = _gradient(s, decoupled=False)
    mu = s.scalar("momentum")
    if "momentum_buffer" in s.traj.state and mu != 0:
        if s.t == 1:
            lines.append(
                InspectorLine("b_1", "g_1", "", s.record("momentum_buffer"), "momentum_buffer")
            )
        else:
            tau = s.scalar("dampening")
            lines.append(
                InspectorLine(
                    "b_t",
                    r"\mu\, b_{t-1} + (1 - \tau)\, g_t",
                    rf"{num(mu)} {vec(s.before('momentum_buffer'))} + {num(1 - tau)}\, {vec(g)}",
                    s.record("momentum_buffer"),
                    "momentum_buffer",
                )
            )
        b = s.record("momentum_buffer")
        if s.hp.get("nesterov"):
            rule, numbers = (
                r"\eta\,(g_t + \mu\, b_t)",
                rf"{num(s.lr)}\left({vec(g)} + {num(mu)} {vec(b)}\right)",
            )
        else:
            rule, numbers = r"\eta\, b_t", rf"{num(s.lr)} {vec(b)}"
    else:
        rule, numbers = r"\eta\, g_t", rf"{num(s.lr)} {vec(g)}"
    lines.append(InspectorLine(r"\Delta\theta_t", rule, numbers, s.record("step"), "step"))
    lines.append(_new_position(s))
    return lines


def _rmsprop(s: _Step) -> list[InspectorLine]:
    lines, g = _gradient(s, decoupled=False)
    alpha, eps = s.scalar("alpha"), s.scalar("eps")
    lines.append(_ema(s, "v", "square_avg", r"\alpha", alpha, g, square=True))
    v = s.record("square_avg")
    if "grad_avg" in s.traj.state:
        lines.append(_ema(s, r"\bar g", "grad_avg", r"\alpha", alpha, g))
        ga = s.record("grad_avg")
        denom_rule = r"\sqrt{v_t - \bar g_t^2} + \epsilon"
        denom_numbers = rf"\sqrt{{{vec(v)} - {vec(ga)}^2}} + {num(eps)}"
    else:
        denom_rule = r"\sqrt{v_t} + \epsilon"
        denom_numbers = rf"\sqrt{{{vec(v)}}} + {num(eps)}"
    if "momentum_buffer" in s.traj.state:
        mu = s.scalar("momentum")
        lines.append(
            InspectorLine(
                "b_t",
                rf"\mu\, b_{{t-1}} + \frac{{g_t}}{{{denom_rule}}}",
                rf"{num(mu)} {vec(s.before('momentum_buffer'))} "
                rf"+ \frac{{{vec(g)}}}{{{denom_numbers}}}",
                s.record("momentum_buffer"),
                "momentum_buffer",
            )
        )
        rule, numbers = r"\eta\, b_t", rf"{num(s.lr)} {vec(s.record('momentum_buffer'))}"
    else:
        rule = rf"\eta\, \frac{{g_t}}{{{denom_rule}}}"
        numbers = rf"{num(s.lr)} \frac{{{vec(g)}}}{{{denom_numbers}}}"
    lines.append(InspectorLine(r"\Delta\theta_t", rule, numbers, s.record("step"), "step"))
    lines.append(_new_position(s))
    return lines


def _adagrad(s: _Step) -> list[InspectorLine]:
    lines, g = _gradient(s, decoupled=False)
    start = s.scalar("initial_accumulator_value")
    lines.append(
        InspectorLine(
            "G_t",
            r"G_{t-1} + g_t^2",
            rf"{vec(s.before('sum', start))} + {vec(g)}^2",
            s.record("sum"),
            "sum",
        )
    )
    decay, eps = s.scalar("lr_decay"), s.scalar("eps")
    lr_t = s.lr / (1 + (s.t - 1) * decay)
    lines.append(
        InspectorLine(
            r"\Delta\theta_t",
            r"\frac{\eta}{1 + (t-1)\,\delta}\, \frac{g_t}{\sqrt{G_t} + \epsilon}",
            rf"{num(lr_t)} \frac{{{vec(g)}}}{{\sqrt{{{vec(s.record('sum'))}}} + {num(eps)}}}",
            s.record("step"),
            "step",
        )
    )
    lines.append(_new_position(s))
    return lines


def _adadelta(s: _Step) -> list[InspectorLine]:
    lines, g = _gradient(s, decoupled=False)
    rho, eps = s.scalar("rho"), s.scalar("eps")
    lines.append(_ema(s, "v", "square_avg", r"\rho", rho, g, square=True))
    u_prev = s.before("acc_delta")
    delta = np.sqrt(u_prev + eps) / np.sqrt(s.record("square_avg") + eps) * g
    lines.append(
        InspectorLine(
            r"\Delta x_t",
            r"\frac{\sqrt{u_{t-1} + \epsilon}}{\sqrt{v_t + \epsilon}}\, g_t",
            rf"\frac{{\sqrt{{{vec(u_prev)} + {num(eps)}}}}}"
            rf"{{\sqrt{{{vec(s.record('square_avg'))} + {num(eps)}}}}} {vec(g)}",
            delta,
            "",
        )
    )
    lines.append(
        InspectorLine(
            "u_t",
            r"\rho\, u_{t-1} + (1 - \rho)\, \Delta x_t^2",
            rf"{num(rho)} {vec(u_prev)} + {num(1 - rho)}\, {vec(delta)}^2",
            s.record("acc_delta"),
            "acc_delta",
        )
    )
    lines.append(
        InspectorLine(
            r"\Delta\theta_t",
            r"\eta\, \Delta x_t",
            rf"{num(s.lr)} {vec(delta)}",
            s.record("step"),
            "step",
        )
    )
    lines.append(_new_position(s))
    return lines


def _adamax(s: _Step) -> list[InspectorLine]:
    lines, g = _gradient(s, decoupled=False)
    b1, b2, eps = s.scalar("betas", 0), s.scalar("betas", 1), s.scalar("eps")
    lines.append(_ema(s, "m", "exp_avg", r"\beta_1", b1, g))
    lines.append(
        InspectorLine(
            "u_t",
            r"\max(\beta_2\, u_{t-1}, |g_t| + \epsilon)",
            rf"\max\left({num(b2)} {vec(s.before('exp_inf'))}, |{vec(g)}| + {num(eps)}\right)",
            s.record("exp_inf"),
            "exp_inf",
        )
    )
    lines.append(
        InspectorLine(
            r"\Delta\theta_t",
            r"\frac{\eta}{1 - \beta_1^t}\, \frac{m_t}{u_t}",
            rf"\frac{{{num(s.lr)}}}{{1 - {num(b1)}^{{{s.t}}}}} "
            rf"\frac{{{vec(s.record('exp_avg'))}}}{{{vec(s.record('exp_inf'))}}}",
            s.record("step"),
            "step",
        )
    )
    lines.append(_new_position(s))
    return lines


def _recorded(s: _Step) -> list[InspectorLine]:
    """Any other optimizer: its records after step t, listed with their torch names."""
    decoupled = bool(s.hp.get("decoupled_weight_decay"))
    lines, _ = _gradient(s, decoupled)
    for name in s.traj.state:
        if s.traj.state[name].ndim == 3:
            label = name.replace("_", r"\_")
            lines.append(InspectorLine(rf"\texttt{{{label}}}_t", "", "", s.record(name), name))
    for name, lhs in (("m_hat", r"\hat m_t"), ("v_hat", r"\hat v_t"), ("step", r"\Delta\theta_t")):
        if name in s.traj.derived:
            lines.append(InspectorLine(lhs, "", "", s.record(name), name))
    wd = s.scalar("weight_decay") if decoupled and "weight_decay" in s.hp else 0.0
    lines.append(_new_position(s, wd))
    return lines


# Keyed by the rule name an optimizer's spec gives as ``inspector`` (AdamW uses "adam").
RULES: dict[str, Callable[[_Step], list[InspectorLine]]] = {
    "sgd": _sgd,
    "rmsprop": _rmsprop,
    "adagrad": _adagrad,
    "adadelta": _adadelta,
    "adam": _adam,
    "adamax": _adamax,
}


def inspect_step(traj: Any, t: int, point: int = 0, *, rule: str | None) -> list[InspectorLine]:
    """Step ``t`` (1-based, as torch counts) of ``traj``'s point ``point``, line by line.

    ``rule`` is the optimizer's ``inspector`` (a key of RULES), whose update rule is filled
    in; None lists the recorded buffers and step (NAdam, RAdam, Rprop, ...).
    """
    steps, n_points = traj.grad.shape[0], traj.xy.shape[1]
    if isinstance(t, bool) or not isinstance(t, int | np.integer) or not 1 <= t <= steps:
        raise ValueError(f"t must be a step in [1, {steps}]; got {t!r}")
    if not 0 <= point < n_points:
        raise ValueError(f"point must be an index in [0, {n_points - 1}]; got {point!r}")
    if rule is not None and rule not in RULES:
        raise ValueError(f"rule must be one of {sorted(RULES)} or None; got {rule!r}")
    s = _Step(traj, int(t), point)
    return (_recorded if rule is None else RULES[rule])(s)


def table_rows(lines: list[InspectorLine], lang: str = "en") -> list[dict[str, Any]]:
    """The inspector's numbers at full precision, one row per line, for a table (whose
    cells are Markdown: the quantity as math, the record's torch name as code)."""
    return [
        {
            tr("moments.inspector.quantity", lang): f"${line.lhs}$",
            "x": float(line.value[0]),
            "y": float(line.value[1]),
            tr("moments.inspector.record", lang): f"`{line.record}`" if line.record else "—",
        }
        for line in lines
    ]
