"""繁體中文 for the keys of ``i18n/messages/scoped_help.py``."""

MESSAGES: dict[str, str] = {
    "hp.rmsprop.momentum.help": "動量緩衝區中保留的上一步（已正規化）步長的比例。",
    "sched.param.linear.total_iters": "從 start_factor 線性變化到 end_factor 的步數。",
    "sched.param.polynomial.total_iters": "學習率降到 0 所需的步數。",
    "sched.param.multistep.gamma": "每個里程碑處的乘數。",
    "sched.param.exponential.gamma": "每一步的乘數。",
    "sched.param.cyclic.gamma": "僅用於 exp_range：週期的振幅每一步乘以 gamma。",
    "sched.param.cyclic.max_lr": "週期的上界（預設：lr）。",
    "sched.param.plateau.factor": "每次降低時學習率乘以的係數。",
}
