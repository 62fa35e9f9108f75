"""Settings of the Bias correction page: the betas, the horizon and the comparison.

See ui/settings/__init__.py for how a lesson link is read and written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import optimizers
from ui.links import LinkReader, Notice, format_number
from ui.playground_settings import OptimizerEntry, PlaygroundSettings
from ui.settings.base import Query, base_query, entry, read_base, split

BIAS_PRESETS = tuple(p for p in optimizers.presets() if optimizers.preset(p).optimizer == "adam")
COMPARISONS = ("bias_correction", "epsilon", "weight_decay")
MIN_HORIZON = 10
MAX_HORIZON = 2000


BIAS_BASE = PlaygroundSettings(steps=150, optimizers=(entry("adam", lr=0.1),))


@dataclass(frozen=True)
class BiasSettings:
    """The bias-correction page: betas and horizon of the 1 - beta^t plot, the Adam run,
    and which switch the side-by-side comparison flips (with its eps or weight decay)."""

    base: PlaygroundSettings = BIAS_BASE
    beta1: float = 0.9
    beta2: float = 0.999
    horizon: int = 200
    comparison: str = "bias_correction"
    eps: float = 1.0  # comparable to the gradients: where the placement shows
    weight_decay: float = 0.5

    @property
    def entry(self) -> OptimizerEntry:
        return self.base.optimizers[0]

    def variants(self) -> tuple[tuple[str, dict[str, Any]], tuple[str, dict[str, Any]]]:
        """The two runs side by side: (message key of the label, hyperparameters) each."""
        kwargs = self.entry.run_kwargs()
        if self.comparison == "bias_correction":
            a, b = {"bias_correction": True}, {"bias_correction": False}
        elif self.comparison == "epsilon":
            a = {"keras_epsilon": False, "eps": self.eps}
            b = {"keras_epsilon": True, "eps": self.eps}
        else:
            a = {"decoupled_weight_decay": False, "weight_decay": self.weight_decay}
            b = {"decoupled_weight_decay": True, "weight_decay": self.weight_decay}
        return (
            (f"bias.variant.{self.comparison}.a", {**kwargs, **a}),
            (f"bias.variant.{self.comparison}.b", {**kwargs, **b}),
        )


_BIAS_OWN = ("b1", "b2", "horizon", "cmp", "cmp.eps", "cmp.wd")


def bias_from_query(query: Query, lang: str = "en") -> tuple[BiasSettings, list[Notice]]:
    """BiasSettings from a link (``b1``, ``b2``, ``horizon``, ``cmp``, ``cmp.eps``,
    ``cmp.wd`` are the page's own); never raises."""
    shared, own = split(query, lambda k: k in _BIAS_OWN)
    d = BiasSettings()
    base, notices = read_base(shared, lang, d.base, presets=BIAS_PRESETS)
    read = LinkReader(own, lang)
    settings = BiasSettings(
        base=base,
        beta1=read.number("b1", d.beta1, 0.0, 1.0, closed="left"),
        beta2=read.number("b2", d.beta2, 0.0, 1.0, closed="left"),
        horizon=read.integer("horizon", d.horizon, MIN_HORIZON, MAX_HORIZON),
        comparison=read.choice("cmp", d.comparison, COMPARISONS),
        eps=read.number("cmp.eps", d.eps, 0.0, 10.0),
        weight_decay=read.number("cmp.wd", d.weight_decay, 0.0, 10.0),
    )
    return settings, notices + read.finish()


def bias_to_query(settings: BiasSettings) -> dict[str, str]:
    query = base_query(settings.base)
    query.update(
        {
            "b1": format_number(settings.beta1),
            "b2": format_number(settings.beta2),
            "horizon": str(settings.horizon),
            "cmp": settings.comparison,
            "cmp.eps": format_number(settings.eps),
            "cmp.wd": format_number(settings.weight_decay),
        }
    )
    return query
