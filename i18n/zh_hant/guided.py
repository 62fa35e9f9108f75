"""繁體中文 for the keys of ``i18n/messages/guided.py``."""

MESSAGES: dict[str, str] = {
    "nav.lessons": "引導式課程",
    "home.lessons": "循序漸進的課程：每一步配有實驗室的即時檢視和一個向全班提出的問題。",
    "guided.title": "引導式課程",
    "guided.intro": (
        "每堂課由若干步組成：一段簡短的文字、一個可以動手修改的實驗室即時檢視、觀察要點，以"
        "及一個向全班提出的問題。"
    ),
    "guided.choose": "課程",
    "guided.all": "全部課程",
    "guided.steps_count": "共 {n} 步",
    "guided.start": "開始",
    "guided.progress": "第 {step} 步，共 {n} 步",
    "guided.step_list": "步驟",
    "guided.previous": "上一步",
    "guided.next": "下一步",
    "guided.keys_help": "鍵盤：← 和 →（焦點在課程上而不在檢視裡時）。",
    "guided.reset_view": "回到這一步的檢視",
    "guided.reset_help": "移動過滑桿之後，用這一步自己的設定重新載入即時檢視。",
    "guided.open_full": "在新分頁中開啟這個檢視",
    "guided.view_label": "即時檢視：{page}",
    "guided.notice": "觀察要點",
    "guided.question": "向全班提問",
    "guided.link_notice": "這一步的連結與頁面不完全相符：{notice}",
    "guided.broken": "課程檔案 {file} 無法使用（其他課程不受影響）：",
    "guided.none": "還沒有課程：請在 lessons/ 資料夾中新增一個 .toml 檔案。",
}
