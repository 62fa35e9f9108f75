"""The Streamlit half of the class sessions: the shared store, who this session is in the
class, and the client a join attempt is counted against.

A session is in at most one class, as its teacher or as a student (``Membership``, kept in
``st.session_state``: it outlives page switches, and a student's token never reaches a
URL). The teacher can come back through the private link ``/class?code=…&teacher=…``.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import sqlalchemy as sa
import streamlit as st

from classroom.database import database_url, make_engine, upgrade
from classroom.errors import ClassExpired, ClassroomError, UnknownClass
from classroom.repository import Repository
from i18n import t

CLASS_PAGE = "pages/class.py"
TEACHER, STUDENT = "teacher", "student"
_MEMBERSHIP = "class.membership"
_FOLLOW = "class.follow"
_FOLLOWED = "class.followed"
_REFUSALS = "class.refusals"
LOCAL_ORIGIN = "http://localhost:8501"


@dataclass(frozen=True)
class Membership:
    code: str
    token: str  # the teacher token, or the student's own token
    role: str  # TEACHER | STUDENT
    nickname: str = ""

    @property
    def is_teacher(self) -> bool:
        return self.role == TEACHER


@st.cache_resource(show_spinner=False)
def _repository(url: str) -> Repository:
    # Once per process and database: cache_resource runs this under a lock, and
    # classroom.database.upgrade serialises replicas migrating the same database.
    engine = make_engine(url)
    upgrade(engine)
    return Repository(engine)


def repository() -> Repository:
    return _repository(database_url())


def membership() -> Membership | None:
    return st.session_state.get(_MEMBERSHIP)


def enter(member: Membership) -> None:
    st.session_state[_MEMBERSHIP] = member
    st.session_state[_FOLLOW] = not member.is_teacher
    st.session_state[_FOLLOWED] = 0


def leave() -> None:
    for key in (_MEMBERSHIP, _FOLLOW, _FOLLOWED):
        st.session_state.pop(key, None)


def following() -> bool:
    return bool(st.session_state.get(_FOLLOW, False))


def set_following(on: bool) -> None:
    st.session_state[_FOLLOW] = on
    if on:
        st.session_state[_FOLLOWED] = 0  # rejoining follows the current view at once


def followed_version() -> int:
    return int(st.session_state.get(_FOLLOWED, 0))


def mark_followed(version: int) -> None:
    st.session_state[_FOLLOWED] = version


def attempt(lang: str, action, *args, later: str | None = None, **kwargs):
    """``action(*args, **kwargs)``, or None after showing why it was refused.

    From a callback (which runs before the page), ``later`` names where the page shows the
    refusal (see :func:`show_refusals`). A class that ended or expired also ends this
    session's membership, and the app reruns to show the page without it.
    """
    try:
        return action(*args, **kwargs)
    except ClassroomError as err:
        message = t(err.key, lang, **err.params)
        if isinstance(err, UnknownClass | ClassExpired) and membership() is not None:
            # The class is gone: leave it, and say so on the page that no longer shows it.
            leave()
            _refuse(message, ":material/block:", "page")
            if later is None:
                st.rerun()
        else:
            _refuse(message, ":material/block:", later)
    except ValueError as err:
        _refuse(t("class.err.value", lang, error=str(err)), ":material/block:", later)
    except sa.exc.OperationalError:
        _refuse(t("class.err.storage", lang), ":material/database:", later)
    return None


def _refuse(message: str, icon: str, later: str | None) -> None:
    if later is None:
        st.error(message, icon=icon)
    else:
        st.session_state.setdefault(_REFUSALS, []).append((later, message, icon))


def show_refusals(place: str) -> None:
    """The refusals callbacks kept for ``place`` ("page" or "panel"), shown once."""
    kept = st.session_state.get(_REFUSALS, [])
    for _, message, icon in [r for r in kept if r[0] == place]:
        st.error(message, icon=icon)
    st.session_state[_REFUSALS] = [r for r in kept if r[0] != place]


def client_id() -> str:
    """Who a join attempt counts against: the connection's address, or, behind the lab's
    own balancer (a loopback or private address), the last address it forwarded for."""
    ip = st.context.ip_address
    forwarded = st.context.headers.get("X-Forwarded-For", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if hops and (ip is None or _is_internal(ip)):
        return hops[-1][:100]
    return ip or "local"


def _is_internal(ip: str) -> bool:
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return address.is_loopback or address.is_private


def origin() -> str:
    """scheme://host[:port] of the app as this browser reached it."""
    url = st.context.url
    parts = urlsplit(url) if url else None
    if not parts or not parts.scheme or not parts.netloc:
        return LOCAL_ORIGIN
    return f"{parts.scheme}://{parts.netloc}"


def join_link(code: str) -> str:
    return f"{origin()}/class?{urlencode({'code': code})}"


def teacher_link(code: str, token: str) -> str:
    return f"{origin()}/class?{urlencode({'code': code, 'teacher': token})}"
