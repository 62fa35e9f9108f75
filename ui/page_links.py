"""Which pure link parser reads each lab page's settings (the page's own ``from_query``).

Lessons use it to check a step's link the way the page itself will read it, so a link
that would open with notices is reported on the lesson page, not discovered in class.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ui import playground_settings
from ui.links import Notice
from ui.settings import bias, moments, schedules, sweep

LinkParser = Callable[[Mapping[str, Any], str], tuple[Any, list[Notice]]]

PARSERS: dict[str, LinkParser] = {
    "playground": playground_settings.from_query,
    "moments": moments.moments_from_query,
    "bias_correction": bias.bias_from_query,
    "schedules": schedules.schedules_from_query,
    "sweep": sweep.sweep_from_query,
}


def link_notices(page: str, query: tuple[tuple[str, str], ...], lang: str) -> list[Notice]:
    """What ``page`` would say about ``query`` (empty: the link opens clean)."""
    grouped: dict[str, list[str]] = {}
    for key, value in query:
        grouped.setdefault(key, []).append(value)
    return PARSERS[page](grouped, lang)[1]
