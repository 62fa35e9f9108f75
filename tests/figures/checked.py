"""Builders return plain figure dicts; tests read them through a validated ``go.Figure``."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go


def checked(fig: Any) -> go.Figure:
    """``fig`` as a Figure, after checking it is a plain dict that Plotly accepts.

    The app never builds a ``go.Figure`` (``ui.chart`` sends the dict unvalidated), so this
    is where every property name and value of a builder's output is validated; attribute
    access (``fig.data[0].x``, ``fig.layout.yaxis.type``) then reads the same data.
    """
    assert isinstance(fig, dict), f"a builder must return a figure dict; got {type(fig).__name__}"
    assert set(fig) <= {"data", "layout", "frames"}, sorted(fig)
    return go.Figure(fig)
