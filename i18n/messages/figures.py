"""Strings drawn inside figures: axis titles, legend names, animation controls, table headers."""

MESSAGES: dict[str, dict[str, str]] = {
    # animation controls
    "fig.play": {"en": "▶ Play", "zh": "▶ 播放"},
    "fig.pause": {"en": "▮▮ Pause", "zh": "▮▮ 暂停"},
    "fig.replay": {"en": "↺ Replay", "zh": "↺ 重播"},
    "fig.step_prefix": {"en": "step ", "zh": "步数 "},
    # axes and legend
    "fig.step": {"en": "step", "zh": "步数"},
    "fig.value": {"en": "f(x, y)", "zh": "f(x, y)"},
    "fig.log_value": {"en": "log₁₀(f − min f)", "zh": "log₁₀(f − f 的最小值)"},
    "fig.loss": {"en": "loss", "zh": "损失"},
    "fig.loss_gap": {"en": "loss − f* (log)", "zh": "损失 − f*（对数）"},
    "fig.distance": {"en": "distance to nearest minimum (log)", "zh": "到最近极小值的距离（对数）"},
    "fig.minimum": {"en": "minimum", "zh": "极小值"},
    "fig.saddle": {"en": "saddle point", "zh": "鞍点"},
    "fig.start": {"en": "start", "zh": "起点"},
    "fig.current": {"en": "current step", "zh": "当前步"},
    "fig.click_to_start": {"en": "click: start here", "zh": "点击：从这里出发"},
    "fig.diverged_at": {
        "en": "{name}: diverged at step {step}",
        "zh": "{name}：在第 {step} 步发散",
    },
    "fig.diverged_outside": {
        "en": "{name} diverged at step {step},<br>last finite point ({x}, {y})",
        "zh": "{name} 在第 {step} 步发散，<br>最后的有限点 ({x}, {y})",
    },
    "fig.surface_3d": {"en": "surface", "zh": "曲面"},
    # summary table
    "fig.table.optimizer": {"en": "optimizer", "zh": "优化器"},
    "fig.table.final_loss": {"en": "final loss", "zh": "最终损失"},
    "fig.table.best_loss": {"en": "best loss", "zh": "最佳损失"},
    "fig.table.steps_to_tol": {
        "en": "steps to loss − f* ≤ {tol}",
        "zh": "达到 损失 − f* ≤ {tol} 的步数",
    },
    "fig.table.diverged": {"en": "divergence", "zh": "发散"},
    "fig.table.final_point": {"en": "final point", "zh": "终点"},
    "fig.table.distance": {"en": "distance to nearest minimum", "zh": "到最近极小值的距离"},
    "fig.table.never": {"en": "no", "zh": "否"},
    "fig.table.diverged_at": {"en": "at step {step}", "zh": "第 {step} 步"},
    "fig.table.not_reached": {"en": "not reached", "zh": "未达到"},
    "fig.table.unknown": {"en": "f* unknown", "zh": "f* 未知"},
}
