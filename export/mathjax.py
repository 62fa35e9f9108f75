"""LaTeX in exports: MathJax 3 shipped by a PyPI package, never fetched from the network.

Plotly.js typesets a text that starts and ends with ``$`` through MathJax when the page has
it. Kaleido's default MathJax is a CDN link, which fails offline and leaves the raw ``$...$``
in the image; the package ``django-static-mathjax`` (a plain copy of MathJax's files, no
Django needed at run time) installs the same MathJax 3.2.2 ``tex-svg.js`` Kaleido would load.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import Any

from export.figures import strings

MATHJAX_INSTALL = "pip install django-static-mathjax"


@functools.cache
def mathjax_script() -> Path | None:
    """The local ``tex-svg.js``, or None when the package is missing (math stays as text)."""
    spec = importlib.util.find_spec("mathjax")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        script = Path(location) / "static" / "mathjax" / "es5" / "tex-svg.js"
        if script.is_file():
            return script
    return None


def is_latex(text: Any) -> bool:
    """Plotly.js's rule: a string typeset as math starts and ends with ``$``."""
    return isinstance(text, str) and len(text) >= 2 and text.startswith("$") and text.endswith("$")


def has_latex(value: Any) -> bool:
    """True when any string inside ``value`` (a figure dict or part of one) is LaTeX."""
    return any(is_latex(text) for text in strings(value))
