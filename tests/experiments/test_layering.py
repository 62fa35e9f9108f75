"""The layers hold by import: experiments run the core without drawing or serving anything,
and the figures of sweeps and basins draw what they are given without running the core."""

from __future__ import annotations

from tests.support.imports import modules_loaded_by


def test_experiments_import_neither_streamlit_nor_plotly_nor_the_ui():
    code = "import experiments.sweep, experiments.basins"
    forbidden = ("streamlit", "plotly", "ui", "viz", "optimizers")
    assert modules_loaded_by(code, forbidden) == ["optimizers"]


def test_the_sweep_and_basins_figures_do_not_run_the_core():
    code = "import viz.sweep, viz.basins"
    forbidden = ("optimizers", "surfaces", "experiments", "streamlit", "plotly")
    assert modules_loaded_by(code, forbidden) == ["plotly"]
