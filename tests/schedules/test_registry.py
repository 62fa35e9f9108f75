"""The registry is data: every entry is complete enough to drive the UI and validation."""

from __future__ import annotations

import math

import numpy as np
import pytest

from optimizers import schedules

TORCH_NAMES = {
    "constant": "ConstantLR", "step": "StepLR", "multistep": "MultiStepLR",
    "exponential": "ExponentialLR", "cosine": "CosineAnnealingLR",
    "cosine_warm_restarts": "CosineAnnealingWarmRestarts", "linear": "LinearLR",
    "polynomial": "PolynomialLR", "onecycle": "OneCycleLR", "cyclic": "CyclicLR",
    "lambda": "LambdaLR", "plateau": "ReduceLROnPlateau",
}  # fmt: skip


def test_names_cover_torch_schedulers_and_warmups():
    names = schedules.names()
    assert set(TORCH_NAMES) <= set(names)
    assert "warmup_cosine" in names
    for name, torch_class in TORCH_NAMES.items():
        assert schedules.get(name).torch_class == torch_class


@pytest.mark.parametrize("name", schedules.names())
def test_entry_is_complete(name):
    spec = schedules.get(name)
    assert spec.name == name
    assert spec.title and spec.summary and spec.formula_latex.startswith(("\\eta", "c ="))
    assert spec.formula_latex.count("{") == spec.formula_latex.count("}")
    assert len({p.name for p in spec.params}) == len(spec.params)
    for p in spec.params:
        assert p.meaning
        assert p.kind in {"float", "int", "bool", "choice", "ints", "formula"}
        if p.kind in {"float", "int"}:
            lo, hi = p.slider or p.constraint.bounds
            assert math.isfinite(lo) and math.isfinite(hi) and lo < hi, p
            assert lo in p.constraint and hi in p.constraint, p
            assert not p.log or lo > 0, p
        if p.default is None:
            assert p.derive is not None and "None:" in p.meaning, p


@pytest.mark.parametrize("name", schedules.names())
def test_defaults_are_valid_and_inside_the_slider(name):
    resolved = schedules.resolve(name, lr=0.1, steps=300)
    spec = schedules.get(name)
    assert list(resolved) == [p.name for p in spec.params]
    for p in spec.params:
        value = resolved[p.name]
        assert p.validate(value, name) == value
        if p.kind in {"float", "int"}:
            lo, hi = p.slider or p.constraint.bounds
            assert lo <= value <= hi, (p.name, value)
        if p.kind == "choice":
            assert value in p.constraint.choices


@pytest.mark.parametrize("name", [n for n in schedules.names() if n != "plateau"])
def test_make_with_defaults(name):
    lrs = schedules.make(name, lr=0.1, steps=300)
    assert lrs.shape == (300,)
    assert np.all(np.isfinite(lrs)) and np.all(lrs >= 0)
    assert lrs.max() <= 0.1 * (1 + 1e-12)  # by default no schedule exceeds the optimizer's lr


def test_get_unknown_parameter_of_an_entry():
    with pytest.raises(ValueError, match=r"^cosine: unknown parameter 'gamma'; expected one of"):
        schedules.get("cosine").param("gamma")


def test_warmup_entries_put_warmup_params_first():
    spec = schedules.get("warmup_cosine")
    assert [p.name for p in spec.params] == ["start_factor", "warmup_steps", "T_max", "eta_min"]
    assert spec.torch_class == "SequentialLR(LinearLR, CosineAnnealingLR)"


def test_warmup_is_a_combinator_the_registry_applies_once_per_entry():
    warmed = schedules.warmup(schedules.get("exponential"))
    assert warmed.name == "warmup_exponential"
    assert warmed.params == schedules.get("warmup_exponential").params
    ramp = warmed.build(1.0, start_factor=0.5, warmup_steps=2, gamma=0.5)
    np.testing.assert_allclose(ramp(np.arange(5)), [0.5, 0.75, 1.0, 0.5, 0.25])
    np.testing.assert_array_equal(
        ramp(np.arange(5)),
        schedules.make("warmup_exponential", lr=1.0, steps=5, start_factor=0.5, warmup_steps=2,
                       gamma=0.5),
    )  # fmt: skip


@pytest.mark.parametrize("name", ["linear", "plateau", "warmup_step"])
def test_warmup_refuses_what_it_cannot_compose(name):
    # linear has its own start_factor; plateau depends on the loss; a warm-up is warm already.
    with pytest.raises(ValueError, match=f"^warmup: cannot warm up {name!r}"):
        schedules.warmup(schedules.get(name))
