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
    "share.button": {"en": "Share with the class", "zh": "分享给全班"},
    "share.title": {"en": "Open this view on your phone", "zh": "在手机上打开这个视图"},
    "share.scan": {
        "en": "Scan the code with a phone's camera, or type the link.",
        "zh": "用手机相机扫描二维码，或输入这个链接。",
    },
    "share.loopback": {
        "en": (
            "This link points at this computer only (localhost): other devices cannot open "
            "it. Start the lab with `make run ADDRESS=0.0.0.0` and open it through this "
            "computer's network address, then share again."
        ),
        "zh": (
            "这个链接只指向本机（localhost），其他设备无法打开。请用 `make run ADDRESS=0.0.0.0` "
            "启动实验室，并通过本机的网络地址打开它，然后再分享。"
        ),
    },
}
