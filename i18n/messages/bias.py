"""Strings of the bias-correction page (pages/bias_correction.py, viz/bias.py)."""

MESSAGES: dict[str, dict[str, str]] = {
    "bias.fig.factors": {"en": "factors 1 − βᵗ", "zh": "因子 1 − βᵗ"},
    "bias.fig.corrections": {
        "en": "corrections 1 / (1 − βᵗ) (log)",
        "zh": "校正系数 1 / (1 − βᵗ)（对数）",
    },
    "bias.fig.keras_factor": {
        "en": "Keras ε acts × 1/√(1 − β₂ᵗ)",
        "zh": "Keras 的 ε 相当于 × 1/√(1 − β₂ᵗ)",
    },
    "bias.fig.first_moment": {
        "en": "first moment: m (raw) and m̂ (corrected)",
        "zh": "一阶矩估计：m（原始）与 m̂（校正后）",
    },
    "bias.fig.second_moment": {
        "en": "second moment: v (raw) and v̂ (corrected), log",
        "zh": "二阶矩估计：v（原始）与 v̂（校正后），对数",
    },
    "bias.fig.step_length": {"en": "step length |Δθ| (log)", "zh": "步长 |Δθ|（对数）"},
    # page
    "bias.title": {"en": "Bias correction", "zh": "偏差校正"},
    "bias.intro": {
        "en": (
            "Adam's moving averages m and v start at zero, so during the first steps they "
            "are biased toward zero: after t steps of the same gradient g, m_t is only "
            "(1 − β₁ᵗ)·g. Bias correction divides that factor back out. This page shows the "
            "factors, the raw and corrected moments of a real run, and what happens to the "
            "path when the correction (or another detail of the rule) changes."
        ),
        "zh": (
            "Adam 的滑动平均 m 和 v 从零开始，因此在最初几步中会偏向零：连续 t 步都是同一个"
            "梯度 g 时，m_t 只有 (1 − β₁ᵗ)·g。偏差校正就是把这个因子除回去。本页展示这些因子、"
            "一次真实运行中的原始与校正后的矩估计，以及校正（或更新规则的其他细节）改变时路径"
            "会发生什么。"
        ),
    },
    "bias.factors.title": {"en": "The factors 1 − βᵗ", "zh": "因子 1 − βᵗ"},
    "bias.factors.explain": {
        "en": (
            "1 − β₁ᵗ reaches 1 after a few dozen steps for β₁ = 0.9, but 1 − β₂ᵗ needs "
            "thousands for β₂ = 0.999: without correction the second moment is far too small "
            "for a long time. The grey curve shows how much larger Keras' ε acts, because "
            "Keras adds it before correcting v."
        ),
        "zh": (
            "当 β₁ = 0.9 时，1 − β₁ᵗ 几十步后就接近 1；但当 β₂ = 0.999 时，1 − β₂ᵗ 需要几千步："
            "不做校正的话，二阶矩估计会在很长时间内都太小。灰色曲线显示 Keras 的 ε 相当于放大了"
            "多少倍，因为 Keras 在校正 v 之前就加上了它。"
        ),
    },
    "bias.factors.horizon": {"en": "Steps shown", "zh": "显示的步数"},
    "bias.run.title": {
        "en": "m vs m̂ and v vs v̂ in a real run",
        "zh": "真实运行中的 m 与 m̂、v 与 v̂",
    },
    "bias.run.explain": {
        "en": (
            "The optimizer chosen in the sidebar, on the chosen surface: faint lines are the "
            "raw moments, solid lines the corrected ones (x coordinate solid, y dashed). They "
            "meet once 1 − βᵗ has reached 1."
        ),
        "zh": (
            "侧边栏中选择的优化器在所选曲面上运行：淡色线是原始矩估计，深色线是校正后的"
            "（x 坐标为实线，y 为虚线）。当 1 − βᵗ 接近 1 时两者重合。"
        ),
    },
    "bias.compare.title": {"en": "Side by side", "zh": "并排比较"},
    "bias.compare.choice": {"en": "Compare", "zh": "比较"},
    "bias.compare.bias_correction": {
        "en": "with vs without bias correction",
        "zh": "有无偏差校正",
    },
    "bias.compare.epsilon": {"en": "torch's ε vs Keras' ε", "zh": "torch 的 ε 与 Keras 的 ε"},
    "bias.compare.weight_decay": {
        "en": "L2 (Adam) vs decoupled decay (AdamW)",
        "zh": "L2 正则（Adam）与解耦权重衰减（AdamW）",
    },
    "bias.compare.bias_correction.explain": {
        "en": (
            "Without correction the first step is m₁/√v₁ = (1 − β₁)/√(1 − β₂) ≈ 3.2 times "
            "lr per coordinate with the default betas: too large a first step, then steps "
            "that shrink while v catches up. With correction every early step is about lr."
        ),
        "zh": (
            "不做校正时，在默认 beta 下第一步为 m₁/√v₁ = (1 − β₁)/√(1 − β₂) ≈ 每个坐标 3.2 倍 lr："
            "第一步太大，随后步长随着 v 追上来而缩小。做了校正后，每个早期步长都约为 lr。"
        ),
    },
    "bias.compare.epsilon.explain": {
        "en": (
            "Keras adds ε to √v before the bias correction (its “epsilon hat”), torch after. "
            "The same number then acts 1/√(1 − β₂ᵗ) times larger in Keras, about 31.6× at "
            "t = 1: the difference shows where the gradient is small compared with ε."
        ),
        "zh": (
            "Keras 在偏差校正之前把 ε 加到 √v 上（即 epsilon hat），torch 则在校正之后加。"
            "于是同一个数值在 Keras 中相当于放大了 1/√(1 − β₂ᵗ) 倍，t = 1 时约为 31.6 倍："
            "在梯度相对 ε 较小的地方差别就显现出来。"
        ),
    },
    "bias.compare.weight_decay.explain": {
        "en": (
            "Adam's weight_decay adds λθ to the gradient, so the decay passes through the "
            "normalization by √v̂ and is weak where gradients are large. AdamW shrinks the "
            "point itself by ηλ every step, the same everywhere."
        ),
        "zh": (
            "Adam 的 weight_decay 把 λθ 加到梯度上，因此衰减也会经过 √v̂ 的归一化，在梯度大的"
            "地方作用很弱。AdamW 则每一步直接把点本身缩小 ηλ，处处相同。"
        ),
    },
    "bias.compare.eps": {"en": "ε for both runs", "zh": "两次运行使用的 ε"},
    "bias.compare.wd": {"en": "weight decay λ for both runs", "zh": "两次运行使用的权重衰减 λ"},
    "bias.compare.lengths_caption": {
        "en": "Length of each step in the first steps (log axis): where the two rules differ most.",
        "zh": "最初若干步中每一步的长度（对数轴）：两种规则差别最大的地方。",
    },
    "bias.variant.bias_correction.a": {"en": "with bias correction", "zh": "有偏差校正"},
    "bias.variant.bias_correction.b": {"en": "without bias correction", "zh": "无偏差校正"},
    "bias.variant.epsilon.a": {"en": "torch ε", "zh": "torch 的 ε"},
    "bias.variant.epsilon.b": {"en": "Keras ε (epsilon hat)", "zh": "Keras 的 ε（epsilon hat）"},
    "bias.variant.weight_decay.a": {"en": "Adam, L2 penalty", "zh": "Adam，L2 惩罚"},
    "bias.variant.weight_decay.b": {"en": "AdamW, decoupled decay", "zh": "AdamW，解耦衰减"},
}
