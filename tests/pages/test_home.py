"""AppTest: the shell and home page, in both languages."""

import pytest

from tests.support.apptest import run_app


def test_home_renders_in_english_by_default():
    at = run_app()
    assert not at.exception
    assert at.title[0].value == "Optimizer Trajectory Lab"
    assert at.query_params["lang"] == "en"


def test_lang_zh_from_link():
    at = run_app(lang="zh")
    assert not at.exception
    assert at.title[0].value == "优化器轨迹实验室"
    assert at.sidebar.selectbox[0].value == "zh"


@pytest.mark.parametrize("hostile", ["fr", "", "zh'; drop", "x" * 5000])
def test_unknown_lang_falls_back_to_english(hostile):
    at = run_app(lang=hostile)
    assert not at.exception
    assert at.title[0].value == "Optimizer Trajectory Lab"
    assert at.query_params["lang"] == "en"


def test_switching_language_rewrites_link_and_labels():
    at = run_app()
    at.sidebar.selectbox[0].set_value("zh").run()
    assert at.title[0].value == "优化器轨迹实验室"
    at.run()  # the choice outlives further reruns
    assert at.title[0].value == "优化器轨迹实验室"


def test_home_links_every_lesson_page_with_its_summary():
    from i18n import t
    from ui.pages import LESSONS

    at = run_app(lang="zh")
    links = at.get("page_link")
    assert [link.proto.label for link in links] == [t(f"nav.{p.name}", "zh") for p in LESSONS]
    captions = [c.value for c in at.caption]
    assert captions == [t(f"home.{p.name}", "zh") for p in LESSONS]
