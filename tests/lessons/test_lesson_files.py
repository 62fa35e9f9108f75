"""Lesson files: the built-in ones load complete; a broken file gets errors naming the file
and the field, and never stops the other lessons from loading."""

from __future__ import annotations

import pytest

from i18n import LANGS
from lessons import load_lessons, parse_lesson
from lessons.catalog import LESSONS_DIR, MAX_STEPS
from tests.i18n.test_catalog import SIMPLIFIED_ONLY
from ui.page_links import PARSERS

PAGES = tuple(PARSERS)
BUILT_IN = ("adam_from_parts", "first_order_tour", "lr_schedules")


def _texts(word: str) -> str:
    return "\n".join(f'{lang} = "{word} ({lang})"' for lang in LANGS)


def _lesson(step: str = "", head: str = "") -> str:
    """A valid lesson file, with ``head`` added to its top and ``step`` to its one step."""
    return (
        f"{head}\n[title]\n{_texts('T')}\n[summary]\n{_texts('S')}\n"
        f'[[steps]]\nlink = "/playground?surface=saddle"\n{step}\n'
        f"[steps.title]\n{_texts('step')}\n[steps.text]\n{_texts('text')}\n"
    )


def _problems(source: str, lesson_id: str = "mine") -> list[str]:
    lesson, problems = parse_lesson(lesson_id, source, PAGES)
    assert lesson is None
    return [str(problem) for problem in problems]


def test_the_built_in_lessons_load_without_a_problem():
    lessons, problems = load_lessons(PAGES)
    assert problems == []
    assert [lesson.id for lesson in lessons] == list(BUILT_IN)
    assert [len(lesson.steps) for lesson in lessons] == [7, 6, 5]
    for lesson in lessons:
        assert set(lesson.title) == set(lesson.summary) == set(LANGS)
        for step in lesson.steps:
            assert step.page in PAGES
            assert set(step.title) == set(step.text) == set(LANGS)
            assert step.notice is not None and step.question is not None


def test_the_adam_lesson_follows_the_notes_order():
    lessons, _ = load_lessons(PAGES)
    adam = lessons[0]
    presets = [dict(step.query).get("o0") for step in adam.steps]
    comparisons = [dict(step.query).get("cmp") for step in adam.steps]
    assert presets == ["momentum", "rmsprop", "adam", None, "amsgrad", None, None]
    assert comparisons == [None, None, None, "bias_correction", None, "weight_decay", "epsilon"]


def test_a_minimal_file_parses_with_its_link_kept_in_order():
    lesson, problems = parse_lesson("mine", _lesson(head="order = 7"), PAGES)
    assert problems == []
    assert lesson.order == 7 and lesson.title["zh-Hant"] == "T (zh-Hant)"
    assert lesson.steps[0].page == "playground"
    assert lesson.steps[0].query == (("surface", "saddle"),)
    assert lesson.steps[0].notice is None and lesson.steps[0].question is None


def test_a_full_url_copied_from_the_address_bar_is_a_link():
    source = _lesson().replace(
        "/playground?surface=saddle", "http://teacher.local:8501/moments?o0=adam&o0.lr=0.1"
    )
    lesson, problems = parse_lesson("mine", source, PAGES)
    assert problems == []
    assert (lesson.steps[0].page, lesson.steps[0].query) == (
        "moments",
        (("o0", "adam"), ("o0.lr", "0.1")),
    )


def test_invalid_toml_names_the_file_and_the_line():
    assert _problems('title = "unclosed\n') == [
        "mine.toml: not valid TOML: Illegal character '\\n' (at line 1, column 18)"
    ]


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (
            _lesson().replace('zh-Hant = "step (zh-Hant)"\n', ""),
            "mine.toml: steps[1].title.zh-Hant: missing: every text is needed in every language",
        ),
        (
            _lesson(step="questoin.en = 'Why?'"),
            "mine.toml: steps[1].questoin: unknown field (expected one of: link, notice, "
            "question, text, title)",
        ),
        (
            _lesson().replace("/playground?", "/nowhere?"),
            "mine.toml: steps[1].link: unknown page 'nowhere' (expected one of: "
            + ", ".join(PAGES)
            + ")",
        ),
        (
            _lesson().replace("surface=saddle", "surface=saddle&lang=zh"),
            "mine.toml: steps[1].link: sets lang, which the lesson page decides",
        ),
        (
            _lesson().replace("surface=saddle", "surface"),
            "mine.toml: steps[1].link: not a query string (name=value&...): 'surface'",
        ),
        (
            _lesson().replace('link = "/playground?surface=saddle"', "link = 3"),
            "mine.toml: steps[1].link: expected a link to a lab page, "
            'e.g. "/playground?surface=saddle"',
        ),
        (
            _lesson(head='order = "first"'),
            "mine.toml: order: expected a whole number, got 'first'",
        ),
        (
            _lesson().replace('en = "T (en)"', 'fr = "T (fr)"\nen = "T (en)"'),
            "mine.toml: title.fr: unknown language (expected en, zh, zh-Hant)",
        ),
        (
            _lesson().replace('en = "text (en)"', 'en = "  "'),
            "mine.toml: steps[1].text.en: expected non-empty text",
        ),
        (
            _lesson().split("[[steps]]")[0],
            "mine.toml: steps: missing: a lesson needs at least one [[steps]] table",
        ),
    ],
    ids=[
        "missing-language", "unknown-field", "unknown-page", "reserved-param", "bad-query",
        "link-type", "order-type", "unknown-language", "empty-text", "no-steps",
    ],
)  # fmt: skip
def test_each_broken_field_is_named(broken, expected):
    assert _problems(broken) == [expected]


def test_every_problem_of_a_file_is_reported_at_once():
    source = _lesson(step="link2 = 'x'").replace('zh = "S (zh)"\n', "")
    assert _problems(source) == [
        "mine.toml: summary.zh: missing: every text is needed in every language",
        "mine.toml: steps[1].link2: unknown field (expected one of: link, notice, question, "
        "text, title)",
    ]


def test_too_many_steps_and_a_bad_file_name_are_refused():
    step = _lesson().split("[[steps]]")[1]
    many = _lesson() + "".join(f"[[steps]]{step}" for _ in range(MAX_STEPS))
    assert _problems(many) == [f"mine.toml: steps: at most {MAX_STEPS} steps, got {MAX_STEPS + 1}"]
    assert _problems(_lesson(), lesson_id="My Lesson") == [
        "My Lesson.toml: the file name must be lower-case letters, digits, - or _ (.toml)"
    ]


def test_a_broken_file_leaves_the_other_lessons_loaded(tmp_path):
    (tmp_path / "good.toml").write_text(_lesson(), encoding="utf-8")
    (tmp_path / "broken.toml").write_text(_lesson().replace("[[steps]]", "[[steps"), "utf-8")
    (tmp_path / "latin1.toml").write_bytes("title = 'caf\xe9'".encode("latin-1"))
    lessons, problems = load_lessons(PAGES, tmp_path)
    assert [lesson.id for lesson in lessons] == ["good"]
    assert sorted(problem.file for problem in problems) == ["broken.toml", "latin1.toml"]
    assert all(problem.message for problem in problems)


def test_the_lessons_folder_is_the_default():
    assert load_lessons(PAGES)[0] == load_lessons(PAGES, LESSONS_DIR)[0]


def test_built_in_traditional_texts_have_no_simplified_forms():
    lessons, _ = load_lessons(PAGES)
    found = []
    for lesson in lessons:
        texts = [lesson.title, lesson.summary]
        for step in lesson.steps:
            texts += [step.title, step.text, step.notice, step.question]
        found += [t["zh-Hant"] for t in texts if set(t["zh-Hant"]) & SIMPLIFIED_ONLY]
    assert not found, found
