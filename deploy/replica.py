"""One replica of `make serve` (and of the container): `streamlit run app.py`, its heavy
imports done before the server listens.

Why first: Plotly looks pandas up in sys.modules without importing it, so when two first
script runs overlap on a fresh process (two students arriving together at a replica that
just restarted), one can be importing pandas while the other finds it half initialised
("partially initialized module 'pandas' has no attribute 'Series'", an error box on the
page). Imported here, pandas is complete before any session exists.

The garbage collector is tuned for a server holding many sessions: what is imported here
is frozen out of every future collection (it lives as long as the process), and the young
generation is collected every 5,000 allocations rather than 700. A Playground slider move
spent about 2 ms in collections, mostly walking these long-lived objects; now about 0.5 ms.
Reference cycles are still freed.

The theme is read from the config once per parse of it, not once per script run (see
:func:`cache_theme_messages`).

    python deploy/replica.py --server.port 8501 [other `streamlit run` options]
"""

import functools
import gc
import sys

import pandas  # noqa: F401
import plotly.graph_objects  # noqa: F401
from streamlit import config
from streamlit.proto.NewSession_pb2 import CustomThemeConfig
from streamlit.runtime import app_session
from streamlit.web.cli import main

GC_THRESHOLDS = (5_000, 20, 20)


def cache_theme_messages() -> None:
    """Keep the theme Streamlit sends at the start of every script run between parses of
    the config.

    Every script run, a fragment's too, starts with a new_session message whose theme
    Streamlit fills anew from four config sections (each read by walking every config
    option, each option's name turned to snake case by regular expressions): a sixth of a
    Playground slider move's CPU. The theme changes only when the config is parsed again
    (the command line, config.toml edited), and that clears what is kept.
    """
    populate = app_session._populate_theme_msg

    @functools.cache
    def populated(section: str) -> CustomThemeConfig:
        theme = CustomThemeConfig()
        populate(theme, section)
        return theme

    def populate_kept(msg: CustomThemeConfig, section: str = "theme") -> None:
        theme = populated(section)
        if theme.ByteSize():  # an unset section leaves the message as it is, as before
            msg.CopyFrom(theme)

    app_session._populate_theme_msg = populate_kept
    config.on_config_parsed(populated.cache_clear, force_connect=True)


if __name__ == "__main__":
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    cache_theme_messages()
    main(["run", "app.py", *sys.argv[1:]], prog_name="streamlit")
