"""Chromium for the browser tests, and waiting until Streamlit has finished a run."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_MISSING = f"Chromium not found at {CHROMIUM}: apt-get install -y chromium chromium-driver"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# A phone's User-Agent: the lab serves phones their own figure layout (ui.present.on_phone).
PHONE_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)

APP_READY = '[data-testid="stAppViewContainer"]'
RUNNING = '[data-testid="stStatusWidget"]'
EXCEPTION = '[data-testid="stException"]'


def wait_until_idle(tab, timeout_ms: int = 60_000) -> None:
    """Wait for the script run to finish (the 'Running...' status widget disappears)."""
    tab.wait_for_selector(APP_READY, timeout=timeout_ms)
    tab.wait_for_timeout(300)
    tab.wait_for_selector(RUNNING, state="detached", timeout=timeout_ms)


def assert_no_exception(tab) -> None:
    boxes = tab.locator(EXCEPTION)
    assert boxes.count() == 0, boxes.first.inner_text()
