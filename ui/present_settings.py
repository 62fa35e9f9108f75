"""Projector mode and hidden parts, as link parameters (``?present=1&hide=export,summary``),
and the style sheet they give. Pure: no Streamlit.

Parts follow TensorFlow Playground's convention of hiding named parts from the link, so a
teacher can prepare a view with only what the demo needs. A part is either a region of
Streamlit's own frame (the sidebar, the header) or a container a page marks with
``ui.present.part(name)``; hiding it is a style rule, so what is hidden keeps its state.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from i18n import t
from ui.links import LinkReader, Notice

PRESENT_PARAM = "present"
HIDE_PARAM = "hide"
FRAME_PARTS = {
    "sidebar": (
        '[data-testid="stSidebar"]',
        '[data-testid="stSidebarCollapsedControl"]',
        '[data-testid="stExpandSidebarButton"]',
    ),
    "header": ('[data-testid="stHeader"]',),
}
PAGE_PARTS = (
    "title",  # a page's title (a lesson's live view hides it: the lesson names the step)
    "intro",  # the text under a page's title
    "summary",  # the Playground's results table
    "optimizers",  # the Playground's optimizer panels
    "steps",  # the Playground's step buttons
    "export",  # export buttons
    "link_help",  # the caption about sharing the address bar
    "lesson_nav",  # the lessons page's progress and buttons
    "prompts",  # the lessons page's "what to notice" and question
)
PARTS = (*FRAME_PARTS, *PAGE_PARTS)
# What a projected demo does without: the class sees the view, the teacher drives it.
PRESENT_HIDES = ("header", "export", "link_help")
MAX_HIDDEN = len(PARTS)
BODY_FONT_PX = 20
# Streamlit sizes text in rem, some of it (captions, labels, the sidebar) below 1rem: the
# root size scales everything, these set the floor for what is read as body text.
BODY_TEXT = (
    '[data-testid="stMarkdownContainer"] p',
    '[data-testid="stMarkdownContainer"] li',
    '[data-testid="stCaptionContainer"]',
    '[data-testid="stWidgetLabel"] p',
    '[data-testid="stAlertContentInfo"] p',
    "button p",
)


@dataclass(frozen=True)
class Presentation:
    present: bool = False
    hide: tuple[str, ...] = ()

    def hidden(self) -> tuple[str, ...]:
        """The parts hidden: those named in the link, and in projector mode its defaults."""
        extra = PRESENT_HIDES if self.present else ()
        return tuple(dict.fromkeys((*self.hide, *extra)))


def part_class(name: str) -> str:
    """The CSS class Streamlit gives ``st.container(key=part_key(name))``."""
    return f"st-key-{part_key(name)}"


def part_key(name: str) -> str:
    return f"part-{name}"


def presentation_from_query(
    query: Mapping[str, Any], lang: str = "en"
) -> tuple[Presentation, list[Notice]]:
    """``present`` (a flag) and ``hide`` (part names, comma-separated); never raises.
    Unknown part names are dropped with a notice; other parameters are not looked at."""
    own = {key: query[key] for key in (PRESENT_PARAM, HIDE_PARAM) if key in query}
    read = LinkReader(own, lang)
    present = read.flag(PRESENT_PARAM, False)
    text = read.raw(HIDE_PARAM) or ""
    hide = []
    for name in dict.fromkeys(part.strip() for part in text.split(",") if part.strip()):
        if name in PARTS:
            hide.append(name)
        else:
            read.note(
                HIDE_PARAM, name, t("link.allowed_choice", lang, choices=", ".join(PARTS)), ""
            )
    return Presentation(present, tuple(hide[:MAX_HIDDEN])), read.finish()


def presentation_to_query(presentation: Presentation) -> dict[str, str]:
    query = {PRESENT_PARAM: "1"} if presentation.present else {}
    if presentation.hide:
        query[HIDE_PARAM] = ",".join(presentation.hide)
    return query


# The summary table's cells on one line: on a phone its columns got a few characters each, and
# its headers and values ("not reached", "未达到") broke letter by letter. It scrolls sideways.
_CELLS = f".{part_class('summary')} :is(th, td)"
TABLE_RULE = f"{_CELLS}, {_CELLS} * {{ white-space: nowrap !important; }}"
# A page link's label wraps: Streamlit keeps it on one line and clips it, and on a phone the
# sweep's "Open the best cell in the Playground (lr = 0.555, beta1 = 0.9)" lost its values.
_LINK_TEXT = '[data-testid="stPageLink-NavLink"] :not([data-testid="stIconMaterial"])'
LINK_RULE = f"{_LINK_TEXT} {{ white-space: normal !important; line-height: 1.4; }}"


def stylesheet(presentation: Presentation) -> str:
    """The CSS of ``presentation`` (the summary table's and the links' rules alone for the
    normal view)."""
    rules = [TABLE_RULE, LINK_RULE]
    if presentation.present:
        rules.append(f"html {{ font-size: {BODY_FONT_PX}px; }}")
        rules.append(f"{', '.join(BODY_TEXT)} {{ font-size: {BODY_FONT_PX}px !important; }}")
        # Without the header above it, the page's top padding is only lost screen height.
        rules.append('[data-testid="stMainBlockContainer"] { padding-top: 1.5rem; }')
    selectors = []
    for name in presentation.hidden():
        selectors += FRAME_PARTS.get(name, (f".{part_class(name)}",))
    if selectors:
        rules.append(f"{', '.join(selectors)} {{ display: none !important; }}")
    return "\n".join(rules)
