"""A real Streamlit server for the browser tests (and the benchmarks): the lab as `make run`
serves it (deploy/replica.py), or `streamlit run` of another script, on a free port."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.support.paths import ROOT

SERVER_START_TIMEOUT_S = 60
REPLICA = "deploy/replica.py"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().strip() == b"ok"
    except OSError:
        return False


@contextlib.contextmanager
def streamlit_server(log_path: Path, script: str = "app.py", root: Path = ROOT):
    """`streamlit run script` of the tree at ``root`` on a free loopback port; yields its base
    URL, then stops its group."""
    port = _free_port()
    replica = root / REPLICA
    # The lab starts through its replica entry, as `make run` and `make serve` do (its GC
    # settings are part of what a move costs); a tree from before that entry, the plain way.
    if script == "app.py" and replica.exists():
        start = [sys.executable, str(replica)]
    else:
        start = [sys.executable, "-m", "streamlit", "run", script]
    cmd = [
        *start,
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            cmd, cwd=root, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + SERVER_START_TIMEOUT_S
            while not _healthy(url):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not start; see {log_path}")
                time.sleep(0.2)
            yield url
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
