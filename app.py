"""Entry point: page config, navigation and the shared sidebar. Nothing else."""

import streamlit as st

from i18n import t
from ui.shell import select_language

st.set_page_config(page_title="Optimizer Trajectory Lab", page_icon="📉", layout="wide")

lang = select_language()
PAGES = [
    st.Page("pages/home.py", title=t("nav.home", lang), icon="🏠", default=True),
    st.Page("pages/playground.py", title=t("nav.playground", lang), icon="🛝"),
    st.Page("pages/moments.py", title=t("nav.moments", lang), icon="📈"),
    st.Page("pages/bias_correction.py", title=t("nav.bias_correction", lang), icon="⚖️"),
    st.Page("pages/schedules.py", title=t("nav.schedules", lang), icon="⏱️"),
    st.Page("pages/sweep.py", title=t("nav.sweep", lang), icon="🗺️"),
]
st.navigation(PAGES).run()
