"""The pages of the lab, as data: navigation and the home page's map are built from this."""

from __future__ import annotations

from typing import NamedTuple


class PageEntry(NamedTuple):
    path: str  # the file, relative to app.py; Streamlit serves it at /<file stem>
    name: str  # i18n keys: nav.<name> (title) and home.<name> (what it teaches)
    icon: str


HOME = PageEntry("pages/home.py", "home", "🏠")
LESSONS = (
    PageEntry("pages/playground.py", "playground", "🛝"),
    PageEntry("pages/moments.py", "moments", "📈"),
    PageEntry("pages/bias_correction.py", "bias_correction", "⚖️"),
    PageEntry("pages/schedules.py", "schedules", "⏱️"),
    PageEntry("pages/sweep.py", "sweep", "🗺️"),
    PageEntry("pages/lessons.py", "lessons", "🧑‍🏫"),
)
