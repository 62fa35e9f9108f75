"""The one headless Chromium that draws every exported image of the process.

Starting Chromium takes seconds and one render a few hundred milliseconds, so the process
keeps ONE Kaleido (one Chromium with ``RENDER_TABS`` tabs) running on its own event-loop
thread: started lazily by the first image, restarted if Chromium dies, closed at exit.
Concurrent callers (several Streamlit sessions) submit renders to that loop; Kaleido's tab
queue serializes them.

Kaleido reloads its page (and so parses plotly.js again) after every image, and draws each
figure from scratch. An animation therefore gets a page of its own in the same Chromium,
kept open for the life of the process (``frame_page.js``): the first frame is drawn whole,
each next one is applied as Play applies it, and a screenshot of the page is the frame.
One animation uses that page at a time; PNG and SVG requests meanwhile go to Kaleido's tabs.

Every page loads plotly.js from the installed plotly package and MathJax from the installed
``django-static-mathjax`` package, so rendering never touches the network.
"""

from __future__ import annotations

import asyncio
import atexit
import base64
import concurrent.futures
import contextlib
import queue
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import plotly

from export.mathjax import mathjax_script

CHROMIUM_INSTALL = "apt-get install -y chromium"
IMAGE_EXPORT_HELP = (
    "Image export (PNG, SVG, GIF, video) needs Chromium on the server: install it with "
    f"`{CHROMIUM_INSTALL}` (plus `fonts-noto-cjk` for Chinese text), or set the "
    "BROWSER_PATH environment variable to a Chrome/Chromium executable, then restart the app. "
    "HTML, CSV and JSON exports work without it."
)

RENDER_TABS = 2  # one tab renders while the other reloads plotly.js (Kaleido reloads per image)
START_TIMEOUT_S = 60.0
RENDER_TIMEOUT_S = 90.0  # Kaleido's own per-image limit; the caller waits a little longer
FRAME_TIMEOUT_S = 60.0  # one animation frame
PAGE_WAIT_TIMEOUT_S = 600.0  # the first frame may wait for another session's animation
STOP_TIMEOUT_S = 10.0

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
_FRAME_PAGE_JS = Path(__file__).with_name("frame_page.js")


class ImageExportUnavailableError(RuntimeError):
    """Raised by the image exporters when no Chromium can be found; the message says how."""


def chromium_available() -> bool:
    """True when Kaleido can find a Chrome/Chromium executable (BROWSER_PATH or system)."""
    from choreographer.browsers.chromium import Chromium

    path = Chromium.find_browser(skip_local=False)
    return bool(path) and Path(path).is_file()


def _local_scripts() -> list[Path]:
    """plotly.js and (where installed) MathJax, in the order the pages load them."""
    if not PLOTLY_JS.is_file():
        raise ImageExportUnavailableError(f"plotly.js bundle missing at {PLOTLY_JS}")
    mathjax = mathjax_script()
    return [PLOTLY_JS] if mathjax is None else [mathjax, PLOTLY_JS]


def _page_generator():
    import kaleido

    mathjax = mathjax_script()
    # Explicit local files: Kaleido's defaults are CDN links (MathJax) or fall back to one.
    return kaleido.PageGenerator(
        plotly=(PLOTLY_JS.as_uri(), "utf-8"),
        mathjax=False if mathjax is None else (mathjax.as_uri(), "utf-8"),
    )


def renderer_page_html() -> str:
    """The HTML page Kaleido's tabs load to render images: local scripts only, no CDN."""
    _local_scripts()
    return _page_generator().generate_index()


def frame_page_html() -> str:
    """The HTML page the animation tab keeps open: local scripts, one figure div."""
    scripts = "\n".join(
        f'<script src="{script.as_uri()}" charset="utf-8"></script>'
        for script in [*_local_scripts(), _FRAME_PAGE_JS]
    )
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        "<style>html, body { margin: 0; padding: 0; overflow: hidden; background: white; }"
        "</style>\n"
        f'{scripts}\n</head>\n<body><div id="figure"></div></body>\n</html>\n'
    )


def _checked(response: Mapping[str, Any], what: str) -> dict:
    """The DevTools result, or a RuntimeError naming the command and Chromium's message."""
    if "error" in response:
        raise RuntimeError(f"Chromium refused {what}: {response['error']}")
    result = response.get("result", {})
    if "exceptionDetails" in result:
        details = result["exceptionDetails"]
        message = details.get("exception", {}).get("description") or details.get("text")
        raise RuntimeError(f"plotly.js failed in {what}: {message}")
    return result


class _FramePage:
    """A Chromium tab with ``frame_page_html`` loaded: show an update, take a screenshot."""

    def __init__(self, tab: Any, page_object: str) -> None:
        self.tab = tab
        self._page_object = page_object
        self._size: tuple[int, int] | None = None

    @classmethod
    async def open(cls, browser: Any, url: str) -> _FramePage:
        tab = await browser.create_tab(url="", window=True)
        loaded = tab.subscribe_once("Page.loadEventFired")
        _checked(await tab.send_command("Page.enable"), "Page.enable")
        _checked(await tab.send_command("Page.navigate", params={"url": url}), "Page.navigate")
        await loaded
        found = _checked(
            await tab.send_command("Runtime.evaluate", params={"expression": "window.framePage"}),
            "loading the frame page",
        )
        object_id = found.get("result", {}).get("objectId")
        if object_id is None:
            raise RuntimeError(f"the frame page did not load its script: {found}")
        return cls(tab, object_id)

    async def show(self, update: Mapping[str, Any], width: int, height: int) -> bytes:
        if self._size != (width, height):
            metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
            _checked(
                await self.tab.send_command("Emulation.setDeviceMetricsOverride", params=metrics),
                "setting the page size",
            )
            self._size = (width, height)
        call = {
            "functionDeclaration": "function (update) { return this.show(update); }",
            "objectId": self._page_object,
            "arguments": [{"value": update}],
            "awaitPromise": True,
            "returnByValue": True,
        }
        _checked(await self.tab.send_command("Runtime.callFunctionOn", params=call), "a frame")
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
        shot = _checked(
            await self.tab.send_command(
                "Page.captureScreenshot",
                # A faster, larger PNG: each one is decoded and quantized right away.
                params={"format": "png", "optimizeForSpeed": True, "clip": clip},
            ),
            "a screenshot",
        )
        return base64.b64decode(shot["data"])


class _Renderer:
    """One Kaleido (one headless Chromium) serving every image render of the process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None
        self._frame_page: _FramePage | None = None
        self._frame_lock: asyncio.Lock | None = None
        self._page_dir: tempfile.TemporaryDirectory | None = None
        self._warming = False

    def submit(self, fig: dict, opts: dict) -> concurrent.futures.Future:
        loop, kaleido_ = self._running()
        return asyncio.run_coroutine_threadsafe(kaleido_.calc_fig(fig, opts), loop)

    def frames(
        self, updates: Sequence[Mapping[str, Any]], width: int, height: int
    ) -> Iterator[bytes]:
        """PNG screenshots of the kept page after each update, in order, as they are taken.

        The page renders the next frame while the caller works on this one.
        """
        loop, _ = self._running()
        out: queue.Queue[bytes | BaseException] = queue.Queue()
        job = asyncio.run_coroutine_threadsafe(self._animate(updates, width, height, out.put), loop)
        try:
            for index in range(len(updates)):
                timeout = FRAME_TIMEOUT_S if index else PAGE_WAIT_TIMEOUT_S
                try:
                    item = out.get(timeout=timeout)
                except queue.Empty:
                    raise RuntimeError(
                        f"animation frame {index} took longer than {timeout:.0f} s to render"
                    ) from None
                if isinstance(item, BaseException):
                    raise RuntimeError(f"animation export failed: {item}") from item
                yield item
        finally:
            job.cancel()

    def pid(self) -> int | None:
        with self._lock:
            return None if self._kaleido is None else self._kaleido.subprocess.pid

    def stop(self) -> None:
        with self._lock:
            self._stop_locked()

    async def _animate(
        self,
        updates: Sequence[Mapping[str, Any]],
        width: int,
        height: int,
        put: Callable[[bytes | BaseException], None],
    ) -> None:
        try:
            async with self._frame_lock:
                page = await self._kept_page()
                try:
                    for update in updates:
                        put(await page.show(update, width, height))
                except BaseException:
                    # A page left mid-animation (or crashed) is not reused: open a fresh one.
                    self._frame_page = None
                    with contextlib.suppress(Exception):
                        await self._kaleido.close_tab(page.tab.target_id)
                    raise
        except BaseException as err:
            put(err)
            raise

    def warm(self) -> None:
        """Start Chromium and open the kept animation page in the background (returns at
        once; errors are left for the export itself to report). The first animation of a
        process then does not wait for them: about 1 s for the page, 5 s for Chromium."""
        with self._lock:
            if self._warming or (self._kaleido is not None and self._frame_page is not None):
                return
            self._warming = True
        threading.Thread(target=self._warm, name="kaleido-warm", daemon=True).start()

    def _warm(self) -> None:
        async def open_page() -> None:
            async with self._frame_lock:
                await self._kept_page()

        # A failed warm-up changes nothing: the export itself starts over and says why.
        try:
            with contextlib.suppress(Exception):
                loop, _ = self._running()
                asyncio.run_coroutine_threadsafe(open_page(), loop).result(PAGE_WAIT_TIMEOUT_S)
        finally:
            with self._lock:
                self._warming = False

    async def _kept_page(self) -> _FramePage:
        """The animation page, opened if there is none (call with ``_frame_lock`` held)."""
        if self._frame_page is None:
            self._frame_page = await _FramePage.open(self._kaleido, self._frame_url())
        return self._frame_page

    def _frame_url(self) -> str:
        page = Path(self._page_dir.name) / "frames.html"
        page.write_text(frame_page_html(), encoding="utf-8")
        return page.as_uri()

    def _running(self) -> tuple[asyncio.AbstractEventLoop, Any]:
        with self._lock:
            if self._kaleido is not None and self._kaleido.subprocess.poll() is not None:
                self._stop_locked()  # Chromium died (killed, out of memory): start afresh
            if self._kaleido is None:
                self._start_locked()
            return self._loop, self._kaleido

    def _start_locked(self) -> None:
        if not chromium_available():
            raise ImageExportUnavailableError(IMAGE_EXPORT_HELP)
        import kaleido

        page = _page_generator()

        async def open_kaleido() -> Any:
            instance = kaleido.Kaleido(n=RENDER_TABS, timeout=RENDER_TIMEOUT_S, page_generator=page)
            await instance.open()
            self._frame_lock = asyncio.Lock()
            return instance

        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="kaleido-renderer", daemon=True)
        thread.start()
        try:
            opened = asyncio.run_coroutine_threadsafe(open_kaleido(), loop)
            self._kaleido = opened.result(timeout=START_TIMEOUT_S)
        except BaseException:
            _stop_loop(loop, thread)
            raise
        self._loop, self._thread = loop, thread
        self._page_dir = tempfile.TemporaryDirectory(prefix="lab-frames-")

    def _stop_locked(self) -> None:
        if self._kaleido is None:
            return
        closing = asyncio.run_coroutine_threadsafe(self._kaleido.close(), self._loop)
        # A dead Chromium cannot be closed politely; its process group is gone already.
        with contextlib.suppress(Exception):
            closing.result(timeout=STOP_TIMEOUT_S)
        _stop_loop(self._loop, self._thread)
        self._page_dir.cleanup()
        self._kaleido = self._loop = self._thread = None
        self._frame_page = self._frame_lock = self._page_dir = None


def _stop_loop(loop: asyncio.AbstractEventLoop, thread: threading.Thread) -> None:
    loop.call_soon_threadsafe(loop.stop)
    thread.join(timeout=STOP_TIMEOUT_S)
    if not thread.is_alive():
        loop.close()


RENDERER = _Renderer()
atexit.register(RENDERER.stop)


def warm_renderer() -> None:
    """Get Chromium and the animation page ready in the background (see ``_Renderer.warm``)."""
    RENDERER.warm()


def renderer_pid() -> int | None:
    """Process id of the Chromium launcher serving image exports; None before the first image."""
    return RENDERER.pid()


def render_image(fig: dict, opts: dict) -> bytes:
    """One image of a figure dict through Kaleido (``opts``: format, width, height, scale)."""
    return RENDERER.submit(fig, opts).result(timeout=RENDER_TIMEOUT_S + 30)
