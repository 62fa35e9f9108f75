"""繁體中文 for the keys of ``i18n/messages/constraints.py``."""

MESSAGES: dict[str, str] = {
    "controls.refused": "{param}：{allowed}，但輸入的是 `{given}`；仍使用 {used}。",
    "controls.allowed_list": "應為 {interval} 內、用逗號分隔的整數",
}
