"""PNG and SVG of one figure (an animated one in the state it shows before Play is pressed)."""

from __future__ import annotations

from collections.abc import Sequence

from export.caption import with_caption
from export.figures import Figure, static_figure
from export.fonts import with_cjk_fonts
from export.renderer import render_image

MAX_PIXELS_PER_SIDE = 8192
DEFAULT_WIDTH, DEFAULT_HEIGHT = 700, 500  # Kaleido's size for a figure that sets none


def check_size(name: str, value: float | None, scale: float = 1) -> None:
    """ValueError unless ``value * scale`` is a pixel count in [10, MAX_PIXELS_PER_SIDE]."""
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
    fig: Figure,
    fmt: str,
    width: int | None,
    height: int | None,
    scale: float,
    caption: Sequence[str],
) -> bytes:
    if isinstance(scale, bool) or not isinstance(scale, int | float) or not 0 < scale <= 8:
        raise ValueError(f"scale must be a number in (0, 8]; got {scale!r}")
    check_size("width", width, scale)
    check_size("height", height, scale)
    fig_dict = static_figure(with_cjk_fonts(fig))
    if caption:
        shown_width = width or fig_dict["layout"].get("width") or DEFAULT_WIDTH
        fig_dict = with_caption(fig_dict, caption, shown_width)
    opts = {"format": fmt, "scale": scale}
    opts.update({k: v for k, v in (("width", width), ("height", height)) if v is not None})
    return render_image(fig_dict, opts)


def figure_png(
    fig: Figure,
    *,
    width: int | None = None,
    height: int | None = None,
    scale: float = 2,
    caption: Sequence[str] = (),
) -> bytes:
    """PNG of ``fig`` (a ``go.Figure`` or its dict) at (width*scale, height*scale) pixels.

    width/height default to the figure's layout size, else 700x500. An animated figure is
    drawn in the state it shows before Play is pressed, without its play buttons and slider.
    ``caption`` segments are written small under the plot (see ``export.caption``). Raises
    ImageExportUnavailableError (message: IMAGE_EXPORT_HELP) where Chromium is missing.
    """
    return _image(fig, "png", width, height, scale, caption)


def figure_svg(
    fig: Figure,
    *,
    width: int | None = None,
    height: int | None = None,
    scale: float = 1,
    caption: Sequence[str] = (),
) -> bytes:
    """SVG document (UTF-8 bytes) of ``fig``; same conventions as ``figure_png``."""
    return _image(fig, "svg", width, height, scale, caption)
