"""Similarity: exact string metrics for pairs and columns, dense matrices and sparse top-k.

The wrappers only translate containers (through :mod:`copydesk._columns`); metric names,
processors, missing values, threads and Ctrl-C are handled by ``_core``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import _core
from ._columns import Column, apply_pairs, call_with_progress, is_missing

Processor = Callable[[str], str] | str | None


def similarity(
    a: Any,
    b: Any,
    *,
    metric: str = "levenshtein",
    ngram: int = 1,
    processor: Processor = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: bool = False,
) -> Any:
    """Normalised similarity in [0, 1] of two strings, or of two columns element-wise.

    Args:
        a, b: two ``str``; two columns of equal length (any kind copydesk accepts); or a
            ``str`` and a column, compared with every row.
        metric: ``levenshtein``, ``indel``, ``osa``, ``damerau_levenshtein``, ``jaro``,
            ``jaro_winkler``, ``hamming``, ``sorensen_dice`` (characters, code points), or
            ``jaccard``, ``containment``, ``cosine`` (word shingles, for documents). Edit
            metrics give ``1 - distance / max(len(a), len(b))`` (``len(a) + len(b)`` for
            indel); two empty strings give 1.0. ``containment`` is the share of ``a``'s
            shingles found in ``b``.
        ngram: shingle size in words for the word metrics.
        processor: ``"news"`` (lower case, no accents, plain quotes and dashes, single
            spaces) or a callable ``str -> str``, applied once to each string first.
        errors, n_threads, progress: the batch keywords (see the package docstring).

    Returns:
        A ``float`` (``None`` when either side is missing), or a column of floats of the
        first column argument's kind. Hamming on strings of unequal length raises
        :class:`MismatchError` for a pair (:class:`RowError` for a row of a column).
    """
    return apply_pairs(
        _core.similarity,
        a,
        b,
        "float",
        metric=metric,
        ngram=ngram,
        processor=processor,
        errors=errors,
        n_threads=n_threads,
        progress=progress,
    )


def distance(
    a: Any,
    b: Any,
    *,
    metric: str = "levenshtein",
    processor: Processor = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: bool = False,
) -> Any:
    """Edit distance (an ``int``) of two strings, or of two columns element-wise.

    Only for the edit metrics: ``levenshtein``, ``indel``, ``osa``, ``damerau_levenshtein``
    and ``hamming``; other names raise :class:`InvalidOptionError`. The other arguments are
    those of :func:`similarity`.
    """
    return apply_pairs(
        _core.distance,
        a,
        b,
        "int",
        metric=metric,
        processor=processor,
        errors=errors,
        n_threads=n_threads,
        progress=progress,
    )


def _payload(value: Any, argname: str) -> tuple[Any, Column | None]:
    """What ``_core`` reads for a matrix side: a ``str`` as one row, else a column payload."""
    if isinstance(value, str):
        return [value], None
    if is_missing(value):
        raise TypeError(f"{argname}: expected a column of str, got {type(value).__name__}")
    column = Column.of(value, argname)
    return column.payload, column


def similarity_matrix(
    a: Any,
    b: Any = None,
    *,
    metric: str = "levenshtein",
    cutoff: float = 0.0,
    ngram: int = 1,
    processor: Processor = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: bool = False,
) -> Any:
    """All pairwise similarities as a ``numpy.ndarray`` of ``float32``, shape ``(len(a), len(b))``.

    Args:
        a: a column of strings (the rows); a single ``str`` is one row.
        b: a column of strings (the columns), or ``None`` to compare ``a`` with itself; then
            each symmetric pair is computed once.
        metric, ngram, processor: as in :func:`similarity`.
        cutoff: scores below it are 0.0, and the edit-distance kernels may stop early.
        errors: ``"raise"`` (a row that fails, such as a lone surrogate, raises
            :class:`RowError` naming it) or ``"null"`` (that row is missing: NaN).
        n_threads: threads (``None``: all cores); the GIL is released throughout.
        progress: a ``tqdm.auto`` bar over the rows.

    Returns:
        The matrix; rows or columns of missing values are NaN.
    """
    pa_, col_a = _payload(a, "a")
    pb_ = None if b is None else _payload(b, "b")[0]
    return call_with_progress(
        _core.similarity_matrix,
        col_a.length if col_a is not None else 1,
        progress,
        pa_,
        pb_,
        metric=metric,
        cutoff=cutoff,
        ngram=ngram,
        processor=processor,
        errors=errors,
        n_threads=n_threads,
    )


def nearest(
    queries: Any,
    choices: Any = None,
    *,
    k: int = 5,
    metric: str = "levenshtein",
    cutoff: float = 0.0,
    ngram: int = 1,
    processor: Processor = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: bool = False,
) -> Any:
    """The ``k`` most similar choices of every query, without building the dense matrix.

    Args:
        queries: a column of strings.
        choices: a column of strings, or ``None`` to search ``queries`` themselves (a query
            is then never its own match).
        k: matches kept per query (fewer when fewer choices reach ``cutoff``).
        metric, ngram, processor: as in :func:`similarity`.
        cutoff: matches scoring below it are left out.
        errors, n_threads, progress: as in :func:`similarity_matrix` (under
            ``errors="null"`` a failed row is never matched).

    Returns:
        A ``pandas.DataFrame`` with columns ``query``, ``choice`` (row labels: the index
        labels of a pandas input, else positions) and ``score``, ordered by query, then best
        score first (ties: earlier choice first). Missing strings are never matched.
    """
    import pandas as pd

    pq, col_q = _payload(queries, "queries")
    pc, col_c = (None, None) if choices is None else _payload(choices, "choices")
    fields = call_with_progress(
        _core.nearest,
        col_q.length if col_q is not None else 1,
        progress,
        pq,
        pc,
        k=k,
        metric=metric,
        cutoff=cutoff,
        ngram=ngram,
        processor=processor,
        errors=errors,
        n_threads=n_threads,
    )
    side_c = col_c if choices is not None else col_q
    return pd.DataFrame(
        {
            "query": _labels(col_q, fields["query"]),
            "choice": _labels(side_c, fields["choice"]),
            "score": pd.Series(fields["score"], dtype="float64"),
        }
    )


def _labels(column: Column | None, positions: list[int]) -> Any:
    import numpy as np

    if column is None:
        return np.asarray(positions, dtype="int64")
    labels = column.labels(positions)
    return np.asarray(labels) if isinstance(labels, list) else labels
