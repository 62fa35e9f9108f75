"""AppTest for the teaching pages, through the whole app: home first, then the page.

``tests.pages.conftest.run_app(page, ...)`` switches page before the first run, and AppTest
then runs the page file alone: app.py's shell never runs, so ``?lang=zh`` is not adopted.
Running app.py once (shell, navigation) and then switching keeps the link's parameters and
the language, as a browser opening the link does.
"""

from __future__ import annotations

import base64

import numpy as np
from streamlit.testing.v1 import AppTest

from tests.pages.conftest import ROOT


def open_lesson(page: str, timeout: float = 60, **query: str) -> AppTest:
    """Run app.py with ``query`` as the link's parameters, then show ``page``."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(page).run()


def plotly_array(values: object) -> np.ndarray:
    """An array from a figure spec: Plotly 7 writes numpy arrays as {"dtype", "bdata"}."""
    if isinstance(values, dict):
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
    return np.asarray(values, dtype=float)
