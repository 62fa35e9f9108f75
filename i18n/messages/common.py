"""Strings shared by the app shell and every page."""

MESSAGES: dict[str, dict[str, str]] = {
    "app.title": {"en": "Optimizer Trajectory Lab", "zh": "优化器轨迹实验室"},
    "app.tagline": {
        "en": "Watch optimization algorithms move across 2D loss surfaces.",
        "zh": "观察优化算法在二维损失曲面上如何移动。",
    },
    "app.language": {"en": "Language", "zh": "语言"},
    "nav.home": {"en": "Home", "zh": "首页"},
    "nav.playground": {"en": "Playground", "zh": "游乐场"},
    "nav.moments": {"en": "Moment estimates", "zh": "矩估计"},
    "nav.bias_correction": {"en": "Bias correction", "zh": "偏差校正"},
    "nav.schedules": {"en": "Learning-rate schedules", "zh": "学习率调度"},
    "nav.sweep": {"en": "Sweeps and basins", "zh": "超参数扫描与吸引域"},
    "home.intro": {
        "en": (
            "A lab for the classroom: pick a loss surface, start several optimizers from the "
            "same point and watch their paths, their internal state and their learning rates "
            "side by side. Every view is a shareable link."
        ),
        "zh": (
            "一个用于课堂的实验室：选择一个损失曲面，让多个优化器从同一点出发，"
            "并排观察它们的路径、内部状态和学习率。每个视图都是可分享的链接。"
        ),
    },
    "home.pages": {"en": "What each page teaches", "zh": "各页面讲什么"},
    "home.playground": {
        "en": "Several optimizers on one surface, animated side by side.",
        "zh": "多个优化器在同一曲面上并排动画演示。",
    },
    "home.moments": {
        "en": "m_t, v_t and the other state buffers; gradient vs momentum vs the step taken.",
        "zh": "m_t、v_t 等状态缓冲区；梯度、动量与实际步长的对比。",
    },
    "home.bias_correction": {
        "en": "1 − βᵗ, m vs m̂, v vs v̂: what bias correction fixes in the first steps.",
        "zh": "1 − βᵗ、m 与 m̂、v 与 v̂：偏差校正在最初几步修正了什么。",
    },
    "home.schedules": {
        "en": "Learning-rate schedules and the paths they produce.",
        "zh": "学习率调度及其产生的路径。",
    },
    "home.sweep": {
        "en": "Hyperparameter heatmaps and basins of attraction from one vectorized run.",
        "zh": "由一次向量化运行得到的超参数热力图与吸引域。",
    },
}
