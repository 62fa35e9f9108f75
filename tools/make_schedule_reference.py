"""Reference learning-rate sequences from torch.optim.lr_scheduler, for tests/schedules/.

Runs torch (float64) itself, never the project's code, and writes JSON fixtures to
tests/schedules/fixtures/:

- schedules.json   every schedule and mode of optimizers.schedules over a few hundred steps:
                   the lr torch's optimizer holds at step k when scheduler.step() follows every
                   optimizer.step(), with the arguments make() gets (derived defaults left out)
- plateau.json     ReduceLROnPlateau lrs for given loss sequences (one optimizer per sequence),
                   stored as [step, lr] at every change
- runs.json        two end-to-end runs on a quadratic 0.5 x^T A x: AdamW + CosineAnnealingLR,
                   and SGD (momentum) + ReduceLROnPlateau, with torch's parameter trajectory

Run from the repository root (torch stays out of the project venv):

    python3 -m venv .venv-bench
    .venv-bench/bin/pip install -r requirements-bench.txt
    .venv-bench/bin/python tools/make_schedule_reference.py

The output is deterministic: re-running rewrites the same files.
"""

from __future__ import annotations

import json
import math
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import torch
from torch.optim import lr_scheduler as L

OUT = Path(__file__).resolve().parent.parent / "tests" / "schedules" / "fixtures"
STEPS = 300

Factory = Callable[[torch.optim.Optimizer], L.LRScheduler]


def lr_sequence(factory: Factory, lr: float, steps: int) -> list[float]:
    """The lr of optimizer.step() number k, with scheduler.step() after every optimizer step."""
    param = torch.zeros(2, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=lr)
    scheduler = factory(optimizer)
    lrs = []
    for _ in range(steps):
        lrs.append(float(optimizer.param_groups[0]["lr"]))
        optimizer.step()
        scheduler.step()
    return lrs


def warmup(start_factor: float, warmup_steps: int, after: Factory) -> Factory:
    def factory(opt: torch.optim.Optimizer) -> L.LRScheduler:
        ramp = L.LinearLR(opt, start_factor=start_factor, end_factor=1.0, total_iters=warmup_steps)
        return L.SequentialLR(opt, [ramp, after(opt)], milestones=[warmup_steps])

    return factory


# (id, schedule name, lr, make() params, torch factory). Params left out of the make() call
# are derived defaults; the torch factory spells out what they resolve to.
CASES: list[tuple[str, str, float, dict, Factory]] = [
    ("constant_default", "constant", 0.1, {}, lambda o: L.ConstantLR(o)),
    ("constant_long", "constant", 0.1, {"factor": 0.5, "total_iters": 100},
     lambda o: L.ConstantLR(o, factor=0.5, total_iters=100)),
    ("step_default", "step", 0.1, {"step_size": 30}, lambda o: L.StepLR(o, step_size=30)),
    ("step_gamma", "step", 0.5, {"step_size": 7, "gamma": 0.9},
     lambda o: L.StepLR(o, step_size=7, gamma=0.9)),
    ("multistep_repeat", "multistep", 0.1, {"milestones": [50, 120, 120, 200], "gamma": 0.5},
     lambda o: L.MultiStepLR(o, milestones=[50, 120, 120, 200], gamma=0.5)),
    ("multistep_unsorted", "multistep", 0.1, {"milestones": [200, 30, 0]},
     lambda o: L.MultiStepLR(o, milestones=[200, 30, 0])),
    ("exponential_decay", "exponential", 0.1, {"gamma": 0.99},
     lambda o: L.ExponentialLR(o, gamma=0.99)),
    ("exponential_growth", "exponential", 1e-4, {"gamma": 1.02},
     lambda o: L.ExponentialLR(o, gamma=1.02)),
    ("cosine_default", "cosine", 0.1, {}, lambda o: L.CosineAnnealingLR(o, T_max=STEPS)),
    ("cosine_periodic", "cosine", 0.1, {"T_max": 80, "eta_min": 1e-3},
     lambda o: L.CosineAnnealingLR(o, T_max=80, eta_min=1e-3)),
    ("cosine_t1", "cosine", 0.1, {"T_max": 1}, lambda o: L.CosineAnnealingLR(o, T_max=1)),
    ("warm_restarts", "cosine_warm_restarts", 0.1, {"T_0": 50},
     lambda o: L.CosineAnnealingWarmRestarts(o, T_0=50)),
    ("warm_restarts_mult", "cosine_warm_restarts", 0.1,
     {"T_0": 10, "T_mult": 2, "eta_min": 1e-3},
     lambda o: L.CosineAnnealingWarmRestarts(o, T_0=10, T_mult=2, eta_min=1e-3)),
    ("linear_default", "linear", 0.1, {}, lambda o: L.LinearLR(o)),
    ("linear_ramp", "linear", 0.1, {"start_factor": 0.1, "total_iters": 100},
     lambda o: L.LinearLR(o, start_factor=0.1, total_iters=100)),
    ("linear_decay", "linear", 0.1, {"start_factor": 1.0, "end_factor": 0.0, "total_iters": 250},
     lambda o: L.LinearLR(o, start_factor=1.0, end_factor=0.0, total_iters=250)),
    ("polynomial_default", "polynomial", 0.1, {}, lambda o: L.PolynomialLR(o)),
    ("polynomial_square", "polynomial", 0.1, {"total_iters": 200, "power": 2.0},
     lambda o: L.PolynomialLR(o, total_iters=200, power=2.0)),
    ("polynomial_sqrt", "polynomial", 0.1, {"total_iters": 300, "power": 0.5},
     lambda o: L.PolynomialLR(o, total_iters=300, power=0.5)),
    ("onecycle_cos", "onecycle", 0.1, {},
     lambda o: L.OneCycleLR(o, max_lr=0.1, total_steps=STEPS, cycle_momentum=False)),
    ("onecycle_linear", "onecycle", 0.1, {"anneal_strategy": "linear"},
     lambda o: L.OneCycleLR(o, max_lr=0.1, total_steps=STEPS, anneal_strategy="linear",
                            cycle_momentum=False)),
    ("onecycle_three_phase", "onecycle", 0.1, {"three_phase": True},
     lambda o: L.OneCycleLR(o, max_lr=0.1, total_steps=STEPS, three_phase=True,
                            cycle_momentum=False)),
    ("onecycle_three_phase_linear", "onecycle", 0.1,
     {"three_phase": True, "anneal_strategy": "linear", "pct_start": 0.2},
     lambda o: L.OneCycleLR(o, max_lr=0.1, total_steps=STEPS, three_phase=True,
                            anneal_strategy="linear", pct_start=0.2, cycle_momentum=False)),
    ("onecycle_custom", "onecycle", 0.1,
     {"max_lr": 0.5, "total_steps": 400, "pct_start": 0.25, "div_factor": 10.0,
      "final_div_factor": 100.0},
     lambda o: L.OneCycleLR(o, max_lr=0.5, total_steps=400, pct_start=0.25, div_factor=10.0,
                            final_div_factor=100.0, cycle_momentum=False)),
    ("onecycle_pct0", "onecycle", 0.1, {"pct_start": 0.0},
     lambda o: L.OneCycleLR(o, max_lr=0.1, total_steps=STEPS, pct_start=0.0,
                            cycle_momentum=False)),
    ("cyclic_triangular", "cyclic", 0.1, {"step_size_up": 40},
     lambda o: L.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=40, cycle_momentum=False)),
    ("cyclic_triangular2", "cyclic", 0.1,
     {"base_lr": 0.001, "max_lr": 0.05, "step_size_up": 30, "step_size_down": 50,
      "mode": "triangular2"},
     lambda o: L.CyclicLR(o, base_lr=0.001, max_lr=0.05, step_size_up=30, step_size_down=50,
                          mode="triangular2", cycle_momentum=False)),
    ("cyclic_exp_range", "cyclic", 0.1,
     {"step_size_up": 25, "mode": "exp_range", "gamma": 0.995},
     lambda o: L.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=25, mode="exp_range",
                          gamma=0.995, cycle_momentum=False)),
    ("lambda_power", "lambda", 0.1, {"lr_lambda": "0.95**t"},
     lambda o: L.LambdaLR(o, lambda t: 0.95**t)),
    ("lambda_inverse", "lambda", 0.1, {"lr_lambda": "1/(1 + 0.05*t)"},
     lambda o: L.LambdaLR(o, lambda t: 1 / (1 + 0.05 * t))),
    ("lambda_wave", "lambda", 0.1, {"lr_lambda": "exp(-t/100)*(1 + cos(t/10))/2"},
     lambda o: L.LambdaLR(o, lambda t: math.exp(-t / 100) * (1 + math.cos(t / 10)) / 2)),
    ("warmup_cosine_default", "warmup_cosine", 0.1, {},
     warmup(1.0 / 3, 20, lambda o: L.CosineAnnealingLR(o, T_max=STEPS - 20))),
    ("warmup_cosine_periodic", "warmup_cosine", 0.1,
     {"start_factor": 0.01, "warmup_steps": 30, "T_max": 100, "eta_min": 1e-4},
     warmup(0.01, 30, lambda o: L.CosineAnnealingLR(o, T_max=100, eta_min=1e-4))),
    ("warmup_cosine_warm_restarts", "warmup_cosine_warm_restarts", 0.1,
     {"start_factor": 0.1, "warmup_steps": 15, "T_0": 20, "T_mult": 2},
     warmup(0.1, 15, lambda o: L.CosineAnnealingWarmRestarts(o, T_0=20, T_mult=2))),
    ("warmup_step", "warmup_step", 0.1, {"warmup_steps": 10, "step_size": 40, "gamma": 0.5},
     warmup(1.0 / 3, 10, lambda o: L.StepLR(o, step_size=40, gamma=0.5))),
    ("warmup_multistep", "warmup_multistep", 0.1,
     {"start_factor": 0.2, "warmup_steps": 25, "milestones": [0, 60, 150], "gamma": 0.3},
     warmup(0.2, 25, lambda o: L.MultiStepLR(o, milestones=[0, 60, 150], gamma=0.3))),
    ("warmup_exponential", "warmup_exponential", 0.1, {"warmup_steps": 50, "gamma": 0.98},
     warmup(1.0 / 3, 50, lambda o: L.ExponentialLR(o, gamma=0.98))),
    ("warmup_polynomial", "warmup_polynomial", 0.1, {"start_factor": 0.05, "power": 2.0},
     warmup(0.05, 20, lambda o: L.PolynomialLR(o, total_iters=STEPS - 20, power=2.0))),
]  # fmt: skip


def loss_sequences(steps: int) -> list[list[float]]:
    """Decay into a noisy floor, a noisy decay, exact repeats (stairs), and inf/nan spikes."""
    rng = np.random.default_rng(5)
    k = np.arange(steps)
    floor = np.maximum(np.exp(-k / 30), 0.05) + 1e-3 * rng.standard_normal(steps)
    noisy = np.exp(-k / 100) * (1 + 0.1 * rng.standard_normal(steps))
    stairs = np.repeat(np.array([5.0, 4.0, 4.0, 3.0, 2.5, 2.5, 2.5, 2.0, 1.0, 1.0]), steps // 10)
    spikes = np.exp(-k / 60)
    spikes[[40, 41, 120]] = np.inf
    spikes[[80, 200]] = np.nan
    return [seq.tolist() for seq in (floor, noisy, stairs, spikes)]


PLATEAU_CASES: list[tuple[str, float, dict]] = [
    ("default", 0.1, {}),
    ("abs_cooldown", 0.1, {"threshold_mode": "abs", "threshold": 0.01, "patience": 5,
                           "cooldown": 3, "factor": 0.5}),
    ("max_rel", 0.1, {"mode": "max", "patience": 4, "factor": 0.3}),
    ("max_abs_min_lr", 0.1, {"mode": "max", "threshold_mode": "abs", "threshold": 0.05,
                             "cooldown": 2, "min_lr": 0.02, "patience": 3}),
    ("eps_blocks", 1.0, {"eps": 0.05, "factor": 0.5, "patience": 2}),
    ("factor_zero", 0.1, {"factor": 0.0, "min_lr": 1e-3, "patience": 20}),
    ("patience_zero", 0.1, {"patience": 0, "factor": 0.9}),
    ("threshold_one", 0.1, {"threshold": 1.0, "patience": 7}),
]  # fmt: skip


def plateau_sequence(lr: float, params: dict, losses: list[float]) -> list[float]:
    param = torch.zeros(2, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=lr)
    scheduler = L.ReduceLROnPlateau(optimizer, **params)
    lrs = []
    for loss in losses:
        lrs.append(float(optimizer.param_groups[0]["lr"]))
        optimizer.step()
        scheduler.step(loss)
    return lrs


def changes(lrs: list[float]) -> list[list[float]]:
    """[step, lr] wherever the lr differs from the step before: plateau lrs are stairs."""
    return [[k, lr] for k, lr in enumerate(lrs) if k == 0 or lr != lrs[k - 1]]


def plateau_fixture() -> dict:
    losses = loss_sequences(STEPS)
    cases = []
    for case_id, lr, params in PLATEAU_CASES:
        # "max" watches a metric that should rise: the tests mirror the losses the same way.
        metric = "1 - loss" if params.get("mode") == "max" else "loss"
        seqs = [[1.0 - x for x in seq] for seq in losses] if metric == "1 - loss" else losses
        lr_changes = [changes(plateau_sequence(lr, params, seq)) for seq in seqs]
        cases.append(
            {"id": case_id, "lr": lr, "params": params, "metric": metric, "lr_changes": lr_changes}
        )
    return {"steps": STEPS, "losses": losses, "cases": cases}


A = [[1.0, 0.5], [0.5, 10.0]]  # f(p) = 0.5 p^T A p, per start point
X0 = [[1.5, 1.0], [-2.0, 0.5], [0.3, -1.2]]


def quadratic(p: torch.Tensor) -> torch.Tensor:
    """Loss of each row of p (N, 2)."""
    return 0.5 * torch.einsum("ni,ij,nj->n", p, torch.tensor(A), p)


def adamw_cosine_run(steps: int) -> dict:
    """All start points share one AdamW (its update is elementwise) and one cosine schedule."""
    hparams = {"lr": 0.1, "weight_decay": 0.1}
    schedule = {"eta_min": 1e-3}
    p = torch.tensor(X0, requires_grad=True)
    optimizer = torch.optim.AdamW([p], **hparams)
    scheduler = L.CosineAnnealingLR(optimizer, T_max=steps, **schedule)
    xy, lrs = [p.detach().clone().tolist()], []
    for _ in range(steps):
        optimizer.zero_grad()
        quadratic(p).sum().backward()
        lrs.append(float(optimizer.param_groups[0]["lr"]))
        optimizer.step()
        scheduler.step()
        xy.append(p.detach().clone().tolist())
    return {
        "optimizer": "adamw", "hparams": {"weight_decay": hparams["weight_decay"]},
        "lr": hparams["lr"], "schedule": "cosine", "schedule_params": schedule,
        "A": A, "x0": X0, "steps": steps, "xy": xy, "lrs": lrs,
    }  # fmt: skip


def sgd_plateau_run(steps: int) -> dict:
    """One SGD + ReduceLROnPlateau per start point: each point's lr follows its own loss."""
    hparams = {"momentum": 0.9}
    schedule = {"factor": 0.5, "patience": 4}
    lr = 0.05
    xy_per_point, lrs_per_point = [], []
    for x0 in X0:
        p = torch.tensor([x0], requires_grad=True)
        optimizer = torch.optim.SGD([p], lr=lr, **hparams)
        scheduler = L.ReduceLROnPlateau(optimizer, **schedule)
        xy, lrs = [x0], []
        for _ in range(steps):
            optimizer.zero_grad()
            loss = quadratic(p).sum()
            loss.backward()
            lrs.append(float(optimizer.param_groups[0]["lr"]))
            optimizer.step()
            scheduler.step(loss.item())
            xy.append(p.detach()[0].tolist())
        xy_per_point.append(xy)
        lrs_per_point.append(lrs)
    return {
        "optimizer": "sgd", "hparams": hparams, "lr": lr, "schedule": "plateau",
        "schedule_params": schedule, "A": A, "x0": X0, "steps": steps,
        "xy": np.transpose(np.array(xy_per_point), (1, 0, 2)).tolist(),  # (steps+1, N, 2)
        "lrs": np.array(lrs_per_point).T.tolist(),  # (steps, N)
    }  # fmt: skip


def write(name: str, payload: dict) -> None:
    path = OUT / name
    path.write_text(json.dumps({"torch": torch.__version__, **payload}, allow_nan=True) + "\n")
    print(f"wrote {path.relative_to(OUT.parent.parent.parent)} ({path.stat().st_size} bytes)")


def main() -> None:
    torch.set_default_dtype(torch.float64)
    # SequentialLR steps its second scheduler with the deprecated epoch argument.
    warnings.filterwarnings("ignore", category=UserWarning, module="torch.optim.lr_scheduler")
    OUT.mkdir(parents=True, exist_ok=True)
    cases = [
        {"id": case_id, "name": name, "lr": lr, "steps": STEPS, "params": params,
         "lrs": lr_sequence(factory, lr, STEPS)}
        for case_id, name, lr, params, factory in CASES
    ]  # fmt: skip
    write("schedules.json", {"cases": cases})
    write("plateau.json", plateau_fixture())
    write("runs.json", {"adamw_cosine": adamw_cosine_run(150), "sgd_plateau": sgd_plateau_run(120)})


if __name__ == "__main__":
    main()
