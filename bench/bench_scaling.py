"""Scaling of clean, quotes and near_duplicates at 1, 10 and 100 MB, one core: CPU time per MB,
its ratio to the 1 MB figure (linear time keeps it near 1; the issue's bound is 2x), and the
peak memory each call adds (VmHWM in a fresh child process, as a multiple of the input).

`python bench/bench_scaling.py [MAX_MB]` (default 100). Inputs are made here: news-like prose
with quotes, leaked JSON, entities and emoji for clean and quotes, the adversarial runs of
one character for clean and quotes at 10 MB, and documents of 1 KB of random words (no copies
among them) for near_duplicates.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent(
    """
    import json, sys, time
    import numpy as np
    import copydesk as cd

    def status(key):
        for line in open("/proc/self/status"):
            if line.startswith(key):
                return int(line.split()[1]) * 1024

    fn, kind, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    size = int(mb * 1_000_000)
    if fn == "near_duplicates":
        n = size // 1000
        rng = np.random.default_rng(7)
        vocab = np.array([f"w{i:x}" for i in range(50_000)])
        picks = vocab[rng.integers(0, len(vocab), size=n * 160)].reshape(n, 160)
        arg = [" ".join(row)[:1000] for row in picks]
        call = lambda: cd.near_duplicates(arg, n_threads=1)
    else:
        unit = {
            "news": 'Prices rose 3% in May. \\u201cWe did not expect it,\\u201d said Jane Doe, '
            'the minister. {"id": 7, "tags": ["a", "b"]} &amp; caf\\u00e9 \\U0001f600\\n\\n',
            "braces": "{", "quotes": '"', "word": "word ", "emoji": "\\U0001f600",
        }[kind]
        arg = unit * (size // len(unit.encode()))
        call = lambda: getattr(cd, fn)(arg, n_threads=1)
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    before = status("VmRSS:")
    began = time.process_time()
    call()
    cpu = time.process_time() - began
    print(json.dumps({"cpu": cpu, "peak": status("VmHWM:") - before}))
    """
)


def measure(fn: str, kind: str, mb: float) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, fn, kind, str(mb)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "RAYON_NUM_THREADS": "1"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    top = float(sys.argv[1]) if len(sys.argv) > 1 else 100.0
    sizes = [mb for mb in (1.0, 10.0, 100.0) if mb <= top]
    cases = [
        ("clean", "news", sizes),
        ("quotes", "news", sizes),
        ("near_duplicates", "docs", sizes),
        *[
            (fn, kind, [1.0, 10.0])
            for fn in ("clean", "quotes")
            for kind in ("braces", "quotes", "word", "emoji")
        ],
    ]
    print(f"{'function':16} {'input':7} {'MB':>5} {'s/MB':>7} {'x 1MB':>6} {'peak/input':>10}")
    for fn, kind, mbs in cases:
        base = None
        for mb in mbs:
            m = measure(fn, kind, mb)
            per_mb = m["cpu"] / mb
            base = base or per_mb
            print(
                f"{fn:16} {kind:7} {mb:5.0f} {per_mb:7.3f} {per_mb / base:6.2f} "
                f"{m['peak'] / (mb * 1e6):10.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
