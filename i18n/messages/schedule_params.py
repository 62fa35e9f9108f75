"""Labels of the learning-rate schedules' parameters: a few words, then torch's own name."""

_LABELS = {
    "T_0": ("first restart period T_0", "首个重启周期 T_0"),
    "T_max": ("half period T_max", "半周期 T_max"),
    "T_mult": ("period multiplier T_mult", "周期倍增因子 T_mult"),
    "anneal_strategy": ("annealing shape anneal_strategy", "退火方式 anneal_strategy"),
    "base_lr": ("lowest learning rate base_lr", "最低学习率 base_lr"),
    "cooldown": ("cool-down steps cooldown", "冷却步数 cooldown"),
    "div_factor": ("start divisor div_factor", "初始除数 div_factor"),
    "end_factor": ("end factor end_factor", "结束因子 end_factor"),
    "eps": ("smallest change eps", "最小变化量 eps"),
    "eta_min": ("floor learning rate eta_min", "最低学习率 eta_min"),
    "factor": ("factor", "缩放因子 factor"),
    "final_div_factor": ("final divisor final_div_factor", "最终除数 final_div_factor"),
    "gamma": ("decay gamma", "衰减率 gamma"),
    "lr_lambda": ("multiplier formula in t lr_lambda", "关于 t 的乘子公式 lr_lambda"),
    "max_lr": ("peak learning rate max_lr", "峰值学习率 max_lr"),
    "milestones": ("milestone steps milestones", "里程碑步数 milestones"),
    "min_lr": ("lowest learning rate min_lr", "最低学习率 min_lr"),
    "mode": ("mode", "模式 mode"),
    "patience": ("patience (steps) patience", "耐心步数 patience"),
    "pct_start": ("rising share pct_start", "上升阶段占比 pct_start"),
    "power": ("power", "幂次 power"),
    "start_factor": ("start factor start_factor", "起始因子 start_factor"),
    "step_size": ("steps between decays step_size", "衰减间隔步数 step_size"),
    "step_size_down": ("falling steps step_size_down", "下降步数 step_size_down"),
    "step_size_up": ("rising steps step_size_up", "上升步数 step_size_up"),
    "three_phase": ("three phases three_phase", "三阶段 three_phase"),
    "threshold": ("improvement threshold threshold", "改进阈值 threshold"),
    "threshold_mode": ("threshold mode threshold_mode", "阈值模式 threshold_mode"),
    "total_iters": ("steps of the change total_iters", "变化持续步数 total_iters"),
    "total_steps": ("cycle length total_steps", "周期总步数 total_steps"),
    "warmup_steps": ("warm-up steps warmup_steps", "预热步数 warmup_steps"),
}

MESSAGES: dict[str, dict[str, str]] = {
    f"sched.label.{name}": {"en": en, "zh": zh} for name, (en, zh) in _LABELS.items()
}
