"""Export figures and trajectory data: PNG, SVG, GIF, standalone HTML, CSV and JSON.

Images (PNG, SVG, GIF) are rendered by Plotly.js inside headless Chromium through Kaleido.
Starting Chromium takes seconds and one render a few hundred milliseconds, so the process
keeps ONE Kaleido (one Chromium with ``RENDER_TABS`` tabs) running on its own event-loop
thread: started lazily by the first image, restarted if Chromium dies, closed at exit.
Concurrent callers (several Streamlit sessions) submit renders to that loop; Kaleido's tab
queue serializes them, and a GIF keeps at most ``RENDER_TABS`` frames in flight so a PNG
requested meanwhile by another session waits for a frame or two, not for the whole GIF.

The render page loads plotly.js from the installed plotly package and no MathJax (Kaleido's
default MathJax is a CDN link), so rendering never touches the network. Every export adds
"Noto Sans CJK SC" (Debian: fonts-noto-cjk) to each font family of a copy of the figure, so
Chinese titles and labels render as glyphs, not boxes. The caller's figure is never mutated.

HTML, CSV and JSON need no browser. Where Chromium is missing, ``chromium_available()`` is
False and pages show ``IMAGE_EXPORT_HELP`` instead of the image buttons.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import contextlib
import csv
import html
import io
import itertools
import json
import math
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import plotly
import plotly.graph_objects as go
import plotly.io
from PIL import Image

__all__ = [
    "CJK_FONT",
    "CSV_ENCODING",
    "IMAGE_EXPORT_HELP",
    "ImageExportUnavailableError",
    "animation_gif",
    "chromium_available",
    "figure_html",
    "figure_png",
    "figure_svg",
    "renderer_page_html",
    "renderer_pid",
    "trajectories_csv",
    "trajectories_json",
    "with_cjk_fonts",
]

CJK_FONT = "Noto Sans CJK SC"
IMAGE_EXPORT_HELP = (
    "Image export (PNG, SVG, GIF) needs Chromium on the server: install it with "
    "`apt-get install -y chromium` (plus `fonts-noto-cjk` for Chinese text), or set the "
    "BROWSER_PATH environment variable to a Chrome/Chromium executable, then restart the app. "
    "HTML, CSV and JSON exports work without it."
)
# Excel only reads a CSV as UTF-8 (Chinese labels) when it starts with a byte-order mark.
CSV_ENCODING = "utf-8-sig"

RENDER_TABS = 2  # one tab renders while the other reloads plotly.js (Kaleido reloads per image)
START_TIMEOUT_S = 60.0
RENDER_TIMEOUT_S = 90.0  # Kaleido's own per-image limit; the caller waits a little longer
STOP_TIMEOUT_S = 10.0

MAX_PIXELS_PER_SIDE = 8192
MAX_GIF_FPS = 50  # browsers play GIF delays under 20 ms as 100 ms
MAX_GIF_FRAMES = 500
HOLD_LAST_FRAME_MS = 1000  # let the viewer see where the paths ended before the loop restarts
# Plotly.js's font when neither the figure nor its template sets one.
PLOTLY_DEFAULT_FONT = '"Open Sans", verdana, arial, sans-serif'
_GENERIC_FAMILIES = frozenset(
    {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "math"}
)
_PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


class ImageExportUnavailableError(RuntimeError):
    """Raised by the image exporters when no Chromium can be found; the message says how."""


# --------------------------------------------------------------------------- renderer


def chromium_available() -> bool:
    """True when Kaleido can find a Chrome/Chromium executable (BROWSER_PATH or system)."""
    from choreographer.browsers.chromium import Chromium

    path = Chromium.find_browser(skip_local=False)
    return bool(path) and Path(path).is_file()


def _page_generator():
    import kaleido

    if not _PLOTLY_JS.is_file():
        raise ImageExportUnavailableError(f"plotly.js bundle missing at {_PLOTLY_JS}")
    # An explicit local bundle: Kaleido's default silently falls back to a CDN copy.
    return kaleido.PageGenerator(plotly=(_PLOTLY_JS.as_uri(), "utf-8"), mathjax=False)


def renderer_page_html() -> str:
    """The HTML page Chromium loads to render images: local plotly.js, no MathJax, no CDN."""
    return _page_generator().generate_index()


class _Renderer:
    """One Kaleido (one headless Chromium) serving every image render of the process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None

    def submit(self, fig: dict, opts: dict) -> concurrent.futures.Future:
        loop, kaleido_ = self._running()
        return asyncio.run_coroutine_threadsafe(kaleido_.calc_fig(fig, opts), loop)

    def pid(self) -> int | None:
        with self._lock:
            return None if self._kaleido is None else self._kaleido.subprocess.pid

    def stop(self) -> None:
        with self._lock:
            self._stop_locked()

    def _running(self) -> tuple[asyncio.AbstractEventLoop, Any]:
        with self._lock:
            if self._kaleido is not None and self._kaleido.subprocess.poll() is not None:
                self._stop_locked()  # Chromium died (killed, out of memory): start afresh
            if self._kaleido is None:
                self._start_locked()
            return self._loop, self._kaleido

    def _start_locked(self) -> None:
        if not chromium_available():
            raise ImageExportUnavailableError(IMAGE_EXPORT_HELP)
        import kaleido

        page = _page_generator()

        async def open_kaleido() -> Any:
            instance = kaleido.Kaleido(n=RENDER_TABS, timeout=RENDER_TIMEOUT_S, page_generator=page)
            await instance.open()
            return instance

        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="kaleido-renderer", daemon=True)
        thread.start()
        try:
            opened = asyncio.run_coroutine_threadsafe(open_kaleido(), loop)
            self._kaleido = opened.result(timeout=START_TIMEOUT_S)
        except BaseException:
            _stop_loop(loop, thread)
            raise
        self._loop, self._thread = loop, thread

    def _stop_locked(self) -> None:
        if self._kaleido is None:
            return
        closing = asyncio.run_coroutine_threadsafe(self._kaleido.close(), self._loop)
        # A dead Chromium cannot be closed politely; its process group is gone already.
        with contextlib.suppress(Exception):
            closing.result(timeout=STOP_TIMEOUT_S)
        _stop_loop(self._loop, self._thread)
        self._kaleido = self._loop = self._thread = None


def _stop_loop(loop: asyncio.AbstractEventLoop, thread: threading.Thread) -> None:
    loop.call_soon_threadsafe(loop.stop)
    thread.join(timeout=STOP_TIMEOUT_S)
    if not thread.is_alive():
        loop.close()


_RENDERER = _Renderer()
atexit.register(_RENDERER.stop)


def renderer_pid() -> int | None:
    """Process id of the Chromium launcher serving image exports; None before the first image."""
    return _RENDERER.pid()


def _render_all(
    figs: Iterable[dict],
    opts: dict,
    count: int,
    progress: Callable[[float], None] | None = None,
) -> list[bytes]:
    """Render figure dicts in order, keeping at most RENDER_TABS of them in flight."""
    results: list[bytes] = []
    pending: deque[concurrent.futures.Future] = deque()

    def collect_oldest() -> None:
        results.append(pending.popleft().result(timeout=RENDER_TIMEOUT_S + 30))
        if progress is not None:
            progress(len(results) / count)

    try:
        for fig in figs:
            pending.append(_RENDERER.submit(fig, opts))
            if len(pending) >= RENDER_TABS:
                collect_oldest()
        while pending:
            collect_oldest()
    finally:
        for future in pending:
            future.cancel()
    return results


# --------------------------------------------------------------------------- figure dicts


def _figure_dict(fig: go.Figure | Mapping[str, Any]) -> dict:
    if isinstance(fig, go.Figure):
        return fig.to_dict()
    if isinstance(fig, Mapping) and "data" in fig:
        return dict(fig)
    raise ValueError(
        "fig must be a plotly.graph_objects.Figure or a figure dict with a 'data' key; "
        f"got {type(fig).__name__}"
    )


def _is_container(value: Any) -> bool:
    # Plotly 7 stores numpy arrays as {"dtype", "bdata"} dicts: those are values, not objects.
    return isinstance(value, dict) and "bdata" not in value


def _merged(base: Mapping[str, Any], update: Mapping[str, Any]) -> dict:
    """Deep merge that replaces arrays whole, as Plotly.js applies an animation frame.

    Shares untouched sub-objects with ``base`` instead of copying them.
    """
    out = dict(base)
    for key, value in update.items():
        if _is_container(value) and _is_container(out.get(key)):
            out[key] = _merged(out[key], value)
        else:
            out[key] = value
    return out


def _with_fallback(family: str) -> str:
    """Put the CJK font before any generic family: "A, sans-serif" -> "A, CJK, sans-serif"."""
    names = [name.strip() for name in family.split(",") if name.strip()]
    if any(name.strip("'\"").lower() == CJK_FONT.lower() for name in names):
        return family
    generic = len(names)
    while generic > 0 and names[generic - 1].strip("'\"").lower() in _GENERIC_FAMILIES:
        generic -= 1
    return ", ".join([*names[:generic], CJK_FONT, *names[generic:]])


def _with_fallback_everywhere(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {
            key: _with_fallback(value)
            if key == "family" and isinstance(value, str)
            else _with_fallback_everywhere(value)
            for key, value in obj.items()
        }
    if isinstance(obj, list) and obj and isinstance(obj[0], dict):
        return [_with_fallback_everywhere(item) for item in obj]
    return obj


def with_cjk_fonts(fig: go.Figure | Mapping[str, Any]) -> dict:
    """Figure dict whose every font family falls back to Noto Sans CJK SC (the input is untouched).

    The figure-wide family is made explicit (layout, else template, else Plotly.js's default)
    so the fallback applies even where the figure sets no font at all.
    """
    fig_dict = _figure_dict(fig)
    layout = fig_dict.get("layout", {})
    template_font = layout.get("template", {}).get("layout", {}).get("font", {})
    family = layout.get("font", {}).get("family") or template_font.get("family")
    font = {**layout.get("font", {}), "family": family or PLOTLY_DEFAULT_FONT}
    return _with_fallback_everywhere({**fig_dict, "layout": {**layout, "font": font}})


def _drives_animation(control: Mapping[str, Any]) -> bool:
    entries = [*control.get("buttons", ()), *control.get("steps", ())]
    return any(entry.get("method") == "animate" for entry in entries)


def _static_layout(layout: Mapping[str, Any]) -> dict:
    """Layout without play/pause buttons and frame sliders (they mean nothing in an image)."""
    out = dict(layout)
    for key in ("updatemenus", "sliders"):
        if key in out:
            kept = [control for control in out[key] if not _drives_animation(control)]
            if kept:
                out[key] = kept
            else:
                del out[key]
    return out


def _static_figure(fig: go.Figure | Mapping[str, Any]) -> dict:
    """The state an animated figure shows before Play is pressed, without its controls."""
    fig_dict = {k: v for k, v in with_cjk_fonts(fig).items() if k != "frames"}
    fig_dict["layout"] = _static_layout(fig_dict.get("layout", {}))
    return fig_dict


def _check_size(name: str, value: float | None, scale: float = 1) -> None:
    if value is None:
        return
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not 10 <= value * scale <= MAX_PIXELS_PER_SIDE
    ):
        raise ValueError(
            f"{name} must be a number of pixels with 10 <= {name} * scale <= "
            f"{MAX_PIXELS_PER_SIDE}; got {value!r} (scale {scale})"
        )


def _image(
    fig: go.Figure | Mapping[str, Any],
    fmt: str,
    width: int | None,
    height: int | None,
    scale: float,
) -> bytes:
    if isinstance(scale, bool) or not isinstance(scale, int | float) or not 0 < scale <= 8:
        raise ValueError(f"scale must be a number in (0, 8]; got {scale!r}")
    _check_size("width", width, scale)
    _check_size("height", height, scale)
    opts = {"format": fmt, "scale": scale}
    opts.update({k: v for k, v in (("width", width), ("height", height)) if v is not None})
    return _render_all([_static_figure(fig)], opts, count=1)[0]


def figure_png(
    fig: go.Figure | Mapping[str, Any],
    *,
    width: int | None = None,
    height: int | None = None,
    scale: float = 2,
) -> bytes:
    """PNG of ``fig`` at (width*scale, height*scale) pixels.

    width/height default to the figure's layout size, else 700x500. An animated figure is
    drawn in the state it shows before Play is pressed, without its play buttons and slider.
    Raises ImageExportUnavailableError (message: IMAGE_EXPORT_HELP) where Chromium is missing.
    """
    return _image(fig, "png", width, height, scale)


def figure_svg(
    fig: go.Figure | Mapping[str, Any],
    *,
    width: int | None = None,
    height: int | None = None,
    scale: float = 1,
) -> bytes:
    """SVG document (UTF-8 bytes) of ``fig``; same conventions as ``figure_png``."""
    return _image(fig, "svg", width, height, scale)


# --------------------------------------------------------------------------- HTML

_CDN_SCRIPT = re.compile(r"<script[^>]*\bsrc\s*=", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def _page_title(layout: Mapping[str, Any]) -> str:
    title = layout.get("title", {})
    text = title.get("text") if isinstance(title, Mapping) else title
    return _TAG.sub(" ", text).strip() if isinstance(text, str) and text.strip() else "Figure"


def figure_html(fig: go.Figure | Mapping[str, Any], *, title: str | None = None) -> str:
    """Standalone interactive page: plotly.js embedded, no network needed, fills the window.

    The figure's fixed width/height are dropped so it follows the window size; animation
    frames and their play/pause/slider controls are kept, and nothing plays until Play is
    pressed. ``title`` (the browser tab's title) defaults to the figure's title text.
    """
    fig_dict = with_cjk_fonts(fig)
    layout = {k: v for k, v in fig_dict["layout"].items() if k not in ("width", "height")}
    layout["autosize"] = True
    div = plotly.io.to_html(
        {**fig_dict, "layout": layout},
        validate=False,
        full_html=False,
        include_plotlyjs=True,
        include_mathjax=False,
        auto_play=False,
        default_width="100%",
        default_height="100vh",
        config={"responsive": True, "displaylogo": False},
    )
    if _CDN_SCRIPT.search(div):
        raise RuntimeError("plotly produced an HTML export that loads a remote script")
    page_title = html.escape(title if title is not None else _page_title(layout))
    return (
        "<!DOCTYPE html>\n"
        '<html>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{page_title}</title>\n"
        "<style>html, body { margin: 0; padding: 0; height: 100%; overflow: hidden; }</style>\n"
        f"</head>\n<body>\n{div}\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------- GIF


def _frame_states(fig_dict: dict) -> list[tuple[str | None, dict]]:
    """(frame name, figure dict) after each frame, applied in order as Play does in Plotly.js.

    A frame merges its ``data[j]`` into trace ``traces[j]`` (``j`` when ``traces`` is absent)
    and its ``layout`` into the layout, on top of the previous state; a ``baseframe`` is
    applied first, as Plotly.js's computeFrame does.
    """
    frames = fig_dict.get("frames") or []
    by_name = {frame.get("name"): frame for frame in frames if frame.get("name") is not None}
    data = list(fig_dict.get("data", []))
    layout = fig_dict.get("layout", {})
    states = []
    for position, frame in enumerate(frames):
        chain = [frame]
        while (base := by_name.get(chain[-1].get("baseframe"))) is not None and all(
            base is not earlier for earlier in chain
        ):
            chain.append(base)
        for part in reversed(chain):
            traces = part.get("traces")
            part_data = part.get("data") or []
            indices = range(len(part_data)) if traces is None else traces
            if len(indices) != len(part_data):
                raise ValueError(
                    f"fig.frames[{position}] lists {len(indices)} trace indices in 'traces' "
                    f"for {len(part_data)} traces in 'data'; they must match"
                )
            for index, trace in zip(indices, part_data, strict=True):
                if not 0 <= index < len(data):
                    raise ValueError(
                        f"fig.frames[{position}] updates trace {index}, but fig has "
                        f"{len(data)} traces (valid indices 0..{len(data) - 1})"
                    )
                data[index] = _merged(data[index], trace)
            layout = _merged(layout, part.get("layout") or {})
        states.append((frame.get("name"), {"data": list(data), "layout": layout}))
    return states


def _step_frame(step: Mapping[str, Any]) -> Any:
    """Name of the frame a slider step animates to (args[0] is a name or a one-name list)."""
    target = (step.get("args") or [None])[0]
    return target[0] if isinstance(target, list) and len(target) == 1 else target


def _gif_layout(layout: Mapping[str, Any], frame_name: Any, shown: frozenset) -> dict:
    """Layout for one GIF frame: no play buttons; a frame slider, if any, marks this frame.

    The slider keeps only the steps of the frames the GIF shows: Plotly.js draws a tick per
    step, and a 500-step slider triples the render time of every frame.
    """
    out = _static_layout(layout)
    sliders = []
    for slider in layout.get("sliders", ()):
        if not _drives_animation(slider):
            continue
        steps = [step for step in slider.get("steps", ()) if _step_frame(step) in shown]
        names = [_step_frame(step) for step in steps]
        if frame_name in names:
            sliders.append({**slider, "steps": steps, "active": names.index(frame_name)})
    if sliders:
        out["sliders"] = [*out.get("sliders", []), *sliders]
    return out


def _subsample(count: int, max_frames: int) -> list[int]:
    """``max_frames`` evenly spaced indices of ``count`` items, first and last included."""
    if count <= max_frames:
        return list(range(count))
    return np.unique(np.linspace(0, count - 1, max_frames).round().astype(int)).tolist()


def _assemble_gif(pngs: Sequence[bytes], frame_ms: int) -> bytes:
    frames = [Image.open(io.BytesIO(png)).convert("RGB") for png in pngs]
    # One palette for all frames, so colours do not flicker between frames; it is taken
    # from the first, middle and last frames so that colours appearing late are covered.
    samples = [frames[0], frames[len(frames) // 2], frames[-1]]
    strip = Image.new("RGB", (frames[0].width, frames[0].height * len(samples)))
    for row, sample in enumerate(samples):
        strip.paste(sample, (0, row * frames[0].height))
    palette = strip.quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    # No dithering: plots are flat colours, and dither noise changes every frame.
    indexed = [frame.quantize(palette=palette, dither=Image.Dither.NONE) for frame in frames]
    durations = [frame_ms] * (len(indexed) - 1) + [max(frame_ms, HOLD_LAST_FRAME_MS)]
    out = io.BytesIO()
    indexed[0].save(
        out,
        format="GIF",
        save_all=True,
        append_images=indexed[1:],
        duration=durations,
        loop=0,
    )
    return out.getvalue()


def animation_gif(
    fig: go.Figure | Mapping[str, Any],
    *,
    fps: float = 10,
    max_frames: int = 60,
    width: int = 800,
    height: int = 600,
    progress: Callable[[float], None] | None = None,
) -> bytes:
    """Looping GIF of an animated figure, one image per frame (``max_frames`` at most).

    Frames are applied in order as Play does; when there are more than ``max_frames`` of
    them, evenly spaced ones are kept, first and last always included. Each frame shows
    ``1/fps`` s; the last one at least 1 s. ``progress(fraction)`` is called after each
    frame renders, increasing, ending with 1.0. A frame slider, if the figure has one, is
    kept and marks the current frame; play buttons are dropped. Pillow merges consecutive
    identical images into one longer frame.
    """
    if isinstance(fps, bool) or not isinstance(fps, int | float) or not 1 <= fps <= MAX_GIF_FPS:
        raise ValueError(f"fps must be a number in [1, {MAX_GIF_FPS}]; got {fps!r}")
    if (
        isinstance(max_frames, bool)
        or not isinstance(max_frames, int)
        or not 2 <= max_frames <= MAX_GIF_FRAMES
    ):
        raise ValueError(
            f"max_frames must be an integer in [2, {MAX_GIF_FRAMES}]; got {max_frames!r}"
        )
    _check_size("width", width)
    _check_size("height", height)
    fig_dict = with_cjk_fonts(fig)
    states = _frame_states(fig_dict)
    if not states:
        raise ValueError("fig must be an animated figure with at least one frame; got 0 frames")
    chosen = [states[i] for i in _subsample(len(states), max_frames)]
    shown = frozenset(name for name, _ in chosen)
    figures = (
        {"data": state["data"], "layout": _gif_layout(state["layout"], name, shown)}
        for name, state in chosen
    )
    opts = {"format": "png", "width": width, "height": height, "scale": 1}
    pngs = _render_all(figures, opts, count=len(chosen), progress=progress)
    return _assemble_gif(pngs, frame_ms=round(1000 / fps))


# --------------------------------------------------------------------------- data


def _jsonable(value: Any, where: str) -> Any:
    """Plain JSON value: numpy to Python, tuples to lists, NaN/inf to None."""
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item, f"{where}.{key}") for key, item in value.items()}
    if isinstance(value, np.ndarray):
        return _jsonable(value.tolist(), where)
    if isinstance(value, list | tuple):
        return [_jsonable(item, f"{where}[{i}]") for i, item in enumerate(value)]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, bool | int | str):
        return value
    raise ValueError(
        f"{where} must hold only numbers, strings, booleans, lists and dicts; "
        f"got {type(value).__name__}: {value!r}"
    )


def _float_list(values: np.ndarray) -> list[float | None]:
    listed = values.tolist()
    if np.isfinite(values).all():
        return listed
    return [v if math.isfinite(v) else None for v in listed]


class _Run:
    """One (label, trajectory) pair, shape-checked, as arrays indexed [point, step]."""

    def __init__(self, position: int, label: Any, traj: Any) -> None:
        where = f"runs[{position}]"
        if not isinstance(label, str):
            raise ValueError(f"{where} label must be a str; got {type(label).__name__}")
        xy = np.asarray(traj.xy, dtype=float)
        if xy.ndim != 3 or xy.shape[0] < 1 or xy.shape[2] != 2:
            raise ValueError(f"{where}.xy must have shape (steps+1, N, 2); got {xy.shape}")
        rows, n = xy.shape[0], xy.shape[1]
        steps = rows - 1
        loss = np.asarray(traj.loss, dtype=float)
        grad = np.asarray(traj.grad, dtype=float)
        lr = np.asarray(traj.lr, dtype=float)
        diverged = np.asarray(traj.diverged_step)
        expected = {
            "loss": (loss, [(rows, n)]),
            "grad": (grad, [(steps, n, 2)]),
            "lr": (lr, [(steps,), (steps, n)]),
            "diverged_step": (diverged, [(n,)]),
        }
        for name, (array, shapes) in expected.items():
            if array.shape not in shapes:
                allowed = " or ".join(str(shape) for shape in shapes)
                raise ValueError(
                    f"{where}.{name} must have shape {allowed} for xy of shape {xy.shape}; "
                    f"got {array.shape}"
                )
        no_step = np.full((1, n), np.nan)  # the final position has no gradient and no lr
        self.label = label
        self.algorithm = getattr(traj, "name", label)
        self.hparams = dict(getattr(traj, "hparams", {}) or {})
        self.n_points, self.steps = n, steps
        self.x, self.y = xy[..., 0].T, xy[..., 1].T
        self.loss = loss.T
        self.grad_x = np.vstack([grad[..., 0], no_step]).T
        self.grad_y = np.vstack([grad[..., 1], no_step]).T
        lr_points = np.broadcast_to(lr[:, None], (steps, n)) if lr.ndim == 1 else lr
        self.lr = np.vstack([lr_points, no_step]).T
        self.diverged_step = diverged.astype(int)


def _runs(runs: Sequence[tuple[str, Any]]) -> list[_Run]:
    if isinstance(runs, str | bytes) or not isinstance(runs, Sequence):
        raise ValueError(
            f"runs must be a list of (label, trajectory) pairs; got {type(runs).__name__}"
        )
    checked = []
    for position, pair in enumerate(runs):
        if not isinstance(pair, Sequence) or len(pair) != 2:
            raise ValueError(f"runs[{position}] must be a (label, trajectory) pair; got {pair!r}")
        checked.append(_Run(position, *pair))
    return checked


def _settings(settings: Mapping[str, Any]) -> dict:
    if not isinstance(settings, Mapping):
        raise ValueError(f"settings must be a dict; got {type(settings).__name__}")
    return _jsonable(settings, "settings")


def _flatten(prefix: str, value: Any) -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [pair for key, item in value.items() for pair in _flatten(f"{prefix}.{key}", item)]
    return [(prefix, value)]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _point_value(value: Any, point: int, n_points: int) -> Any:
    """A hyperparameter as seen by one point: per-point arrays (N,) give that point's entry."""
    if isinstance(value, np.ndarray) and value.shape == (n_points,):
        return value[point]
    if isinstance(value, list | tuple):
        return [_point_value(item, point, n_points) for item in value]
    return value


def _number_cells(values: np.ndarray) -> list[str]:
    return [repr(v) if math.isfinite(v) else "" for v in values.tolist()]


CSV_COLUMNS = (
    "optimizer", "point", "step", "x", "y", "loss", "grad_x", "grad_y", "lr", "diverged",
)  # fmt: skip


def trajectories_csv(runs: Sequence[tuple[str, Any]], settings: Mapping[str, Any]) -> str:
    """One table, one row per (optimizer, point, step), header first, no comment lines.

    Columns: ``CSV_COLUMNS`` = optimizer (the run's label), point (0-based start point),
    step (0..steps), x, y, loss (at that position), grad_x, grad_y, lr (gradient and
    learning rate of the step taken FROM that position: empty on the final row), diverged
    (1 from the point's divergence step on, else 0); then ``hparam.<name>`` per
    hyperparameter of any run (empty where a run lacks it; per-point arrays give each point
    its own value; tuples as JSON lists) and ``setting.<key>`` per setting (nested dicts as
    ``setting.a.b``), repeated on every row, so the file stays one rectangular table that
    any spreadsheet can sort and filter. Non-finite numbers are empty cells. Save with
    ``CSV_ENCODING`` for Excel to read Chinese labels.
    """
    checked = _runs(runs)
    setting_pairs = _flatten("setting", _settings(settings))
    hparam_names = list(dict.fromkeys(name for run in checked for name in run.hparams))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [*CSV_COLUMNS, *(f"hparam.{name}" for name in hparam_names), *(k for k, _ in setting_pairs)]
    )
    setting_cells = [_cell(value) for _, value in setting_pairs]
    for run in checked:
        steps = range(run.steps + 1)
        for point in range(run.n_points):
            hparam_cells = [
                _cell(_jsonable(_point_value(run.hparams[name], point, run.n_points), "hparams"))
                if name in run.hparams
                else ""
                for name in hparam_names
            ]
            start = run.diverged_step[point]
            diverged = ["1" if 0 <= start <= step else "0" for step in steps]
            writer.writerows(
                zip(
                    itertools.repeat(run.label),
                    itertools.repeat(point),
                    steps,
                    _number_cells(run.x[point]),
                    _number_cells(run.y[point]),
                    _number_cells(run.loss[point]),
                    _number_cells(run.grad_x[point]),
                    _number_cells(run.grad_y[point]),
                    _number_cells(run.lr[point]),
                    diverged,
                    *(itertools.repeat(cell) for cell in hparam_cells + setting_cells),
                    strict=False,  # repeat() is endless: the per-step columns set the length
                )
            )
    return out.getvalue()


def trajectories_json(runs: Sequence[tuple[str, Any]], settings: Mapping[str, Any]) -> str:
    """Strict JSON (no NaN/Infinity tokens: non-finite numbers are null)::

        {"settings": {...},
         "runs": [{"optimizer": label, "algorithm": traj.name, "hparams": {...}, "steps": S,
                   "points": [{"point": 0, "x": [S+1], "y": [S+1], "loss": [S+1],
                               "grad_x": [S], "grad_y": [S], "lr": [S],
                               "diverged_step": k or null}]}]}

    ``grad_*[k]`` and ``lr[k]`` belong to step k, taken from position k; ``diverged_step``
    is null for a point that never diverged.
    """
    checked = _runs(runs)
    document = {
        "settings": _settings(settings),
        "runs": [
            {
                "optimizer": run.label,
                "algorithm": run.algorithm,
                "hparams": _jsonable(run.hparams, f"runs[{position}].hparams"),
                "steps": run.steps,
                "points": [
                    {
                        "point": point,
                        "x": _float_list(run.x[point]),
                        "y": _float_list(run.y[point]),
                        "loss": _float_list(run.loss[point]),
                        "grad_x": _float_list(run.grad_x[point, :-1]),
                        "grad_y": _float_list(run.grad_y[point, :-1]),
                        "lr": _float_list(run.lr[point, :-1]),
                        "diverged_step": int(start) if start >= 0 else None,
                    }
                    for point, start in enumerate(run.diverged_step)
                ],
            }
            for position, run in enumerate(checked)
        ],
    }
    return json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
