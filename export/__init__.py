"""Exports of figures and trajectories: PNG, SVG, GIF, MP4/WebM, standalone HTML, CSV, JSON.

Every exporter takes a figure as a ``plotly.graph_objects.Figure`` or as its plain dict and
never mutates it. Images and animations are drawn by one headless Chromium the process
keeps (``export.renderer``); HTML, CSV and JSON need no browser. Nothing here imports
Streamlit, the optimizers or the surfaces, and nothing touches the network: plotly.js and
MathJax come from installed packages.

    images.py     figure_png, figure_svg
    animation.py  animation_gif, animation_video (frames drawn in one kept page)
    html.py       figure_html (interactive, offline, MathJax embedded when needed)
    data.py       trajectories_csv, trajectories_json
    caption.py    the small "how this was made" caption under an image
    fonts.py      the CJK font fallback, and whether a CJK font is installed
    mathjax.py    the local MathJax
    renderer.py   the kept Chromium (Kaleido's tabs plus the animation page)
    frames.py     an animated figure as the states Play shows
"""

from export.animation import (
    HOLD_LAST_FRAME_MS,
    VIDEO_FORMATS,
    VIDEO_MIME,
    animation_gif,
    animation_video,
    video_available,
)
from export.caption import caption_lines, with_caption
from export.data import CSV_COLUMNS, CSV_ENCODING, trajectories_csv, trajectories_json
from export.figures import figure_dict
from export.fonts import CJK_FONT, CJK_INSTALL, cjk_fonts_available, has_cjk, with_cjk_fonts
from export.html import figure_html
from export.images import figure_png, figure_svg
from export.mathjax import has_latex, mathjax_script
from export.renderer import (
    CHROMIUM_INSTALL,
    IMAGE_EXPORT_HELP,
    ImageExportUnavailableError,
    chromium_available,
    frame_page_html,
    renderer_page_html,
    renderer_pid,
    warm_renderer,
)

__all__ = [
    "CHROMIUM_INSTALL",
    "CJK_FONT",
    "CJK_INSTALL",
    "CSV_COLUMNS",
    "CSV_ENCODING",
    "HOLD_LAST_FRAME_MS",
    "IMAGE_EXPORT_HELP",
    "VIDEO_FORMATS",
    "VIDEO_MIME",
    "ImageExportUnavailableError",
    "animation_gif",
    "animation_video",
    "caption_lines",
    "chromium_available",
    "cjk_fonts_available",
    "figure_dict",
    "figure_html",
    "figure_png",
    "figure_svg",
    "frame_page_html",
    "has_cjk",
    "has_latex",
    "mathjax_script",
    "renderer_page_html",
    "renderer_pid",
    "trajectories_csv",
    "trajectories_json",
    "video_available",
    "warm_renderer",
    "with_caption",
    "with_cjk_fonts",
]
