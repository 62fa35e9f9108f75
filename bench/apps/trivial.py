"""The baseline of bench/browser.py: a bare Streamlit page with one Plotly contour chart.

Rosenbrock on the Playground's default 101 x 101 grid and window, drawn the plainest way:
what any Streamlit + Plotly page costs a browser, against which the lab's pages are measured.
"""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

RESOLUTION = 101

x = np.linspace(-2.0, 2.0, RESOLUTION)
y = np.linspace(-1.0, 3.0, RESOLUTION)
xx, yy = np.meshgrid(x, y)
z = (1 - xx) ** 2 + 100 * (yy - xx**2) ** 2

st.title("Rosenbrock")
st.plotly_chart(go.Figure(go.Contour(x=x, y=y, z=np.log10(z + 1e-6))))
