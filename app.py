"""Entry point: page config, navigation and the shared sidebar. Nothing else."""

import streamlit as st

from i18n import t
from ui.shell import select_language

st.set_page_config(page_title="Optimizer Trajectory Lab", page_icon="📉", layout="wide")

lang = select_language()
PAGES = [
    st.Page("pages/home.py", title=t("nav.home", lang), icon="🏠", default=True),
]
st.navigation(PAGES).run()
