"""Download buttons for a figure and its data: PNG, SVG, HTML, CSV, JSON and an animated GIF.

Files are made when a button is clicked (Streamlit's deferred downloads), not on every
rerun: a PNG costs a Chromium render, a CSV of 8 x 2000 steps a few megabytes. The GIF
needs a progress bar, so it is rendered by a button press in the script run and then
offered for download. Where Chromium is missing the image buttons are replaced by a note
saying how to enable them; HTML, CSV and JSON need no browser.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from i18n import t
from viz import export

GIF_MAX_FRAMES = 40
DEFAULT_WIDTH = 1200  # a figure that sets no width fills a wide page; images need a number
DEFAULT_HEIGHT = 600


@functools.cache
def images_available() -> bool:
    """Chromium found once per process (the help text says to restart after installing it)."""
    return export.chromium_available()


def export_buttons(
    fig: go.Figure | Mapping[str, Any],
    runs: Sequence[tuple[str, Any]],
    settings: Mapping[str, Any],
    *,
    basename: str,
    key: str,
    lang: str = "en",
    image_size: tuple[int, int] | None = None,
) -> None:
    """A row of download buttons for ``fig`` and the trajectories ``runs`` ((label, traj)).

    ``settings`` (plain JSON values) go into the CSV and JSON files so a file says how it
    was made; ``image_size`` (width, height) sets the size of the PNG, SVG and GIF
    (default: the figure's own, else 1200 x 600).
    """
    layout = fig.get("layout", {}) if isinstance(fig, Mapping) else fig.layout.to_plotly_json()
    width, height = image_size or (
        layout.get("width") or DEFAULT_WIDTH,
        layout.get("height") or DEFAULT_HEIGHT,
    )
    images = images_available()
    columns = st.columns(6)
    buttons = [
        ("html", lambda: export.figure_html(_figure(fig)), "text/html", True),
        (
            "csv",
            lambda: export.trajectories_csv(runs, settings).encode(export.CSV_ENCODING),
            "text/csv",
            True,
        ),
        ("json", lambda: export.trajectories_json(runs, settings), "application/json", True),
        (
            "png",
            lambda: export.figure_png(_figure(fig), width=width, height=height),
            "image/png",
            images,
        ),
        (
            "svg",
            lambda: export.figure_svg(_figure(fig), width=width, height=height),
            "image/svg+xml",
            images,
        ),
    ]
    for column, (ext, make, mime, enabled) in zip(columns, buttons, strict=False):
        column.download_button(
            t(f"export.{ext}", lang),
            data=make,
            file_name=f"{basename}.{ext}",
            mime=mime,
            key=f"{key}.{ext}",
            on_click="ignore",
            disabled=not enabled,
            icon=":material/download:",
        )
    with columns[5]:
        if images:
            _gif_button(fig, size=(width, height), basename=basename, key=key, lang=lang)
        else:
            st.button(t("export.gif", lang), disabled=True, key=f"{key}.gif_off")
    if not images:
        st.info(t("export.images_unavailable", lang))


def _figure(fig: go.Figure | Mapping[str, Any]) -> go.Figure:
    """A page's figure dict as a validated Figure, made only when a file is asked for."""
    return fig if isinstance(fig, go.Figure) else go.Figure(fig)


def _gif_button(
    fig: go.Figure | Mapping[str, Any], *, size: tuple[int, int], basename: str, key: str, lang: str
) -> None:
    """Render on request (with a progress bar), then offer the file."""
    ready_key = f"{key}.gif_bytes"
    made = st.session_state.get(ready_key)
    if made is not None and made[0] is fig:
        st.download_button(
            t("export.gif_ready", lang),
            data=made[1],
            file_name=f"{basename}.gif",
            mime="image/gif",
            key=f"{key}.gif_download",
            on_click="ignore",
            icon=":material/download:",
        )
        return
    if st.button(t("export.gif_make", lang), key=f"{key}.gif_make", icon=":material/movie:"):
        bar = st.progress(0.0, text=t("export.gif_progress", lang))
        try:
            data = export.animation_gif(
                _figure(fig),
                max_frames=GIF_MAX_FRAMES,
                width=size[0],
                height=size[1],
                progress=lambda done: bar.progress(
                    min(1.0, done), text=t("export.gif_progress", lang)
                ),
            )
        except (RuntimeError, ValueError) as err:
            bar.empty()
            st.error(t("export.failed", lang, error=str(err)))
            return
        bar.empty()
        st.session_state[ready_key] = (fig, data)
        st.rerun()
