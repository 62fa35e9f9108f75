"""The lessons' page tests run the real app (tests.pages.conftest.run_app) on a clean cache."""

import pytest


@pytest.fixture(autouse=True)
def _clean_cache(clear_streamlit_cache):
    yield
