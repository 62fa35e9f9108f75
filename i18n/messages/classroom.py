"""Class sessions: the /class page, the sidebar class panel, the answer figures, and why a
class request was refused (class.err.*, the keys of ``classroom.errors``)."""

MESSAGES: dict[str, dict[str, str]] = {
    "nav.class": {"en": "Class session", "zh": "课堂"},
    "home.class": {
        "en": (
            "Teach with a class: students join with a code, follow your view on their own "
            "screens, predict where an optimizer will go, and see the answers on the projector."
        ),
        "zh": (
            "带着全班一起上课：学生用课堂码加入，在自己的屏幕上跟随你的画面，"
            "预测优化器会走到哪里，并在投影上看到全班的答案。"
        ),
    },
    "class.intro": {
        "en": (
            "A teacher starts a class and projects its code; students join with the code and "
            "a nickname (no accounts, nothing personal). The class ends on its own after the "
            "time you set."
        ),
        "zh": "老师开启一个课堂并投影课堂码；学生用课堂码和昵称加入（无需账号，不收集个人信息）。"
        "到了设定的时间，课堂会自动结束。",
    },
    # --- start and join ---------------------------------------------------------------------
    "class.start.title": {"en": "I am the teacher", "zh": "我是老师"},
    "class.start.help": {
        "en": "Start a class, project its code and QR code, and drive it from any page.",
        "zh": "开启课堂，投影课堂码和二维码，然后在任意页面上主持课堂。",
    },
    "class.start.hours": {"en": "Class open for (hours)", "zh": "课堂开放时长（小时）"},
    "class.start.go": {"en": "Start a class", "zh": "开启课堂"},
    "class.join.title": {"en": "I am a student", "zh": "我是学生"},
    "class.join.code": {"en": "Class code", "zh": "课堂码"},
    "class.join.nickname": {"en": "Nickname", "zh": "昵称"},
    "class.join.nickname_help": {
        "en": "What the class sees: 1 to {max} characters, no real name needed.",
        "zh": "全班看到的名字：1 到 {max} 个字符，不必用真名。",
    },
    "class.join.go": {"en": "Join the class", "zh": "加入课堂"},
    # --- the teacher's projector ------------------------------------------------------------
    "class.join_at": {"en": "**Join the class:** open", "zh": "**加入课堂：** 打开"},
    "class.code_is": {"en": "and enter the code **{code}**", "zh": "并输入课堂码 **{code}**"},
    "class.status": {
        "en": "{students} students joined · the class ends in {minutes} min",
        "zh": "已加入 {students} 名学生 · 课堂将在 {minutes} 分钟后结束",
    },
    "class.qr": {"en": "Scan to join", "zh": "扫码加入"},
    "class.teacher_link": {"en": "Private teacher link", "zh": "老师专用链接"},
    "class.teacher_link_help": {
        "en": (
            "Keep this off the projector: whoever opens it controls the class. Use it to come "
            "back to the class from another tab or device."
        ),
        "zh": "请勿投影：任何打开此链接的人都能控制课堂。可用它在其他标签页或设备上回到课堂。",
    },
    "class.no_question": {
        "en": (
            "Open any page and press “Send this view” in the sidebar: the students following "
            "you see it at once. On the Playground, the sidebar also asks the class a question."
        ),
        "zh": "打开任意页面，在侧边栏点击“发送当前画面”：跟随你的学生会立即看到它。在游乐场页面，"
        "侧边栏还可以向全班提问。",
    },
    "class.answers_count": {"en": "Answers", "zh": "已收到答案"},
    "class.reveal": {"en": "Reveal", "zh": "揭晓答案"},
    "class.end": {"en": "End the class and delete its data", "zh": "结束课堂并删除其数据"},
    "class.truth": {
        "en": "{optimizer} after {steps} steps: ({x:.3g}, {y:.3g})",
        "zh": "{optimizer} 在 {steps} 步后位于 ({x:.3g}, {y:.3g})",
    },
    "class.winner": {
        "en": "{optimizer} reaches the minimum first, at step {step}.",
        "zh": "{optimizer} 最先到达极小值，用了 {step} 步。",
    },
    "class.none_reached": {
        "en": "None of them comes within {tol:g} of the minimum in {steps} steps.",
        "zh": "在 {steps} 步内，没有一个优化器的损失与极小值的差距小于 {tol:g}。",
    },
    "class.col.nickname": {"en": "Nickname", "zh": "昵称"},
    "class.col.guess": {"en": "Guess (x, y)", "zh": "猜测 (x, y)"},
    "class.col.distance": {"en": "Distance to the answer", "zh": "与正确位置的距离"},
    "class.col.optimizer": {"en": "Optimizer", "zh": "优化器"},
    "class.col.steps_to_tol": {
        "en": "Steps until loss − f* ≤ {tol:g}",
        "zh": "损失 − f* ≤ {tol:g} 所需步数",
    },
    # --- questions --------------------------------------------------------------------------
    "class.q.predict": {
        "en": "Where will {optimizer} be after {steps} steps?",
        "zh": "{optimizer} 在 {steps} 步之后会在哪里？",
    },
    "class.q.choice": {
        "en": "Which optimizer reaches the minimum first?",
        "zh": "哪个优化器最先到达极小值？",
    },
    # --- a student --------------------------------------------------------------------------
    "class.you_are": {
        "en": "You are “{nickname}” in class {code}.",
        "zh": "你在课堂 {code} 中的昵称是“{nickname}”。",
    },
    "class.wait": {
        "en": "Wait for the teacher: their views and questions appear here.",
        "zh": "请等待老师：老师发送的画面和问题会显示在这里。",
    },
    "class.click_to_guess": {
        "en": "Click the map where you think it will be. Clicking again changes your guess.",
        "zh": "在你认为它会到达的位置点击地图。再次点击可修改你的猜测。",
    },
    "class.your_guess": {
        "en": "Your guess: ({x:.3g}, {y:.3g}). You can change it until the reveal.",
        "zh": "你的猜测：({x:.3g}, {y:.3g})。揭晓之前都可以修改。",
    },
    "class.your_distance": {"en": "Your distance to the answer", "zh": "你与正确位置的距离"},
    "class.choose": {"en": "Your answer", "zh": "你的答案"},
    "class.your_choice": {"en": "Your answer: {option}", "zh": "你的答案：{option}"},
    # --- the sidebar panel ------------------------------------------------------------------
    "class.panel.title": {"en": "Class {code}", "zh": "课堂 {code}"},
    "class.panel.send": {"en": "Send this view to the class", "zh": "发送当前画面给全班"},
    "class.panel.sent": {
        "en": "Sent: the class sees this view now.",
        "zh": "已发送：全班现在看到这个画面。",
    },
    "class.panel.projector": {"en": "Projector view", "zh": "投影视图"},
    "class.panel.ask": {"en": "Ask the class about this view", "zh": "就这个画面向全班提问"},
    "class.panel.optimizer": {"en": "Optimizer", "zh": "优化器"},
    "class.panel.steps": {"en": "After how many steps", "zh": "经过多少步"},
    "class.panel.ask_predict": {"en": "Ask: where will it be?", "zh": "提问：它会在哪里？"},
    "class.panel.ask_choice": {
        "en": "Ask: which reaches the minimum first?",
        "zh": "提问：哪个最先到达极小值？",
    },
    "class.panel.choice_needs": {
        "en": "“Which reaches the minimum first?” needs two optimizers and a known minimum.",
        "zh": "“哪个最先到达极小值？”需要至少两个优化器，并且曲面的极小值已知。",
    },
    "class.panel.you_are": {"en": "You: {nickname}", "zh": "你：{nickname}"},
    "class.panel.following": {
        "en": "Following the teacher: the views they send open here.",
        "zh": "正在跟随老师：老师发送的画面会在这里打开。",
    },
    "class.panel.exploring": {
        "en": "Exploring on your own: the teacher's views wait until you follow again.",
        "zh": "正在自由探索：重新跟随后才会打开老师发送的画面。",
    },
    "class.panel.explore": {"en": "Explore on my own", "zh": "自己探索"},
    "class.panel.follow": {"en": "Follow the teacher", "zh": "跟随老师"},
    "class.panel.leave": {"en": "Leave the class", "zh": "退出课堂"},
    # --- figures ----------------------------------------------------------------------------
    "class.fig.guesses": {"en": "guesses", "zh": "猜测"},
    "class.fig.your_guess": {"en": "your guess", "zh": "你的猜测"},
    "class.fig.you": {"en": "you", "zh": "你"},
    "class.fig.truth": {
        "en": "{optimizer} after {steps} steps",
        "zh": "{optimizer} 在 {steps} 步后",
    },
    "class.fig.click_to_guess": {"en": "click: my guess", "zh": "点击：我的猜测"},
    "class.fig.answers": {"en": "answers", "zh": "答案数"},
    "class.fig.optimizer": {"en": "optimizer", "zh": "优化器"},
    # --- refusals ---------------------------------------------------------------------------
    "class.err.generic": {"en": "The class refused this request.", "zh": "课堂拒绝了这个请求。"},
    "class.err.unknown_code": {
        "en": "No class has the code “{code}”. Check the code on the projector.",
        "zh": "没有课堂使用课堂码“{code}”。请核对投影上的课堂码。",
    },
    "class.err.expired": {
        "en": "Class {code} has ended.",
        "zh": "课堂 {code} 已经结束。",
    },
    "class.err.not_allowed": {
        "en": "This link or session is not allowed to do that in this class.",
        "zh": "这个链接或会话无权在此课堂中执行该操作。",
    },
    "class.err.rate_limited": {
        "en": "Too many wrong codes from here. Try again in {minutes} minutes.",
        "zh": "这里输入错误课堂码的次数过多。请在 {minutes} 分钟后再试。",
    },
    "class.err.nickname": {
        "en": ("Nickname: 1 to {max} characters, no control or invisible characters; got {given}."),
        "zh": "昵称：1 到 {max} 个字符，不能包含控制字符或不可见字符；收到的是 {given}。",
    },
    "class.err.nickname_taken": {
        "en": "Someone in this class is already called “{nickname}”: pick another nickname.",
        "zh": "课堂中已经有人叫“{nickname}”：请换一个昵称。",
    },
    "class.err.question_closed": {
        "en": "This question is closed: the teacher has revealed it or asked another one.",
        "zh": "这个问题已关闭：老师已经揭晓答案或提出了新问题。",
    },
    "class.err.bad_answer": {
        "en": "Answer refused: allowed {allowed}; got {given}.",
        "zh": "答案被拒绝：允许的范围是 {allowed}；收到的是 {given}。",
    },
    "class.err.duration": {
        "en": "Class duration must be {lo:g} to {hi:g} hours; got {given}.",
        "zh": "课堂时长必须在 {lo:g} 到 {hi:g} 小时之间；收到的是 {given}。",
    },
    "class.err.value": {"en": "Refused: {error}", "zh": "已拒绝：{error}"},
    "class.err.storage": {
        "en": "The class database is not reachable right now; try again in a moment.",
        "zh": "暂时无法连接课堂数据库，请稍后再试。",
    },
}
