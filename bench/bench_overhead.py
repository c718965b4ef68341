"""Per-row overhead of the column machinery for each input kind, against a list of str.

Two no-op-sized kernels, called through the same public path as every function
(`copydesk._columns.apply`), so the time per row is what the machinery costs: reading rows,
running them, building the output, restoring the container.

- `echo` returns each text unchanged: unchanged text outputs reuse the input's objects (the
  case of cleaning text that is already clean);
- `count` (`_core._probe`) returns a new int per row: the case of every metric and counter.

Peer: the list-of-str path on the same rows (ratio = list time / kind time).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa

from copydesk import _core
from copydesk._columns import apply
from harness import median_seconds, report

ROWS = 1_000_000


def main() -> None:
    words = [f"w{i % 1000}" for i in range(ROWS)]
    kinds = {
        "list": words,
        "numpy_object": np.array(words, dtype=object),
        "pandas_object": pd.Series(words, dtype=object),
        "pandas_str": pd.Series(words, dtype="str"),
        "pyarrow": pa.array(words),
        "pyarrow_large": pa.array(words, type=pa.large_string()),
        "pyarrow_view": pa.array(words, type=pa.string_view()),
        "polars": pl.Series(words),
    }
    rows = []
    for kernel, fn, out in (("echo", _core._echo, "str"), ("count", _core._probe, "int")):
        times = {
            k: median_seconds(lambda v=v, fn=fn, out=out: apply(fn, v, out), repeat=5)
            for k, v in kinds.items()
        }
        for k, t in times.items():
            rows.append(
                {
                    "kernel": kernel,
                    "kind": k,
                    "ns_per_row": t / ROWS * 1e9,
                    "ratio_vs_list": times["list"] / t,
                }
            )
    report("machinery overhead (1M short strings, one thread)", rows)


if __name__ == "__main__":
    main()
