"""A standalone interactive page for a figure: everything embedded, nothing fetched."""

from __future__ import annotations

import html
import re

import plotly.io

from export.figures import Figure, title_text
from export.fonts import with_cjk_fonts
from export.mathjax import has_latex, mathjax_script

_REMOTE_SCRIPT = re.compile(r"<script[^>]*\bsrc\s*=", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def _page_title(text: str | None) -> str:
    return _TAG.sub(" ", text).strip() if text and text.strip() else "Figure"


def _mathjax_tag() -> str:
    """MathJax inline, for a figure with LaTeX: the file must work offline anywhere."""
    script = mathjax_script()
    if script is None:
        return ""
    # "</script" inside the bundle would end the tag early; MathJax's own copy has none.
    source = script.read_text(encoding="utf-8").replace("</script", "<\\/script")
    return f"<script>{source}</script>\n"


def figure_html(fig: Figure, *, title: str | None = None) -> str:
    """Standalone interactive page: plotly.js embedded, no network needed, fills the window.

    ``fig`` is a ``go.Figure`` or its dict. The figure's fixed width/height are dropped so it
    follows the window size; animation frames and their play/pause/slider controls are kept,
    and nothing plays until Play is pressed. A figure with LaTeX text (``$...$``) gets
    MathJax embedded too. ``title`` (the browser tab's title) defaults to the figure's title.
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
    if _REMOTE_SCRIPT.search(div):
        raise RuntimeError("plotly produced an HTML export that loads a remote script")
    mathjax = _mathjax_tag() if has_latex(fig_dict) else ""
    page_title = html.escape(title if title is not None else _page_title(title_text(layout)))
    return (
        "<!DOCTYPE html>\n"
        '<html>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{page_title}</title>\n"
        "<style>html, body { margin: 0; padding: 0; height: 100%; overflow: hidden; }</style>\n"
        f"{mathjax}</head>\n<body>\n{div}\n</body>\n</html>\n"
    )
