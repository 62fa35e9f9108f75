"""The Share dialog's link and QR code (pure parts)."""

import io

import numpy as np
import segno
from PIL import Image

from ui.qr import MODULE_PX, QUIET_ZONE, qr_png
from ui.share_link import only_this_computer, share_url

PAGE = "http://192.168.1.20:8501/playground"


def test_the_link_is_the_page_with_the_view_query():
    query = {"surface": "saddle", "sched": ["none,step"], "sc.lambda.lr_lambda": "0.5**(t/50)"}
    assert share_url(PAGE, query) == (
        f"{PAGE}?surface=saddle&sched=none,step&sc.lambda.lr_lambda=0.5**(t/50)"
    )
    assert share_url(PAGE, {"f": "x + y", "lang": "zh-Hant"}) == f"{PAGE}?f=x+%2B+y&lang=zh-Hant"
    assert share_url(PAGE, {}) == PAGE


def test_links_to_this_computer_only_are_recognised():
    assert only_this_computer("http://localhost:8501/playground")
    assert only_this_computer("http://127.0.0.1:8501/")
    assert only_this_computer("http://[::1]:8501/")
    assert not only_this_computer(PAGE)
    assert not only_this_computer("https://lab.example.org/playground")


def test_the_qr_code_is_the_links_code_drawn_large():
    url = f"{PAGE}?surface=saddle&steps=300&o0=sgd&o0.lr=0.002&o1=adam&o1.lr=0.1&lang=en"
    image = Image.open(io.BytesIO(qr_png(url))).convert("L")
    matrix = np.array(segno.make(url, error="m").matrix, dtype=bool)
    side = (len(matrix) + 2 * QUIET_ZONE) * MODULE_PX
    assert image.size == (side, side) and side >= 450
    # Sample each module's centre: the picture is exactly the code's matrix, quiet zone white.
    pixels = np.asarray(image) < 128
    centres = (np.arange(len(matrix)) + QUIET_ZONE) * MODULE_PX + MODULE_PX // 2
    np.testing.assert_array_equal(pixels[np.ix_(centres, centres)], matrix)
    assert not pixels[: QUIET_ZONE * MODULE_PX].any()
