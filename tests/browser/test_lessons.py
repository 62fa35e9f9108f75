"""A guided lesson in a real Chromium: the step's page runs live in its frame, "back to this
step's view" undoes what the class changed, and → moves to the next step."""

from urllib.parse import parse_qs, urlparse

import pytest

from tests.support.browser import EXCEPTION, wait_until_idle

pytestmark = pytest.mark.browser


def _frame_query(tab) -> dict[str, str]:
    frame = next(f for f in tab.frames if "embed=true" in f.url)
    return {key: values[-1] for key, values in parse_qs(urlparse(frame.url).query).items()}


def _wait_for_frame_query(tab, key: str, value: str) -> None:
    tab.wait_for_function(
        """([key, value]) => [...document.querySelectorAll('iframe')].some(
            f => new URL(f.contentWindow.location.href).searchParams.get(key) === value)""",
        arg=[key, value],
        timeout=120_000,
    )


def test_a_step_runs_its_page_live_and_can_be_reset_and_advanced(open_app):
    tab = open_app("/lessons?lesson=adam_from_parts&step=1")
    tab.set_default_timeout(120_000)  # the frame loads a second page; a busy machine is slow
    frame = tab.frame_locator("iframe").first
    frame.locator(".lab-chart .main-svg").first.wait_for()
    # The page's own title and intro are hidden in the frame: the lesson says what it shows.
    assert frame.get_by_role("heading", name="Moment estimates").first.is_hidden()
    assert frame.locator(EXCEPTION).count() == 0
    assert _frame_query(tab)["o0"] == "momentum"

    steps = frame.locator('input[aria-label="Steps"]')  # the page's own slider, in the frame
    steps.focus()
    steps.press("ArrowRight")
    _wait_for_frame_query(tab, "steps", "110")
    tab.get_by_role("button", name="Back to this step's view").click()
    _wait_for_frame_query(tab, "steps", "100")

    tab.get_by_role("heading", level=1).first.click()  # the lesson, not the frame, has focus
    tab.keyboard.press("ArrowRight")
    tab.wait_for_function("() => window.location.search.includes('step=2')")
    wait_until_idle(tab)
    _wait_for_frame_query(tab, "o0", "rmsprop")
    tab.get_by_role("heading", name="2. RMSprop: an average of squared gradients").wait_for()
