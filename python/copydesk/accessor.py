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

    def quotes(self, **options: Any) -> pd.DataFrame:
        """:func:`copydesk.quotes` on this Series: one row per quote, ``row`` the index label."""
        return copydesk.quotes(self._series, **options)

    def near_duplicates(self, **options: Any) -> pd.DataFrame:
        """:func:`copydesk.near_duplicates` over this Series: pairs of copies by index label."""
        return copydesk.near_duplicates(self._series, **options)

    def duplicate_groups(self, **options: Any) -> Any:
        """:func:`copydesk.duplicate_groups` over this Series: one story id per row."""
        return copydesk.duplicate_groups(self._series, **options)

    def similarity(self, other: Any, **options: Any) -> pd.Series:
        """:func:`copydesk.similarity` of this Series and ``other``, row by row."""
        return copydesk.similarity(self._series, other, **options)

    def clean_report(self, **options: Any) -> pd.DataFrame:
        """:func:`copydesk.clean_report` on this Series: one row per removal."""
        return copydesk.clean_report(self._series, **options)
