"""The column contract of DESIGN.md, checked through `clean` and the machinery's own probes:
every input kind in, the same kind out; missing values; type errors naming the row; failed
rows; panics; threads; progress; pickling; Ctrl-C."""

from __future__ import annotations

import _thread
import multiprocessing
import os
import pickle
import threading
import time

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import copydesk as cd
from copydesk import _core
from copydesk._columns import apply

DIRTY = ["a  b", None, " c\u00a0d ", "e\r\n\r\n\r\nf"]
CLEAN = ["a b", None, "c d", "e\n\nf"]


def echo(column, **kw):
    return apply(_core._echo, column, "str", **kw)


def probe(column, **kw):
    return apply(_core._probe, column, "int", **kw)


# ---- input kinds ------------------------------------------------------------------------


def test_str_in_str_out():
    assert cd.clean("Cafe\u0301  au  lait") == "Caf\u00e9 au lait"


def test_missing_scalars_pass_through():
    assert cd.clean(None) is None
    assert cd.clean(float("nan")) is None
    assert cd.clean(pd.NA) is None


def test_list_and_tuple():
    assert cd.clean(DIRTY) == CLEAN
    assert cd.clean(tuple(DIRTY)) == CLEAN


def test_numpy_object_and_unicode_arrays():
    out = cd.clean(np.array(DIRTY, dtype=object))
    assert isinstance(out, np.ndarray) and out.tolist() == CLEAN
    out = cd.clean(np.array(["a  b", "c"]))
    assert out.tolist() == ["a b", "c"]


@pytest.mark.parametrize("dtype", [object, "str", "string[python]", "string[pyarrow]", "category"])
def test_pandas_series_keeps_index_name_and_order(dtype):
    s = pd.Series(DIRTY, index=[30, 10, 20, 99], name="body", dtype=dtype)
    out = cd.clean(s)
    assert isinstance(out, pd.Series)
    assert out.index.tolist() == [30, 10, 20, 99]
    assert out.name == "body"
    values = [None if pd.isna(v) else v for v in out.tolist()]
    assert values == CLEAN


STRING_DTYPES = [
    pd.StringDtype("python"),
    pd.StringDtype("python", na_value=np.nan),
    pd.StringDtype("pyarrow"),
    pd.ArrowDtype(pa.string()),
    "str",
    object,
]
QUOTED = "\u201cThe wall will hold,\u201d said Mayor Ines Calder. Caf\u00e9\u0007 au lait."


@pytest.mark.parametrize(
    "dtype",
    STRING_DTYPES,
    ids=["python", "python-nan", "pyarrow", "arrow-string", "str", "object"],
)
def test_every_function_keeps_index_and_text_dtype(dtype):
    """Text out keeps the input's string dtype; numbers and ids come with the input's index
    and name; long results name rows by its labels, whatever string dtype holds the texts."""
    s = pd.Series([QUOTED, None, QUOTED.upper()], index=[7, 3, 5], name="body", dtype=dtype)
    cleaned = cd.clean(s)
    assert cleaned.dtype == s.dtype and cleaned.isna().tolist() == [False, True, False]
    assert cleaned[7] == cd.clean(QUOTED) == QUOTED.replace("\u0007", "")
    for out, kind in (
        (cd.similarity(s, s), "float64"),
        (cd.similarity(s, "cafe", metric="jaro_winkler"), "float64"),
        (cd.distance(s, "cafe"), "Int64"),
        (cd.copy_share(s, s), "float64"),
        (cd.duplicate_groups(s), "Int64"),
    ):
        assert str(out.dtype) == kind and list(out.index) == [7, 3, 5] and out.name == "body"
        assert pd.isna(out[3])
    assert cd.quotes(s)["row"].tolist() == [7, 5]
    assert cd.clean_report(s)["row"].tolist() == [7, 5]
    assert cd.near_duplicates(s)[["a", "b"]].values.tolist() == [[7, 5]]
    assert cd.nearest(s, k=1)["query"].tolist() == [7, 5]


@pytest.mark.parametrize("function", [cd.quotes, cd.clean_report], ids=["quotes", "report"])
def test_record_frames_keep_their_dtypes_when_empty(function):
    """An empty batch, or one without records, has the columns and dtypes of a full one (they
    were all float64): a Dask partition's meta is such an empty frame, and ``.str`` on a
    float64 meta column failed."""
    full = function(pd.Series([QUOTED, "No quote here, said nobody.", None], index=[4, 5, 6]))
    assert len(full) >= 1
    for texts in ([], [None], ["x"]):
        empty = function(pd.Series(texts, dtype=object))
        assert len(empty) == 0
        assert empty.dtypes.to_dict() == full.dtypes.to_dict()
    if function is cd.quotes:
        assert str(full["cue_start"].dtype) == "Int64"  # int64 or float64, as it happened


def test_pandas_arrow_str_keeps_dtype():
    s = pd.Series(DIRTY, dtype="str")
    out = cd.clean(s)
    assert out.dtype == s.dtype


def test_pandas_dataframe_is_a_clear_type_error():
    with pytest.raises(TypeError, match="DataFrame"):
        cd.clean(pd.DataFrame({"a": ["x"]}))


@pytest.mark.parametrize("pa_type", [pa.string(), pa.large_string(), pa.string_view()])
def test_pyarrow_array(pa_type):
    out = cd.clean(pa.array(DIRTY, type=pa_type))
    assert isinstance(out, pa.Array)
    assert out.to_pylist() == CLEAN


def test_pyarrow_chunked_array():
    arr = pa.chunked_array([DIRTY[:2], DIRTY[2:], []])
    out = cd.clean(arr)
    assert isinstance(out, pa.ChunkedArray)
    assert out.to_pylist() == CLEAN


def test_pyarrow_all_null_column():
    assert cd.clean(pa.array([None, None], type=pa.null())).to_pylist() == [None, None]


def test_pyarrow_binary_is_type_error():
    with pytest.raises(TypeError, match=r"binary|Binary"):
        cd.clean(pa.array([b"x"]))


def test_polars_series():
    s = pl.Series("body", DIRTY)
    out = cd.clean(s)
    assert isinstance(out, pl.Series)
    assert out.name == "body"
    assert out.to_list() == CLEAN


@pytest.mark.parametrize(
    "column",
    [
        lambda: pa.array(DIRTY).dictionary_encode(),
        lambda: pa.chunked_array([pa.array(DIRTY).dictionary_encode()]),
        lambda: pl.Series("body", DIRTY, dtype=pl.Categorical),
        lambda: pl.Series("body", DIRTY, dtype=pl.Enum(sorted({d for d in DIRTY if d}))),
        lambda: pd.Series(DIRTY, dtype=pd.ArrowDtype(pa.dictionary(pa.int32(), pa.string()))),
    ],
    ids=["pyarrow", "pyarrow-chunked", "polars-categorical", "polars-enum", "pandas-arrow"],
)
def test_dictionary_columns_read_like_a_categorical(column):
    """Arrow's categorical (dictionary-encoded strings: polars Categorical and Enum too) is a
    column of strings, as a pandas categorical is; it was a TypeError."""
    out = cd.clean(column())
    if isinstance(out, (pa.Array, pa.ChunkedArray)):
        values = out.to_pylist()
    else:
        values = out.to_list()  # polars and pandas
    assert [None if pd.isna(v) else v for v in values] == CLEAN
    assert cd.duplicate_groups(column()) is not None


def test_polars_all_null_column():
    """A polars column of only nulls has type Null: all missing out (it was an Arrow C data
    interface error)."""
    assert cd.clean(pl.Series("body", [None, None])).to_list() == [None, None]
    assert cd.quotes(pl.Series([None])).empty


def test_empty_columns():
    assert cd.clean([]) == []
    assert cd.clean(pd.Series([], dtype=object)).tolist() == []
    assert cd.clean(pa.array([], type=pa.string())).to_pylist() == []


def test_generic_iterable():
    assert cd.clean(iter(["a  b", "c"])) == ["a b", "c"]


# ---- missing values and bad input ---------------------------------------------------------


def test_missing_values_in_a_column():
    out = cd.clean(["x", None, float("nan"), np.nan, pd.NA, pd.NaT])
    assert out == ["x", None, None, None, None, None]


@pytest.mark.parametrize(
    "bad, name", [(3, "int"), (2.5, "float"), (b"x", "bytes"), ({"a": 1}, "dict"), (["x"], "list")]
)
def test_wrong_type_names_the_row(bad, name):
    with pytest.raises(TypeError, match=rf"row 2: expected str, got {name}"):
        cd.clean(["ok", "fine", bad])


@pytest.mark.parametrize("bad", [3, b"x", {"a": 1}])
def test_wrong_scalar_type(bad):
    with pytest.raises(TypeError, match="expected str"):
        cd.clean(bad)


def test_lone_surrogate_fails_its_row():
    with pytest.raises(cd.RowError, match=r"row 1: .*surrogate"):
        cd.clean(["ok", "bad \ud800"])
    assert cd.clean(["ok", "bad \ud800"], errors="null") == ["ok", None]
    with pytest.raises(cd.CopydeskError, match="surrogate"):
        cd.clean("bad \ud800")


# ---- failures inside a row -----------------------------------------------------------------


def test_failed_row_raises_row_error_naming_it():
    with pytest.raises(cd.RowError, match="row 2: this row asked to fail") as info:
        probe(["a", "bb", "fail", "c"])
    assert info.value.row == 2
    assert isinstance(info.value, ValueError)


def test_errors_null_gives_missing():
    assert probe(["a", "fail", "ccc"], errors="null") == [1, None, 3]
    out = probe(pd.Series(["a", "fail"]), errors="null")
    assert out.dtype == "Int64" and out.isna().tolist() == [False, True]


def test_panic_becomes_row_error_and_interpreter_lives():
    with pytest.raises(cd.RowError, match=r"row 1: .*panic"):
        probe(["a", "panic", "b"])
    assert probe(["a", "panic", "b"], errors="null") == [1, None, 1]
    with pytest.raises(cd.CopydeskError):
        _core._probe("panic")
    assert cd.clean("still  alive") == "still alive"


def test_invalid_options():
    with pytest.raises(cd.InvalidOptionError, match="errors"):
        cd.clean(["x"], errors="maybe")
    for n_threads in (0, 1025, 10**6):  # a million spawned a million threads and hung
        with pytest.raises(cd.InvalidOptionError, match="n_threads: must be 1 to 1024"):
            cd.clean(["x"], n_threads=n_threads)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: cd.clean(["x"], n_threads=-1), "n_threads"),  # joblib's "all cores"
        (lambda: cd.nearest(["x"], k=-1), "k"),
        (lambda: cd.similarity(["x"], ["x"], metric="jaccard", ngram=-1), "ngram"),
        (lambda: cd.near_duplicates(["x"], seed=-1), "seed"),
        (lambda: cd.copy_share(["x"], ["x"], shingle_size=-1), "shingle_size"),
    ],
)
def test_negative_counts_are_option_errors_naming_the_option(call, name):
    """They were OverflowError "can't convert negative int to unsigned" or TypeError "failed
    to extract field", naming nothing."""
    with pytest.raises(cd.InvalidOptionError, match=f"^{name}: must not be negative, got -1"):
        call()


# ---- threads, progress, Ctrl-C -------------------------------------------------------------


@pytest.mark.parametrize("n_threads", [None, 1, 2, 3])
def test_n_threads_same_answers(n_threads):
    texts = [f"row  {i}\u00a0x" for i in range(5000)]
    assert cd.clean(texts, n_threads=n_threads) == [f"row {i} x" for i in range(5000)]


def test_gil_is_released_during_a_batch():
    ticks = 0
    stop = threading.Event()

    def count():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.001)

    t = threading.Thread(target=count)
    t.start()
    try:
        probe(["slow"] * 40, n_threads=1)  # about 0.4 s of Rust work
    finally:
        stop.set()
        t.join()
    assert ticks > 50, f"the Python thread ran only {ticks} times while Rust worked"


def test_progress_callback_counts_every_row():
    seen = []
    _core._echo(["x"] * 10_000, progress=seen.append)
    assert sum(seen) == 10_000 and len(seen) > 1


def test_progress_true_uses_tqdm():
    pytest.importorskip("tqdm")
    assert cd.clean(["a  b"] * 100, progress=True) == ["a b"] * 100


def test_ctrl_c_stops_a_long_batch_within_a_second(sigint_raises):
    timer = threading.Timer(0.3, _thread.interrupt_main)
    began = time.perf_counter()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        probe(["slow"] * 1000, n_threads=1)  # 10 s if not interrupted
    assert time.perf_counter() - began < 1.3


def _clean_in_child(queue):
    queue.put(cd.clean(["a  b"] * 1000))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_forked_child_does_not_deadlock():
    cd.clean(["warm  up the pool"] * 10_000)
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_clean_in_child, args=(queue,))
    child.start()
    child.join(timeout=30)
    assert child.exitcode == 0, "the forked child hung or died"
    assert queue.get(timeout=5) == ["a b"] * 1000


# ---- pickling ------------------------------------------------------------------------------


def test_functions_pickle_by_reference():
    for fn in (cd.clean, _core.clean):
        assert pickle.loads(pickle.dumps(fn)) is fn


def test_errors_pickle():
    err = pickle.loads(pickle.dumps(cd.RowError("row 3: boom")))
    assert isinstance(err, cd.RowError) and str(err) == "row 3: boom"
    assert cd.RowError.__module__ == "copydesk._core"


def test_arrow_rows_are_read_without_python_objects():
    # 200k rows through the Arrow path must not be slower than a fixed budget per row that
    # only a zero-copy read meets; measured loosely to stay robust on a shared machine.
    arr = pa.array(["x"] * 200_000)
    out = echo(arr)
    assert len(out) == 200_000
