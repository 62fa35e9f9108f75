"""Entry point: page config, navigation and the shared sidebar. Nothing else."""

import streamlit as st

from i18n import t
from ui.class_panel import class_panel
from ui.pages import APP_ICON, HOME, LESSONS
from ui.present import select_presentation
from ui.share import share_button
from ui.shell import select_language

st.set_page_config(page_title="Optimizer Trajectory Lab", page_icon=APP_ICON, layout="wide")

lang = select_language()
select_presentation(lang)
share_button(lang)
pages = [st.Page(HOME.path, title=t("nav.home", lang), icon=HOME.icon, default=True)]
pages += [st.Page(p.path, title=t(f"nav.{p.name}", lang), icon=p.icon) for p in LESSONS]
page = st.navigation(pages)
class_panel(page.url_path, lang)
page.run()
