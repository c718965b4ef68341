"""The main job's engine on one machine: the copydesk functions the pipeline calls, with the
steps that read the same column twice done in one pass (see ``_pipeline_dask`` for the same
engine on a Dask cluster)."""

from __future__ import annotations

from typing import Any

import copydesk as cd

from . import _copies, _core
from ._columns import REMOVAL_DTYPES, apply_with_records


class LocalEngine:
    """copydesk's pipeline functions in this process, on all its cores."""

    def clean_with_report(
        self, texts: Any, progress: bool = False, errors: str = "raise"
    ) -> tuple[Any, Any]:
        """``(cd.clean(texts), cd.clean_report(texts))`` from one cleaning pass (default
        options)."""
        return clean_with_report(texts, progress=progress, errors=errors)

    def pairs_and_groups(
        self,
        texts: Any,
        dates: Any = None,
        sources: Any = None,
        progress: bool = False,
        errors: str = "raise",
    ) -> tuple[Any, Any]:
        """``(cd.near_duplicates(texts), cd.duplicate_groups(texts, dates=, sources=))`` from
        one copy search."""
        return _copies.pairs_and_groups(
            texts, dates=dates, sources=sources, errors=errors, progress=progress
        )

    def quotes(self, texts: Any, progress: bool = False, **options: Any) -> Any:
        return cd.quotes(texts, progress=progress, **options)


def clean_with_report(
    texts: Any, progress: bool = False, errors: str = "raise", n_threads: int | None = None
) -> tuple[Any, Any]:
    """The cleaned texts and the removals of a column from one cleaning pass (also what the
    Dask engine runs on each partition)."""
    return apply_with_records(
        _core.clean_and_report,
        texts,
        "str",
        REMOVAL_DTYPES,
        progress=progress,
        errors=errors,
        n_threads=n_threads,
    )
