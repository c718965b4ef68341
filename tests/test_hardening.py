"""Robustness of every public function: a panic inside a row, Ctrl-C in a long batch (with and
without a progress bar), and the same call from eight Python threads at once. The column
contract itself is in test_columns.py; bad inputs are in test_bad_inputs.py."""

from __future__ import annotations

import _thread
import threading
import time
from typing import Any

import numpy as np
import pandas as pd
import pytest
from _outcomes import row_missing

import copydesk as cd
from copydesk import _core

NEWS = (
    "\u201cWe will not back down,\u201d said Jane Doe, the mayor. Prices rose 3% in May, "
    "the agency said on Monday. \u201cIt is over,\u201d she told reporters in the city. "
)

#: Each function called on a column (first argument) with batch keywords passed through.
CALLS: dict[str, Any] = {
    "clean": lambda x, **kw: cd.clean(x, **kw),
    "clean_report": lambda x, **kw: cd.clean_report(x, **kw),
    "quotes": lambda x, **kw: cd.quotes(x, **kw),
    "similarity": lambda x, **kw: cd.similarity(x, NEWS[:90], **kw),
    "distance": lambda x, **kw: cd.distance(x, NEWS[:90], **kw),
    "copy_share": lambda x, **kw: cd.copy_share(x, NEWS, **kw),
    "similarity_matrix": lambda x, **kw: cd.similarity_matrix(x, **kw),
    "nearest": lambda x, **kw: cd.nearest(x, k=2, **kw),
    "near_duplicates": lambda x, **kw: cd.near_duplicates(x, **kw),
    "duplicate_groups": lambda x, **kw: cd.duplicate_groups(x, **kw),
}
BATCH_FUNCTIONS = sorted(CALLS)


def same(a: Any, b: Any) -> bool:
    if isinstance(a, pd.DataFrame):
        return a.equals(b)
    if isinstance(a, np.ndarray):
        return np.array_equal(a, b, equal_nan=True)
    return a == b


# ---- panics --------------------------------------------------------------------------------


@pytest.fixture
def panic_marker():
    """The text that panics inside every engine while the test switch is armed."""
    marker = _core._arm_test_panic(True)
    try:
        yield marker
    finally:
        _core._arm_test_panic(False)


@pytest.mark.parametrize("fn", BATCH_FUNCTIONS)
def test_a_panic_in_a_row_names_the_row(fn, panic_marker):
    rows = [NEWS, NEWS + " More.", panic_marker, NEWS]
    with pytest.raises(cd.RowError, match=r"row 2: .*panic") as info:
        CALLS[fn](rows)
    assert info.value.row == 2
    assert isinstance(info.value, cd.CopydeskError)


@pytest.mark.parametrize("fn", BATCH_FUNCTIONS)
def test_errors_null_makes_the_panicked_row_missing(fn, panic_marker):
    rows = [NEWS, NEWS + " More.", panic_marker, NEWS]
    result = CALLS[fn](rows, errors="null")
    assert row_missing(fn, result, 2, searched_itself=True)
    assert not row_missing(fn, result, 0, searched_itself=True) or fn == "clean_report"


@pytest.mark.parametrize("fn", ["clean", "clean_report", "quotes", "similarity", "distance"])
def test_a_panic_on_a_single_text_is_a_copydesk_error(fn, panic_marker):
    with pytest.raises(cd.CopydeskError, match="panic"):
        CALLS[fn](panic_marker)


def test_a_panic_in_align_is_a_copydesk_error(panic_marker):
    with pytest.raises(cd.CopydeskError, match="panic"):
        cd.align(panic_marker, NEWS)


def test_the_interpreter_lives_on_after_panics(panic_marker):
    for fn in BATCH_FUNCTIONS:
        CALLS[fn]([panic_marker, NEWS], errors="null")
    _core._arm_test_panic(False)
    assert cd.clean("still  alive") == "still alive"
    assert cd.quotes(NEWS)


# ---- Ctrl-C ---------------------------------------------------------------------------------

PAGE = (
    "<div><p>" + NEWS * 4 + "</p><script>var a = {b: [1, 2, 3]};</script>"
    "<p>Share this article. Follow us.</p></div>\n"
) * 3
#: A long batch for each function: tens of seconds if nothing interrupts it. The inputs
#: repeat one object, so building them costs nothing.
LONG_INPUTS: dict[str, Any] = {
    "clean": lambda: [PAGE] * 400_000,
    "clean_report": lambda: [PAGE] * 400_000,
    "quotes": lambda: [NEWS * 10] * 1_000_000,
    "similarity": lambda: [NEWS * 8] * 2_000_000,
    "distance": lambda: [NEWS * 8] * 2_000_000,
    "copy_share": lambda: [NEWS * 20] * 2_000_000,
    "similarity_matrix": lambda: [NEWS * 2 + str(i) for i in range(6000)],
    "nearest": lambda: [NEWS * 2 + str(i) for i in range(6000)],
    # Long versions of one story that differ by a number: every pair is verified.
    "near_duplicates": lambda: [NEWS * 40 + str(i) for i in range(1500)],
    # Grouping skips pairs already joined, so versions of one story are quick to group: many
    # copies of one long text, each indexed in full.
    "duplicate_groups": lambda: [NEWS * 40] * 100_000,
}


@pytest.mark.parametrize("progress", [False, True], ids=["plain", "progress"])
@pytest.mark.parametrize("fn", BATCH_FUNCTIONS)
def test_ctrl_c_stops_a_long_batch_within_a_second(fn, progress, sigint_raises):
    if progress:
        pytest.importorskip("tqdm")
    rows = LONG_INPUTS[fn]()
    timer = threading.Timer(0.5, _thread.interrupt_main)
    began = time.perf_counter()
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            CALLS[fn](rows, progress=progress)
        stopped = time.perf_counter() - began
    finally:
        timer.cancel()
    assert stopped < 1.5, f"{fn} stopped {stopped - 0.5:.2f} s after Ctrl-C"


# ---- threads --------------------------------------------------------------------------------

SMALL_INPUTS = [NEWS * (1 + i % 3) + f" Row {i}." for i in range(300)] + [None, ""]


@pytest.mark.parametrize("fn", BATCH_FUNCTIONS)
def test_eight_python_threads_get_the_answers_of_one(fn):
    expected = CALLS[fn](SMALL_INPUTS)
    results: list[Any] = [None] * 8
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            results[i] = CALLS[fn](SMALL_INPUTS)
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a thread deadlocked"
    assert not errors, errors
    assert all(same(expected, r) for r in results)


def test_align_from_eight_threads():
    b = NEWS.replace("Monday", "Tuesday")
    expected = cd.align(NEWS, b).to_dict()
    out: list[Any] = []
    threads = [
        threading.Thread(target=lambda: out.append(cd.align(NEWS, b).to_dict())) for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert out == [expected] * 8


@pytest.mark.parametrize("fn", ["similarity", "distance", "similarity_matrix", "nearest"])
def test_python_processor_from_eight_threads_does_not_deadlock(fn):
    def processor(s: str) -> str:
        time.sleep(0)  # give the GIL away inside the callback
        return s.lower()

    call = CALLS[fn]
    expected = call(SMALL_INPUTS[:100], processor=processor)
    results: list[Any] = []

    def run() -> None:
        results.append(call(SMALL_INPUTS[:100], processor=processor, n_threads=2))

    threads = [threading.Thread(target=run) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "deadlock with a Python processor"
    assert len(results) == 8 and all(same(expected, r) for r in results)
