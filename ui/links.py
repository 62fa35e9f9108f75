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

from i18n import t

# Hard limits: one request's work stays bounded whatever a link asks for.
MAX_STEPS = 2000
MAX_OPTIMIZERS = 8
MAX_TEXT = 300  # characters of a formula
MAX_SEED = 2**31 - 1
MAX_COORD = 1e3  # start points and custom bounds live within +-MAX_COORD
SHOWN_CHARS = 40  # of a hostile value, in a notice

ALWAYS_KNOWN = frozenset({"lang"})  # owned by the app shell


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
            given=_shown(self.given),
            allowed=self.allowed,
            used=self.used,
        )


def _shown(value: str) -> str:
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


def interval_text(lo: float, hi: float, *, integer: bool = False, closed: str = "both") -> str:
    """[lo, hi] in the notation the notices use; open ends as ( and )."""
    left = "[" if closed in ("both", "left") else "("
    right = "]" if closed in ("both", "right") else ")"
    fmt = (
        (lambda v: format_number(v) if math.isfinite(v) else ("∞" if v > 0 else "-∞"))
        if integer
        else _g
    )
    return f"{left}{fmt(lo)}, {fmt(hi)}{right}"


def _g(value: float) -> str:
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return f"{value:g}"


def _inside(value: float, lo: float, hi: float, closed: str) -> bool:
    above = lo <= value if closed in ("both", "left") else lo < value
    below = value <= hi if closed in ("both", "right") else value < hi
    return above and below


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
        text = self.raw(key)
        if text is None:
            return default
        value = _parse_float(text)
        if value is not None and math.isfinite(value) and _inside(value, lo, hi, closed):
            return value
        allowed = t("link.allowed_number", self.lang, interval=interval_text(lo, hi, closed=closed))
        self.note(key, text, allowed, used_text if used_text is not None else _g(default))
        return default

    def integer(
        self, key: str, default: int, lo: int, hi: int, *, used_text: str | None = None
    ) -> int:
        """An integer in [lo, hi] (written as 12, 12.0 or 1.2e1), else ``default``."""
        text = self.raw(key)
        if text is None:
            return default
        value = _parse_float(text)
        if value is not None and math.isfinite(value) and value.is_integer() and lo <= value <= hi:
            return int(value)
        allowed = t("link.allowed_integer", self.lang, interval=interval_text(lo, hi, integer=True))
        self.note(
            key, text, allowed, used_text if used_text is not None else format_number(default)
        )
        return default

    def choice(self, key: str, default: str, choices: Sequence[str]) -> str:
        """One of ``choices`` (exact spelling), else ``default``."""
        text = self.raw(key)
        if text is None:
            return default
        if text in choices:
            return text
        self.note(key, text, self.choices_text(choices), default)
        return default

    def choices_text(self, choices: Sequence[str]) -> str:
        return t("link.allowed_choice", self.lang, choices=", ".join(choices))

    def flag(self, key: str, default: bool) -> bool:
        """1/0, true/false, yes/no, on/off; else ``default``."""
        text = self.raw(key)
        if text is None:
            return default
        word = text.strip().lower()
        if word in ("1", "true", "yes", "on"):
            return True
        if word in ("0", "false", "no", "off"):
            return False
        self.note(key, text, t("link.allowed_flag", self.lang), format_number(default))
        return default

    def text(self, key: str, default: str, max_chars: int = MAX_TEXT) -> str:
        """Free text up to ``max_chars`` characters (longer: ``default``)."""
        text = self.raw(key)
        if text is None:
            return default
        if len(text) <= max_chars:
            return text
        allowed = t("link.allowed_text", self.lang, max=max_chars)
        self.note(key, text, allowed, _shown(default) or "—")
        return default

    def finish(self) -> list[Notice]:
        """All notices, plus one per parameter nobody asked for (an unknown name)."""
        for key in self.query:
            if key not in self._read and key not in ALWAYS_KNOWN:
                value = self.query[key]
                given = value if isinstance(value, str) else (value[-1] if len(value) else "")
                self.note(_shown(key), given, t("link.unknown_param", self.lang), "")
                self._read.add(key)
        return self.notices


_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _parse_float(text: str) -> float | None:
    """A plain decimal number; no 'nan', 'inf', hex, underscores or surrounding junk."""
    stripped = text.strip()
    if len(stripped) > 40 or not _NUMBER.fullmatch(stripped):
        return None
    try:
        return float(stripped)
    except (ValueError, OverflowError):
        return None
