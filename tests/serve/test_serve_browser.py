"""Two students in real Chromium through `make serve`'s balancer: each on its own replica,
a PNG download from the replica that made it, and one replica killed mid-lesson."""

from __future__ import annotations

import os
import signal

import pytest

from deploy.serve import healthy
from tests.support.browser import assert_no_exception, wait_until_idle
from tests.support.serve import wait_until

pytestmark = pytest.mark.browser

CHART = ".js-plotly-plot"
# SGD's path as the browser draws it (empty until the chart is there).
SGD_PATH = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const path = gd?._fullData?.find(t => t.name === 'SGD' && t.mode === 'lines');
  return path ? Array.from(path.x) : [];
}"""
NEW_CONTEXT_TRIES = 20
# Generous: the machines running CI are shared; a quiet one loads a page in seconds.
PAGE_TIMEOUT_MS = 120_000


def _student_on_a_new_replica(browser, lab, taken: set[str]):
    """A fresh browser context whose sticky cookie lands on a replica not in ``taken``."""
    for _ in range(NEW_CONTEXT_TRIES):
        context = browser.new_context(
            viewport={"width": 1400, "height": 2000}, accept_downloads=True
        )
        replica = context.request.get(f"{lab.url}/_stcore/health").headers["x-upstream"]
        if replica not in taken:
            return context, replica
        context.close()
    raise AssertionError(f"{NEW_CONTEXT_TRIES} new browsers all went to {sorted(taken)}")


def _open_playground(context, lab):
    tab = context.new_page()
    tab.set_default_timeout(PAGE_TIMEOUT_MS)
    tab.goto(f"{lab.url}/playground?steps=50")
    wait_until_idle(tab, PAGE_TIMEOUT_MS)
    assert_no_exception(tab)
    tab.wait_for_function("() => document.querySelector('.js-plotly-plot')?._fullData")
    assert tab.get_by_role("heading", level=1).first.inner_text() == "Playground"
    return tab


def _raise_sgd_lr(tab) -> list[float]:
    """One step right on SGD's lr slider; returns SGD's new path once drawn."""
    before = tab.evaluate(SGD_PATH)
    lr = tab.get_by_role("slider", name="learning rate lr").first
    lr.focus()
    lr.press("ArrowRight")
    tab.wait_for_function("() => window.location.search.includes('o0.lr=0.003')")
    wait_until_idle(tab, PAGE_TIMEOUT_MS)
    tab.wait_for_function(f"() => ({SGD_PATH})()[50] !== {before[50]}")
    assert_no_exception(tab)
    return tab.evaluate(SGD_PATH)


def test_two_students_two_replicas_a_download_and_a_replica_killed(browser, lab, tmp_path):
    context_a, replica_a = _student_on_a_new_replica(browser, lab, set())
    context_b, replica_b = _student_on_a_new_replica(browser, lab, {replica_a})
    port_a = int(replica_a.rsplit(":", 1)[1])
    try:
        tab_a = _open_playground(context_a, lab)
        tab_b = _open_playground(context_b, lab)
        view_a = _raise_sgd_lr(tab_a)

        # The PNG is made in A's session, on A's replica, and only that replica has it.
        tab_a.get_by_text("Export").click()
        with tab_a.expect_download(timeout=PAGE_TIMEOUT_MS) as download:
            tab_a.get_by_role("button", name="PNG image").click()
        png = tmp_path / "playground.png"
        download.value.save_as(png)
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        media = download.value.url
        assert "/media/" in media
        again = context_a.request.get(media)
        assert again.status == 200 and again.headers["x-upstream"] == replica_a
        assert again.body() == png.read_bytes()
        assert context_b.request.get(media).status == 404

        killed = lab.replica_pid(port_a)
        os.kill(killed, signal.SIGKILL)

        # B never notices: its session, on the other replica, keeps answering.
        _raise_sgd_lr(tab_b)
        assert context_b.request.get(f"{lab.url}/_stcore/health").headers["x-upstream"] == replica_b

        # A reloads onto a live replica and sees the same view: it lives in the URL.
        tab_a.reload()
        wait_until_idle(tab_a, PAGE_TIMEOUT_MS)
        assert_no_exception(tab_a)
        assert "o0.lr=0.003" in tab_a.url
        tab_a.wait_for_function(f"() => ({SGD_PATH})()[50] === {view_a[50]}")
        assert tab_a.evaluate(SGD_PATH) == view_a
    finally:
        context_a.close()
        context_b.close()

    # And the supervisor has started A's replica again, on its port.
    wait_until(
        lambda: lab.replica_pid(port_a) != killed and healthy(f"http://{replica_a}"),
        f"the killed replica on port {port_a} did not come back",
        lab,
    )
