"""A registry entry: what the UI shows of a schedule and how ``make`` builds it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from optimizers.schedules.curves import LrFn
from optimizers.schedules.param import Param
from optimizers.schedules.plateau import Schedule


@dataclass(frozen=True, kw_only=True)
class Spec:
    """One schedule, built by keyword: ``Spec(name="step", title=..., build=curves.step, ...)``.

    ``build(lr, **params)`` returns the lr as a function of the step, or a loss-driven
    :class:`Schedule` where ``loss_driven``. ``check(params, steps)`` holds the rules across
    parameters that no single declaration can say. ``after`` is the schedule a warm-up
    entry leads into (None for the others).
    """

    name: str
    title: str
    torch_class: str
    params: tuple[Param, ...]
    formula_latex: str
    summary: str
    build: Callable[..., LrFn | Schedule]
    loss_driven: bool = False
    check: Callable[[Mapping[str, Any], int], None] | None = None
    after: Spec | None = None

    def param(self, name: str) -> Param:
        """The declaration of parameter ``name``."""
        for p in self.params:
            if p.name == name:
                return p
        raise ValueError(
            f"{self.name}: unknown parameter {name!r}; expected one of: "
            + ", ".join(p.name for p in self.params)
        )
