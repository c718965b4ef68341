"""Type stubs of the compiled module ``copydesk._core``: the single source of truth for the API.

Column arguments accept a ``str`` or any column kind (list, tuple, numpy array, pandas Series,
pyarrow Array/ChunkedArray, polars Series, any Arrow PyCapsule exporter); the Python package's
wrappers restore the caller's container. ``_core`` itself answers a scalar with a scalar, a list
with a list and an Arrow payload with an Arrow array.
"""

from collections.abc import Callable
from typing import Any, Protocol, TypeAlias, final, overload

__all__ = [
    "CleanResult",
    "CopydeskError",
    "InvalidOptionError",
    "MismatchError",
    "Quote",
    "Removal",
    "RowError",
    "__version__",
    "_echo",
    "_probe",
    "clean",
    "clean_report",
    "quotes",
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

@overload
def clean(
    text: str,
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
    progress: _Progress = None,
) -> str: ...
@overload
def clean(
    text: None,
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
    progress: _Progress = None,
) -> None: ...
@overload
def clean(
    text: _TextPayload,
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
    progress: _Progress = None,
) -> CleanResult: ...
@overload
def clean_report(
    text: None,
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
    progress: _Progress = None,
) -> None: ...
@overload
def clean_report(
    text: _TextPayload,
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
    progress: _Progress = None,
) -> dict[str, list[Any]]:
    """Removals of each row in long form: ``row`` (input positions) and one list per field."""

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
    def __init__(
        self,
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
    ) -> None: ...
    def __reduce__(self) -> tuple[type[Quote], tuple[Any, ...]]: ...
    def __eq__(self, other: object) -> bool: ...

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

def _probe(
    text: Any, *, errors: str = "raise", n_threads: int | None = None, progress: _Progress = None
) -> Any:
    """Test helper: fails on "fail", panics on "panic", sleeps 10 ms on "slow", else the length."""
