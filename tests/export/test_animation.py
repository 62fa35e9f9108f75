"""export.animation_gif / animation_video: every frame drawn in one kept page, assembled."""

from __future__ import annotations

import io
import subprocess
import time

import imageio_ffmpeg
import pytest
from PIL import Image

import export
from export.animation import frame_images
from tests.export.helpers import (
    animated_figure,
    distance,
    needs_chromium,
    needs_video,
    playground_app,
    static_figure,
)
from tests.support.apptest import charts


def durations(image: Image.Image) -> list[int]:
    out = []
    for index in range(image.n_frames):
        image.seek(index)
        out.append(image.info["duration"])
    return out


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
    assert durations(image) == [200, 200, 200, export.HOLD_LAST_FRAME_MS]
    assert calls == [0.25, 0.5, 0.75, 1.0]


@needs_chromium
def test_gif_of_60_frames_has_60_frames_of_a_moving_marker():
    fig = animated_figure(60)
    data = export.animation_gif(fig.to_dict(), max_frames=120, width=200, height=160)
    gif = Image.open(io.BytesIO(data))
    assert gif.n_frames == 60
    gif.seek(0)
    first = gif.convert("RGB")
    gif.seek(59)
    assert distance(first, gif.convert("RGB")) > 0.1  # the marker moved


@needs_chromium
def test_frames_applied_as_play_does_match_the_state_drawn_whole_contour_included():
    fig = animated_figure(7)
    frames = frame_images(fig, max_frames=7, width=400, height=400)
    # The same figure with its last frame first: that state is then drawn whole (react),
    # with the same slider, instead of reached frame by frame (animate without redraw).
    last_first = fig.to_dict()
    last_first["frames"] = last_first["frames"][::-1]
    drawn_whole = frame_images(last_first, max_frames=7, width=400, height=400)[0]
    assert distance(frames[-1], drawn_whole) < distance(frames[-1], frames[0]) / 4
    # The contour (a layer Plotly.js drops when it animates scatter traces) is still there.
    corner = (95, 285)  # the plot's lower left, far from the path and the marker
    contour = frames[-1].getpixel(corner)
    assert contour != (255, 255, 255) and contour == frames[0].getpixel(corner)


@needs_chromium
def test_default_playground_gif_has_a_frame_per_step_and_its_contour(playground_figure):
    frames = frame_images(playground_figure, max_frames=5, width=600, height=400)
    assert len(frames) == 5
    assert all(frame.size == (600, 400) for frame in frames)
    colours = [len(frame.getcolors(1 << 20)) for frame in frames]
    assert min(colours) > 20  # a contour map with paths, not a blank page
    assert distance(frames[0], frames[-1]) > 0.1


@needs_chromium
@needs_video
@pytest.mark.parametrize(("fmt", "codec"), [("mp4", "h264"), ("webm", "vp9")])
def test_video_has_the_frames_and_the_codec(fmt, codec, tmp_path):
    data = export.animation_video(
        animated_figure(6), fmt, fps=5, max_frames=6, width=321, height=240
    )
    path = tmp_path / f"clip.{fmt}"
    path.write_bytes(data)
    frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(path))
    assert frames == 6 + 4  # six frames, the last held for about a second (5 fps)
    assert seconds == pytest.approx(2.0, abs=0.25)
    probe = subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-i", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert f"Video: {codec}" in probe.stderr
    assert "320x240" in probe.stderr  # rounded down to even


def test_animation_arguments_are_validated():
    with pytest.raises(ValueError, match=r"fps must be a number in \[1, 50\]; got 0"):
        export.animation_gif(animated_figure(), fps=0)
    with pytest.raises(ValueError, match=r"max_frames must be an integer in \[2, 500\]; got 1"):
        export.animation_gif(animated_figure(), max_frames=1)
    with pytest.raises(ValueError, match="at least one frame; got 0 frames"):
        export.animation_gif(static_figure())
    with pytest.raises(ValueError, match="fmt must be one of mp4, webm; got 'avi'"):
        export.animation_video(animated_figure(), "avi")


@pytest.fixture(scope="module")
def playground_figure() -> dict:
    """The default Playground's figure as the page sends it to the browser (a plain dict)."""
    return charts(playground_app())[0]


@needs_chromium
def test_warming_up_opens_the_kept_page_once_and_the_next_gif_uses_it():
    from export.renderer import RENDERER

    RENDERER.stop()  # a fresh Chromium: nothing open yet
    export.warm_renderer()
    export.warm_renderer()  # a second request while the first is under way adds nothing
    deadline = time.monotonic() + 120
    while RENDERER._frame_page is None and time.monotonic() < deadline:
        time.sleep(0.2)
    page = RENDERER._frame_page
    assert page is not None
    gif = export.animation_gif(animated_figure(5), max_frames=5, width=200, height=160)
    assert Image.open(io.BytesIO(gif)).n_frames == 5
    assert RENDERER._frame_page is page  # the warmed page drew it
