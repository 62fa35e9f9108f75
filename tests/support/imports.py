"""Which packages an import pulls in, seen from a fresh interpreter (layering checks)."""

from __future__ import annotations

import json
import subprocess
import sys


def modules_loaded_by(code: str, names: tuple[str, ...]) -> list[str]:
    """Those of ``names`` that are in sys.modules after running ``code`` in a new Python."""
    loaded = f"[m for m in {names!r} if m in sys.modules]"
    probe = f"{code}; import json, sys; print(json.dumps({loaded}))"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)
