"""繁體中文 for the keys of ``i18n/messages/present.py``."""

MESSAGES: dict[str, str] = {
    "present.toggle": "投影模式",
    "present.toggle_help": (
        "大字級、粗線條、色盲觀眾也能分辨的顏色，讓教室後排也看得清楚；側邊欄會收起。連結中"
        "寫作 ?present=1。"
    ),
    "share.button": "分享給全班",
    "share.title": "在手機上開啟這個檢視",
    "share.scan": "用手機相機掃描 QR 碼，或輸入這個連結。",
    "share.loopback": (
        "這個連結只指向本機（localhost），其他裝置無法開啟。請用 `make run ADDRESS=0.0.0.0`"
        " 啟動實驗室，並透過本機的網路位址開啟它，然後再分享。"
    ),
}
