"""ui.links: every hostile value falls back to a valid one with a notice; nothing raises."""

from __future__ import annotations

import math

import pytest

from ui.links import (
    MAX_STEPS,
    LinkReader,
    Notice,
    format_number,
)


@pytest.mark.parametrize(
    "text", ["nan", "NaN", "inf", "-inf", "1e999", "0x10", "1_000", "", " ", "abc", "3;", "١٢"]
)
def test_non_numbers_fall_back_with_a_notice(text):
    reader = LinkReader({"lr": text})
    assert reader.number("lr", 0.001, 0.0, 10.0) == 0.001
    (notice,) = reader.finish()
    assert notice.param == "lr"
    assert notice.used == "0.001"
    assert "[0, 10]" in notice.allowed


@pytest.mark.parametrize(
    ("text", "value"), [("0.5", 0.5), ("5e-1", 0.5), (" 2 ", 2.0), ("-1.5", -1.5)]
)
def test_numbers_in_range_are_used(text, value):
    reader = LinkReader({"x": text})
    assert reader.number("x", 0.0, -2.0, 2.0) == value
    assert reader.finish() == []


def test_out_of_range_and_open_ends():
    reader = LinkReader({"a": "3", "b": "1", "c": "0"})
    assert reader.number("a", 1.0, 0.0, 2.0) == 1.0
    assert reader.number("b", 0.5, 0.0, 1.0, closed="left") == 0.5  # beta < 1
    assert reader.number("c", 0.5, 0.0, 1.0, closed="left") == 0.0
    notices = reader.finish()
    assert [n.param for n in notices] == ["a", "b"]
    assert notices[1].allowed == "expected a number in [0, 1)"


def test_integers_reject_fractions_and_huge_counts():
    reader = LinkReader({"steps": "1e9", "seed": "2.5", "t": "12.0"})
    assert reader.integer("steps", 300, 1, MAX_STEPS) == 300
    assert reader.integer("seed", 0, 0, 100) == 0
    assert reader.integer("t", 0, 0, 100) == 12
    notices = reader.finish()
    assert [(n.param, n.given, n.used) for n in notices] == [
        ("steps", "1e9", "300"),
        ("seed", "2.5", "0"),
    ]
    assert notices[0].allowed == f"expected an integer in [1, {MAX_STEPS}]"


def test_choices_flags_and_text():
    reader = LinkReader({"view": "<script>", "nesterov": "maybe", "f": "x" * 400, "ok": "yes"})
    assert reader.choice("view", "overlay", ("overlay", "grid")) == "overlay"
    assert reader.flag("nesterov", False) is False
    assert reader.text("f", "x**2", max_chars=300) == "x**2"
    assert reader.flag("ok", False) is True
    params = [n.param for n in reader.finish()]
    assert params == ["view", "nesterov", "f"]


def test_unknown_parameters_are_reported_and_lang_is_not():
    reader = LinkReader({"zzz": "1", "lang": "zh", "lr": "0.1"})
    reader.number("lr", 0.001, 0.0, 1.0)
    (notice,) = reader.finish()
    assert notice.param == "zzz" and notice.used == ""
    assert "no such setting" in notice.text("en")


def test_notices_are_in_the_readers_language():
    reader = LinkReader({"zzz": "1", "steps": "-5"}, lang="zh")
    reader.integer("steps", 300, 1, MAX_STEPS)
    steps, unknown = reader.finish()
    assert steps.text("zh").startswith("链接参数 `steps`：应为 [1, 2000] 内的整数")
    assert "没有这个设置" in unknown.text("zh")


def test_repeated_parameters_use_the_last_value():
    reader = LinkReader({"lr": ["0.5", "0.1"]})
    assert reader.number("lr", 0.001, 0.0, 1.0) == 0.1


def test_notice_text_names_parameter_range_and_value_and_is_safe_markdown():
    notice = Notice(
        "o0.lr",
        "`x`<b>[link](javascript:alert(1))" + "y" * 100,
        "expected a number in [0, 1]",
        "0.001",
    )
    text = notice.text("en")
    assert "o0.lr" in text and "expected a number in [0, 1]" in text and "0.001" in text
    given = text.split("got `")[1].split("`;")[0]
    assert len(given) <= 41 and not set("`<>[]") & set(given)
    assert "应为" not in text and "链接参数" in notice.text("zh")


def test_format_number_round_trips():
    for value in (0.001, 1e-8, 0.1 + 0.2, 300.0, -1.2, 1e20, 5):
        assert float(format_number(value)) == value
    assert format_number(300.0) == "300"
    assert format_number(True) == "1"


def test_notices_print_the_constraints_own_interval():
    reader = LinkReader({"wd": "-1", "n": "0"})
    reader.number("wd", 0.0, 0.0, math.inf, closed="left")
    reader.integer("n", 5, 1, 10**6)
    wd, n = reader.finish()
    assert wd.allowed == "expected a number in [0, inf)"
    assert n.allowed == "expected an integer in [1, 1000000]"
