"""ui.lesson_panels.shared_cached: one computation per key for every session of a server."""

from __future__ import annotations

import pytest

from ui import lesson_panels


@pytest.fixture(autouse=True)
def _clean(clear_streamlit_cache):
    yield


def test_a_key_is_computed_once_and_the_oldest_keys_go_first():
    calls: list[int] = []

    def compute(k: int):
        def run():
            calls.append(k)
            return [k]

        return run

    first = lesson_panels.shared_cached("t", 1, compute(1))
    assert lesson_panels.shared_cached("t", 1, compute(1)) is first
    assert calls == [1]
    for k in range(2, lesson_panels.SHARED_CACHE_ENTRIES + 2):
        lesson_panels.shared_cached("t", k, compute(k))
    assert calls == list(range(1, lesson_panels.SHARED_CACHE_ENTRIES + 2))
    lesson_panels.shared_cached("t", 1, compute(1))  # evicted: the 65th key pushed it out
    assert calls[-1] == 1 and len(calls) == lesson_panels.SHARED_CACHE_ENTRIES + 2
    assert lesson_panels.shared_cached("other", 1, compute(1)) == [1]  # names do not mix
    assert len(calls) == lesson_panels.SHARED_CACHE_ENTRIES + 3


def test_a_failed_computation_is_not_kept():
    def fail():
        raise ValueError("lr must be > 0")

    with pytest.raises(ValueError, match="lr must be > 0"):
        lesson_panels.shared_cached("t", "bad", fail)
    assert lesson_panels.shared_cached("t", "bad", lambda: "fixed") == "fixed"
