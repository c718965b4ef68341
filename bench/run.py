"""Runs every benchmark in bench/ (or those named) one core each: `python bench/run.py [NAME ...]`.

Sets RAYON_NUM_THREADS=1 before copydesk loads, so ratios compare one core against one core.
"""

from __future__ import annotations

import glob
import os
import runpy
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> None:
    os.environ.setdefault("RAYON_NUM_THREADS", "1")
    sys.path.insert(0, HERE)
    names = sys.argv[1:] or sorted(
        os.path.basename(p)[len("bench_") : -3] for p in glob.glob(os.path.join(HERE, "bench_*.py"))
    )
    for name in names:
        runpy.run_path(os.path.join(HERE, f"bench_{name}.py"), run_name="__main__")


if __name__ == "__main__":
    main()
