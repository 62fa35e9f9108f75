"""The lessons' page tests run the real app (tests.support.apptest.run_app), cache clean."""

import pytest


@pytest.fixture(autouse=True)
def _clean_cache(clear_streamlit_cache):
    yield
