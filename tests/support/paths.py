"""Where the repository is, for tests that start its scripts."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
