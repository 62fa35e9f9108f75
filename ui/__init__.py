"""Streamlit glue shared by the pages: the shell (language, sidebar) and widget helpers."""
