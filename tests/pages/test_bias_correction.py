"""AppTest: the bias-correction page renders, reacts, round-trips its link, survives hostile
links and speaks Chinese."""

from __future__ import annotations

from tests.support.apptest import charts, plotly_array, run_app
from ui.playground_settings import PlaygroundSettings
from ui.settings.base import entry
from ui.settings.bias import BiasSettings, bias_from_query, bias_to_query

PAGE = "pages/bias_correction.py"


def _specs(at) -> list[dict]:
    return charts(at)


def _query(at) -> dict[str, str]:
    return {key: at.query_params[key] for key in at.query_params if key != "lang"}


def test_defaults_render_factors_moments_and_the_comparison():
    at = run_app(PAGE)
    assert not at.exception and not at.error and not at.warning
    assert at.title[0].value == "Bias correction"
    factors, moments, compare, lengths = _specs(at)
    assert len(factors["data"]) == 5
    assert {"m (x)", "m̂ (x)", "v (y)", "v̂ (y)"} <= {tr["name"] for tr in moments["data"]}
    legend = {tr.get("name") for tr in compare["data"]}
    assert {"with bias correction", "without bias correction"} <= legend
    assert len(compare["frames"]) > 50
    assert [tr["name"] for tr in lengths["data"]] == [
        "with bias correction",
        "without bias correction",
    ]
    assert _query(at) == bias_to_query(BiasSettings())


def test_changing_beta1_or_the_comparison_changes_the_figures():
    at = run_app(PAGE)
    before = _specs(at)
    next(s for s in at.slider if s.label == "β₁").set_value(0.5).run()
    after = _specs(at)
    assert after[0]["data"] != before[0]["data"]
    assert at.query_params["b1"] == "0.5"
    at.radio[0].set_value("weight_decay").run()
    assert not at.exception
    legend = {tr.get("name") for tr in _specs(at)[2]["data"]}
    assert {"Adam, L2 penalty", "AdamW, decoupled decay"} <= legend
    assert at.query_params["cmp"] == "weight_decay" and at.query_params["cmp.wd"] == "0.5"


def test_link_round_trip_reproduces_the_view():
    settings = BiasSettings(
        base=PlaygroundSettings(surface="beale", steps=80, optimizers=(entry("amsgrad", lr=0.02),)),
        beta1=0.8,
        beta2=0.99,
        horizon=400,
        comparison="epsilon",
        eps=0.01,
    )
    query = bias_to_query(settings)
    at = run_app(PAGE, **query)
    assert not at.exception and not at.warning
    assert _query(at) == query
    assert bias_from_query(_query(at))[0] == settings
    factors = _specs(at)[0]
    bc1 = next(tr for tr in factors["data"] if tr.get("meta") == "bc1")
    assert plotly_array(bc1["x"])[-1] == 400
    again = run_app(PAGE, **query)
    assert _specs(again)[2]["data"] == _specs(at)[2]["data"]


def test_hostile_link_gives_notices_and_a_valid_view():
    at = run_app(
        PAGE, b1="1", b2="0.99.9", horizon="1e12", cmp="drop table", o0="sgd", surface="mars"
    )
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    for param in ("b1", "b2", "horizon", "cmp", "o0", "surface"):
        assert f"`{param}`" in warnings, param
    assert len(_specs(at)) == 4
    assert at.query_params["o0"] == "adam" and at.query_params["cmp"] == "bias_correction"


def test_chinese_title_and_labels():
    at = run_app(PAGE, lang="zh")
    assert not at.exception
    assert at.title[0].value == "偏差校正"
    assert "有偏差校正" in {tr.get("name") for tr in _specs(at)[2]["data"]}
