"""Allowed values, declared once as data (scikit-learn's ``_param_validation`` idea).

One declaration says what a parameter accepts, and the same object checks a value (scalar
or per-point array), reads it from typed text, describes it in words and writes the error::

    STEPS = Interval(int, 1, math.inf)
    STEPS.validate(0, "cosine", "T_max")
    # ValueError: cosine: T_max must be an integer in [1, inf); got 0

Used by the optimizers' hyperparameters, the schedules' and surfaces' parameters, the
widgets and the shareable links alike, so every message has the one form
``<owner>: <name> must be <allowed>; got <value>``.
"""

from constraints.base import REFUSED, Constraint, Plain, invalid
from constraints.choices import Flag, Formula, Options
from constraints.numbers import IntegerList, Interval

__all__ = [
    "REFUSED",
    "Constraint",
    "Flag",
    "Formula",
    "IntegerList",
    "Interval",
    "Options",
    "Plain",
    "invalid",
]
