"""The parser sits below both of its users: surfaces (custom formulas) and schedules (LambdaLR)."""

from __future__ import annotations

import json
import subprocess
import sys


def _modules_loaded_by(code: str, names: tuple[str, ...]) -> list[str]:
    loaded = f"[m for m in {names!r} if m in sys.modules]"
    probe = f"{code}; import json, sys; print(json.dumps({loaded}))"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def test_formulas_import_neither_their_users_nor_ui_libraries():
    code = "import formulas; formulas.compile_function('0.95**t', ('t',))"
    forbidden = ("surfaces", "optimizers", "streamlit", "plotly")
    assert _modules_loaded_by(code, forbidden) == []


def test_a_lambda_schedule_does_not_reach_into_the_surfaces():
    code = "from optimizers import schedules; schedules.make('lambda', lr=0.1, steps=5)"
    assert _modules_loaded_by(code, ("surfaces", "formulas")) == ["formulas"]
