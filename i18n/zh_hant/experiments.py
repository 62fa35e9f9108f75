"""繁體中文 for the keys of ``i18n/messages/experiments.py``."""

MESSAGES: dict[str, str] = {
    "basins.progress": "正在同時從 {n} 個起點執行……",
}
