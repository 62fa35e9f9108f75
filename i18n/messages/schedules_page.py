"""Strings of the learning-rate schedules page (pages/schedules.py, viz/schedule_plots.py).

Keys start with ``schedpage.``: ``sched.<name>`` belongs to the schedules' titles."""

_WARMUP_EN = "Ramps linearly from start_factor × lr to lr over warmup_steps, then: "
_WARMUP_ZH = "在 warmup_steps 步内从 start_factor × lr 线性升到 lr，然后："
_SUMMARIES = {
    "constant": (
        "Runs at factor × lr for total_iters steps, then at the full lr.",
        "前 total_iters 步使用 factor × lr，之后使用完整的 lr。",
    ),
    "step": (
        "multiplies the lr by gamma every step_size steps.",
        "每 step_size 步把学习率乘以 gamma。",
    ),
    "multistep": (
        "multiplies the lr by gamma at each listed milestone.",
        "在列出的每个里程碑处把学习率乘以 gamma。",
    ),
    "exponential": ("multiplies the lr by gamma at every step.", "每一步都把学习率乘以 gamma。"),
    "cosine": (
        "follows half a cosine from lr down to eta_min over T_max steps (and back up after).",
        "在 T_max 步内沿半个余弦从 lr 降到 eta_min（之后再升回）。",
    ),
    "cosine_warm_restarts": (
        "cosine from lr to eta_min, then jumps back to lr; cycles grow by T_mult.",
        "沿余弦从 lr 降到 eta_min，然后跳回 lr；每个周期按 T_mult 变长。",
    ),
    "linear": (
        "Moves the multiplier linearly from start_factor to end_factor over total_iters steps.",
        "在 total_iters 步内把倍数从 start_factor 线性变到 end_factor。",
    ),
    "polynomial": (
        "decays the lr to 0 over total_iters steps along (1 − k/T)^power.",
        "在 total_iters 步内沿 (1 − k/T)^power 把学习率衰减到 0。",
    ),
    "onecycle": (
        "Warms up from max_lr/div_factor to max_lr, then anneals far below the start "
        "(momentum is not cycled).",
        "先从 max_lr/div_factor 预热到 max_lr，再退火到远低于起点的值（动量不随之循环）。",
    ),
    "cyclic": (
        "Bounces the lr between base_lr and max_lr in triangles (momentum is not cycled).",
        "让学习率在 base_lr 与 max_lr 之间按三角形来回变化（动量不随之循环）。",
    ),
    "lambda": (
        "Multiplies the lr by a function of the step t that you write, e.g. 0.95**t.",
        "把学习率乘以你写下的关于步数 t 的函数，例如 0.95**t。",
    ),
    "plateau": (
        "Cuts the lr by factor when the loss stops improving, separately for every start point.",
        "当损失不再下降时把学习率乘以 factor，每个起点分别计算。",
    ),
}


def _summary(name: str) -> dict[str, str]:
    en, zh = _SUMMARIES[name]
    return {"en": en[0].upper() + en[1:], "zh": zh}


def _warmup_summary(after: str) -> dict[str, str]:
    en, zh = _SUMMARIES[after]
    return {"en": _WARMUP_EN + en[0].lower() + en[1:], "zh": _WARMUP_ZH + zh}


MESSAGES: dict[str, dict[str, str]] = {
    "schedpage.fig.lr": {"en": "learning rate", "zh": "学习率"},
    "schedpage.fig.rising": {"en": "lr rising (warm-up)", "zh": "学习率上升（预热）"},
    "schedpage.title": {"en": "Learning-rate schedules", "zh": "学习率调度"},
    "schedpage.intro": {
        "en": (
            "A schedule changes the learning rate as training goes on: large steps early to "
            "travel, small steps late to settle. Pick a few schedules to compare their lr(t) "
            "with their formulas (LambdaLR takes any formula in t, such as 0.95**t), then "
            "watch the same optimizer run under each of them on the chosen surface."
        ),
        "zh": (
            "学习率调度会随着训练进行改变学习率：早期用大步长快速前进，后期用小步长稳定下来。"
            "选几个调度比较它们的 lr(t) 与公式（LambdaLR 接受任何关于 t 的公式，例如 0.95**t），"
            "然后观察同一个优化器在所选曲面上分别使用它们时如何运行。"
        ),
    },
    "schedpage.choose": {"en": "Schedules to compare", "zh": "要比较的调度"},
    "schedpage.choose_help": {
        "en": "At most {max}; each gets its own colour in every chart.",
        "zh": "最多 {max} 个；每个调度在所有图中都有自己的颜色。",
    },
    "schedpage.log_y": {"en": "Log scale for the lr", "zh": "学习率使用对数坐标"},
    "schedpage.band_caption": {
        "en": (
            "Wide translucent bands mark where the lr rises: the warm-up, the first phase of "
            "one-cycle, the ramps of a cyclic schedule. Reduce-on-plateau follows the loss, "
            "so its curve comes from the run itself."
        ),
        "zh": (
            "宽的半透明色带标出学习率上升的阶段：预热、单周期的第一阶段、循环调度的上升段。"
            "ReduceLROnPlateau 跟随损失变化，因此它的曲线来自实际运行。"
        ),
    },
    "schedpage.paths.title": {"en": "The paths they produce", "zh": "它们产生的路径"},
    "schedpage.paths.explain": {
        "en": (
            "The optimizer of the sidebar, from the same start, once per schedule. A warm-up "
            "keeps the first steps small while momentum and the second-moment estimates "
            "settle; a decaying lr turns the zig-zag across a valley into a careful descent "
            "along it."
        ),
        "zh": (
            "侧边栏中的优化器从同一起点出发，每个调度各运行一次。预热让最初几步保持较小，"
            "等动量和二阶矩估计稳定下来；衰减的学习率把横跨山谷的之字形变成沿谷底的谨慎下降。"
        ),
    },
    "schedpage.error": {"en": "{name} failed: {error}", "zh": "{name} 出错：{error}"},
    "schedpage.constant_lr": {"en": "the lr stays as set", "zh": "学习率保持设定值"},
    **{f"schedpage.summary.{name}": _summary(name) for name in _SUMMARIES},
    **{
        f"schedpage.summary.warmup_{after}": _warmup_summary(after)
        for after in (
            "cosine",
            "cosine_warm_restarts",
            "step",
            "multistep",
            "exponential",
            "polynomial",
        )
    },
}
