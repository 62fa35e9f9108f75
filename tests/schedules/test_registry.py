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
            lo, hi = p.slider or p.range
            assert math.isfinite(lo) and math.isfinite(hi) and lo < hi, p
            assert p.contains(lo) and p.contains(hi), p
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
            lo, hi = p.slider or p.range
            assert lo <= value <= hi, (p.name, value)
        if p.kind == "choice":
            assert value in p.choices


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
