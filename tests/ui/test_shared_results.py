"""ui.shared_results: identical requests from many threads are computed once and shared."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

import optimizers
import surfaces
from experiments import sweep
from ui.shared_results import SharedResults

STUDENTS = 20


def test_twenty_threads_asking_for_one_sweep_run_it_once_and_get_the_same_result():
    surface = surfaces.get("rosenbrock")
    axis_x = sweep.default_axis("adam", "lr", 6)
    axis_y = sweep.default_axis("adam", "beta1", 6)
    waiting = threading.Semaphore(0)
    calls = []

    def compute():
        calls.append(threading.get_ident())
        # Finish only once every other student is waiting for this run: the test is about
        # requests in flight together, whatever the scheduler does.
        for _ in range(STUDENTS - 1):
            assert waiting.acquire(timeout=60)
        return sweep.run_sweep("adam", surface, surface.start, 50, axis_x, axis_y)

    store = SharedResults()
    barrier = threading.Barrier(STUDENTS)

    def student(_):
        barrier.wait()
        return store.get(("adam", "lr", "beta1"), compute, on_wait=waiting.release)

    with ThreadPoolExecutor(STUDENTS) as pool:
        results = list(pool.map(student, range(STUDENTS)))

    assert len(calls) == 1
    assert all(r is results[0] for r in results)
    alone = sweep.run_sweep("adam", surface, surface.start, 50, axis_x, axis_y)
    np.testing.assert_allclose(results[0].final_loss, alone.final_loss)
    assert results[0].final_loss.shape == (6, 6)


def test_different_keys_are_computed_separately_and_the_oldest_is_evicted():
    store = SharedResults(max_entries=2)
    assert store.get("a", lambda: 1) == 1
    assert store.get("b", lambda: 2) == 2
    assert store.get("a", lambda: -1) == 1  # stored: not recomputed
    assert store.get("c", lambda: 3) == 3  # evicts "b", the least recently used
    assert store.get("b", lambda: 22) == 22
    assert store.get("a", lambda: -1) == -1  # "a" went when "b" came back


def test_a_failed_computation_raises_to_its_caller_and_is_not_stored():
    store = SharedResults()

    def bad():
        raise ValueError("lr must be > 0, got -1")

    with pytest.raises(ValueError, match="lr must be > 0, got -1"):
        store.get("k", bad)
    assert store.get("k", lambda: optimizers.names()[0]) == optimizers.names()[0]
