"""`make serve`: the lab for a class on one machine.

REPLICAS `streamlit run app.py` processes on free loopback ports behind nginx (Debian's, run
as the current user in the foreground), rendered from deploy/nginx.conf.template into a run
directory that also holds the pid files, logs and nginx's temp files. A replica that exits is
started again on the same port (nginx skips it meanwhile); Ctrl-C (or SIGTERM) stops nginx,
then every replica with whatever it started (Kaleido's Chromium), and nothing is left behind.

    python deploy/serve.py --replicas 2 --port 8501 --address 0.0.0.0
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script, from deploy/

from ui.plotly_bundles import STATIC_DIR, publish  # noqa: E402  (Plotly's files, no Streamlit)

TEMPLATE = Path(__file__).with_name("nginx.conf.template")
REPLICA = Path(__file__).with_name("replica.py")
PLACEHOLDER = re.compile(r"\$\{([A-Z_]+)\}")
NGINX_MISSING = "nginx not found: sudo make system-deps (or apt-get install -y nginx)"

# Passive health checks: one failed connection takes a replica out for FAIL_TIMEOUT_S.
MAX_FAILS = 1
FAIL_TIMEOUT_S = 5
START_TIMEOUT_S = 90
STOP_TIMEOUT_S = 10
POLL_S = 0.5
# A replica that dies within HEALTHY_AFTER_S of its start waits twice as long before the
# next attempt (up to MAX_BACKOFF_S): a crash loop must not eat the cores it is meant to use.
HEALTHY_AFTER_S = 30
MAX_BACKOFF_S = 30
PR_SET_PDEATHSIG = 1


def render(template: str, values: Mapping[str, str]) -> str:
    """Replace each ``${NAME}`` of ``template``; every name must have a value."""
    missing = sorted(set(PLACEHOLDER.findall(template)) - set(values))
    if missing:
        raise KeyError(f"no value for {', '.join(missing)} in {TEMPLATE.name}")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def upstream_servers(addresses: Iterable[str]) -> str:
    """The ``server`` lines of the upstream block, one per replica address."""
    return "\n        ".join(
        f"server {address} max_fails={MAX_FAILS} fail_timeout={FAIL_TIMEOUT_S}s;"
        for address in addresses
    )


def listen_address(address: str, port: int) -> str:
    """nginx's ``listen`` argument; "localhost" is pinned to IPv4 like ``make run``'s."""
    if address == "localhost":
        address = "127.0.0.1"
    return f"[{address}]:{port}" if ":" in address else f"{address}:{port}"


def public_address(address: str, port: int) -> str:
    """What to tell the class: a wildcard address is reached by this machine's name."""
    if address in ("0.0.0.0", "::"):
        return f"{socket.gethostname()}:{port}"
    return listen_address(address, port)


def streamlit_static_root() -> str:
    """The directory holding Streamlit's index.html and static/ (JS, CSS, fonts)."""
    import streamlit

    return str(Path(streamlit.__file__).parent / "static")


def find_nginx() -> str | None:
    """nginx on PATH, or where Debian puts it (/usr/sbin is not on a user's PATH)."""
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def free_loopback_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_taken(address: str, port: int) -> bool:
    """Whether something already listens where the class should connect (nginx would only
    say so in its log, and the supervisor would restart it forever)."""
    host = listen_address(address, port).rsplit(":", 1)[0].strip("[]")
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False


def healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
            return response.read().strip() == b"ok"
    except OSError:
        return False


def _die_with_parent() -> None:
    """In the child: SIGTERM when serve.py itself dies, even by SIGKILL (Linux only)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


@dataclass
class Child:
    """One supervised process, in a process group of its own (so is all it starts)."""

    name: str
    argv: list[str]
    log_path: Path
    pid_path: Path
    env: dict[str, str] = field(default_factory=dict)
    proc: subprocess.Popen | None = None
    started_at: float = 0.0
    backoff_s: float = 1.0
    restart_at: float | None = None

    def start(self) -> None:
        with self.log_path.open("a") as log:
            self.proc = subprocess.Popen(
                self.argv,
                cwd=ROOT,
                env={**os.environ, **self.env},
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )
        self.started_at = time.monotonic()
        self.restart_at = None
        self.pid_path.write_text(f"{self.proc.pid}\n")

    def exited(self) -> int | None:
        return None if self.proc is None else self.proc.poll()

    def reap_group(self) -> None:
        """Kill what the dead process left in its group (a Chromium it started)."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)

    def schedule_restart(self, now: float) -> None:
        quick = now - self.started_at < HEALTHY_AFTER_S
        self.backoff_s = min(MAX_BACKOFF_S, self.backoff_s * 2) if quick else 1.0
        self.restart_at = now + self.backoff_s

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc is not None and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, sig)

    def wait_stopped(self, deadline: float) -> None:
        if self.proc is None:
            return
        try:
            self.proc.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.stop(signal.SIGKILL)
            self.proc.wait()
        self.reap_group()
        self.pid_path.unlink(missing_ok=True)


class Stop(Exception):
    """SIGINT, SIGTERM or SIGHUP arrived: shut everything down."""


def _raise_stop(signum: int, _frame: object) -> None:
    raise Stop(signal.Signals(signum).name)


def replica(port: int, run_dir: Path, cookie_secret: str) -> Child:
    argv = [
        sys.executable, str(REPLICA),
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    return Child(
        name=f"replica 127.0.0.1:{port}",
        argv=argv,
        log_path=run_dir / f"replica-{port}.log",
        pid_path=run_dir / f"replica-{port}.pid",
        # One secret for all: a browser moved to another replica keeps a valid XSRF cookie.
        # In the environment rather than argv, so `ps` does not show it.
        env={"STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret},
    )


def user_directive() -> str:
    """Started by root (CI, a container), nginx's workers would become `nobody`, who cannot
    write the run directory: keep them as the user who started it, as without root."""
    if os.geteuid() != 0:
        return ""
    return f"user {pwd.getpwuid(os.geteuid()).pw_name};"


def nginx_config(args: argparse.Namespace, run_dir: Path, ports: list[int]) -> str:
    return render(
        TEMPLATE.read_text(),
        {
            "LISTEN": listen_address(args.address, args.port),
            "UPSTREAM_SERVERS": upstream_servers(f"127.0.0.1:{port}" for port in ports),
            "RUN_DIR": str(run_dir),
            "STATIC_ROOT": streamlit_static_root(),
            "APP_STATIC_ROOT": str(STATIC_DIR),
            "CLIENT_RATE": str(args.client_rate),
            "CLIENT_BURST": str(args.client_burst),
            "CLIENT_SESSIONS": str(args.client_sessions),
            "USER_DIRECTIVE": user_directive(),
        },
    )


def log(message: str) -> None:
    print(f"serve: {message}", flush=True)


def wait_until_healthy(children: list[Child], ports: list[int]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    waiting = dict(zip(ports, children, strict=True))
    while waiting:
        for port, child in list(waiting.items()):
            if child.exited() is not None:
                raise SystemExit(f"serve: {child.name} exited at start; see {child.log_path}")
            if healthy(f"http://127.0.0.1:{port}"):
                log(f"{child.name} is up (log: {child.log_path})")
                del waiting[port]
        if waiting and time.monotonic() > deadline:
            raise SystemExit(f"serve: replicas not healthy after {START_TIMEOUT_S} s")
        time.sleep(POLL_S)


def supervise(children: list[Child]) -> None:
    """Forever: start again whatever exited, after its backoff."""
    while True:
        now = time.monotonic()
        for child in children:
            code = child.exited()
            if code is None:
                continue
            if child.restart_at is None:
                child.reap_group()
                child.schedule_restart(now)
                log(f"{child.name} exited ({code}); restarting in {child.backoff_s:.0f} s")
            elif now >= child.restart_at:
                child.start()
                log(f"{child.name} restarted (pid {child.proc.pid})")
        time.sleep(POLL_S)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument("--address", default="localhost")
    parser.add_argument("--run-dir", type=Path, default=ROOT / ".serve")
    parser.add_argument("--client-rate", type=int, default=50, help="HTTP requests/s per client")
    parser.add_argument("--client-burst", type=int, default=500)
    parser.add_argument("--client-sessions", type=int, default=100, help="per client address")
    args = parser.parse_args(argv)
    if args.replicas < 1:
        parser.error(f"--replicas must be at least 1, got {args.replicas}")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if port_taken(args.address, args.port):
        raise SystemExit(f"serve: port {args.port} on {args.address} is in use; pick another PORT")
    nginx = find_nginx()
    if nginx is None:
        raise SystemExit(f"serve: {NGINX_MISSING}")
    run_dir = args.run_dir.resolve()
    run_dir.mkdir(parents=True, exist_ok=True)
    ports = [free_loopback_port() for _ in range(args.replicas)]
    publish()  # nginx serves Plotly.js from disk from the first page on
    conf = run_dir / "nginx.conf"
    conf.write_text(nginx_config(args, run_dir, ports))
    check = subprocess.run(
        [nginx, "-t", "-q", "-p", str(run_dir), "-c", str(conf), "-e", str(run_dir / "error.log")],
        capture_output=True,
        text=True,
    )
    if check.returncode != 0:
        raise SystemExit(f"serve: nginx rejects {conf}:\n{check.stderr.strip()}")

    cookie_secret = secrets.token_hex(32)
    replicas = [replica(port, run_dir, cookie_secret) for port in ports]
    balancer = Child(
        name="nginx",
        argv=[nginx, "-p", str(run_dir), "-c", str(conf), "-e", str(run_dir / "error.log")],
        log_path=run_dir / "nginx.out",
        pid_path=run_dir / "nginx.pid",
    )
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _raise_stop)
    children = [*replicas, balancer]
    try:
        for child in replicas:
            child.start()
        wait_until_healthy(replicas, ports)
        balancer.start()
        log(
            f"the lab is at http://{public_address(args.address, args.port)} with "
            f"{args.replicas} replicas (run dir {run_dir}); Ctrl-C stops it"
        )
        supervise(children)
    except Stop as stop:
        log(f"{stop}: stopping")
    finally:
        # Ignore further signals: a second Ctrl-C must not cut the cleanup short.
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
        for child in [balancer, *replicas]:
            child.stop()
        deadline = time.monotonic() + STOP_TIMEOUT_S
        for child in children:
            child.wait_stopped(deadline)
        log("stopped")


if __name__ == "__main__":
    main()
