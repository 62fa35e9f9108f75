"""AppTest: the schedules page renders, reacts, round-trips its link, survives hostile links
and speaks Chinese."""

from __future__ import annotations

import numpy as np

from i18n import t
from optimizers import schedules
from tests.support.apptest import charts, opened, plotly_array, run_app
from ui.playground_settings import PlaygroundSettings
from ui.settings.base import entry
from ui.settings.schedules import SchedulesSettings, schedules_from_query, schedules_to_query

LR_LAMBDA = t("sched.label.lr_lambda", "en")

PAGE = "pages/schedules.py"
LAMBDA = t("sched.lambda")


def _specs(at) -> list[dict]:
    return charts(at)


def _query(at) -> dict[str, str]:
    return {key: at.query_params[key] for key in at.query_params if key != "lang"}


def _curves(spec: dict) -> dict[str, dict]:
    return {tr["name"]: tr for tr in spec["data"] if tr.get("showlegend") is not False}


def test_defaults_render_lr_curves_and_paths():
    at = run_app(PAGE)
    assert not at.exception and not at.error and not at.warning
    assert at.title[0].value == "Learning-rate schedules"
    lr_spec, paths_spec = _specs(at)
    keys = ["pg.no_schedule", "sched.step", "sched.warmup_cosine", "sched.onecycle", "sched.lambda"]
    assert list(_curves(lr_spec)) == [t(key) for key in keys]
    assert len(paths_spec["frames"]) > 100
    assert _query(at) == schedules_to_query(SchedulesSettings())
    # A schedule's box is made only while open: LambdaLR's, by default.
    assert [b.label for b in at.text_input] == [LR_LAMBDA]
    names = ["none", "step", "warmup_cosine", "onecycle", "lambda"]
    latex_closed = len(at.latex)
    at = opened(at, *(f"schedules.{name}.open" for name in names))
    assert not at.exception and not at.error
    assert len(at.latex) == latex_closed + 4  # now a formula for every schedule
    assert _query(at) == schedules_to_query(SchedulesSettings())


def test_lambda_formula_changes_lr_curve():
    at = run_app(PAGE)
    box = next(b for b in at.text_input if b.label == LR_LAMBDA)
    box.set_value("0.9**t").run()
    assert not at.exception
    curve = _curves(_specs(at)[0])[LAMBDA]
    assert at.query_params["sc.lambda.lr_lambda"] == "0.9**t"
    expected = schedules.make("lambda", lr=0.002, steps=200, lr_lambda="0.9**t")
    np.testing.assert_allclose(plotly_array(curve["y"]), expected)


def test_a_bad_formula_shows_an_error_and_keeps_the_others():
    at = run_app(PAGE)
    next(b for b in at.text_input if b.label == LR_LAMBDA).set_value("__import__('os')").run()
    assert not at.exception
    assert any(LAMBDA in e.value for e in at.error)
    assert LAMBDA not in _curves(_specs(at)[0])
    assert len(_curves(_specs(at)[0])) == 4


def test_link_round_trip_reproduces_the_view():
    settings = SchedulesSettings(
        base=PlaygroundSettings(
            surface="elliptic_bowl", steps=120, optimizers=(entry("adam", lr=0.05),)
        ),
        schedules=(("cosine", ()), ("plateau", (("factor", 0.5), ("patience", 5)))),
        log_y=True,
    )
    query = schedules_to_query(settings)
    at = run_app(PAGE, **query)
    assert not at.exception and not at.warning
    assert _query(at) == query
    assert schedules_from_query(_query(at))[0] == settings
    lr_spec = _specs(at)[0]
    assert lr_spec["layout"]["yaxis"]["type"] == "log"
    assert list(_curves(lr_spec)) == [
        t("sched.cosine"),
        t("sched.plateau"),
    ]
    again = run_app(PAGE, **query)
    assert _specs(again)[1]["data"] == _specs(at)[1]["data"]


def test_hostile_link_gives_notices_and_a_valid_view():
    at = run_app(
        PAGE,
        sched="cosine,../../etc,lambda",
        log="maybe",
        **{"sc.cosine.T_max": "-5", "sc.lambda.lr_lambda": "x" * 400, "o0.momentum": "7"},
    )
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    for param in ("sched", "log", "sc.cosine.T_max", "sc.lambda.lr_lambda", "o0.momentum"):
        assert f"`{param}`" in warnings, param
    assert list(_curves(_specs(at)[0])) == [
        t("sched.cosine"),
        LAMBDA,
    ]


def test_chinese_title_and_labels():
    at = run_app(PAGE, lang="zh")
    assert not at.exception
    assert at.title[0].value == "学习率调度"
    assert "恒定学习率" in _curves(_specs(at)[0])
