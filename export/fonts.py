"""Fonts in exported images: a CJK fallback in every font family, and whether one is installed.

Chromium draws each character with the first font of the family list that has it, so adding
"Noto Sans CJK SC" (Debian: fonts-noto-cjk) before any generic family makes Chinese titles
and labels render as glyphs, not boxes, without changing how Latin text looks.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from typing import Any

from export.figures import Figure, figure_dict, strings

CJK_FONT = "Noto Sans CJK SC"
CJK_INSTALL = "apt-get install -y fontconfig fonts-noto-cjk"
# Plotly.js's font when neither the figure nor its template sets one.
PLOTLY_DEFAULT_FONT = '"Open Sans", verdana, arial, sans-serif'
_GENERIC_FAMILIES = frozenset(
    {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "math"}
)
_FC_LIST_TIMEOUT_S = 20


@functools.cache
def cjk_fonts_available() -> bool:
    """True when fontconfig (which Chromium uses) knows a font covering Simplified Chinese.

    Asked once per process, through ``fc-list`` so that ``FONTCONFIG_FILE`` is honoured
    exactly as Chromium honours it. Without fontconfig's tools the answer is False: the
    install command (``CJK_INSTALL``) brings both.
    """
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    try:
        listed = subprocess.run(
            [fc_list, ":lang=zh-cn", "family"],
            capture_output=True,
            text=True,
            timeout=_FC_LIST_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return bool(listed.stdout.strip())


def _is_cjk(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\uffef"


def has_cjk(value: Any) -> bool:
    """True when any string inside ``value`` (a figure dict or part of one) has a CJK character."""
    return any(_is_cjk(char) for text in strings(value) for char in text)


def _with_fallback(family: str) -> str:
    """Put the CJK font before any generic family: "A, sans-serif" -> "A, CJK, sans-serif"."""
    names = [name.strip() for name in family.split(",") if name.strip()]
    if any(name.strip("'\"").lower() == CJK_FONT.lower() for name in names):
        return family
    generic = len(names)
    while generic > 0 and names[generic - 1].strip("'\"").lower() in _GENERIC_FAMILIES:
        generic -= 1
    return ", ".join([*names[:generic], CJK_FONT, *names[generic:]])


def _with_fallback_everywhere(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {
            key: _with_fallback(value)
            if key == "family" and isinstance(value, str)
            else _with_fallback_everywhere(value)
            for key, value in obj.items()
        }
    if isinstance(obj, list) and obj and isinstance(obj[0], dict):
        return [_with_fallback_everywhere(item) for item in obj]
    return obj


def with_cjk_fonts(fig: Figure) -> dict:
    """Figure dict whose every font family falls back to Noto Sans CJK SC (the input is untouched).

    The figure-wide family is made explicit (layout, else template, else Plotly.js's default)
    so the fallback applies even where the figure sets no font at all.
    """
    fig_dict = figure_dict(fig)
    layout = fig_dict.get("layout", {})
    template_font = layout.get("template", {}).get("layout", {}).get("font", {})
    family = layout.get("font", {}).get("family") or template_font.get("family")
    font = {**layout.get("font", {}), "family": family or PLOTLY_DEFAULT_FONT}
    return _with_fallback_everywhere({**fig_dict, "layout": {**layout, "font": font}})
