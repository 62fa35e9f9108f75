"""Strings of the experiments' progress on the sweeps-and-basins page."""

MESSAGES = {
    "basins.progress": {
        "en": "Running from {n} start points at once…",
        "zh": "正在同时从 {n} 个起点运行……",
    },
}
