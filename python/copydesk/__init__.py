"""copydesk: a Rust engine for news text, driven from Python.

Clean scraped article text, find copies of a story across outlets, and extract who said what.
Every function takes a single ``str`` (and returns a single value) or a column: a list, tuple,
numpy array, ``pandas.Series``, ``pyarrow.Array``/``ChunkedArray`` or ``polars.Series``, and
returns the same kind of column, same length and order, with missing values passed through.

Batch keywords shared by every function:

- ``errors="raise"`` raises :class:`RowError` naming the first row that failed;
  ``errors="null"`` gives that row a missing value instead.
- ``n_threads=None`` uses all cores (or ``RAYON_NUM_THREADS``); ``1`` runs on the calling thread.
- ``progress=True`` shows a ``tqdm.auto`` progress bar (``pip install 'copydesk[progress]'``).

Batch calls release the GIL and stop on Ctrl-C.
"""

from __future__ import annotations

from typing import Any

from . import _core
from ._columns import apply, apply_records
from ._copies import align, copy_share, duplicate_groups, near_duplicates
from ._core import Alignment, CopydeskError, InvalidOptionError, MismatchError, Quote, RowError
from ._quotes import QuoteList
from ._similarity import distance, nearest, similarity, similarity_matrix

__version__: str = _core.__version__

__all__ = [
    "Alignment",
    "CopydeskError",
    "InvalidOptionError",
    "MismatchError",
    "Quote",
    "QuoteList",
    "RowError",
    "__version__",
    "align",
    "clean",
    "copy_share",
    "distance",
    "duplicate_groups",
    "near_duplicates",
    "nearest",
    "quotes",
    "similarity",
    "similarity_matrix",
]


def clean(
    text: Any,
    *,
    nfc: bool = True,
    whitespace: bool = True,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: bool = False,
) -> Any:
    """Clean scraped article text.

    Args:
        text: a ``str``, or a column of them (see the package docstring for the kinds).
        nfc: compose characters to Unicode NFC.
        whitespace: fold runs of spaces, tabs, no-break and zero-width spaces; CRLF to LF;
            paragraphs kept as blocks separated by one blank line; trim.
        errors, n_threads, progress: the batch keywords (see the package docstring).

    Returns:
        The cleaned ``str`` (``None`` for a missing value), or a column of the caller's kind.
    """
    return apply(
        _core.clean,
        text,
        "str",
        nfc=nfc,
        whitespace=whitespace,
        errors=errors,
        n_threads=n_threads,
        progress=progress,
    )


def quotes(
    text: Any,
    *,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: bool = False,
) -> Any:
    """Extract who said what: direct, partial and reported (indirect) quotes with speaker and
    reporting verb, by rules over the text around quote marks (no parser, no model).

    Args:
        text: a ``str``, or a column of them (see the package docstring for the kinds).
        errors, n_threads, progress: the batch keywords (see the package docstring).

    Returns:
        For a ``str``: a list (:class:`QuoteList`) of :class:`Quote` in text order, each with
        ``text`` (the quoted words; fragments of a split quote joined by one space), ``start``
        and ``end``, ``fragments`` (list of ``(start, end)``), ``speaker`` with
        ``speaker_start``/``speaker_end``, ``speaker_name`` (pronouns and descriptions resolved
        to the nearest compatible named person, titles stripped), ``cue`` with
        ``cue_start``/``cue_end`` (the reporting verb), and ``kind`` (``"direct"``,
        ``"partial"`` or ``"indirect"``). Offsets are ``str`` indices: ``text[start:end]``.
        A missing value gives an empty list.

        For a column: a ``pandas.DataFrame`` with one row per quote, a ``row`` column holding
        the input's index label, and the fields above as columns.
    """
    found = apply_records(_core.quotes, text, errors=errors, n_threads=n_threads, progress=progress)
    if isinstance(found, list):
        return QuoteList(found, text if isinstance(text, str) else None)
    return found


def _register_accessors() -> None:
    """The ``.copydesk`` accessor on pandas Series now, and on Dask Series when Dask loads."""
    from . import accessor  # noqa: F401  (registers on import)
    from .dask import install

    install()


_register_accessors()
