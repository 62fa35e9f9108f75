"""Settings of the Moments page: one optimizer and the Newton panel's own settings.

See ui/settings/__init__.py for how a lesson link is read and written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import optimizers
from ui import playground_settings as pg
from ui.links import LinkReader, Notice, format_number
from ui.playground_settings import OptimizerEntry, PlaygroundSettings
from ui.settings.base import Query, base_query, entry, read_base, split

MOMENTS_PRESETS = tuple(p for p in optimizers.presets() if p != "newton")
NEWTON_MAX_STEPS = 50


MOMENTS_BASE = PlaygroundSettings(steps=150, optimizers=(entry("adam", lr=0.05),))


@dataclass(frozen=True)
class MomentsSettings:
    """The moments page: one optimizer whose buffers are shown (``base.step`` is the step
    shown and inspected), and a Newton run with its own lr, damping, steps and shown step."""

    base: PlaygroundSettings = MOMENTS_BASE
    newton: OptimizerEntry = field(default_factory=lambda: OptimizerEntry("newton"))
    newton_steps: int = 12
    newton_step: int = 1

    @property
    def entry(self) -> OptimizerEntry:
        return self.base.optimizers[0]


def _newton_key(key: str) -> bool:
    return key.startswith("newton.")


def moments_from_query(query: Query, lang: str = "en") -> tuple[MomentsSettings, list[Notice]]:
    """MomentsSettings from a link (``newton.lr``, ``newton.damping``, ``newton.steps``,
    ``newton.t`` are the page's own); never raises."""
    shared, own = split(query, _newton_key)
    default = MomentsSettings()
    base, notices = read_base(shared, lang, default.base, presets=MOMENTS_PRESETS)
    read = LinkReader(own, lang)
    values = {}
    for name, hp in pg.flat_hparams("newton").items():
        values[name] = read.value(f"newton.{name}", hp.default, hp.constraint)
    steps = read.integer("newton.steps", default.newton_steps, 1, NEWTON_MAX_STEPS)
    step = read.integer("newton.t", min(default.newton_step, steps), 0, steps)
    settings = MomentsSettings(base, default.newton.with_values(values), steps, step)
    return settings, notices + read.finish()


def moments_to_query(settings: MomentsSettings) -> dict[str, str]:
    query = base_query(settings.base)
    for name, value in settings.newton.overrides:
        query[f"newton.{name}"] = format_number(value)
    query["newton.steps"] = str(settings.newton_steps)
    query["newton.t"] = str(settings.newton_step)
    return query
