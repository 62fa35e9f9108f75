"""The pages of the lab, as data: navigation and the home page's map are built from this."""

from __future__ import annotations

from typing import NamedTuple


class PageEntry(NamedTuple):
    path: str  # the file, relative to app.py; Streamlit serves it at /<file stem>
    name: str  # i18n keys: nav.<name> (title) and home.<name> (what it teaches)
    icon: str  # a Material icon (":material/name:"): bundled with Streamlit, no emoji font


APP_ICON = ":material/ssid_chart:"  # the browser tab's icon
HOME = PageEntry("pages/home.py", "home", ":material/home:")
LESSONS = (
    PageEntry("pages/playground.py", "playground", ":material/route:"),
    PageEntry("pages/moments.py", "moments", ":material/stacked_line_chart:"),
    PageEntry("pages/bias_correction.py", "bias_correction", ":material/balance:"),
    PageEntry("pages/schedules.py", "schedules", ":material/schedule:"),
    PageEntry("pages/sweep.py", "sweep", ":material/grid_on:"),
    PageEntry("pages/lessons.py", "lessons", ":material/school:"),
    PageEntry("pages/class.py", "class", ":material/groups:"),
)
