"""The parser sits below both of its users: surfaces (custom formulas) and schedules (LambdaLR)."""

from __future__ import annotations

from tests.support.imports import modules_loaded_by


def test_formulas_import_neither_their_users_nor_ui_libraries():
    code = "import formulas; formulas.compile_function('0.95**t', ('t',))"
    forbidden = ("surfaces", "optimizers", "streamlit", "plotly")
    assert modules_loaded_by(code, forbidden) == []


def test_a_lambda_schedule_does_not_reach_into_the_surfaces():
    code = "from optimizers import schedules; schedules.make('lambda', lr=0.1, steps=5)"
    assert modules_loaded_by(code, ("surfaces", "formulas")) == ["formulas"]
