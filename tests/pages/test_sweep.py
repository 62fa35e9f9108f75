"""AppTest: the sweeps-and-basins page renders, reacts, round-trips its link, survives
hostile links, opens a cell in the Playground and speaks Chinese."""

from __future__ import annotations

import numpy as np

import optimizers
import surfaces
from experiments import sweep
from tests.support.apptest import charts, plotly_array, run_app
from ui.playground_settings import PlaygroundSettings
from ui.playground_settings import from_query as playground_from_query
from ui.settings.base import entry
from ui.settings.sweep import SweepSettings, sweep_from_query, sweep_to_query
from ui.shared_results import shared_results
from viz import sweep as sweep_viz

PAGE = "pages/sweep.py"


def _specs(at) -> list[dict]:
    return charts(at)


def _metric_z(spec: dict):
    """The z of the heatmap's metric layer (the one a click opens)."""
    return next(tr for tr in spec["data"] if tr.get("meta") == sweep_viz.CELLS)["z"]


def _query(at) -> dict[str, str]:
    return {key: at.query_params[key] for key in at.query_params if key != "lang"}


def test_defaults_render_the_heatmap_and_the_basins():
    at = run_app(PAGE)
    assert not at.exception and not at.error and not at.warning
    assert at.title[0].value == "Sweeps and basins of attraction"
    heatmap, basins_map = _specs(at)
    assert [tr["type"] for tr in heatmap["data"]] == ["heatmap"] * 3
    assert heatmap["layout"]["xaxis"]["type"] == "log"
    assert sum(tr["type"] == "heatmap" for tr in basins_map["data"]) == 3  # SGD, Momentum, Adam
    assert _query(at) == sweep_to_query(SweepSettings())
    shares = at.table[0].value
    assert list(shares.iloc[:, 0]) == ["SGD", "Momentum", "Adam"]


def test_the_heatmap_is_the_cores_summary_run():
    at = run_app(PAGE, **{"x.n": "6", "y.n": "5", "steps": "50"})
    assert not at.exception
    values = plotly_array(_metric_z(_specs(at)[0])).reshape(5, 6)
    s = surfaces.get("rosenbrock")
    x_axis = sweep.SweepAxis("lr", 1e-4, 1.0, 6, True)
    y_axis = sweep.SweepAxis("beta1", 0.0, 0.999, 5, False)
    result = sweep.run_sweep("adam", s, s.start, 50, x_axis, y_axis)
    np.testing.assert_allclose(values, sweep_viz.metric_values(result, "final_loss"), rtol=1e-6)
    lr, beta1 = result.cell(2, 3)["lr"], result.cell(2, 3)["beta1"]
    single = optimizers.run("adam", s, s.start, 50, record="summary", lr=lr, betas=(beta1, 0.999))
    np.testing.assert_allclose(values[2, 3], np.log10(single.final_loss[0]), rtol=1e-9)


def test_changing_an_axis_or_the_metric_changes_the_heatmap():
    at = run_app(PAGE)
    before = _specs(at)[0]
    at.radio[0].set_value("steps_to_tol").run()
    after = _specs(at)[0]
    assert _metric_z(after) != _metric_z(before)
    assert at.query_params["metric"] == "steps_to_tol"
    y_name = next(box for box in at.selectbox if box.label == "y axis")
    y_name.set_value("beta2").run()
    assert not at.exception
    assert _specs(at)[0]["layout"]["yaxis"]["title"]["text"] == "beta2"
    assert at.query_params["y.name"] == "beta2"


def test_link_round_trip_reproduces_the_view():
    settings = SweepSettings(
        base=PlaygroundSettings(
            surface="elliptic_bowl", steps=100, optimizers=(entry("momentum"),)
        ),
        x_axis=sweep.SweepAxis("lr", 1e-3, 0.5, 20, True),
        y_axis=sweep.SweepAxis("momentum", 0.0, 0.99, 16, False),
        metric="steps_to_tol",
        basins_surface="six_hump_camel",
        basins=(("adam", 0.05),),
        basins_cells=32,
        basins_steps=200,
    )
    query = sweep_to_query(settings)
    at = run_app(PAGE, **query)
    assert not at.exception and not at.warning
    assert _query(at) == query
    assert sweep_from_query(_query(at))[0] == settings
    again = run_app(PAGE, **query)
    assert _specs(again)[0]["data"] == _specs(at)[0]["data"]


def test_hostile_link_gives_notices_and_bounded_work():
    at = run_app(
        PAGE,
        steps="2000",
        bn="128",
        bsteps="2000",
        b0="adam",
        b9="rm -rf",
        **{"x.n": "128", "y.n": "128", "x.lo": "-1", "y.name": "nonsense", "metric": "<b>"},
    )
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    for param in ("x.n/y.n", "bn/bsteps", "b9", "x.lo", "y.name", "metric"):
        assert f"`{param}`" in warnings, param
    query = _query(at)
    assert int(query["x.n"]) * int(query["y.n"]) * 2000 <= sweep.MAX_POINT_STEPS
    assert int(query["bn"]) ** 2 * int(query["bsteps"]) <= sweep.MAX_POINT_STEPS
    assert len(_specs(at)) == 2


def test_a_clicked_cell_opens_the_playground_with_its_settings():
    settings = SweepSettings()
    link = settings.cell_link({"lr": 0.05, "beta1": 0.7})
    opened, notices = playground_from_query(link)
    assert not notices
    (adam,) = opened.optimizers
    assert adam.preset == "adam" and adam.values()["lr"] == 0.05 and adam.values()["beta1"] == 0.7
    assert opened.surface == "rosenbrock" and opened.steps == 300
    at = run_app(PAGE)
    at.session_state["sweep.open"] = link
    at.run()
    assert not at.exception
    assert at.title[0].value == "Playground"
    assert at.query_params["o0.lr"] == "0.05" and at.query_params["o0.beta1"] == "0.7"


def test_chinese_title_and_labels():
    at = run_app(PAGE, lang="zh")
    assert not at.exception
    assert at.title[0].value == "超参数扫描与吸引域"
    assert "x 轴" in [box.label for box in at.selectbox]


def test_a_swept_hyperparameter_in_the_sidebar_keeps_the_grid_an_unswept_one_reruns_it():
    at = run_app(PAGE, **{"x.n": "6", "y.n": "5", "steps": "50"})
    before = _metric_z(_specs(at)[0])
    lr = next(s for s in at.select_slider if s.label == "learning rate lr")
    lr.set_value(next(v for v in lr.options if float(v) != float(lr.value))).run()
    assert not at.exception
    assert _metric_z(_specs(at)[0]) == before
    assert len(shared_results("sweep")._values) == 1  # lr is the x axis: the same grid
    beta2 = next(s for s in at.slider if s.label == "beta2")
    beta2.set_value(0.9).run()
    assert not at.exception
    assert _metric_z(_specs(at)[0]) != before
    assert len(shared_results("sweep")._values) == 2
