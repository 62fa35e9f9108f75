"""AppTest helpers: run the real app.py (shell + navigation) on a chosen page with a query."""

from __future__ import annotations

import base64

import numpy as np
from streamlit.testing.v1 import AppTest

from tests.support.paths import ROOT


def run_app(page: str | None = None, timeout: float = 60, **query: str) -> AppTest:
    """Run app.py with ``query`` as the link's parameters, on ``page`` (e.g. "pages/sweep.py")."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    for key, value in query.items():
        at.query_params[key] = value
    if page is not None:
        at.switch_page(page)
    return at.run()


def opened(at: AppTest, *keys: str) -> AppTest:
    """``at`` rerun with the lazy popovers and expanders of ``keys`` open, as a click opens
    them in the browser (their contents are made only while open)."""
    for key in keys:
        at.session_state[key] = True
    return at.run()


def plotly_array(values: object) -> np.ndarray:
    """An array from a figure spec: Plotly 7 writes numpy arrays as {"dtype", "bdata"}."""
    if isinstance(values, dict):
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
    return np.asarray(values, dtype=float)
