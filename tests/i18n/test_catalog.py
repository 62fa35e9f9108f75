"""The message catalog: every key in both languages, translated, and every key used exists."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

import i18n
from i18n import CATALOG, LANGS, t

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ("app.py", "pages", "ui", "viz")
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _source_files() -> list[Path]:
    files: list[Path] = []
    for entry in SOURCE_DIRS:
        path = ROOT / entry
        files.extend([path] if path.is_file() else sorted(path.rglob("*.py")))
    return files


def _literal_keys_used() -> set[tuple[str, str]]:
    """(file, key) for every call ``t("literal", ...)`` in the app's source."""
    used = set()
    for path in _source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "t"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                used.add((str(path.relative_to(ROOT)), node.args[0].value))
    return used


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_key_has_both_languages_translated(key):
    entry = CATALOG[key]
    assert set(entry) == set(LANGS), f"{key}: languages {sorted(entry)}"
    assert all(entry[lang].strip() for lang in LANGS), f"{key}: empty text"
    assert _placeholders(entry["en"]) == _placeholders(entry["zh"]), f"{key}: placeholders differ"
    if LATIN_WORD.search(entry["en"]) and entry["en"] != entry["zh"]:
        assert CJK.search(entry["zh"]), f"{key}: zh text has no Chinese: {entry['zh']!r}"
    if entry["en"] == entry["zh"]:
        assert not LATIN_WORD.search(entry["en"]), f"{key}: untranslated: {entry['zh']!r}"


def test_every_literal_key_used_in_the_app_exists():
    missing = sorted(f"{file}: {key}" for file, key in _literal_keys_used() if key not in CATALOG)
    assert not missing, "keys used but not in the catalog:\n" + "\n".join(missing)


def test_lookup_formats_and_falls_back_to_english():
    assert t("app.title", "zh") == "优化器轨迹实验室"
    assert t("app.title", "fr") == "Optimizer Trajectory Lab"
    with pytest.raises(KeyError):
        t("no.such.key")


def test_a_key_defined_in_two_areas_is_refused(monkeypatch, tmp_path):
    pkg = tmp_path / "dup_messages"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    for area in ("a", "b"):
        (pkg / f"{area}.py").write_text('MESSAGES = {"same.key": {"en": "x", "zh": "x"}}\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    import dup_messages

    monkeypatch.setattr(i18n, "_messages_pkg", dup_messages)
    with pytest.raises(KeyError, match=r"same\.key"):
        i18n._load_catalog()
