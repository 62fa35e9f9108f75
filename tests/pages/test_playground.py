"""AppTest: the Playground renders, reacts to its controls, round-trips its link, survives
hostile links and bad input (error next to the control, last good figure kept), speaks Chinese."""

from __future__ import annotations

from unittest import mock

import pytest

import optimizers
from i18n import t
from tests.support.apptest import chart_elements, charts, opened, players, run_app
from ui.exports import open_key
from ui.links import MAX_OPTIMIZERS
from ui.playground_panels import ADD_KEY, EXPORT_KEY, MAX_FRAMES, more_key, preset_key
from ui.playground_settings import OptimizerEntry, PlaygroundSettings, from_query, to_query
from viz.animation import timeline

LR_LAMBDA = t("sched.label.lr_lambda", "en")

PAGE = "pages/playground.py"


def _spec(at) -> dict:
    (chart,) = charts(at)
    return chart


def _player(at) -> dict:
    (player,) = players(at)
    return player


def _path(spec: dict, name: str) -> dict:
    return next(tr for tr in spec["data"] if tr.get("name") == name and tr.get("mode") == "lines")


def _slider(at, label: str, index: int = 0):
    return [s for s in at.select_slider if s.label == label][index]


def _query(at) -> dict[str, str]:
    return {key: at.query_params[key] for key in at.query_params}


def test_defaults_render_four_optimizers_on_rosenbrock():
    at = run_app(PAGE)
    assert not at.exception
    assert at.title[0].value == "Playground"
    spec = _spec(at)
    paths = [tr["name"] for tr in spec["data"] if tr.get("mode") == "lines" and tr["xaxis"] == "x"]
    assert paths == ["SGD", "Momentum", "RMSprop", "Adam"]
    frames = [frame["name"] for frame in spec["frames"]]
    assert frames == timeline(300, MAX_FRAMES).names and frames[-1] == "300"
    assert _player(at)["buttons"][0]["label"] == "▶ Play"
    assert "sliders" not in spec["layout"] and "updatemenus" not in spec["layout"]
    query = _query(at)
    assert query["surface"] == "rosenbrock" and query["o3"] == "adam" and query["lang"] == "en"
    table = at.table[0].value
    assert list(table["optimizer"]) == ["SGD", "Momentum", "RMSprop", "Adam"]
    assert not at.error and not at.warning


def test_changing_the_lr_slider_changes_the_path_and_the_link():
    at = run_app(PAGE)
    before = _path(_spec(at), "SGD")
    _slider(at, "learning rate lr", 0).set_value(0.01).run()
    assert not at.exception
    after = _path(_spec(at), "SGD")
    assert after != before
    assert at.query_params["o0.lr"] == "0.01"
    at.run()  # the choice outlives a rerun
    assert _slider(at, "learning rate lr", 0).value == 0.01


def _sliders(tree) -> list[str]:
    return [s.label for s in (*tree.select_slider, *tree.slider)]


def test_a_panels_slider_redraws_the_figure_only():
    """A move stores its value from the slider's callback and reruns the figure: not the
    panels (their sliders, headings and popovers; the moved slider shows its value), nor
    the sidebar, nor a closed export box."""
    at = run_app(PAGE)
    before = _path(_spec(at), "Momentum")
    chart_id = chart_elements(at)[0].proto.id
    _slider(at, "learning rate lr", 1).set_value(0.01).run()
    sent = at.sent
    assert sent.fragments_only and not at.exception
    assert not _sliders(sent) and not sent.markdown[1:]  # the step caption only
    assert not sent.sidebar.children and not sent.expander
    (chart,) = charts(sent)
    assert _path(chart, "Momentum") != before
    # The chart's id is its key alone: the browser redraws the same chart in place.
    assert chart_elements(sent)[0].proto.id == chart_id
    assert list(sent.table[0].value["optimizer"]) == ["SGD", "Momentum", "RMSprop", "Adam"]
    assert at.query_params["o1.lr"] == "0.01"
    # The page keeps the other panels, as the browser does.
    assert _sliders(at).count("learning rate lr") == 4 and at.sidebar.children
    # A step button redraws the figure alone: no widget shows the step.
    next(b for b in at.button if b.label == "Step ▶").click().run()
    assert at.sent.fragments_only and not _sliders(at.sent) and charts(at.sent)
    assert at.query_params["t"] == "4" and at.query_params["o1.lr"] == "0.01"
    # With the export box open, a move redraws it too: its files are of the new figure.
    at = opened(at, open_key(EXPORT_KEY))
    _slider(at, "learning rate lr", 1).set_value(0.02).run()
    assert at.sent.fragments_only and at.sent.expander and at.sent.get("download_button")


def test_link_round_trip_reproduces_the_view():
    settings = PlaygroundSettings(
        surface="himmelblau",
        start=(-1.5, 2.5),
        steps=120,
        seed=3,
        optimizers=(OptimizerEntry("nesterov").with_values({"lr": 0.003}), OptimizerEntry("adam")),
        view="grid",
        step=60,
    )
    query = to_query(settings)
    at = run_app(PAGE, **query)
    assert not at.exception and not at.warning
    assert {k: v for k, v in _query(at).items() if k != "lang"} == query
    assert from_query(_query(at))[0] == settings
    spec = _spec(at)
    assert sum(tr["type"] == "contour" for tr in spec["data"]) == 2  # small multiples
    player = _player(at)
    assert player["steps"][player["active"]]["label"] == "60"
    again = run_app(PAGE, **query)
    assert _spec(again)["data"] == spec["data"]


@pytest.mark.parametrize(
    "hostile",
    [
        {"steps": "1e12", "o0": "adam", "o0.lr": "nan", "o0.beta1": "inf", "view": "'; drop"},
        {"surface": "<script>alert(1)</script>", "x0": "-inf", "seed": "-3", "zzz": "1"},
        {**{f"o{i}": "sgd" for i in range(50)}, "o3.lr": "1e400", "t": "999999"},
        {"surface": "custom", "f": "__import__('os').system('x')", "xmin": "5", "xmax": "-5"},
    ],
)
def test_hostile_links_give_notices_and_never_a_traceback(hostile):
    at = run_app(PAGE, **hostile)
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    for key in hostile:
        if key not in ("o0", "surface", "f") and not (
            key.startswith("o") and key[1:].isdigit() and int(key[1:]) < 8
        ):
            assert f"`{key}`" in warnings or "xmin/xmax" in warnings, (key, warnings)
    assert len(charts(at)) <= 1


def test_hostile_formula_is_refused_next_to_the_input():
    at = run_app(PAGE, surface="custom", f="__import__('os').system('x')")
    assert not at.exception
    assert any("formula was refused" in e.value for e in at.error)
    assert not charts(at)
    assert at.info[0].value == "Nothing to draw yet: fix the errors above."


def test_impossible_hyperparameters_show_an_error_and_keep_the_last_good_figure():
    at = opened(run_app(PAGE), more_key(0))
    good = _spec(at)
    nesterov = next(c for c in at.checkbox if c.label == "Nesterov")  # SGD's panel, momentum 0
    nesterov.check().run()
    assert not at.exception
    (error,) = at.error
    assert "nesterov=True requires momentum > 0" in error.value and error.value.startswith("SGD")
    assert _spec(at) == good
    assert any("last figure that worked" in i.value for i in at.info)
    next(c for c in at.checkbox if c.label == "Nesterov").uncheck().run()
    assert not at.error and not at.info


def test_a_main_knob_that_makes_an_error_reruns_its_panel_to_say_so_and_to_clear_it():
    at = run_app(PAGE, o0="nesterov")  # momentum 0.9 with nesterov=True; popovers closed
    good = _spec(at)
    momentum = next(s for s in at.slider if s.label == "momentum")
    momentum.set_value(0.0).run()
    assert sorted(_sliders(at.sent)) == ["learning rate lr", "momentum"]  # its panel reran
    (error,) = at.error
    assert "nesterov=True requires momentum > 0" in error.value and error.value.startswith(
        "Nesterov"
    )
    assert _spec(at) == good
    next(s for s in at.slider if s.label == "momentum").set_value(0.5).run()
    assert _sliders(at.sent) and not at.error and not at.info
    assert at.query_params["o0.momentum"] == "0.5"
    # Fixed, the next move redraws the figure alone again.
    next(s for s in at.slider if s.label == "momentum").set_value(0.6).run()
    assert not _sliders(at.sent) and at.query_params["o0.momentum"] == "0.6"


def test_a_bad_formula_keeps_the_last_good_figure():
    at = run_app(PAGE, surface="custom", f="x**2 + y**2")
    good = _spec(at)
    next(t for t in at.text_input if t.label == "f(x, y) =").set_value("x**2 +* y").run()
    assert not at.exception
    assert any("formula was refused" in e.value for e in at.error)
    assert _spec(at) == good


def test_step_buttons_move_the_shown_step_and_the_link():
    at = run_app(PAGE, steps="50")
    next(b for b in at.button if b.label == "Step ▶").click().run()
    next(b for b in at.button if b.label == "Step ▶").click().run()
    next(b for b in at.button if b.label == "◀ Step").click().run()
    assert at.query_params["t"] == "1"
    player = _player(at)
    assert player["active"] == 1 and player["steps"][1]["label"] == "1"


def test_add_and_remove_optimizers():
    at = run_app(PAGE)
    assert not at.get("button_group")  # the list to add from is made only while open
    at = opened(at, ADD_KEY)
    choices = at.get("button_group")[0]
    assert [o.content for o in choices.proto.options][:3] == ["SGD", "Momentum", "Nesterov"]
    choices.set_value("nesterov").run()
    assert at.query_params["o4"] == "nesterov"
    assert at.session_state[ADD_KEY] is False and not at.get("button_group")
    assert "Nesterov" in [tr["name"] for tr in _spec(at)["data"]]
    at = opened(at, more_key(0))
    next(b for b in at.button if b.label == "Remove").click().run()
    assert at.query_params["o0"] == "momentum" and "o4" not in _query(at)
    # The popovers closed: they would now hold the next optimizer's settings.
    assert at.session_state[more_key(0)] is False
    assert at.session_state[preset_key(0)] is False
    assert "Remove" not in [b.label for b in at.button]


def _popovers(node) -> list:
    """Every popover block under ``node`` (AppTest has no accessor for them)."""
    found = []
    for child in getattr(node, "children", {}).values():
        proto = getattr(child, "proto", None)
        if type(proto).__name__ == "Block" and proto.WhichOneof("type") == "popover":
            found.append(proto.popover)
        found += _popovers(child)
    return found


def test_add_is_disabled_at_the_limit_and_says_why():
    full = PlaygroundSettings(optimizers=(OptimizerEntry("sgd"),) * MAX_OPTIMIZERS)
    at = run_app(PAGE, **to_query(full))
    add = next(p for p in _popovers(at._tree) if p.label == "Add optimizer")
    assert add.disabled and str(MAX_OPTIMIZERS) in add.help
    at = run_app(PAGE)
    assert not next(p for p in _popovers(at._tree) if p.label == "Add optimizer").disabled


def test_chinese_page_title_labels_and_figure():
    # run_app(page=...) runs the page file alone; the shell (which reads ?lang=) runs with
    # app.py, so open the app first, then switch to the page in the same session.
    at = run_app(lang="zh").switch_page(PAGE).run()
    assert not at.exception
    assert at.title[0].value == "游乐场"
    assert "学习率 lr" in [s.label for s in at.select_slider]
    layout = _spec(at)["layout"]
    assert layout["xaxis2"]["title"]["text"] == "步数"
    assert _player(at)["buttons"][0]["label"] == "▶ 播放"
    assert "优化器" in at.table[0].value.columns
    english = run_app(PAGE, lang="en")
    assert not any("\u4e00" <= ch <= "\u9fff" for s in english.select_slider for ch in s.label)


def test_a_schedule_per_optimizer_changes_its_learning_rate():
    at = opened(run_app(PAGE, steps="100"), more_key(0), more_key(1))
    schedule = next(s for s in at.selectbox if s.label == "Learning-rate schedule")
    schedule.set_value("cosine").run()
    assert not at.exception and not at.error
    assert at.query_params["o0.sched"] == "cosine"
    lambda_box = [s for s in at.selectbox if s.label == "Learning-rate schedule"][1]
    lambda_box.set_value("lambda").run()
    next(t for t in at.text_input if t.label == LR_LAMBDA).set_value("0.9**t +* 1").run()
    assert not at.exception
    assert any(e.value.startswith("Momentum") and "lr_lambda" in e.value for e in at.error)


def test_switching_surface_and_layouts():
    at = run_app(PAGE, steps="50")
    next(s for s in at.selectbox if s.label == "Loss surface").set_value("himmelblau").run()
    assert not at.exception
    assert at.query_params["surface"] == "himmelblau" and "x0" not in _query(at)
    spec = _spec(at)
    assert sum(tr.get("name") == "minimum" for tr in spec["data"]) == 1
    assert len(next(tr for tr in spec["data"] if tr.get("name") == "minimum")["x"]) == 4
    next(r for r in at.radio if r.label == "Layout").set_value("surface3d").run()
    assert not at.exception
    assert any(tr["type"] == "surface" for tr in _spec(at)["data"])


def test_each_panel_chooses_its_preset_from_a_list_made_only_while_open():
    at = run_app(PAGE)
    assert "Adam" in [p.label for p in _popovers(at._tree)]  # the 4th panel's chooser
    assert not at.get("button_group")
    at = opened(at, preset_key(0))
    choices = at.get("button_group")[0]
    assert [o.content for o in choices.proto.options] == [
        optimizers.preset(name).title for name in optimizers.presets()
    ]
    choices.set_value("rmsprop_centered").run()
    assert not at.exception
    assert at.query_params["o0"] == "rmsprop_centered"
    assert at.session_state[preset_key(0)] is False and not at.get("button_group")
    assert "RMSprop (centered)" in [p.label for p in _popovers(at._tree)]
    assert optimizers.preset("rmsprop_centered").title in [
        tr.get("name") for tr in _spec(at)["data"]
    ]


def test_presets_are_one_click_away():
    at = opened(run_app(PAGE), more_key(0))
    sgd_family = at.get("button_group")[0]  # SGD's panel: SGD, Momentum, Nesterov
    assert [o.content for o in sgd_family.proto.options] == ["SGD", "Momentum", "Nesterov"]
    sgd_family.set_value("nesterov").run()
    assert not at.exception
    assert at.query_params["o0"] == "nesterov" and at.query_params["o0.lr"] == "0.002"
    assert "Nesterov" in [tr.get("name") for tr in _spec(at)["data"]]


def test_an_optimizers_other_settings_are_made_only_while_its_popover_is_open():
    at = run_app(PAGE, steps="50")
    hidden = {c.label for c in at.checkbox} | {s.label for s in at.selectbox}
    assert "Nesterov" not in hidden and "Learning-rate schedule" not in hidden
    at = opened(at, more_key(0))
    assert [s.label for s in at.selectbox].count("Learning-rate schedule") == 1
    next(c for c in at.checkbox if c.label == "Nesterov").check()
    next(s for s in at.slider if s.label == "momentum").set_value(0.5).run()
    assert at.query_params["o0.nesterov"] == "1"
    at.session_state[more_key(0)] = False
    at.run()
    # Closed again: the choices made inside stay in the settings, the link and the run.
    assert "Nesterov" not in {c.label for c in at.checkbox}
    assert at.query_params["o0.nesterov"] == "1" and not at.error


@pytest.fixture
def on_a_phone():
    """The page as a phone's browser gets it (ui.present.on_phone says so by User-Agent)."""
    with (
        mock.patch("ui.present.on_phone", return_value=True),
        mock.patch("ui.playground_panels.on_phone", return_value=True),
    ):
        yield


def _picker(at):
    (picker,) = [g for g in at.get("button_group") if g.proto.label == "Optimizer shown"]
    return picker


def test_a_phone_shows_one_panel_picked_by_name_the_others_a_tap_away(on_a_phone):
    """A phone stacks the panels: it shows one, and names the others on a picker above it;
    the figure still shows every optimizer, and a pick changes no setting."""
    at = run_app(PAGE)
    assert not at.exception
    picker = _picker(at)
    assert [o.content for o in picker.proto.options] == ["SGD", "Momentum", "RMSprop", "Adam"]
    assert picker.value == 0
    assert _sliders(at).count("learning rate lr") == 1 and "momentum" in _sliders(at)
    # No hover on a phone: the preset and add buttons carry no tooltip.
    assert not any(p.help for p in _popovers(at._tree))
    query = _query(at)
    _picker(at).set_value(2).run()  # RMSprop's panel
    assert _query(at) == query
    assert "alpha" in _sliders(at) and _sliders(at).count("learning rate lr") == 1
    paths = [tr["name"] for tr in _spec(at)["data"] if tr.get("mode") == "lines"]
    assert {"SGD", "Momentum", "RMSprop", "Adam"} <= set(paths)
    _slider(at, "learning rate lr").set_value(0.05).run()
    assert at.query_params["o2.lr"] == "0.05" and at.query_params["o0"] == "sgd"
    # An added optimizer is shown; with the last panel removed, the one before it.
    at = opened(at, ADD_KEY)
    (choices,) = [g for g in at.get("button_group") if g.proto.label != "Optimizer shown"]
    choices.set_value("nesterov").run()
    assert _picker(at).value == 4 and _picker(at).proto.options[4].content == "Nesterov"
    at = opened(at, more_key(4))
    next(b for b in at.button if b.label == "Remove").click().run()
    assert "o4" not in _query(at) and _picker(at).value == 3 and not at.exception


def test_a_phone_names_an_error_in_a_panel_it_does_not_show(on_a_phone):
    at = run_app(PAGE, o0="sgd", o1="nesterov", **{"o1.momentum": "0"})  # not shown
    assert _picker(at).value == 0
    (error,) = at.error
    assert "nesterov=True requires momentum > 0" in error.value
    assert error.value.startswith("Nesterov")
    _picker(at).set_value(1).run()  # its panel says it, under the control that caused it
    (error,) = at.error
    assert error.value.startswith("Nesterov") and "momentum" in _sliders(at)
