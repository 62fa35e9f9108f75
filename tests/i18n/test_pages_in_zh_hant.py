"""Every page in Traditional Chinese: translated labels and figures, no Simplified forms."""

import json

import pytest

from i18n import LANG_NAMES, ZH_HANT
from tests.i18n.test_catalog import CJK, SIMPLIFIED_ONLY
from tests.pages.test_languages import PAGES, _texts
from tests.support.apptest import charts, run_app
from ui.shell import LANGUAGE_LABEL


@pytest.fixture(autouse=True)
def _clean_cache(clear_streamlit_cache):
    yield


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_traditional_page_is_traditional(page):
    at = run_app(page.path, lang=ZH_HANT)
    assert not at.exception
    assert at.sidebar.selectbox[0].value == ZH_HANT
    assert at.query_params["lang"] == ZH_HANT
    assert CJK.search(at.title[0].value)
    texts = _texts(at)
    simplified = [text[:60] for text in texts if set(text) & SIMPLIFIED_ONLY]
    assert not simplified, simplified
    for chart in charts(at):
        layout = json.dumps(chart["layout"], ensure_ascii=False)
        assert CJK.search(layout)


def test_the_switch_lists_all_three_languages():
    at = run_app(lang="en")
    switch = at.sidebar.selectbox[0]
    assert switch.label == LANGUAGE_LABEL
    assert list(switch.options) == list(LANG_NAMES.values())
    switch.set_value(ZH_HANT).run()
    assert at.title[0].value == "優化器軌跡實驗室"
    assert at.query_params["lang"] == ZH_HANT
