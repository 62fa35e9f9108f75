"""Results shared by every session of the process, each computed once even when asked at once.

``st.cache_data`` already holds a per-key compute lock, but the sweep cannot use it: it
draws a progress bar while it runs, which ``st.cache_data`` would replay as a stale element.
It was cached per session instead, so 20 students opening /sweep together ran the same
grid 20 times on one core. :class:`SharedResults` keeps the results process-wide (one
instance per name, held by ``st.cache_resource``) with a lock per key in flight: the first
caller computes (and shows its progress), the others wait for that result.

Results are shared, not copied: what is stored here must never be mutated.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import streamlit as st

MAX_ENTRIES = 64


class SharedResults:
    """An LRU of computed values with one compute lock per key being computed."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._in_flight: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()  # held only briefly, never while computing

    def _cached(self, key: Hashable) -> tuple[bool, Any]:
        with self._guard:
            if key not in self._values:
                return False, None
            self._values.move_to_end(key)
            return True, self._values[key]

    def get(
        self,
        key: Hashable,
        compute: Callable[[], Any],
        on_wait: Callable[[], None] | None = None,
    ) -> Any:
        """The value for ``key``: stored, awaited from another thread, or ``compute()``d.

        ``on_wait`` runs before waiting for another thread's computation (to say so on the
        page). An exception from ``compute`` reaches its caller and is not stored: a waiter
        then computes (and most likely raises) itself.
        """
        found, value = self._cached(key)
        if found:
            return value
        with self._guard:
            lock = self._in_flight.setdefault(key, threading.Lock())
        if not lock.acquire(blocking=False):
            if on_wait is not None:
                on_wait()
            lock.acquire()
        try:
            found, value = self._cached(key)
            if found:
                return value
            value = compute()
            with self._guard:
                self._values[key] = value
                while len(self._values) > self.max_entries:
                    self._values.popitem(last=False)
            return value
        finally:
            with self._guard:
                if self._in_flight.get(key) is lock:
                    del self._in_flight[key]
            lock.release()


@st.cache_resource(show_spinner=False)
def shared_results(name: str, max_entries: int = MAX_ENTRIES) -> SharedResults:
    """The process-wide store called ``name`` (one per page or kind of result)."""
    return SharedResults(max_entries)
