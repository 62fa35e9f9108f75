"""Where a class is in a lesson, as a link (``?lesson=adam_from_parts&step=3``), and the
address of each step's live view. Pure: no Streamlit.

Like the pages' settings parsers, :func:`position_from_query` never raises: an unknown
lesson or a step out of range falls back with a :class:`~ui.links.Notice`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from lessons import Lesson, Step
from ui.links import LinkReader, Notice
from ui.present_settings import HIDE_PARAM
from ui.share_link import SAFE_IN_LINKS

# A step's live view without the page's own title and intro: the lesson says what it shows,
# and a 720 px projector then has the view's controls and figure on screen.
EMBED_HIDES = ("title", "intro")


@dataclass(frozen=True)
class Position:
    """A lesson (None: the list of lessons) and a step in it, counted from 1."""

    lesson: str | None = None
    step: int = 1


def find(lessons: Sequence[Lesson], lesson_id: str | None) -> Lesson | None:
    return next((lesson for lesson in lessons if lesson.id == lesson_id), None)


def position_from_query(
    query: Mapping[str, Any], lang: str, lessons: Sequence[Lesson]
) -> tuple[Position, list[Notice]]:
    """The position a link asks for; never raises."""
    read = LinkReader(query, lang)
    chosen = read.choice("lesson", "", [lesson.id for lesson in lessons]) or None
    lesson = find(lessons, chosen)
    if lesson is None:
        read.ignore(("step",))
        return Position(), read.finish()
    step = read.integer("step", 1, 1, len(lesson.steps))
    return Position(lesson.id, step), read.finish()


def position_to_query(position: Position) -> dict[str, str]:
    if position.lesson is None:
        return {}
    return {"lesson": position.lesson, "step": str(position.step)}


def moved(position: Position, lesson: Lesson, by: int) -> Position:
    """``by`` steps further (negative: back), staying within the lesson."""
    return Position(lesson.id, min(max(position.step + by, 1), len(lesson.steps)))


def step_link(
    step: Step,
    lang: str,
    *,
    base_path: str = "",
    embed: bool = False,
    shell: Mapping[str, str] | None = None,
) -> str:
    """The address of ``step``'s view in ``lang`` (a path on this server, "/moments?..."),
    for a new tab or, with ``embed``, for an iframe (Streamlit's ``?embed=true``: the page
    without the app's header and menu); ``shell`` adds the app's own parameters (projector
    mode), so the view is shown the way the lesson is; an embedded view hides the page's
    title and intro (``EMBED_HIDES``)."""
    shell = dict(shell or {})
    if embed:
        hidden = [*filter(None, shell.get(HIDE_PARAM, "").split(",")), *EMBED_HIDES]
        shell[HIDE_PARAM] = ",".join(dict.fromkeys(hidden))
    query = [*step.query, *shell.items(), ("lang", lang)]
    if embed:
        query.append(("embed", "true"))
    prefix = "/" + base_path.strip("/") if base_path.strip("/") else ""
    return f"{prefix}/{step.page}?{urlencode(query, safe=SAFE_IN_LINKS)}"
