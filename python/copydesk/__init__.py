"""copydesk: a Rust engine for news text, driven from Python.

Clean scraped article text, find copies of a story across outlets, and extract who said what.
Every function takes a single ``str`` (and returns a single value) or a column: a list, tuple,
numpy array, ``pandas.Series``, ``pyarrow.Array``/``ChunkedArray`` or ``polars.Series``, and
returns the same kind of column, same length and order, with missing values passed through.

Batch keywords shared by every function:

- ``errors="raise"`` raises :class:`RowError` naming the first row that failed;
  ``errors="null"`` gives that row a missing value instead.
- ``n_threads=None`` uses all cores (or ``RAYON_NUM_THREADS``); ``1`` runs on the calling thread;
  at most 1024.
- ``progress=True`` shows a ``tqdm.auto`` progress bar (``pip install 'copydesk[progress]'``).

Batch calls release the GIL and stop on Ctrl-C.
"""

from __future__ import annotations

from typing import Any

from . import _core
from ._columns import QUOTE_DTYPES, REMOVAL_DTYPES, apply, apply_records, is_missing
from ._copies import align, copy_share, duplicate_groups, near_duplicates
from ._core import (
    Alignment,
    CleanResult,
    CopydeskError,
    InvalidOptionError,
    MismatchError,
    Quote,
    Removal,
    RowError,
)
from ._quotes import QuoteList
from ._similarity import distance, nearest, similarity, similarity_matrix

__version__: str = _core.__version__

__all__ = [
    "Alignment",
    "CleanResult",
    "CopydeskError",
    "InvalidOptionError",
    "MismatchError",
    "Quote",
    "QuoteList",
    "Removal",
    "RowError",
    "__version__",
    "align",
    "clean",
    "clean_report",
    "copy_share",
    "distance",
    "duplicate_groups",
    "near_duplicates",
    "nearest",
    "quotes",
    "similarity",
    "similarity_matrix",
]


#: The cleaning steps, in the order of the keywords of :func:`clean` and :func:`clean_report`.
_CLEAN_STEPS = (
    "html",
    "entities",
    "mojibake",
    "control",
    "nfc",
    "code",
    "metadata",
    "boilerplate",
    "join_lines",
    "normalize_quotes",
    "whitespace",
)


def _clean_options(arguments: dict[str, Any]) -> dict[str, bool]:
    """The cleaning keywords of a wrapper's call (its ``locals()``) as the one dict ``_core``
    takes."""
    return {step: arguments[step] for step in _CLEAN_STEPS}


def clean(
    text: Any,
    *,
    html: bool = False,
    entities: bool = True,
    mojibake: bool = True,
    control: bool = True,
    nfc: bool = True,
    code: bool = True,
    metadata: bool = True,
    boilerplate: bool = True,
    join_lines: bool = True,
    normalize_quotes: bool = False,
    whitespace: bool = True,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: bool = False,
) -> Any:
    """Clean scraped article text (or, with ``html=True``, a raw page) into prose.

    Every step can be switched off; the defaults are what a news analyst wants.

    Args:
        text: a ``str``, or a column of them (see the package docstring for the kinds).
        html: the input is a raw HTML page: drop scripts, styles, navigation, headers,
            footers and asides, keep the main content, then clean it like text.
        entities: decode HTML entities, double-escaped (``&amp;quot;``) and half-broken ones
            (``isn #39;t``, ``quot;``) included.
        mojibake: repair UTF-8 that was read as Windows-1252, Latin-1, MacRoman, Windows-1250,
            -1251, -1257, Latin-2 or code page 437 (``donâ€\u2122t`` -> ``don\u2019t``), also double
            encoded; correct text is left alone.
        control: remove control characters; C1 controls become their Windows-1252 characters.
        nfc: compose characters to Unicode NFC.
        code: remove leaked JavaScript, CSS, JSON blobs, HTML tags and template markup, also
            when glued to a sentence; the prose around survives.
        metadata: remove date lines, bylines, datelines, ``Updated ...`` lines and wire
            sign-offs (``(Reporting by ...)``, ``Reuter``).
        boilerplate: remove page furniture: menus, share and follow prompts, newsletter and
            cookie notices, "Related" lists, credits, footers, comment sections, repeats.
            A text without any long prose is left alone.
        join_lines: join hard-wrapped lines into paragraphs; repair end-of-line hyphenation.
        normalize_quotes: straighten curly quotes (off by default: quote extraction uses them).
        whitespace: fold runs of spaces, tabs, no-break and zero-width spaces; CRLF to LF;
            paragraphs kept as blocks separated by one blank line; trim.
        errors, n_threads, progress: the batch keywords (see the package docstring).

    Returns:
        The cleaned ``str`` (``None`` for a missing value), or a column of the caller's kind.
        ``clean(clean(x)) == clean(x)``.
    """
    return apply(
        _core.clean,
        text,
        "str",
        options=_clean_options(locals()),
        errors=errors,
        n_threads=n_threads,
        progress=progress,
    )


def clean_report(
    text: Any,
    *,
    html: bool = False,
    entities: bool = True,
    mojibake: bool = True,
    control: bool = True,
    nfc: bool = True,
    code: bool = True,
    metadata: bool = True,
    boilerplate: bool = True,
    join_lines: bool = True,
    normalize_quotes: bool = False,
    whitespace: bool = True,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: bool = False,
) -> Any:
    """:func:`clean` with an audit trail of every removal.

    Takes the same keywords as :func:`clean`.

    Returns:
        For a ``str``: a :class:`CleanResult` with ``text`` (what :func:`clean` returns) and
        ``removed``, a list of :class:`Removal` ``(start, end, kind, text)`` where ``start``
        and ``end`` are ``str`` indices into the input (``text[start:end]`` is the removed
        span, exactly) and ``kind`` is ``"code"``, ``"markup"``, ``"boilerplate"``,
        ``"metadata"`` or ``"control"``. In a notebook it shows the input with every removal
        highlighted. ``None`` for a missing value.

        For a column: a ``pandas.DataFrame`` with one row per removal, a ``row`` column holding
        the input's index label, and ``start``, ``end``, ``kind``, ``text``.
    """
    options = _clean_options(locals())
    batch = {"errors": errors, "n_threads": n_threads}
    if isinstance(text, str):
        return _core.clean_report(text, options=options, **batch)
    if is_missing(text):
        return None
    return apply_records(
        _core.clean_report, text, REMOVAL_DTYPES, progress=progress, options=options, **batch
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
        A missing value gives an empty list. A mixed quotation (``called the plan "a
        disaster" for farmers``) gives two quotes with the same cue: the partial quote and the
        reported clause around it (``indirect``); to count statements, count distinct cues.

        For a column: a ``pandas.DataFrame`` with one row per quote, a ``row`` column holding
        the input's index label, and the fields above as columns.
    """
    found = apply_records(
        _core.quotes, text, QUOTE_DTYPES, errors=errors, n_threads=n_threads, progress=progress
    )
    if isinstance(found, list):
        return QuoteList(found, text if isinstance(text, str) else None)
    return found


def _register_accessors() -> None:
    """The ``.copydesk`` accessor on pandas Series now, and on Dask Series when Dask loads."""
    from . import accessor  # noqa: F401  (registers on import)
    from .dask import install

    install()


_register_accessors()
