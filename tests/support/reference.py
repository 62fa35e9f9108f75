"""The committed torch reference fixtures (written by tools/make_*reference.py)."""

from __future__ import annotations

import json
from pathlib import Path

SCHEDULE_FIXTURES = Path(__file__).resolve().parents[1] / "schedules" / "fixtures"


def load_schedule_fixture(name: str) -> dict:
    """One fixture of tools/make_schedule_reference.py (torch 2.13, float64)."""
    return json.loads((SCHEDULE_FIXTURES / name).read_text())
