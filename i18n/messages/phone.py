"""Light pages on a phone: the labels of the popovers that keep the rarer controls one
click away, each showing what is set inside, and of the picker of the optimizer shown."""

MESSAGES: dict[str, dict[str, str]] = {
    "pg.more": {"en": "More settings", "zh": "更多设置"},
    "pg.shown_panel": {"en": "Optimizer shown", "zh": "显示的优化器"},
    "pg.noise_more": {
        "en": "Noise {noise} · batch {batch} · seed {seed}",
        "zh": "噪声 {noise} · 批量 {batch} · 种子 {seed}",
    },
    "pg.view_more": {
        "en": "Play speed {speed}× · tolerance {tol}",
        "zh": "播放速度 {speed}× · 容差 {tol}",
    },
}
