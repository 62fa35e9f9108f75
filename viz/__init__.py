"""Pure figure builders and exporters (Plotly figures in, figures/bytes/text out; no Streamlit)."""
