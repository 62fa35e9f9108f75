"""The message catalog: every key in every language, translated, and every key used exists."""

from __future__ import annotations

import ast
import importlib
import re
import string
from pathlib import Path

import pytest

import i18n
from i18n import CATALOG, LANGS, ZH_HANT, t

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ("app.py", "pages", "ui", "viz")
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# Characters that exist only in Simplified Chinese (their Traditional forms differ), among
# them every one of the lab's own terms: 学习率 動量 数 优化 图 设 链接 损失 梯度 调度 ...
SIMPLIFIED_ONLY = set(
    "学习动数优图设计链载网这为们说时过还将从对实关应该进么个来发经点线长门问间头观现视选择"
    "变换显无没让给结读写错误码参损轨验调权减阶轴热态缓冲区输统极导异级处样种类条敛击开"
    "环复盖双钮边栏维韦阵历积递归滤扫颜须尔罗产渐测试题语简绘画库传届"
)


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
def test_every_key_has_every_language_translated(key):
    entry = CATALOG[key]
    assert set(entry) == set(LANGS), f"{key}: languages {sorted(entry)}"
    assert all(entry[lang].strip() for lang in LANGS), f"{key}: empty text"
    for lang in ("zh", ZH_HANT):
        text = entry[lang]
        assert _placeholders(entry["en"]) == _placeholders(text), f"{key}: {lang} placeholders"
        if LATIN_WORD.search(entry["en"]) and entry["en"] != text:
            assert CJK.search(text), f"{key}: {lang} text has no Chinese: {text!r}"
        if entry["en"] == text:
            assert not LATIN_WORD.search(text), f"{key}: untranslated in {lang}: {text!r}"


def _simplified_forms(text: str) -> list[str]:
    return sorted(set(text) & SIMPLIFIED_ONLY)


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_traditional_text_has_no_simplified_only_forms(key):
    text = CATALOG[key][ZH_HANT]
    assert not _simplified_forms(text), f"{key}: {_simplified_forms(text)} in {text!r}"


def test_the_simplified_forms_check_can_fail():
    assert set(_simplified_forms("学习率与动量")) == set("学习动")
    assert not _simplified_forms(t("nav.schedules", ZH_HANT))
    assert _simplified_forms(t("nav.schedules", "zh"))


def test_the_terms_of_traditional_chinese_teaching():
    assert t("hp.lr", ZH_HANT) == "學習率 lr"
    assert t("hp.momentum", ZH_HANT).startswith("動量")
    assert t("nav.bias_correction", ZH_HANT) == "偏差校正"
    assert "一階矩估計" in t("bias.fig.first_moment", ZH_HANT)
    assert "超參數" in t("nav.sweep", ZH_HANT)


def test_every_literal_key_used_in_the_app_exists():
    missing = sorted(f"{file}: {key}" for file, key in _literal_keys_used() if key not in CATALOG)
    assert not missing, "keys used but not in the catalog:\n" + "\n".join(missing)


def test_lookup_formats_and_falls_back_to_english():
    assert t("app.title", "zh") == "优化器轨迹实验室"
    assert t("app.title", ZH_HANT) == "優化器軌跡實驗室"
    assert t("app.title", "fr") == "Optimizer Trajectory Lab"
    assert t("fig.diverged_at", ZH_HANT, name="Adam", step=7) == "Adam：在第 7 步發散"
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


def _catalog_with(monkeypatch, tmp_path, areas: dict[str, str], zh_hant: dict[str, str]):
    """Load a catalog from throwaway area modules (source text of each module, by name)."""
    monkeypatch.syspath_prepend(str(tmp_path))
    unique = re.sub(r"\W", "_", tmp_path.name)  # packages of one name would be imported once
    for attribute, modules in (("_messages_pkg", areas), ("_zh_hant_pkg", zh_hant)):
        package = f"{attribute.strip('_')}_{unique}"
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
        for name, source in modules.items():
            (tmp_path / package / f"{name}.py").write_text(source)
        monkeypatch.setattr(i18n, attribute, importlib.import_module(package))
    return i18n._load_catalog()


AREA = 'MESSAGES = {"k": {"en": "Steps", "zh": "步数"}}\n'


def test_traditional_texts_merge_into_their_keys(monkeypatch, tmp_path):
    catalog = _catalog_with(monkeypatch, tmp_path, {"a": AREA}, {"a": 'MESSAGES = {"k": "步數"}'})
    assert catalog == {"k": {"en": "Steps", "zh": "步数", ZH_HANT: "步數"}}


def test_a_traditional_text_for_no_key_is_refused(monkeypatch, tmp_path):
    with pytest.raises(KeyError, match=r"zh_hant/a\.py translates 'gone'"):
        _catalog_with(monkeypatch, tmp_path, {"a": AREA}, {"a": 'MESSAGES = {"gone": "舊"}'})


def test_a_traditional_text_given_twice_is_refused(monkeypatch, tmp_path):
    twice = {"a": 'MESSAGES = {"k": "步數"}', "b": 'MESSAGES = {"k": "步數"}'}
    with pytest.raises(KeyError, match=r"zh-Hant text of 'k' is defined twice"):
        _catalog_with(monkeypatch, tmp_path, {"a": AREA}, twice)


def test_a_key_not_yet_translated_reads_in_english(monkeypatch):
    monkeypatch.setitem(CATALOG, "only.two", {"en": "Steps", "zh": "步数"})
    assert t("only.two", ZH_HANT) == "Steps"
    assert t("only.two", "zh") == "步数"
