"""The progress callback experiments take: a fraction done, as a progress bar wants it."""

from __future__ import annotations

from collections.abc import Callable

Fraction = Callable[[float], None]


def as_fraction(progress: Fraction | None) -> Callable[[int, int], None] | None:
    """``optimizers.run``'s ``progress(done, total)`` calling ``progress(done / total)``;
    None stays None, so a run without a bar pays nothing."""
    if progress is None:
        return None
    return lambda done, total: progress(done / total)
