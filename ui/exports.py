"""Download buttons for a figure and its data: PNG, SVG, HTML, CSV, JSON, GIF and video.

Files are made when a button is clicked (Streamlit's deferred downloads), not on every
rerun: a PNG costs a Chromium render, a CSV of 8 x 2000 steps a few megabytes. An
animation needs a progress bar, so it is rendered by a button press in the script run and
then offered for download. Where Chromium is missing the image buttons are disabled with a
note saying how to enable them, and where no Chinese font is installed a note says so
before a Chinese image comes out as boxes; HTML, CSV and JSON need neither.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st
from plotly.basedatatypes import BaseFigure

import export
from i18n import t
from ui.export_caption import settings_caption
from ui.present import part

ANIMATION_MAX_FRAMES = 120
DEFAULT_WIDTH = 1200  # a figure that sets no width fills a wide page; images need a number
DEFAULT_HEIGHT = 600
ANIMATION_NAMES = {"gif": "GIF", "mp4": "MP4", "webm": "WebM"}
ANIMATION_MIME = {"gif": "image/gif", **export.VIDEO_MIME}


@functools.cache
def images_available() -> bool:
    """Chromium found once per process (the help text says to restart after installing it)."""
    return export.chromium_available()


@functools.cache
def animation_formats() -> tuple[str, ...]:
    """GIF always; MP4 and WebM where the imageio-ffmpeg package brings its ffmpeg."""
    return ("gif", *export.VIDEO_FORMATS) if export.video_available() else ("gif",)


def open_key(key: str) -> str:
    """The key of export section ``key``'s expander (its open state lives there)."""
    return f"{key}.open"


def export_section(key: str, lang: str, draw: Callable[[], None]) -> None:
    """The page's "Export" expander; ``draw()`` makes its buttons, only while it is open.

    Opening it reruns the page (or its fragment) once; closed, a slider move does not pay
    for the buttons (a tenth of a Playground rerun).
    """
    with part("export"):
        box = st.expander(
            t("pg.export", lang), icon=":material/download:", key=open_key(key), on_change="rerun"
        )
    if box.open:
        with box:
            draw()


def export_buttons(
    fig: BaseFigure | Mapping[str, Any],
    runs: Sequence[tuple[str, Any]],
    settings: Mapping[str, Any],
    *,
    basename: str,
    key: str,
    lang: str = "en",
    image_size: tuple[int, int] | None = None,
) -> None:
    """A row of download buttons for ``fig`` (a Plotly figure or its dict) and ``runs``.

    ``runs`` are the trajectories shown ((label, traj) pairs); ``settings`` (plain JSON
    values: the view's link parameters) go into the CSV and JSON files so a file says how it
    was made, and into the caption under PNG, SVG and animations (a checkbox turns it off).
    ``image_size`` (width, height) sets the size of the images (default: the figure's own,
    else 1200 x 600).
    """
    fig = export.figure_dict(fig)  # once per run; every exporter takes the dict as it is
    layout = fig.get("layout", {})
    frames = fig.get("frames") or ()
    width, height = image_size or (
        layout.get("width") or DEFAULT_WIDTH,
        layout.get("height") or DEFAULT_HEIGHT,
    )
    images = images_available()
    with_caption = st.checkbox(
        t("export.caption_toggle", lang),
        value=True,
        key=f"{key}.caption",
        help=t("export.caption_help", lang),
    )
    caption = settings_caption(runs, settings, lang) if with_caption else []
    columns = st.columns(6 if frames else 5)
    buttons = [
        ("html", lambda: export.figure_html(fig), "text/html", True),
        (
            "csv",
            lambda: export.trajectories_csv(runs, settings).encode(export.CSV_ENCODING),
            "text/csv",
            True,
        ),
        ("json", lambda: export.trajectories_json(runs, settings), "application/json", True),
        (
            "png",
            lambda: export.figure_png(fig, width=width, height=height, caption=caption),
            "image/png",
            images,
        ),
        (
            "svg",
            lambda: export.figure_svg(fig, width=width, height=height, caption=caption),
            "image/svg+xml",
            images,
        ),
    ]
    download_buttons(columns, buttons, basename=basename, key=key, lang=lang)
    if not images:
        st.info(t("export.images_unavailable", lang), icon=":material/info:")
        return
    if not export.cjk_fonts_available() and (lang != "en" or export.has_cjk(layout)):
        st.warning(
            t("export.cjk_missing", lang, command=export.CJK_INSTALL), icon=":material/warning:"
        )
    if frames:
        with columns[5]:
            _animation_button(
                fig,
                token=json.dumps([settings, lang, caption, width, height], default=str),
                size=(width, height),
                caption=caption,
                basename=basename,
                key=key,
                lang=lang,
            )


def download_buttons(
    columns: Sequence[Any],
    files: Sequence[tuple[str, Any, str, bool]],
    *,
    basename: str,
    key: str,
    lang: str,
) -> None:
    """One deferred download button per ``(ext, make, mime, enabled)`` file, one per column:
    ``make`` runs only when its button is clicked."""
    for column, (ext, make, mime, enabled) in zip(columns, files, strict=False):
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


def _animation_button(
    fig: Mapping[str, Any],
    *,
    token: str,
    size: tuple[int, int],
    caption: Sequence[str],
    basename: str,
    key: str,
    lang: str,
) -> None:
    """Pick a format, render on request (with a progress bar), then offer the file.

    ``token`` identifies what was rendered (the view's settings, language, caption, size):
    a rendered file is offered only while the view still shows the same thing.
    """
    # The box is open: get Chromium and the animation page ready while the user decides.
    export.warm_renderer()
    formats = animation_formats()
    fmt = st.selectbox(
        t("export.animation", lang),
        formats,
        format_func=ANIMATION_NAMES.__getitem__,
        key=f"{key}.animation_format",
        label_visibility="collapsed",
    )
    name = ANIMATION_NAMES[fmt]
    ready_key = f"{key}.animation_bytes"
    made = st.session_state.get(ready_key)
    if made is not None and made[:2] == (token, fmt):
        st.download_button(
            t("export.download", lang, format=name),
            data=made[2],
            file_name=f"{basename}.{fmt}",
            mime=ANIMATION_MIME[fmt],
            key=f"{key}.animation_download",
            on_click="ignore",
            icon=":material/download:",
        )
        return
    # A callback, not the button's return value: the request must survive a rerun that
    # another widget's callback starts before this line is reached.
    requested_key = f"{key}.animation_requested"
    st.button(
        t("export.render", lang, format=name),
        key=f"{key}.animation_make",
        icon=":material/movie:",
        on_click=st.session_state.__setitem__,
        args=(requested_key, True),
    )
    if not st.session_state.pop(requested_key, False):
        return
    total = min(ANIMATION_MAX_FRAMES, len(fig["frames"]))
    bar = st.progress(0.0, text=t("export.render_progress", lang, done=0, total=total))

    def show(done: float) -> None:
        text = t("export.render_progress", lang, done=round(done * total), total=total)
        bar.progress(min(1.0, done), text=text)

    options = {
        "max_frames": ANIMATION_MAX_FRAMES,
        "width": size[0],
        "height": size[1],
        "caption": caption,
        "progress": show,
    }
    try:
        if fmt == "gif":
            data = export.animation_gif(fig, **options)
        else:
            data = export.animation_video(fig, fmt, **options)
    except (RuntimeError, ValueError) as err:
        bar.empty()
        st.error(t("export.failed", lang, error=str(err)))
        return
    bar.empty()
    st.session_state[ready_key] = (token, fmt, data)
    st.rerun()
