"""examples/quickstart.ipynb runs from top to bottom in a fresh kernel (nbclient), so it never
goes stale, and it is stored with its outputs. Skipped when nbclient, nbformat or ipykernel is
missing (the ``test`` extra installs them).

``python tests/test_notebook.py`` re-executes the notebook and saves it with fresh outputs:
do that after a change that alters what it shows.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).parents[1] / "examples" / "quickstart.ipynb"


def execute(path: Path, cwd: Path) -> object:
    """The notebook at ``path`` executed in ``cwd``; raises on the first failing cell."""
    import nbclient
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    )
    client.execute()
    return notebook


def code_cells(notebook: object) -> list[object]:
    return [c for c in notebook.cells if c.cell_type == "code"]  # type: ignore[attr-defined]


def test_notebook_is_stored_with_outputs():
    nbformat = pytest.importorskip("nbformat")
    cells = code_cells(nbformat.read(NOTEBOOK, as_version=4))
    assert len(cells) >= 15
    assert all(c.execution_count is not None for c in cells), "run: python " + __file__
    assert all(c.outputs for c in cells), "every cell shows something"
    assert not [o for c in cells for o in c.outputs if o.output_type == "error"]


def shown_text(cell: object) -> tuple[str, list[str]]:
    """What a reader sees of a cell as text: everything it printed (one string: the kernel may
    split a print into several stream messages) and its value's ``text/plain``; not stderr,
    where the progress bars draw with timings. Temporary folders read as ``<tmp>/``."""
    printed, values = [], []
    for output in cell.outputs:  # type: ignore[attr-defined]
        if output.output_type == "stream" and output.name == "stdout":
            printed.append(output.text)
        elif output.output_type == "execute_result":
            values.append(output.data.get("text/plain", ""))
    return _untemp("".join(printed)), [_untemp(v) for v in values]


def _untemp(text: str) -> str:
    return re.sub(re.escape(tempfile.gettempdir()) + r"/[^/\s]+/", "<tmp>/", text)


def test_notebook_executes(tmp_path):
    for module in ("nbclient", "nbformat", "ipykernel"):
        pytest.importorskip(module)
    import nbformat

    notebook = execute(NOTEBOOK, tmp_path)
    outputs = [o for c in code_cells(notebook) for o in c.outputs]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "Priya Annand" in html and "<table" in html  # quotes and alignment displays
    assert not list(tmp_path.iterdir()), "the notebook writes only to its temporary folder"
    stored = code_cells(nbformat.read(NOTEBOOK, as_version=4))
    for number, (old, new) in enumerate(zip(stored, code_cells(notebook), strict=True), start=1):
        assert shown_text(new) == shown_text(old), (
            f"code cell {number} shows something else than the stored notebook: "
            f"if the change is intended, run: python {__file__}"
        )


if __name__ == "__main__":
    import nbformat

    nbformat.write(execute(NOTEBOOK, NOTEBOOK.parent), NOTEBOOK)
    print(f"executed and saved {NOTEBOOK}", file=sys.stderr)
