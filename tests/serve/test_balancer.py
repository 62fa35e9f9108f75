"""The balancer of `make serve`, through real nginx to real replicas: stickiness, static
files, and the traffic no browser sends (garbage frames, floods, too many sessions)."""

from __future__ import annotations

import contextlib
import http.client
import os
import socket

import pytest
import requests
from websockets.exceptions import ConnectionClosed, InvalidStatus

from deploy.serve import healthy, streamlit_static_root
from tests.serve.streamlit_client import (
    exceptions,
    next_message,
    open_session,
    rerun_message,
    run_page,
    wait_finished,
)
from tests.support.serve import CLIENT_BURST, CLIENT_SESSIONS
from ui.chart import COMPONENT
from ui.plotly_bundles import BUNDLES, available, bundle_url

COOKIE = "otl_replica"
FLOOD_RERUNS = 200
# Loopback addresses of their own: nginx counts its per-client limits by address, and these
# tests must neither be counted with the others nor leave the others a spent allowance.
GREEDY_CLIENT = "127.0.0.2"
FLOODER = "127.0.0.3"


def _replica_of(lab, cookie: str) -> str:
    response = requests.get(f"{lab.url}/_stcore/health", cookies={COOKIE: cookie}, timeout=10)
    assert response.status_code == 200
    return response.headers["X-Upstream"]


def _cookies_on_each_replica(lab) -> dict[str, str]:
    """One sticky cookie per replica address, as nginx hands them to new browsers."""
    found: dict[str, str] = {}
    for _ in range(40):
        response = requests.get(f"{lab.url}/_stcore/health", timeout=10)
        found.setdefault(response.headers["X-Upstream"], response.cookies[COOKIE])
        if len(found) == len(lab.replica_ports()):
            return found
    raise AssertionError(f"40 new browsers all went to {sorted(found)}")


def test_a_browser_stays_on_the_replica_its_cookie_names(lab):
    with requests.Session() as browser:
        first = browser.get(f"{lab.url}/playground", timeout=10)
        cookie = browser.cookies[COOKIE]
        upstreams = {browser.get(f"{lab.url}/_stcore/health", timeout=10).headers["X-Upstream"]}
        upstreams |= {
            browser.get(f"{lab.url}/_stcore/host-config", timeout=10).headers["X-Upstream"]
            for _ in range(5)
        }
        # The cookie is set once, on the first answer; later answers leave it alone.
        later = browser.get(f"{lab.url}/_stcore/health", timeout=10)
        assert COOKIE not in later.headers.get("Set-Cookie", "")
    assert first.status_code == 200 and "<title>" in first.text
    assert upstreams == {first.headers["X-Upstream"]}
    assert _replica_of(lab, cookie) == first.headers["X-Upstream"]
    ports = {f"127.0.0.1:{port}" for port in lab.replica_ports()}
    assert set(_cookies_on_each_replica(lab)) == ports


def test_streamlit_static_files_come_from_nginx_not_a_replica(lab):
    bundle = sorted(os.listdir(os.path.join(streamlit_static_root(), "static", "js")))[0]
    response = requests.get(f"{lab.url}/static/js/{bundle}", timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/javascript"
    assert "X-Upstream" not in response.headers
    with open(os.path.join(streamlit_static_root(), "static", "js", bundle), "rb") as source:
        assert response.content == source.read()


def test_the_plotly_bundles_come_from_nginx_compressed_and_kept_a_week(lab):
    for bundle in available():
        response = requests.get(f"{lab.url}/{bundle_url(bundle)}", timeout=30)
        assert response.status_code == 200 and "X-Upstream" not in response.headers
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.headers["Cache-Control"] == f"max-age={7 * 24 * 3600}"
        assert response.content == BUNDLES[bundle].read_bytes()  # requests decompresses


def test_a_websocket_session_runs_the_playground_on_its_replica(lab):
    cookie = next(iter(_cookies_on_each_replica(lab).values()))
    with open_session(lab.url, cookie) as ws:
        assert ws.response.headers["X-Upstream"] == _replica_of(lab, cookie)
        messages = run_page(ws, "playground", "steps=20")
    assert exceptions(messages) == []
    charts = [m for m in messages if m.delta.new_element.bidi_component.component_name == COMPONENT]
    assert charts, "the Playground drew no chart"


def _garbage_is_refused(lab, cookie: str, frame: bytes | str) -> None:
    with open_session(lab.url, cookie) as ws:
        ws.send(frame)
        with pytest.raises(ConnectionClosed):
            ws.recv(timeout=30)


def test_malformed_frames_close_their_own_connection_only(lab):
    replica, cookie = next(iter(_cookies_on_each_replica(lab).items()))
    with open_session(lab.url, cookie) as bystander:
        run_page(bystander, "playground", "steps=20")
        _garbage_is_refused(lab, cookie, os.urandom(4096))  # not a BackMsg
        _garbage_is_refused(lab, cookie, "not protobuf")  # a text frame
        _garbage_is_refused(lab, cookie, b"\x0a" * (3 * 1024 * 1024))  # over maxWidgetStateSize
        _raw_bytes_after_upgrade(lab, cookie)
        # The replica and the session that shared it are still there.
        assert healthy(f"http://{replica}")
        assert exceptions(run_page(bystander, "playground", "steps=21")) == []


def _raw_bytes_after_upgrade(lab, cookie: str) -> None:
    """Bytes that are not websocket framing at all, straight after the handshake."""
    host, port = lab.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(
            (
                "GET /_stcore/stream HTTP/1.1\r\n"
                f"Host: {host}:{port}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                "Sec-WebSocket-Protocol: streamlit\r\n"
                f"Cookie: {COOKIE}={cookie}\r\n\r\n"
            ).encode()
        )
        assert sock.recv(4096).startswith(b"HTTP/1.1 101")
        # The replica closes it: an EOF, or a reset when it closes with our bytes still unread.
        with contextlib.suppress(ConnectionResetError, BrokenPipeError):
            sock.sendall(os.urandom(65536))
            while sock.recv(4096):
                pass


def test_a_flood_of_reruns_runs_a_bounded_number_of_scripts(lab):
    """One client asking for 200 reruns at once: its requests coalesce into a few runs, and
    another session on the same replica is served meanwhile."""
    cookie = next(iter(_cookies_on_each_replica(lab).values()))
    with open_session(lab.url, cookie) as flood, open_session(lab.url, cookie) as student:
        for step in range(FLOOD_RERUNS):
            flood.send(rerun_message("playground", f"steps={20 + step % 50}"))
        student_messages = run_page(student, "playground", "steps=30")
        flood_messages = wait_finished(flood)
        # Drain what the flood still has coming: every run it started ends in script_finished.
        while True:
            try:
                flood_messages.append(next_message(flood, timeout_s=5))
            except TimeoutError:
                break
    assert exceptions(student_messages) == []
    runs = [m for m in flood_messages if m.WhichOneof("type") == "script_finished"]
    assert 1 <= len(runs) < FLOOD_RERUNS / 4


def test_one_client_cannot_open_more_sessions_than_its_share(lab):
    opened, refused = 0, []
    with contextlib.ExitStack() as sessions:
        for _ in range(CLIENT_SESSIONS + 3):
            try:
                sessions.enter_context(open_session(lab.url, source=GREEDY_CLIENT))
                opened += 1
            except InvalidStatus as err:
                refused.append(err.response.status_code)
    assert refused and set(refused) == {429}
    assert opened <= CLIENT_SESSIONS
    # A limit on open sessions, not a ban: once closed, the next one is accepted.
    with open_session(lab.url, source=GREEDY_CLIENT) as ws:
        assert exceptions(run_page(ws, "playground", "steps=20")) == []


def test_an_http_flood_from_one_client_is_answered_429_not_queued(lab):
    host, port = lab.url.removeprefix("http://").split(":")
    flood = http.client.HTTPConnection(host, int(port), timeout=10, source_address=(FLOODER, 0))
    codes = []
    for _ in range(CLIENT_BURST + 100):
        flood.request("GET", "/_stcore/health")
        response = flood.getresponse()
        response.read()
        codes.append(response.status)
    flood.close()
    assert codes[0] == 200 and codes[-1] == 429
    assert set(codes) == {200, 429}
    # Everyone else is still served.
    assert requests.get(f"{lab.url}/_stcore/health", timeout=10).status_code == 200
