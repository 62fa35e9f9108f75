"""Schedule parameters from a link read the same on the Playground and the schedules page,
and a milestones box that does not parse says so next to the widget."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from ui.playground_settings import MAX_MILESTONES, MAX_SCHEDULE_INT, from_query
from ui.settings.schedules import schedules_from_query

CASES = [
    ("multistep", "milestones", "10,x", "expected up to 20 comma-separated whole numbers"),
    ("multistep", "milestones", ",".join(["5"] * (MAX_MILESTONES + 1)), "up to 20"),
    ("multistep", "milestones", f"10,{MAX_SCHEDULE_INT + 1}", "up to 20"),
    ("step", "step_size", "0", "expected an integer in [1, 1000000]"),
    ("step", "step_size", str(MAX_SCHEDULE_INT + 1), "expected an integer in [1, 1000000]"),
    ("step", "gamma", "-1", "expected a number in (0, inf)"),
    ("onecycle", "three_phase", "maybe", "expected 1 or 0"),
    ("onecycle", "anneal_strategy", "cosine", "expected one of cos, linear"),
]


def _playground(schedule: str, param: str, text: str):
    query = {"o0": "adam", "o0.sched": schedule, f"o0.sched.{param}": text}
    settings, notices = from_query(query)
    return dict(settings.optimizers[0].schedule_params), notices


def _schedules_page(schedule: str, param: str, text: str):
    settings, notices = schedules_from_query({"sched": schedule, f"sc.{schedule}.{param}": text})
    return dict(settings.schedules)[schedule], notices


@pytest.mark.parametrize(("schedule", "param", "text", "allowed"), CASES)
def test_both_pages_refuse_a_bad_value_alike(schedule, param, text, allowed):
    (pg_params, pg_notices), (sc_params, sc_notices) = (
        read(schedule, param, text) for read in (_playground, _schedules_page)
    )
    assert dict(pg_params) == {} and dict(sc_params) == {}
    (pg,), (sc,) = pg_notices, sc_notices
    assert (pg.given, pg.allowed, pg.used) == (sc.given, sc.allowed, sc.used)
    assert allowed in pg.allowed and pg.used == "the default"


def test_both_pages_take_a_good_value_alike():
    for read in (_playground, _schedules_page):
        params, notices = read("multistep", "milestones", "10, 10,30")
        assert dict(params) == {"milestones": (10, 10, 30)} and notices == []
        params, _ = read("step", "step_size", "12.0")
        assert dict(params) == {"step_size": 12}


def _milestones_box():
    import streamlit as st

    from constraints import IntegerList, Interval
    from ui.controls import integer_list_control

    value = integer_list_control(
        "milestones", (50, 100), IntegerList(Interval(int, 0)), key="m", lang="en"
    )
    st.write(f"value={value}")


def test_a_milestones_text_that_does_not_parse_keeps_the_value_and_says_why():
    at = AppTest.from_function(_milestones_box).run()
    assert not at.error and at.markdown[0].value == "value=(50, 100)"
    at.text_input[0].set_value("50, 1OO").run()
    assert at.markdown[0].value == "value=(50, 100)"
    (error,) = at.error
    assert error.value == (
        "milestones: expected comma-separated whole numbers in [0, inf), got `50, 1OO`; "
        "keeping 50, 100."
    )
    at.text_input[0].set_value("20, 40").run()
    assert not at.error and at.markdown[0].value == "value=(20, 40)"
