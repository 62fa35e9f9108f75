"""The classroom load test's client against a real server: it must speak the protocol well
enough that the server takes its slider moves (no timing is asserted here)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from urllib.parse import parse_qs

import pytest

import optimizers
from bench import classroom

MOVES = 2
PLAYGROUND = classroom.Lesson("playground", 0, (0.05, 0.2), timeout=120)


def _run(server_url: str, students: int, lesson: classroom.Lesson):
    server = classroom.given_server(server_url, [], [])
    return asyncio.run(classroom.run_class(server_url, students, lesson, server, 0, 240))


@pytest.fixture(scope="module")
def lab_url(server_url: str) -> str:
    """The test server after one student, as the benchmark's warm-up does: students arriving
    together at a server that has never drawn a figure can race on plotly's lazy pandas
    import (an app issue, not the client's), and these tests are about the client."""
    report, _ = _run(server_url, 1, PLAYGROUND)
    assert report.errors == 0, report.first_errors
    return server_url


def test_two_students_move_the_lr_slider_and_the_server_takes_each_move(lab_url):
    report, results = _run(lab_url, 2, replace(PLAYGROUND, moves=MOVES))

    assert report.first_errors == []
    assert report.errors == 0
    assert report.complete
    assert report.measured_updates == 2 * MOVES  # one script_finished per move
    sgd_default = f"{optimizers.get('sgd').hparams['lr'].default:g}"
    for result in results:
        assert result.page_ready is not None and result.page_ready > 0
        assert len(result.updates) == MOVES
        # The first optimizer's lr slider, found by its label.
        assert result.slider_id.endswith("-pg.1.o0.sgd.lr")
        # The page wrote the last value sent into its link: the server took the widget state.
        query = parse_qs(result.query_string)
        assert query.get("o0.lr", [sgd_default]) == [result.last_value]
    assert report.rss_after_mb is not None and report.rss_after_mb > 0  # found by its port


def test_students_opening_sweep_each_get_a_heatmap(lab_url):
    lesson = classroom.class_lesson(classroom.Lesson("sweep", 0, (0, 0), timeout=120), 1)
    report, results = _run(lab_url, 2, lesson)

    assert report.first_errors == []
    assert report.measured_updates == 2
    for result in results:
        assert result.chart is not None and result.chart <= result.page_ready
        assert parse_qs(result.query_string)["seed"] == ["1"]


@pytest.mark.parametrize(
    "url", ["http://10.1.2.3:8501", "http://[2001:db8::1]:80", "ws://127.0.0.1"]
)
def test_load_test_refuses_targets_off_loopback(url):
    with pytest.raises(SystemExit, match="loopback"):
        classroom.loopback_url(url)


def test_load_test_accepts_loopback_targets():
    assert classroom.loopback_url("http://127.0.0.1:8501/") == "http://127.0.0.1:8501"
    assert classroom.loopback_url("http://localhost:8080") == "http://localhost:8080"
