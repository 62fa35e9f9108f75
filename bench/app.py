"""Benchmark: server CPU per slider move on the Playground and the teaching pages.

    .venv/bin/python bench/app.py [--moves 20] [--no-server] [--baseline REV | --no-baseline]

1. A real server per tree, started as ``make run`` starts it (``deploy/replica.py``; a tree
   from before that entry, plain ``streamlit run``), every page: the server process's CPU
   per move of the page's first learning-rate slider, one step up its scale each time (a
   value not computed yet, until the scale's end turns it back), sent by
   ``bench/classroom.py``'s client the way the browser sends it (a slider inside an
   ``st.fragment`` reruns that fragment only).
   The mean over ``--moves`` moves (Linux counts CPU in 10 ms ticks: the process's total
   over all moves, divided by their number). The same on ``--baseline`` (default: main before
   issue 11's work), served from a temporary ``git worktree`` of it in the same bench run,
   so both see the same machine load. Issue 11: the Playground at most 25 ms, every
   teaching page at least 5x cheaper than the baseline.
2. AppTest, every page: the CPU of ``at.run()`` after the same move, against a plain rerun.
   AppTest reruns the whole script for a widget inside a fragment (only a callback's keyed
   ``st.rerun`` runs fragments alone there) and recompiles it every run, so
   these are upper bounds of what a server spends; kept for the per-page rerun floor.
3. The figure pipeline alone, same process: the Playground's default figure drawn through
   ``st.plotly_chart(go.Figure(fig))`` (how the pages drew before) against
   ``ui.chart.plotly_chart(fig)``.
4. The chart payload (the figure JSON Streamlit sends), default view and 4 x 500 steps.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.classroom import LR_LABEL, StudentConnection, moved_slider, own_server  # noqa: E402
from tests.support.apptest import PageTest, chart_elements  # noqa: E402

TARGET_MS = 25.0
BASELINE = "d684c4e"  # main before issue 11's round one
TEACHING_SPEEDUP = 5.0  # issue 11: the teaching pages at least 5x cheaper than the baseline
PAYLOAD_BUDGET = 2_000_000
# One representative slider per page: (page file, label, which slider of that label).
PAGES = (
    ("playground", LR_LABEL, 0),
    ("moments", LR_LABEL, 0),
    ("bias_correction", LR_LABEL, 0),
    ("schedules", LR_LABEL, 0),
    ("sweep", LR_LABEL, 0),
)


def open_page(page: str, root: Path = ROOT, **query: str) -> AppTest:
    # PageTest: after a run of fragments alone, the page as the browser keeps it (its sliders).
    at = PageTest(root / "app.py", default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(f"pages/{page}.py")
    return at.run()


def cpu_ms(at: AppTest) -> float:
    """Process CPU (every thread: the script runs in its own) of one rerun."""
    start = time.process_time()
    at.run()
    spent = 1000 * (time.process_time() - start)
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    return spent


def _slider(at: AppTest, label: str, index: int):
    return [s for s in (*at.select_slider, *at.slider) if s.label == label][index]


def fresh_values(slider, count: int) -> list[float]:
    """``count`` values the slider can take, none twice and not its current one."""
    current = float(slider.value)
    if hasattr(slider, "options") and slider.options:
        values = sorted(
            {float(v) for v in slider.options} - {current}, key=lambda v: abs(v - current)
        )
        return [values[i % len(values)] for i in range(count)]
    lo, hi = float(slider.min), float(slider.max)
    return [lo + (hi - lo) * (i + 1) / (count + 2) for i in range(count)]


def page_cpu(
    page: str, label: str, index: int, moves: int, root: Path = ROOT
) -> tuple[float, float]:
    """Median CPU of a plain rerun and of a slider move on ``page`` of the tree at ``root``."""
    at = open_page(page, root)
    cpu_ms(at)  # warm: imports, caches, the first figures
    plain = statistics.median(cpu_ms(at) for _ in range(moves))
    moved = []
    for value in fresh_values(_slider(at, label, index), moves):
        _slider(at, label, index).set_value(value)
        moved.append(cpu_ms(at))
    return plain, statistics.median(moved)


def baseline_apptest_moves(tree: Path, moves: int) -> dict[str, float]:
    """Each page's median AppTest slider-move CPU on the tree at ``tree``, in a process of its
    own (its packages, not this checkout's)."""
    done = subprocess.run(
        [sys.executable, __file__, "--pages-only", "--root", str(tree), "--moves", f"{moves}"],
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def _figure_script(validated: bool) -> None:
    """An app that draws the Playground's default figure the old way or through ui.chart."""
    import plotly.graph_objects as go
    import streamlit as st

    import optimizers
    import surfaces
    from ui.chart import plotly_chart
    from viz.contour import surface_grid
    from viz.paths import path_runs, paths_figure

    surface = surfaces.get("rosenbrock")
    runs = [
        optimizers.run(name, surface, surface.start, 300, lr=lr)
        for name, lr in (("sgd", 2e-3), ("sgd", 1e-3), ("rmsprop", 1e-2), ("adam", 0.1))
    ]
    fig = paths_figure(
        surface_grid(surface.value, surface.bounds),
        path_runs(["SGD", "Momentum", "RMSprop", "Adam"], runs),
        minima=surface.minima,
        log_contour=True,
        f_min=0.0,
        max_frames=100,
        pick_start=True,
    )
    if validated:
        st.plotly_chart(go.Figure(fig), key="chart", on_select="rerun", selection_mode="points")
    else:
        plotly_chart(fig, key="chart", on_select=lambda: None)


def figure_pipeline_ms(validated: bool, moves: int) -> float:
    at = AppTest.from_function(_figure_script, args=(validated,), default_timeout=120).run()
    return statistics.median(cpu_ms(at) for _ in range(moves))


def payload(at: AppTest) -> int:
    return len(chart_elements(at)[0].proto.bytes)


# --- a real server ---------------------------------------------------------------------------


async def _slider_moves(url: str, page: str, moves: int, server) -> float:
    """Server CPU (ms) per lr move on ``page``: the mean of ``moves``, after one to warm up."""
    student = StudentConnection(url, page, "", timeout=180)
    await student.open()
    try:
        await student.rerun()
        for move in range(moves + 1):
            if move == 1:
                start = server.cpu_seconds()
            widget, widget_id = student.sliders[LR_LABEL]
            changed = moved_slider(widget, student.widgets.states[widget_id], +1)
            await student.rerun(changed)
        return 1000 * (server.cpu_seconds() - start) / moves
    finally:
        await student.close()


def server_moves(root: Path, moves: int) -> dict[str, float]:
    """Each page's server CPU per lr move, on the tree at ``root``."""
    with tempfile.TemporaryDirectory() as tmp, own_server(Path(tmp), root) as (url, server):
        return {page: asyncio.run(_slider_moves(url, page, moves, server)) for page, *_ in PAGES}


@contextlib.contextmanager
def worktree(rev: str):
    """A throwaway checkout of ``rev``."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "baseline"
        git = ["git", "-C", str(ROOT), "worktree"]
        subprocess.run([*git, "add", "--detach", str(tree), rev], check=True, capture_output=True)
        try:
            yield tree
        finally:
            subprocess.run([*git, "remove", "--force", str(tree)], capture_output=True)


def _versus(moved: float, baseline: dict[str, float], page: str, rev: str) -> str:
    if page not in baseline:
        return ""
    return f"  {rev}: {baseline[page]:6.1f} ms, {baseline[page] / moved:4.2f}x cheaper"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=20)
    parser.add_argument("--no-server", action="store_true", help="skip the real servers")
    parser.add_argument("--baseline", default=BASELINE, help="revision to compare pages with")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline tree")
    parser.add_argument("--pages-only", action="store_true", help="print JSON page moves only")
    parser.add_argument("--root", type=Path, default=ROOT, help="the tree whose app is measured")
    args = parser.parse_args()
    # The measured tree's packages, not this checkout's, are what its app.py imports.
    sys.path.insert(0, str(args.root))

    if args.pages_only:
        moved = {page: page_cpu(page, *slider, args.moves, args.root)[1] for page, *slider in PAGES}
        print(json.dumps(moved))
        return

    with contextlib.ExitStack() as stack:
        tree = None if args.no_baseline else stack.enter_context(worktree(args.baseline))
        if not args.no_server:
            ours = server_moves(ROOT, args.moves)
            theirs = {} if tree is None else server_moves(tree, args.moves)
            print(
                f"Real server, CPU per lr move (mean of {args.moves}; goals: Playground "
                f"<= {TARGET_MS:.0f} ms, teaching pages {TEACHING_SPEEDUP:.0f}x cheaper):"
            )
            for page, moved in ours.items():
                print(
                    f"  {page:16} {moved:6.1f} ms  move / {TARGET_MS:.0f} ms "
                    f"{moved / TARGET_MS:4.2f}" + _versus(moved, theirs, page, args.baseline)
                )
        apptest = {} if tree is None else baseline_apptest_moves(tree, args.moves)
    print(f"AppTest, CPU per whole-script rerun (median of {args.moves}), upper bounds:")
    for page, label, index in PAGES:
        plain, moved = page_cpu(page, label, index, args.moves)
        print(
            f"  {page:16} {label!r} move: {moved:6.1f} ms  plain rerun: {plain:6.1f} ms"
            + _versus(moved, apptest, page, args.baseline)
        )

    old, new = figure_pipeline_ms(True, args.moves), figure_pipeline_ms(False, args.moves)
    print(
        f"Figure pipeline, default Playground figure: go.Figure {old:.1f} ms, "
        f"ui.chart {new:.1f} ms ({old / new:.1f}x less CPU)"
    )

    default_payload = payload(open_page("playground"))
    big_payload = payload(open_page("playground", steps="500"))
    print(f"Chart payload, default view (4 optimizers x 300 steps): {default_payload / 1e6:.3f} MB")
    print(
        f"Chart payload, 4 optimizers x 500 steps: {big_payload / 1e6:.3f} MB "
        f"({big_payload / PAYLOAD_BUDGET:.2f} of the 2 MB budget)"
    )


if __name__ == "__main__":
    main()
