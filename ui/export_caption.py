"""The settings caption of an exported image, in the page's language (no Streamlit here).

Surface, start point, steps, then each optimizer with the hyperparameters it runs with that
differ from torch.optim's defaults (a preset such as Nesterov shows ``momentum=0.9,
nesterov=True``), so a figure pasted on a slide says how it was made.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

import optimizers
from i18n import CATALOG, t


def _number(value: Any) -> str:
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, int | float | np.number):
        return f"{float(value):.4g}"
    if isinstance(value, tuple | list):
        return "(" + ", ".join(_number(item) for item in value) + ")"
    return str(value)


def _differs(value: Any, default: Any) -> bool:
    if isinstance(value, np.ndarray) or isinstance(default, np.ndarray):
        return not np.array_equal(np.asarray(value), np.asarray(default))
    if isinstance(value, tuple | list) and isinstance(default, tuple | list):
        return len(value) != len(default) or any(
            _differs(a, b) for a, b in zip(value, default, strict=False)
        )
    return value != default


def _non_defaults(traj: Any) -> list[str]:
    spec = optimizers.get(traj.name)
    used = dict(traj.hparams)
    return [
        f"{name}={'…' if isinstance(used[name], np.ndarray) else _number(used[name])}"
        for name, hparam in spec.hparams.items()
        if name in used and _differs(used[name], hparam.default)
    ]


def _surface(settings: Mapping[str, Any], lang: str) -> str:
    name = str(settings.get("surface", ""))
    if name == "custom" and settings.get("f"):
        return t("export.caption.formula", lang, formula=settings["f"])
    key = f"surface.{name}.title"
    return t(key, lang) if key in CATALOG else name


def settings_caption(
    runs: Sequence[tuple[str, Any]], settings: Mapping[str, Any], lang: str
) -> list[str]:
    """Caption segments for ``runs`` ((label, trajectory) pairs) made with ``settings``.

    ``settings`` are the view's link parameters (``surface``, and ``f`` for a custom formula).
    """
    segments = [_surface(settings, lang)] if settings.get("surface") else []
    if runs:
        first = runs[0][1]
        starts = np.asarray(first.xy[0])
        if starts.shape[0] == 1:
            x, y = starts[0]
            segments.append(t("export.caption.start", lang, x=_number(x), y=_number(y)))
        else:
            segments.append(t("export.caption.starts", lang, count=starts.shape[0]))
        segments.append(t("export.caption.steps", lang, steps=first.xy.shape[0] - 1))
    for label, traj in runs:
        changed = _non_defaults(traj)
        if changed:
            segments.append(f"{label}: {', '.join(changed)}")
        else:
            segments.append(t("export.caption.defaults", lang, name=label))
    return segments
