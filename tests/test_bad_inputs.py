"""The bad-input matrix: every public function crossed with every bad input, each cell with
one documented outcome that the test asserts. The tables below are the documentation:
docs/bad-inputs.md is rendered from them, and a test keeps the two equal.

Outcome codes:

- ``V``: a value (a column of the caller's kind for a column, same length).
- ``M``: missing (``None``/NaN/``<NA>``; no records for that row; a NaN matrix row; never paired).
- ``E``: an empty result of the right kind.
- ``T``: ``TypeError`` naming what was expected and what came.
- ``T1``: ``TypeError`` naming the row (``row 1: expected str, got int``).
- ``R0``/``R1``: ``RowError`` (a ``CopydeskError``, so a ``ValueError``) naming row 0 / row 1,
  with ``.row`` set; under ``errors="null"`` the same row is missing instead.
- ``C``: ``CopydeskError`` (a ``ValueError``) with a message saying what is wrong.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from _outcomes import row_missing

import copydesk as cd

FUNCTIONS = (
    "clean",
    "clean_report",
    "quotes",
    "similarity",
    "distance",
    "copy_share",
    "similarity_matrix",
    "nearest",
    "near_duplicates",
    "duplicate_groups",
    "align",
)

#: How each function is called with the input under test as its (first) text argument.
CALLS: dict[str, Any] = {
    "clean": lambda x, **kw: cd.clean(x, **kw),
    "clean_report": lambda x, **kw: cd.clean_report(x, **kw),
    "quotes": lambda x, **kw: cd.quotes(x, **kw),
    "similarity": lambda x, **kw: cd.similarity(x, "abc", **kw),
    "distance": lambda x, **kw: cd.distance(x, "abc", **kw),
    "copy_share": lambda x, **kw: cd.copy_share(x, "some words here", **kw),
    "similarity_matrix": lambda x, **kw: cd.similarity_matrix(x, ["abc", "xyz"], **kw),
    "nearest": lambda x, **kw: cd.nearest(x, ["abc", "xyz"], k=1, **kw),
    "near_duplicates": lambda x, **kw: cd.near_duplicates(x, **kw),
    "duplicate_groups": lambda x, **kw: cd.duplicate_groups(x, **kw),
    "align": lambda x, **kw: cd.align(x, "One sentence. And two."),
}

BIG_MB = 100


@cache
def big_text() -> str:
    """100 MB of scraped-page-like text: prose, quotes, braces, entities, emoji."""
    unit = (
        'Prices rose 3% in May. "We did not expect it," said Jane Doe. '
        '{"id": 7, "tags": ["a", "b"]} &amp; caf\u00e9 \U0001f600 '
    )
    return unit * (BIG_MB * 1_000_000 // len(unit.encode()))


#: The values that go into a column (as row 1 of ``["ok text", value]``; ``align`` takes the
#: value itself as its first text).
VALUES: dict[str, Any] = {
    "None": None,
    "NaN": float("nan"),
    "pd.NA": pd.NA,
    "int": 3,
    "float": 2.5,
    "bytes": b"x",
    "dict": {"a": 1},
    "nested list": ["x"],
    "lone surrogate": "bad \ud800 text",
    "NUL and controls": "a\x00b\x01c\x1b[0m\x7f\x85d",
    "empty string": "",
    f"{BIG_MB} MB string": big_text,
}

# fmt: off
#: Each value as row 1 of a column (align: the value as ``a``).
COLUMN_TABLE: dict[str, tuple[str, ...]] = {
    #                     clean clean_report quotes similarity distance copy_share matrix nearest near_dup groups align
    "None":              ("M",  "M",  "M",  "M",  "M",  "M",  "M",  "M",  "M",  "M",  "T"),
    "NaN":               ("M",  "M",  "M",  "M",  "M",  "M",  "M",  "M",  "M",  "M",  "T"),
    "pd.NA":             ("M",  "M",  "M",  "M",  "M",  "M",  "M",  "M",  "M",  "M",  "T"),
    "int":               ("T1", "T1", "T1", "T1", "T1", "T1", "T1", "T1", "T1", "T1", "T"),
    "float":             ("T1", "T1", "T1", "T1", "T1", "T1", "T1", "T1", "T1", "T1", "T"),
    "bytes":             ("T1", "T1", "T1", "T1", "T1", "T1", "T1", "T1", "T1", "T1", "T"),
    "dict":              ("T1", "T1", "T1", "T1", "T1", "T1", "T1", "T1", "T1", "T1", "T"),
    "nested list":       ("T1", "T1", "T1", "T1", "T1", "T1", "T1", "T1", "T1", "T1", "T"),
    "lone surrogate":    ("R1", "R1", "R1", "R1", "R1", "R1", "R1", "R1", "R1", "R1", "C"),
    "NUL and controls":  ("V",  "V",  "V",  "V",  "V",  "V",  "V",  "V",  "V",  "V",  "V"),
    "empty string":      ("V",  "V",  "V",  "V",  "V",  "V",  "V",  "V",  "V",  "V",  "V"),
    f"{BIG_MB} MB string": ("V", "V", "V",  "V",  "V",  "V",  "V",  "V",  "V",  "V",  "V"),
}

#: Each value as the whole argument (a single text).
SCALAR_TABLE: dict[str, tuple[str, ...]] = {
    "None":              ("M",  "M",  "M",  "M",  "M",  "M",  "T",  "T",  "T",  "T",  "T"),
    "NaN":               ("M",  "M",  "M",  "M",  "M",  "M",  "T",  "T",  "T",  "T",  "T"),
    "pd.NA":             ("M",  "M",  "M",  "M",  "M",  "M",  "T",  "T",  "T",  "T",  "T"),
    "int":               ("T",  "T",  "T",  "T",  "T",  "T",  "T",  "T",  "T",  "T",  "T"),
    "float":             ("T",  "T",  "T",  "T",  "T",  "T",  "T",  "T",  "T",  "T",  "T"),
    "bytes":             ("T",  "T",  "T",  "T",  "T",  "T",  "T",  "T",  "T",  "T",  "T"),
    "dict":              ("T",  "T",  "T",  "T",  "T",  "T",  "T",  "T",  "T",  "T",  "T"),
    "lone surrogate":    ("C",  "C",  "C",  "C",  "C",  "C",  "R0", "R0", "T",  "T",  "C"),
    "NUL and controls":  ("V",  "V",  "V",  "V",  "V",  "V",  "V",  "V",  "T",  "T",  "V"),
    "empty string":      ("V",  "V",  "V",  "V",  "V",  "V",  "V",  "V",  "T",  "T",  "V"),
}

#: Whole columns as the argument.
CONTAINER_TABLE: dict[str, tuple[str, ...]] = {
    "empty column":      ("E",  "E",  "E",  "E",  "E",  "E",  "E",  "E",  "E",  "E",  "T"),
    "categorical Series": ("V", "V",  "V",  "V",  "V",  "V",  "V",  "V",  "V",  "V",  "T"),
    "pyarrow binary column": ("T", "T", "T", "T",  "T",  "T",  "T",  "T",  "T",  "T",  "T"),
    "a million empty strings": ("V", "V", "V", "V", "V", "V", "V",  "V",  "V",  "V",  "T"),
}
# fmt: on

CONTAINERS: dict[str, Any] = {
    "empty column": lambda: [],
    "categorical Series": lambda: pd.Series(
        ["He said “no,” she said.", "He said “no,” she said.", None], dtype="category"
    ),
    "pyarrow binary column": lambda: pa.array([b"x", b"y"]),
    "a million empty strings": lambda: [""] * 1_000_000,
}


def value(name: str) -> Any:
    v = VALUES[name]
    return v() if callable(v) else v


def cells(table: dict[str, tuple[str, ...]]) -> list[Any]:
    return [
        pytest.param(row, fn, code, id=f"{row}-{fn}")
        for row, codes in table.items()
        for fn, code in zip(FUNCTIONS, codes, strict=True)
    ]


# ---- what each outcome looks like ------------------------------------------------------------


def result_length(fn: str, result: Any) -> int | None:
    """Rows of a per-row result (None where results are long-form or pairs)."""
    if fn in ("clean_report", "quotes", "nearest", "near_duplicates", "align"):
        return None
    if fn == "similarity_matrix":
        return int(result.shape[0])
    return len(result)


#: Functions with one value per input row (the others give records, pairs or matches, where
#: a row with nothing to report looks the same as a missing one).
PER_ROW = ("clean", "similarity", "distance", "copy_share", "similarity_matrix", "duplicate_groups")


def check(fn: str, code: str, call: Any, arg: Any, *, column_of: int | None) -> None:
    """Calls ``call(arg)`` and asserts outcome `code`; `column_of` is the input's length for a
    column input (None for a scalar)."""
    if code in ("T", "T1"):
        with pytest.raises(TypeError) as info:
            call(arg)
        message = str(info.value)
        assert "expected" in message
        if code == "T1":
            assert "row 1:" in message
        return
    if code in ("R0", "R1"):
        row = int(code[1])
        with pytest.raises(cd.RowError) as info:
            call(arg)
        assert info.value.row == row and f"row {row}:" in str(info.value)
        assert isinstance(info.value, ValueError)
        if column_of is not None:
            assert row_missing(fn, call(arg, errors="null"), row)
        return
    if code == "C":
        with pytest.raises(cd.CopydeskError) as info:
            call(arg)
        assert not isinstance(info.value, cd.RowError)
        assert str(info.value)
        return
    result = call(arg)
    if code == "E":
        length = result_length(fn, result)
        assert (len(result) if length is None else length) == 0
    elif code == "M":
        if column_of is None:
            assert result is None or result == [], result
        else:
            assert row_missing(fn, result, 1)
    else:
        assert code == "V"
        if column_of is not None:
            length = result_length(fn, result)
            assert length is None or length == column_of
            if fn in PER_ROW:
                assert not row_missing(fn, result, 1)


# ---- the three tables ------------------------------------------------------------------------


@pytest.mark.parametrize(("row", "fn", "code"), cells(COLUMN_TABLE))
def test_value_in_a_column(row, fn, code):
    v = value(row)
    arg = v if fn == "align" else ["ok text for row zero", v]
    check(fn, code, CALLS[fn], arg, column_of=None if fn == "align" else 2)


@pytest.mark.parametrize(("row", "fn", "code"), cells(SCALAR_TABLE))
def test_value_as_the_argument(row, fn, code):
    check(fn, code, CALLS[fn], value(row), column_of=None)


@pytest.mark.parametrize(("row", "fn", "code"), cells(CONTAINER_TABLE))
def test_whole_column(row, fn, code):
    arg = CONTAINERS[row]()
    column_of = None if fn == "align" else len(arg)
    check(fn, code, CALLS[fn], arg, column_of=column_of)


def test_every_public_function_is_in_the_matrix():
    functions = {n for n in cd.__all__ if n[0].islower() and callable(getattr(cd, n))}
    assert functions == set(FUNCTIONS)


# ---- beyond the matrix: sizes that would not fit ---------------------------------------------


def test_a_matrix_larger_than_memory_is_a_memory_error():
    # 300,000 x 300,000 float32 is 360 GB: it used to abort the interpreter.
    with pytest.raises(MemoryError, match="nearest"):
        cd.similarity_matrix([""] * 300_000)


def test_many_identical_texts_group_without_listing_their_pairs():
    # 20,000 copies of one notice are 200 million pairs: a clear error for the pair table,
    # while the groups need no pairs at all.
    texts = ["Subscribe to our newsletter for the latest news."] * 20_000
    with pytest.raises(cd.CopydeskError, match="duplicate_groups"):
        cd.near_duplicates(texts)
    assert set(cd.duplicate_groups(texts)) == {0}


def test_long_strings_under_damerau_need_little_memory():
    # Two 20,000-character strings used to need an m x n matrix (1.6 GB); now three rows.
    a, b = "ab" * 10_000, "ba" * 10_000
    assert cd.distance(a, b, metric="damerau_levenshtein") == 2


def test_align_refuses_sentence_tables_it_cannot_hold():
    many = "A sentence here. " * 3000
    with pytest.raises(cd.CopydeskError, match="sentence pairs"):
        cd.align(many, many)


# ---- the documentation -------------------------------------------------------------------------

DOC = Path(__file__).resolve().parents[1] / "docs" / "bad-inputs.md"
SHORT = {
    "similarity_matrix": "matrix",
    "near_duplicates": "near_dup",
    "duplicate_groups": "groups",
    "clean_report": "report",
}


def render_table(table: dict[str, tuple[str, ...]]) -> str:
    head = "| input | " + " | ".join(SHORT.get(f, f) for f in FUNCTIONS) + " |"
    rule = "| --- |" + " --- |" * len(FUNCTIONS)
    rows = [f"| {name} | " + " | ".join(codes) + " |" for name, codes in table.items()]
    return "\n".join([head, rule, *rows])


def rendered_tables() -> str:
    return "\n\n".join(
        [
            "### A value as row 1 of a column (`align`: the value as `a`)",
            render_table(COLUMN_TABLE),
            "### A value as the whole argument",
            render_table(SCALAR_TABLE),
            "### A whole column as the argument",
            render_table(CONTAINER_TABLE),
        ]
    )


def test_docs_show_the_tables_the_tests_assert():
    text = DOC.read_text(encoding="utf-8")
    begin, end = "<!-- tables -->\n", "\n<!-- /tables -->"
    shown = text[text.index(begin) + len(begin) : text.index(end)]
    assert shown.strip() == rendered_tables().strip(), (
        "docs/bad-inputs.md is out of date; paste the output of "
        "`python -c 'import tests.test_bad_inputs as t; print(t.rendered_tables())'`"
    )
