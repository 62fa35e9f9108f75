"""Messages of the registry-driven widgets when typed text is not an allowed value."""

MESSAGES = {
    "controls.refused": {
        "en": "{param}: {allowed}, got `{given}`; keeping {used}.",
        "zh": "{param}：{allowed}，但输入的是 `{given}`；仍使用 {used}。",
    },
    "controls.allowed_list": {
        "en": "expected comma-separated whole numbers in {interval}",
        "zh": "应为 {interval} 内、用逗号分隔的整数",
    },
}
