"""Strings of projector mode and the share button (ui/present.py, ui/share.py)."""

MESSAGES: dict[str, dict[str, str]] = {
    "present.toggle": {"en": "Projector mode", "zh": "投影模式"},
    "present.toggle_help": {
        "en": (
            "Large text, wide lines and colours that colour-blind viewers can tell apart, "
            "for the back of a room; the sidebar folds away. In the link as ?present=1."
        ),
        "zh": (
            "大字号、粗线条、色盲观众也能分辨的颜色，让教室后排也看得清；侧边栏会收起。"
            "链接中写作 ?present=1。"
        ),
    },
}
