"""The current view's address for the class (its QR code: ``ui.qr``). Pure: no Streamlit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from ipaddress import ip_address
from urllib.parse import urlencode, urlsplit

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})
# Left readable in the lab's links (address bar, lesson files, QR codes): "sched=none,step",
# "0.5**(t/50)".
SAFE_IN_LINKS = ",*()/:"


def share_url(page_url: str, query: Mapping[str, str | Sequence[str]]) -> str:
    """``page_url`` (the page's address without a query) with ``query``, as students open it."""
    pairs = [
        (key, value)
        for key, values in query.items()
        for value in ([values] if isinstance(values, str) else values)
    ]
    return f"{page_url}?{urlencode(pairs, safe=SAFE_IN_LINKS)}" if pairs else page_url


def only_this_computer(url: str) -> bool:
    """True when ``url`` names the teacher's own machine (localhost, 127.0.0.1, ::1): other
    devices cannot open it, whatever the QR code says."""
    host = urlsplit(url).hostname or ""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False
