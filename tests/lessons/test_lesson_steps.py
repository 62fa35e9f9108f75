"""A lesson's position in the link, and the address of each step's live view."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from lessons import load_lessons
from ui.lesson_steps import Position, moved, position_from_query, position_to_query, step_link
from ui.page_links import PARSERS

LESSONS, _ = load_lessons(PARSERS)
ADAM = LESSONS[0]


def test_a_link_gives_the_lesson_and_step_and_round_trips():
    query = {"lesson": "adam_from_parts", "step": "3"}
    position, notices = position_from_query(query, "en", LESSONS)
    assert (position, notices) == (Position("adam_from_parts", 3), [])
    assert position_from_query(position_to_query(position), "en", LESSONS)[0] == position
    assert position_to_query(Position()) == {}


def test_an_unknown_lesson_falls_back_to_the_list_with_a_notice():
    position, notices = position_from_query({"lesson": "nope", "step": "2"}, "en", LESSONS)
    assert position == Position()
    assert [n.param for n in notices] == ["lesson"]
    assert "adam_from_parts" in notices[0].allowed


def test_a_step_out_of_range_starts_the_lesson_with_a_notice():
    position, notices = position_from_query({"lesson": "lr_schedules", "step": "99"}, "zh", LESSONS)
    assert position == Position("lr_schedules", 1)
    assert notices[0].param == "step" and notices[0].allowed == "应为 [1, 5] 内的整数"


def test_moving_stays_within_the_lesson():
    last = len(ADAM.steps)
    assert moved(Position(ADAM.id, 1), ADAM, -1) == Position(ADAM.id, 1)
    assert moved(Position(ADAM.id, 1), ADAM, 1) == Position(ADAM.id, 2)
    assert moved(Position(ADAM.id, last), ADAM, 1) == Position(ADAM.id, last)


def test_a_step_link_carries_the_step_the_language_and_the_embed_switch():
    step = LESSONS[2].steps[0]  # LambdaLR with a typed formula
    link = step_link(step, "zh-Hant", embed=True)
    parts = urlsplit(link)
    assert parts.path == "/schedules"
    assert parse_qsl(parts.query) == [
        *step.query, ("hide", "title,intro"), ("lang", "zh-Hant"), ("embed", "true")
    ]  # fmt: skip
    assert "sched=none,lambda" in link and "0.5**(t/50)" in link  # readable, as typed
    assert "embed" not in step_link(step, "en")
    assert step_link(step, "en", base_path="/lab/").startswith("/lab/schedules?")
