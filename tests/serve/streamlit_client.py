"""A Streamlit client without a browser: the websocket protocol the frontend speaks.

Enough of it to run a page and see it finish, as a student's tab would, and to send the
balancer what no tab would.
"""

from __future__ import annotations

import socket

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import ClientConnection, connect

FINISHED = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
RUN_TIMEOUT_S = 90


def open_session(
    base_url: str, replica_cookie: str | None = None, source: str = "127.0.0.1"
) -> ClientConnection:
    """A websocket to /_stcore/stream; the cookie pins it to that cookie's replica.

    ``source`` is the loopback address to connect from: the balancer's per-client limits
    count by address, so a test of them uses one of its own.
    """
    host, port = base_url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=30, source_address=(source, 0))
    headers = {"Cookie": f"otl_replica={replica_cookie}"} if replica_cookie else None
    return connect(
        f"ws://{host}:{port}/_stcore/stream",
        sock=sock,
        subprotocols=["streamlit"],
        additional_headers=headers,
        max_size=None,
        open_timeout=30,
    )


def rerun_message(page: str, query: str = "") -> bytes:
    msg = BackMsg()
    msg.rerun_script.page_name = page
    msg.rerun_script.query_string = query
    return msg.SerializeToString()


def next_message(ws: ClientConnection, timeout_s: float = RUN_TIMEOUT_S) -> ForwardMsg:
    msg = ForwardMsg()
    msg.ParseFromString(ws.recv(timeout=timeout_s))
    return msg


def wait_finished(ws: ClientConnection, timeout_s: float = RUN_TIMEOUT_S) -> list[ForwardMsg]:
    """Every message up to the first run that finishes successfully (not one cut short)."""
    received = []
    while True:
        msg = next_message(ws, timeout_s)
        received.append(msg)
        if msg.WhichOneof("type") == "script_finished" and msg.script_finished == FINISHED:
            return received


def run_page(ws: ClientConnection, page: str, query: str = "") -> list[ForwardMsg]:
    ws.send(rerun_message(page, query))
    return wait_finished(ws)


def exceptions(messages: list[ForwardMsg]) -> list[str]:
    """The messages of the exception boxes a run drew (none on a healthy page)."""
    return [
        msg.delta.new_element.exception.message
        for msg in messages
        if msg.WhichOneof("type") == "delta"
        and msg.delta.new_element.WhichOneof("type") == "exception"
    ]
