"""One message catalog for every user-facing string, in English and Simplified Chinese.

Each area of the app keeps its own module under ``i18n/messages/`` with a ``MESSAGES`` dict
(``"key": {"en": ..., "zh": ...}``); they are merged here once, and a key defined twice is an
error at import time rather than a silent override.
"""

from __future__ import annotations

import importlib
import pkgutil

from i18n import messages as _messages_pkg

LANGS: tuple[str, ...] = ("en", "zh")
DEFAULT_LANG = "en"
LANG_NAMES = {"en": "English", "zh": "简体中文"}


def _load_catalog() -> dict[str, dict[str, str]]:
    catalog: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(_messages_pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{_messages_pkg.__name__}.{info.name}")
        for key, entry in module.MESSAGES.items():
            if key in catalog:
                raise KeyError(f"message key {key!r} is defined twice (again in {info.name}.py)")
            catalog[key] = entry
    return catalog


CATALOG: dict[str, dict[str, str]] = _load_catalog()


def normalize_lang(lang: str | None) -> str:
    """The language to use for ``lang`` (e.g. from ``?lang=``): a known code, else English."""
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The message ``key`` in ``lang``, with ``{placeholders}`` filled from ``fmt``.

    An unknown key raises ``KeyError``: a missing message is a bug the tests must catch,
    not text to guess at.
    """
    text = CATALOG[key][normalize_lang(lang)]
    return text.format(**fmt) if fmt else text
