"""The Plotly.js bundles the lab's chart (``ui/chart.js``) loads, and which one a figure needs.

Two bundles of one plotly.js release, served from ``static/`` (Streamlit's static file
serving, or nginx under ``make serve``), each under a name that carries its version, so
browsers may keep them:

- ``full``: the bundle Plotly's Python package ships (the one Kaleido exports with), 4.8 MB;
- ``cartesian``: Plotly.js's cartesian partial bundle (``vendor/``), 1.5 MB, for every figure
  whose traces are all in it. On a phone-class device (CPU throttled 4x) the full bundle took
  3.1 s to evaluate, on the critical path of a page's first chart; this one is a third of it.

A page whose figures change kind loads the other bundle when it first needs it. No Streamlit
here: ``deploy/serve.py`` and the container image publish the files before any replica runs.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import plotly

ROOT = Path(__file__).resolve().parent.parent
STATIC_DIR = ROOT / "static"  # server.enableStaticServing serves it at app/static/
BUNDLES = {
    "full": Path(plotly.__file__).parent / "package_data" / "plotly.min.js",
    "cartesian": ROOT / "vendor" / "plotly.js-cartesian-dist-min" / "plotly-cartesian.min.js",
}
# The trace modules of the cartesian bundle (its README).
CARTESIAN_TRACES = frozenset(
    {
        "bar",
        "box",
        "contour",
        "heatmap",
        "histogram",
        "histogram2d",
        "histogram2dcontour",
        "image",
        "pie",
        "scatter",
        "scatterternary",
        "violin",
    }
)
_VERSION = re.compile(rb"plotly\.js(?: \([^)]*\))? v(\d+\.\d+\.\d+)")


def bundle_version(path: Path) -> str | None:
    """The plotly.js release of the bundle at ``path`` (from its header), None if absent."""
    try:
        with path.open("rb") as bundle:
            found = _VERSION.search(bundle.read(400))
    except FileNotFoundError:
        return None
    return found.group(1).decode() if found else None


@functools.cache
def available() -> tuple[str, ...]:
    """The bundles this installation can serve: always the full one, and the cartesian one
    when it is there and of the full one's release (a figure must draw the same in both)."""
    full = bundle_version(BUNDLES["full"])
    return ("full", "cartesian") if bundle_version(BUNDLES["cartesian"]) == full else ("full",)


def bundle_for(figure: Mapping[str, Any]) -> str:
    """The smallest bundle that draws every trace of ``figure`` (a figure dict)."""
    types = {trace.get("type", "scatter") for trace in figure.get("data", [])}
    return "cartesian" if "cartesian" in available() and types <= CARTESIAN_TRACES else "full"


def file_name(bundle: str) -> str:
    stem = "plotly" if bundle == "full" else f"plotly-{bundle}"
    return f"{stem}-{bundle_version(BUNDLES[bundle])}.min.js"


@functools.cache
def bundle_url(bundle: str) -> str:
    """Where the page loads ``bundle`` from (relative to the app), published on first use."""
    publish(bundle)
    return f"app/static/{file_name(bundle)}"


def publish(*bundles: str) -> list[Path]:
    """Copy ``bundles`` (by default every available one) into ``static/`` where missing."""
    published = []
    for bundle in bundles or available():
        target = STATIC_DIR / file_name(bundle)
        if not target.exists():
            STATIC_DIR.mkdir(exist_ok=True)
            # Replicas may start together: each writes its own file and renames it into place.
            with tempfile.NamedTemporaryFile(dir=STATIC_DIR, delete=False) as copy:
                copy.write(BUNDLES[bundle].read_bytes())
            os.chmod(copy.name, 0o644)  # readable by a balancer serving it as another user
            os.replace(copy.name, target)
        published.append(target)
    return published
