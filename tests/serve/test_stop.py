"""Ctrl-C stops `make serve` whole: nginx, its workers and every replica, nothing orphaned."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from tests.serve.streamlit_client import open_session, run_page
from tests.support.serve import running_lab


def _children(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task")
    return [int(c) for task in tasks.iterdir() for c in (task / "children").read_text().split()]


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    # A zombie has exited; only its parent's wait is missing.
    return stat.rsplit(") ", 1)[1][0] != "Z"


def _group_empty(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


def test_ctrl_c_stops_nginx_and_every_replica(tmp_path):
    with running_lab(tmp_path / "run", replicas=1) as lab:
        (port,) = lab.replica_ports()
        with open_session(lab.url) as ws:  # a student connected when the teacher stops
            run_page(ws, "playground", "steps=20")
            replica, nginx = lab.replica_pid(port), lab.nginx_pid()
            workers = _children(nginx)
            assert workers, "nginx has no worker process"
            os.kill(lab.proc.pid, signal.SIGINT)
            assert lab.proc.wait(timeout=30) == 0
        for pid in (replica, nginx, *workers):
            assert not _alive(pid), f"process {pid} outlived serve.py"
        # Each child had a process group of its own; all of each is gone.
        assert _group_empty(replica) and _group_empty(nginx)
        assert "stopped" in lab.log().splitlines()[-1]
        assert not list(lab.run_dir.glob("*.pid"))
