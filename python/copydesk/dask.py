"""copydesk on Dask: the ``.copydesk`` accessor on Dask Series.

Per-row functions run on each partition through ``map_partitions``; the output ``meta`` is the
function applied to the input's empty ``meta``, so dtypes and columns always match what pandas
gives. On a distributed worker, each call's rayon pool is sized to the worker's threads, so a
machine running several workers is not oversubscribed.

:func:`copydesk.near_duplicates` and :func:`copydesk.duplicate_groups` take a Dask Series too
(and the accessor has them): the search runs on the cluster, copies meet across partitions,
and the answer equals the pandas one (``copydesk._dask_copies`` says how). ``near_duplicates``
returns a pandas DataFrame, like pandas: the pairs are few next to the corpus, and their
global order (by row) needs them in one place anyway. ``duplicate_groups`` returns a Dask
Series aligned with the input, since it has one value per row.

Registration: importing ``dask.dataframe`` costs about a second, so copydesk does not import it.
If Dask is already imported, the accessor is registered at once; otherwise a post-import hook
registers it the moment ``dask.dataframe`` is imported.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
from collections.abc import Callable
from typing import Any

import copydesk

_DASK_MODULE = "dask.dataframe"


def worker_threads() -> int | None:
    """The thread count of the Dask worker running this task, or None outside a worker."""
    try:
        from distributed import get_worker
    except ImportError:
        return None
    try:
        worker = get_worker()
    except ValueError:  # not running on a distributed worker
        return None
    state = getattr(worker, "state", worker)
    return getattr(state, "nthreads", None)


def run_partition(
    partition: Any,
    function: Callable[..., Any],
    options: dict[str, Any],
    partition_info: dict[str, Any] | None = None,
) -> Any:
    """Runs a copydesk function on one partition, sized to the worker's threads. A row's
    error names the partition and the row's index label: its position in the partition alone
    would point at the wrong row of the Series."""
    if options.get("n_threads") is None:
        options = {**options, "n_threads": worker_threads()}
    try:
        return function(partition, **options)
    except (copydesk.RowError, TypeError) as error:
        raise _in_partition(error, partition, partition_info) from error


def _in_partition(error: Exception, partition: Any, info: dict[str, Any] | None) -> Exception:
    """``row N: ...`` of a partition as ``row N of partition P (index label L): ...``; the
    error's ``.partition`` and ``.label`` hold them."""
    head, sep, rest = str(error).partition(": ")
    row = getattr(error, "row", None)
    if row is None and head.startswith("row ") and head[4:].isdigit():
        row = int(head[4:])
    if not sep or row is None or info is None or not 0 <= row < len(partition):
        return error
    label = partition.index[row]
    named = type(error)(f"row {row} of partition {info['number']} (index label {label!r}): {rest}")
    for name, value in (("row", row), ("partition", info["number"]), ("label", label)):
        setattr(named, name, value)
    return named


def map_rows(series: Any, function: Callable[..., Any], **options: Any) -> Any:
    """A per-row copydesk function over a Dask Series, partition by partition."""
    meta = function(series._meta, **options)
    return series.map_partitions(run_partition, function, options, meta=meta)


class DaskCopydeskAccessor:
    """copydesk on a Dask Series of article texts; the methods of the pandas accessor."""

    def __init__(self, series: Any) -> None:
        self._series = series

    def clean(self, **options: Any) -> Any:
        """:func:`copydesk.clean` on every partition."""
        return map_rows(self._series, copydesk.clean, **options)

    def clean_report(self, **options: Any) -> Any:
        """:func:`copydesk.clean_report` on every partition (a Dask DataFrame of removals)."""
        return map_rows(self._series, copydesk.clean_report, **options)

    def quotes(self, **options: Any) -> Any:
        """:func:`copydesk.quotes` on every partition (a Dask DataFrame, one row per quote)."""
        return map_rows(self._series, copydesk.quotes, **options)

    def near_duplicates(self, **options: Any) -> Any:
        """:func:`copydesk.near_duplicates` across all partitions (a pandas DataFrame)."""
        return copydesk.near_duplicates(self._series, **options)

    def duplicate_groups(self, **options: Any) -> Any:
        """:func:`copydesk.duplicate_groups` across all partitions (a Dask Series)."""
        return copydesk.duplicate_groups(self._series, **options)


def register() -> None:
    """Registers the accessor on Dask Series (idempotent)."""
    import dask.dataframe as dd
    from dask.dataframe.extensions import register_series_accessor

    if not hasattr(dd.Series, "copydesk"):
        register_series_accessor("copydesk")(DaskCopydeskAccessor)


class _RegisterAfterImport(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Wraps the loader of ``dask.dataframe`` so that the accessor is registered right after
    the module is executed, whoever imports it."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname != _DASK_MODULE:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(fullname)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return None
        self._loader = spec.loader
        spec.loader = self
        return spec

    def create_module(self, spec: Any) -> Any:
        return self._loader.create_module(spec)

    def exec_module(self, module: Any) -> None:
        self._loader.exec_module(module)
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        register()


def install() -> None:
    """Registers now if Dask is imported, else when it is; nothing when Dask is absent."""
    if _DASK_MODULE in sys.modules:
        register()
    elif importlib.util.find_spec("dask") is not None:
        if not any(isinstance(f, _RegisterAfterImport) for f in sys.meta_path):
            sys.meta_path.insert(0, _RegisterAfterImport())
