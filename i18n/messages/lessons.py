"""Strings shared by the teaching pages' link handling (ui/settings/)."""

MESSAGES: dict[str, dict[str, str]] = {
    "lesson.link.one_optimizer": {
        "en": "this page shows {max} optimizer(s); the others are left out",
        "zh": "本页面只显示 {max} 个优化器，其余的被省略",
    },
    "lesson.link.schedules": {
        "en": "expected known schedule names, at most {max}",
        "zh": "应为已知的调度名称，最多 {max} 个",
    },
    "lesson.link.axes_differ": {
        "en": "the two axes must be different hyperparameters",
        "zh": "两个坐标轴必须是不同的超参数",
    },
    "lesson.link.work": {
        "en": "too much work for one request (grid cells × steps)",
        "zh": "单次请求的计算量过大（网格数 × 步数）",
    },
    "lesson.link.basins": {
        "en": "at most {max} optimizers in the basins map",
        "zh": "吸引域图最多 {max} 个优化器",
    },
    "lesson.link.axis_range": {
        "en": "expected from < to, both allowed values of {name} (from > 0 on a log axis)",
        "zh": "应满足 从 < 到，且都是 {name} 的允许值（对数轴上 从 > 0）",
    },
}
