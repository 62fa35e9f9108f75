"""Icons are Streamlit's bundled Material icons: nothing in the UI needs an emoji font."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from streamlit.string_util import validate_material_icon

from ui.pages import APP_ICON, HOME, LESSONS
from ui.shell import LANGUAGE_LABEL

ROOT = Path(__file__).resolve().parents[2]
UI_SOURCES = sorted(
    [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py"),
     *(ROOT / "i18n" / "messages").glob("*.py")]
)  # fmt: skip
# Emoji and pictographs that a machine without an emoji font draws as empty boxes (plus the
# variation selector that asks for emoji presentation). Plain symbols such as ▶ and ↺, which
# ordinary text fonts carry, are not in these ranges.
EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2300-\u23ff\u2b00-\u2bff\ufe0f\U0001f1e6-\U0001f1ff]"
)


@pytest.mark.parametrize("entry", [HOME, *LESSONS], ids=lambda entry: entry.name)
def test_navigation_icons_are_material_names(entry):
    assert entry.icon.startswith(":material/")
    assert validate_material_icon(entry.icon) == entry.icon


def test_app_page_icon_and_language_switch_use_material_icons():
    app = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    icons = [
        ast.unparse(keyword.value)
        for node in ast.walk(app)
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg == "page_icon"
    ]
    assert icons == ["APP_ICON"]
    assert validate_material_icon(APP_ICON) == APP_ICON
    icon = LANGUAGE_LABEL.split()[0]
    assert validate_material_icon(icon) == icon


@pytest.mark.parametrize("source", UI_SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_emoji_left_in_the_ui(source):
    found = [
        f"{source.name}:{number}: {line.strip()}"
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1)
        if EMOJI.search(line)
    ]
    assert not found, "\n".join(found)
