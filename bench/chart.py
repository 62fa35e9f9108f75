"""Benchmark: the lab's chart (ui/chart.js) alone in Chromium, drawing what a Playground
slider move sends it, against a full Plotly.react of the same figures in the same run.

    python bench/chart.py [--moves 20] [--rates 1,4]

The figures are the Playground's own: its chart's payloads for SGD at two learning rates,
made by the page itself (AppTest), one pair whose curve ranges are the same and one pair
where a curve range changes. A static page on loopback loads chart.js and Plotly.js from
the lab's files and draws the first figure of a pair, then the other and back, --moves
times, per case:

  react     Plotly.react of each figure (a whole redraw: the baseline)
  in place  chart.js's draw of each, curve ranges the same (it moves SGD's lines alone)
  range     chart.js's draw of each, a curve range changed (Plotly then redraws every
            trace, the contour too)

Per draw: from the call until Plotly's promise resolves, median ms, and the ratio to react
in the same run. --rates are CDP CPU throttling rates (4: a phone, as bench/browser.py).
chart.js must never fall back to Plotly.react in the two chart.js cases: it is checked.
Only the chart's own work: no Streamlit, no server, no network (bench/browser.py measures
the whole page).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import itertools
import json
import statistics
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.apptest import chart_payloads, run_app  # noqa: E402
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, CHROMIUM_MISSING  # noqa: E402
from ui.plotly_bundles import STATIC_DIR  # noqa: E402

# The Playground's default optimizers, SGD's learning rate set per figure.
QUERY = {"surface": "rosenbrock", "o0": "sgd", "o1": "momentum", "o2": "rmsprop", "o3": "adam"}
LEARNING_RATES = ("0.001", "0.0015", "0.002", "0.003", "0.005")
CASES = ("react", "in place", "range")

PAGE = """<!doctype html><meta charset="utf-8"><body style="margin:0">
<div id="chart" style="width:1200px"></div>
<script type="module">
import draw from "./chart.js";
const parent = document.getElementById("chart");
const bytes = (spec) => new TextEncoder().encode(JSON.stringify(spec));
const load = async (name) => await (await fetch(name)).json();
// chart.js's draw of `spec`, until Plotly has drawn it.
const drawn = (spec) => {
  draw({ data: bytes(spec), parentElement: parent, setTriggerValue() {} });
  return parent.querySelector(".lab-chart").drawing;
};
// Each case on a fresh chart: the first figure drawn, then the other and back, timed;
// `direct`: by Plotly.react itself. Counts chart.js's own calls of Plotly.react.
window.run = async (names, moves, direct) => {
  const specs = await Promise.all(names.map(load));
  parent.replaceChildren();
  await drawn(specs[0]);
  const div = parent.querySelector(".lab-chart");
  const plotly = window.Plotly;
  const react = plotly.react;
  let reacts = 0;
  plotly.react = (...args) => { reacts += 1; return react.apply(plotly, args); };
  const times = [];
  for (let move = 1; move <= moves; move++) {
    const spec = specs[move % 2];
    const start = performance.now();
    await (direct ? react.call(plotly, div, { ...spec.figure, config: spec.config }) : drawn(spec));
    times.push(performance.now() - start);
  }
  plotly.react = react;
  plotly.purge(div);
  return { times, reacts };
};
window.ready = true;
</script>"""


def _curve_ranges(payload: dict) -> dict:
    layout = payload["figure"]["layout"]
    return {key: axis.get("range") for key, axis in layout.items() if key.startswith("yaxis")}


def playground_payloads() -> dict[str, dict]:
    """SGD's payload at each of LEARNING_RATES, by lr (the Playground through AppTest)."""
    return {
        lr: chart_payloads(run_app("pages/playground.py", **QUERY, **{"o0.lr": lr}))[0]
        for lr in LEARNING_RATES
    }


def pairs(payloads: dict[str, dict]) -> dict[str, tuple[str, str]]:
    """Neighbouring learning rates whose curve ranges are the same, and whose differ."""
    found: dict[str, tuple[str, str]] = {}
    for a, b in itertools.pairwise(LEARNING_RATES):
        same = _curve_ranges(payloads[a]) == _curve_ranges(payloads[b])
        found.setdefault("in place" if same else "range", (a, b))
    missing = {"in place", "range"} - found.keys()
    if missing:
        raise SystemExit(f"no pair of {LEARNING_RATES} for: {', '.join(sorted(missing))}")
    return found


@contextlib.contextmanager
def static_site(files: dict[str, bytes]):
    """The files on a loopback HTTP server of their own; yields its base URL."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, content in files.items():
            (Path(tmp) / name).write_bytes(content)
        handler = functools.partial(QuietHandler, directory=tmp)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()
            server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass


def site_files(payloads: dict[str, dict]) -> dict[str, bytes]:
    """The page, chart.js, the Plotly.js the payloads load (published by the page) and each
    payload as `<lr>.json`, loading Plotly.js from beside it."""
    (bundle,) = {Path(payload["plotly"]).name for payload in payloads.values()}
    files = {
        "index.html": PAGE.encode(),
        "chart.js": (ROOT / "ui" / "chart.js").read_bytes(),
        bundle: (STATIC_DIR / bundle).read_bytes(),
    }
    for lr, payload in payloads.items():
        files[f"{lr}.json"] = json.dumps({**payload, "plotly": bundle}).encode()
    return files


def measure(url: str, cases: dict[str, tuple[str, str]], moves: int, rate: float) -> dict:
    """Median ms per draw by case, at CPU throttling ``rate``."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1440, "height": 900})
            tab.goto(f"{url}/index.html")
            tab.wait_for_function("window.ready === true", timeout=60_000)
            tab.context.new_cdp_session(tab).send("Emulation.setCPUThrottlingRate", {"rate": rate})
            medians = {}
            for case, lrs in cases.items():
                names = [f"{lr}.json" for lr in lrs]
                result = tab.evaluate(
                    "([names, moves, direct]) => window.run(names, moves, direct)",
                    [names, moves, case == "react"],
                )
                if case != "react" and result["reacts"]:
                    raise SystemExit(f"{case}: chart.js redrew with Plotly.react")
                medians[case] = statistics.median(result["times"])
            return medians
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=20, help="draws per case")
    parser.add_argument("--rates", default="1,4", help="CPU throttling rates")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(CHROMIUM_MISSING)
    payloads = playground_payloads()
    found = pairs(payloads)
    cases = {"react": found["in place"], **found}
    print("SGD lr pairs: " + ", ".join(f"{case} {a} <-> {b}" for case, (a, b) in found.items()))
    with static_site(site_files(payloads)) as url:
        for rate in (float(r) for r in args.rates.split(",")):
            medians = measure(url, cases, args.moves, rate)
            base = medians["react"]
            row = ", ".join(
                f"{case} {ms:.0f} ms ({ms / base:.2f}x)" for case, ms in medians.items()
            )
            print(f"CPU {rate:g}x: {row}")


if __name__ == "__main__":
    main()
