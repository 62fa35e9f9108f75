"""繁體中文 for the keys of ``i18n/messages/classroom.py``."""

MESSAGES: dict[str, str] = {
    "nav.class": "課堂",
    "home.class": (
        "帶著全班一起上課：學生用課堂碼加入，在自己的螢幕上跟隨你的畫面，預測優化器會走到哪"
        "裡，並在投影上看到全班的答案。"
    ),
    "class.intro": (
        "老師開啟一個課堂並投影課堂碼；學生用課堂碼和暱稱加入（無需帳號，不收集個人資訊）。"
        "到了設定的時間，課堂會自動結束。"
    ),
    "class.start.title": "我是老師",
    "class.start.help": "開啟課堂，投影課堂碼和 QR 碼，然後在任意頁面上主持課堂。",
    "class.start.hours": "課堂開放時長（小時）",
    "class.start.go": "開啟課堂",
    "class.join.title": "我是學生",
    "class.join.code": "課堂碼",
    "class.join.nickname": "暱稱",
    "class.join.nickname_help": "全班看到的名字：1 到 {max} 個字元，不必用真名。",
    "class.join.go": "加入課堂",
    "class.join_at": "**加入課堂：** 開啟",
    "class.code_is": "並輸入課堂碼 **{code}**",
    "class.status": "已加入 {students} 名學生 · 課堂將在 {minutes} 分鐘後結束",
    "class.qr": "掃描 QR 碼加入",
    "class.teacher_link": "老師專用連結",
    "class.teacher_link_help": (
        "請勿投影：任何開啟此連結的人都能控制課堂。可用它在其他標籤頁或裝置上回到課堂。"
    ),
    "class.no_question": (
        "開啟任意頁面，在側邊欄點選「傳送目前畫面」：跟隨你的學生會立即看到它。在遊樂場頁面"
        "，側邊欄還可以向全班提問。"
    ),
    "class.answers_count": "已收到答案",
    "class.reveal": "揭曉答案",
    "class.end": "結束課堂並刪除其資料",
    "class.truth": "{optimizer} 在 {steps} 步後位於 ({x:.3g}, {y:.3g})",
    "class.winner": "{optimizer} 最先到達極小值，用了 {step} 步。",
    "class.none_reached": "在 {steps} 步內，沒有一個優化器的損失與極小值的差距小於 {tol:g}。",
    "class.col.nickname": "暱稱",
    "class.col.guess": "猜測 (x, y)",
    "class.col.distance": "與正確位置的距離",
    "class.col.optimizer": "優化器",
    "class.col.steps_to_tol": "損失 − f* ≤ {tol:g} 所需步數",
    "class.q.predict": "{optimizer} 在 {steps} 步之後會在哪裡？",
    "class.q.choice": "哪個優化器最先到達極小值？",
    "class.you_are": "你在課堂 {code} 中的暱稱是「{nickname}」。",
    "class.wait": "請等待老師：老師傳送的畫面和問題會顯示在這裡。",
    "class.click_to_guess": "在你認為它會到達的位置點選地圖。再次點選可修改你的猜測。",
    "class.your_guess": "你的猜測：({x:.3g}, {y:.3g})。揭曉之前都可以修改。",
    "class.your_distance": "你與正確位置的距離",
    "class.choose": "你的答案",
    "class.your_choice": "你的答案：{option}",
    "class.panel.title": "課堂 {code}",
    "class.panel.send": "傳送目前畫面給全班",
    "class.panel.sent": "已傳送：全班現在看到這個畫面。",
    "class.panel.projector": "投影檢視",
    "class.panel.ask": "就這個畫面向全班提問",
    "class.panel.optimizer": "優化器",
    "class.panel.steps": "經過多少步",
    "class.panel.ask_predict": "提問：它會在哪裡？",
    "class.panel.ask_choice": "提問：哪個最先到達極小值？",
    "class.panel.choice_needs": (
        "「哪個最先到達極小值？」需要至少兩個優化器，並且曲面的極小值已知。"
    ),
    "class.panel.you_are": "你：{nickname}",
    "class.panel.following": "正在跟隨老師：老師傳送的畫面會在這裡開啟。",
    "class.panel.exploring": "正在自由探索：重新跟隨後才會開啟老師傳送的畫面。",
    "class.panel.explore": "自己探索",
    "class.panel.follow": "跟隨老師",
    "class.panel.leave": "退出課堂",
    "class.fig.guesses": "猜測",
    "class.fig.your_guess": "你的猜測",
    "class.fig.you": "你",
    "class.fig.truth": "{optimizer} 在 {steps} 步後",
    "class.fig.click_to_guess": "點選：我的猜測",
    "class.fig.answers": "答案數",
    "class.fig.optimizer": "優化器",
    "class.err.generic": "課堂拒絕了這個請求。",
    "class.err.unknown_code": "沒有課堂使用課堂碼「{code}」。請核對投影上的課堂碼。",
    "class.err.expired": "課堂 {code} 已經結束。",
    "class.err.not_allowed": "這個連結或工作階段無權在此課堂中執行該操作。",
    "class.err.rate_limited": "這裡輸入錯誤課堂碼的次數過多。請在 {minutes} 分鐘後再試。",
    "class.err.nickname": (
        "暱稱：1 到 {max} 個字元，不能包含控制字元或不可見字元；收到的是 {given}。"
    ),
    "class.err.nickname_taken": "課堂中已經有人叫「{nickname}」：請換一個暱稱。",
    "class.err.question_closed": "這個問題已關閉：老師已經揭曉答案或提出了新問題。",
    "class.err.bad_answer": "答案被拒絕：允許的範圍是 {allowed}；收到的是 {given}。",
    "class.err.duration": "課堂時長必須在 {lo:g} 到 {hi:g} 小時之間；收到的是 {given}。",
    "class.err.value": "已拒絕：{error}",
    "class.err.storage": "暫時無法連線課堂資料庫，請稍後再試。",
}
