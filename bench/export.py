"""Benchmark: a 60-frame GIF of the default Playground, against the old per-image path.

The figure is the one the Playground sends to the browser (AppTest, default settings).
Both paths use the same warm Chromium in this process:

- kept page (export.animation_gif): the figure drawn once in one page that stays open, each
  next frame applied as Play applies it, a screenshot per frame, decoded while the page
  draws the next one;
- per image (the old path): every frame state a full figure rendered by Kaleido, which
  reloads plotly.js after each image, two images in flight; timed on OLD_FRAMES frames
  and given per frame.

Prints seconds per frame and in total for 60 frames, the ratio, and MP4 for comparison.
The issue's budget: 60 frames within 10 s on 2 cores (a shared machine is slower: read the
ratio).

    .venv/bin/python bench/export.py
"""

from __future__ import annotations

import io
import sys
import time
from collections import deque
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import export
from export.animation import _gif_bytes
from export.fonts import with_cjk_fonts
from export.frames import frame_layout, frame_states, subsample
from export.renderer import RENDER_TABS, RENDERER

ROOT = Path(__file__).resolve().parents[1]
FRAMES = 60
OLD_FRAMES = 20
WIDTH, HEIGHT = 1200, 600
BUDGET_S = 10.0


def playground_figure() -> dict:
    from streamlit.testing.v1 import AppTest

    from tests.support.apptest import charts

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("pages/playground.py")
    at.run()
    return charts(at)[0]


def per_image_gif(fig: dict, frames: int) -> bytes:
    """The old path: each frame state a full Kaleido render, RENDER_TABS in flight."""
    states = frame_states(with_cjk_fonts(fig))
    shown = subsample(len(states), frames)
    names = frozenset(states[i].name for i in shown)
    figures = [
        {"data": states[i].data, "layout": frame_layout(states[i].layout, states[i].name, names)}
        for i in shown
    ]
    opts = {"format": "png", "width": WIDTH, "height": HEIGHT, "scale": 1}
    pending, pngs = deque(), []
    for figure in figures:
        pending.append(RENDERER.submit(figure, opts))
        if len(pending) >= RENDER_TABS:
            pngs.append(pending.popleft().result())
    pngs.extend(future.result() for future in pending)
    images = [Image.open(io.BytesIO(png)).convert("RGB") for png in pngs]
    return _gif_bytes(images, frame_ms=100)


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    fig = playground_figure()
    print(f"default Playground: {len(fig['frames'])} animation frames, GIF {WIDTH}x{HEIGHT}")
    warm, _ = timed(lambda: export.figure_png(fig, width=300, height=200, scale=1))
    print(f"Chromium start + first PNG:   {warm:6.2f} s")

    progress: list[float] = []

    def gif() -> bytes:
        progress.clear()
        return export.animation_gif(
            fig, max_frames=FRAMES, width=WIDTH, height=HEIGHT, progress=progress.append
        )

    # The first GIF of a process also opens the kept page (and parses plotly.js in it); the
    # next ones find it open, as every later export of a running server does.
    first_s, made = timed(gif)
    new_s, made = timed(gif)
    n_frames = Image.open(io.BytesIO(made)).n_frames
    assert n_frames == FRAMES and progress[-1] == 1.0, (n_frames, progress[-1:])
    old_s, _ = timed(lambda: per_image_gif(fig, OLD_FRAMES))
    old_per_frame = old_s / OLD_FRAMES
    print(f"kept page, first GIF:         {first_s:6.2f} s  (opens the kept page)")
    print(f"kept page, {FRAMES} frames:         {new_s:6.2f} s  {new_s / FRAMES:.3f} s/frame")
    print(
        f"per image, {OLD_FRAMES} frames:         {old_s:6.2f} s  {old_per_frame:.3f} s/frame"
        f"  (x{FRAMES} = {old_per_frame * FRAMES:.1f} s)"
    )
    print(f"ratio per frame (old / new):  {old_per_frame / (new_s / FRAMES):6.1f}x")
    print(
        f"budget {BUDGET_S:.0f} s for {FRAMES} frames:      {new_s / BUDGET_S:6.2f} of it "
        f"(the first GIF: {first_s / BUDGET_S:.2f})"
    )
    if export.video_available():
        mp4_s, _ = timed(
            lambda: export.animation_video(
                fig, "mp4", max_frames=FRAMES, width=WIDTH, height=HEIGHT
            )
        )
        print(f"MP4, {FRAMES} frames:               {mp4_s:6.2f} s")


if __name__ == "__main__":
    main()
