"""Shared pieces of the benchmarks: timing by median of repeats, a ratio table, and where the
third-party data is (COPYDESK_DATA, default ../shared/data beside the repo).

Every benchmark prints, for each case, copydesk's median time, each named peer's median time
on the same input in the same run, and the ratio peer / copydesk (> 1 means copydesk is faster).
Compare per core: run with RAYON_NUM_THREADS=1 (bench/run.py sets it).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get(
    "COPYDESK_DATA", os.path.normpath(os.path.join(HERE, "..", "..", "shared", "data"))
)


def data_path(*parts: str) -> str | None:
    """A path under the data folder, or None when it is absent (benchmarks then skip)."""
    path = os.path.join(DATA, *parts)
    return path if os.path.exists(path) else None


def median_seconds(
    fn: Callable[[], Any],
    repeat: int = 5,
    min_time: float = 0.2,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """Median time of `fn()` by `clock` (wall time unless told), each sample looping until
    `min_time` has passed. On a loaded machine a one-thread comparison is steadier with
    `clock=time.process_time`: the CPU time this process spent, which is per core by design."""
    fn()  # warm up: imports, pools, caches
    samples = []
    for _ in range(repeat):
        loops, began = 0, clock()
        while True:
            fn()
            loops += 1
            elapsed = clock() - began
            if elapsed >= min_time:
                break
        samples.append(elapsed / loops)
    return statistics.median(samples)


def machine() -> str:
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cpus, RAYON_NUM_THREADS={os.environ.get('RAYON_NUM_THREADS', 'unset')}"


def report(name: str, rows: list[dict[str, Any]]) -> None:
    """Prints a table and one JSON line per benchmark."""
    print(f"== {name}  ({machine()})")
    for r in rows:
        cells = "  ".join(
            f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in r.items()
        )
        print(f"  {cells}")
    print(json.dumps({"bench": name, "rows": rows}))
