"""What a missing row looks like in each function's result, for the robustness tests."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd


def is_missing_value(v: Any) -> bool:
    """``None``, ``pd.NA`` or a float NaN."""
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def row_missing(fn: str, result: Any, row: int, *, searched_itself: bool = False) -> bool:
    """Is input row `row` missing in `fn`'s column result? For ``nearest`` on a column
    searched against itself (`searched_itself`), the row must not be a choice either."""
    if fn in ("clean_report", "quotes"):
        return row not in set(result["row"])
    if fn == "similarity_matrix":
        return bool(np.isnan(result[row]).all())
    if fn == "nearest":
        chosen = searched_itself and row in set(result["choice"])
        return row not in set(result["query"]) and not chosen
    if fn == "near_duplicates":
        return row not in set(result["a"]) | set(result["b"])
    if fn == "copy_share" and isinstance(result, pd.DataFrame):
        return is_missing_value(result["share"].iloc[row])
    return is_missing_value(result[row])
