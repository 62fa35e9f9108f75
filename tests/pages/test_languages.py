"""Every page in both languages: Chinese where asked for, and no Chinese left in English."""

import json
import re

import pytest

from i18n import LANG_NAMES
from tests.support.apptest import charts, run_app
from ui.pages import HOME, LESSONS
from ui.shell import LANGUAGE_LABEL

CJK = re.compile(r"[\u3400-\u9fff]")
WORD = re.compile("[A-Za-z]{3}")
PAGES = [HOME, *LESSONS]
# The language switch is bilingual on purpose, and names each language in itself.
BILINGUAL = {LANGUAGE_LABEL, *LANG_NAMES.values()}


def _texts(at) -> list[str]:
    """Every string a user reads: text elements, widget labels, help, options, figures."""
    texts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                 "error", "success", "latex"):  # fmt: skip
        texts += [element.value for element in at.get(kind)]
    for kind in ("slider", "select_slider", "number_input", "selectbox", "multiselect",
                 "checkbox", "toggle", "radio", "text_input", "button"):  # fmt: skip
        for widget in at.get(kind):
            texts += [widget.label, widget.help or ""]
            texts += [str(option) for option in getattr(widget, "options", [])]
    texts += [json.dumps(chart, ensure_ascii=False) for chart in charts(at)]
    return [text for text in texts if text and text not in BILINGUAL]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_english_page_has_no_chinese(page):
    at = run_app(page.path, lang="en")
    assert not at.exception
    leftovers = [text[:80] for text in _texts(at) if CJK.search(text)]
    assert not leftovers, leftovers


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_chinese_page_has_chinese_title_labels_and_figures(page):
    at = run_app(page.path, lang="zh")
    assert not at.exception
    assert CJK.search(at.title[0].value)
    labels = [
        widget.label
        for kind in ("slider", "selectbox", "number_input", "checkbox", "radio", "text_input")
        for widget in at.get(kind)
        if widget.label != LANGUAGE_LABEL
    ]
    untranslated = [label for label in labels if WORD.search(label) and not CJK.search(label)]
    assert not untranslated, untranslated
    for chart in charts(at):
        assert CJK.search(json.dumps(chart["layout"], ensure_ascii=False))
