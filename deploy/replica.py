"""One replica of `make serve` (and of the container): `streamlit run app.py`, its heavy
imports done before the server listens.

Why first: Plotly looks pandas up in sys.modules without importing it, so when two first
script runs overlap on a fresh process (two students arriving together at a replica that
just restarted), one can be importing pandas while the other finds it half initialised
("partially initialized module 'pandas' has no attribute 'Series'", an error box on the
page). Imported here, pandas is complete before any session exists.

The garbage collector is tuned for a server holding many sessions: what is imported here
is frozen out of every future collection (it lives as long as the process), and the young
generation is collected every 5,000 allocations rather than 700. A Playground slider move
spent about 2 ms in collections, mostly walking these long-lived objects; now about 0.5 ms.
Reference cycles are still freed.

    python deploy/replica.py --server.port 8501 [other `streamlit run` options]
"""

import gc
import sys

import pandas  # noqa: F401
import plotly.graph_objects  # noqa: F401
from streamlit.web.cli import main

GC_THRESHOLDS = (5_000, 20, 20)

if __name__ == "__main__":
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    main(["run", "app.py", *sys.argv[1:]], prog_name="streamlit")
