"""Type stubs of the compiled module ``copydesk._core``: the single source of truth for the API.

Column arguments accept a ``str`` or any column kind (list, tuple, numpy array, pandas Series,
pyarrow Array/ChunkedArray, polars Series, any Arrow PyCapsule exporter); the Python package's
wrappers restore the caller's container. ``_core`` itself answers a scalar with a scalar, a list
with a list and an Arrow payload with an Arrow array.
"""

from collections.abc import Callable
from typing import Any, Protocol, TypeAlias, overload

__all__ = [
    "CopydeskError",
    "InvalidOptionError",
    "MismatchError",
    "RowError",
    "__version__",
    "_echo",
    "_probe",
    "clean",
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
    nfc: bool = True,
    whitespace: bool = True,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> str: ...
@overload
def clean(
    text: None,
    *,
    nfc: bool = True,
    whitespace: bool = True,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> None: ...
@overload
def clean(
    text: _TextPayload,
    *,
    nfc: bool = True,
    whitespace: bool = True,
    errors: str = "raise",
    n_threads: int | None = None,
    progress: _Progress = None,
) -> Any: ...
def _echo(
    text: Any, *, errors: str = "raise", n_threads: int | None = None, progress: _Progress = None
) -> Any:
    """Returns each text unchanged: measures the column machinery's per-row overhead."""

def _probe(
    text: Any, *, errors: str = "raise", n_threads: int | None = None, progress: _Progress = None
) -> Any:
    """Test helper: fails on "fail", panics on "panic", sleeps 10 ms on "slow", else the length."""
