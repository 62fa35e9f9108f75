"""Shareable links, the pure half: read typed settings from query parameters, safely.

A link is text anybody can edit, so every value is checked: a non-number, NaN, inf, a value
out of range, an unknown name or too many entries falls back to a valid value and leaves a
:class:`Notice` (parameter, allowed values, value given, value used) for the page to show.
Nothing here raises on a hostile link and nothing imports Streamlit; ``ui.link_state`` is
the glue that reads and writes ``st.query_params``.

    reader = LinkReader({"steps": "1e9", "lr": "nan"})
    reader.integer("steps", default=300, lo=1, hi=MAX_STEPS)    # -> 300, with a notice
    reader.number("lr", default=1e-3, lo=0.0, hi=10.0)          # -> 0.001, with a notice
    reader.finish()                                             # notices, plus unknown keys
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from constraints import REFUSED, Constraint, Flag, IntegerList, Interval, Options
from i18n import t

# Hard limits: one request's work stays bounded whatever a link asks for.
MAX_STEPS = 2000
MAX_OPTIMIZERS = 8
MAX_TEXT = 300  # characters of a formula
MAX_SEED = 2**31 - 1
MAX_COORD = 1e3  # start points and custom bounds live within +-MAX_COORD
SHOWN_CHARS = 40  # of a hostile value, in a notice

ALWAYS_KNOWN = frozenset({"lang", "present", "hide"})  # owned by the app shell


@dataclass(frozen=True)
class Notice:
    """A link parameter that could not be used as given.

    ``allowed`` says what would have been accepted, in words already translated; ``used``
    is the value used instead ("" when the parameter is dropped).
    """

    param: str
    given: str
    allowed: str
    used: str

    def text(self, lang: str = "en") -> str:
        """The notice as a sentence for the page, e.g. for st.warning."""
        key = "link.notice_dropped" if not self.used else "link.notice"
        return t(
            key,
            lang,
            param=self.param,
            given=safe_text(self.given),
            allowed=self.allowed,
            used=self.used,
        )


def safe_text(value: str) -> str:
    """A hostile value made safe to print inside a sentence: short, one line, no markup."""
    clean = re.sub(r"[\x00-\x1f\x7f`*_<>\[\]\\|#]", "?", value)
    return clean if len(clean) <= SHOWN_CHARS else clean[:SHOWN_CHARS] + "…"


def format_number(value: float) -> str:
    """The shortest text that reads back as exactly ``value`` (ints without ".0")."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def allowed_text(constraint: Constraint, lang: str = "en") -> str:
    """What ``constraint`` accepts, in words of ``lang``, as notices and widget errors say it."""
    if isinstance(constraint, Interval):
        key = "link.allowed_integer" if constraint.integer else "link.allowed_number"
        return t(key, lang, interval=constraint.notation())
    if isinstance(constraint, Options):
        return t("link.allowed_choice", lang, choices=", ".join(constraint.choices))
    if isinstance(constraint, Flag):
        return t("link.allowed_flag", lang)
    if isinstance(constraint, IntegerList):
        return t("link.allowed_ints", lang, max=constraint.max_items)
    raise TypeError(f"no words for {constraint!r}")


def value_text(value: Any) -> str:
    """A value as a link writes it: numbers shortest, lists comma-separated, text as is."""
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return ",".join(str(v) for v in value)
    return format_number(value)


@dataclass
class LinkReader:
    """Typed, checked reads from a query mapping; every fallback records a Notice.

    ``query`` maps names to text (or lists of text: the last one counts, as a browser's
    last ``?a=`` wins). Reading a key marks it known; :meth:`finish` reports the rest.
    """

    query: Mapping[str, str | Sequence[str]]
    lang: str = "en"
    notices: list[Notice] = field(default_factory=list)
    _read: set[str] = field(default_factory=set)

    def raw(self, key: str) -> str | None:
        """The text given for ``key`` (marking it known), or None when absent."""
        self._read.add(key)
        value = self.query.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            value = value[-1] if len(value) else ""
        return value

    def has(self, key: str) -> bool:
        return key in self.query

    def keys(self) -> list[str]:
        return list(self.query)

    def ignore(self, keys: Iterable[str]) -> None:
        """Mark ``keys`` as read without using them (they belong to something else)."""
        self._read.update(keys)

    def note(self, param: str, given: str, allowed: str, used: str) -> None:
        self.notices.append(Notice(param, given, allowed, used))

    def value(
        self, key: str, default: Any, constraint: Constraint, *, used_text: str | None = None
    ) -> Any:
        """The value ``constraint`` reads from the text, else ``default`` (and a notice)."""
        text = self.raw(key)
        if text is None:
            return default
        value = constraint.from_text(text)
        if value is not REFUSED:
            return value
        used = used_text if used_text is not None else value_text(default)
        self.note(key, text, allowed_text(constraint, self.lang), used)
        return default

    def number(
        self,
        key: str,
        default: float,
        lo: float = -math.inf,
        hi: float = math.inf,
        *,
        closed: str = "both",
        used_text: str | None = None,
    ) -> float:
        """A finite float in the interval, else ``default``."""
        return self.value(key, default, Interval(float, lo, hi, closed), used_text=used_text)

    def integer(
        self, key: str, default: int, lo: int, hi: int, *, used_text: str | None = None
    ) -> int:
        """An integer in [lo, hi] (written as 12, 12.0 or 1.2e1), else ``default``."""
        return self.value(key, default, Interval(int, lo, hi), used_text=used_text)

    def choice(self, key: str, default: str, choices: Sequence[str]) -> str:
        """One of ``choices`` (exact spelling), else ``default``."""
        return self.value(key, default, Options(tuple(choices)))

    def choices_text(self, choices: Sequence[str]) -> str:
        return allowed_text(Options(tuple(choices)), self.lang)

    def flag(self, key: str, default: bool) -> bool:
        """1/0, true/false, yes/no, on/off; else ``default``."""
        return self.value(key, default, Flag())

    def text(self, key: str, default: str, max_chars: int = MAX_TEXT) -> str:
        """Free text up to ``max_chars`` characters (longer: ``default``)."""
        text = self.raw(key)
        if text is None:
            return default
        if len(text) <= max_chars:
            return text
        allowed = t("link.allowed_text", self.lang, max=max_chars)
        self.note(key, text, allowed, safe_text(default) or "—")
        return default

    def finish(self) -> list[Notice]:
        """All notices, plus one per parameter nobody asked for (an unknown name)."""
        for key in self.query:
            if key not in self._read and key not in ALWAYS_KNOWN:
                value = self.query[key]
                given = value if isinstance(value, str) else (value[-1] if len(value) else "")
                self.note(safe_text(key), given, t("link.unknown_param", self.lang), "")
                self._read.add(key)
        return self.notices
