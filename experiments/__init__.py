"""Experiments: many runs of the core at once, returned as data (no figures, no Streamlit).

``experiments.sweep``   a grid of two hyperparameters as one vectorized summary run
``experiments.basins``  a grid of start points labelled by the minimum each run reaches

Both accept ``progress(fraction)``, called as the core's run advances (see
``optimizers.run``'s ``progress``); ``viz.sweep`` and ``viz.basins`` draw their results.
"""
