"""``run``: one optimizer from N start points on one surface, vectorized over the points.

The loop runs over time; each step is one kernel call on (N, 2) arrays. In "full" mode
per-step Python work is kept to the kernel call and a few copies into preallocated history
arrays (at 4-8 points that overhead, not the arithmetic, is the cost); losses, the derived
teaching quantities and divergence are then computed over the whole history at once.

In "summary" mode each step goes through the points in blocks of ``block_points``: the
kernel, the surface and the bookkeeping then work on a block's views, which stay in cache
between their dozen passes, and a surface's temporaries are block-sized. Points
are independent, so the results are identical whatever the block size: the kernels are
elementwise and update their block's views in place, a per-point hyperparameter or lr is
sliced with its points, a loss-driven schedule sees every point's loss once per step as
before, and a noisy gradient is still drawn for all points at once, so point i keeps row i
of each step's seeded noise.

The surface sees the points column by column: after each step a block's positions are
copied into an F-ordered (N, 2) array, so that a surface's ``xy[:, 0]`` and ``xy[:, 1]`` are
contiguous and its arithmetic runs on NumPy's fast paths rather than on stride-2 views
(bench/core.py's Adam run: 40% fewer instructions under cachegrind). Two such copies, this
step's and the last, take turns; the last holds where a point that just diverged is put
back, so a step no longer copies x before its update. The kernels keep the row-by-row
layout gradients come back in (no copy of the gradient), and a fresh loss from the surface
is kept rather than copied. Elementwise arithmetic does not depend on the layout, so the
results do not.

Divergence is not an error. A point whose position or loss becomes non-finite, or whose
position leaves the box ``|x|, |y| <= ESCAPE``, is frozen at its last valid position and its
``diverged_step`` records the first invalid row; the other points go on. No RuntimeWarning
escapes: the arithmetic runs under ``np.errstate(all="ignore")``.
"""

from __future__ import annotations

import math
import numbers
import sys
from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from .hparams import Value
from .records import Summary, Trajectory
from .registry import get, resolve
from .spec import OptimizerSpec, per_point

ESCAPE = 1e6
"""A coordinate beyond +-ESCAPE counts as diverged (the lab's surfaces live within +-10)."""

BLOCK_POINTS = 32_768
"""Points per block in summary mode. A step costs each block some 40 NumPy calls whatever
its size, so blocks should be large; but the surface's temporaries must stay small enough
for malloc to reuse: in one block of 65,536 points they came back from the OS as fresh pages
every step (125,000 page faults in a 200-step Adam run, twice the time). bench/core.py (b),
65,536 points: 32,768 is 5-10% faster than 16,384 for Adam, SGD and RMSprop (the block's
(B, 2) arrays, 512 KiB, then live in L3 rather than L2, which costs less than the calls
saved); 8,192 is about 1.2x slower."""

PROGRESS_CALLS = 100
"""About how many times a run calls ``progress``: every steps // PROGRESS_CALLS steps."""

Progress = Callable[[int, int], None]


def run(
    name: str,
    surface: Any,
    x0: Any,
    steps: int,
    *,
    schedule: Any = None,
    seed: int = 0,
    record: str = "full",
    tol: float = 1e-6,
    progress: Progress | None = None,
    block_points: int = BLOCK_POINTS,
    **hparams: Any,
) -> Trajectory | Summary:
    """Run optimizer ``name`` for ``steps`` steps from every start point in ``x0``.

    surface   any object with ``value(xy) -> (N,)`` and ``grad(xy) -> (N, 2)`` (and
              ``hessian(xy) -> (N, 2, 2)`` for newton); if it has
              ``stochastic_grad(xy, step, seed)`` that gives the gradient instead.
    x0        start points, (N, 2) or (2,).
    schedule  None (constant ``lr``), an array of lrs (steps,) or (steps, N), or a loss-driven
              schedule with ``init(N)``, ``lr(state) -> (N,)``, ``update(state, loss)``; it
              replaces the ``lr`` hyperparameter.
    seed      gradient-noise seed, passed to ``stochastic_grad``.
    record    "full" -> Trajectory (every step); "summary" -> Summary (O(N) memory).
    tol       Summary.steps_to_tol counts steps until loss - f_min <= tol.
    progress  None, or ``progress(done, total)`` called with the number of steps done so far
              and ``steps``: after every ``max(1, steps // 100)``-th step and after the last
              (not at all for 0 steps). Raising from it aborts the run.
    block_points  summary mode steps the points in blocks of this many (an integer >= 1);
              the results are the same whatever the block size, only speed and memory change.
    hparams   torch.optim's names and defaults (``get(name).hparams``); numbers may be scalars
              or arrays (N,), pairs take either per item: ``betas=(np.array([...]), 0.999)``.

    Raises ValueError naming the argument, its allowed range and the value given.
    """
    spec = get(name)
    points = _start_points(x0)
    n = len(points)
    steps = _count("steps", steps)
    seed = _count("seed", seed)
    if record not in ("full", "summary"):
        raise ValueError(f"record must be 'full' or 'summary'; got {record!r}")
    tol = _tolerance(tol)
    block_points = _block_size(block_points)
    if progress is not None and not callable(progress):
        raise ValueError(f"progress must be None or a function (done, total); got {progress!r}")
    resolved = resolve(name, n_points=n, **hparams)
    hp = spec.kernel_hparams(resolved)
    plan = _lr_plan(schedule, resolved["lr"], steps, n)
    # The probe calls the surface where and as the loop starts (summary mode shows it the
    # points column by column), so its value and gradient at x0 serve step 0.
    start = np.array(points, order="F") if record == "summary" else points
    problem, first = _Problem.probe(surface, seed, spec, start)
    with np.errstate(all="ignore"):
        if record == "full":
            return _run_full(spec, resolved, hp, problem, first, points, steps, plan, progress)
        return _run_summary(
            spec, resolved, hp, problem, first, points, steps, plan, tol, block_points, progress
        )


# --- the two loops -----------------------------------------------------------------------


def _run_full(
    spec: OptimizerSpec,
    resolved: dict[str, Any],
    hp: tuple,
    problem: _Problem,
    first: _Start,
    points: np.ndarray,
    steps: int,
    plan: _LrPlan,
    progress: Progress | None,
) -> Trajectory:
    n = len(points)
    xy = np.empty((steps + 1, n, 2))
    xy[0] = points
    grads = np.empty((steps, n, 2))
    lr_record = plan.record.copy()
    schedule = plan.schedule
    loss_rows = np.empty((steps + 1, n)) if schedule is not None else None
    x, g = points.copy(), np.empty_like(points)
    per_step = plan.per_step
    sched_state = schedule.init(n) if schedule is not None else None
    state = spec.init(x, _first_lr(plan, sched_state, n), hp)
    history = {
        field: np.empty((steps, *np.shape(buf)))
        for field, buf in zip(state._fields, state, strict=True)
        if buf is not None
    }
    slots = [(state._fields.index(field), rows) for field, rows in history.items()]
    step = _stepper(spec, problem)
    gradient = problem.gradient
    every = _progress_every(steps)
    for k in range(steps):
        if per_step is None:
            lr_k = _schedule_lr(schedule, sched_state, n)
            lr_record[k] = lr_k
            lr = per_point(lr_k)
            loss_rows[k] = problem.value(x) if k else first.loss
        else:
            lr = per_step[k]
        g_k = gradient(x, k) if k else first.grad
        grads[k] = g_k
        if sys.getrefcount(g_k) > 2 or not _disposable(g_k, g):
            np.copyto(g, g_k)
            g_k = g
        x, state = step(x, g_k, state, k + 1, lr, hp)
        xy[k + 1] = x
        for i, rows in slots:
            rows[k] = state[i]
        if per_step is None:
            sched_state = schedule.update(sched_state, loss_rows[k])
        if progress is not None and ((k + 1) % every == 0 or k + 1 == steps):
            progress(k + 1, steps)

    if loss_rows is None:
        loss = problem.value(xy.reshape(-1, 2)).reshape(steps + 1, n)
    else:
        loss_rows[steps] = problem.value(x)
        loss = loss_rows
    t = np.arange(1, steps + 1, dtype=np.float64)[:, None, None]
    lr_b = lr_record[:, None, None] if lr_record.ndim == 1 else lr_record[:, :, None]
    derived = spec.derived(xy[:-1], grads, history, t, lr_b, hp) if spec.derived else {}
    if "step" not in derived:
        derived["step"] = xy[:-1] - xy[1:]

    diverged = _freeze_diverged(xy, loss, (grads, *history.values(), *derived.values()))
    return Trajectory(
        name=spec.name,
        hparams=resolved,
        xy=_frozen(xy),
        loss=_frozen(loss),
        grad=_frozen(grads),
        lr=_frozen(lr_record),
        state={key: _frozen(rows) for key, rows in history.items()},
        derived={key: _frozen(np.ascontiguousarray(rows)) for key, rows in derived.items()},
        diverged_step=_frozen(diverged),
    )


def _run_summary(
    spec: OptimizerSpec,
    resolved: dict[str, Any],
    hp: tuple,
    problem: _Problem,
    first: _Start,
    points: np.ndarray,
    steps: int,
    plan: _LrPlan,
    tol: float,
    block_points: int,
    progress: Progress | None,
) -> Summary:
    n = len(points)
    x = points  # the run's own copy of x0
    schedule = plan.schedule
    per_step = plan.per_step
    sched_state = schedule.init(n) if schedule is not None else None
    state = spec.init(x, _first_lr(plan, sched_state, n), hp)
    step = _stepper(spec, problem)
    gradient = problem.gradient

    # The positions as the surface sees them, column by column: this step's and the last.
    seen = (first.xy, np.empty_like(first.xy))
    loss = first.loss
    if _all_valid(x, np.fmin.reduce(loss), np.maximum.reduce(loss)):
        diverged = np.full(n, -1)
    else:
        diverged = np.where(_valid(x, loss), -1, 0)
    best = loss.copy()
    f_min = _f_min(problem.surface, bool(resolved.get("maximize", False)))
    steps_to_tol = np.full(n, -1)
    threshold = None if f_min is None else _threshold(f_min, tol)
    blocks = [
        _Block(rows, x, seen, state, hp, loss, best, diverged, steps_to_tol, threshold)
        for rows in _blocks(n, block_points)
    ]
    # A noisy gradient is drawn for all points at once, so that point i gets row i of the
    # step's noise whatever the block size; an exact one is taken block by block.
    noisy = problem.noisy
    scratch = None
    every = _progress_every(steps)
    for k in range(steps):
        if per_step is not None:
            lr = per_step[k]
        else:
            lr = per_point(_schedule_lr(schedule, sched_state, n))
            # A copy (the blocks reuse their buffers, the schedule may keep what it gets):
            # the loss at the points this step starts from, as the schedule sees it.
            loss_k = np.concatenate([b.loss for b in blocks])
        now = k % 2
        if k == 0:
            # Step 0's gradient is the probe's, an array of our own: its rows are scratch.
            for b in blocks:
                b.advance(step, first.grad[b.rows], k, lr, problem.value, now)
        elif noisy:
            g = gradient(seen[now], k)
            if sys.getrefcount(g) > 2 or not _disposable(g, points):
                scratch = np.empty_like(points) if scratch is None else scratch
                np.copyto(scratch, g)
                g = scratch
            for b in blocks:
                b.advance(step, g[b.rows], k, lr, problem.value, now)
        else:
            for b in blocks:
                b.advance(step, b.gradient(gradient, k, now), k, lr, problem.value, now)
        if per_step is None:
            sched_state = schedule.update(sched_state, loss_k)
        if progress is not None and ((k + 1) % every == 0 or k + 1 == steps):
            progress(k + 1, steps)
    return Summary(
        name=spec.name,
        hparams=resolved,
        final_xy=_frozen(x),
        final_loss=_frozen(np.concatenate([b.loss for b in blocks])),
        best_loss=_frozen(best),
        steps_to_tol=_frozen(steps_to_tol),
        diverged_step=_frozen(diverged),
        f_min=f_min,
        tol=tol,
    )


class _Block:
    """One block of the summary loop's points: views of the run's arrays for rows ``rows``,
    made once, the positions its frozen (diverged) points are held at, its latest loss (an
    array of its own: a fresh one from the surface is kept instead of copied), and which of
    its points are within tol of f_min (none tracked when f_min is unknown)."""

    __slots__ = (
        "best",
        "diverged",
        "frozen",
        "frozen_xy",
        "hp",
        "loss",
        "n_within",
        "rows",
        "scratch",
        "seen",
        "spare_loss",
        "state",
        "steps_to_tol",
        "threshold",
        "was_within",
        "within",
        "x",
    )

    def __init__(
        self, rows: slice, x, seen, state, hp, loss, best, diverged, steps_to_tol, threshold
    ) -> None:
        self.rows = rows
        self.x = x[rows]
        self.seen = tuple(copy[rows] for copy in seen)
        self.scratch = None  # made only for a surface whose gradient must be copied
        self.state = type(state)(*(None if a is None else a[rows] for a in state))
        self.hp = type(hp)(*(v[rows] if isinstance(v, np.ndarray) else v for v in hp))
        self.loss = loss[rows]
        self.spare_loss = None  # likewise for a surface whose loss must be copied
        self.best = best[rows]
        self.diverged = diverged[rows]
        self.frozen = np.flatnonzero(self.diverged >= 0)
        self.frozen_xy = self.x[self.frozen]
        self.steps_to_tol = steps_to_tol[rows]
        self.threshold = threshold
        self.within = np.zeros(len(self.x), dtype=bool)
        self.was_within = np.zeros_like(self.within)
        self.n_within = len(self.x)
        if threshold is not None:
            self.n_within = 0
            self.mark_within(0)

    def gradient(self, gradient, k: int, now: int) -> np.ndarray:
        """The exact gradient at the block's points, as scratch the kernel may overwrite."""
        g = gradient(self.seen[now], k)
        if sys.getrefcount(g) > 2 or not _disposable(g, self.x):
            if self.scratch is None:
                self.scratch = np.empty_like(self.x)
            np.copyto(self.scratch, g)
            g = self.scratch
        return g

    def advance(self, step, g, k: int, lr, value, now: int) -> None:
        """Step k for this block: update in place, hold frozen points, show the surface the
        new positions and take their loss, freeze the points whose position or loss became
        invalid (back where the last step left them), lower best, mark who came within tol."""
        x = self.x
        if isinstance(lr, np.ndarray):
            lr = lr[self.rows]
        stepped, state = step(x, g, self.state, k + 1, lr, self.hp)
        _keep(x, stepped, self.state, state)
        frozen = self.frozen
        if frozen.size:
            x[frozen] = self.frozen_xy
        before, after = self.seen[now], self.seen[1 - now]
        np.copyto(after, x)
        loss, new_loss = self.loss, value(after)
        if sys.getrefcount(new_loss) > 2 or not _disposable(new_loss, loss):
            if self.spare_loss is None:
                self.spare_loss = np.empty_like(loss)
            np.copyto(self.spare_loss, new_loss)
            new_loss = self.spare_loss
        # Two reductions serve both checks: validity, and whether any point can be within tol.
        low, high = np.fmin.reduce(new_loss), np.maximum.reduce(new_loss)
        if not _all_valid(x, low, high):
            diverged = self.diverged
            bad = ~_valid(x, new_loss) & (diverged < 0)
            if bad.any():
                diverged[bad] = k + 1
                x[bad] = after[bad] = before[bad]
                new_loss[bad] = loss[bad]
                self.frozen = np.flatnonzero(diverged >= 0)
                self.frozen_xy = x[self.frozen]
                low = np.fmin.reduce(new_loss)
        np.minimum(self.best, new_loss, out=self.best)
        if self.n_within < len(x) and low <= self.threshold:
            self.mark_within(k + 1)
        if new_loss is self.spare_loss:
            self.spare_loss = loss
        self.loss = new_loss

    def mark_within(self, k: int) -> None:
        """Row k for the block's points that just came within tol of f_min.

        loss_k - f_min <= tol first holds when best_k - f_min <= tol does, and best only
        falls: points only ever join that set, so new ones exist only when it grows, and only
        if some loss of step k is within (the caller checks that on the block's minimum).
        """
        self.within, self.was_within = self.was_within, self.within
        np.less_equal(self.best, self.threshold, out=self.within)
        now = int(np.count_nonzero(self.within))
        if now > self.n_within:
            self.steps_to_tol[self.within > self.was_within] = k
            self.n_within = now


def _keep(x: np.ndarray, stepped: np.ndarray, views: tuple, state: tuple) -> None:
    """Write a kernel's result into the block's views where the kernel did not update them
    in place (every kernel here does; the spec's protocol only promises a result)."""
    if stepped is not x:
        np.copyto(x, stepped)
    if state is not views:
        for view, new in zip(views, state, strict=True):
            if new is not view:
                np.copyto(view, new)


def _blocks(n: int, size: int) -> list[slice]:
    """Consecutive row ranges of at most ``size`` points covering 0..n."""
    return [slice(start, min(start + size, n)) for start in range(0, n, size)]


def _progress_every(steps: int) -> int:
    """Steps between progress calls: about PROGRESS_CALLS per run, at most one per step."""
    return max(1, steps // PROGRESS_CALLS)


# --- divergence --------------------------------------------------------------------------


def _valid(xy: np.ndarray, loss: np.ndarray) -> np.ndarray:
    """Finite loss and a position inside the box, for any leading shape."""
    return np.isfinite(loss) & np.all(np.abs(xy) <= ESCAPE, axis=-1)


def _all_valid(x: np.ndarray, low: float, high: float) -> bool:
    """Fast sufficient check of the common case from reductions only, no (N, 2) temporaries:
    ``low`` and ``high`` are the losses' NaN-skipping minimum and NaN-keeping maximum, both
    finite only if every loss is; NaN fails every comparison. False only means "look closer"
    with ``_valid``. (No BLAS here: its threads stall on a busy machine.)"""
    return (
        -math.inf < low
        and high < math.inf
        and np.maximum.reduce(x, axis=None) <= ESCAPE
        and np.minimum.reduce(x, axis=None) >= -ESCAPE
    )


def _freeze_diverged(
    xy: np.ndarray, loss: np.ndarray, per_step: tuple[np.ndarray, ...]
) -> np.ndarray:
    """Freeze every diverged point of a full history in place; return diverged_step (N,).

    From a point's first invalid row d on, its xy and loss repeat row d - 1, and its per-step
    records from step d - 1 (the step that went wrong) on are NaN.
    """
    invalid = ~_valid(xy, loss)
    diverged = np.where(invalid.any(axis=0), invalid.argmax(axis=0), -1)
    for i in np.flatnonzero(diverged >= 0):
        last = max(int(diverged[i]) - 1, 0)
        xy[last + 1 :, i] = xy[last, i]
        loss[last + 1 :, i] = loss[last, i]
        for rows in per_step:
            rows[last:, i] = np.nan
    return diverged


# --- the surface -------------------------------------------------------------------------


class _Problem(NamedTuple):
    """The surface as the loops call it: exact value, gradient of step k, Hessian."""

    surface: Any
    value: Callable[[np.ndarray], np.ndarray]
    gradient: Callable[[np.ndarray, int], np.ndarray]
    hessian: Callable[[np.ndarray], np.ndarray] | None
    noisy: bool  # the gradient of step k is drawn for all points at once (seeded noise)

    @classmethod
    def probe(
        cls, surface: Any, seed: int, spec: OptimizerSpec, points: np.ndarray
    ) -> tuple[_Problem, _Start]:
        """Bind the surface's methods and check once, at x0, that they return the right shapes;
        the value and gradient computed for that are kept for the loop's first step."""
        needed = ("value", "grad", "hessian") if spec.needs_hessian else ("value", "grad")
        missing = [m for m in needed if not callable(getattr(surface, m, None))]
        if missing:
            raise ValueError(
                f"surface must have methods {', '.join(f'{m}(xy)' for m in needed)} for "
                f"{spec.name}; {type(surface).__name__} lacks {', '.join(missing)}"
            )
        noisy = getattr(surface, "stochastic_grad", None)
        if callable(noisy):

            def gradient(xy: np.ndarray, k: int) -> np.ndarray:
                return noisy(xy, k, seed)

        else:

            def gradient(xy: np.ndarray, k: int) -> np.ndarray:
                return surface.grad(xy)

        def value(xy: np.ndarray) -> np.ndarray:
            return np.asarray(surface.value(xy), dtype=np.float64)

        hessian = surface.hessian if spec.needs_hessian else None
        problem = cls(surface, value, gradient, hessian, callable(noisy))
        n = len(points)
        with np.errstate(all="ignore"):
            loss, grad = problem.value(points), gradient(points, 0)
            checks = [("value", loss, (n,)), ("grad", grad, (n, 2))]
            if spec.needs_hessian:
                checks.append(("hessian", surface.hessian(points), (n, 2, 2)))
        for method, result, shape in checks:
            if np.shape(result) != shape:
                raise ValueError(
                    f"surface.{method} must return shape {shape} for {n} points; "
                    f"got {np.shape(result)}"
                )
        # Ours to write (the loops write into the loss and gradient they hold), unless the
        # surface keeps what it returns; the list's references are not the surface's.
        del checks
        if sys.getrefcount(loss) > 2 or not _disposable(loss, loss):
            loss = np.array(loss)
        if sys.getrefcount(grad) > 2 or not _disposable(grad, points):
            grad = np.array(grad, dtype=np.float64, order="C")
        return problem, _Start(points, loss, grad)


class _Start(NamedTuple):
    """The probe's calls at x0, which the loops start from: the points as the surface saw them
    (column by column in summary mode), its value there and the gradient of step 0, arrays
    of the run's own."""

    xy: np.ndarray
    loss: np.ndarray
    grad: np.ndarray


def _disposable(grad: np.ndarray, like: np.ndarray) -> bool:
    """May the kernel reuse the surface's gradient array as scratch instead of a copy?

    Only a fresh array that nothing else references (the loop checks the reference count,
    as NumPy does to reuse temporaries) and that owns memory of the right layout: a surface
    returning a cached or shared array gets a copy, and never sees it change.
    """
    return (
        type(grad) is np.ndarray
        and grad.base is None
        and grad.dtype == like.dtype
        and grad.shape == like.shape
        and grad.flags.c_contiguous
        and grad.flags.writeable
    )


def _stepper(spec: OptimizerSpec, problem: _Problem) -> Callable[..., tuple]:
    """The kernel's update, with the Hessian at the current point for Newton."""
    if not spec.needs_hessian:
        return spec.update
    update, hessian = spec.update, problem.hessian

    def step(x: np.ndarray, g: np.ndarray, state: tuple, t: int, lr: Value, hp: tuple) -> tuple:
        return update(x, g, state, t, lr, hp, np.asarray(hessian(x), dtype=np.float64))

    return step


def _threshold(f_min: float, tol: float) -> float:
    """The largest float t with fl(t - f_min) <= tol.

    Float subtraction is monotone, so ``loss - f_min <= tol`` is exactly ``loss <= t``: one
    comparison per step instead of a subtraction and a comparison.
    """
    t = f_min + tol
    while t - f_min > tol:
        t = math.nextafter(t, -math.inf)
    while math.nextafter(t, math.inf) - f_min <= tol:
        t = math.nextafter(t, math.inf)
    return t


def _f_min(surface: Any, maximize: bool) -> float | None:
    """Lowest value at the surface's known minima; None if unknown or when maximizing."""
    minima = getattr(surface, "minima", None)
    if maximize or minima is None:
        return None
    minima = np.asarray(minima, dtype=np.float64).reshape(-1, 2)
    if not len(minima):
        return None
    f_min = float(np.min(surface.value(minima)))
    return f_min if math.isfinite(f_min) else None


# --- arguments ---------------------------------------------------------------------------


class _LrPlan(NamedTuple):
    """Where each step's lr comes from, and what Trajectory.lr will hold."""

    per_step: list | None  # lr handed to the kernel at step k; None for a loss-driven schedule
    schedule: Any | None  # loss-driven: init / lr / update
    record: np.ndarray  # (steps,) or (steps, N); a loss-driven schedule fills it during the run
    first: Value  # the lr before any step (Rprop's initial step size)


def _lr_plan(schedule: Any, lr: Value, steps: int, n: int) -> _LrPlan:
    if schedule is None:
        if isinstance(lr, np.ndarray):
            lr_pp = per_point(lr)
            return _LrPlan([lr_pp] * steps, None, np.tile(lr, (steps, 1)), lr_pp)
        return _LrPlan([lr] * steps, None, np.full(steps, lr), lr)
    if all(callable(getattr(schedule, m, None)) for m in ("init", "lr", "update")):
        return _LrPlan(None, schedule, np.empty((steps, n)), lr)
    if isinstance(schedule, str):
        raise ValueError(
            f"schedule must be None, an array of lrs or a loss-driven Schedule; got the name "
            f"{schedule!r}: pass optimizers.schedules.make({schedule!r}, lr=..., steps=...)"
        )
    try:
        lrs = np.array(schedule, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(
            f"schedule must be None, an array of lrs (steps,) or (steps, N), or a Schedule "
            f"with init/lr/update; got {type(schedule).__name__}"
        ) from None
    if lrs.shape not in ((steps,), (steps, n)):
        raise ValueError(
            f"schedule must have shape (steps,) = ({steps},) or (steps, N) = ({steps}, {n}); "
            f"got {lrs.shape}"
        )
    bad = np.argwhere(~(np.isfinite(lrs) & (lrs >= 0)))
    if len(bad):
        k = tuple(int(i) for i in bad[0])
        raise ValueError(
            f"schedule: every lr must be a finite float >= 0; got {float(lrs[k])!r} at step {k[0]}"
        )
    # Python floats for a shared lr keep each step's arithmetic on scalars.
    per_step = lrs.tolist() if lrs.ndim == 1 else list(np.repeat(lrs[:, :, None], 2, axis=2))
    return _LrPlan(per_step, None, lrs, per_step[0] if steps else lr)


def _first_lr(plan: _LrPlan, sched_state: Any, n: int) -> Value:
    if plan.schedule is None:
        return plan.first
    return per_point(_schedule_lr(plan.schedule, sched_state, n))


def _schedule_lr(schedule: Any, sched_state: Any, n: int) -> np.ndarray:
    lr = np.asarray(schedule.lr(sched_state), dtype=np.float64)
    if lr.shape != (n,):
        raise ValueError(f"schedule.lr(state) must return shape ({n},); got {lr.shape}")
    if not (np.isfinite(lr).all() and lr.min() >= 0):
        raise ValueError(f"schedule.lr(state) must be finite and >= 0; got {lr}")
    return lr


def _start_points(x0: Any) -> np.ndarray:
    try:
        points = np.array(x0, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"x0 must be an array of shape (N, 2) or (2,); got {x0!r}") from None
    if points.shape == (2,):
        points = points[None, :]
    if points.ndim != 2 or points.shape[1] != 2 or len(points) == 0:
        raise ValueError(f"x0 must have shape (N, 2) or (2,) with N >= 1; got {points.shape}")
    bad = np.argwhere(~np.isfinite(points))
    if len(bad):
        i = int(bad[0][0])
        raise ValueError(f"x0 must be finite; got {points[i].tolist()} at row {i}")
    return np.ascontiguousarray(points)


def _count(name: str, value: Any) -> int:
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be an integer >= 0; got {value!r}")
    if not (math.isfinite(value) and float(value).is_integer() and value >= 0):
        raise ValueError(f"{name} must be an integer >= 0; got {value!r}")
    return int(value)


def _block_size(value: Any) -> int:
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Integral) or value < 1:
        raise ValueError(f"block_points must be an integer >= 1; got {value!r}")
    return int(value)


def _tolerance(tol: Any) -> float:
    if isinstance(tol, bool | np.bool_) or not isinstance(tol, numbers.Real):
        raise ValueError(f"tol must be a finite float >= 0; got {tol!r}")
    if not (math.isfinite(tol) and tol >= 0):
        raise ValueError(f"tol must be a finite float >= 0; got {tol!r}")
    return float(tol)


def _frozen(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array
