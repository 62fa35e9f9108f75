"""Every optimizer says how the Moments page draws it: a style for each buffer it records and
a step-inspector rule (or None, said explicitly). A new optimizer without them fails here
instead of showing grey "?" curves."""

from __future__ import annotations

import pytest

import optimizers
import surfaces
from tests.figures.checked import checked
from viz import moments, step_inspector

STEPS = 4


@pytest.fixture(scope="module")
def rosenbrock():
    return surfaces.get("rosenbrock")


def _configurations():
    """Each optimizer at its defaults, and each preset (amsgrad, centered, momentum: the
    configurations that record the optional buffers)."""
    for name in optimizers.names():
        yield name, name, {}
    for preset in map(optimizers.preset, optimizers.presets()):
        yield preset.name, preset.optimizer, dict(preset.hparams)


CONFIGURATIONS = list(_configurations())


@pytest.mark.parametrize(
    ("label", "name", "hparams"), CONFIGURATIONS, ids=[c[0] for c in CONFIGURATIONS]
)
def test_every_recorded_buffer_has_a_style_in_a_known_row(rosenbrock, label, name, hparams):
    spec = optimizers.get(name)
    traj = optimizers.run(name, rosenbrock, rosenbrock.start, STEPS, **hparams)
    series = spec.display_series
    assert set(moments.buffers(traj)) <= set(series)
    assert {style.row for style in series.values()} <= set(moments.ROWS)
    legend = {
        tr.legendgroup
        for tr in checked(moments.moments_figure(rosenbrock, traj, series=series)).data
    }
    assert set(moments.buffers(traj)) <= legend


@pytest.mark.parametrize("name", optimizers.names())
def test_every_state_buffer_is_styled_or_a_per_point_scalar(rosenbrock, name):
    spec = optimizers.get(name)
    traj = optimizers.run(name, rosenbrock, rosenbrock.start, STEPS)
    scalars = {k for k, v in traj.state.items() if v.ndim == 2}  # (steps, N): not plotted
    assert set(spec.state_names) - scalars <= set(spec.series)


@pytest.mark.parametrize("name", optimizers.names())
def test_every_inspector_rule_exists_or_is_explicitly_none(name):
    rule = optimizers.get(name).inspector
    assert rule is None or rule in step_inspector.RULES


def test_a_record_without_a_style_is_an_error_naming_it(rosenbrock):
    traj = optimizers.run("adam", rosenbrock, rosenbrock.start, STEPS)
    series = dict(optimizers.get("adam").display_series)
    del series["exp_avg_sq"]
    with pytest.raises(ValueError, match=r"no display series for the records \['exp_avg_sq'\]"):
        moments.moments_figure(rosenbrock, traj, series=series)
    bad_row = {**series, "exp_avg_sq": series["exp_avg"]._replace(row="third")}
    with pytest.raises(
        ValueError, match=r"series rows must be one of .*got \{'exp_avg_sq': 'third'\}"
    ):
        moments.moments_figure(rosenbrock, traj, series=bad_row)
