"""One message catalog for every user-facing string: English, Simplified and Traditional Chinese.

Each area of the app keeps its own module under ``i18n/messages/`` with a ``MESSAGES`` dict
(``"key": {"en": ..., "zh": ...}``); they are merged here once, and a key defined twice is an
error at import time rather than a silent override.

Traditional Chinese lives apart, in ``i18n/zh_hant/<area>.py`` (``MESSAGES``: key -> text),
so the areas' modules keep two languages each and a new key never needs three edits in one
file; it is reviewed text (``tools/seed_zh_hant.py`` only proposes a first draft). A zh-Hant
key that no area defines is an error at import time: it would be a stale translation.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from i18n import messages as _messages_pkg
from i18n import zh_hant as _zh_hant_pkg

ZH_HANT = "zh-Hant"
LANGS: tuple[str, ...] = ("en", "zh", ZH_HANT)
DEFAULT_LANG = "en"
LANG_NAMES = {"en": "English", "zh": "简体中文", ZH_HANT: "繁體中文"}


def _modules(package: ModuleType) -> list[tuple[str, ModuleType]]:
    infos = sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name)
    return [(i.name, importlib.import_module(f"{package.__name__}.{i.name}")) for i in infos]


def _load_catalog() -> dict[str, dict[str, str]]:
    catalog: dict[str, dict[str, str]] = {}
    for area, module in _modules(_messages_pkg):
        for key, entry in module.MESSAGES.items():
            if key in catalog:
                raise KeyError(f"message key {key!r} is defined twice (again in {area}.py)")
            catalog[key] = dict(entry)
    for area, module in _modules(_zh_hant_pkg):
        for key, text in module.MESSAGES.items():
            if key not in catalog:
                raise KeyError(f"zh_hant/{area}.py translates {key!r}, which no area defines")
            if ZH_HANT in catalog[key]:
                raise KeyError(f"zh-Hant text of {key!r} is defined twice (again in {area}.py)")
            catalog[key][ZH_HANT] = text
    return catalog


CATALOG: dict[str, dict[str, str]] = _load_catalog()


def normalize_lang(lang: str | None) -> str:
    """The language to use for ``lang`` (e.g. from ``?lang=``): a known code, else English."""
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The message ``key`` in ``lang``, with ``{placeholders}`` filled from ``fmt``.

    An unknown key raises ``KeyError``: a missing message is a bug the tests must catch,
    not text to guess at. A key not yet translated into ``lang`` reads in English (the
    catalog test fails on it), so a merge that adds keys never breaks a running page.
    """
    entry = CATALOG[key]
    text = entry.get(normalize_lang(lang)) or entry[DEFAULT_LANG]
    return text.format(**fmt) if fmt else text
