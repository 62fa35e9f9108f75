"""deploy/replica.py's tuning of Streamlit: the theme kept between parses of the config."""

from __future__ import annotations

import pytest
from streamlit import config
from streamlit.proto.NewSession_pb2 import CustomThemeConfig
from streamlit.runtime import app_session

from deploy import replica

# Where a new_session message's theme takes each config section (AppSession's order).
SECTIONS = (
    ((), "theme"),
    (("light",), "theme.light"),
    (("dark",), "theme.dark"),
    (("sidebar",), "theme.sidebar"),
    (("light", "sidebar"), "theme.light.sidebar"),
    (("dark", "sidebar"), "theme.dark.sidebar"),
)


@pytest.fixture
def fresh_config():
    populate = app_session._populate_theme_msg
    yield
    app_session._populate_theme_msg = populate
    config.get_config_options(force_reparse=True)


def _parse(**flags: str) -> None:
    config.get_config_options(force_reparse=True, options_from_flags=flags)


def _theme() -> CustomThemeConfig:
    """The theme a new_session message gets, filled the way AppSession fills it."""
    theme = CustomThemeConfig()
    for path, section in SECTIONS:
        target = theme
        for name in path:
            target = getattr(target, name)
        app_session._populate_theme_msg(target, section)
    return theme


def test_the_theme_is_kept_until_the_config_is_parsed_again(fresh_config):
    _parse(
        **{
            "theme.primaryColor": "#123456",
            "theme.sidebar.backgroundColor": "#000001",
            "theme.dark.textColor": "#abcabc",
        }
    )
    expected = _theme()
    assert expected.primary_color == "#123456" and expected.dark.text_color == "#abcabc"
    assert not expected.HasField("light")  # an unset section stays unset
    replica.cache_theme_messages()
    assert _theme() == expected
    config.set_option("theme.primaryColor", "#fedcba")
    assert _theme() == expected  # kept: not read anew on every run
    _parse(**{"theme.primaryColor": "#654321"})
    again = _theme()
    assert again.primary_color == "#654321" and not again.HasField("sidebar")
