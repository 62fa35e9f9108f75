"""The lessons page (AppTest, the real app): the list, a step with its live view, the
position in the link, previous/next, the step list, languages, and broken files."""

from __future__ import annotations

import shutil

from i18n import t
from lessons import catalog, load_lessons
from tests.support.apptest import run_app
from ui.lesson_steps import step_link
from ui.page_links import PARSERS

PAGE = "pages/lessons.py"
LESSONS, _ = load_lessons(PARSERS)
ADAM = LESSONS[0]


def _iframe_src(at) -> str:
    frames = at.get("iframe")
    assert len(frames) == 1
    return frames[0].proto.src


def test_the_list_shows_every_lesson_and_starts_one():
    at = run_app(PAGE)
    assert not at.exception
    assert at.title[0].value == t("guided.title", "en")
    assert [h.value for h in at.subheader] == [lesson.title["en"] for lesson in LESSONS]
    assert not at.get("iframe")
    at.button(key="lessons.start.first_order_tour").click().run()
    assert (at.query_params["lesson"], at.query_params["step"]) == ("first_order_tour", "1")
    assert _iframe_src(at) == step_link(LESSONS[1].steps[0], "en", embed=True)


def test_a_step_shows_its_texts_progress_and_live_view():
    at = run_app(PAGE, lesson="adam_from_parts", step="2")
    assert not at.exception and not at.warning
    step = ADAM.steps[1]
    assert at.title[0].value == ADAM.title["en"]
    assert at.subheader[0].value == f"2. {step.title['en']}"
    assert step.text["en"] in [m.value for m in at.markdown]
    assert at.get("progress")[0].proto.text == t("guided.progress", "en", step=2, n=7)
    assert _iframe_src(at) == step_link(step, "en", embed=True)
    prompts = [info.value for info in at.info]
    assert any(step.notice["en"] in p for p in prompts)
    assert any(step.question["en"] in p for p in prompts)


def test_next_and_previous_move_through_the_lesson_and_the_link():
    at = run_app(PAGE, lesson="adam_from_parts", step="1")
    assert at.button(key="lessons.previous").disabled
    at.button(key="lessons.next").click().run()
    assert at.query_params["step"] == "2"
    assert _iframe_src(at) == step_link(ADAM.steps[1], "en", embed=True)
    at.button(key="lessons.next").click().run()
    at.button(key="lessons.previous").click().run()
    assert at.query_params["step"] == "2"
    assert at.sidebar.radio[0].value == 2


def test_the_last_step_has_no_next_and_the_step_list_jumps():
    at = run_app(PAGE, lesson="lr_schedules", step="5")
    assert at.button(key="lessons.next").disabled
    at.sidebar.radio[0].set_value(3).run()
    assert at.query_params["step"] == "3"
    assert at.subheader[0].value.startswith("3. ")
    at.sidebar.selectbox(key=at.sidebar.selectbox[1].key).set_value("adam_from_parts").run()
    assert (at.query_params["lesson"], at.query_params["step"]) == ("adam_from_parts", "1")


def test_back_to_the_step_view_gives_the_frame_a_fresh_container():
    at = run_app(PAGE, lesson="adam_from_parts", step="1")
    before = _iframe_src(at)
    at.button(key="lessons.reset_view").click().run()
    assert at.session_state["lessons.view_reloads"] == 1
    assert _iframe_src(at) == before  # same link, new container: the browser reloads it


def test_in_traditional_chinese_the_texts_and_the_view_are_zh_hant():
    at = run_app(PAGE, lang="zh-Hant", lesson="first_order_tour", step="4")
    step = LESSONS[1].steps[3]
    assert at.title[0].value == LESSONS[1].title["zh-Hant"]
    assert at.subheader[0].value == f"4. {step.title['zh-Hant']}"
    assert "lang=zh-Hant" in _iframe_src(at)
    assert at.button(key="lessons.next").label == "下一步"


def test_an_unknown_lesson_or_step_is_a_notice_not_an_error():
    at = run_app(PAGE, lesson="no_such_lesson")
    assert not at.exception
    assert "`lesson`" in at.warning[0].value
    assert [h.value for h in at.subheader] == [lesson.title["en"] for lesson in LESSONS]
    at = run_app(PAGE, lesson="adam_from_parts", step="0")
    assert "`step`" in at.warning[0].value and at.query_params["step"] == "1"


def test_a_broken_file_is_named_and_the_other_lessons_still_work(monkeypatch, tmp_path):
    source = catalog.LESSONS_DIR / "lr_schedules.toml"
    shutil.copy(source, tmp_path)
    (tmp_path / "typo.toml").write_text(source.read_text().replace("[steps.text]", "[steps.txt]"))
    monkeypatch.setattr(catalog, "LESSONS_DIR", tmp_path)
    at = run_app(PAGE)
    assert not at.exception
    assert at.error[0].value == t("guided.broken", "en", file="typo.toml")
    problems = at.get("code")[0].value
    assert "steps[1].txt: unknown field" in problems and "steps[1].text: missing" in problems
    assert [h.value for h in at.subheader] == [LESSONS[2].title["en"]]
