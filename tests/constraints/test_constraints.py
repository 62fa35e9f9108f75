"""constraints: membership, text, words and the one message format, for every kind."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

import optimizers
import surfaces
from constraints import REFUSED, Flag, Formula, IntegerList, Interval, Options, invalid
from optimizers import schedules
from tests.support.imports import modules_loaded_by

NON_NEGATIVE = Interval(float, 0.0, math.inf, "left")
UNIT_OPEN = Interval(float, 0.0, 1.0, "left")
COUNT = Interval(int, 1, math.inf)


@pytest.mark.parametrize(
    ("interval", "inside", "outside"),
    [
        (NON_NEGATIVE, [0, 0.0, 1e300, 5], [-1e-300, math.inf, math.nan, -math.inf]),
        (UNIT_OPEN, [0.0, 0.5, 0.999], [1.0, -0.1, 1.5]),
        (Interval(float, 0.0, 1.0, "right"), [1.0, 1e-9], [0.0]),
        (Interval(float, 0.0, 1.0, "neither"), [0.5], [0.0, 1.0]),
        (COUNT, [1, 50, 50.0, np.int64(7)], [0, 2.5, math.inf, -3]),
    ],
)
def test_interval_membership(interval, inside, outside):
    assert all(v in interval for v in inside), [v for v in inside if v not in interval]
    assert not any(v in interval for v in outside), [v for v in outside if v in interval]
    np.testing.assert_array_equal(
        interval.contains(np.array([*inside, *outside], dtype=float)),
        [True] * len(inside) + [False] * len(outside),
    )


def test_interval_converts_to_its_type_and_refuses_bools_and_text():
    assert COUNT.convert(50.0) == 50 and isinstance(COUNT.convert(50.0), int)
    assert NON_NEGATIVE.convert(np.float32(0.5)) == 0.5 and type(NON_NEGATIVE.convert(1)) is float
    assert NON_NEGATIVE.convert(np.array(2.0)) == 2.0
    for value in (True, np.bool_(False), "1", b"1", None, [1.0]):
        assert NON_NEGATIVE.convert(value) is REFUSED


@pytest.mark.parametrize(
    ("interval", "notation", "words"),
    [
        (NON_NEGATIVE, "[0, inf)", "a finite float in [0, inf)"),
        (UNIT_OPEN, "[0, 1)", "a finite float in [0, 1)"),
        (Interval(float, 1.0, math.inf, "neither"), "(1, inf)", "a finite float in (1, inf)"),
        (Interval(float, -1.5, 1.5), "[-1.5, 1.5]", "a finite float in [-1.5, 1.5]"),
        (Interval(float), "(-inf, inf)", "a finite float"),
        (COUNT, "[1, inf)", "an integer in [1, inf)"),
        (Interval(int, 1, 10**6), "[1, 1000000]", "an integer in [1, 1000000]"),
    ],
)
def test_notation_and_words(interval, notation, words):
    assert interval.notation() == notation
    assert interval.describe() == words


def test_the_one_message_format():
    with pytest.raises(
        ValueError, match=r"^cosine: T_max must be an integer in \[1, inf\); got 0$"
    ):
        COUNT.validate(0, "cosine", "T_max")
    assert str(invalid("adam", "lr", "x", np.float64(-0.5))) == "adam: lr must be x; got -0.5"
    assert str(invalid("", "seed", "an integer >= 0", -3)) == "seed must be an integer >= 0; got -3"
    with pytest.raises(ValueError, match=r"^adam: lr must be .*; got nan at index 2$"):
        NON_NEGATIVE.validate_array(np.array([0.1, 0.2, np.nan]), "adam", "lr")


def test_text_reads_plain_numbers_only():
    assert NON_NEGATIVE.from_text(" 5e-1 ") == 0.5
    assert COUNT.from_text("12.0") == 12 and COUNT.from_text("1.2e1") == 12
    for text in ("nan", "inf", "0x10", "1_000", "", "3;", "١٢", "1" * 41, "-1"):
        assert NON_NEGATIVE.from_text(text) is REFUSED, text


def test_within_cuts_to_a_links_limits():
    assert COUNT.within(-(10**6), 10**6) == Interval(int, 1, 10**6, "both")
    assert UNIT_OPEN.within(0.5, 2.0) == Interval(float, 0.5, 1.0, "left")
    assert Interval(float, 0.0, 1.0, "neither").within(0.5, 0.75).closed == "both"


def test_options_and_flags():
    modes = Options(("min", "max"))
    assert modes.convert("min") == "min" and modes.convert("MIN") is REFUSED
    assert modes.describe() == "one of 'min', 'max'"
    assert Flag().convert(np.bool_(True)) is True and Flag().convert(1) is REFUSED
    assert [Flag().from_text(w) for w in ("yes", "OFF", "2")] == [True, False, REFUSED]


def test_integer_lists():
    milestones = IntegerList(Interval(int, 0, math.inf))
    assert milestones.convert([10, 20.0, 10]) == (10, 20, 10)
    assert milestones.convert([10, -1]) is REFUSED and milestones.convert(5) is REFUSED
    assert milestones.convert("10") is REFUSED
    assert milestones.from_text("50, 100,150 ,") == (50, 100, 150)
    for text in ("", "10, x", "10;20", "1.5", "-3"):
        assert milestones.from_text(text) is REFUSED, text
    assert milestones.describe() == "a list of integers in [0, inf)"
    short = IntegerList(Interval(int, 0, 9), max_items=2)
    assert short.from_text("1, 2, 3") is REFUSED and short.from_text("1, 2") == (1, 2)
    assert short.describe() == "a list of at most 2 integers in [0, 9]"
    assert IntegerList.text((50, 100)) == "50, 100"


def test_formulas():
    words = "a formula in t (text) or a Python callable of the step"
    with_callables = Formula(words, callables=True)
    assert with_callables.convert("0.9**t") == "0.9**t" and with_callables.convert("  ") is REFUSED
    assert with_callables.convert(abs) is abs and Formula(words).convert(abs) is REFUSED


def _message(call) -> str:
    with pytest.raises(ValueError) as info:
        call()
    return str(info.value)


def test_optimizers_schedules_and_surfaces_speak_the_same_format():
    messages = [
        _message(lambda: optimizers.run("adam", surfaces.get("booth"), [0.0, 0.0], 2, lr=-1.0)),
        _message(lambda: schedules.make("cosine", lr=0.1, steps=10, T_max=0)),
        _message(lambda: surfaces.get("rosenbrock", b=0.5)),
        _message(lambda: surfaces.from_expression("x**2 + y**2", batch=0)),
    ]
    assert messages == [
        "adam: lr must be a finite float in [0, inf); got -1.0",
        "cosine: T_max must be an integer in [1, inf); got 0",
        "surface 'rosenbrock': b must be a finite float in [1, 1000]; got 0.5",
        "custom surface: batch must be an integer in [1, 1024]; got 0",
    ]
    assert all(re.fullmatch(r"[^:]+: \w+ must be .+; got .+", m) for m in messages)


def test_constraints_sit_below_everything_that_declares_values():
    forbidden = ("optimizers", "surfaces", "formulas", "ui", "streamlit", "plotly", "sympy")
    assert modules_loaded_by("import constraints", forbidden) == []
