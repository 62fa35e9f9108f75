"""繁體中文 for the keys of ``i18n/messages/phone.py``."""

MESSAGES: dict[str, str] = {
    "pg.more": "更多設定",
    "pg.shown_panel": "顯示的優化器",
    "pg.noise_more": "雜訊 {noise} · 批次 {batch} · 種子 {seed}",
    "pg.view_more": "播放速度 {speed}× · 容差 {tol}",
}
