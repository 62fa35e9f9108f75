"""What a class question asks, as data, and how its answers are checked and scored.

Two kinds: ``predict`` ("where will <optimizer> be after <k> steps?", answered with a point
on the surface's map) and ``choice`` ("which reaches the minimum first?", answered with an
option's index). A question carries the link of the Playground view it is about, so the
reveal recomputes the very run the class looked at. Pure: no database, no Streamlit.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from classroom.errors import BadAnswer

PREDICT = "predict"
CHOICE = "choice"
KINDS = (PREDICT, CHOICE)
MAX_QUERY_CHARS = 16_000  # a Playground link is a few hundred characters; this is ample
MAX_OPTIONS = 8

Bounds = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class Question:
    """A question as stored: ``payload`` is :func:`prediction`'s or :func:`choice`'s dict."""

    id: int
    kind: str
    payload: Mapping[str, Any]
    revealed: bool

    @property
    def query(self) -> dict[str, str]:
        return dict(self.payload["query"])

    @property
    def bounds(self) -> Bounds:
        (xmin, xmax), (ymin, ymax) = self.payload["bounds"]
        return (xmin, xmax), (ymin, ymax)


def check_query(query: Mapping[str, str]) -> dict[str, str]:
    plain = {str(k): str(v) for k, v in query.items()}
    if len(json.dumps(plain)) > MAX_QUERY_CHARS:
        raise ValueError(f"query must be at most {MAX_QUERY_CHARS} characters of JSON")
    return plain


def _check_bounds(bounds: Bounds) -> list[list[float]]:
    (xmin, xmax), (ymin, ymax) = bounds
    values = [float(v) for v in (xmin, xmax, ymin, ymax)]
    if not (
        all(math.isfinite(v) for v in values) and values[0] < values[1] and values[2] < values[3]
    ):
        raise ValueError(f"bounds must be finite with min < max; got {bounds!r}")
    return [values[:2], values[2:]]


def prediction(
    query: Mapping[str, str], optimizer: int, label: str, steps: int, bounds: Bounds
) -> dict[str, Any]:
    """The payload of "where will optimizer #``optimizer`` (``label``) be after ``steps``?"."""
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
        raise ValueError(f"steps must be an integer >= 1; got {steps!r}")
    if isinstance(optimizer, bool) or not isinstance(optimizer, int) or optimizer < 0:
        raise ValueError(f"optimizer must be an index >= 0; got {optimizer!r}")
    return {
        "query": check_query(query),
        "optimizer": optimizer,
        "label": str(label),
        "steps": steps,
        "bounds": _check_bounds(bounds),
    }


def choice(query: Mapping[str, str], options: Sequence[str], bounds: Bounds) -> dict[str, Any]:
    """The payload of "which of ``options`` (the view's optimizers) reaches the minimum first?"."""
    if not 2 <= len(options) <= MAX_OPTIONS:
        raise ValueError(f"options must number 2 to {MAX_OPTIONS}; got {len(options)}")
    return {
        "query": check_query(query),
        "options": [str(o) for o in options],
        "bounds": _check_bounds(bounds),
    }


def check_point(question: Question, x: object, y: object) -> tuple[float, float]:
    """A prediction's guess, inside the surface's window; else BadAnswer naming the window."""
    (xmin, xmax), (ymin, ymax) = question.bounds
    ok = (
        question.kind == PREDICT
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in (x, y))
        and math.isfinite(x)
        and math.isfinite(y)
        and xmin <= x <= xmax
        and ymin <= y <= ymax
    )
    if not ok:
        raise BadAnswer(
            allowed=f"x in [{xmin:g}, {xmax:g}], y in [{ymin:g}, {ymax:g}]", given=f"({x}, {y})"
        )
    return float(x), float(y)


def check_choice(question: Question, index: object) -> int:
    """A multiple-choice answer: an option's index; else BadAnswer naming the range."""
    count = len(question.payload.get("options", ())) if question.kind == CHOICE else 0
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < count:
        raise BadAnswer(allowed=f"0 … {count - 1}", given=repr(index))
    return index


def distances(guesses: np.ndarray, truth: Sequence[float]) -> np.ndarray:
    """Euclidean distance from each guess (N, 2) to the true point (2,)."""
    guesses = np.asarray(guesses, dtype=np.float64).reshape(-1, 2)
    return np.hypot(*(guesses - np.asarray(truth, dtype=np.float64)).T)


def tally(choices: Sequence[int], n_options: int) -> list[int]:
    """How many answers chose each option."""
    counts = np.bincount(np.asarray(choices, dtype=int), minlength=n_options)
    return [int(c) for c in counts[:n_options]]
