"""Settings of the teaching pages, pure: one module per page (moments, bias, schedules,
sweep) on top of ``base``, the Playground part their links share.

A page's settings are a :class:`~ui.playground_settings.PlaygroundSettings` ``base`` (surface,
start, steps, seed, optimizer, shown step, speed, tolerance), read and written with the
Playground's own link names (``surface``, ``x0``, ``steps``, ``o0``, ``o0.lr``, ``t``...), plus
the page's own fields under names of its own. So a lesson's link also opens the same run in
the Playground, and a Playground link opened on a lesson page keeps what applies.

Like ``ui.playground_settings.from_query``, every parser here never raises: a bad value
falls back to a valid one and leaves a :class:`~ui.links.Notice`.
"""
