"""Every built-in step's link opens its page clean: no exception, no notice, no error, in
every language of the lab."""

from __future__ import annotations

import pytest

from i18n import LANGS
from lessons import load_lessons
from tests.support.apptest import charts, run_app
from ui.page_links import PARSERS

LESSONS, _ = load_lessons(PARSERS)
STEPS = [
    pytest.param(step, lang, id=f"{lesson.id}-{number}-{lang}")
    for lesson in LESSONS
    for number, step in enumerate(lesson.steps, start=1)
    for lang in LANGS
]


@pytest.mark.parametrize(("step", "lang"), STEPS)
def test_the_step_opens_clean(step, lang):
    at = run_app(f"pages/{step.page}.py", lang=lang, **dict(step.query))
    assert not at.exception, at.exception
    assert [w.value for w in at.warning] == []
    assert [e.value for e in at.error] == []
    assert charts(at), "the step's view shows no figure"
    # The page shows what the step asked for: its own link keeps every value of the step's,
    # and leaves out only those that are the page's defaults anyway.
    parse = PARSERS[step.page]
    asked = dict(step.query)
    for key, value in asked.items():
        if key in at.query_params:
            assert _same(at.query_params[key], value), key
        else:
            without = {k: v for k, v in asked.items() if k != key}
            assert parse(without, lang)[0] == parse(asked, lang)[0], key


def _same(shown: str, asked: str) -> bool:
    try:
        return float(shown) == float(asked)
    except ValueError:
        return shown == asked
