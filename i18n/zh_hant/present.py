"""繁體中文 for the keys of ``i18n/messages/present.py``."""

MESSAGES: dict[str, str] = {
    "present.toggle": "投影模式",
    "present.toggle_help": (
        "大字級、粗線條、色盲觀眾也能分辨的顏色，讓教室後排也看得清楚；側邊欄會收起。"
        "連結中寫作 ?present=1。"
    ),
}
