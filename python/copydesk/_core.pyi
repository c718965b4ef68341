"""Type stubs of the compiled module ``copydesk._core``: the single source of truth for the API.

Column arguments accept a ``str`` or any column kind (list, tuple, numpy array, pandas Series,
pyarrow Array/ChunkedArray, polars Series, any Arrow PyCapsule exporter); the Python package's
wrappers restore the caller's container. ``_core`` itself answers a scalar with a scalar, a list
with a list and an Arrow payload with an Arrow array.
"""

from collections.abc import Callable
from typing import Any, Literal, Protocol, TypeAlias, TypedDict, final, overload

import numpy as np
import numpy.typing as npt

__all__ = [
    "Alignment",
    "CleanResult",
    "CopydeskError",
    "InvalidOptionError",
    "MismatchError",
    "Quote",
    "Removal",
    "RowError",
    "__version__",
    "_arm_test_panic",
    "_echo",
    "_probe",
    "align",
    "clean",
    "clean_and_report",
    "clean_report",
    "copy_candidates",
    "copy_share",
    "copy_sketches",
    "distance",
    "duplicate_groups",
    "group_pairs",
    "near_duplicates",
    "nearest",
    "pairs_and_groups",
    "quotes",
    "similarity",
    "similarity_matrix",
]
__version__: str

class _ArrowArrayExportable(Protocol):
    def __arrow_c_array__(
        self, requested_schema: object | None = None
    ) -> tuple[object, object]: ...

class _ArrowStreamExportable(Protocol):
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

#: What ``_core`` accepts as a column payload.
_TextPayload: TypeAlias = (
    list[str | None] | tuple[str | None, ...] | _ArrowArrayExportable | _ArrowStreamExportable
)
_Progress: TypeAlias = Callable[[int], object] | None

class CopydeskError(ValueError):
    """Base class of copydesk's errors; a ValueError."""

class RowError(CopydeskError):
    """A failure inside one row of a batch; the message names the row, ``.row`` holds its position."""

    row: int

class InvalidOptionError(CopydeskError):
    """An option has a value the function does not accept."""

class MismatchError(CopydeskError):
    """Two inputs that must agree do not."""

class _CleanOptions(TypedDict):
    """The cleaning steps as ``copydesk.clean`` passes them (every key present)."""

    html: bool
    entities: bool
    mojibake: bool
    control: bool
    nfc: bool
    code: bool
    metadata: bool
    boilerplate: bool
    join_lines: bool
    normalize_quotes: bool
    whitespace: bool

@overload
def clean(
    text: str,
    *,
    options: _CleanOptions | None = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> str: ...
@overload
def clean(
    text: None,
    *,
    options: _CleanOptions | None = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> None: ...
@overload
def clean(
    text: _TextPayload,
    *,
    options: _CleanOptions | None = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> Any: ...

@final
class Removal:
    """One stretch of the input that cleaning removed: ``text`` is ``source[start:end]``."""

    start: int
    """``str`` index of the first removed character in the input."""
    end: int
    """``str`` index just past the removed span."""
    kind: str
    """``"code"``, ``"markup"``, ``"boilerplate"``, ``"metadata"`` or ``"control"``."""
    text: str
    """The removed text, exactly as it stood in the input."""
    def __new__(cls, start: int, end: int, kind: str, text: str) -> Removal: ...
    def __reduce__(self) -> tuple[type[Removal], tuple[Any, ...]]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class CleanResult:
    """The cleaned text of one input and every removal; shows the input with the removals
    highlighted in a notebook."""

    text: str
    """What ``clean`` returns for the same input and options."""
    removed: list[Removal]
    """Every removal, sorted by ``start``, disjoint."""
    source: str
    """The input that was cleaned."""
    def __new__(cls, text: str, removed: list[Removal], source: str) -> CleanResult: ...
    def __reduce__(self) -> tuple[type[CleanResult], tuple[Any, ...]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def _repr_html_(self) -> str: ...

@overload
def clean_report(
    text: str,
    *,
    options: _CleanOptions | None = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> CleanResult: ...
@overload
def clean_report(
    text: None,
    *,
    options: _CleanOptions | None = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> None: ...
@overload
def clean_report(
    text: _TextPayload,
    *,
    options: _CleanOptions | None = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> dict[str, list[Any]]:
    """Removals of each row in long form: ``row`` (input positions) and one list per field."""

def clean_and_report(
    text: str | _TextPayload | None,
    *,
    options: _CleanOptions | None = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> tuple[Any, Any]:
    """``(clean(text), clean_report(text)'s removals)`` from one pass: the cleaned values in
    ``clean``'s form, and the removals as a list of :class:`Removal` for a ``str`` (empty for
    ``None``) or in ``clean_report``'s long form for a column."""

@final
class Quote:
    """One quote found in a text. Offsets are ``str`` indices into the text passed in."""

    text: str
    """The quoted words without the outer marks; fragments of a split quote joined by a space."""
    start: int
    """Start of the first fragment."""
    end: int
    """End of the last fragment."""
    fragments: list[tuple[int, int]]
    """Each the inside of one pair of marks, one continued paragraph, or reported content."""
    speaker: str | None
    """The speaker as written (``he``, ``the senator``, ``Jane Doe``)."""
    speaker_start: int | None
    speaker_end: int | None
    speaker_name: str | None
    """Pronouns and descriptions resolved to the nearest compatible named person earlier,
    titles stripped; else the mention."""
    cue: str | None
    """The reporting verb (``said``, ``according to``, ``:``), without auxiliaries."""
    cue_start: int | None
    cue_end: int | None
    kind: str
    """``"direct"``, ``"partial"`` or ``"indirect"``."""
    def __new__(
        cls,
        text: str,
        start: int,
        end: int,
        fragments: list[tuple[int, int]],
        speaker: str | None,
        speaker_start: int | None,
        speaker_end: int | None,
        speaker_name: str | None,
        cue: str | None,
        cue_start: int | None,
        cue_end: int | None,
        kind: str,
    ) -> Quote: ...
    def __reduce__(self) -> tuple[type[Quote], tuple[Any, ...]]: ...
    def __eq__(self, other: object, /) -> bool: ...

@overload
def quotes(
    text: str,
    *,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> list[Quote]: ...
@overload
def quotes(
    text: None,
    *,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> list[Quote]: ...
@overload
def quotes(
    text: _TextPayload,
    *,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> dict[str, list[Any]]:
    """Quotes of each row in long form: ``row`` (input positions) and one list per field."""

def _echo(
    text: Any, *, errors: str = "raise", n_threads: int | None = None, progress: _Progress = None
) -> Any:
    """Returns each text unchanged: measures the column machinery's per-row overhead."""

def _arm_test_panic(on: bool) -> str:
    """Test helper: while armed, every engine panics on the text it returns (the marker)."""

def _probe(
    text: Any, *, errors: str = "raise", n_threads: int | None = None, progress: _Progress = None
) -> Any:
    """Test helper: fails on "fail", panics on "panic", sleeps 10 ms on "slow", else the length."""

#: ``processor=``: the built-in ``"news"`` folding or a callable ``str -> str``.
_Processor: TypeAlias = Callable[[str], str] | str | None

@overload
def similarity(
    a: str,
    b: str,
    *,
    metric: str = "levenshtein",
    ngram: int = 1,
    processor: _Processor = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> float:
    """Normalised similarity in [0, 1] of two strings (``metric``: see ``copydesk.similarity``)."""

@overload
def similarity(
    a: Any,
    b: Any,
    *,
    metric: str = "levenshtein",
    ngram: int = 1,
    processor: _Processor = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> Any:
    """Element-wise similarity of two columns (or a ``str`` against a column): a list or
    an Arrow array of floats, missing where either side is missing."""

@overload
def distance(
    a: str,
    b: str,
    *,
    metric: str = "levenshtein",
    processor: _Processor = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> int:
    """Edit distance of two strings (edit metrics only)."""

@overload
def distance(
    a: Any,
    b: Any,
    *,
    metric: str = "levenshtein",
    processor: _Processor = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> Any:
    """Element-wise edit distance of two columns: a list or an Arrow array of ints."""

def similarity_matrix(
    a: str | _TextPayload,
    b: str | _TextPayload | None = None,
    *,
    metric: str = "levenshtein",
    cutoff: float = 0.0,
    ngram: int = 1,
    processor: _Processor = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> npt.NDArray[np.float32]:
    """All pairwise similarities, shape ``(len(a), len(b))`` (``b=None``: ``a`` with itself,
    each symmetric pair computed once); below ``cutoff`` 0.0; NaN for missing strings."""

def nearest(
    queries: str | _TextPayload,
    choices: str | _TextPayload | None = None,
    *,
    k: int = 5,
    metric: str = "levenshtein",
    cutoff: float = 0.0,
    ngram: int = 1,
    processor: _Processor = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> dict[str, list[Any]]:
    """Top-``k`` choices per query as field lists ``query``/``choice`` (input positions) and
    ``score``, by query then best score first; never builds the dense matrix."""

# ---- copies of a story --------------------------------------------------------------------

class _SearchOptions(TypedDict):
    """The search options of ``near_duplicates`` and ``duplicate_groups``: every key, ``None``
    for the documented default (threshold 0.31, 3-word shingles, 128 permutations in 64
    bands, min_jaccard 0.1, lead_share 0.2, lead_floor 0.1, seed 1)."""

    threshold: float | None
    shingle_size: int | None
    num_perm: int | None
    bands: int | None
    min_jaccard: float | None
    lead_share: float | None
    lead_floor: float | None
    seed: int | None

def near_duplicates(
    texts: _TextPayload,
    *,
    options: _SearchOptions | None = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> dict[str, list[Any]]:
    """Copy pairs as field lists ``a``, ``b`` (input positions, ``a < b``) and ``similarity``,
    sorted by ``a`` then ``b``; missing rows are never paired."""

def duplicate_groups(
    texts: _TextPayload,
    *,
    dates: list[int | None] | None = None,
    options: _SearchOptions | None = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> dict[str, list[int | None]]:
    """``group`` (consecutive ids by first row) and ``original`` (input position of the
    group's earliest version by ``dates``, an ordered integer key such as nanoseconds) for
    every row; ``None`` for missing rows."""

def pairs_and_groups(
    texts: _TextPayload,
    *,
    dates: list[int | None] | None = None,
    options: _SearchOptions | None = None,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> dict[str, list[Any]]:
    """What ``near_duplicates`` and ``duplicate_groups`` return, in one dict, from one search
    (the groups are the components of the pairs)."""

class _Sketches(TypedDict):
    row: npt.NDArray[np.int64]
    exact: npt.NDArray[np.uint64]
    bands: npt.NDArray[np.uint32]
    digest: npt.NDArray[np.uint8]
    min_equal: int

def copy_sketches(
    texts: _TextPayload,
    *,
    options: _SearchOptions | None = None,
    n_threads: int | None = None,
    progress: _Progress = None,
) -> _Sketches:
    """The per-document step of the distributed copy search: for every row with words,
    ``row`` (its position), ``exact`` (a ``(n, 2)`` uint64 hash of the normalised words: equal
    rows are exact copies) and ``bands`` (a ``(n, bands)`` uint32 key per LSH band: rows that
    agree on one band's key are candidates) and ``digest`` (a ``(n, num_perm)`` uint8 byte of
    each signature value: a candidate whose digests agree on fewer than ``min_equal``
    positions fails the signature estimate). Missing rows and rows without words are left
    out."""

def copy_candidates(
    texts: _TextPayload,
    a: list[int],
    b: list[int],
    *,
    options: _SearchOptions | None = None,
    n_threads: int | None = None,
) -> list[float | None]:
    """The per-pair step of the distributed copy search: for each candidate pair of rows
    ``(a[i], b[i])`` of ``texts`` (not exact copies of each other), the similarity
    ``near_duplicates`` reports, or ``None`` where it does not pair them (signature estimate
    below ``min_jaccard`` or similarity below ``threshold``). No row may be missing."""

def group_pairs(
    n: int, a: list[int], b: list[int], *, dates: list[int | None] | None = None
) -> dict[str, list[int]]:
    """Union-find over ``n`` items joined by the pairs ``(a[i], b[i])``: ``group`` (ids numbered
    by each group's first item) and ``original`` (each group's earliest item by ``dates``, an
    ordered integer key, undated after dated, ties to the first item) per item."""

@overload
def copy_share(
    a: str,
    b: str,
    *,
    shingle_size: int = 3,
    spans: Literal[False] = False,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> float:
    """Share of ``b``'s words inside shingles also found in ``a``."""

@overload
def copy_share(
    a: str,
    b: str,
    *,
    shingle_size: int = 3,
    spans: Literal[True],
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> tuple[float, list[tuple[int, int]]] | None:
    """``(share, spans)``: the share and the ``str`` ranges of ``b`` taken from ``a``."""

@overload
def copy_share(
    a: Any,
    b: Any,
    *,
    shingle_size: int = 3,
    spans: bool = False,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> Any:
    """Element-wise over two columns (or a ``str`` against a column): shares (a list or an
    Arrow array of floats), or with ``spans=True`` a list of ``(share, spans)`` tuples;
    missing where either side is missing."""

@final
class Alignment:
    """The sentence alignment of two versions of a story (see ``copydesk.align``)."""

    def __new__(cls, a: str, b: str) -> Alignment: ...
    @property
    def a(self) -> str:
        """The first version."""
    @property
    def b(self) -> str:
        """The second version."""
    @property
    def ops(self) -> list[str]:
        """The op of every step, in reading order."""
    def to_dict(self) -> dict[str, list[Any]]:
        """Field lists ``op``, ``a_index``, ``b_index``, ``a_text``, ``b_text``, ``score``,
        ``a_start``, ``a_end``, ``b_start``, ``b_end``."""
    def to_frame(self) -> Any:
        """The steps as a ``pandas.DataFrame``, one row per step."""
    def _repr_html_(self) -> str:
        """The two versions side by side, changes coloured."""
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple[type[Alignment], tuple[str, str]]: ...

def align(a: str, b: str) -> Alignment:
    """Aligns the sentences of two versions: ops ``same``, ``edited``, ``added``,
    ``removed``, ``moved``."""
