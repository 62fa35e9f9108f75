"""ui.controls: the scales and choices the registry-driven widgets offer (pure parts)."""

from __future__ import annotations

import pytest

from ui.controls import (
    hparam_label,
    linear_step,
    log_options,
    power_of_two_options,
    related_presets,
)


def test_log_options_are_nice_numbers_and_keep_odd_values():
    assert log_options(1e-4, 1)[:7] == [1e-4, 1.5e-4, 2e-4, 3e-4, 5e-4, 7e-4, 1e-3]
    assert log_options(1e-4, 1)[-1] == 1.0 and len(log_options(1e-4, 1)) == 25
    assert 0.0123 in log_options(1e-3, 1e-1, 0.0123)  # a value from a link stays selectable
    assert log_options(0.003, 0.02) == [0.003, 0.005, 0.007, 0.01, 0.015, 0.02]


def test_powers_of_two_for_batch_sizes():
    assert power_of_two_options(1, 16) == [1, 2, 4, 8, 16]
    assert power_of_two_options(1, 1024, 3)[:4] == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("lo", "hi", "step"), [(0.0, 0.99, 0.001), (0.0, 5.0, 0.01), (0.5, 0.9999, 0.001)]
)
def test_linear_steps_give_a_few_hundred_positions(lo, hi, step):
    assert linear_step(lo, hi) == pytest.approx(step)


def test_related_presets_are_the_one_click_family():
    assert related_presets("sgd") == ["sgd", "momentum", "nesterov"]
    assert related_presets("momentum") == related_presets("sgd")
    adam = related_presets("adam")
    assert {"adam", "amsgrad", "adamw", "adam_keras", "adam_no_bias_correction"} <= set(adam)
    assert related_presets("newton") == ["newton"]


def test_labels_come_from_the_catalog_and_a_missing_one_is_a_bug_not_a_guess():
    assert hparam_label("adam", "lr", "zh") == "学习率 lr"
    with pytest.raises(KeyError):
        hparam_label("adam", "no_such_thing", "zh")
