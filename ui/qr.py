"""QR codes of the lab's links, for the projector and the Share dialog (segno: pure Python).

Error correction level M survives a glare spot on a projector screen, and each module is
drawn :data:`MODULE_PX` pixels wide, so a phone can read the code from the back of a room
when it fills a good part of the screen.
"""

from __future__ import annotations

import io

import segno

MODULE_PX = 10
QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def qr_png(text: str) -> bytes:
    """A PNG of the QR code of ``text`` (level M, quiet zone included)."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=MODULE_PX, border=QUIET_ZONE)
    return buffer.getvalue()
