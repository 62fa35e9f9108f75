"""A class session: the teacher starts it and projects it, students join, follow, answer."""

import streamlit as st

from i18n import t
from ui.class_page import adopt_teacher_link, start_or_join, student_view, teacher_view
from ui.class_session import membership, show_refusals
from ui.shell import current_language

lang = current_language()
st.title(t("nav.class", lang))
adopt_teacher_link(lang)
show_refusals("page")
member = membership()
if member is None:
    st.caption(t("class.intro", lang))
    start_or_join(lang)
elif member.is_teacher:
    teacher_view(member, lang)
else:
    student_view(member, lang)
