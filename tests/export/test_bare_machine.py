"""A machine without Chromium or without fonts: tests skip with the install command, the app
shows a notice instead of a broken image, and nothing fails.

The export tests run again in subprocesses whose environment hides Chromium (BROWSER_PATH to a
missing file, PATH without it) or points fontconfig at an empty configuration, as on a fresh
Debian machine; the app's notices are checked in this process with the same environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import export
import ui.exports
from i18n import t
from tests.export.helpers import PNG_SIGNATURE, needs_chromium, playground_app
from tests.support.apptest import charts
from tests.support.paths import ROOT

EMPTY_FONTCONFIG = (
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n'
)


@pytest.fixture
def no_fonts(tmp_path, monkeypatch) -> dict[str, str]:
    conf = tmp_path / "fonts.conf"
    conf.write_text(EMPTY_FONTCONFIG, encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


@pytest.fixture
def no_chromium(tmp_path, monkeypatch) -> dict[str, str]:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent))
    return dict(os.environ)


@pytest.fixture
def fresh_answers():
    """The process caches what it found (fonts, Chromium): ask again, and again afterwards."""
    for cached in (export.cjk_fonts_available, ui.exports.images_available):
        cached.cache_clear()
    yield
    for cached in (export.cjk_fonts_available, ui.exports.images_available):
        cached.cache_clear()


def run_pytest(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_without_chromium_image_tests_skip_with_the_install_command(no_chromium):
    done = run_pytest(no_chromium, "tests/export", "--ignore", "tests/export/test_bare_machine.py")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    summary = done.stdout.strip().splitlines()[-1]
    assert " passed" in summary and " skipped" in summary and "failed" not in summary
    assert export.CHROMIUM_INSTALL in done.stdout
    assert "test_svg_of_a_latex_title" in done.stdout or "test_mathjax.py" in done.stdout


@needs_chromium  # without Chromium the glyph test skips for that first
def test_without_fonts_the_glyph_test_skips_with_the_install_command(no_fonts):
    done = run_pytest(no_fonts, "tests/export/test_images.py", "-k", "chinese_title")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "1 skipped" in done.stdout and export.CJK_INSTALL in done.stdout
    probe = "import export; print(export.cjk_fonts_available())"
    found = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=no_fonts, capture_output=True, text=True
    )
    assert found.stdout.strip() == "False"


@needs_chromium
def test_without_fonts_an_image_is_still_made(no_fonts):
    script = (
        "import sys, export, plotly.graph_objects as go; "
        "png = export.figure_png(go.Figure(layout_title_text='梯度'), width=200, height=100); "
        "sys.stdout.buffer.write(png[:8])"
    )
    made = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=no_fonts, capture_output=True, timeout=300
    )
    assert made.returncode == 0, made.stderr[-2000:]
    assert made.stdout == PNG_SIGNATURE


def test_without_chromium_the_app_says_how_and_keeps_html_csv_json(
    no_chromium, fresh_answers, clear_streamlit_cache
):
    at = playground_app()
    assert not at.exception
    assert t("export.images_unavailable") in [info.value for info in at.info]
    buttons = {button.proto.label: button.proto.disabled for button in at.get("download_button")}
    assert buttons[t("export.png")] and buttons[t("export.svg")]
    assert not buttons[t("export.html")] and not buttons[t("export.csv")]
    assert not [b for b in at.button if b.label.startswith("Render")]  # no animation offered
    assert charts(at)  # the page itself is unaffected


@needs_chromium
def test_without_fonts_the_app_warns_before_a_chinese_image(
    no_fonts, fresh_answers, clear_streamlit_cache
):
    at = playground_app(lang="zh")
    assert not at.exception
    notice = t("export.cjk_missing", "zh", command=export.CJK_INSTALL)
    assert notice in [warning.value for warning in at.warning]
    english = playground_app(lang="en")
    assert t("export.cjk_missing", "en", command=export.CJK_INSTALL) not in [
        warning.value for warning in english.warning
    ]  # an English figure has no Chinese text to lose
