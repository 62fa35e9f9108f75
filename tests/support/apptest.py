"""AppTest helpers: run the real app.py (shell + navigation) on a chosen page with a query."""

from __future__ import annotations

import base64
import json
from unittest import mock

import numpy as np
from streamlit.runtime.scriptrunner import ScriptRunnerEvent
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module
from streamlit.testing.v1.element_tree import Block, ElementTree
from streamlit.testing.v1.local_script_runner import LocalScriptRunner

from tests.support.paths import ROOT
from ui.chart import COMPONENT


class _Runner(LocalScriptRunner):
    """AppTest's script runner, noting whether the run was of fragments only."""

    def run(self, *args, **kwargs) -> ElementTree:
        tree = super().run(*args, **kwargs)
        started = [
            data
            for event, data in zip(self.events, self.event_data, strict=True)
            if event == ScriptRunnerEvent.SCRIPT_STARTED
        ]
        tree.fragments_only = bool(started and started[-1].get("fragment_ids_this_run"))
        return tree


class PageTest(AppTest):
    """AppTest that shows the page as the browser does after a run of fragments only.

    A callback's ``st.rerun([keys])`` reruns those fragments alone, and AppTest's tree then
    holds only what they sent; the browser keeps the rest of the page, and so does this:
    the run's elements replace those at the same place, the blocks it only passed through
    (resent by no one: no proto) keep their other children.
    """

    sent: ElementTree | None = None  # what the last run sent: the page, or its fragments

    def _run(self, widget_state=None, timeout=None) -> AppTest:
        before = getattr(self, "_tree", None)
        with mock.patch.object(app_test_module, "LocalScriptRunner", _Runner):
            super()._run(widget_state, timeout)
        self.sent = self._tree
        if before is not None and self.sent.fragments_only:
            self._tree = _laid_over(before, self.sent)
            self._tree._runner = self
        return self


def _laid_over(page: Block, sent: Block) -> Block:
    for index, node in sent.children.items():
        below = page.children.get(index)
        if isinstance(node, Block) and node.proto is None and isinstance(below, Block):
            _laid_over(below, node)
        else:
            page.children[index] = node
    return page


def chart_elements(tree) -> list:
    """The lab's charts (``ui.chart``) of an AppTest, or of a run it sent, in page order."""
    return [e for e in tree.get("bidi_component") if e.proto.component_name == COMPONENT]


def chart_payloads(tree) -> list[dict]:
    """What each of those charts was sent: its ``figure``, Plotly's ``config``, ``select``
    (whether a click is sent back) and where Plotly.js is loaded from (``plotly``)."""
    return [json.loads(element.proto.bytes) for element in chart_elements(tree)]


def charts(tree) -> list[dict]:
    """The figures those charts draw."""
    return [payload["figure"] for payload in chart_payloads(tree)]


def players(tree) -> list[dict | None]:
    """Each chart's player (``ui.chart.player``: its animation's buttons and scrubber)."""
    return [payload["player"] for payload in chart_payloads(tree)]


def run_app(page: str | None = None, timeout: float = 60, **query: str) -> AppTest:
    """Run app.py with ``query`` as the link's parameters, on ``page`` (e.g. "pages/sweep.py")."""
    at = PageTest(ROOT / "app.py", default_timeout=timeout)  # from_file makes a plain AppTest
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
