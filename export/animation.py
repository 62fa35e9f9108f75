"""Animated figures as GIF, MP4 or WebM: every frame drawn in one kept page, then assembled.

The frames come from ``renderer.RENDERER.frames`` (one Chromium page with plotly.js loaded,
redrawing the figure per frame); each PNG is decoded while the page draws the next one.
GIFs are assembled by Pillow with one palette; videos are encoded by the ffmpeg binary that
the ``imageio-ffmpeg`` package ships (no system ffmpeg needed).
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image

from export.caption import with_caption
from export.figures import Figure
from export.fonts import with_cjk_fonts
from export.frames import frame_states, frame_updates, subsample
from export.images import check_size
from export.renderer import RENDERER

MAX_FPS = 50  # browsers play GIF delays under 20 ms as 100 ms
MAX_FRAMES = 500
HOLD_LAST_FRAME_MS = 1000  # let the viewer see where the paths ended before the loop restarts
VIDEO_FORMATS = {"mp4": "libx264", "webm": "libvpx-vp9"}
# Fast settings: plots are flat colours, which both codecs compress well even so; VP9's
# default "good" deadline is ten times slower. faststart lets a slide play before it loads.
_ENCODER_OPTIONS = {
    "mp4": ["-preset", "veryfast", "-movflags", "+faststart"],
    "webm": ["-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1"],
}
VIDEO_MIME = {"mp4": "video/mp4", "webm": "video/webm"}
VIDEO_INSTALL = "pip install imageio-ffmpeg"


def _check_animation_args(fps: float, max_frames: int, width: int, height: int) -> None:
    if isinstance(fps, bool) or not isinstance(fps, int | float) or not 1 <= fps <= MAX_FPS:
        raise ValueError(f"fps must be a number in [1, {MAX_FPS}]; got {fps!r}")
    if (
        isinstance(max_frames, bool)
        or not isinstance(max_frames, int)
        or not 2 <= max_frames <= MAX_FRAMES
    ):
        raise ValueError(f"max_frames must be an integer in [2, {MAX_FRAMES}]; got {max_frames!r}")
    check_size("width", width)
    check_size("height", height)


def frame_images(
    fig: Figure,
    *,
    max_frames: int,
    width: int,
    height: int,
    caption: Sequence[str] = (),
    progress: Callable[[float], None] | None = None,
) -> list[Image.Image]:
    """RGB images of the animation's frames (``max_frames`` evenly spaced ones at most).

    Frames are applied in order as Play does; first and last are always kept. A frame
    slider, if the figure has one, is kept and marks the current frame; play buttons are
    dropped. ``progress(fraction)`` is called after each frame, increasing, ending at 1.0.
    """
    fig_dict = with_cjk_fonts(fig)
    if caption:
        fig_dict = with_caption(fig_dict, caption, width)
    states = frame_states(fig_dict)
    if not states:
        raise ValueError("fig must be an animated figure with at least one frame; got 0 frames")
    shown = subsample(len(states), max_frames)
    updates = frame_updates(states, width, height, shown)
    images = []
    for png in RENDERER.frames(updates, width, height):
        images.append(Image.open(io.BytesIO(png)).convert("RGB"))
        if progress is not None:
            progress(len(images) / len(updates))
    return images


def _gif_bytes(frames: Sequence[Image.Image], frame_ms: int) -> bytes:
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
        out, format="GIF", save_all=True, append_images=indexed[1:], duration=durations, loop=0
    )
    return out.getvalue()


def animation_gif(
    fig: Figure,
    *,
    fps: float = 10,
    max_frames: int = 60,
    width: int = 800,
    height: int = 600,
    caption: Sequence[str] = (),
    progress: Callable[[float], None] | None = None,
) -> bytes:
    """Looping GIF of an animated figure (a ``go.Figure`` or its dict), one image per frame.

    See ``frame_images`` for which frames are shown. Each frame shows ``1/fps`` s; the last
    one at least 1 s. Pillow merges consecutive identical images into one longer frame.
    """
    _check_animation_args(fps, max_frames, width, height)
    frames = frame_images(
        fig, max_frames=max_frames, width=width, height=height, caption=caption, progress=progress
    )
    return _gif_bytes(frames, frame_ms=round(1000 / fps))


def video_available() -> bool:
    """True when the ``imageio-ffmpeg`` package (and so its ffmpeg binary) is installed."""
    try:
        import imageio_ffmpeg

        imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        return False
    return True


def animation_video(
    fig: Figure,
    fmt: str = "mp4",
    *,
    fps: float = 10,
    max_frames: int = 60,
    width: int = 800,
    height: int = 600,
    caption: Sequence[str] = (),
    progress: Callable[[float], None] | None = None,
) -> bytes:
    """MP4 (H.264) or WebM (VP9) of an animated figure; frames as in ``animation_gif``.

    The last frame is held for about a second, as in the GIF. Width and height are
    rounded down to even numbers (H.264's 4:2:0 colour needs them even). Needs the
    ``imageio-ffmpeg`` package (``video_available()``).
    """
    if fmt not in VIDEO_FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(VIDEO_FORMATS)}; got {fmt!r}")
    _check_animation_args(fps, max_frames, width, height)
    if not video_available():
        raise RuntimeError(f"video export needs the imageio-ffmpeg package: {VIDEO_INSTALL}")
    import imageio_ffmpeg

    width, height = width - width % 2, height - height % 2
    frames = frame_images(
        fig, max_frames=max_frames, width=width, height=height, caption=caption, progress=progress
    )
    hold = max(1, round(HOLD_LAST_FRAME_MS * fps / 1000))
    with tempfile.TemporaryDirectory(prefix="lab-video-") as folder:
        path = Path(folder) / f"animation.{fmt}"
        writer = imageio_ffmpeg.write_frames(
            str(path),
            (width, height),
            fps=fps,
            codec=VIDEO_FORMATS[fmt],
            pix_fmt_out="yuv420p",
            macro_block_size=2,
            ffmpeg_log_level="error",
            output_params=_ENCODER_OPTIONS[fmt],
        )
        writer.send(None)  # start ffmpeg
        for frame in [*frames, *[frames[-1]] * (hold - 1)]:
            writer.send(frame.tobytes())
        writer.close()
        return path.read_bytes()
