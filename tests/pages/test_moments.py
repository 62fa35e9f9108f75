"""AppTest: the moments page renders, reacts, round-trips its link, survives hostile links,
speaks Chinese, and its step inspector shows exactly the core's recorded numbers."""

from __future__ import annotations

import numpy as np

import optimizers
import surfaces
from tests.support.apptest import charts, players, run_app
from ui.playground_settings import PlaygroundSettings
from ui.settings.base import entry
from ui.settings.moments import MomentsSettings, moments_from_query, moments_to_query

PAGE = "pages/moments.py"


def _specs(at) -> list[dict]:
    return charts(at)


def _active(at) -> int:
    return players(at)[0]["active"]


def _query(at) -> dict[str, str]:
    return {key: at.query_params[key] for key in at.query_params if key != "lang"}


def _slider(at, label: str):
    return next(s for s in at.slider if s.label == label)


def test_defaults_render_buffers_arrows_and_newton():
    at = run_app(PAGE)
    assert not at.exception and not at.error and not at.warning
    assert at.title[0].value == "Moment estimates: what an optimizer carries inside"
    moments_spec, newton_spec = _specs(at)
    names = [tr.get("name") for tr in moments_spec["data"]]
    assert "m̂ (x) · m_hat" in names and "v (y) · exp_avg_sq" in names
    assert "step taken (direction)" in names
    assert len(moments_spec["frames"]) == 151
    assert any(tr.get("name", "").startswith("quadratic model") for tr in newton_spec["data"])
    assert _query(at) == moments_to_query(MomentsSettings())
    assert len(at.latex) >= 8  # the formula, the inspector's lines, Newton's rule


def test_step_inspector_numbers_are_the_cores_records():
    at = run_app(PAGE)
    _slider(at, "Step t").set_value(7).run()
    assert not at.exception
    s = surfaces.get("rosenbrock")
    traj = optimizers.run("adam", s, s.start, 150, lr=0.05)
    table = at.table[0].value
    names = [name.strip("`") for name in table["recorded as"]]  # a record's name as code
    records = dict(zip(names, zip(table["x"], table["y"], strict=True), strict=True))
    expected = {
        "grad": traj.grad[6, 0],
        "exp_avg": traj.state["exp_avg"][6, 0],
        "exp_avg_sq": traj.state["exp_avg_sq"][6, 0],
        "m_hat": traj.derived["m_hat"][6, 0],
        "v_hat": traj.derived["v_hat"][6, 0],
        "step": traj.derived["step"][6, 0],
        "xy": traj.xy[7, 0],
    }
    assert set(records) == set(expected)
    for name, value in expected.items():
        np.testing.assert_array_equal(records[name], value, err_msg=name)
    assert at.query_params["t"] == "6"  # position 6: the step that starts there is t = 7


def test_changing_the_step_or_the_optimizer_changes_the_figure():
    at = run_app(PAGE)
    before = _active(at)
    _slider(at, "Step t").set_value(40).run()
    assert _active(at) != before
    at.sidebar.selectbox(
        key=next(k for k in _selectbox_keys(at) if k.endswith(".o0.preset"))
    ).set_value("rmsprop").run()
    assert not at.exception
    rms = _specs(at)[0]
    names = [tr.get("name") for tr in rms["data"]]
    assert "v (x) · square_avg" in names and "m̂ (x) · m_hat" not in names
    assert at.query_params["o0"] == "rmsprop"


def _selectbox_keys(at) -> list[str]:
    return [box.key for box in at.sidebar.selectbox if box.key]


def test_link_round_trip_reproduces_the_view():
    settings = MomentsSettings(
        base=PlaygroundSettings(
            surface="elliptic_bowl",
            steps=60,
            step=10,
            seed=2,
            optimizers=(entry("amsgrad", lr=0.02),),
        ),
        newton_steps=8,
        newton_step=3,
    )
    query = moments_to_query(settings)
    at = run_app(PAGE, **query)
    assert not at.exception and not at.warning
    assert _query(at) == query
    assert moments_from_query(_query(at))[0] == settings
    names = [tr.get("name") for tr in _specs(at)[0]["data"]]
    assert "vₘₐₓ (x) · max_exp_avg_sq" in names
    again = run_app(PAGE, **query)
    assert _specs(again)[0]["data"] == _specs(at)[0]["data"]


def test_hostile_link_gives_notices_and_a_valid_view():
    at = run_app(
        PAGE,
        steps="1e9",
        o0="<script>alert(1)</script>",
        t="-3",
        **{"o0.lr": "nan", "newton.damping": "-1", "newton.steps": "999", "x0": "inf", "zz": "1"},
    )
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    for param in ("steps", "o0", "t", "newton.damping", "newton.steps", "x0", "zz"):
        assert f"`{param}`" in warnings, param
    assert len(_specs(at)) == 2
    assert at.query_params["steps"] == "150" and at.query_params["o0"] == "adam"


def test_chinese_title_and_labels():
    at = run_app(PAGE, lang="zh")
    assert not at.exception
    assert at.title[0].value == "矩估计：优化器内部携带了什么"
    assert _slider(at, "第 t 步")
    names = [tr.get("name") for tr in _specs(at)[0]["data"]]
    assert "实际步（方向）" in names
