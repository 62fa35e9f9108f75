"""Home: what the lab is and what each page teaches."""

import streamlit as st

from i18n import t
from ui.shell import current_language

lang = current_language()
st.title(t("app.title", lang))
st.write(t("app.tagline", lang))
st.markdown(t("home.intro", lang))
