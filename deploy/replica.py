"""One replica of `make serve` (and of the container): `streamlit run app.py`, its heavy
imports done before the server listens.

Why first: Plotly looks pandas up in sys.modules without importing it, so when two first
script runs overlap on a fresh process (two students arriving together at a replica that
just restarted), one can be importing pandas while the other finds it half initialised
("partially initialized module 'pandas' has no attribute 'Series'", an error box on the
page). Imported here, pandas is complete before any session exists.

    python deploy/replica.py --server.port 8501 [other `streamlit run` options]
"""

import sys

import pandas  # noqa: F401
import plotly.graph_objects  # noqa: F401
from streamlit.web.cli import main

if __name__ == "__main__":
    main(["run", "app.py", *sys.argv[1:]], prog_name="streamlit")
