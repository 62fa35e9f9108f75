"""The Playground's settings and their link form: round trips, hostile links, limits."""

from __future__ import annotations

from dataclasses import replace

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

import optimizers
import surfaces
from i18n import CATALOG
from optimizers import schedules
from ui.controls import schedule_owners, scoped_key
from ui.links import MAX_OPTIMIZERS, MAX_STEPS
from ui.playground_settings import (
    DEFAULT_OPTIMIZERS,
    OptimizerEntry,
    PlaygroundSettings,
    entry_labels,
    flat_hparams,
    from_query,
    to_query,
)

RICH = PlaygroundSettings(
    surface="elliptic_bowl",
    surface_params=(("angle", 30.0), ("condition", 50.0), ("noise", 0.5)),
    start=(-2.0, 1.25),
    steps=777,
    seed=42,
    optimizers=(
        OptimizerEntry("nesterov").with_values({"lr": 0.003, "momentum": 0.95}),
        replace(
            OptimizerEntry("adam").with_values({"lr": 0.05, "beta2": 0.99, "amsgrad": True}),
            schedule="cosine",
            schedule_params=(("eta_min", 0.001),),
        ),
        replace(
            OptimizerEntry("sgd"), schedule="multistep", schedule_params=(("milestones", (10, 20)),)
        ),
        replace(
            OptimizerEntry("rmsprop"),
            schedule="lambda",
            schedule_params=(("lr_lambda", "0.99**t"),),
        ),
    ),
    view="grid",
    speed=2.0,
    step=123,
    tol=1e-4,
)
CUSTOM = PlaygroundSettings(
    surface="custom",
    formula="(1-x)**2 + 10*(y-x**2)**2",
    bounds=(-2.0, 2.0, -1.0, 3.0),
    start=(0.5, 2.5),
)


@pytest.mark.parametrize(
    "original", [PlaygroundSettings(), RICH, CUSTOM], ids=["default", "rich", "custom"]
)
def test_link_round_trip_is_exact(original):
    query = to_query(original)
    assert all(isinstance(v, str) for v in query.values())
    parsed, notices = from_query(query)
    assert notices == []
    assert parsed == original


def test_default_link_is_short_and_readable():
    query = to_query(PlaygroundSettings())
    assert query["surface"] == "rosenbrock"
    assert [query[f"o{i}"] for i in range(4)] == ["sgd", "momentum", "rmsprop", "adam"]
    assert query["o3.lr"] == "0.1" and "o1.lr" not in query  # momentum's lr is torch's 1e-3


def test_empty_link_gives_the_default_view():
    settings, notices = from_query({})
    assert settings == PlaygroundSettings() and notices == []
    assert [e.preset for e in settings.optimizers] == ["sgd", "momentum", "rmsprop", "adam"]


def test_hostile_link_gives_valid_settings_and_names_every_bad_parameter():
    query = {
        "surface": "../../etc/passwd",
        "steps": "99999999",
        "t": "-1",
        "seed": "NaN",
        "view": "3d",
        "speed": "1000",
        "tol": "0",
        "x0": "inf",
        "o0": "adam",
        "o0.lr": "-1",
        "o0.beta1": "1",
        "o0.eps": "nan",
        "o0.momentum": "0.9",
        "o0.sched": "warp",
        "o1": "evil",
        "nonsense": "1",
    }
    query.update({f"o{i}": "sgd" for i in range(2, 40)})
    settings, notices = from_query(query)
    assert settings.surface == "rosenbrock" and settings.steps == 300 and settings.seed == 0
    assert settings.view == "overlay" and settings.speed == 1.0 and settings.tol == 1e-6
    assert len(settings.optimizers) == MAX_OPTIMIZERS
    assert settings.optimizers[0] == OptimizerEntry("adam")
    assert settings.optimizers[1].preset == "momentum"  # the default view's second optimizer
    named = {n.param for n in notices}
    expected = {"surface", "steps", "t", "seed", "view", "speed", "tol", "x0", "o0.lr", "o0.beta1"}
    assert expected | {"o0.eps", "o0.momentum", "o0.sched", "o1", "nonsense", "o8", "o39"} <= named
    steps = next(n for n in notices if n.param == "steps")
    assert (steps.given, steps.used) == ("99999999", "300")
    assert f"[1, {MAX_STEPS}]" in steps.allowed


def test_start_outside_the_window_and_bad_custom_bounds_fall_back():
    settings, notices = from_query(
        {"surface": "custom", "xmin": "2", "xmax": "1", "x0": "50", "y0": "0"}
    )
    assert settings.bounds == (-3.0, 3.0, -3.0, 3.0)
    assert settings.start == (-2.4, 0.0)  # x0 falls back to the default start's x
    assert {n.param for n in notices} == {"xmin/xmax/ymin/ymax", "x0"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "surface",
                "steps",
                "t",
                "seed",
                "view",
                "speed",
                "tol",
                "x0",
                "y0",
                "f",
                "xmin",
                "s.a",
                "s.noise",
                "s.batch",
                "o0",
                "o0.lr",
                "o0.beta1",
                "o0.nesterov",
                "o0.sched",
                "o0.sched.T_max",
                "o0.sched.milestones",
                "o1",
                "o1.momentum",
                "o12",
                "zz",
            ]
        ),
        st.one_of(
            st.text(max_size=30),
            st.sampled_from(["nan", "inf", "-0", "1e308", "0.5", "adam", "cosine"]),
        ),
        max_size=12,
    )
)
def test_any_link_parses_into_settings_the_core_accepts(query):
    settings, _ = from_query(query)
    assert 1 <= settings.steps <= MAX_STEPS and 0 <= settings.step <= settings.steps
    assert 1 <= len(settings.optimizers) <= MAX_OPTIMIZERS
    surfaces_ok = settings.is_custom or surfaces.get(settings.surface, **settings.surface_kwargs())
    assert surfaces_ok
    for entry in settings.optimizers:
        kwargs = entry.run_kwargs()
        for name, hp in optimizers.get(entry.optimizer).hparams.items():
            hp.validate(kwargs[name], entry.optimizer, 1)
    assert from_query(to_query(settings))[0] == settings


def test_with_preset_keeps_shared_changes_and_takes_the_presets_own():
    adam = OptimizerEntry("adam").with_values({"lr": 0.1, "beta1": 0.5})
    assert adam.with_preset("amsgrad").values()["amsgrad"] is True
    assert adam.with_preset("amsgrad").values()["lr"] == 0.1
    assert adam.with_preset("sgd").overrides == (("lr", 0.1),)
    momentum = OptimizerEntry("sgd").with_values({"momentum": 0.5}).with_preset("nesterov")
    assert momentum.values()["momentum"] == 0.9  # the preset sets momentum itself
    assert OptimizerEntry("adamw").run_kwargs()["weight_decay"] == 0.01
    assert OptimizerEntry("adam").with_values({"beta1": 0.8}).run_kwargs()["betas"] == (0.8, 0.999)


def test_labels_number_repeated_titles():
    entries = (OptimizerEntry("adam"), OptimizerEntry("sgd"), OptimizerEntry("adam"))
    assert entry_labels(entries) == ["Adam", "SGD", "Adam #2"]
    assert entry_labels(DEFAULT_OPTIMIZERS) == ["SGD", "Momentum", "RMSprop", "Adam"]


def test_every_registry_name_the_controls_show_is_translated():
    """Adding an optimizer, preset, schedule or surface needs its words in the catalog."""
    missing = []
    for name in optimizers.names():
        for hp in flat_hparams(name).values():
            keys = (scoped_key("hp", (name,), hp.name), scoped_key("hp", (name,), hp.name, ".help"))
            missing += [k for k in keys if k not in CATALOG]
    missing += [f"preset.{p}" for p in optimizers.presets() if f"preset.{p}" not in CATALOG]
    for name in schedules.names():
        keys = [f"sched.{name}", f"schedpage.summary.{name}"]
        for p in schedules.get(name).params:
            keys += [
                f"sched.label.{p.name}",
                scoped_key("sched.param", schedule_owners(name), p.name),
            ]
        missing += [k for k in keys if k not in CATALOG]
    for name in surfaces.names():
        missing += [
            k for k in (f"surface.{name}.title", f"surface.{name}.lesson") if k not in CATALOG
        ]
        for spec in surfaces.get(name).param_specs:
            if spec.name not in ("noise", "batch") and f"surface.param.{spec.name}" not in CATALOG:
                missing.append(f"surface.param.{spec.name}")
    assert not missing, sorted(set(missing))


def _needing_their_own_words(meanings: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    """(owner, name) where owners mean different things by one name: the shared catalog text
    fits the largest group of owners meaning the same (the first such group on a tie); the
    others need text of their own."""
    groups: dict[str, dict[str, list[str]]] = {}
    for owner, params in meanings.items():
        for name, meaning in params.items():
            groups.setdefault(name, {}).setdefault(meaning, []).append(owner)
    needing = []
    for name, by_meaning in groups.items():
        ordered = sorted(by_meaning.values(), key=len, reverse=True)
        needing += [(owner, name) for owners in ordered[1:] for owner in owners]
    return needing


def test_a_name_that_means_something_else_to_one_optimizer_has_its_own_help():
    # Today RMSprop's momentum; tomorrow Lion's beta2 must not inherit Adam's text.
    meanings = {
        name: {hp.name: hp.meaning for hp in flat_hparams(name).values()}
        for name in optimizers.names()
    }
    needing = _needing_their_own_words(meanings)
    assert ("rmsprop", "momentum") in needing
    missing = [f"hp.{o}.{n}.help" for o, n in needing if f"hp.{o}.{n}.help" not in CATALOG]
    assert not missing
    assert scoped_key("hp", ("rmsprop",), "momentum", ".help") == "hp.rmsprop.momentum.help"
    assert scoped_key("hp", ("sgd",), "momentum", ".help") == "hp.momentum.help"


def test_a_name_that_means_something_else_to_one_schedule_has_its_own_help():
    base = [name for name in schedules.names() if schedules.get(name).after is None]
    meanings = {name: {p.name: p.meaning for p in schedules.get(name).params} for name in base}
    needing = _needing_their_own_words(meanings)
    assert {("plateau", "mode"), ("plateau", "factor"), ("cyclic", "gamma")} <= set(needing)
    keys = [f"sched.param.{o}.{n}" for o, n in needing]
    assert [k for k in keys if k not in CATALOG] == []
    # A warm-up speaks of the schedule it leads into in that schedule's words.
    assert schedule_owners("warmup_multistep") == ("warmup_multistep", "multistep")
    gamma = scoped_key("sched.param", schedule_owners("warmup_multistep"), "gamma")
    assert gamma == "sched.param.multistep.gamma"
