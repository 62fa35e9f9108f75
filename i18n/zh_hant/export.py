"""繁體中文 for the keys of ``i18n/messages/export.py``."""

MESSAGES: dict[str, str] = {
    "export.png": "PNG 圖片",
    "export.svg": "SVG 向量圖",
    "export.html": "互動式 HTML",
    "export.csv": "軌跡資料（CSV）",
    "export.json": "軌跡資料（JSON）",
    "export.animation": "動畫格式",
    "export.render": "產生 {format}",
    "export.render_progress": "正在渲染第 {done} 影格，共 {total} 影格……",
    "export.download": "下載 {format}",
    "export.caption_toggle": "在圖片下方註明設定",
    "export.caption_help": (
        "一行小字註明曲面、起點、步數以及各優化器與預設值不同的超參數，讓投影片上的圖說明自"
        "身的來歷。"
    ),
    "export.caption.start": "起點 ({x}, {y})",
    "export.caption.starts": "{count} 個起點",
    "export.caption.steps": "{steps} 步",
    "export.caption.defaults": "{name}：預設參數",
    "export.caption.formula": "自訂 f(x, y) = {formula}",
    "export.images_unavailable": (
        "圖片匯出（PNG、SVG、GIF、影片）需要伺服器上安裝 Chromium：用 `apt-get install -y c"
        "hromium` 安裝（中文文字還需 `fonts-noto-cjk`），或把 BROWSER_PATH 設為 Chrome/Chro"
        "mium 可執行檔案，然後重新啟動應用程式。HTML、CSV 和 JSON 匯出無需 Chromium。"
    ),
    "export.cjk_missing": (
        "伺服器上沒有中文字型，匯出的 PNG、SVG、GIF 和影片中的中文會顯示為空白方框。請用 `{"
        "command}` 安裝後重新啟動應用程式；HTML 匯出由檢視者的瀏覽器繪製，不受影響。"
    ),
    "export.failed": "匯出失敗：{error}",
}
