"""The export row on a real page (AppTest): caption switch, formats, an animation rendered."""

from __future__ import annotations

import io

from PIL import Image

import export
import ui.exports
from i18n import t
from tests.export.helpers import needs_chromium, playground_app
from tests.support.apptest import charts

KEY = "playground.export"


def test_caption_switch_is_on_by_default_next_to_the_buttons(clear_streamlit_cache):
    at = playground_app()
    switch = at.checkbox(key=f"{KEY}.caption")
    assert switch.label == t("export.caption_toggle") and switch.value is True
    labels = [button.proto.label for button in at.get("download_button")]
    assert {t("export.png"), t("export.svg"), t("export.html")} <= set(labels)


@needs_chromium
def test_animation_renders_every_frame_up_to_the_cap_and_is_offered(clear_streamlit_cache):
    at = playground_app()
    frames = len(charts(at)[0]["frames"])
    formats = at.selectbox(key=f"{KEY}.animation_format")
    assert formats.options[0] == "GIF"
    if export.video_available():
        assert formats.options == ["GIF", "MP4", "WebM"]
    at.button(key=f"{KEY}.animation_make").click().run()
    assert not at.exception and not at.error
    download = t("export.download", format="GIF")
    assert download in [button.proto.label for button in at.get("download_button")]
    _, fmt, data = at.session_state[f"{KEY}.animation_bytes"]
    gif = Image.open(io.BytesIO(data))
    assert fmt == "gif" and gif.n_frames == min(frames, ui.exports.ANIMATION_MAX_FRAMES)
    assert ui.exports.ANIMATION_MAX_FRAMES >= 120
