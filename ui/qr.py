"""QR codes for links shown on a projector or a handout (segno: pure Python, no native deps)."""

from __future__ import annotations

import io

import segno

QR_SCALE = 10  # pixels per module: sharp at projector size
QR_BORDER = 2  # modules of quiet zone; phones read 2 fine on a white page


def qr_png(text: str, *, scale: int = QR_SCALE) -> bytes:
    """``text`` as a PNG QR code (error correction M: readable with a smudge or glare)."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=QR_BORDER)
    return buffer.getvalue()


def qr_svg(text: str, *, scale: int = QR_SCALE) -> str:
    """``text`` as an SVG QR code, for pages that embed it as markup."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="svg", scale=scale, border=QR_BORDER)
    return buffer.getvalue().decode("utf-8")
