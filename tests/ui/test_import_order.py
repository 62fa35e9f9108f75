"""What must be imported once, at app start, before script threads run concurrently."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_shell_imports_pandas_whole_before_plotly_can_read_it_from_sys_modules():
    # Plotly's encoder uses sys.modules.get("pandas"): had a page thread started that import
    # lazily, a second thread would read a half-made module (the race of issue 11, seen with
    # `python bench/classroom.py --students 4 --moves 1 --no-warm-up`). A fresh interpreter
    # shows whether importing the shell alone leaves a complete pandas behind.
    probe = (
        "import sys, ui.shell\n"
        "pandas = sys.modules.get('pandas')\n"
        "print(pandas is not None and hasattr(pandas, 'Series') and hasattr(pandas, 'NaT'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "True"
