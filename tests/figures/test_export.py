"""viz.export: images through one persistent Kaleido/Chromium, standalone HTML, GIF, CSV, JSON."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import plotly
import plotly.graph_objects as go
import pytest
from PIL import Image, ImageChops

from viz import export

needs_chromium = pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists(),
    reason="Chromium not found at /usr/bin/chromium: apt-get install -y chromium",
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
CDN_HOSTS = ("cdn.plot.ly", "cdnjs.cloudflare.com", "cdn.jsdelivr.net", "unpkg.com")


def static_figure(title: str = "") -> go.Figure:
    return go.Figure(
        go.Scatter(x=[0, 1, 2], y=[2, 0, 1], mode="lines+markers"),
        layout={"title": {"text": title}, "width": 500, "height": 400},
    )


def animated_figure(n_frames: int = 7) -> go.Figure:
    """Contour + a path + a moving marker; frames update only the marker (trace 2)."""
    grid = np.linspace(-1, 1, 30)
    path = np.c_[np.linspace(-0.8, 0.8, n_frames), np.linspace(0.8, -0.5, n_frames)]
    frames = [
        go.Frame(
            name=f"step{k}",
            traces=[2],
            data=[go.Scatter(x=path[k : k + 1, 0], y=path[k : k + 1, 1])],
        )
        for k in range(n_frames)
    ]
    slider = {
        "steps": [
            {"method": "animate", "label": str(k), "args": [[f"step{k}"], {"mode": "immediate"}]}
            for k in range(n_frames)
        ]
    }
    play = {"type": "buttons", "buttons": [{"label": "Play", "method": "animate", "args": [None]}]}
    return go.Figure(
        [
            go.Contour(x=grid, y=grid, z=np.add.outer(grid**2, grid**2), showscale=False),
            go.Scatter(x=path[:, 0], y=path[:, 1], mode="lines", name="path"),
            go.Scatter(x=path[:1, 0], y=path[:1, 1], mode="markers", marker_size=14),
        ],
        frames=frames,
        layout={"title": {"text": "动量 momentum"}, "sliders": [slider], "updatemenus": [play]},
    )


def pixels(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("RGB")


def same_pixels(a: Image.Image, b: Image.Image) -> bool:
    return a.size == b.size and ImageChops.difference(a, b).getbbox() is None


# --------------------------------------------------------------------------- renderer


def test_chromium_available_follows_browser_path(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert export.chromium_available() is False
    if Path("/usr/bin/chromium").exists():
        monkeypatch.setenv("BROWSER_PATH", "/usr/bin/chromium")
        assert export.chromium_available() is True


def test_missing_chromium_raises_with_install_help(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(export.ImageExportUnavailableError, match="apt-get install -y chromium"):
        export._Renderer().submit({"data": []}, {"format": "png"})
    assert "BROWSER_PATH" in export.IMAGE_EXPORT_HELP


def test_render_page_loads_only_local_scripts_and_no_mathjax():
    page = export.renderer_page_html()
    sources = re.findall(r'<script[^>]*\bsrc="([^"]+)"', page)
    assert sources, page
    assert all(src.startswith("file://") for src in sources), sources
    assert any(src.endswith("/plotly.min.js") for src in sources), sources
    assert "mathjax" not in page.lower()
    assert "http://" not in page and "https://" not in page


@needs_chromium
def test_png_has_signature_and_requested_size_times_scale():
    png = export.figure_png(static_figure("x"), width=300, height=200, scale=2)
    assert png.startswith(PNG_SIGNATURE)
    assert Image.open(io.BytesIO(png)).size == (600, 400)


@needs_chromium
def test_png_defaults_to_the_figure_layout_size():
    png = export.figure_png(static_figure(), scale=1)
    assert Image.open(io.BytesIO(png)).size == (500, 400)


@needs_chromium
def test_one_chromium_serves_every_image():
    export.figure_png(static_figure("a"), scale=1)
    pid = export.renderer_pid()
    export.figure_svg(static_figure("b"))
    export.figure_png(static_figure("c"), scale=1)
    assert pid is not None
    assert export.renderer_pid() == pid


@needs_chromium
def test_svg_parses_with_svg_root_and_cjk_font():
    svg = export.figure_svg(static_figure("梯度 gradient"), width=400, height=300)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert root.get("width") == "400" and root.get("height") == "300"
    text = svg.decode("utf-8")
    assert "梯度 gradient" in text
    assert export.CJK_FONT in text


@needs_chromium
def test_animated_png_is_the_base_state_without_controls():
    fig = animated_figure()
    bare = go.Figure(fig.data, layout=fig.layout)
    bare.layout.sliders, bare.layout.updatemenus = (), ()
    animated = pixels(export.figure_png(fig, width=400, height=300, scale=1))
    assert same_pixels(animated, pixels(export.figure_png(bare, width=400, height=300, scale=1)))
    with_controls = go.Figure(fig.data, layout=fig.layout)
    shown = pixels(export.figure_png(with_controls.to_dict(), width=400, height=300, scale=1))
    assert same_pixels(shown, animated)  # controls are dropped from dict input too
    assert len(fig.frames) == 7 and len(fig.layout.sliders) == 1  # caller's figure untouched


@needs_chromium
def test_chinese_title_renders_glyphs():
    def title_png(title: str) -> Image.Image:
        return pixels(export.figure_png(static_figure(title), width=400, height=300, scale=1))

    empty, gradient, momentum = title_png(""), title_png("梯度下降"), title_png("动量校正")
    assert not same_pixels(gradient, empty)
    # Without a CJK font both titles would be four identical "missing glyph" boxes.
    assert not same_pixels(gradient, momentum)


def test_cjk_fallback_is_added_everywhere_without_touching_the_figure():
    fig = static_figure("学习率")
    fig.update_layout(xaxis_title_font_family="Courier New, monospace")
    prepared = export.with_cjk_fonts(fig)
    assert prepared["layout"]["font"]["family"] == (
        '"Open Sans", verdana, arial, Noto Sans CJK SC, sans-serif'
    )
    assert prepared["layout"]["xaxis"]["title"]["font"]["family"] == (
        "Courier New, Noto Sans CJK SC, monospace"
    )
    assert fig.layout.font.family is None
    assert fig.layout.xaxis.title.font.family == "Courier New, monospace"
    again = export.with_cjk_fonts(prepared)
    assert again["layout"]["font"]["family"] == prepared["layout"]["font"]["family"]


def test_image_size_and_scale_are_validated():
    with pytest.raises(ValueError, match=r"scale must be a number in \(0, 8\]; got 0"):
        export.figure_png(static_figure(), scale=0)
    with pytest.raises(ValueError, match=r"width must be .* got 5000"):
        export.figure_png(static_figure(), width=5000, scale=2)
    with pytest.raises(ValueError, match=r"fig must be a plotly\.graph_objects\.Figure"):
        export.figure_svg([1, 2])


# --------------------------------------------------------------------------- HTML


def test_html_is_standalone_with_frames_and_no_cdn():
    fig = animated_figure()
    fig.update_layout(width=640, height=480)
    page = export.figure_html(fig)
    assert page.startswith("<!DOCTYPE html>")
    bundle = PLOTLY_JS.read_text(encoding="utf-8")
    assert bundle in page  # plotly.js embedded verbatim
    assert re.search(r"<(script|link|img|iframe)[^>]*\b(src|href)\s*=", page, re.I) is None
    # plotly.js itself names a CDN as the default for geo-map topojson, which these figures
    # never use; everything else on the page must not reference the network at all.
    rest = page.replace(bundle, "")
    for host in CDN_HOSTS:
        assert host not in rest
    assert re.findall(r"https?://(?!www\.w3\.org/)", rest) == []
    assert re.search(r"mathjax[\w./@-]*\.js", rest, re.I) is None  # no MathJax script either
    assert "Plotly.addFrames" in page
    for k in range(7):
        assert f'"name":"step{k}"' in page
    assert "<title>动量 momentum</title>" in page
    assert "height:100vh" in page.replace(" ", "")
    assert '"width":640' not in page and '"height":480' not in page  # follows the window
    assert "Plotly.animate" not in page  # nothing plays until Play is pressed
    assert fig.layout.width == 640  # caller's figure untouched


def test_html_title_is_escaped():
    page = export.figure_html(static_figure(), title="<b>Adam & RMSprop</b>")
    assert "<title>&lt;b&gt;Adam &amp; RMSprop&lt;/b&gt;</title>" in page


# --------------------------------------------------------------------------- GIF


def test_frame_states_follow_trace_indices_cumulatively_and_baseframes():
    fig = {
        "data": [{"type": "scatter", "x": [0], "y": [0]}, {"type": "scatter", "x": [5], "y": [5]}],
        "layout": {"title": {"text": "t"}, "xaxis": {"range": [0, 1]}},
        "frames": [
            {"name": "a", "traces": [1], "data": [{"x": [6]}]},
            {"name": "b", "data": [{"y": [1]}], "layout": {"xaxis": {"range": [0, 2]}}},
            {"name": "c", "baseframe": "a", "traces": [0], "data": [{"x": [9]}]},
        ],
    }
    states = export._frame_states(fig)
    assert [name for name, _ in states] == ["a", "b", "c"]
    first, second, third = (state for _, state in states)
    assert first["data"][1] == {"type": "scatter", "x": [6], "y": [5]}
    assert first["data"][0] == {"type": "scatter", "x": [0], "y": [0]}
    # Frame b has no `traces`: its data[0] goes to trace 0; a's change to trace 1 persists.
    assert second["data"][0] == {"type": "scatter", "x": [0], "y": [1]}
    assert second["data"][1]["x"] == [6]
    assert second["layout"] == {"title": {"text": "t"}, "xaxis": {"range": [0, 2]}}
    assert third["data"][0] == {"type": "scatter", "x": [9], "y": [1]}
    assert fig["data"][0] == {"type": "scatter", "x": [0], "y": [0]}  # input untouched


def test_frame_states_reject_unknown_trace_index():
    fig = {"data": [{"type": "scatter"}], "frames": [{"traces": [3], "data": [{"x": [1]}]}]}
    with pytest.raises(ValueError, match=r"fig.frames\[0\] updates trace 3, but fig has 1 traces"):
        export._frame_states(fig)


@pytest.mark.parametrize(
    ("count", "max_frames", "expected"),
    [(5, 60, [0, 1, 2, 3, 4]), (7, 4, [0, 2, 4, 6]), (501, 3, [0, 250, 500]), (10, 2, [0, 9])],
)
def test_subsample_is_even_and_keeps_first_and_last(count, max_frames, expected):
    assert export._subsample(count, max_frames) == expected


@needs_chromium
def test_gif_is_animated_with_expected_frames_and_monotonic_progress():
    calls: list[float] = []
    gif = export.animation_gif(
        animated_figure(7), fps=5, max_frames=4, width=320, height=240, progress=calls.append
    )
    image = Image.open(io.BytesIO(gif))
    assert image.format == "GIF"
    assert image.is_animated and image.n_frames == 4
    assert image.size == (320, 240)
    assert image.info["loop"] == 0
    durations = []
    for index in range(image.n_frames):
        image.seek(index)
        durations.append(image.info["duration"])
    assert durations == [200, 200, 200, export.HOLD_LAST_FRAME_MS]
    assert calls == [0.25, 0.5, 0.75, 1.0]


@needs_chromium
def test_gif_last_frame_shows_the_last_animation_step():
    fig = animated_figure(7)
    gif = Image.open(io.BytesIO(export.animation_gif(fig, max_frames=3, width=320, height=240)))
    gif.seek(gif.n_frames - 1)
    last = gif.convert("RGB")
    # The last state drawn directly: the marker at the path's end (frame "step6").
    end = go.Figure(fig.data, layout=fig.layout)
    end.data[2].x, end.data[2].y = fig.frames[-1].data[0].x, fig.frames[-1].data[0].y
    expected = pixels(export.figure_png(end, width=320, height=240, scale=1))
    start = pixels(export.figure_png(fig, width=320, height=240, scale=1))

    def distance(a: Image.Image, b: Image.Image) -> float:
        return float(np.abs(np.asarray(a, float) - np.asarray(b, float)).mean())

    # The GIF keeps a slider (frame marker) and quantizes colours, so compare by distance.
    assert distance(last, expected) < distance(last, start)


def test_gif_arguments_are_validated():
    with pytest.raises(ValueError, match=r"fps must be a number in \[1, 50\]; got 0"):
        export.animation_gif(animated_figure(), fps=0)
    with pytest.raises(ValueError, match=r"max_frames must be an integer in \[2, 500\]; got 1"):
        export.animation_gif(animated_figure(), max_frames=1)
    with pytest.raises(ValueError, match="at least one frame; got 0 frames"):
        export.animation_gif(static_figure())


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Traj:
    """The fields of optimizers.Trajectory the exporters read, with hand-picked values."""

    name: str
    xy: np.ndarray
    loss: np.ndarray
    grad: np.ndarray
    lr: np.ndarray
    diverged_step: np.ndarray
    hparams: dict = field(default_factory=dict)


def two_runs() -> list[tuple[str, Traj]]:
    steps, n = 3, 2
    xy = np.arange((steps + 1) * n * 2, dtype=float).reshape(steps + 1, n, 2) / 10
    loss = np.arange((steps + 1) * n, dtype=float).reshape(steps + 1, n)
    grad = -np.arange(steps * n * 2, dtype=float).reshape(steps, n, 2)
    sgd = Traj(
        name="sgd",
        xy=xy,
        loss=loss,
        grad=grad,
        lr=np.array([0.1, 0.05, 0.025]),
        diverged_step=np.array([-1, -1]),
        hparams={"lr": 0.1, "momentum": np.array([0.0, 0.9])},
    )
    adam_loss = loss.copy()
    adam_loss[2, 1] = np.inf
    adam_grad = grad.copy()
    adam_grad[1, 1] = [np.nan, np.inf]
    adam = Traj(
        name="adam",
        xy=xy + 100,
        loss=adam_loss,
        grad=adam_grad,
        lr=np.full((steps, n), 0.01),
        diverged_step=np.array([-1, 2]),
        hparams={"lr": 0.01, "betas": (0.9, 0.999)},
    )
    return [("SGD", sgd), ("Adam 亚当", adam)]


SETTINGS = {"surface": "rosenbrock", "params": {"a": 1.0, "b": 100.0}, "steps": 3, "noise": 0.0}


def test_csv_has_one_row_per_optimizer_point_step_with_values():
    text = export.trajectories_csv(two_runs(), SETTINGS)
    assert not text.startswith("#")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2 * 2 * 4
    header = list(rows[0])
    assert header[: len(export.CSV_COLUMNS)] == list(export.CSV_COLUMNS)
    assert header[len(export.CSV_COLUMNS) :] == [
        "hparam.lr", "hparam.momentum", "hparam.betas",
        "setting.surface", "setting.params.a", "setting.params.b", "setting.steps", "setting.noise",
    ]  # fmt: skip

    sgd_point1 = [row for row in rows if row["optimizer"] == "SGD" and row["point"] == "1"]
    assert [row["step"] for row in sgd_point1] == ["0", "1", "2", "3"]
    step1 = sgd_point1[1]
    assert (float(step1["x"]), float(step1["y"])) == (0.6, 0.7)
    assert float(step1["loss"]) == 3.0
    assert (float(step1["grad_x"]), float(step1["grad_y"])) == (-6.0, -7.0)
    assert float(step1["lr"]) == 0.05
    assert step1["hparam.momentum"] == "0.9"  # per-point hyperparameter: this point's value
    assert step1["hparam.betas"] == ""  # SGD has no betas
    assert sgd_point1[-1]["grad_x"] == sgd_point1[-1]["grad_y"] == sgd_point1[-1]["lr"] == ""
    assert {row["setting.surface"] for row in rows} == {"rosenbrock"}
    assert {row["setting.params.b"] for row in rows} == {"100.0"}

    adam_point1 = [row for row in rows if row["optimizer"] == "Adam 亚当" and row["point"] == "1"]
    assert [row["diverged"] for row in adam_point1] == ["0", "0", "1", "1"]
    assert adam_point1[2]["loss"] == ""  # inf
    assert adam_point1[1]["grad_x"] == adam_point1[1]["grad_y"] == ""  # nan, inf
    assert adam_point1[0]["hparam.betas"] == "[0.9,0.999]"
    assert float(adam_point1[0]["x"]) == 100.2


def test_json_is_strict_with_nulls_for_non_finite():
    def reject(token: str) -> None:
        raise AssertionError(f"non-standard JSON token {token}")

    document = json.loads(
        export.trajectories_json(two_runs(), {**SETTINGS, "tol": float("nan")}),
        parse_constant=reject,
    )
    assert document["settings"]["params"] == {"a": 1.0, "b": 100.0}
    assert document["settings"]["tol"] is None
    sgd, adam = document["runs"]
    assert (sgd["optimizer"], sgd["algorithm"], sgd["steps"]) == ("SGD", "sgd", 3)
    assert sgd["hparams"] == {"lr": 0.1, "momentum": [0.0, 0.9]}
    assert adam["hparams"]["betas"] == [0.9, 0.999]
    point = sgd["points"][1]
    assert point["point"] == 1
    assert point["x"] == [0.2, 0.6, 1.0, 1.4]
    assert point["loss"] == [1.0, 3.0, 5.0, 7.0]
    assert point["grad_x"] == [-2.0, -6.0, -10.0]
    assert point["lr"] == [0.1, 0.05, 0.025]
    assert point["diverged_step"] is None
    diverged = adam["points"][1]
    assert diverged["diverged_step"] == 2
    assert diverged["loss"][2] is None
    assert diverged["grad_x"][1] is None and diverged["grad_y"][1] is None
    assert diverged["lr"] == [0.01, 0.01, 0.01]


def test_data_exports_of_a_real_run_round_trip():
    import optimizers
    import surfaces

    surface = surfaces.get("rosenbrock")
    starts = np.array([[-1.5, 2.0], [0.5, -0.5]])
    traj = optimizers.run("adam", surface, starts, 20, lr=0.05)
    settings = {"surface": "rosenbrock", "steps": 20, "seed": 0}
    rows = list(csv.DictReader(io.StringIO(export.trajectories_csv([("Adam", traj)], settings))))
    assert len(rows) == 2 * 21
    last = rows[20]
    assert (last["point"], last["step"]) == ("0", "20")
    assert float(last["x"]) == traj.xy[20, 0, 0]  # repr() round-trips exactly
    document = json.loads(export.trajectories_json([("Adam", traj)], settings))
    assert document["runs"][0]["points"][1]["loss"] == traj.loss[:, 1].tolist()
    assert document["runs"][0]["hparams"]["lr"] == 0.05


def test_data_exports_validate_shapes_and_settings():
    label, traj = two_runs()[0]
    bad = Traj(**{**traj.__dict__, "loss": traj.loss[:-1]})
    with pytest.raises(
        ValueError, match=r"runs\[0\]\.loss must have shape \(4, 2\) .*; got \(3, 2\)"
    ):
        export.trajectories_csv([(label, bad)], SETTINGS)
    bad_lr = Traj(**{**traj.__dict__, "lr": np.ones(4)})
    with pytest.raises(ValueError, match=r"runs\[0\]\.lr must have shape \(3,\) or \(3, 2\)"):
        export.trajectories_json([(label, bad_lr)], SETTINGS)
    with pytest.raises(ValueError, match=r"settings\.surface must hold only numbers"):
        export.trajectories_json([(label, traj)], {"surface": object()})
    with pytest.raises(ValueError, match="settings must be a dict; got list"):
        export.trajectories_csv([(label, traj)], [])


def test_csv_with_no_runs_is_just_the_header():
    text = export.trajectories_csv([], {"surface": "saddle"})
    assert text.splitlines() == [",".join([*export.CSV_COLUMNS, "setting.surface"])]
