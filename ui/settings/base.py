"""The Playground part every teaching page's link shares, and the helpers to read it."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from i18n import t
from ui import playground_settings as pg
from ui.links import Notice
from ui.playground_settings import OptimizerEntry, PlaygroundSettings

Query = Mapping[str, Any]
Pairs = tuple[tuple[str, Any], ...]
DROPPED_BASE_KEYS = ("view",)  # Playground settings a lesson page has no use for
OPTIMIZER_KEY = re.compile(r"o\d{1,3}")  # the Playground's names of its optimizer entries


def split(query: Query, own: Callable[[str], bool]) -> tuple[dict, dict]:
    """(the Playground part, the page's own part) of a link, by ``own``(name)."""
    shared = {k: v for k, v in query.items() if not own(k)}
    return shared, {k: v for k, v in query.items() if own(k)}


def read_base(
    query: Query,
    lang: str,
    default: PlaygroundSettings,
    *,
    presets: Sequence[str] | None = None,
    max_optimizers: int = 1,
) -> tuple[PlaygroundSettings, list[Notice]]:
    """The Playground part of a lesson link, with the page's defaults for what it omits.

    At most ``max_optimizers`` optimizer entries are kept (a notice names each dropped one);
    an entry whose preset is not in ``presets`` is replaced by the page's default entry.
    """
    settings, notices = pg.from_query(query, lang)
    refused = {notice.param for notice in notices}
    # Absent or refused: the page's own default, not the Playground's.
    given = set(query) - refused
    if "surface" not in given:
        settings = replace(
            settings, surface=default.surface, surface_params=(), start=default.start
        )
    for name in ("steps", "seed", "speed", "tol"):  # link names equal the field names
        if name not in given:
            settings = replace(settings, **{name: getattr(default, name)})
    settings = replace(settings, step=min(settings.step, settings.steps))
    notices = [
        replace(n, used=str(getattr(default, n.param))) if n.param in ("steps", "seed") else n
        for n in notices
    ]
    if not any(OPTIMIZER_KEY.fullmatch(k) for k in given):
        return replace(settings, optimizers=default.optimizers), notices
    entries = list(settings.optimizers)
    for index, entry in enumerate(entries[max_optimizers:], start=max_optimizers):
        notices.append(
            Notice(
                f"o{index}",
                entry.preset,
                t("lesson.link.one_optimizer", lang, max=max_optimizers),
                "",
            )
        )
    entries = entries[:max_optimizers]
    for index, entry in enumerate(entries):
        if presets is not None and entry.preset not in presets:
            fallback = default.optimizers[min(index, len(default.optimizers) - 1)]
            allowed = t("link.allowed_choice", lang, choices=", ".join(presets))
            notices.append(Notice(f"o{index}", entry.preset, allowed, fallback.preset))
            entries[index] = fallback
    return replace(settings, optimizers=tuple(entries)), notices


def base_query(settings: PlaygroundSettings) -> dict[str, str]:
    """The Playground part of a lesson link."""
    return {k: v for k, v in pg.to_query(settings).items() if k not in DROPPED_BASE_KEYS}


def playground_link(settings: PlaygroundSettings) -> dict[str, str]:
    """Query parameters that open ``settings`` in the Playground."""
    return pg.to_query(settings)


def entry(preset: str, **values: Any) -> OptimizerEntry:
    """An optimizer entry: ``preset`` with ``values`` (flat names) changed."""
    return OptimizerEntry(preset).with_values(values)
