"""A small caption under an exported image: how the figure was made, for a slide.

The caption is text segments (``"Rosenbrock"``, ``"start (−1.2, 1)"``, ``"Adam: lr=0.05"``)
joined by `` · `` and wrapped to the image's width; the bottom margin grows by the
caption's height so the plot keeps its axes and the caption never overlaps them.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

CAPTION_FONT_SIZE = 11
CAPTION_COLOR = "#555555"
CAPTION_NAME = "export-caption"
_LINE_HEIGHT_PX = 15
_PAD_PX = 6  # frame_page.js repeats it (CAPTION_PAD), with CAPTION_NAME
_SEPARATOR = " · "
# Average glyph width as a fraction of the font size (CJK glyphs are about twice as wide).
_LATIN_EM, _CJK_EM = 0.55, 1.0
_DEFAULT_MARGIN = 80  # Plotly.js's default margin on every side


def _text_width(text: str) -> float:
    return sum((_CJK_EM if ord(char) >= 0x2E80 else _LATIN_EM) * CAPTION_FONT_SIZE for char in text)


def caption_lines(segments: Sequence[str], width: int) -> list[str]:
    """``segments`` joined by " · " into lines no wider than ``width`` pixels (estimated).

    A segment is never split; one wider than the image gets a line of its own.
    """
    lines: list[str] = []
    for segment in segments:
        if lines and _text_width(lines[-1] + _SEPARATOR + segment) <= width:
            lines[-1] += _SEPARATOR + segment
        else:
            lines.append(segment)
    return lines


def with_caption(fig_dict: Mapping[str, Any], segments: Sequence[str], width: int) -> dict:
    """A copy of ``fig_dict`` with the caption as a paper annotation under the plot.

    ``width`` is the image's width in pixels (the lines are wrapped to it).
    """
    layout = dict(fig_dict.get("layout", {}))
    margin = dict(layout.get("margin", {}))
    # The caption starts at the plot's left edge (paper x = 0) and may run into the right margin.
    room = width - margin.get("l", _DEFAULT_MARGIN)
    lines = caption_lines([s for s in segments if s], room)
    if not lines:
        return dict(fig_dict)
    bottom = margin.get("b", _DEFAULT_MARGIN)
    extra = len(lines) * _LINE_HEIGHT_PX + _PAD_PX
    margin["b"] = bottom + extra
    # Pinned to the image's bottom edge, in the room just added: whatever Plotly.js placed
    # in the old bottom margin (x-axis titles, a frame slider) keeps its place above it.
    caption = {
        "text": "<br>".join(html.escape(line, quote=False) for line in lines),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "xanchor": "left",
        "yanchor": "bottom",
        "align": "left",
        "yshift": -(bottom + extra) + _PAD_PX // 2,
        "showarrow": False,
        "font": {"size": CAPTION_FONT_SIZE, "color": CAPTION_COLOR},
        "name": CAPTION_NAME,
    }
    layout["margin"] = margin
    layout["annotations"] = [*layout.get("annotations", ()), caption]
    return {**fig_dict, "layout": layout}
