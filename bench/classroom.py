"""Benchmark: a class of simulated students on one machine, over Streamlit's own protocol.

    python bench/classroom.py --students 1,5,10,20,30,45,60 [--url URL]
                              [--scenario playground|sweep] [--json out.json]

Each student is a headless client, not a browser: it GETs the page (so a balancer's sticky
cookie is set and sent with the websocket), opens /_stcore/stream and speaks BackMsg /
ForwardMsg protobufs the way the frontend does: the first rerun names the page, later ones
carry the link's query string, the page's script hash, every widget's value and the hashes
of the cached messages. The load is therefore the server's work alone.

Scenarios, ramped over the given class sizes (all students of a size start at once):
  playground  open /playground, then move the first optimizer's learning-rate slider
              --moves times, --think seconds apart; time each move -> script_finished
  sweep       open /sweep; time until each student's heatmap (the first chart) arrives

Without --url the script starts its own `streamlit run app.py` on a free loopback port.
Per class size it prints page-ready and update p50/p95/max, the errors (count and first
messages), and the server's RSS before and after divided by the class size: of its own
server, of the processes listening on --url's port, or of --pid / --pid-file processes
(the replicas behind a balancer). Loopback targets only; bounded in students and seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import glob
import ipaddress
import json
import math
import os
import random
import signal
import socket
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field, replace
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ContextInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.Slider_pb2 import Slider
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: the tests' server helper is shared
from tests.support.server import streamlit_server  # noqa: E402

LR_LABEL = "learning rate lr"
PAGES = {"playground": "playground", "sweep": "sweep"}
MAX_STUDENTS = 200  # per class size: beyond this the client, not the server, is measured
MAX_SECONDS_CEILING = 3600
CONNECT_TIMEOUT_S = 15.0
MAX_MESSAGE_BYTES = 64 * 2**20
FIRST_ERRORS = 3

_FINISHED = ForwardMsg.ScriptFinishedStatus
# FINISHED_EARLY_FOR_RERUN means a rerun follows (the app's shell does that on a fresh server).
_DONE = {_FINISHED.FINISHED_SUCCESSFULLY, _FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
# Widgets whose value the frontend sends only after a click or a selection. The lab's chart
# (ui.chart) is a component; older trees (a benchmark's baseline) drew with st.plotly_chart.
_EVENT_WIDGETS = {
    "button",
    "download_button",
    "dataframe",
    "form_submit_button",
    "bidi_component",
    "plotly_chart",
}


def is_chart(kind: str, element) -> bool:
    """Whether a new element is a chart: the lab's own, or st.plotly_chart's (older trees)."""
    if kind == "bidi_component":
        return element.component_name == "lab_chart"  # ui.chart.COMPONENT (a client: no ui)
    return kind == "plotly_chart"


class ClassroomError(Exception):
    """What went wrong for one student, in a sentence for the report."""


# --- widget state, as the frontend keeps it ---------------------------------------------------


def initial_widget_state(kind: str, widget) -> WidgetState | None:
    """The value the frontend sends for a widget it has just received (None: nothing yet).

    A widget the server sets (``set_value``) takes the server's value, a new one its default.
    """
    state = WidgetState(id=widget.id)
    if kind == "slider":
        if widget.type == Slider.SELECT_SLIDER:
            if widget.set_value and widget.raw_value:
                strings = list(widget.raw_value)
            else:
                picked = widget.value if widget.set_value else widget.default
                strings = [widget.options[int(i)] for i in picked]
            state.string_array_value.data.extend(strings)
        else:
            state.double_array_value.data.extend(
                widget.value if widget.set_value else widget.default
            )
    elif kind in ("selectbox", "radio"):
        if widget.set_value and widget.HasField("raw_value"):
            state.string_value = widget.raw_value
        elif widget.HasField("default"):
            state.string_value = widget.options[widget.default]
        else:
            return None
    elif kind == "checkbox":
        state.bool_value = widget.value if widget.set_value else widget.default
    elif kind == "number_input":
        if widget.set_value and widget.HasField("value"):
            number = widget.value
        elif widget.HasField("default"):
            number = widget.default
        else:
            return None
        if widget.data_type == widget.INT:
            state.int_value = int(number)
        else:
            state.double_value = number
    elif kind in ("button_group", "multiselect"):
        if widget.set_value and widget.raw_values:
            strings = list(widget.raw_values)
        else:
            options = [getattr(o, "content", o) for o in widget.options]
            strings = [options[i] for i in widget.default]
        state.string_array_value.data.extend(strings)
    elif kind in ("text_input", "text_area"):
        if widget.set_value and widget.HasField("value"):
            state.string_value = widget.value
        elif widget.HasField("default"):
            state.string_value = widget.default
        else:
            return None
    else:
        raise ClassroomError(f"widget type {kind!r} is not modelled: its value is not sent")
    return state


@dataclass
class Widgets:
    """Every widget's current value, dropped when a finished run no longer shows it."""

    states: dict[str, WidgetState] = field(default_factory=dict)
    fragments: dict[str, str] = field(default_factory=dict)  # widget id -> its fragment's id
    shown: set[str] = field(default_factory=set)

    def observe(self, kind: str, widget, fragment_id: str) -> None:
        if kind in _EVENT_WIDGETS or not getattr(widget, "id", ""):
            return
        self.shown.add(widget.id)
        self.fragments[widget.id] = fragment_id
        if widget.id not in self.states or getattr(widget, "set_value", False):
            state = initial_widget_state(kind, widget)
            if state is not None:
                self.states[widget.id] = state

    def run_finished(self, fragments: set[str]) -> None:
        """Forget the widgets the run no longer showed: a run of ``fragments`` (none: the
        whole page) shows only theirs."""
        ran = set(self.states)
        if fragments:
            ran = {w for w in ran if self.fragments.get(w) in fragments}
        for gone in ran - self.shown:
            del self.states[gone]
            self.fragments.pop(gone, None)
        self.shown = set()

    def proto(self) -> WidgetStates:
        return WidgetStates(widgets=list(self.states.values()))


def moved_slider(widget, state: WidgetState, direction: int) -> WidgetState:
    """The slider one step along ``direction`` (+1/-1), turning back at either end."""
    moved = WidgetState(id=state.id)
    if widget.type == Slider.SELECT_SLIDER:
        options = list(widget.options)
        index = options.index(state.string_array_value.data[0])
        if not 0 <= index + direction < len(options):
            direction = -direction
        moved.string_array_value.data.append(options[index + direction])
    else:
        value = state.double_array_value.data[0]
        if not widget.min <= value + direction * widget.step <= widget.max:
            direction = -direction
        moved.double_array_value.data.append(value + direction * widget.step)
    return moved


def slider_value(state: WidgetState) -> str:
    if state.string_array_value.data:
        return state.string_array_value.data[0]
    return f"{state.double_array_value.data[0]:g}"


# --- one student's connection -----------------------------------------------------------------


async def http_get(base: str, path: str, timeout: float) -> dict[str, str]:
    """GET ``path`` like a browser opening the link; returns the cookies the server set."""
    parts = urlsplit(base)
    reader, writer = await asyncio.wait_for(
        asyncio.open_connection(parts.hostname, parts.port or 80), timeout
    )
    try:
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nAccept: text/html\r\n"
            "Connection: close\r\n\r\n"
        )
        writer.write(request.encode("ascii"))
        await writer.drain()
        response = await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()
    head = response.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    status = head[0].split(" ", 2)
    if len(status) < 2 or status[1] != "200":
        raise ClassroomError(f"GET {path}: {head[0]!r}")
    cookies = SimpleCookie()
    for line in head[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "set-cookie":
            cookies.load(value.strip())
    return {name: morsel.value for name, morsel in cookies.items()}


@dataclass
class RunSeen:
    """What one script run sent: its first chart's arrival and the sliders by label."""

    chart_at: float | None = None
    sliders: dict[str, tuple[object, str]] = field(default_factory=dict)
    fragment_id: str = ""  # of the run's request: "" for the whole page
    fragments: set[str] = field(default_factory=set)  # of every delta the run sent


class StudentConnection:
    """A browser tab as the server sees it: the page's link state, widgets and message cache."""

    def __init__(self, base: str, page: str, query: str, timeout: float) -> None:
        self.base, self.page, self.timeout = base, page, timeout
        self.query_string = query  # the address bar's, kept up to date by page_info_changed
        self.page_script_hash = ""
        self.widgets = Widgets()
        # The page's sliders by label (the first of each), kept as the browser keeps them: a
        # run of fragments sends only theirs, and a slider's callback may redraw other parts.
        self.sliders: dict[str, tuple[object, str]] = {}
        self.cache: dict[str, tuple[int, ForwardMsg]] = {}  # hash -> (run it was last seen, msg)
        self.max_cache_age = 2
        self.runs = 0
        self.ws = None

    async def open(self) -> None:
        path = f"/{self.page}" + (f"?{self.query_string}" if self.query_string else "")
        cookies = await http_get(self.base, path, CONNECT_TIMEOUT_S)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
        # The frontend passes the XSRF cookie as the second subprotocol entry.
        protocols = ["streamlit"] + (
            [cookies["_streamlit_xsrf"]] if "_streamlit_xsrf" in cookies else []
        )
        self.ws = await connect(
            self.base.replace("http", "ws", 1) + "/_stcore/stream",
            origin=self.base,
            subprotocols=protocols,
            additional_headers=headers,
            open_timeout=CONNECT_TIMEOUT_S,
            max_size=MAX_MESSAGE_BYTES,
            proxy=None,
        )

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def rerun(self, changed: WidgetState | None = None) -> RunSeen:
        """Ask for a run, as the page's first load (no script hash yet) or a widget change.

        A widget drawn inside an ``st.fragment`` asks for that fragment's run only, as the
        frontend does (the fragment id its delta carried).
        """
        seen = RunSeen()
        message = BackMsg()
        state = message.rerun_script
        if changed is not None:
            self.widgets.states[changed.id] = changed
            seen.fragment_id = self.widgets.fragments.get(changed.id, "")
            state.fragment_id = seen.fragment_id
        state.query_string = self.query_string
        state.widget_states.CopyFrom(self.widgets.proto())
        if self.page_script_hash:
            state.page_script_hash = self.page_script_hash
        else:
            state.page_name = self.page
        state.cached_message_hashes.extend(self.cache)
        state.context_info.CopyFrom(
            ContextInfo(
                timezone="UTC",
                timezone_offset=0,
                locale="en-US",
                url=f"{self.base}/{self.page}?{self.query_string}".rstrip("?"),
                is_embedded=False,
                color_scheme="light",
            )
        )
        await self.ws.send(message.SerializeToString())
        try:
            await asyncio.wait_for(self._until_finished(seen), self.timeout)
        except TimeoutError:
            raise ClassroomError(
                f"/{self.page}: no script_finished within --timeout {self.timeout:g} s"
            ) from None
        return seen

    async def _until_finished(self, seen: RunSeen) -> None:
        while True:
            message = ForwardMsg()
            message.ParseFromString(await self.ws.recv())
            kind = message.WhichOneof("type")
            if kind == "ref_hash":
                message = self._cached(message.ref_hash)
                kind = message.WhichOneof("type")
            elif message.metadata.cacheable:
                self.cache[message.hash] = (self.runs, message)
            if kind == "new_session":
                self.max_cache_age = message.new_session.config.max_cached_message_age
            elif kind == "navigation":
                # The page being shown (new_session names the main script, app.py).
                self.page_script_hash = message.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query_string = message.page_info_changed.query_string
            elif kind == "delta":
                seen.fragments.add(message.delta.fragment_id)
                if message.delta.WhichOneof("type") == "new_element":
                    self._element(message.delta.new_element, message.delta.fragment_id, seen)
            elif kind == "script_finished":
                status = message.script_finished
                if status == _FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    raise ClassroomError(f"/{self.page}: the script did not compile")
                if status in _DONE:
                    # The fragments that ran: those the run names (a callback may have
                    # named others than the request's) and those nested in them.
                    ran = set(message.metadata.run.fragment_ids) | seen.fragments
                    fragment_run = status == _FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
                    self._run_finished(seen, ran if fragment_run else set())
                    return

    def _cached(self, ref_hash: str) -> ForwardMsg:
        if ref_hash not in self.cache:
            raise ClassroomError(f"server referred to message {ref_hash} this client never had")
        self.cache[ref_hash] = (self.runs, self.cache[ref_hash][1])
        return self.cache[ref_hash][1]

    def _element(self, element, fragment_id: str, seen: RunSeen) -> None:
        kind = element.WhichOneof("type")
        widget = getattr(element, kind)
        if kind == "exception":
            raise ClassroomError(f"/{self.page} raised {widget.type}: {widget.message}")
        if is_chart(kind, widget) and seen.chart_at is None:
            seen.chart_at = time.perf_counter()
        if kind == "slider":
            seen.sliders.setdefault(widget.label, (widget, widget.id))
        self.widgets.observe(kind, widget, fragment_id)

    def _run_finished(self, seen: RunSeen, fragments: set[str]) -> None:
        self.widgets.run_finished(fragments)
        kept = {label: s for label, s in self.sliders.items() if s[1] in self.widgets.states}
        self.sliders = {**seen.sliders, **kept} if fragments else dict(seen.sliders)
        self.runs += 1
        self.cache = {
            h: (run, m)
            for h, (run, m) in self.cache.items()
            if self.runs - run < self.max_cache_age
        }


# --- a student's lesson and a class of them ---------------------------------------------------


@dataclass
class StudentResult:
    page_ready: float | None = None
    chart: float | None = None
    updates: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    slider_id: str = ""
    last_value: str = ""
    query_string: str = ""


@dataclass
class Lesson:
    scenario: str
    moves: int
    think: tuple[float, float]
    timeout: float
    query: str = ""  # the link every student opens


async def attend(
    base: str, lesson: Lesson, rng: random.Random, result: StudentResult, worked: asyncio.Event,
    release: asyncio.Event,
) -> None:  # fmt: skip
    """One student: open the page, do the lesson, stay connected until the class is measured."""
    student = StudentConnection(base, PAGES[lesson.scenario], lesson.query, lesson.timeout)
    try:
        opened = time.perf_counter()
        await student.open()
        seen = await student.rerun()
        result.page_ready = time.perf_counter() - opened
        if seen.chart_at is not None:
            result.chart = seen.chart_at - opened
        elif lesson.scenario == "sweep":
            raise ClassroomError("/sweep finished without a chart")
        if lesson.scenario == "playground":
            await move_lr_slider(student, lesson, rng, result)
        result.query_string = student.query_string
    except Exception as error:  # also a refused connection, a websocket the server closed...
        result.errors.append(f"{type(error).__name__}: {error}" if str(error) else repr(error))
    finally:
        worked.set()
        with contextlib.suppress(Exception):
            await release.wait()
            await student.close()


async def move_lr_slider(
    student: StudentConnection, lesson: Lesson, rng: random.Random, result: StudentResult
) -> None:
    """Move the first learning-rate slider on the page, found anew by its label every time."""
    for _ in range(lesson.moves):
        if LR_LABEL not in student.sliders:
            raise ClassroomError(f"no slider labelled {LR_LABEL!r} on /{student.page}")
        widget, widget_id = student.sliders[LR_LABEL]
        result.slider_id = result.slider_id or widget_id
        await asyncio.sleep(rng.uniform(*lesson.think))
        changed = moved_slider(widget, student.widgets.states[widget_id], rng.choice((-1, 1)))
        result.last_value = slider_value(changed)
        start = time.perf_counter()
        await student.rerun(changed)
        result.updates.append(time.perf_counter() - start)


@dataclass
class StepReport:
    students: int
    scenario: str
    page_ready: dict[str, float | None]
    updates: dict[str, float | None]
    measured_updates: int
    errors: int
    first_errors: list[str]
    rss_before_mb: float | None
    rss_after_mb: float | None
    mb_per_session: float | None
    server_cpu_s: float | None
    wall_s: float
    complete: bool


def summary(values: list[float]) -> dict[str, float | None]:
    """p50, p95 (nearest rank) and max, in seconds."""
    if not values:
        return {"p50": None, "p95": None, "max": None}
    ordered = sorted(values)

    def rank(p: float) -> float:
        return ordered[max(0, math.ceil(p * len(ordered)) - 1)]

    return {"p50": rank(0.50), "p95": rank(0.95), "max": ordered[-1]}


async def run_class(
    base: str, students: int, lesson: Lesson, server: ServerProcesses, seed: int, budget: float
) -> tuple[StepReport, list[StudentResult]]:
    """``students`` at once; memory is read while every one of them is still connected."""
    before = server.rss_mb()
    cpu_before = server.cpu_seconds()
    results = [StudentResult() for _ in range(students)]
    worked = [asyncio.Event() for _ in range(students)]
    release = asyncio.Event()
    started = time.perf_counter()
    tasks = [
        asyncio.create_task(
            attend(base, lesson, random.Random(seed * 1_000 + i), results[i], worked[i], release)
        )
        for i in range(students)
    ]
    complete = True
    try:
        await asyncio.wait_for(asyncio.gather(*(w.wait() for w in worked)), budget)
    except TimeoutError:
        complete = False
        for result, done in zip(results, worked, strict=True):
            if not done.is_set():
                result.errors.append("stopped: the run's --max-seconds was reached")
    wall = time.perf_counter() - started
    after = server.rss_mb()
    cpu_after = server.cpu_seconds()
    release.set()
    for task in tasks:
        if not complete:
            task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)

    errors = [e for r in results for e in r.errors]
    timed = [r.updates for r in results] if lesson.scenario == "playground" else [
        [r.chart] for r in results if r.chart is not None
    ]  # fmt: skip
    flat = [t for ts in timed for t in ts]
    per_session = None if before is None or after is None else (after - before) / students
    report = StepReport(
        students=students,
        scenario=lesson.scenario,
        page_ready=summary([r.page_ready for r in results if r.page_ready is not None]),
        updates=summary(flat),
        measured_updates=len(flat),
        errors=len(errors),
        first_errors=list(dict.fromkeys(errors))[:FIRST_ERRORS],
        rss_before_mb=before,
        rss_after_mb=after,
        mb_per_session=per_session,
        server_cpu_s=None if cpu_before is None else cpu_after - cpu_before,
        wall_s=wall,
        complete=complete,
    )
    return report, results


# --- the server: our own process, or the one behind --url ------------------------------------


def _proc_children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = Path(stat).read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.split("/")[2]))
    return children


def _listening_pids(port: int) -> list[int]:
    """Processes with a listening TCP socket on ``port`` (read from /proc, Linux only)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                cols = line.split()
                if cols[3] == "0A" and int(cols[1].rsplit(":", 1)[1], 16) == port:
                    inodes.add(f"socket:[{cols[9]}]")
    pids = []
    for fd_dir in glob.glob("/proc/[0-9]*/fd"):
        with contextlib.suppress(OSError):
            if any(os.readlink(f"{fd_dir}/{fd}") in inodes for fd in os.listdir(fd_dir)):
                pids.append(int(fd_dir.split("/")[2]))
    return pids


@dataclass
class ServerProcesses:
    """The server's processes (and their children), whose memory and CPU the report shows."""

    roots: list[int]
    pid_files: list[str] = field(default_factory=list)  # globs, read anew: replicas restart

    def pids(self) -> list[int]:
        roots = list(self.roots)
        for pattern in self.pid_files:
            for path in sorted(glob.glob(pattern)):
                with contextlib.suppress(OSError, ValueError, IndexError):
                    roots.append(int(Path(path).read_text().split()[0]))
        children, found, todo = _proc_children(), [], roots
        while todo:
            pid = todo.pop()
            if pid not in found:
                found.append(pid)
                todo.extend(children.get(pid, []))
        return found

    def rss_mb(self) -> float | None:
        total, any_read = 0, False
        for pid in self.pids():
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        any_read = True
        return total / 1024 if any_read else None

    def cpu_seconds(self) -> float | None:
        ticks, any_read = 0, False
        for pid in self.pids():
            with contextlib.suppress(OSError, ValueError, IndexError):
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                ticks += int(fields[11]) + int(fields[12])  # utime + stime
                any_read = True
        return ticks / os.sysconf("SC_CLK_TCK") if any_read else None


def loopback_url(url: str) -> str:
    """``url`` without a trailing slash, if it names an http server on this machine only."""
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise SystemExit(f"--url must be http://HOST:PORT on loopback, got {url!r}")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise SystemExit(f"--url host {parts.hostname!r} does not resolve: {error}") from None
    addresses = {ipaddress.ip_address(info[4][0]) for info in infos}
    if not all(a.is_loopback for a in addresses):
        raise SystemExit(
            f"refusing --url {url!r}: a load test targets loopback only "
            f"(resolves to {', '.join(map(str, sorted(addresses, key=str)))})"
        )
    return f"http://{parts.netloc}"


@contextlib.contextmanager
def own_server(log_dir: Path, root: Path = ROOT):
    """`streamlit run app.py` of the tree at ``root`` on a free loopback port (the tests'
    server: its own process group, stopped after) and its processes."""
    with streamlit_server(log_dir / "streamlit.log", root=root) as url:
        yield url, ServerProcesses(_listening_pids(urlsplit(url).port))


def given_server(url: str, pids: list[int], pid_files: list[str]) -> ServerProcesses:
    """The processes named, else those listening on the URL's port (a balancer's replicas
    listen elsewhere: name them, e.g. ``--pid-file '.serve/replica-*.pid'`` for make serve)."""
    if pids or pid_files:
        return ServerProcesses(pids, pid_files)
    return ServerProcesses(_listening_pids(urlsplit(url).port or 80))


# --- the report -------------------------------------------------------------------------------


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def markdown_table(reports: list[StepReport]) -> str:
    update = "heatmap" if reports and reports[0].scenario == "sweep" else "slider -> update"
    header = (
        f"| students | page ready p50 / p95 / max (s) | {update} p50 / p95 / max (s) "
        "| measured | errors | server RSS before -> after (MB) | MB per session "
        "| server CPU (s) / wall (s) |"
    )
    lines = [header, "|" + " --- |" * 8]
    for r in reports:
        rss = "-" if r.rss_before_mb is None else f"{r.rss_before_mb:.0f} -> {r.rss_after_mb:.0f}"
        cpu = "-" if r.server_cpu_s is None else f"{r.server_cpu_s:.1f} / {r.wall_s:.1f}"
        lines.append(
            f"| {r.students}{'' if r.complete else ' (stopped)'} "
            f"| {' / '.join(_s(v) for v in r.page_ready.values())} "
            f"| {' / '.join(_s(v) for v in r.updates.values())} | {r.measured_updates} "
            f"| {r.errors} | {rss} | {_s(r.mb_per_session)} | {cpu} |"
        )
    for r in reports:
        for error in r.first_errors:
            lines.append(f"\n{r.students} students: {error}")
    return "\n".join(lines)


def class_lesson(lesson: Lesson, number: int) -> Lesson:
    """The lesson for the ``number``-th class (0: the warm-up).

    On /sweep every class opens one link of its own (the noise seed differs, which the
    grid's cache key holds but a noiseless surface ignores): a class's identical requests
    then meet a cold cache, as a class opening a new link does, not the previous class's.
    """
    if lesson.scenario != "sweep" or lesson.query:
        return lesson
    return replace(lesson, query=f"seed={number}")


async def ramp(
    url: str, sizes: list[int], lesson: Lesson, server: ServerProcesses, seed: int,
    max_seconds: float, warm_up: bool, reports: list[StepReport], log=print,
) -> None:  # fmt: skip
    """Each class size in turn (after one unmeasured student warms imports and caches),
    appended to ``reports`` as it finishes, so an interrupted ramp keeps what it measured."""
    deadline = time.monotonic() + max_seconds
    if warm_up:
        warm, _ = await run_class(url, 1, class_lesson(lesson, 0), server, seed, max_seconds)
        log(f"warm-up: page ready {_s(warm.page_ready['max'])} s, {warm.errors} errors")
    for number, size in enumerate(sizes, start=1):
        budget = deadline - time.monotonic()
        if budget <= 0:
            log(f"stopped before {size} students: --max-seconds {max_seconds:.0f} reached")
            break
        report, _ = await run_class(url, size, class_lesson(lesson, number), server, seed, budget)
        reports.append(report)
        log(
            f"{size} students: update p95 {_s(report.updates['p95'])} s, "
            f"{report.errors} errors, {report.wall_s:.0f} s"
        )
        if not report.complete:
            break


def class_sizes(text: str) -> list[int]:
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or any(not 1 <= n <= MAX_STUDENTS for n in sizes):
        raise argparse.ArgumentTypeError(
            f"--students: class sizes between 1 and {MAX_STUDENTS}, comma-separated; got {text!r}"
        )
    return sizes


def think_range(text: str) -> tuple[float, float]:
    lo, _, hi = text.partition(",")
    low, high = float(lo), float(hi or lo)
    if not 0 <= low <= high <= 60:
        raise argparse.ArgumentTypeError(f"--think: LOW,HIGH seconds in [0, 60]; got {text!r}")
    return low, high


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--students",
        type=class_sizes,
        default=class_sizes("1,5,10"),
        help=f"class sizes to ramp over, e.g. 1,5,10,20,30,45,60 (each <= {MAX_STUDENTS})",
    )
    parser.add_argument("--scenario", choices=sorted(PAGES), default="playground")
    parser.add_argument("--url", help="an already running lab on loopback (default: start one)")
    parser.add_argument(
        "--pid",
        type=int,
        action="append",
        default=[],
        help="server process whose memory to read (repeatable; default: by port)",
    )
    parser.add_argument(
        "--pid-file",
        action="append",
        default=[],
        help="file(s) holding a server pid, glob allowed (repeatable), read at every "
        "measurement: '.serve/replica-*.pid' for make serve",
    )
    parser.add_argument("--moves", type=int, default=10, help="slider moves per student")
    parser.add_argument(
        "--think",
        type=think_range,
        default=(0.5, 2.0),
        help="think time between moves, LOW,HIGH seconds (uniform)",
    )
    parser.add_argument(
        "--timeout", type=float, default=120.0, help="seconds to wait for one script run to finish"
    )
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=300.0,
        help=f"the whole ramp stops after this (at most {MAX_SECONDS_CEILING})",
    )
    parser.add_argument("--seed", type=int, default=0, help="think times and slider directions")
    parser.add_argument("--no-warm-up", dest="warm_up", action="store_false")
    parser.add_argument("--json", type=Path, help="also write the reports here")
    args = parser.parse_args()  # fmt: skip
    if not 0 < args.max_seconds <= MAX_SECONDS_CEILING:
        parser.error(f"--max-seconds: in (0, {MAX_SECONDS_CEILING}]; got {args.max_seconds}")
    if not 0 <= args.moves <= 100:
        parser.error(f"--moves: in [0, 100]; got {args.moves}")

    sys.stdout.reconfigure(line_buffering=True)  # progress lines show up in a log file too
    # A plain `kill` still stops our own server and prints what was measured.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by SIGTERM"))
    lesson = Lesson(args.scenario, args.moves, args.think, args.timeout)
    reports: list[StepReport] = []
    with contextlib.ExitStack() as stack:
        stack.callback(report_all, reports, args.json)
        if args.url:
            url = loopback_url(args.url)
            server = given_server(url, list(args.pid), args.pid_file)
        else:
            log_dir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            url, server = stack.enter_context(own_server(log_dir))
        print(f"target {url}, server pids {server.pids() or 'unknown'}, scenario {args.scenario}")
        asyncio.run(
            ramp(
                url, args.students, lesson, server, args.seed, args.max_seconds, args.warm_up,
                reports,
            )
        )  # fmt: skip


def report_all(reports: list[StepReport], json_path: Path | None) -> None:
    print()
    print(markdown_table(reports))
    if json_path:
        json_path.write_text(json.dumps([asdict(r) for r in reports], indent=2) + "\n")


if __name__ == "__main__":
    main()
