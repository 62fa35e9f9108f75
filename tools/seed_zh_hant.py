"""Draft Traditional-Chinese (zh-Hant) texts for message keys that have none yet.

A one-off helper for translators, never run by the app or the tests: it converts each
missing key's Simplified text with OpenCC (Taiwan phrases) and writes the draft into
``i18n/zh_hant/<area>.py`` next to the texts already there, which it keeps as they are.
The draft must then be read and corrected by hand: OpenCC knows words, not the subject.

    python3 -m venv /tmp/opencc && /tmp/opencc/bin/pip install opencc-python-reimplemented==0.1.7
    PYTHONPATH=. /tmp/opencc/bin/python tools/seed_zh_hant.py && .venv/bin/ruff format i18n/zh_hant
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from pathlib import Path

from opencc import OpenCC

from i18n import messages

ZH_HANT_DIR = Path(__file__).resolve().parents[1] / "i18n" / "zh_hant"
# Where OpenCC's general Taiwan vocabulary is not the one of the subject being taught.
SUBJECT_TERMS = {
    "引數": "參數",  # hyperparameters are 超參數, not programming's arguments
    "最佳化器": "優化器",
    "影象": "影像",
    "滑塊": "滑桿",
    "噪聲": "雜訊",
    "最佳化": "優化",
    "區域性": "局部",
    "全域性": "全域",
    "當前": "目前",
    "滑動平均": "移動平均",
    "滑動標準差": "移動標準差",
    "歸一化": "正規化",
    "迴圈": "循環",
    "函式": "函數",
    "自定義": "自訂",
    "復現": "重現",
    "幀": "影格",
    "“": "「",
    "”": "」",
}


def _draft(converter: OpenCC, simplified: str) -> str:
    text = converter.convert(simplified)
    for generic, term in SUBJECT_TERMS.items():
        text = text.replace(generic, term)
    return text


def _existing() -> dict[str, str]:
    """Every zh-Hant text already written, whichever module holds it (a key that moved to
    another area keeps its reviewed text)."""
    texts: dict[str, str] = {}
    for info in pkgutil.iter_modules([str(ZH_HANT_DIR)]):
        texts.update(importlib.import_module(f"i18n.zh_hant.{info.name}").MESSAGES)
    return texts


LINE_WIDTH = 100
CHUNK_WIDTH = 84  # of one piece of a long text, in columns (a CJK character takes two)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _chunks(text: str) -> list[str]:
    chunks, current = [], ""
    for char in text:
        if _width(repr(current + char)) > CHUNK_WIDTH:
            chunks.append(current)
            current = ""
        current += char
    return [*chunks, current]


def _entry_lines(key: str, text: str) -> list[str]:
    line = f"    {key!r}: {text!r},"
    if _width(line) <= LINE_WIDTH:
        return [line]
    return [f"    {key!r}: (", *(f"        {chunk!r}" for chunk in _chunks(text)), "    ),"]


def _module_text(area: str, texts: dict[str, str]) -> str:
    lines = [f'"""繁體中文 for the keys of ``i18n/messages/{area}.py``."""', ""]
    lines.append("MESSAGES: dict[str, str] = {")
    for key, text in texts.items():
        lines += _entry_lines(key, text)
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    converter = OpenCC("s2twp")
    kept = _existing()
    for info in sorted(pkgutil.iter_modules(messages.__path__), key=lambda m: m.name):
        source = importlib.import_module(f"i18n.messages.{info.name}").MESSAGES
        missing = [key for key in source if key not in kept]
        texts = {key: kept.get(key) or _draft(converter, source[key]["zh"]) for key in source}
        (ZH_HANT_DIR / f"{info.name}.py").write_text(_module_text(info.name, texts), "utf-8")
        if missing:
            print(f"{info.name}: {len(missing)} drafted, review them")
    for info in pkgutil.iter_modules([str(ZH_HANT_DIR)]):  # areas that no longer exist
        if not (Path(messages.__path__[0]) / f"{info.name}.py").exists():
            (ZH_HANT_DIR / f"{info.name}.py").unlink()


if __name__ == "__main__":
    main()
