"""Help texts scoped to one optimizer or schedule: ``hp.<optimizer>.<name>.help`` and
``sched.param.<schedule>.<name>``, where the shared text of that name would mislead
(ui.controls.scoped_key picks them; tests/ui/test_playground_settings.py asks for them)."""

MESSAGES = {
    "hp.rmsprop.momentum.help": {
        "en": "Fraction of the previous normalized step kept in the momentum buffer.",
        "zh": "动量缓冲区中保留的上一步（已归一化）步长的比例。",
    },
    "sched.param.linear.total_iters": {
        "en": "Steps of the ramp from start_factor to end_factor.",
        "zh": "从 start_factor 线性变化到 end_factor 的步数。",
    },
    "sched.param.polynomial.total_iters": {
        "en": "Steps until the lr reaches 0.",
        "zh": "学习率降到 0 所需的步数。",
    },
    "sched.param.multistep.gamma": {
        "en": "Multiplier at every milestone.",
        "zh": "每个里程碑处的乘数。",
    },
    "sched.param.exponential.gamma": {
        "en": "Multiplier at every step.",
        "zh": "每一步的乘数。",
    },
    "sched.param.cyclic.gamma": {
        "en": "exp_range only: the height of the cycle is multiplied by gamma at every step.",
        "zh": "仅用于 exp_range：周期的振幅每一步乘以 gamma。",
    },
    "sched.param.cyclic.max_lr": {
        "en": "Upper bound of the cycle (default: lr).",
        "zh": "周期的上界（默认：lr）。",
    },
    "sched.param.plateau.factor": {
        "en": "Multiplier applied to the lr at every reduction.",
        "zh": "每次降低时学习率乘以的系数。",
    },
}
