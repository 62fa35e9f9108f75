"""The class's sidebar panel, on every page, for a session that is in a class.

The teacher sends the view on screen to the class (its page and link) and, on the
Playground, asks about it. A student follows: a fragment polls the class's view and opens
each new one the teacher sends, until the student chooses to explore alone (one click
back). Sessions in no class see nothing and touch no database.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from classroom.questions import CHOICE, PREDICT
from i18n import t
from ui.class_questions import choice_payload, prediction_payload, scene
from ui.class_session import (
    CLASS_PAGE,
    Membership,
    attempt,
    followed_version,
    following,
    leave,
    mark_followed,
    membership,
    repository,
    set_following,
    show_refusals,
)
from ui.pages import HOME, LESSONS
from ui.shell import LANG_PARAM

FOLLOW_POLL_S = 1.0  # a sent view reaches the students within about twice this
# Page files by URL path: what a sent view names, and the only pages a follower opens.
PAGE_FILES = {"": HOME.path, **{Path(p.path).stem: p.path for p in LESSONS}}
PLAYGROUND = "playground"
MAX_ASK_STEP = 10_000
_SENT = "class.panel.sent"
_TO_PROJECTOR = "class.panel.to_projector"


def class_panel(url_path: str, lang: str) -> None:
    """The panel for the page at ``url_path`` (``st.navigation``'s page), if in a class."""
    member = membership()
    if member is None:
        return
    if st.session_state.pop(_TO_PROJECTOR, False):
        st.switch_page(CLASS_PAGE)
    with st.sidebar:
        st.divider()
        st.subheader(t("class.panel.title", lang, code=member.code))
        show_refusals("panel")
        if member.is_teacher:
            _teacher(member, url_path, lang)
        else:
            _student(member, lang)


def _query() -> dict[str, str]:
    return {key: st.query_params[key] for key in st.query_params if key != LANG_PARAM}


def _teacher(member: Membership, url_path: str, lang: str) -> None:
    page = PAGE_FILES.get(url_path)
    if st.session_state.pop(_SENT, False):
        st.success(t("class.panel.sent", lang), icon="📡")
    if page is not None and page != CLASS_PAGE:
        st.button(
            t("class.panel.send", lang),
            icon="📡",
            width="stretch",
            key="class.send",
            on_click=_send,
            args=(member, page, lang),
        )
    if url_path == PLAYGROUND:
        _ask(member, lang)
    st.page_link(CLASS_PAGE, label=t("class.panel.projector", lang), icon="🧑‍🏫")


def _send(member: Membership, page: str, lang: str) -> None:
    repo = repository()
    if attempt(lang, repo.send_view, member.code, member.token, page, _query(), later="panel"):
        st.session_state[_SENT] = True


def _ask(member: Membership, lang: str) -> None:
    query = _query()
    view = attempt(lang, scene, query, lang)
    if view is None:
        return
    with st.expander(t("class.panel.ask", lang), icon="❓"):
        labels = view.labels
        index = st.selectbox(
            t("class.panel.optimizer", lang),
            range(len(labels)),
            format_func=labels.__getitem__,
            index=len(labels) - 1,
            key="class.ask.optimizer",
        )
        top = min(view.settings.steps, MAX_ASK_STEP)
        steps = st.number_input(
            t("class.panel.steps", lang),
            min_value=1,
            max_value=top,
            value=min(50, top),
            step=1,
            key="class.ask.steps",
        )
        predict = prediction_payload, query, view, index, int(steps)
        st.button(
            t("class.panel.ask_predict", lang),
            width="stretch",
            key="class.ask.predict",
            on_click=_ask_question,
            args=(member, PREDICT, predict, lang),
        )
        if len(labels) >= 2 and view.f_min is not None:
            st.button(
                t("class.panel.ask_choice", lang),
                width="stretch",
                key="class.ask.choice",
                on_click=_ask_question,
                args=(member, CHOICE, (choice_payload, query, view), lang),
            )
        else:
            st.caption(t("class.panel.choice_needs", lang))


def _ask_question(member: Membership, kind: str, make_payload: tuple, lang: str) -> None:
    """Ask, bring the class to the question (their /class page), and open the projector."""
    payload = attempt(lang, *make_payload, later="panel")
    if payload is None:
        return
    repo = repository()
    if attempt(lang, repo.ask, member.code, member.token, kind, payload, later="panel") is None:
        return
    if attempt(lang, repo.send_view, member.code, member.token, CLASS_PAGE, {}, later="panel"):
        st.session_state[_TO_PROJECTOR] = True


def _student(member: Membership, lang: str) -> None:
    st.text(t("class.panel.you_are", lang, nickname=member.nickname))
    if following():
        st.caption(t("class.panel.following", lang))
        st.button(
            t("class.panel.explore", lang),
            icon="🧭",
            on_click=set_following,
            args=(False,),
            width="stretch",
        )
        st.fragment(run_every=FOLLOW_POLL_S)(_follow)(member, lang)
    else:
        st.caption(t("class.panel.exploring", lang))
        st.button(
            t("class.panel.follow", lang),
            icon="👀",
            on_click=set_following,
            args=(True,),
            type="primary",
            width="stretch",
        )
    st.button(t("class.panel.leave", lang), on_click=leave, width="stretch")


def _follow(member: Membership, lang: str) -> None:
    view = attempt(lang, repository().current_view, member.code)
    if view is None:
        return
    known = view.page in PAGE_FILES.values()
    if view.version > followed_version() and known:
        mark_followed(view.version)
        st.switch_page(view.page, query_params={**view.query, LANG_PARAM: lang})
