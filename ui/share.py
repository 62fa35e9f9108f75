"""The Share button of the app shell: the current view's link and a QR code big enough to
scan from the back of a room, in a dialog over the page.

The link is the page's address as the browser shows it (``st.context.url``) with the
view's query parameters as the page last wrote them, language and projector mode included.
"""

from __future__ import annotations

import streamlit as st

from i18n import t
from ui.qr import qr_png
from ui.share_link import only_this_computer, share_url


def _share(url: str, lang: str) -> None:
    st.image(qr_png(url), width="content")
    st.code(url, language=None, wrap_lines=True)
    if only_this_computer(url):
        st.warning(t("share.loopback", lang), icon=":material/computer:")
    else:
        st.caption(t("share.scan", lang))


def share_button(lang: str) -> None:
    """Render the sidebar's Share button; a click opens the dialog with link and QR code."""
    if not st.sidebar.button(
        t("share.button", lang), icon=":material/qr_code_2:", key="_share", width="stretch"
    ):
        return
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    url = share_url(st.context.url or "", query)
    st.dialog(t("share.title", lang), width="large")(_share)(url, lang)
