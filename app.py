"""Entry point: page config, navigation and the shared sidebar. Nothing else."""

import streamlit as st

from i18n import t
from ui.pages import HOME, LESSONS
from ui.present import select_presentation
from ui.share import share_button
from ui.shell import select_language

st.set_page_config(page_title="Optimizer Trajectory Lab", page_icon="📉", layout="wide")

lang = select_language()
select_presentation(lang)
share_button(lang)
pages = [st.Page(HOME.path, title=t("nav.home", lang), icon=HOME.icon, default=True)]
pages += [st.Page(p.path, title=t(f"nav.{p.name}", lang), icon=p.icon) for p in LESSONS]
st.navigation(pages).run()
