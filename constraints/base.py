"""What every constraint offers, and the one message format."""

from __future__ import annotations

from typing import Any

import numpy as np

REFUSED: Any = type("Refused", (), {"__repr__": lambda self: "REFUSED"})()
"""What ``convert`` and ``from_text`` return for a value the constraint does not allow (None
cannot say it: None is a value some parameters take)."""


class Plain(str):
    """A given value that is already a description ("shape (2,)"): printed without quotes."""

    def __repr__(self) -> str:
        return str(self)


def shown(value: Any) -> Any:
    """The value as a message prints it: NumPy scalars as the Python number they hold."""
    if isinstance(value, np.generic) or (isinstance(value, np.ndarray) and value.ndim == 0):
        return value.item()
    return value


def invalid(owner: str, name: str, allowed: str, given: Any, where: str = "") -> ValueError:
    """The error for a refused value: ``<owner>: <name> must be <allowed>; got <given><where>``.

    ``owner`` names what the parameter belongs to ("adam", "cosine", "surface 'booth'"),
    ``where`` adds a position (" at index 2").
    """
    prefix = f"{owner}: " if owner else ""
    return ValueError(f"{prefix}{name} must be {allowed}; got {shown(given)!r}{where}")


class Constraint:
    """A set of allowed values. Subclasses define ``convert``, ``from_text`` and ``describe``."""

    def convert(self, value: Any) -> Any:
        """``value`` in canonical form (50.0 -> 50 for an integer), or REFUSED."""
        raise NotImplementedError

    def from_text(self, text: str) -> Any:
        """The value typed as ``text`` (a widget, a link), canonical, or REFUSED."""
        raise NotImplementedError

    def describe(self) -> str:
        """The allowed values in words, as messages print them ("an integer in [1, inf)")."""
        raise NotImplementedError

    def __contains__(self, value: Any) -> bool:
        return self.convert(value) is not REFUSED

    def validate(self, value: Any, owner: str, name: str) -> Any:
        """``value`` in canonical form, or the ValueError naming parameter, range and value."""
        converted = self.convert(value)
        if converted is REFUSED:
            raise invalid(owner, name, self.describe(), value)
        return converted
