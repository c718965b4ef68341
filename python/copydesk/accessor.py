"""The ``.copydesk`` accessor on pandas Series: ``df["text"].copydesk.clean()``.

Each method calls the public function of the same name on the Series, so the accessor never
differs from the functions; it exists because method chains read well in a notebook. The Dask
accessor (``copydesk.dask``) has the same methods.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

import copydesk


@pd.api.extensions.register_series_accessor("copydesk")
class CopydeskSeriesAccessor:
    """copydesk on a pandas Series of article texts."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def clean(self, **options: Any) -> pd.Series:
        """:func:`copydesk.clean` on this Series."""
        return copydesk.clean(self._series, **options)

    def clean_report(self, **options: Any) -> pd.DataFrame:
        """:func:`copydesk.clean_report` on this Series: one row per removal."""
        return copydesk.clean_report(self._series, **options)
