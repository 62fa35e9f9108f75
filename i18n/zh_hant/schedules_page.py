"""繁體中文 for the keys of ``i18n/messages/schedules_page.py``."""

MESSAGES: dict[str, str] = {
    "schedpage.fig.lr": "學習率",
    "schedpage.fig.rising": "學習率上升（預熱）",
    "schedpage.title": "學習率排程",
    "schedpage.intro": (
        "學習率排程會隨著訓練進行改變學習率：早期用大步長快速前進，後期用小步長穩定下來。選"
        "幾個排程比較它們的 lr(t) 與公式（LambdaLR 接受任何關於 t 的公式，例如 0.95**t），"
        "然後觀察同一個優化器在所選曲面上分別使用它們時如何執行。"
    ),
    "schedpage.choose": "要比較的排程",
    "schedpage.choose_help": "最多 {max} 個；每個排程在所有圖中都有自己的顏色。",
    "schedpage.log_y": "學習率使用對數座標",
    "schedpage.band_caption": (
        "寬的半透明色帶標出學習率上升的階段：預熱、單週期的第一階段、循環排程的上升段。Redu"
        "ceLROnPlateau 跟隨損失變化，因此它的曲線來自實際執行。"
    ),
    "schedpage.paths.title": "它們產生的路徑",
    "schedpage.paths.explain": (
        "側邊欄中的優化器從同一起點出發，每個排程各執行一次。預熱讓最初幾步保持較小，等動量"
        "和二階矩估計穩定下來；衰減的學習率把橫跨山谷的之字形變成沿谷底的謹慎下降。"
    ),
    "schedpage.error": "{name} 出錯：{error}",
    "schedpage.constant_lr": "學習率保持設定值",
    "schedpage.summary.constant": "前 total_iters 步使用 factor × lr，之後使用完整的 lr。",
    "schedpage.summary.step": "每 step_size 步把學習率乘以 gamma。",
    "schedpage.summary.multistep": "在列出的每個里程碑處把學習率乘以 gamma。",
    "schedpage.summary.exponential": "每一步都把學習率乘以 gamma。",
    "schedpage.summary.cosine": "在 T_max 步內沿半個餘弦從 lr 降到 eta_min（之後再升回）。",
    "schedpage.summary.cosine_warm_restarts": (
        "沿餘弦從 lr 降到 eta_min，然後跳回 lr；每個週期按 T_mult 變長。"
    ),
    "schedpage.summary.linear": "在 total_iters 步內把倍數從 start_factor 線性變到 end_factor。",
    "schedpage.summary.polynomial": "在 total_iters 步內沿 (1 − k/T)^power 把學習率衰減到 0。",
    "schedpage.summary.onecycle": (
        "先從 max_lr/div_factor 預熱到 max_lr，再退火到遠低於起點的值（動量不隨之循環）。"
    ),
    "schedpage.summary.cyclic": (
        "讓學習率在 base_lr 與 max_lr 之間按三角形來回變化（動量不隨之循環）。"
    ),
    "schedpage.summary.lambda": "把學習率乘以你寫下的關於步數 t 的函數，例如 0.95**t。",
    "schedpage.summary.plateau": "當損失不再下降時把學習率乘以 factor，每個起點分別計算。",
    "schedpage.summary.warmup_cosine": (
        "在 warmup_steps 步內從 start_factor × lr 線性升到 lr，然後：在 T_max 步內沿半個餘"
        "弦從 lr 降到 eta_min（之後再升回）。"
    ),
    "schedpage.summary.warmup_cosine_warm_restarts": (
        "在 warmup_steps 步內從 start_factor × lr 線性升到 lr，然後：沿餘弦從 lr 降到 eta_m"
        "in，然後跳回 lr；每個週期按 T_mult 變長。"
    ),
    "schedpage.summary.warmup_step": (
        "在 warmup_steps 步內從 start_factor × lr 線性升到 lr，然後：每 step_size 步把學習"
        "率乘以 gamma。"
    ),
    "schedpage.summary.warmup_multistep": (
        "在 warmup_steps 步內從 start_factor × lr 線性升到 lr，然後：在列出的每個里程碑處把"
        "學習率乘以 gamma。"
    ),
    "schedpage.summary.warmup_exponential": (
        "在 warmup_steps 步內從 start_factor × lr 線性升到 lr，然後：每一步都把學習率乘以 gamma。"
    ),
    "schedpage.summary.warmup_polynomial": (
        "在 warmup_steps 步內從 start_factor × lr 線性升到 lr，然後：在 total_iters 步內沿 "
        "(1 − k/T)^power 把學習率衰減到 0。"
    ),
}
