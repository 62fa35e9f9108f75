"""Export buttons, animation rendering, the settings caption and the missing-package notices."""

MESSAGES = {
    "export.png": {"en": "PNG image", "zh": "PNG 图片"},
    "export.svg": {"en": "SVG image", "zh": "SVG 矢量图"},
    "export.html": {"en": "Interactive HTML", "zh": "交互式 HTML"},
    "export.csv": {"en": "Trajectories (CSV)", "zh": "轨迹数据（CSV）"},
    "export.json": {"en": "Trajectories (JSON)", "zh": "轨迹数据（JSON）"},
    "export.animation": {"en": "Animation format", "zh": "动画格式"},
    "export.render": {"en": "Render {format}", "zh": "生成 {format}"},
    "export.render_progress": {
        "en": "Rendering frame {done} of {total}…",
        "zh": "正在渲染第 {done} 帧，共 {total} 帧……",
    },
    "export.download": {"en": "Download {format}", "zh": "下载 {format}"},
    # No "Export" in this label: browser tests find the export expander by that word.
    "export.caption_toggle": {
        "en": "Settings caption under images",
        "zh": "在图片下方注明设置",
    },
    "export.caption_help": {
        "en": (
            "A small caption with the surface, start point, steps and each optimizer's "
            "non-default hyperparameters, so a slide says how it was made."
        ),
        "zh": (
            "一行小字注明曲面、起点、步数以及各优化器与默认值不同的超参数，"
            "让幻灯片上的图说明自身的来历。"
        ),
    },
    "export.caption.start": {"en": "start ({x}, {y})", "zh": "起点 ({x}, {y})"},
    "export.caption.starts": {"en": "{count} start points", "zh": "{count} 个起点"},
    "export.caption.steps": {"en": "{steps} steps", "zh": "{steps} 步"},
    "export.caption.defaults": {"en": "{name}: defaults", "zh": "{name}：默认参数"},
    "export.caption.formula": {"en": "f(x, y) = {formula}", "zh": "自定义 f(x, y) = {formula}"},
    "export.images_unavailable": {
        "en": (
            "Image export (PNG, SVG, GIF, video) needs Chromium on the server: install it "
            "with `apt-get install -y chromium` (and `fonts-noto-cjk` for Chinese text), or "
            "set BROWSER_PATH to a Chrome/Chromium executable, then restart the app. HTML, "
            "CSV and JSON exports work without it."
        ),
        "zh": (
            "图片导出（PNG、SVG、GIF、视频）需要服务器上安装 Chromium：用 "
            "`apt-get install -y chromium` 安装（中文文字还需 `fonts-noto-cjk`），"
            "或把 BROWSER_PATH 设为 Chrome/Chromium 可执行文件，然后重启应用。"
            "HTML、CSV 和 JSON 导出无需 Chromium。"
        ),
    },
    "export.cjk_missing": {
        "en": (
            "This server has no Chinese font, so Chinese text in PNG, SVG, GIF and video "
            "exports would show as empty boxes. Install one with `{command}` and restart the "
            "app; HTML exports are drawn by the viewer's browser and are not affected."
        ),
        "zh": (
            "服务器上没有中文字体，导出的 PNG、SVG、GIF 和视频中的中文会显示为空白方框。"
            "请用 `{command}` 安装后重启应用；HTML 导出由查看者的浏览器绘制，不受影响。"
        ),
    },
    "export.failed": {"en": "Export failed: {error}", "zh": "导出失败：{error}"},
}
