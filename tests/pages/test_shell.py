"""Every page is served through app.py's shell, also when a link opens it directly."""

import pytest

from i18n import t
from tests.support.apptest import run_app
from ui.pages import LESSONS
from ui.shell import LANGUAGE_LABEL


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.name)
def test_direct_link_runs_the_page_inside_the_shell(lesson):
    # AppTest, like a freshly started server, runs the first script in Streamlit's legacy
    # pages/ mode: without the shell this page would have no language switch.
    at = run_app(lesson.path, lang="zh")
    assert not at.exception
    switch = [box for box in at.sidebar.selectbox if box.label == LANGUAGE_LABEL]
    assert switch and switch[0].value == "zh"
    assert at.title[0].value.startswith(t(f"nav.{lesson.name}", "zh"))
    assert at.query_params["lang"] == "zh"
