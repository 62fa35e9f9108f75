"""Values that are not numbers: a choice among names, a switch, a formula."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from constraints.base import REFUSED, Constraint

TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")


@dataclass(frozen=True)
class Options(Constraint):
    """One of ``choices``, spelled exactly."""

    choices: tuple[str, ...]

    def convert(self, value: Any) -> str:
        return value if isinstance(value, str) and value in self.choices else REFUSED

    def from_text(self, text: str) -> str:
        return self.convert(text)

    def describe(self) -> str:
        return "one of " + ", ".join(repr(c) for c in self.choices)


@dataclass(frozen=True)
class Flag(Constraint):
    """True or False (not 1 or 0: an int passed for a switch is a mistake worth naming)."""

    def convert(self, value: Any) -> bool:
        return bool(value) if isinstance(value, bool | np.bool_) else REFUSED

    def from_text(self, text: str) -> bool:
        word = text.strip().lower()
        if word in TRUE_WORDS:
            return True
        return False if word in FALSE_WORDS else REFUSED

    def describe(self) -> str:
        return "True or False"


@dataclass(frozen=True)
class Formula(Constraint):
    """Non-blank text of a formula, or (where ``callables``) a Python function; the parser
    (``formulas``) checks the text itself when the formula is compiled."""

    words: str
    callables: bool = False

    def convert(self, value: Any) -> str | Callable:
        if self.callables and callable(value):
            return value
        return value if isinstance(value, str) and value.strip() else REFUSED

    def from_text(self, text: str) -> str:
        return self.convert(text)

    def describe(self) -> str:
        return self.words
