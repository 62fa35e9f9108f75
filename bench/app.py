"""Benchmark: the Playground's rerun time after an lr change, and its chart payload.

    .venv/bin/python bench/app.py [--reruns 15]

Runs the real page in AppTest (no browser). Prints the median rerun time after moving the
first optimizer's lr slider (a fresh value each time, so its trajectory is recomputed and
the figure rebuilt), next to the median of plain reruns (nothing changed) measured in the
same process, and the chart payload (the figure JSON Streamlit sends) for the default view
and for 4 optimizers x 500 steps, against the 2 MB budget.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

TARGET_MS = 150.0
PAYLOAD_BUDGET = 2_000_000
LR_LABEL = "learning rate lr"


def open_playground(**query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page("pages/playground.py")
    return at.run()


def timed_run(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    return 1000 * elapsed


def payload(at: AppTest) -> int:
    (chart,) = at.get("plotly_chart")
    return len(chart.proto.spec.encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=15)
    args = parser.parse_args()

    at = open_playground()
    timed_run(at)  # warm: imports, caches, the first figure
    plain = statistics.median(timed_run(at) for _ in range(args.reruns))

    slider = next(s for s in at.select_slider if s.label == LR_LABEL)
    start = slider.value
    # Every value but the current one, walking away from it: each rerun is a cache miss.
    values = sorted(
        (float(v) for v in slider.options if float(v) != start), key=lambda v: abs(v - start)
    )
    changed = []
    for value in values[: args.reruns]:
        next(s for s in at.select_slider if s.label == LR_LABEL).set_value(value)
        changed.append(timed_run(at))
    lr_change = statistics.median(changed)

    default_payload = payload(at)
    big = open_playground(steps="500")
    big_payload = payload(big)

    print(f"Playground rerun after an lr change, median of {len(changed)}: {lr_change:.0f} ms")
    print(f"  plain rerun (nothing changed), median of {args.reruns}: {plain:.0f} ms")
    print(f"  lr change / plain rerun: {lr_change / plain:.2f}x")
    print(f"  lr change / {TARGET_MS:.0f} ms target: {lr_change / TARGET_MS:.2f}")
    print(f"Chart payload, default view (4 optimizers x 300 steps): {default_payload / 1e6:.3f} MB")
    print(
        f"Chart payload, 4 optimizers x 500 steps: {big_payload / 1e6:.3f} MB "
        f"({big_payload / PAYLOAD_BUDGET:.2f} of the 2 MB budget)"
    )


if __name__ == "__main__":
    main()
