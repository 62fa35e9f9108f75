"""`make serve`'s script, started for real: two replicas behind nginx on a free loopback port."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from deploy.serve import find_nginx, free_loopback_port, healthy
from tests.support.paths import ROOT

NGINX_MISSING = "nginx not found: apt-get install -y nginx"
START_TIMEOUT_S = 120
STOP_TIMEOUT_S = 30
# Small per-client limits, so the tests can reach them; the browser tests stay well inside.
CLIENT_SESSIONS = 8
CLIENT_RATE = 5
CLIENT_BURST = 100


@dataclass
class Lab:
    url: str
    run_dir: Path
    proc: subprocess.Popen

    def replica_ports(self) -> list[int]:
        return sorted(int(p.stem.split("-")[1]) for p in self.run_dir.glob("replica-*.pid"))

    def replica_pid(self, port: int) -> int:
        return int((self.run_dir / f"replica-{port}.pid").read_text())

    def nginx_pid(self) -> int:
        return int((self.run_dir / "nginx.pid").read_text())

    def log(self) -> str:
        return (self.run_dir / "serve.out").read_text()


def wait_until(condition, what: str, lab: Lab, timeout_s: float = START_TIMEOUT_S) -> None:
    """Poll ``condition`` until true; fail with serve.py's output otherwise."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if lab.proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{what}; serve.py said:\n{lab.log()}")
        time.sleep(0.2)


@contextlib.contextmanager
def running_lab(run_dir: Path, replicas: int = 2):
    """deploy/serve.py in a session of its own; yields once the balancer answers."""
    if find_nginx() is None:
        pytest.skip(NGINX_MISSING)
    port = free_loopback_port()
    cmd = [
        sys.executable, "deploy/serve.py",
        "--replicas", str(replicas),
        "--port", str(port),
        "--address", "127.0.0.1",
        "--run-dir", str(run_dir),
        "--client-sessions", str(CLIENT_SESSIONS),
        "--client-rate", str(CLIENT_RATE),
        "--client-burst", str(CLIENT_BURST),
    ]  # fmt: skip
    run_dir.mkdir(parents=True, exist_ok=True)
    with (run_dir / "serve.out").open("w") as out:
        proc = subprocess.Popen(
            cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    lab = Lab(url=f"http://127.0.0.1:{port}", run_dir=run_dir, proc=proc)
    try:
        wait_until(lambda: healthy(lab.url), "the balancer never answered", lab)
        yield lab
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGINT)  # what Ctrl-C sends
        try:
            proc.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
