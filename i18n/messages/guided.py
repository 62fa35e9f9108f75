"""Strings of the guided lessons page (pages/lessons.py, ui/lesson_view.py)."""

MESSAGES: dict[str, dict[str, str]] = {
    "nav.lessons": {"en": "Guided lessons", "zh": "引导式课程"},
    "home.lessons": {
        "en": "Step-by-step stories with a live view of the lab and a question for the class.",
        "zh": "循序渐进的课程：每一步配有实验室的实时视图和一个向全班提出的问题。",
    },
    "guided.title": {"en": "Guided lessons", "zh": "引导式课程"},
    "guided.intro": {
        "en": (
            "Each lesson is a sequence of steps: a short text, a live view of the lab that "
            "you can change, what to notice, and a question to ask the class."
        ),
        "zh": (
            "每节课由若干步组成：一段简短的文字、一个可以动手修改的实验室实时视图、观察要点，"
            "以及一个向全班提出的问题。"
        ),
    },
    "guided.choose": {"en": "Lesson", "zh": "课程"},
    "guided.all": {"en": "All lessons", "zh": "全部课程"},
    "guided.steps_count": {"en": "{n} steps", "zh": "共 {n} 步"},
    "guided.start": {"en": "Start", "zh": "开始"},
    "guided.progress": {"en": "Step {step} of {n}", "zh": "第 {step} 步，共 {n} 步"},
    "guided.step_list": {"en": "Steps", "zh": "步骤"},
    "guided.previous": {"en": "Previous", "zh": "上一步"},
    "guided.next": {"en": "Next", "zh": "下一步"},
    "guided.keys_help": {
        "en": "Keyboard: ← and → (when the lesson, not the view, has the focus).",
        "zh": "键盘：← 和 →（焦点在课程上而不在视图里时）。",
    },
    "guided.reset_view": {"en": "Back to this step's view", "zh": "回到这一步的视图"},
    "guided.reset_help": {
        "en": "Reload the live view with the step's own settings, after sliders were moved.",
        "zh": "移动过滑块之后，用这一步自己的设置重新载入实时视图。",
    },
    "guided.open_full": {"en": "Open this view in its own tab", "zh": "在新标签页中打开这个视图"},
    "guided.view_label": {"en": "Live view: {page}", "zh": "实时视图：{page}"},
    "guided.notice": {"en": "What to notice", "zh": "观察要点"},
    "guided.question": {"en": "Ask the class", "zh": "向全班提问"},
    "guided.link_notice": {
        "en": "This step's link does not fully fit the page: {notice}",
        "zh": "这一步的链接与页面不完全匹配：{notice}",
    },
    "guided.broken": {
        "en": "The lesson file {file} cannot be used (the other lessons work):",
        "zh": "课程文件 {file} 无法使用（其他课程不受影响）：",
    },
    "guided.none": {
        "en": "No lessons yet: add a .toml file to the lessons/ folder.",
        "zh": "还没有课程：请在 lessons/ 文件夹中添加一个 .toml 文件。",
    },
}
