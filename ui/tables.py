"""Small tables (a few rows: the Playground's summary, the step inspector, basin shares).

Drawn by ``st.table`` from an Arrow table built here: handed a dict, Streamlit goes through
pandas to Arrow, 2.5 ms of a 30 ms slider move for four rows; ``pyarrow.table`` takes 0.1 ms.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pyarrow as pa
import streamlit as st


def small_table(data: Mapping[str, Sequence[Any]] | Sequence[Mapping[str, Any]]) -> None:
    """A static table of ``data``: columns (header -> cells) or rows (header -> cell each)."""
    table = pa.table(dict(data)) if isinstance(data, Mapping) else pa.Table.from_pylist(list(data))
    st.table(table, hide_index=True)
