"""AppTest pages start from an empty st.cache_data (helpers: tests/support/apptest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _clean_cache(clear_streamlit_cache):
    yield
