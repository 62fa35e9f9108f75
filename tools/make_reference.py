"""Write the torch.optim reference trajectories the core's parity tests compare against.

Every torch-backed optimizer in every flag combination (amsgrad, maximize, nesterov,
dampening, centered, momentum, weight_decay, decoupled_weight_decay, lr_decay,
initial_accumulator_value, momentum_decay, betas, etas, step_sizes), run by torch 2.13 in
float64 from three start points:

- 300 steps on a well-conditioned quadratic (condition number about 3.3),
- 40 steps on Rosenbrock (its narrow valley amplifies rounding: keep such runs short),
- 300 steps on the quadratic with a per-step lr array (schedules), one per optimizer.

``maximize`` runs climb the negated surface, so they follow the same path downhill.
The surfaces are defined here, not imported from ``surfaces/``, so the references do not
move when that package changes; tests/core defines the same two functions.

Run from the repository root (needs torch==2.13.0 and numpy, see requirements-bench.txt)::

    python3 -m venv .venv-bench
    .venv-bench/bin/pip install -r requirements-bench.txt
    .venv-bench/bin/python tools/make_reference.py

It rewrites tests/core/fixtures/<optimizer>.npz (deterministic: re-running gives the same
numbers). Each file holds ``cases`` (JSON: optimizer, torch hparams, surface, sign, x0,
steps, stored rows) and per case ``<key>_xy`` (positions at ``rows``), ``<key>_state_<name>``
(torch's state after the steps in ``state_rows``) and, for schedule cases, ``<key>_lr``.
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import numpy as np
import torch

TORCH_VERSION = "2.13"
OUT = Path(__file__).resolve().parent.parent / "tests" / "core" / "fixtures"

QUADRATIC_START = [[-1.0, 2.0], [2.5, 1.0], [0.3, -1.7]]
ROSENBROCK_START = [[-1.5, 2.0], [-0.5, 0.5], [1.3, 1.2]]
LONG, SHORT = 300, 40
LONG_ROWS = sorted(set(range(11)) | set(range(0, LONG + 1, 20)))
LONG_STATE_ROWS = [1, 2, 5, 10, 50, 100, 200, 300]
SHORT_ROWS = list(range(SHORT + 1))
SHORT_STATE_ROWS = [1, 2, 5, 10, 20, 40]

TORCH_CLASS = {
    "sgd": "SGD",
    "adagrad": "Adagrad",
    "adadelta": "Adadelta",
    "rmsprop": "RMSprop",
    "adam": "Adam",
    "adamw": "AdamW",
    "adamax": "Adamax",
    "nadam": "NAdam",
    "radam": "RAdam",
    "rprop": "Rprop",
}
STATE = {
    "sgd": ["momentum_buffer"],
    "adagrad": ["sum"],
    "adadelta": ["square_avg", "acc_delta"],
    "rmsprop": ["square_avg", "momentum_buffer", "grad_avg"],
    "adam": ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"],
    "adamw": ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"],
    "adamax": ["exp_avg", "exp_inf"],
    "nadam": ["exp_avg", "exp_avg_sq", "mu_product"],
    "radam": ["exp_avg", "exp_avg_sq"],
    "rprop": ["prev", "step_size"],
}
# lr per optimizer and surface: fast enough to move, slow enough never to diverge.
LR = {
    "sgd": (0.05, 2e-4),
    "adagrad": (0.5, 0.05),
    "adadelta": (1.0, 1.0),
    "rmsprop": (0.01, 1e-3),
    "adam": (0.05, 1e-2),
    "adamw": (0.05, 1e-2),
    "adamax": (0.05, 1e-2),
    "nadam": (0.05, 1e-2),
    "radam": (0.05, 5e-4),
    "rprop": (0.01, 1e-3),
}
_DECAY = [{}, {"weight_decay": 0.1}, {"weight_decay": 0.1, "decoupled_weight_decay": True}]


def _grid(**axes: list) -> list[dict]:
    """Every combination of the axes' values (each value a dict of torch kwargs)."""
    combos = []
    for parts in itertools.product(*axes.values()):
        merged: dict = {}
        for part in parts:
            merged.update(part)
        combos.append(merged)
    return combos


_MAXIMIZE = [{}, {"maximize": True}]
FLAGS = {
    "sgd": _grid(
        momentum=[
            {},
            {"momentum": 0.9},
            {"momentum": 0.9, "dampening": 0.5},
            {"momentum": 0.9, "nesterov": True},
        ],
        decay=[{}, {"weight_decay": 0.1}],
        maximize=_MAXIMIZE,
    ),
    "adagrad": [
        *_grid(
            lr_decay=[{}, {"lr_decay": 0.01}],
            init=[{}, {"initial_accumulator_value": 0.1}],
            decay=[{}, {"weight_decay": 0.1}],
            maximize=_MAXIMIZE,
        ),
        {"eps": 1e-2},
    ],
    "adadelta": _grid(
        rho=[{}, {"rho": 0.5, "eps": 1e-4}],
        decay=[{}, {"weight_decay": 0.1}],
        maximize=_MAXIMIZE,
    ),
    "rmsprop": [
        *_grid(
            momentum=[{}, {"momentum": 0.5}],
            centered=[{}, {"centered": True}],
            decay=[{}, {"weight_decay": 0.1}],
            maximize=_MAXIMIZE,
        ),
        {"alpha": 0.9, "eps": 0.1},
    ],
    "adam": [
        *_grid(amsgrad=[{}, {"amsgrad": True}], decay=_DECAY, maximize=_MAXIMIZE),
        {"betas": (0.5, 0.9), "eps": 0.1},
        {"betas": (0.0, 0.99), "amsgrad": True},
    ],
    "adamw": [
        *_grid(
            amsgrad=[{}, {"amsgrad": True}],
            decay=[{}, {"weight_decay": 0.0}, {"weight_decay": 0.1}],
            maximize=_MAXIMIZE,
        ),
        {"betas": (0.5, 0.9), "eps": 0.1},
    ],
    "adamax": [
        *_grid(decay=[{}, {"weight_decay": 0.1}], maximize=_MAXIMIZE),
        {"betas": (0.5, 0.9), "eps": 0.1},
    ],
    "nadam": [
        *_grid(decay=_DECAY, momentum_decay=[{}, {"momentum_decay": 0.02}], maximize=_MAXIMIZE),
        {"betas": (0.5, 0.9), "eps": 0.1},
    ],
    "radam": [
        *_grid(decay=_DECAY, betas=[{}, {"betas": (0.8, 0.99)}], maximize=_MAXIMIZE),
        {"eps": 1e-3},
    ],
    "rprop": _grid(
        etas=[{}, {"etas": (0.3, 1.5)}],
        step_sizes=[{}, {"step_sizes": (1e-3, 0.1)}],
        maximize=_MAXIMIZE,
    ),
}
# One schedule case per optimizer, with the flags for which the scheduled lr matters most.
SCHEDULED = {
    "sgd": {"momentum": 0.9},
    "adagrad": {"lr_decay": 0.01},
    "adadelta": {},
    "rmsprop": {"momentum": 0.5},
    "adam": {"amsgrad": True},
    "adamw": {"weight_decay": 0.1},
    "adamax": {},
    "nadam": {"weight_decay": 0.1, "decoupled_weight_decay": True},
    "radam": {"weight_decay": 0.1, "decoupled_weight_decay": True},
    "rprop": {},
}


# --- the two surfaces (tests/core/surfaces_local.py has the same formulas) ------------------


def quadratic_grad(p: torch.Tensor) -> torch.Tensor:
    """f = 0.5 [3 dx^2 + dx dy + dy^2], dx = x - 1, dy = y + 0.5: minimum at (1, -0.5)."""
    dx, dy = p[:, 0] - 1.0, p[:, 1] + 0.5
    return torch.stack([3.0 * dx + 0.5 * dy, 0.5 * dx + 1.0 * dy], dim=1)


def rosenbrock_grad(p: torch.Tensor) -> torch.Tensor:
    """f = (1 - x)^2 + 100 (y - x^2)^2."""
    x, y = p[:, 0], p[:, 1]
    r = y - x * x
    return torch.stack([-2.0 * (1.0 - x) - 400.0 * x * r, 200.0 * r], dim=1)


GRAD = {"quadratic": quadratic_grad, "rosenbrock": rosenbrock_grad}


def cosine_lrs(base: float, steps: int) -> np.ndarray:
    """A schedule with every kind of change: base lr to 10% of it along a half cosine."""
    k = np.arange(steps)
    return base * (0.1 + 0.45 * (1.0 + np.cos(math.pi * k / steps)))


def run_case(case: dict, lrs: np.ndarray | None) -> dict[str, np.ndarray]:
    """Run one case in torch; return positions at ``rows`` and state at ``state_rows``."""
    p = torch.tensor(case["x0"], dtype=torch.float64, requires_grad=True)
    kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in case["hparams"].items()}
    opt = getattr(torch.optim, case["torch_class"])([p], foreach=False, **kwargs)
    grad, sign = GRAD[case["surface"]], case["sign"]
    rows, state_rows = set(case["rows"]), set(case["state_rows"])
    xy = [p.detach().numpy().copy()] if 0 in rows else []
    names = STATE[case["optimizer"]]
    state: dict[str, list] = {}
    for k in range(case["steps"]):
        if lrs is not None:
            for group in opt.param_groups:
                group["lr"] = float(lrs[k])
        with torch.no_grad():
            p.grad = sign * grad(p)
        opt.step()
        if k + 1 in rows:
            xy.append(p.detach().numpy().copy())
        if k + 1 in state_rows:
            buffers = opt.state[p]
            for name in names:
                if name in buffers and buffers[name] is not None:
                    value = buffers[name].detach().numpy().copy()
                    if value.ndim == 0:  # NAdam's mu_product: one number for the whole tensor
                        value = np.full(p.shape[0], float(value))
                    state.setdefault(name, []).append(value)
    out = {"xy": np.array(xy)}
    out.update({f"state_{name}": np.array(rows_) for name, rows_ in state.items()})
    if not np.all(np.isfinite(out["xy"])) or np.abs(out["xy"]).max() > 1e3:
        raise RuntimeError(f"reference run left the plot: {case}")
    return out


def cases_for(optimizer: str) -> list[tuple[dict, np.ndarray | None]]:
    cases = []
    lr_quadratic, lr_rosenbrock = LR[optimizer]
    runs = [
        ("quadratic", QUADRATIC_START, LONG, LONG_ROWS, LONG_STATE_ROWS, lr_quadratic),
        ("rosenbrock", ROSENBROCK_START, SHORT, SHORT_ROWS, SHORT_STATE_ROWS, lr_rosenbrock),
    ]
    for flags in FLAGS[optimizer]:
        for surface, x0, steps, rows, state_rows, lr in runs:
            cases.append(
                (_case(optimizer, {"lr": lr, **flags}, surface, x0, steps, rows, state_rows), None)
            )
    flags = SCHEDULED[optimizer]
    case = _case(
        optimizer,
        {"lr": lr_quadratic, **flags},
        "quadratic",
        QUADRATIC_START,
        LONG,
        LONG_ROWS,
        LONG_STATE_ROWS,
    )
    cases.append((case, cosine_lrs(lr_quadratic, LONG)))
    for i, (case, _) in enumerate(cases):
        case["key"] = f"c{i:03d}"
    return cases


def _case(optimizer, hparams, surface, x0, steps, rows, state_rows) -> dict:
    return {
        "optimizer": optimizer,
        "torch_class": TORCH_CLASS[optimizer],
        "hparams": {k: list(v) if isinstance(v, tuple) else v for k, v in hparams.items()},
        "surface": surface,
        "sign": -1.0 if hparams.get("maximize") else 1.0,
        "x0": x0,
        "steps": steps,
        "rows": rows,
        "state_rows": state_rows,
    }


def main() -> None:
    if not torch.__version__.startswith(TORCH_VERSION):
        raise SystemExit(f"needs torch {TORCH_VERSION}.x; found {torch.__version__}")
    torch.set_default_dtype(torch.float64)
    OUT.mkdir(parents=True, exist_ok=True)
    total = 0
    for optimizer in TORCH_CLASS:
        arrays: dict[str, np.ndarray] = {}
        meta = []
        for case, lrs in cases_for(optimizer):
            case["scheduled"] = lrs is not None
            result = run_case(case, lrs)
            for name, value in result.items():
                arrays[f"{case['key']}_{name}"] = value
            if lrs is not None:
                arrays[f"{case['key']}_lr"] = lrs
            meta.append(case)
        path = OUT / f"{optimizer}.npz"
        np.savez_compressed(path, cases=np.array(json.dumps(meta)), **arrays)
        total += path.stat().st_size
        print(f"{path.relative_to(OUT.parent.parent.parent)}: {len(meta)} cases")
    print(f"total {total / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
