"""The class's sidebar panel, on every page, for a session that is in a class.

The teacher sends the view on screen to the class (its page and link) and, on the
Playground, asks about it. A student follows: a fragment polls the class's view and opens
each new one the teacher sends, until the student chooses to explore alone (one click
back). Sessions in no class see nothing and touch no database.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from classroom.errors import ClassroomError
from classroom.questions import CHOICE, PREDICT
from classroom.repository import View
from i18n import t
from ui.class_questions import (
    choice_payload,
    mark_seen,
    prediction_payload,
    question_changed,
    scene,
)
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

POLL_S = 1.0  # a sent view or a question reaches the students within about twice this
# Page files by URL path: what a sent view names, and the only pages a follower opens.
PAGE_FILES = {"": HOME.path, **{Path(p.path).stem: p.path for p in LESSONS}}
PLAYGROUND, CLASS_URL_PATH = "playground", "class"
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
    if not member.is_teacher and following():
        _follow(member, lang)
    with st.sidebar:
        st.divider()
        st.subheader(t("class.panel.title", lang, code=member.code))
        show_refusals("panel")
        if member.is_teacher:
            _teacher(member, url_path, lang)
        else:
            _student(member, url_path == CLASS_URL_PATH, lang)
    if not member.is_teacher:
        # One poll per student, on every page: what the server pays per student per second.
        st.fragment(run_every=POLL_S)(_poll)(member, url_path == CLASS_URL_PATH, lang)


def _query() -> dict[str, str]:
    return {key: st.query_params[key] for key in st.query_params if key != LANG_PARAM}


def _teacher(member: Membership, url_path: str, lang: str) -> None:
    page = PAGE_FILES.get(url_path)
    if st.session_state.pop(_SENT, False):
        st.success(t("class.panel.sent", lang), icon=":material/cast:")
    if page is not None and page != CLASS_PAGE:
        st.button(
            t("class.panel.send", lang),
            icon=":material/cast:",
            width="stretch",
            key="class.send",
            on_click=_send,
            args=(member, page, lang),
        )
    if url_path == PLAYGROUND:
        _ask(member, lang)
    st.page_link(CLASS_PAGE, label=t("class.panel.projector", lang), icon=":material/co_present:")


def _send(member: Membership, page: str, lang: str) -> None:
    repo = repository()
    if attempt(lang, repo.send_view, member.code, member.token, page, _query(), later="panel"):
        st.session_state[_SENT] = True


def _ask(member: Membership, lang: str) -> None:
    query = _query()
    view = attempt(lang, scene, query, lang)
    if view is None:
        return
    with st.expander(t("class.panel.ask", lang), icon=":material/help:"):
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


def _student(member: Membership, on_class_page: bool, lang: str) -> None:
    st.text(t("class.panel.you_are", lang, nickname=member.nickname))
    if following():
        st.caption(t("class.panel.following", lang))
        st.button(
            t("class.panel.explore", lang),
            icon=":material/explore:",
            on_click=set_following,
            args=(False,),
            width="stretch",
        )
    else:
        st.caption(t("class.panel.exploring", lang))
        st.button(
            t("class.panel.follow", lang),
            icon=":material/visibility:",
            on_click=set_following,
            args=(True,),
            type="primary",
            width="stretch",
        )
    st.button(t("class.panel.leave", lang), on_click=leave, width="stretch")
    if on_class_page:
        # The state the page is about to draw (the poll below runs first in a full run).
        mark_seen(attempt(lang, repository().current_question, member.code))


def _poll(member: Membership, on_class_page: bool, lang: str) -> None:
    """Rerun the app when the teacher sent a view (and this student follows) or, on /class,
    asked or revealed. The switch itself happens in the full run (:func:`_follow`): a page
    switched to from inside a fragment run loses its content at the fragment's next run."""
    if (following() and _sent_view(member) is not None) or (
        on_class_page and question_changed(member)
    ):
        _rerun_app_uncached()


def _rerun_app_uncached() -> None:
    """``st.rerun(scope="app")``, with every element sent whole rather than by reference.

    A rerun started on the server reuses the list of cached messages the browser sent with
    the request that started it, here the poll's timer. In Streamlit 1.67 that list can
    name messages the browser has since dropped from its cache (those of a page it
    visited before), and the page they belong to then stays blank. Sending everything
    once, for this rerun and the page switch that follows, cannot refer to anything
    missing. ``cached_message_hashes`` is private Streamlit state: without it, this is a
    plain rerun.
    """
    ctx = get_script_run_ctx()
    if ctx is not None and hasattr(ctx, "cached_message_hashes"):
        ctx.cached_message_hashes = frozenset()
    st.rerun(scope="app")


def _sent_view(member: Membership) -> View | None:
    """The view the teacher sent that this student has not opened yet, if any."""
    try:
        view = repository().current_view(member.code)
    except (ClassroomError, sa.exc.OperationalError):
        return None  # the full run reports it
    fresh = view.version > followed_version() and view.page in PAGE_FILES.values()
    return view if fresh else None


def _follow(member: Membership, lang: str) -> None:
    view = _sent_view(member)
    if view is not None:
        mark_followed(view.version)
        st.switch_page(view.page, query_params={**view.query, LANG_PARAM: lang})
