"""Copies of a story: near-duplicate pairs and duplicate groups across a corpus, how much of one
text was taken from another, and a sentence alignment of two versions with a notebook view.

The wrappers translate containers (through :mod:`copydesk._columns`) and build DataFrames;
normalisation, MinHash/LSH, verification, grouping and alignment all run in ``_core``
(``src/similarity/copies/`` and ``src/similarity/align.rs``).
"""

from __future__ import annotations

import difflib
import html
from typing import Any

from . import _core
from ._columns import Column, apply_pairs, call_with_progress, is_missing


def _corpus(texts: Any) -> Column:
    if isinstance(texts, str) or is_missing(texts):
        raise TypeError(f"texts: expected a column of str, got {type(texts).__name__}")
    return Column.of(texts, "texts")


#: The search keywords of :func:`near_duplicates` and :func:`duplicate_groups`, as ``_core``
#: takes them (``None`` for the default, which lives in Rust).
_SEARCH_OPTIONS = (
    "threshold",
    "shingle_size",
    "num_perm",
    "bands",
    "min_jaccard",
    "lead_share",
    "lead_floor",
    "seed",
)


def _search_options(arguments: dict[str, Any]) -> dict[str, Any]:
    """The search keywords of a wrapper's call (its ``locals()``) as the one dict ``_core``
    takes."""
    return {name: arguments[name] for name in _SEARCH_OPTIONS}


def _on_dask(texts: Any) -> bool:
    """A Dask collection (checked by module, so that Dask is never imported for nothing)."""
    return type(texts).__module__.split(".", 1)[0] == "dask"


def _search(
    kernel: Any, column: Column, arguments: dict[str, Any], **kwargs: Any
) -> dict[str, list[Any]]:
    """Runs a corpus kernel with the search keywords of ``arguments`` (a wrapper's
    ``locals()``) and its batch keywords."""
    return call_with_progress(
        kernel,
        column.length,
        arguments["progress"],
        column.payload,
        options=_search_options(arguments),
        errors=arguments["errors"],
        n_threads=arguments["n_threads"],
        **kwargs,
    )


def near_duplicates(
    texts: Any,
    *,
    threshold: float | None = None,
    shingle_size: int | None = None,
    num_perm: int | None = None,
    bands: int | None = None,
    min_jaccard: float | None = None,
    lead_share: float | None = None,
    lead_floor: float | None = None,
    seed: int | None = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: bool = False,
) -> Any:
    """All pairs of texts that are versions of the same story (copies, syndicated runs, lightly
    or heavily edited re-runs), found at corpus scale.

    Pipeline (all in Rust, parallel, GIL released): normalise (lower case, accents folded,
    leaked scripts and JSON ignored) -> 3-word shingles -> MinHash signatures -> LSH bands ->
    exact verification of every candidate. Texts equal after normalisation are always paired
    (similarity 1.0). Two different stories on one topic that share a paragraph of background
    are not copies.

    The verified ``similarity`` is ``(jaccard + containment) / 2`` over the two shingle sets
    (containment: share of the smaller set found in the larger, so a trimmed copy stays high),
    times a gate that needs each version's lead (its opening fifth) to be found in the other:
    a story that pasted in another's background has its own opening.

    Args:
        texts: a column of article texts (list, tuple, numpy, pandas, pyarrow, polars).
            Missing values are nobody's copy.
        threshold: pairs with similarity at or above it are returned. Default 0.31, the
            middle of the gap between the lowest-scoring copies and the highest-scoring
            non-copies on seeded syndication sets built from BBC articles.
        shingle_size: words per shingle (default 3).
        num_perm: MinHash signature length (default 128).
        bands: LSH bands, must divide ``num_perm`` (default 64, i.e. 2 rows per band: a pair
            with shingle Jaccard 0.25 becomes a candidate with probability 0.984, 0.30 with
            0.998, 0.05 with 0.15).
        min_jaccard: candidates whose signatures estimate a Jaccard below it are not verified
            (default 0.1).
        lead_share, lead_floor: the lead is the first ``lead_share`` of a text's shingles
            (default 0.2); the gate is fully open once ``lead_floor`` of each lead is found in
            the other text (default 0.1; 0 switches the gate off).
        seed: seed of the MinHash permutations (default 1).
        errors: ``"raise"`` (a row that fails, such as a lone surrogate, raises
            :class:`RowError` naming it) or ``"null"`` (that row is missing: nobody's copy).
        n_threads: threads (``None``: all cores).
        progress: a ``tqdm.auto`` bar over the texts while signatures are computed.

    Returns:
        A ``pandas.DataFrame`` with columns ``a``, ``b`` (row labels: the index labels of a
        pandas input, else positions; ``a`` is the earlier row) and ``similarity``, sorted by
        ``a`` then ``b``.

        A Dask Series runs on its cluster (copies meet across partitions; see
        :mod:`copydesk.dask`) and gives the same pandas DataFrame (``errors`` too: a failed row
        is named by its place in the whole Series); ``progress`` is ignored
        there (Dask's own progress bars show the tasks).
    """
    if _on_dask(texts):
        from . import _dask_copies

        return _dask_copies.near_duplicates(texts, _search_options(locals()), n_threads, errors)
    column = _corpus(texts)
    return _pairs_frame(column, _search(_core.near_duplicates, column, locals()))


def _pairs_frame(column: Column, fields: dict[str, list[Any]]) -> Any:
    """The pairs of a search as :func:`near_duplicates` returns them."""
    import pandas as pd

    return pd.DataFrame(
        {
            "a": _labels(column, fields["a"]),
            "b": _labels(column, fields["b"]),
            "similarity": pd.Series(fields["similarity"], dtype="float64"),
        }
    )


def duplicate_groups(
    texts: Any,
    *,
    threshold: float | None = None,
    dates: Any = None,
    sources: Any = None,
    shingle_size: int | None = None,
    num_perm: int | None = None,
    bands: int | None = None,
    min_jaccard: float | None = None,
    lead_share: float | None = None,
    lead_floor: float | None = None,
    seed: int | None = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: bool = False,
) -> Any:
    """One group id per text: texts connected by :func:`near_duplicates` pairs (directly or
    through other versions) share a group. Ids are consecutive integers numbered by each
    group's first row; a text with no copy has a group of its own; a missing text has none.

    Args:
        texts: a column of article texts.
        threshold and the other search options: as in :func:`near_duplicates`.
        dates: optional column of publication dates (datetimes, strings pandas can parse, or
            numbers), same length as ``texts``: each group's earliest version is its original.
            Undated versions come after dated ones; ties go to the earlier row. A date that
            cannot be read (not missing, not blank) follows ``errors``: a :class:`RowError`
            naming its row and value, or under ``errors="null"`` an undated version.
        sources: optional column naming each text's outlet, same length as ``texts``.
            A pandas Series of dates or sources beside a pandas Series of texts goes by index
            label (a :class:`MismatchError` when the labels differ); other kinds by position.

    Returns:
        Without ``dates`` and ``sources``: the group ids in the caller's kind (a list for a
        list, a ``pandas.Series`` with the same index and name for a Series, ...).

        With either: a ``pandas.DataFrame`` indexed like the input (positions for non-pandas
        inputs) with columns ``group``, ``original`` (the row label of the group's original:
        its earliest version, or its first row when there are no dates), ``is_original``, and
        with ``sources`` also ``source`` and ``original_source``.

        A Dask Series runs the search on its cluster and gives a Dask Series of ``Int64``
        group ids aligned with it (the same ids as pandas), or with ``dates`` / ``sources``
        (Dask Series partitioned like ``texts``) a Dask DataFrame of the same columns.
    """
    if _on_dask(texts):
        from . import _dask_groups

        options = _search_options(locals())
        return _dask_groups.duplicate_groups(texts, options, n_threads, dates, sources, errors)
    column, keys, sources = _grouping_inputs(texts, dates, sources, errors)
    fields = _search(_core.duplicate_groups, column, locals(), dates=keys)
    return _groups_result(column, fields, dates is not None, sources)


def _grouping_inputs(texts: Any, dates: Any, sources: Any, errors: str) -> tuple[Column, Any, Any]:
    """The texts as a column, the dates as ``_core``'s keys and the sources as a list, each
    checked for length; a date that cannot be read follows ``errors``."""
    column = _corpus(texts)
    dates = _aligned(dates, column, "dates")
    sources = _aligned(sources, column, "sources")
    keys = None if dates is None else _date_keys(dates, column.length, errors)
    if sources is not None:
        sources = _values(sources, column.length, "sources")
    return column, keys, sources


def _aligned(values: Any, column: Column, argname: str) -> Any:
    """``values`` in the row order of the texts. A pandas Series beside a pandas Series of
    texts goes by index label, as pandas does (a sorted copy of the dates would otherwise
    give every version another's date); labels that do not match one to one are a
    :class:`MismatchError`. Anything else goes by position."""
    if values is None or not column.kind.startswith("pandas"):
        return values
    if type(values).__module__.split(".", 1)[0] != "pandas" or not hasattr(values, "index"):
        return values
    index = column.source.index
    if values.index.equals(index):
        return values
    if values.index.is_unique and index.is_unique and len(values) == len(index):
        if values.index.sort_values().equals(index.sort_values()):
            return values.reindex(index)
    raise _core.MismatchError(
        f"{argname}: its index labels differ from the texts' (pass {argname} indexed like the "
        f"texts, or a list or numpy array to go by position)"
    )


def pairs_and_groups(
    texts: Any,
    *,
    dates: Any = None,
    sources: Any = None,
    errors: str = "raise",
    progress: bool = False,
) -> tuple[Any, Any]:
    """``(near_duplicates(texts), duplicate_groups(texts, dates=, sources=))`` with the default
    search options, from one search (the main job's copies step)."""
    column, keys, sources = _grouping_inputs(texts, dates, sources, errors)
    kernel = _core.pairs_and_groups
    fields = call_with_progress(
        kernel, column.length, progress, column.payload, dates=keys, errors=errors
    )
    return _pairs_frame(column, fields), _groups_result(column, fields, dates is not None, sources)


def _groups_result(
    column: Column, fields: dict[str, list[Any]], dated: bool, sources: list[Any] | None
) -> Any:
    """The groups of a search as :func:`duplicate_groups` returns them."""
    if not dated and sources is None:
        return column.restore(fields["group"], "int")
    return _groups_frame(column, fields, sources)


def _groups_frame(column: Column, fields: dict[str, list[Any]], sources: list[Any] | None) -> Any:
    import pandas as pd

    original = fields["original"]
    positions = list(range(column.length))
    index = column.labels(positions) if column.kind in ("pandas", "pandas-arrow") else None
    present = [o for o in original if o is not None]
    labels = iter(_labels(column, present))
    frame = pd.DataFrame(
        {
            "group": pd.array(fields["group"], dtype="Int64"),
            "original": [None if o is None else next(labels) for o in original],
            "is_original": pd.array(
                [None if o is None else o == i for i, o in enumerate(original)], dtype="boolean"
            ),
        },
        index=index,
    )
    if sources is not None:
        frame["source"] = sources
        frame["original_source"] = [None if o is None else sources[o] for o in original]
    return frame


def _values(values: Any, length: int, argname: str) -> list[Any]:
    """A column argument as a plain list of Python values, checked for length."""
    if hasattr(values, "to_pylist"):
        items = values.to_pylist()
    elif hasattr(values, "tolist"):
        items = values.tolist()
    else:
        items = list(values)
    if len(items) != length:
        raise _core.MismatchError(f"{argname}: {len(items)} values for {length} texts")
    return items


def _date_keys(dates: Any, length: int, errors: str = "raise") -> list[int | None]:
    """Dates as nanoseconds since the epoch (UTC), missing as None. A date that cannot be read
    is a :class:`RowError` naming its row under ``errors="raise"``, missing under ``"null"``."""
    import pandas as pd

    stamps, unread = parse_dates(dates, length)
    if len(unread) and _check_errors(errors) == "raise":
        raise unreadable_date_error(unread)
    return [None if pd.isna(t) else int(t.value) for t in stamps]


#: Strings pandas itself reads as a missing date (compared stripped and lower-cased).
_MISSING_DATE_STRINGS = frozenset(("", "nat", "nan"))


def parse_dates(dates: Any, length: int) -> tuple[Any, Any]:
    """``dates`` (any column) parsed as UTC timestamps, and the values that could not be read:
    a Series of them indexed by position (missing values and blank strings are not errors)."""
    import pandas as pd

    if hasattr(dates, "to_pandas"):  # polars, pyarrow
        dates = dates.to_pandas()
    if isinstance(dates, pd.Series):  # as it is: a datetime dtype parses at once
        given = dates.reset_index(drop=True)
    else:
        given = pd.Series(_values(dates, length, "dates"))
    if len(given) != length:
        raise _core.MismatchError(f"dates: {len(given)} values for {length} texts")
    stamps = pd.to_datetime(given, utc=True, format="mixed", errors="coerce")
    failed = stamps.isna() & given.notna()
    if failed.any():
        blank = given[failed].map(
            lambda v: isinstance(v, str) and v.strip().lower() in _MISSING_DATE_STRINGS
        )
        failed[failed] = ~blank.astype(bool)
    return stamps, given[failed]


def unreadable_date_error(unread: Any) -> Exception:
    """The :class:`RowError` for the dates of ``unread`` (values by position): it names the
    first row and its value, and says how many more there are."""
    row = int(unread.index[0])
    others = len(unread) - 1
    more = f" ({others} more {'date' if others == 1 else 'dates'} cannot be read)" if others else ""
    error = _core.RowError(f"row {row}: cannot read the date {unread.iloc[0]!r}{more}")
    error.row = row
    return error


def _check_errors(errors: str) -> str:
    if errors not in ("raise", "null"):
        raise _core.InvalidOptionError(f'errors: expected "raise" or "null", got "{errors}"')
    return errors


def _labels(column: Column, positions: list[int]) -> Any:
    import numpy as np

    labels = column.labels(positions)
    return np.asarray(labels, dtype="int64") if isinstance(labels, list) else labels


def copy_share(
    a: Any,
    b: Any,
    *,
    shingle_size: int = 3,
    spans: bool = False,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: bool = False,
) -> Any:
    """The share of ``b``'s text taken from ``a``: "how much of this article is wire copy".

    Asymmetric: a local story that quotes three paragraphs of a wire story has a large share
    taken from the wire story, while the wire story has a small share taken from it. A word
    of ``b`` counts as taken when it sits in a run of ``shingle_size`` words that also occurs
    in ``a`` (case, accents and leaked page code aside); the share is taken words over words.

    Args:
        a: the source (a ``str``, or a column compared row by row).
        b: the text to measure (a ``str``, or a column).
        shingle_size: words per shingle (default 3).
        spans: also return where the taken text sits in ``b``.
        errors, n_threads, progress: the batch keywords (see the package docstring).

    Returns:
        ``spans=False``: a ``float`` in [0, 1] (``None`` when either side is missing), or a
        column of floats of the first column argument's kind.
        ``spans=True``: for two ``str``, a tuple ``(share, [(start, end), ...])`` with
        ``str`` offsets into ``b``; for columns, a ``pandas.DataFrame`` with columns ``share``
        and ``spans``, indexed like the first column argument.
    """
    options: dict[str, Any] = {
        "shingle_size": shingle_size,
        "errors": errors,
        "n_threads": n_threads,
    }
    if not spans:
        return apply_pairs(_core.copy_share, a, b, "float", progress=progress, **options)
    scalar_a = isinstance(a, str) or is_missing(a)
    scalar_b = isinstance(b, str) or is_missing(b)
    if scalar_a and scalar_b:
        return _core.copy_share(a, b, spans=True, **options)
    import pandas as pd

    col_a = None if scalar_a else Column.of(a, "a")
    col_b = None if scalar_b else Column.of(b, "b")
    shape = col_a or col_b
    assert shape is not None
    found = call_with_progress(
        _core.copy_share,
        shape.length,
        progress,
        a if col_a is None else col_a.payload,
        b if col_b is None else col_b.payload,
        spans=True,
        **options,
    )
    index = shape.labels(list(range(shape.length))) if shape.kind.startswith("pandas") else None
    return pd.DataFrame(
        {
            "share": pd.Series(
                [None if f is None else f[0] for f in found], dtype="float64"
            ).values,
            "spans": [None if f is None else f[1] for f in found],
        },
        index=index,
    )


def align(a: str, b: str) -> _core.Alignment:
    """What changed between two versions of a story, sentence by sentence.

    Both texts are split into sentences (copydesk's one segmenter); sentences are compared as
    bags of words (case and accents aside, leaked page code ignored), a dynamic programme finds
    the order-preserving alignment with the largest total similarity, and sentences left over
    on both sides that still match are reported as moved.

    Returns:
        An :class:`Alignment`: ``.to_frame()`` gives one row per step with ``op`` (``same``,
        ``edited``, ``added``, ``removed``, ``moved``), ``a_index``, ``b_index``, ``a_text``,
        ``b_text``, ``score`` (word-bag Dice similarity) and the sentences' ``str`` offsets;
        in a notebook it shows the two versions side by side with the changes coloured.
    """
    if not isinstance(a, str) or not isinstance(b, str):
        got = type(b if isinstance(a, str) else a).__name__
        raise TypeError(f"align: expected two str, got {got}")
    return _core.align(a, b)


# ---- Alignment display ------------------------------------------------------------------

_INT_FIELDS = ("a_index", "b_index", "a_start", "a_end", "b_start", "b_end")


def alignment_frame(fields: dict[str, list[Any]]) -> Any:
    """The DataFrame of :meth:`Alignment.to_frame` (nullable integer indices and offsets)."""
    import pandas as pd

    frame = pd.DataFrame(fields)
    for name in _INT_FIELDS:
        frame[name] = pd.array(fields[name], dtype="Int64")
    frame["score"] = frame["score"].astype("float64")
    return frame


_CELL = {
    "same": "",
    "edited": "background:#fef9c3",
    "added": "background:#dcfce7",
    "removed": "background:#fee2e2",
    "moved": "background:#dbeafe",
}
_WORD_DEL = "background:#fca5a5;text-decoration:line-through"
_WORD_INS = "background:#86efac"


def _word_diff(a: str, b: str) -> tuple[str, str]:
    """Both sentences as HTML with the words only one side has highlighted."""
    wa, wb = a.split(), b.split()
    left: list[str] = []
    right: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes():
        ta, tb = html.escape(" ".join(wa[i1:i2])), html.escape(" ".join(wb[j1:j2]))
        if op == "equal":
            left.append(ta)
            right.append(tb)
            continue
        if ta:
            left.append(f'<span style="{_WORD_DEL}">{ta}</span>')
        if tb:
            right.append(f'<span style="{_WORD_INS}">{tb}</span>')
    return " ".join(left), " ".join(right)


def alignment_html(alignment: Any) -> str:
    """The two versions side by side: one table row per step, the cell colour saying what
    happened (yellow edited, green added, red removed, blue moved) and, inside an edited or
    moved pair, the changed words marked."""
    fields = alignment.to_dict()
    rows = []
    for k, op in enumerate(fields["op"]):
        a_text, b_text = fields["a_text"][k] or "", fields["b_text"][k] or ""
        if op in ("edited", "moved"):
            left, right = _word_diff(a_text, b_text)
        else:
            left, right = html.escape(a_text), html.escape(b_text)
        note = ""
        if op == "moved":
            note = f' <small style="color:#1e40af">(moved from sentence {fields["a_index"][k] + 1})</small>'
        style = _CELL[op]
        rows.append(
            f'<tr><td style="color:#6b7280;font-size:small">{op}</td>'
            f'<td style="{style};vertical-align:top">{left}</td>'
            f'<td style="{style};vertical-align:top">{right}{note}</td></tr>'
        )
    head = '<tr><th></th><th style="text-align:left">a</th><th style="text-align:left">b</th></tr>'
    return (
        f"<div><p>{html.escape(repr(alignment))}</p>"
        f'<table style="width:100%;table-layout:fixed">'
        f'<colgroup><col style="width:5em"><col><col></colgroup>{head}{"".join(rows)}</table></div>'
    )
