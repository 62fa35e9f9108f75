"""The schedules, as data: adding one is a factory in ``curves`` plus one entry here."""

from __future__ import annotations

from constraints import Flag, Formula, IntegerList, Interval
from optimizers.schedules import curves
from optimizers.schedules.param import (
    FRACTION,
    NON_NEGATIVE,
    POSITIVE,
    Param,
    choice,
    count,
    eta_min,
    factor,
    gamma,
    horizon,
    lr_bound,
)
from optimizers.schedules.plateau import plateau
from optimizers.schedules.spec import Spec
from optimizers.schedules.warmup import warmup

CONSTANT = Spec(
    name="constant",
    title="Constant factor (ConstantLR)",
    torch_class="ConstantLR",
    params=(
        factor("factor", "multiplier applied before total_iters"),
        count("total_iters", 5, "steps that use the reduced lr", 1, 500),
    ),
    formula_latex=(
        r"\eta_k = \eta \cdot \begin{cases} \mathrm{factor} & k < \mathrm{total\_iters} \\"
        r" 1 & k \ge \mathrm{total\_iters} \end{cases}"
    ),
    summary="Runs at factor x lr for total_iters steps, then at the full lr.",
    build=curves.constant,
)

STEP = Spec(
    name="step",
    title="Step decay (StepLR)",
    torch_class="StepLR",
    params=(
        count("step_size", 50, "steps between decays (torch: required)", 1, 500),
        gamma(0.1, "multiplier at every decay", (0.01, 1.0)),
    ),
    formula_latex=r"\eta_k = \eta\,\gamma^{\lfloor k / \mathrm{step\_size} \rfloor}",
    summary="Multiplies the lr by gamma every step_size steps.",
    build=curves.step,
)

MULTISTEP = Spec(
    name="multistep",
    title="Decay at milestones (MultiStepLR)",
    torch_class="MultiStepLR",
    params=(
        Param(
            "milestones",
            (50, 100, 150),
            "steps at which the lr is multiplied by gamma "
            "(torch: required; a repeated milestone decays twice)",
            IntegerList(Interval(int, 0)),
        ),
        gamma(0.1, "multiplier at every milestone", (0.01, 1.0)),
    ),
    formula_latex=r"\eta_k = \eta\,\gamma^{\,\#\{m \in \mathrm{milestones}\,:\, m \le k\}}",
    summary="Multiplies the lr by gamma at each listed milestone.",
    build=curves.multistep,
)

EXPONENTIAL = Spec(
    name="exponential",
    title="Exponential decay (ExponentialLR)",
    torch_class="ExponentialLR",
    params=(gamma(0.99, "multiplier at every step (torch: required)", (0.9, 1.0)),),
    formula_latex=r"\eta_k = \eta\,\gamma^{k}",
    summary="Multiplies the lr by gamma at every step.",
    build=curves.exponential,
)

COSINE = Spec(
    name="cosine",
    title="Cosine annealing (CosineAnnealingLR)",
    torch_class="CosineAnnealingLR",
    params=(
        count(
            "T_max",
            None,
            "half-period in steps (torch: required; None: steps)",
            1,
            5000,
            derive=horizon,
        ),
        eta_min(),
    ),
    formula_latex=(
        r"\eta_k = \eta_{\min} + \tfrac{1}{2}(\eta - \eta_{\min})"
        r"\left(1 + \cos\frac{\pi k}{T_{\max}}\right)"
    ),
    summary="Follows half a cosine from lr down to eta_min over T_max steps (and back up after).",
    build=curves.cosine,
)

COSINE_WARM_RESTARTS = Spec(
    name="cosine_warm_restarts",
    title="Cosine with warm restarts (CosineAnnealingWarmRestarts)",
    torch_class="CosineAnnealingWarmRestarts",
    params=(
        count("T_0", 50, "length of the first cycle in steps (torch: required)", 1, 1000),
        count("T_mult", 1, "each cycle is T_mult times longer than the last", 1, 4),
        eta_min(),
    ),
    formula_latex=(
        r"\eta_k = \eta_{\min} + \tfrac{1}{2}(\eta - \eta_{\min})"
        r"\left(1 + \cos\frac{\pi T_{\mathrm{cur}}}{T_i}\right),\ "
        r"T_i = T_0\,T_{\mathrm{mult}}^{\,i}"
    ),
    summary="Cosine from lr to eta_min, then jumps back to lr; cycles grow by T_mult.",
    build=curves.cosine_warm_restarts,
)

LINEAR = Spec(
    name="linear",
    title="Linear ramp (LinearLR)",
    torch_class="LinearLR",
    params=(
        factor("start_factor", "multiplier at step 0"),
        Param("end_factor", 1.0, "multiplier from total_iters on", FRACTION),
        count("total_iters", 5, "steps of the ramp", 1, 1000),
    ),
    formula_latex=(
        r"\eta_k = \eta\left(s + (e - s)\,\frac{\min(k, T)}{T}\right),\ "
        r"s = \mathrm{start\_factor},\ e = \mathrm{end\_factor},\ T = \mathrm{total\_iters}"
    ),
    summary="Moves the multiplier linearly from start_factor to end_factor over total_iters steps.",
    build=curves.linear,
)

POLYNOMIAL = Spec(
    name="polynomial",
    title="Polynomial decay (PolynomialLR)",
    torch_class="PolynomialLR",
    params=(
        count("total_iters", 5, "steps until the lr reaches 0", 1, 1000),
        Param("power", 1.0, "exponent of the decay (1: linear)", NON_NEGATIVE, slider=(0.0, 5.0)),
    ),
    formula_latex=(
        r"\eta_k = \eta\left(1 - \frac{\min(k, T)}{T}\right)^{p},\ "
        r"T = \mathrm{total\_iters},\ p = \mathrm{power}"
    ),
    summary="Decays the lr to 0 over total_iters steps along (1 - k/T)^power.",
    build=curves.polynomial,
)

ONECYCLE = Spec(
    name="onecycle",
    title="One cycle (OneCycleLR)",
    torch_class="OneCycleLR",
    params=(
        lr_bound("max_lr", "peak lr (torch: required; None: lr)", lambda lr, steps, p: lr),
        count("total_steps", None, "length of the cycle (None: steps)", 1, 5000, derive=horizon),
        Param("pct_start", 0.3, "fraction of the cycle spent increasing the lr", FRACTION),
        choice("anneal_strategy", "cos", "shape of each phase", ("cos", "linear")),
        Param(
            "div_factor",
            25.0,
            "initial lr = max_lr / div_factor",
            POSITIVE,
            slider=(1.0, 1e3),
            log=True,
        ),
        Param(
            "final_div_factor",
            1e4,
            "final lr = initial lr / final_div_factor",
            POSITIVE,
            slider=(1.0, 1e6),
            log=True,
        ),
        Param("three_phase", False, "go back down to the initial lr before annealing", Flag()),
    ),
    formula_latex=(
        r"\eta_k = a_{\mathrm{end}} + \tfrac{1}{2}(a_{\mathrm{start}} - a_{\mathrm{end}})"
        r"\left(1 + \cos \pi p_k\right)\ \text{(cos) or}\ "
        r"a_{\mathrm{start}} + (a_{\mathrm{end}} - a_{\mathrm{start}})\,p_k\ \text{(linear)},\ "
        r"\frac{\eta_{\max}}{d} \to \eta_{\max} \to \frac{\eta_{\max}}{d\,d_f}"
    ),
    summary=(
        "Warms up from max_lr/div_factor to max_lr, then anneals far below the start "
        "(momentum is not cycled)."
    ),
    build=curves.onecycle,
    check=curves.check_onecycle,
)

CYCLIC = Spec(
    name="cyclic",
    title="Cyclical lr (CyclicLR)",
    torch_class="CyclicLR",
    params=(
        lr_bound(
            "base_lr",
            "lower bound of the cycle (torch: required; None: lr / 10)",
            lambda lr, steps, p: lr / 10,
        ),
        lr_bound(
            "max_lr",
            "upper bound of the cycle (torch: required; None: lr)",
            lambda lr, steps, p: lr,
        ),
        count("step_size_up", 2000, "steps of the rising half", 1, 2000),
        count(
            "step_size_down",
            None,
            "steps of the falling half (None: step_size_up)",
            1,
            2000,
            derive=lambda lr, steps, p: p["step_size_up"],
        ),
        choice(
            "mode",
            "triangular",
            "triangular: constant height; triangular2: halved "
            "every cycle; exp_range: height times gamma^k",
            ("triangular", "triangular2", "exp_range"),
        ),
        gamma(1.0, "exp_range decay per step", (0.9, 1.0)),
    ),
    formula_latex=(
        r"c = \left\lfloor 1 + \frac{k}{u + d} \right\rfloor,\ "
        r"x = 1 + \frac{k}{u + d} - c,\ "
        r"\eta_k = \eta_{\mathrm{base}} + (\eta_{\max} - \eta_{\mathrm{base}})\,"
        r"h(x)\,s,\ h(x) = \begin{cases} \frac{x(u+d)}{u} & x \le \frac{u}{u+d} \\"
        r" \frac{(1 - x)(u+d)}{d} & \text{else} \end{cases},\ "
        r"s = 1,\ 2^{1-c},\ \gamma^{k}"
    ),
    summary="Bounces the lr between base_lr and max_lr in triangles (momentum is not cycled).",
    build=curves.cyclic,
)

LAMBDA = Spec(
    name="lambda",
    title="Any formula (LambdaLR)",
    torch_class="LambdaLR",
    params=(
        Param(
            "lr_lambda",
            "0.95**t",
            "multiplier as a formula in the step t, or a Python callable of the step",
            Formula("a formula in t (text) or a Python callable of the step", callables=True),
        ),
    ),
    formula_latex=r"\eta_k = \eta\,\lambda(k)",
    summary="Multiplies the lr by a function of the step that you write.",
    build=curves.lambda_lr,
)

PLATEAU = Spec(
    name="plateau",
    title="Reduce on plateau (ReduceLROnPlateau)",
    torch_class="ReduceLROnPlateau",
    params=(
        choice(
            "mode",
            "min",
            "min: the loss should go down; max: the metric should go up",
            ("min", "max"),
        ),
        Param(
            "factor",
            0.1,
            "multiplier at every reduction",
            Interval(float, 0.0, 1.0, "left"),
            slider=(0.01, 0.99),
        ),
        count("patience", 10, "bad steps tolerated before a reduction", 0, 100),
        Param(
            "threshold",
            1e-4,
            "smallest change that counts as an improvement",
            NON_NEGATIVE,
            slider=(1e-6, 1.0),
            log=True,
        ),
        choice("threshold_mode", "rel", "rel: relative to the best; abs: absolute", ("rel", "abs")),
        count("cooldown", 0, "steps to wait after a reduction", 0, 100),
        Param("min_lr", 0.0, "the lr never goes below this", NON_NEGATIVE, slider=(0.0, 0.1)),
        Param(
            "eps",
            1e-8,
            "reductions smaller than this are skipped",
            NON_NEGATIVE,
            slider=(1e-12, 1e-2),
            log=True,
        ),
    ),
    formula_latex=(
        r"\eta_{k+1} = \begin{cases} \max(\mathrm{factor}\cdot\eta_k,\ \eta_{\min}) &"
        r" \text{more than patience steps without improvement} \\ \eta_k & \text{else}"
        r" \end{cases}"
    ),
    summary=(
        "Cuts the lr by factor when the loss stops improving, separately for every start point."
    ),
    build=plateau,
    loss_driven=True,
)

REGISTRY: dict[str, Spec] = {
    spec.name: spec
    for spec in (
        CONSTANT,
        STEP,
        MULTISTEP,
        EXPONENTIAL,
        COSINE,
        COSINE_WARM_RESTARTS,
        LINEAR,
        POLYNOMIAL,
        ONECYCLE,
        CYCLIC,
        LAMBDA,
        PLATEAU,
        warmup(COSINE, horizon="T_max"),
        warmup(COSINE_WARM_RESTARTS),
        warmup(STEP),
        warmup(MULTISTEP),
        warmup(EXPONENTIAL),
        warmup(POLYNOMIAL, horizon="total_iters"),
    )
}
