"""viz.animation: the shared timeline, frames that carry only the movers, the controls."""

from __future__ import annotations

import numpy as np
import pytest

from tests.figures.checked import checked
from viz.animation import MIN_FRAME_MS, PLAY_SECONDS, Mover, animate, controls, frame_ms, timeline


@pytest.mark.parametrize(
    ("steps", "max_frames", "expected"),
    [
        (10, 4, [0, 4, 8, 10]),
        (3, 200, [0, 1, 2, 3]),
        (0, 5, [0]),
        (400, 201, list(range(0, 401, 2))),
    ],
)
def test_timeline_covers_first_and_last_step(steps, max_frames, expected):
    line = timeline(steps, max_frames)
    assert line.steps.tolist() == expected
    assert line.names == [str(s) for s in expected]
    assert len(line.steps) <= max_frames


def test_frame_of_finds_the_frame_showing_a_step():
    line = timeline(10, 4)  # 0 4 8 10
    assert [line.frame_of(s) for s in (0, 3, 4, 9, 10, 99, -5)] == [0, 0, 1, 2, 3, 3, 0]


@pytest.mark.parametrize(("steps", "max_frames"), [(-1, 10), (1.5, 10), (10, 1), (True, 10)])
def test_timeline_refuses_bad_sizes(steps, max_frames):
    with pytest.raises(ValueError, match="must be an integer"):
        timeline(steps, max_frames)


def test_frame_duration_follows_speed_with_a_floor():
    line = timeline(100, 101)
    assert frame_ms(line) == round(1000 * PLAY_SECONDS / 100)
    assert frame_ms(line, 2.0) == round(frame_ms(line) / 2)
    assert frame_ms(line, 1000.0) == MIN_FRAME_MS
    with pytest.raises(ValueError, match="speed"):
        frame_ms(line, 0)


def _figure() -> dict:
    return {
        "data": [
            {"type": "scatter", "x": [0, 1, 2], "y": [0, 1, 4], "name": "path"},
            {"type": "scatter", "x": [None], "y": [None], "name": "point"},
            {"type": "scatter3d", "x": [None], "y": [None], "z": [None], "name": "point3d"},
        ],
        "layout": {},
    }


def test_animate_adds_frames_for_the_movers_only_and_starts_at_current():
    line = timeline(4, 5)
    xs = np.arange(5.0)[:, None]
    fig = checked(
        animate(
            _figure(),
            line,
            [Mover(1, {"x": xs, "y": xs**2, "marker.color": np.array([["red"]] * 5)})],
            current=2,
        )
    )
    assert [f.name for f in fig.frames] == ["0", "1", "2", "3", "4"]
    assert all(f.traces == (1,) for f in fig.frames)
    assert fig.frames[3].data[0].x == (3.0,) and fig.frames[3].data[0].y == (9.0,)
    assert fig.frames[3].data[0].marker.color == ("red",)
    assert fig.data[1].x == (2.0,)  # before Play the figure shows frame `current`
    assert fig.data[0].x == (0, 1, 2)  # the static path is untouched
    assert fig.layout.sliders[0].active == 2


def test_animate_a_figure_dict_and_3d_movers():
    line = timeline(2, 3)
    fig = {"data": [{"type": "scatter3d", "x": [None], "y": [None], "z": [None]}], "layout": {}}
    rows = np.array([[0.0], [1.0], [np.nan]])
    out = animate(fig, line, [Mover(0, {"x": rows, "y": rows, "z": rows})], redraw=True)
    assert out is fig and out["frames"][2]["data"][0] == {
        "type": "scatter3d",
        "x": [None],
        "y": [None],
        "z": [None],
    }
    assert out["layout"]["updatemenus"][0]["buttons"][0]["args"][1]["frame"]["redraw"] is True
    checked(out)  # valid for Plotly


def test_animate_checks_rows_and_current():
    line = timeline(4, 5)
    with pytest.raises(ValueError, match="one row per frame"):
        animate(_figure(), line, [Mover(1, {"x": np.zeros((3, 1))})])
    with pytest.raises(ValueError, match="current must be a frame index"):
        animate(_figure(), line, [Mover(1, {"x": np.zeros((5, 1))})], current=5)


def test_controls_are_translated_and_replay_plays_every_frame():
    line = timeline(6, 4)
    menus = controls(line, lang="zh")
    play, pause, replay = menus["updatemenus"][0]["buttons"]
    assert (play["label"], pause["label"], replay["label"]) == ("▶ 播放", "▮▮ 暂停", "↺ 重播")
    assert replay["args"][0] == line.names and pause["args"][0] == [None]
    assert [s["args"][0] for s in menus["sliders"][0]["steps"]] == [[n] for n in line.names]
