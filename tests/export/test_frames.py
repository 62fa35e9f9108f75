"""export.frames: the states Play shows, and the small updates the kept page applies."""

from __future__ import annotations

import pytest

from export.frames import frame_states, frame_updates, subsample


def three_frame_figure() -> dict:
    return {
        "data": [{"type": "scatter", "x": [0], "y": [0]}, {"type": "scatter", "x": [5], "y": [5]}],
        "layout": {"title": {"text": "t"}, "xaxis": {"range": [0, 1]}},
        "frames": [
            {"name": "a", "traces": [1], "data": [{"x": [6]}]},
            {"name": "b", "data": [{"y": [1]}], "layout": {"xaxis": {"range": [0, 2]}}},
            {"name": "c", "baseframe": "a", "traces": [0], "data": [{"x": [9]}]},
        ],
    }


def test_frame_states_follow_trace_indices_cumulatively_and_baseframes():
    fig = three_frame_figure()
    states = frame_states(fig)
    assert [state.name for state in states] == ["a", "b", "c"]
    first, second, third = states
    assert first.data[1] == {"type": "scatter", "x": [6], "y": [5]}
    assert first.data[0] == {"type": "scatter", "x": [0], "y": [0]}
    # Frame b has no `traces`: its data[0] goes to trace 0; a's change to trace 1 persists.
    assert second.data[0] == {"type": "scatter", "x": [0], "y": [1]}
    assert second.data[1]["x"] == [6]
    assert second.layout == {"title": {"text": "t"}, "xaxis": {"range": [0, 2]}}
    assert third.data[0] == {"type": "scatter", "x": [9], "y": [1]}
    assert fig["data"][0] == {"type": "scatter", "x": [0], "y": [0]}  # input untouched
    # What a frame leaves alone is the previous state's object, not a copy.
    assert first.data[0] is fig["data"][0] and first.layout is fig["layout"]
    assert third.layout is second.layout


def test_frame_states_reject_unknown_trace_index():
    fig = {"data": [{"type": "scatter"}], "frames": [{"traces": [3], "data": [{"x": [1]}]}]}
    with pytest.raises(ValueError, match=r"fig.frames\[0\] updates trace 3, but fig has 1 traces"):
        frame_states(fig)


@pytest.mark.parametrize(
    ("count", "max_frames", "expected"),
    [(5, 60, [0, 1, 2, 3, 4]), (7, 4, [0, 2, 4, 6]), (501, 3, [0, 250, 500]), (10, 2, [0, 9])],
)
def test_subsample_is_even_and_keeps_first_and_last(count, max_frames, expected):
    assert subsample(count, max_frames) == expected


def slider_figure(trace_type: str = "scatter") -> dict:
    steps = [{"method": "animate", "args": [[name]], "label": name} for name in "pqrs"]
    return {
        "data": [
            {"type": "contour", "z": [[0, 1], [1, 0]]},
            {"type": trace_type, "x": [0], "y": [0]},
        ],
        "layout": {"sliders": [{"steps": steps}], "title": {"text": "moving"}},
        "frames": [
            {"name": name, "traces": [1], "data": [{"x": [k]}]} for k, name in enumerate("pqrs")
        ],
    }


def test_updates_send_the_figure_once_then_only_changed_traces_and_the_slider_mark():
    states = frame_states(slider_figure())
    updates = frame_updates(states, 640, 480, [0, 2, 3])
    first, second, third = updates
    layout = first["figure"]["layout"]
    assert (layout["width"], layout["height"], layout["autosize"]) == (640, 480, False)
    assert layout["sliders"][0]["active"] == 0
    # The slider keeps only the shown frames' steps.
    assert [step["label"] for step in layout["sliders"][0]["steps"]] == ["p", "r", "s"]
    assert first["figure"]["data"][0]["type"] == "contour"
    assert second["figure"] is None
    assert second["traces"] == [1] and second["data"] == [{"type": "scatter", "x": [2], "y": [0]}]
    assert second["redraw"] is False  # only a scatter trace moved: no full redraw
    assert second["relayout"] == {"sliders[0].active": 1}
    assert third["relayout"] == {"sliders[0].active": 2}


def test_updates_redraw_when_a_non_scatter_trace_changes_and_resend_a_changed_layout():
    fig = slider_figure(trace_type="bar")
    fig["frames"][2]["layout"] = {"title": {"text": "later"}}
    updates = frame_updates(frame_states(fig), 300, 200, [0, 1, 2, 3])
    assert updates[1]["redraw"] is True
    assert updates[2]["figure"]["layout"]["title"] == {"text": "later"}
    assert updates[3]["figure"] is None  # the title stays "later": nothing else to resend
