"""Guided lessons: steps of text, a live view of the lab and a question for the class.

Read the lesson files and the position from the link -> render the step: its text, its
page running interactively in a frame, what to notice, the question. The lessons are data
(``lessons/*.toml``); a broken file is reported here and the others still work.
"""

import streamlit as st

from i18n import t
from ui import link_state
from ui.lesson_steps import find, position_to_query
from ui.lesson_view import (
    PAGE,
    current_position,
    lesson_files,
    lesson_list,
    live_view,
    show_problems,
    sidebar_choice,
    step_navigation,
    step_prompts,
)
from ui.present import part
from ui.shell import current_language

lang = current_language()
lessons, problems = lesson_files()
position, notices = current_position(lessons, lang)

title = st.empty()  # the lesson's title once the sidebar has said which lesson
for notice in notices:
    st.warning(notice.text(lang), icon=":material/link:")
show_problems(problems, lang)

position = sidebar_choice(lessons, position, lang=lang)
link_state.store(PAGE, position)
link_state.publish(PAGE, position, position_to_query, lang)

lesson = find(lessons, position.lesson)
title.title(t("guided.title", lang) if lesson is None else lesson.title[lang])
if lesson is None:
    with part("intro"):
        st.markdown(t("guided.intro", lang))
    if not lessons:
        st.info(t("guided.none", lang))
    lesson_list(lessons, lang=lang)
else:
    step = lesson.steps[position.step - 1]
    with part("lesson_nav"):
        step_navigation(lesson, position, step, lang=lang)
    # The step's words beside its live view: on a 720 px projector both are on screen at
    # once (one under the other, the view started below the fold); a phone stacks them.
    words, view = st.columns([1, 2], gap="medium")
    with words:
        st.subheader(f"{position.step}. {step.title[lang]}")
        st.markdown(step.text[lang])
        with part("prompts"):
            step_prompts(step, lang=lang)
    with view:
        live_view(step, lang=lang)
