"""Pure figure builders and exporters (data in, figures/bytes/text out; no Streamlit).

Every ``*_figure`` builder returns a plain Plotly figure dict, ``{"data": [...], "layout":
{...}}`` plus ``"frames"`` when animated (:func:`viz.animation.animate`): the JSON Plotly.js
reads, with NumPy arrays allowed anywhere. No builder makes a ``go.Figure`` (validating one
cost most of a rerun); grids of subplots come from :class:`viz.subplots.Canvas`.

- draw one in a page: ``ui.chart.plotly_chart(fig, key=..., on_select=...)``;
- export one: ``ui.exports.export_buttons(fig, ...)`` (validated into a ``go.Figure`` only
  when a file is asked for);
- test one: ``tests.figures.checked.checked(fig)`` validates it and gives attribute access.
"""
