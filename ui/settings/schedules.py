"""Settings of the Schedules page: the schedules compared, each with its parameters.

See ui/settings/__init__.py for how a lesson link is read and written.
"""

from __future__ import annotations

from dataclasses import dataclass

from i18n import t
from optimizers import schedules
from ui import playground_settings as pg
from ui.links import LinkReader, Notice, value_text
from ui.playground_settings import NO_SCHEDULE, OptimizerEntry, PlaygroundSettings
from ui.settings.base import Pairs, Query, base_query, entry, read_base, split

MAX_SCHEDULES = 6
SCHEDULE_CHOICES = (NO_SCHEDULE, *schedules.names())


SCHEDULES_BASE = PlaygroundSettings(steps=200, optimizers=(entry("momentum", lr=0.002),))


@dataclass(frozen=True)
class SchedulesSettings:
    """The schedules page: the schedules compared (name, parameters changed from their
    defaults), all driving the same optimizer from the same start, and the lr axis scale."""

    base: PlaygroundSettings = SCHEDULES_BASE
    schedules: tuple[tuple[str, Pairs], ...] = (
        (NO_SCHEDULE, ()),
        ("step", (("gamma", 0.5),)),
        ("warmup_cosine", ()),
        ("onecycle", ()),
        ("lambda", (("lr_lambda", "0.99**t"),)),
    )
    log_y: bool = False

    @property
    def entry(self) -> OptimizerEntry:
        return self.base.optimizers[0]

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.schedules]


def _sched_key(key: str) -> bool:
    return key in ("sched", "log") or key.startswith("sc.")


def schedules_from_query(query: Query, lang: str = "en") -> tuple[SchedulesSettings, list[Notice]]:
    """SchedulesSettings from a link: ``sched=step,cosine`` names the schedules,
    ``sc.<name>.<param>`` their parameters, ``log=1`` the log axis; never raises."""
    shared, own = split(query, _sched_key)
    d = SchedulesSettings()
    base, notices = read_base(shared, lang, d.base)
    read = LinkReader(own, lang)
    text = read.raw("sched")
    chosen = list(d.names) if text is None else []
    if text is not None:
        for name in dict.fromkeys(part.strip() for part in text.split(",") if part.strip()):
            if name in SCHEDULE_CHOICES and len(chosen) < MAX_SCHEDULES:
                chosen.append(name)
            else:
                allowed = t("lesson.link.schedules", lang, max=MAX_SCHEDULES)
                read.note("sched", name, allowed, "")
        chosen = chosen or [NO_SCHEDULE]
    # The page's own parameter choices only when the link names no schedules: a link lists
    # every parameter that differs from the registry's defaults.
    defaults = dict(d.schedules) if text is None else {}
    picked = []
    for name in chosen:
        if name == NO_SCHEDULE:
            picked.append((name, ()))
            continue
        params = dict(defaults.get(name, ()))
        prefix = f"sc.{name}."
        for p in schedules.get(name).params:
            value = pg.read_schedule_param(read, prefix + p.name, p)
            if value is not None and value != p.default:
                params[p.name] = value
        picked.append((name, tuple(sorted(params.items()))))
    log_y = read.flag("log", d.log_y)
    settings = SchedulesSettings(base=base, schedules=tuple(picked), log_y=log_y)
    return settings, notices + read.finish()


def schedules_to_query(settings: SchedulesSettings) -> dict[str, str]:
    query = base_query(settings.base)
    query["sched"] = ",".join(settings.names)
    for name, params in settings.schedules:
        for param, value in params:
            query[f"sc.{name}.{param}"] = value_text(value)
    query["log"] = "1" if settings.log_y else "0"
    return query
