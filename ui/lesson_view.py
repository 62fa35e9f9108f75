"""The guided lessons page's Streamlit glue: the lesson files, the position in the link, the
step navigation and the live view.

The live view is the lab itself, not a picture: the step's page runs in an iframe
(Streamlit's ``?embed=true``) in its own session, with its own sliders. "Back to this step's
view" gives that iframe a fresh container, which makes the browser load it again from the
step's link and so drops whatever the class changed.
"""

from __future__ import annotations

from functools import partial
from itertools import groupby

import streamlit as st

from i18n import t
from lessons import Lesson, LessonProblem, Step, load_lessons
from ui import link_state, present
from ui.lesson_steps import Position, find, moved, position_from_query, step_link
from ui.page_links import PARSERS, link_notices

PAGE = "lessons"
VIEW_HEIGHT = 860  # px: a page's controls and its first figure, scrolled inside the frame
_RELOADS = f"{PAGE}.view_reloads"


def lesson_files() -> tuple[list[Lesson], list[LessonProblem]]:
    """Read on every run, so a file a teacher drops in shows up on the next click."""
    return load_lessons(PARSERS)


def show_problems(problems: list[LessonProblem], lang: str) -> None:
    """One error per broken file, every problem in it named by its field."""
    for file, found in groupby(problems, key=lambda problem: problem.file):
        st.error(t("guided.broken", lang, file=file), icon=":material/description:")
        st.code("\n".join(f"{p.field or '—'}: {p.message}" for p in found), language=None)


def current_position(lessons: list[Lesson], lang: str) -> tuple[Position, list]:
    parse = partial(position_from_query, lessons=lessons)
    position, notices = link_state.linked_settings(PAGE, parse, lang)
    if position.lesson is not None and find(lessons, position.lesson) is None:
        position = Position()  # its file was removed or broke since
    return position, notices


def _go(position: Position) -> None:
    link_state.store(PAGE, position, external=True)


def _reload_view() -> None:
    st.session_state[_RELOADS] = st.session_state.get(_RELOADS, 0) + 1


def sidebar_choice(lessons: list[Lesson], position: Position, *, lang: str) -> Position:
    """The lesson and step chosen in the sidebar (they follow the link and the buttons)."""
    key = f"{PAGE}.{link_state.revision(PAGE)}"
    ids = ["", *(lesson.id for lesson in lessons)]
    titles = {lesson.id: lesson.title[lang] for lesson in lessons}
    chosen = st.sidebar.selectbox(
        t("guided.choose", lang),
        ids,
        index=ids.index(position.lesson or ""),
        format_func=lambda i: titles.get(i, t("guided.all", lang)),
        key=f"{key}.lesson",
    )
    lesson = find(lessons, chosen or None)
    if lesson is None:
        return Position()
    if lesson.id != position.lesson:
        return Position(lesson.id, 1)
    numbers = list(range(1, len(lesson.steps) + 1))
    step = st.sidebar.radio(
        t("guided.step_list", lang),
        numbers,
        index=position.step - 1,
        format_func=lambda n: f"{n}. {lesson.steps[n - 1].title[lang]}",
        key=f"{key}.step",
    )
    return Position(lesson.id, int(step))


def lesson_list(lessons: list[Lesson], *, lang: str) -> None:
    for lesson in lessons:
        with st.container(border=True):
            st.subheader(lesson.title[lang])
            st.markdown(lesson.summary[lang])
            st.caption(t("guided.steps_count", lang, n=len(lesson.steps)))
            st.button(
                t("guided.start", lang),
                key=f"{PAGE}.start.{lesson.id}",
                icon=":material/play_arrow:",
                on_click=_go,
                args=(Position(lesson.id, 1),),
            )


def step_navigation(lesson: Lesson, position: Position, step: Step, *, lang: str) -> None:
    """Progress, previous/next (also ← and →), back to the step's view, open in a tab."""
    n = len(lesson.steps)
    st.progress(position.step / n, text=t("guided.progress", lang, step=position.step, n=n))
    back, forward, reset, full = st.columns([1, 1, 2, 2], vertical_alignment="center")
    back.button(
        t("guided.previous", lang),
        icon=":material/arrow_back:",
        disabled=position.step == 1,
        on_click=_go,
        args=(moved(position, lesson, -1),),
        shortcut="Left",
        key=f"{PAGE}.previous",
        width="stretch",
    )
    forward.button(
        t("guided.next", lang),
        icon=":material/arrow_forward:",
        disabled=position.step == n,
        on_click=_go,
        args=(moved(position, lesson, 1),),
        shortcut="Right",
        key=f"{PAGE}.next",
        width="stretch",
        type="primary",
    )
    reset.button(
        t("guided.reset_view", lang),
        icon=":material/restart_alt:",
        help=t("guided.reset_help", lang),
        on_click=_reload_view,
        key=f"{PAGE}.reset_view",
    )
    full.link_button(
        t("guided.open_full", lang),
        step_link(
            step, lang, base_path=st.get_option("server.baseUrlPath"), shell=present.link_params()
        ),
        icon=":material/open_in_new:",
    )
    st.caption(t("guided.keys_help", lang))


def live_view(step: Step, *, lang: str) -> None:
    """The step's page, interactive, in a frame; the link's own notices said up front."""
    for notice in link_notices(step.page, step.query, lang):
        st.warning(t("guided.link_notice", lang, notice=notice.text(lang)), icon=":material/link:")
    base_path = st.get_option("server.baseUrlPath")
    src = step_link(step, lang, base_path=base_path, embed=True, shell=present.link_params())
    with st.container(key=f"{PAGE}-view-{st.session_state.get(_RELOADS, 0)}"):
        st.iframe(
            src,
            height=VIEW_HEIGHT,
            alt=t("guided.view_label", lang, page=t(f"nav.{step.page}", lang)),
        )


def step_prompts(step: Step, *, lang: str) -> None:
    """What to notice and the question for the class, one under the other."""
    for texts, title, icon in (
        (step.notice, "guided.notice", ":material/visibility:"),
        (step.question, "guided.question", ":material/front_hand:"),
    ):
        if texts:
            st.info(f"**{t(title, lang)}** · {texts[lang]}", icon=icon)
