"""The serve tests share one running `make serve` (helpers: tests/support/serve.py)."""

from __future__ import annotations

import pytest

from tests.support.serve import Lab, running_lab


@pytest.fixture(scope="session")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Lab:
    with running_lab(tmp_path_factory.mktemp("serve")) as running:
        yield running
