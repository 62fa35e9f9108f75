"""Parity with torch.optim 2.13 (float64): every algorithm, every flag combination.

References come from tools/make_reference.py (300 steps on a quadratic, 40 on Rosenbrock,
and a per-step lr array on the quadratic), compared at rtol 1e-10.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import optimizers

from .local_surfaces import SURFACES

FIXTURES = Path(__file__).parent / "fixtures"
RTOL = 1e-10
ATOL = 1e-12  # for coordinates crossing zero; everything here is O(1)


def _load() -> list[tuple[dict, dict[str, np.ndarray]]]:
    cases = []
    for path in sorted(FIXTURES.glob("*.npz")):
        with np.load(path, allow_pickle=False) as data:
            for case in json.loads(str(data["cases"])):
                prefix = f"{case['key']}_"
                arrays = {
                    k.removeprefix(prefix): data[k] for k in data.files if k.startswith(prefix)
                }
                cases.append((case, arrays))
    return cases


CASES = _load()


def _case_id(case: dict) -> str:
    flags = ",".join(f"{k}={v}" for k, v in case["hparams"].items() if k != "lr") or "defaults"
    kind = "schedule" if case["scheduled"] else case["surface"]
    return f"{case['optimizer']}-{kind}-{flags}"


def test_fixtures_cover_every_torch_backed_optimizer_and_stay_small():
    torch_backed = {n for n in optimizers.names() if optimizers.get(n).torch_class}
    assert {case["optimizer"] for case, _ in CASES} == torch_backed
    assert sum(p.stat().st_size for p in FIXTURES.glob("*.npz")) < 2 * 1024 * 1024


def test_fixtures_cover_every_flag_of_every_optimizer():
    """Each torch hyperparameter differs from its default in at least one case."""
    for name in optimizers.names():
        spec = optimizers.get(name)
        if spec.torch_class is None:
            continue
        changed = {
            k
            for case, _ in CASES
            if case["optimizer"] == name
            for k, v in case["hparams"].items()
            if k != "lr"
            and v != (list(d) if isinstance(d := spec.hparams[k].default, tuple) else d)
        }
        torch_names = {k for k, hp in spec.hparams.items() if hp.torch and k != "lr"}
        assert changed == torch_names, name


@pytest.mark.parametrize(("case", "ref"), CASES, ids=[_case_id(c) for c, _ in CASES])
def test_matches_torch(case: dict, ref: dict[str, np.ndarray]):
    surface = SURFACES[case["surface"]](case["sign"])
    hparams = dict(case["hparams"])
    schedule = ref.get("lr")
    if schedule is not None:
        hparams.pop("lr")
    traj = optimizers.run(
        case["optimizer"],
        surface,
        np.array(case["x0"]),
        case["steps"],
        schedule=schedule,
        **hparams,
    )
    assert (traj.diverged_step == -1).all()
    np.testing.assert_allclose(traj.xy[case["rows"]], ref["xy"], rtol=RTOL, atol=ATOL)
    recorded = {k.removeprefix("state_") for k in ref if k.startswith("state_")}
    assert set(traj.state) == recorded
    rows = np.array(case["state_rows"]) - 1
    for name in recorded:
        expected = ref[f"state_{name}"]
        # buffers shrink toward 0 as the runs converge: absolute tolerance at their scale
        atol = ATOL * max(1.0, float(np.abs(expected).max()))
        np.testing.assert_allclose(
            traj.state[name][rows], expected, rtol=RTOL, atol=atol, err_msg=name
        )
