"""The README's classroom screenshots: projector mode at 1280 x 720 and a phone at 390 x 844.

Starts the app on a free loopback port, opens each view in Debian's Chromium and writes
``docs/<name>.png``. Run it after a change that shows on these views:

    .venv/bin/python tools/classroom_screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, PHONE_UA  # noqa: E402
from tests.support.server import streamlit_server  # noqa: E402

PROJECTOR = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
SHOTS = (
    ("projector-playground", "/playground?present=1", PROJECTOR),
    ("phone-playground", "/playground", PHONE),
    ("phone-lesson", "/lessons?lesson=adam_from_parts&step=3", PHONE),
)
CHART = ".lab-chart .main-svg"  # the lab's chart (ui/chart.py), drawn
LOAD_MS = 180_000  # a busy machine renders a page's widgets and charts slowly


def _shoot(browser, url: str, viewport: dict, out: Path) -> None:
    phone = viewport is PHONE
    context = browser.new_context(
        viewport=viewport,
        device_scale_factor=2 if phone else 1,
        is_mobile=phone,
        has_touch=phone,
        **({"user_agent": PHONE_UA} if phone else {}),
    )
    tab = context.new_page()
    tab.set_default_timeout(LOAD_MS)
    tab.goto(url)
    if "/lessons" in url:
        tab.frame_locator("iframe").first.locator(CHART).first.wait_for()
    else:
        tab.locator(CHART).first.wait_for()
    tab.wait_for_timeout(2000)  # the charts' first animation frame
    tab.screenshot(path=str(out))
    context.close()


def main() -> None:
    log = ROOT / ".screenshots-server.log"
    with streamlit_server(log) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for name, path, viewport in SHOTS:
            out = ROOT / "docs" / f"{name}.png"
            _shoot(browser, f"{base}{path}", viewport, out)
            print(f"wrote {out.relative_to(ROOT)}")
        browser.close()
    log.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
