"""The /class page's parts: start or join a class, the teacher's projector, a student's view.

What a student typed (a nickname) is shown with ``st.text`` or in tables and figures,
never as Markdown or HTML.
"""

from __future__ import annotations

import time

import streamlit as st

from classroom.codes import MAX_NICKNAME, normalize_code
from classroom.repository import MAX_HOURS, MIN_HOURS
from i18n import t
from ui.class_questions import projector, student_question
from ui.class_session import (
    STUDENT,
    TEACHER,
    Membership,
    attempt,
    client_id,
    enter,
    join_link,
    leave,
    repository,
    teacher_link,
)
from ui.qr import qr_png

CODE_PARAM, TEACHER_PARAM = "code", "teacher"
QR_WIDTH = 260


def adopt_teacher_link(lang: str) -> None:
    """``?code=…&teacher=…`` (the private teacher link) makes this session the teacher; the
    token leaves the address bar at once, so a projected URL never shows it."""
    token = st.query_params.get(TEACHER_PARAM)
    if token is None:
        return
    del st.query_params[TEACHER_PARAM]
    code = st.query_params.get(CODE_PARAM, "")
    info = attempt(lang, repository().class_info, code, token)
    if info is not None:
        enter(Membership(info.code, token, TEACHER))


def start_or_join(lang: str) -> None:
    teacher, student = st.columns(2, gap="large")
    with teacher, st.container(border=True):
        st.subheader(t("class.start.title", lang))
        st.caption(t("class.start.help", lang))
        st.number_input(
            t("class.start.hours", lang),
            min_value=MIN_HOURS,
            max_value=MAX_HOURS,
            value=2.0,
            step=0.25,
            key="class.start.hours",
        )
        st.button(
            t("class.start.go", lang),
            type="primary",
            key="class.start.go",
            on_click=_start,
            args=(lang,),
        )
    with student, st.container(border=True):
        st.subheader(t("class.join.title", lang))
        given = st.query_params.get(CODE_PARAM, "")
        st.text_input(
            t("class.join.code", lang), normalize_code(given) or "", max_chars=12, key="class.code"
        )
        st.text_input(
            t("class.join.nickname", lang),
            max_chars=MAX_NICKNAME,
            help=t("class.join.nickname_help", lang, max=MAX_NICKNAME),
            key="class.nickname",
        )
        st.button(
            t("class.join.go", lang),
            type="primary",
            key="class.join.go",
            on_click=_join,
            args=(lang,),
        )


# Buttons act in callbacks, before the page runs, so the page they lead to is drawn at once.


def _start(lang: str) -> None:
    hours = float(st.session_state["class.start.hours"])
    new = attempt(lang, repository().create_class, hours, later="page")
    if new is not None:
        enter(Membership(new.code, new.token, TEACHER))


def _join(lang: str) -> None:
    code, nickname = st.session_state["class.code"], st.session_state["class.nickname"]
    joined = attempt(lang, repository().join, code, nickname, client_id(), later="page")
    if joined is not None:
        enter(Membership(normalize_code(code), joined.token, STUDENT, joined.nickname))


def _end(member: Membership, lang: str) -> None:
    if attempt(lang, repository().end_class, member.code, member.token, later="page"):
        leave()


def teacher_view(member: Membership, lang: str) -> None:
    repo = repository()
    info = attempt(lang, repo.class_info, member.code, member.token)
    if info is None:
        return
    link = join_link(member.code)
    words, qr = st.columns([3, 1], vertical_alignment="center")
    with words:
        st.markdown(t("class.join_at", lang))
        st.code(link, language=None)
        st.markdown(t("class.code_is", lang, code=member.code))
        minutes = max(0, round((info.expires_at - time.time()) / 60))
        st.caption(t("class.status", lang, students=info.students, minutes=minutes))
    qr.image(qr_png(link), width=QR_WIDTH, caption=t("class.qr", lang))
    with st.expander(t("class.teacher_link", lang), icon=":material/key:"):
        st.caption(t("class.teacher_link_help", lang))
        st.code(teacher_link(member.code, member.token), language=None)
    question = attempt(lang, repo.current_question, member.code)
    if question is None:
        st.info(t("class.no_question", lang), icon=":material/lightbulb:")
    else:
        projector(member, question, lang)
    st.divider()
    st.button(
        t("class.end", lang),
        icon=":material/delete:",
        key="class.end",
        on_click=_end,
        args=(member, lang),
    )


def student_view(member: Membership, lang: str) -> None:
    st.text(t("class.you_are", lang, nickname=member.nickname, code=member.code))
    question = attempt(lang, repository().current_question, member.code)
    if question is None:
        st.info(t("class.wait", lang), icon=":material/hourglass_top:")
    else:
        student_question(member, question, lang)
