"""The layers hold by import: experiments run the core without drawing or serving anything,
and the figures of sweeps and basins draw what they are given without running the core."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _imported(path: Path) -> set[str]:
    """Top-level package of every module ``path`` imports (relative imports: its own)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(path.parent.name if node.level else node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "experiments").glob("*.py")), ids=str)
def test_experiments_import_neither_streamlit_nor_plotly_nor_the_ui(path):
    assert not _imported(path) & {"streamlit", "plotly", "ui", "viz", "pages"}


@pytest.mark.parametrize("name", ["sweep", "basins"])
def test_the_sweep_and_basins_figures_do_not_run_the_core(name):
    assert not _imported(ROOT / "viz" / f"{name}.py") & {"optimizers", "surfaces", "experiments"}


def test_the_check_sees_an_import():
    assert {"optimizers", "numpy"} <= _imported(ROOT / "experiments" / "sweep.py")
