"""Bad parameters: ValueError naming the parameter, the allowed range and the value given."""

from __future__ import annotations

import math
import re

import pytest

from optimizers import schedules

BAD = [
    ("cosine", {"T_max": 0}, "cosine: T_max must be an integer in [1, inf); got 0"),
    ("cosine", {"T_max": 2.5}, "cosine: T_max must be an integer in [1, inf); got 2.5"),
    ("cosine", {"eta_min": math.nan},
     "cosine: eta_min must be a finite float in [0, inf); got nan"),
    ("step", {"gamma": -0.1}, "step: gamma must be a finite float in (0, inf); got -0.1"),
    ("step", {"step_size": True}, "step: step_size must be an integer in [1, inf); got True"),
    ("multistep", {"milestones": [10, -1]},
     "multistep: milestones must be a list of integers in [0, inf); got [10, -1]"),
    ("multistep", {"milestones": 5},
     "multistep: milestones must be a list of integers in [0, inf); got 5"),
    ("exponential", {"gamma": 0}, "exponential: gamma must be a finite float in (0, inf); got 0"),
    ("constant", {"factor": 1.5}, "constant: factor must be a finite float in (0, 1]; got 1.5"),
    ("constant", {"total_iters": 0},
     "constant: total_iters must be an integer in [1, inf); got 0"),
    ("linear", {"start_factor": 0.0},
     "linear: start_factor must be a finite float in (0, 1]; got 0.0"),
    ("linear", {"end_factor": -0.1},
     "linear: end_factor must be a finite float in [0, 1]; got -0.1"),
    ("polynomial", {"power": -1.0},
     "polynomial: power must be a finite float in [0, inf); got -1.0"),
    ("cosine_warm_restarts", {"T_mult": 0},
     "cosine_warm_restarts: T_mult must be an integer in [1, inf); got 0"),
    ("onecycle", {"anneal_strategy": "cosine"},
     "onecycle: anneal_strategy must be one of 'cos', 'linear'; got 'cosine'"),
    ("onecycle", {"pct_start": 1.5},
     "onecycle: pct_start must be a finite float in [0, 1]; got 1.5"),
    ("onecycle", {"div_factor": 0.0},
     "onecycle: div_factor must be a finite float in (0, inf); got 0.0"),
    ("onecycle", {"three_phase": "yes"}, "onecycle: three_phase must be True or False; got 'yes'"),
    ("onecycle", {"total_steps": 50},
     "onecycle: total_steps must be an integer in [steps, inf) = [100, inf) "
     "(torch raises when stepped past total_steps); got 50"),
    ("cyclic", {"mode": "triangle"},
     "cyclic: mode must be one of 'triangular', 'triangular2', 'exp_range'; got 'triangle'"),
    ("cyclic", {"step_size_down": 0},
     "cyclic: step_size_down must be an integer in [1, inf); got 0"),
    ("lambda", {"lr_lambda": 3},
     "lambda: lr_lambda must be a formula in t (text) or a Python callable of the step; got 3"),
    ("lambda", {"lr_lambda": "  "},
     "lambda: lr_lambda must be a formula in t (text) or a Python callable of the step; got '  '"),
    ("plateau", {"factor": 1.0}, "plateau: factor must be a finite float in [0, 1); got 1.0"),
    ("plateau", {"mode": "minimum"}, "plateau: mode must be one of 'min', 'max'; got 'minimum'"),
    ("plateau", {"threshold_mode": "relative"},
     "plateau: threshold_mode must be one of 'rel', 'abs'; got 'relative'"),
    ("plateau", {"patience": -1}, "plateau: patience must be an integer in [0, inf); got -1"),
    ("plateau", {"min_lr": -1e-3},
     "plateau: min_lr must be a finite float in [0, inf); got -0.001"),
    ("warmup_cosine", {"warmup_steps": 0},
     "warmup_cosine: warmup_steps must be an integer in [1, inf); got 0"),
    ("warmup_step", {"gamma": math.inf},
     "warmup_step: gamma must be a finite float in (0, inf); got inf"),
    ("cosine", {"gamma": 0.5},
     "cosine: unknown parameter 'gamma'; expected one of: T_max, eta_min"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "params", "message"), BAD, ids=[m for _, _, m in BAD])
def test_bad_parameter_message(name, params, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        schedules.make(name, lr=0.1, steps=100, **params)


def test_unknown_schedule_lists_the_names():
    with pytest.raises(
        ValueError, match=r"^schedule must be one of: constant, step, .*; got 'cosin'$"
    ):
        schedules.make("cosin", lr=0.1, steps=10)


@pytest.mark.parametrize(
    ("lr", "steps", "message"),
    [
        (-1, 10, "cosine: lr must be a finite float in [0, inf); got -1"),
        (math.inf, 10, "cosine: lr must be a finite float in [0, inf); got inf"),
        ("0.1", 10, "cosine: lr must be a finite float in [0, inf); got '0.1'"),
        (0.1, 0, "cosine: steps must be an integer in [1, inf); got 0"),
        (0.1, None, "cosine: steps must be an integer in [1, inf); got None"),
    ],
)
def test_bad_lr_or_steps(lr, steps, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        schedules.make("cosine", lr=lr, steps=steps)


def test_plateau_needs_no_steps_but_checks_them_when_given():
    assert isinstance(schedules.make("plateau", lr=0.1), schedules.Schedule)
    with pytest.raises(ValueError, match=re.escape("plateau: steps must be an integer")):
        schedules.make("plateau", lr=0.1, steps=-5)


def test_onecycle_zero_length_phase_is_refused_where_torch_divides_by_zero():
    # pct_start * total_steps == 1 puts the end of warm-up at step 0, where it starts.
    with pytest.raises(ValueError, match=r"^onecycle: pct_start \* total_steps must not make .*"
                                         r"got pct_start=0.01, total_steps=100"):  # fmt: skip
        schedules.make("onecycle", lr=0.1, steps=100, pct_start=0.01)


def test_lambda_formula_error_names_the_parameter_and_keeps_the_position():
    from formulas import ExpressionError

    with pytest.raises(
        ExpressionError, match=r"^lambda: lr_lambda is not a valid formula in t: "
    ) as caught:
        schedules.make("lambda", lr=0.1, steps=10, lr_lambda="0.95**")
    assert isinstance(caught.value, ValueError)
    assert caught.value.position == caught.value.__cause__.position
    assert caught.value.position is not None


def test_lambda_formula_rejects_other_variables():
    with pytest.raises(ValueError, match=r"^lambda: lr_lambda is not a valid formula in t: "):
        schedules.make("lambda", lr=0.1, steps=10, lr_lambda="x*t")


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("lambda", {"lr_lambda": "1/t"}, "lambda: the lr must stay finite and >= 0 at every step; "
                                         "got inf at step 0"),
        ("lambda", {"lr_lambda": "cos(t)"}, "lambda: the lr must stay finite and >= 0 at every "
                                            "step; got -0.04161468365471424 at step 2"),
        ("exponential", {"gamma": 10.0}, "exponential: the lr must stay finite and >= 0 at every "
                                         "step; got inf at step 309"),
    ],
)  # fmt: skip
def test_lr_that_leaves_finite_non_negative_values_is_refused(name, params, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)} with "):
        schedules.make(name, lr=0.1, steps=400, **params)


def test_integral_floats_are_accepted_as_integers():
    lrs = schedules.make("step", lr=1.0, steps=4, step_size=2.0, gamma=0.5)
    assert lrs.tolist() == [1.0, 1.0, 0.5, 0.5]
    assert isinstance(schedules.resolve("step", lr=1.0, steps=4, step_size=2.0)["step_size"], int)
