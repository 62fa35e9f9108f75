"""Home: what the lab is and what each page teaches."""

import streamlit as st

from i18n import t
from ui.pages import LESSONS
from ui.shell import current_language

lang = current_language()
st.title(t("app.title", lang))
st.markdown(f"**{t('app.tagline', lang)}**")
st.markdown(t("home.intro", lang))
st.subheader(t("home.pages", lang))
for lesson in LESSONS:
    st.page_link(lesson.path, label=t(f"nav.{lesson.name}", lang), icon=lesson.icon)
    st.caption(t(f"home.{lesson.name}", lang))
