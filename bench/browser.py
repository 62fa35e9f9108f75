"""Benchmark: the lab's pages in a real Chromium, against a bare Streamlit + Plotly page.

    python bench/browser.py [--repeats 3] [--moves 5]
                            [--pages playground,moments,sweep,bias_correction,schedules]
                            [--profiles desktop,phone] [--max-seconds 1800] [--json out.json]
                            [--cpu-profile]

Two servers on loopback, each its own `streamlit run` in its own process group: the lab
(app.py) and the baseline, bench/apps/trivial.py (one contour chart). Both are warmed with
one load of every page, then every page is opened --repeats times, each in a fresh browser
context (no cache, as a student's first visit), under two profiles:

  desktop  1440 x 900
  phone    390 x 844, touch, device scale 3, a phone's User-Agent (the lab then serves its
           phone layout), CPU throttled 4x (CDP Emulation.setCPUThrottlingRate), as
           DevTools' phone emulation

Per load it measures, in the page itself (an init script):
  first chart   navigation start -> the first Plotly chart's SVG holds its drawn axes and traces
  long tasks    the summed duration of main-thread long tasks (PerformanceObserver
                'longtask') from navigation until the page is idle
and on the pages whose first chart draws the run of a "learning rate lr" slider (the
Playground, moments), --moves key presses on the first such slider:
  lr redraw     keydown -> the chart's last redraw for that move (a new `_fullData`, or any later
                change to the drawn chart)

With --cpu-profile, the lr moves also run under Chromium's sampling profiler (CDP
Profiler): the main thread's CPU per move by script (its file name, the build hash cut
off; "(program)" is the browser's own work: style, layout, paint, IPC), idle left out.
Steadier than the redraw's latency on a shared machine, and it says where the time goes.

Prints medians per profile and page, and each page's first chart and long tasks as a ratio
to the trivial app's in the same run (the machine is shared: ratios are what to compare).
The issue's goals, at phone size throttled: first chart <= 1.3x the trivial app's, lr redraw
<= 0.8 s median.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The browser tests' Chromium flags and server: the same Chromium, started the same way.
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, CHROMIUM_MISSING, PHONE_UA  # noqa: E402
from tests.support.server import streamlit_server  # noqa: E402

TRIVIAL_APP = "bench/apps/trivial.py"
PROFILES = {
    "desktop": {"context": {"viewport": {"width": 1440, "height": 900}}, "throttle": 1},
    "phone": {
        "context": {
            "viewport": {"width": 390, "height": 844},
            "device_scale_factor": 3,
            "is_mobile": True,
            "has_touch": True,
            "user_agent": PHONE_UA,  # what a phone sends, so it gets the phone's figure
        },
        "throttle": 4,
    },
}
LR_LABEL = "learning rate lr"
# Pages whose first chart an lr move redraws (on /sweep that lr is not what the heatmap shows).
LR_PAGES = ("playground", "moments")
TRIVIAL = "trivial"
FIRST_CHART_GOAL = 1.3  # x the trivial app's, phone profile
REDRAW_GOAL_S = 0.8  # median, phone profile
LOAD_TIMEOUT_MS = 180_000
QUIET_MS = 1_000  # no new long task or redraw for this long: the page has settled
# How often the harness checks the page (ms). Playwright's default runs its own script on
# every animation frame, on the main thread being measured. The times are the probe's own,
# taken in the page, so a coarser check costs them no precision.
POLL_MS = 100
RUNNING = '[data-testid="stStatusWidget"]'

# Runs before any of the page's scripts: timestamps are performance.now(), i.e. ms since
# navigation start. A requestAnimationFrame poll sees a drawn chart on the frame it is
# painted; Plotly replaces `gd._fullData` on every (re)plot, so a new object is a redraw.
# A redraw is also any change to the drawn chart after its first draw (a move in place may
# draw some of it after the frame its new data is seen): the last one ends a move.
PROBE = """(() => {
  const bench = (window.__bench = { longTasks: [], firstChart: null, redraws: [], keys: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('keydown', () => bench.keys.push(performance.now()), true);
  const DRAWN = '.cartesianlayer path, .cartesianlayer image';
  const changes = new MutationObserver(() => {
    if (bench.firstChart !== null) bench.redraws.push(performance.now());
  });
  let seen = null;
  let gd = null;
  const poll = () => {
    // The chart's div is looked up again only when it left the page: a query per frame
    // over a busy page is the probe's own cost, on the thread it measures.
    if (!gd || !gd.isConnected) {
      gd = document.querySelector('.js-plotly-plot');
      changes.disconnect();
      if (gd) changes.observe(gd, { subtree: true, childList: true, attributes: true });
    }
    const drawn = gd && (bench.firstChart !== null || gd.querySelector(DRAWN));
    if (drawn && gd._fullData) {
      const now = performance.now();
      if (bench.firstChart === null) bench.firstChart = now;
      if (gd._fullData !== seen) { seen = gd._fullData; bench.redraws.push(now); }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();"""


@dataclass
class Load:
    """One page load: seconds to the first chart, long tasks (s), redraw per lr move (s),
    and with --cpu-profile the main thread's CPU per move (ms) by script."""

    first_chart: float
    long_tasks: float
    redraws: list[float] = field(default_factory=list)
    move_cpu_ms: dict[str, float] = field(default_factory=dict)


BUILD_HASH = re.compile(r"\.[A-Za-z0-9_-]{8}(?=\.js$)")  # react-dom.Dzbslgj4.js -> react-dom.js


def _script(url: str) -> str:
    if not url:
        return "(no script)"
    name = url.rsplit("/", 1)[-1]
    return BUILD_HASH.sub("", name) if name.endswith(".js") else "(component)"


def cpu_by_script(profile: dict, moves: int) -> dict[str, float]:
    """A CDP Profiler profile's self time per move (ms) by script, idle left out."""
    frames = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    totals: dict[str, float] = {}
    for sample, delta_us in zip(profile["samples"], profile["timeDeltas"], strict=True):
        frame = frames[sample]
        # The profiler's own nodes, "(program)", "(garbage collector)", "(idle)": no script.
        native = not frame["url"] and frame["functionName"].startswith("(")
        key = frame["functionName"] if native else _script(frame["url"])
        if key == "(idle)":
            continue
        totals[key] = totals.get(key, 0.0) + delta_us / 1000 / moves
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def _settle(tab, count_js: str) -> None:
    """Wait until the script run has finished and `count_js` stopped growing for QUIET_MS."""
    tab.wait_for_function(
        f"!document.querySelector('{RUNNING}')", polling=POLL_MS, timeout=LOAD_TIMEOUT_MS
    )
    last, since = tab.evaluate(count_js), time.monotonic()
    while time.monotonic() - since < QUIET_MS / 1000:
        tab.wait_for_timeout(200)
        now = tab.evaluate(count_js)
        if now != last:
            last, since = now, time.monotonic()


def _move_lr(tab, key: str) -> float:
    """Press `key` on the first lr slider; seconds from keydown to the chart's last redraw."""
    before = tab.evaluate("window.__bench.redraws.length")
    # Exactly this label: the basins' sliders on /sweep are "SGD: learning rate lr", ...
    slider = tab.locator(f'input[type="range"][aria-label="{LR_LABEL}"]').first
    slider.focus()
    slider.press(key)
    tab.wait_for_function(
        f"window.__bench.redraws.length > {before}", polling=POLL_MS, timeout=LOAD_TIMEOUT_MS
    )
    _settle(tab, "window.__bench.redraws.length")
    pressed = tab.evaluate("window.__bench.keys.at(-1)")
    return (tab.evaluate("window.__bench.redraws.at(-1)") - pressed) / 1000


def measure_load(
    browser, url: str, profile: dict, moves: int = 0, cpu_profile: bool = False
) -> Load:
    """Open `url` in a fresh context under `profile`; first chart, long tasks, lr redraws
    (and their CPU by script, under the profiler, with `cpu_profile`)."""
    context = browser.new_context(**profile["context"])
    try:
        context.add_init_script(PROBE)
        tab = context.new_page()
        tab.set_default_timeout(LOAD_TIMEOUT_MS)
        cdp = context.new_cdp_session(tab)
        if profile["throttle"] != 1:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": profile["throttle"]})
        tab.goto(url)
        tab.wait_for_function("window.__bench.firstChart !== null", polling=POLL_MS)
        _settle(tab, "window.__bench.longTasks.length + window.__bench.redraws.length")
        bench = tab.evaluate("window.__bench")
        load = Load(
            first_chart=bench["firstChart"] / 1000,
            long_tasks=sum(duration for _, duration in bench["longTasks"]) / 1000,
        )
        if moves:
            # Up and back down the log-scale options: every move is a new value.
            keys = ["ArrowRight"] * ((moves + 1) // 2) + ["ArrowLeft"] * (moves // 2)
            if cpu_profile:
                cdp.send("Profiler.enable")
                cdp.send("Profiler.start")
            load.redraws = [_move_lr(tab, key) for key in keys]
            if cpu_profile:
                load.move_cpu_ms = cpu_by_script(cdp.send("Profiler.stop")["profile"], moves)
        return load
    finally:
        context.close()


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _x(value: float | None, base: float | None) -> str:
    return "-" if value is None or not base else f"{value / base:.2f}x"


def _median_cpu(loads: list[Load]) -> dict[str, float]:
    """Per script, the median over loads of its CPU per move (scripts of every load)."""
    profiled = [load.move_cpu_ms for load in loads if load.move_cpu_ms]
    names = {name for cpu in profiled for name in cpu}
    medians = {name: statistics.median(cpu.get(name, 0.0) for cpu in profiled) for name in names}
    return dict(sorted(medians.items(), key=lambda item: -item[1]))


def report(results: dict[str, dict[str, list[Load]]]) -> dict:
    """Print a table per profile; return the medians (and ratios) for --json."""
    summary: dict = {}
    for profile, pages in results.items():
        base = pages.get(TRIVIAL, [])
        base_chart = median([load.first_chart for load in base])
        base_tasks = median([load.long_tasks for load in base])
        throttle = PROFILES[profile]["throttle"]
        print(f"\n{profile} (CPU throttled {throttle}x), medians over {len(base)} loads:")
        print(
            f"  {'page':<12} {'first chart s':>13} {'vs trivial':>10} "
            f"{'long tasks s':>12} {'vs trivial':>10} {'lr redraw s':>11}"
        )
        summary[profile] = {}
        for page, loads in pages.items():
            chart = median([load.first_chart for load in loads])
            tasks = median([load.long_tasks for load in loads])
            redraw = median([r for load in loads for r in load.redraws])
            summary[profile][page] = {
                "first_chart_s": chart,
                "first_chart_vs_trivial": chart / base_chart if chart and base_chart else None,
                "long_tasks_s": tasks,
                "long_tasks_vs_trivial": tasks / base_tasks if tasks and base_tasks else None,
                "lr_redraw_s": redraw,
                "loads": [asdict(load) for load in loads],
            }
            print(
                f"  {page:<12} {_s(chart):>13} {_x(chart, base_chart):>10} "
                f"{_s(tasks):>12} {_x(tasks, base_tasks):>10} {_s(redraw):>11}"
            )
            cpu = _median_cpu(loads)
            if cpu:
                summary[profile][page]["move_cpu_ms"] = cpu
                top = ", ".join(f"{name} {ms:.0f}" for name, ms in list(cpu.items())[:6])
                print(f"  {'':<12} CPU per move, ms: {sum(cpu.values()):.0f} ({top})")
    phone = summary.get("phone", {})
    if "playground" in phone and phone["playground"]["first_chart_vs_trivial"]:
        pg = phone["playground"]
        print(
            f"\nGoals (phone, throttled): Playground first chart "
            f"{pg['first_chart_vs_trivial']:.2f}x the trivial app (goal <= {FIRST_CHART_GOAL}x), "
            f"lr redraw {_s(pg['lr_redraw_s'])} s (goal <= {REDRAW_GOAL_S} s)"
        )
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="loads per page and profile")
    parser.add_argument("--moves", type=int, default=5, help="lr slider moves per load")
    parser.add_argument("--pages", default="playground,moments,sweep,bias_correction,schedules")
    parser.add_argument("--profiles", default="desktop,phone")
    parser.add_argument("--max-seconds", type=float, default=1800.0, help="stop measuring after")
    parser.add_argument("--json", type=Path, help="write every load's numbers here")
    parser.add_argument(
        "--cpu-profile", action="store_true", help="profile the lr moves: CPU per move by script"
    )
    args = parser.parse_args()
    profiles = args.profiles.split(",")
    unknown = set(profiles) - set(PROFILES)
    if unknown:
        parser.error(f"--profiles: unknown {sorted(unknown)}; choose from {sorted(PROFILES)}")
    if not CHROMIUM.exists():
        raise SystemExit(CHROMIUM_MISSING)
    deadline = time.monotonic() + args.max_seconds
    # SIGTERM (a timeout, a killed make) unwinds like Ctrl-C: the servers' groups are stopped.
    signal.signal(signal.SIGTERM, signal.default_int_handler)

    with contextlib.ExitStack() as stack:
        logs = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-browser-")))
        trivial = stack.enter_context(streamlit_server(logs / "trivial.log", TRIVIAL_APP))
        lab = stack.enter_context(streamlit_server(logs / "lab.log"))
        urls = {TRIVIAL: f"{trivial}/"} | {p: f"{lab}/{p}" for p in args.pages.split(",")}
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        stack.callback(browser.close)

        for page, url in urls.items():  # warm: imports, st.cache_data, the first figure
            measure_load(browser, url, PROFILES["desktop"], moves=int(page in LR_PAGES))
        results: dict[str, dict[str, list[Load]]] = {
            p: {page: [] for page in urls} for p in profiles
        }
        try:
            # Pages interleaved within a repeat: a burst of load on the machine hits them all.
            for repeat in range(args.repeats):
                for profile in profiles:
                    for page, url in urls.items():
                        if time.monotonic() > deadline:
                            raise TimeoutError
                        moves = args.moves if page in LR_PAGES else 0
                        load = measure_load(
                            browser, url, PROFILES[profile], moves, args.cpu_profile
                        )
                        results[profile][page].append(load)
                        print(
                            f"[{repeat + 1}/{args.repeats}] {profile:<7} {page:<10} "
                            f"first chart {load.first_chart:.2f} s, long tasks "
                            f"{load.long_tasks:.2f} s, lr redraws {_s(median(load.redraws))} s",
                            flush=True,
                        )
        except TimeoutError:
            print(f"--max-seconds {args.max_seconds:.0f} reached: reporting what was measured")
        except KeyboardInterrupt:
            print("interrupted: reporting what was measured")
    summary = report(results)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
