"""The column machinery, Python half: recognise the caller's container, hand ``_core`` a payload
it reads without a Python object per row where possible, and give the result back in the
caller's container with its index and name.

``_core`` accepts three payloads: a ``str`` (or a missing scalar), a ``list`` of Python
objects, or an object exporting Arrow through the PyCapsule interface. It answers with a value,
a ``list`` or an Arrow array (an object with ``__arrow_c_array__``). Rows, missing values, type
errors, failed rows, threads and Ctrl-C are all handled on the Rust side (``src/py/columns.rs``);
this module only translates containers. Every public function goes through :func:`apply`,
:func:`apply_pairs` or :func:`apply_records`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Literal

OutputKind = Literal["str", "float", "int"]

_MISSING_TYPE_NAMES = ("NAType", "NaTType")


def is_missing(value: Any) -> bool:
    """``None``, a float NaN, ``pandas.NA`` or ``pandas.NaT``."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in _MISSING_TYPE_NAMES


def _module_of(value: Any) -> str:
    return type(value).__module__.split(".", 1)[0]


def _is_arrow_string_dtype(dtype: Any) -> bool:
    """pandas dtypes stored as Arrow strings: pandas 3 ``str``, ``string[pyarrow]``, ArrowDtype."""
    storage = getattr(dtype, "storage", None)
    if storage in ("pyarrow", "pyarrow_numpy"):
        return True
    pa_type = getattr(dtype, "pyarrow_dtype", None)
    if pa_type is None:
        return False
    import pyarrow as pa

    if pa.types.is_dictionary(pa_type):
        pa_type = pa_type.value_type
    return bool(
        pa.types.is_string(pa_type)
        or pa.types.is_large_string(pa_type)
        or getattr(pa.types, "is_string_view", lambda _: False)(pa_type)
    )


def _decoded(array: Any) -> Any:
    """A dictionary-encoded Arrow column (Arrow's categorical) as its plain values, so that
    it reads like a pandas categorical; any other column as it is."""
    import pyarrow as pa

    kind = getattr(array, "type", None)
    if kind is not None and pa.types.is_dictionary(kind):
        return array.cast(kind.value_type)
    return array


def _polars_strings(series: Any) -> Any:
    """A polars Categorical or Enum column as strings (as a pandas categorical is read), and
    an all-null column of type Null as an all-null string column."""
    import polars as pl

    dtype = series.dtype
    if dtype == pl.Categorical or dtype == pl.Null or isinstance(dtype, pl.Enum):
        return series.cast(pl.String)
    return series


class Column:
    """One column argument: the payload for ``_core`` and what it takes to restore the
    caller's container."""

    __slots__ = ("kind", "length", "payload", "source")

    def __init__(self, payload: Any, kind: str, source: Any, length: int) -> None:
        self.payload = payload
        self.kind = kind
        self.source = source
        self.length = length

    @classmethod
    def of(cls, value: Any, argname: str = "text") -> Column:
        """Recognises a column argument; a ``TypeError`` for anything that is not one."""
        if isinstance(value, (str, bytes, bytearray, dict)) or value is None:
            raise TypeError(
                f"{argname}: expected str or a column of str, got {type(value).__name__}"
            )
        module = _module_of(value)
        if isinstance(value, list):
            return cls(value, "list", value, len(value))
        if isinstance(value, tuple):
            return cls(list(value), "list", value, len(value))
        if module == "pandas" and hasattr(value, "index"):
            return cls._of_pandas(value)
        if module == "numpy" and hasattr(value, "dtype"):
            if value.ndim != 1:
                raise TypeError(f"{argname}: expected a 1-d array, got {value.ndim} dimensions")
            return cls(value.tolist(), "numpy", value, len(value))
        if module == "polars":
            return cls(_polars_strings(value), "polars", value, len(value))
        if module == "pyarrow":
            kind = "pyarrow-chunked" if hasattr(value, "chunks") else "pyarrow"
            return cls(_decoded(value), kind, value, len(value))
        if hasattr(value, "__arrow_c_array__") or hasattr(value, "__arrow_c_stream__"):
            return cls(value, "arrow", value, -1)
        if hasattr(value, "__iter__"):
            items = list(value)
            return cls(items, "list", items, len(items))
        raise TypeError(f"{argname}: expected str or a column of str, got {type(value).__name__}")

    @classmethod
    def _of_pandas(cls, series: Any) -> Column:
        if getattr(series, "ndim", 1) != 1:
            raise TypeError(
                "expected a pandas Series, got a DataFrame: pass one column, df['text']"
            )
        if _is_arrow_string_dtype(series.dtype):
            arrow = _decoded(series.array.__arrow_array__())
            return cls(arrow, "pandas-arrow", series, len(series))
        return cls(series.to_numpy(dtype=object).tolist(), "pandas", series, len(series))

    # ---- results back to the caller's container ----------------------------------------

    def restore(self, result: Any, out: OutputKind) -> Any:
        """The result of ``_core`` (a list or an Arrow array) in the caller's container."""
        kind = self.kind
        if kind == "list":
            return result if isinstance(result, list) else _arrow(result).to_pylist()
        if kind == "numpy":
            return _to_numpy(result, out)
        if kind in ("pandas", "pandas-arrow"):
            return self._restore_pandas(result, out)
        if kind == "polars":
            import polars as pl

            values = result if not isinstance(result, list) else _arrow(result)
            return pl.Series(values).alias(self.source.name)
        array = _arrow(result)
        if kind == "pyarrow-chunked":
            import pyarrow as pa

            return pa.chunked_array([array], type=array.type)
        return array

    def _restore_pandas(self, result: Any, out: OutputKind) -> Any:
        import pandas as pd

        series = self.source
        if out == "str" and self.kind == "pandas-arrow":
            import pyarrow as pa

            dtype = series.dtype
            if pa.types.is_dictionary(getattr(dtype, "pyarrow_dtype", pa.null())):
                dtype = pd.ArrowDtype(dtype.pyarrow_dtype.value_type)  # new texts, no categories
            values = pd.array(pa.chunked_array([_arrow(result)]), dtype=dtype)
        elif out == "str":
            values = result if isinstance(result, list) else _arrow(result).to_pylist()
            # A pandas string dtype stored in Python objects stays itself; object (and
            # categorical: its categories would not fit the new texts) gives object.
            keep = isinstance(series.dtype, pd.StringDtype)
            dtype = series.dtype if keep else object
            return pd.Series(values, index=series.index, name=series.name, dtype=dtype)
        else:
            values = _to_numpy(result, out)
            if out == "int" and values.dtype == object:
                values = pd.array(values, dtype="Int64")
        return pd.Series(values, index=series.index, name=series.name, copy=False)

    def labels(self, positions: list[int]) -> Any:
        """The caller's row labels at `positions` (the index for pandas, positions otherwise)."""
        if self.kind in ("pandas", "pandas-arrow"):
            return self.source.index.take(positions)
        return positions


def _arrow(result: Any) -> Any:
    """An Arrow-exporting result (or a list) as a pyarrow array."""
    import pyarrow as pa

    return pa.array(result)


def _to_numpy(result: Any, out: OutputKind) -> Any:
    """A result as a numpy array: object for text, float64 with NaN for missing floats,
    int64 for ints (object with None where some are missing)."""
    import numpy as np

    if out == "str":
        values = result if isinstance(result, list) else _arrow(result).to_pylist()
        array = np.empty(len(values), dtype=object)
        array[:] = values
        return array
    if isinstance(result, list):
        if out == "float":
            return np.array([np.nan if v is None else v for v in result], dtype="float64")
        if any(v is None for v in result):
            return np.array(result, dtype=object)
        return np.array(result, dtype="int64")
    array = _arrow(result)
    if out == "int" and array.null_count:
        return np.array(array.to_pylist(), dtype=object)
    return array.to_numpy(zero_copy_only=False)


# ---- the three ways a public function calls _core ----------------------------------------


def _progress_bar(enabled: bool, total: int) -> Any:
    if not enabled or total <= 0:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("progress=True needs tqdm: pip install 'copydesk[progress]'") from e
    return tqdm(total=total)


def _check_counts(options: dict[str, Any]) -> None:
    """Every integer option (``n_threads``, ``k``, ``ngram``, ``shingle_size``, ``seed``,
    ..., also inside the ``options`` dict) is a count or a seed: a negative one is an
    :class:`InvalidOptionError` naming it, where ``_core`` could only say "can't convert
    negative int to unsigned" or "failed to extract field"."""
    from . import _core

    for name, value in options.items():
        if isinstance(value, dict):
            _check_counts(value)
        elif isinstance(value, int) and not isinstance(value, bool) and value < 0:
            raise _core.InvalidOptionError(f"{name}: must not be negative, got {value}")


def call_with_progress(
    kernel: Callable[..., Any], total: int, progress: bool, *payloads: Any, **kwargs: Any
) -> Any:
    """Calls ``kernel(*payloads, **kwargs)`` with a ``tqdm.auto`` bar over ``total`` rows when
    ``progress``; ``_core`` updates it between chunks."""
    _check_counts(kwargs)
    bar = _progress_bar(progress, total)
    try:
        return kernel(*payloads, progress=bar.update if bar is not None else None, **kwargs)
    finally:
        if bar is not None:
            bar.close()


def apply(
    kernel: Callable[..., Any], text: Any, out: OutputKind, *, progress: bool = False, **kwargs: Any
) -> Any:
    """One value per row: a scalar for a ``str``, the caller's container for a column."""
    if isinstance(text, str) or is_missing(text):
        return kernel(text, **kwargs)
    column = Column.of(text)
    return column.restore(
        call_with_progress(kernel, column.length, progress, column.payload, **kwargs), out
    )


def apply_pairs(
    kernel: Callable[..., Any],
    a: Any,
    b: Any,
    out: OutputKind,
    *,
    progress: bool = False,
    **kwargs: Any,
) -> Any:
    """One value per pair of rows of two columns (or a ``str`` against a column)."""
    scalar_a = isinstance(a, str) or is_missing(a)
    scalar_b = isinstance(b, str) or is_missing(b)
    if scalar_a and scalar_b:
        return kernel(a, b, **kwargs)
    col_a = None if scalar_a else Column.of(a, "a")
    col_b = None if scalar_b else Column.of(b, "b")
    shape = col_a or col_b
    assert shape is not None
    pa_ = a if col_a is None else col_a.payload
    pb_ = b if col_b is None else col_b.payload
    result = call_with_progress(kernel, shape.length, progress, pa_, pb_, **kwargs)
    return shape.restore(result, out)


#: The columns of the records :func:`copydesk.clean_report` gives for a column, and their
#: dtypes: the same whether a batch has records, some missing or none (an empty batch, or a
#: Dask partition's ``meta``).
REMOVAL_DTYPES = {"start": "int64", "end": "int64", "kind": "str", "text": "str"}
#: The same for :func:`copydesk.quotes`: offsets of an absent speaker or cue are ``<NA>``.
QUOTE_DTYPES = {
    "text": "str",
    "start": "int64",
    "end": "int64",
    "fragments": "object",
    "speaker": "str",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "speaker_name": "str",
    "cue": "str",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "kind": "str",
}


def apply_records(
    kernel: Callable[..., Any],
    text: Any,
    dtypes: dict[str, str],
    *,
    progress: bool = False,
    **kwargs: Any,
) -> Any:
    """Many records per row: a list of objects for a ``str``; for a column, a long
    ``pandas.DataFrame`` with a ``row`` column holding the caller's row labels and the
    fields as columns of ``dtypes``."""
    if isinstance(text, str) or is_missing(text):
        return kernel(text, **kwargs) if not is_missing(text) else []
    column = Column.of(text)
    fields = call_with_progress(kernel, column.length, progress, column.payload, **kwargs)
    return _records_frame(column, fields, dtypes)


def apply_with_records(
    kernel: Callable[..., Any],
    text: Any,
    out: OutputKind,
    dtypes: dict[str, str],
    *,
    progress: bool = False,
    **kwargs: Any,
) -> tuple[Any, Any]:
    """A value per row and records per row from one pass over a column: what :func:`apply`
    and :func:`apply_records` give, as a pair."""
    column = Column.of(text)
    values, fields = call_with_progress(kernel, column.length, progress, column.payload, **kwargs)
    return column.restore(values, out), _records_frame(column, fields, dtypes)


def _records_frame(column: Column, fields: dict[str, Any], dtypes: dict[str, str]) -> Any:
    """The long ``pandas.DataFrame`` of a record kernel's field lists, with a ``row`` column
    holding ``column``'s labels, each field of its dtype in ``dtypes``."""
    import pandas as pd

    positions = fields.pop("row")
    frame = pd.DataFrame(
        {name: pd.Series(values, dtype=dtypes[name]) for name, values in fields.items()}
    )
    frame.insert(0, "row", column.labels(positions))
    return frame
