"""near_duplicates end to end against MinHash + LSH pipelines in Python, one core each.

Input: the Reuters-21578 bodies longer than 200 characters (17,555 texts, 16 MB). Every side
starts from the list of texts and ends with the candidate pairs:

- copydesk: ``near_duplicates(texts, n_threads=1)`` - normalisation, 3-word shingles, 128
  MinHash permutations, 64 LSH bands of 2 rows, signature pre-filter and exact verification of
  every candidate (Jaccard, containment, lead gate), exact-duplicate grouping.
- datasketch: the same 3-word shingles (lower-cased ``\\w+`` words), ``MinHash(num_perm=128)``
  with ``update_batch``, ``MinHashLSH(params=(64, 2))`` (the same bands), insert every text,
  query every text, keep pairs whose estimated Jaccard is at least 0.1 (copydesk's
  pre-filter). No exact verification.
- rensa (when installed): the same shingles, ``RMinHash(128)``, ``RMinHashLSH(num_bands=64)``,
  the same queries and filter.

Each side runs in a fresh process, warmed up on 200 texts (imports, thread pools), so
``peak_mb`` is that process's peak resident memory above what it held before the timed run. ratio = peer seconds / copydesk seconds (> 1: copydesk
is faster). copydesk's time is the median of three runs; the peers run once (they take seconds).
Times are the CPU time of each process (one thread each), so a busy machine does not tilt them.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import resource
import subprocess
import sys
import time

os.environ.setdefault("RAYON_NUM_THREADS", "1")

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from harness import data_path, report  # noqa: E402

NUM_PERM, BANDS, MIN_JACCARD = 128, 64, 0.1
WORD = re.compile(r"\w+")


def bodies() -> list[str] | None:
    path = data_path("reuters21578", "reuters21578.jsonl.gz")
    if path is None:
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return [r["body"] for r in rows if len(r.get("body") or "") > 200]


def shingles(text: str) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}


def run_copydesk(texts: list[str]) -> int:
    import copydesk as cd

    return len(cd.near_duplicates(texts, n_threads=1))


def run_datasketch(texts: list[str]) -> int:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, NUM_PERM // BANDS))
    sketches = []
    for i, text in enumerate(texts):
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([s.encode("utf-8") for s in shingles(text)])
        lsh.insert(i, m)
        sketches.append(m)
    return _pairs(sketches, lsh.query, lambda x, y: x.jaccard(y))


def run_rensa(texts: list[str]) -> int:
    from rensa import RMinHash, RMinHashLSH

    lsh = RMinHashLSH(threshold=0.5, num_perm=NUM_PERM, num_bands=BANDS)
    sketches = []
    for i, text in enumerate(texts):
        m = RMinHash(num_perm=NUM_PERM, seed=1)
        m.update(list(shingles(text)))
        lsh.insert(i, m)
        sketches.append(m)
    return _pairs(sketches, lsh.query, lambda x, y: x.jaccard(y))


def _pairs(sketches, query, jaccard) -> int:
    found = set()
    for i, m in enumerate(sketches):
        for j in query(m):
            if j != i and jaccard(m, sketches[j]) >= MIN_JACCARD:
                found.add((min(i, j), max(i, j)))
    return len(found)


RUNNERS = {"copydesk": run_copydesk, "datasketch": run_datasketch, "rensa": run_rensa}


def one(name: str) -> None:
    """Child process: load the texts, run one side, print seconds, pairs and peak memory."""
    texts = bodies()
    assert texts is not None
    RUNNERS[name](texts[:200])  # warm up: imports, thread pools, first-call costs
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    began = time.process_time()  # CPU time: one thread each, steady on a busy machine
    pairs = RUNNERS[name](texts)
    seconds = time.process_time() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "pairs": pairs, "peak_mb": (peak - base) / 1024}))


def measure(name: str) -> dict | None:
    out = subprocess.run(
        [sys.executable, __file__, "--one", name], capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        print(
            f"  {name}: skipped ({out.stderr.strip().splitlines()[-1] if out.stderr else 'failed'})"
        )
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    texts = bodies()
    if texts is None:
        print("bench_copies: Reuters data absent (COPYDESK_DATA), skipped")
        return
    n = len(texts)
    runs = sorted((measure("copydesk") for _ in range(3)), key=lambda r: r["seconds"])
    ours = runs[1]
    rows = [_row("copydesk", ours, n, ours)]
    for peer in ("datasketch", "rensa"):
        figures = measure(peer)
        if figures is not None:
            rows.append(_row(peer, figures, n, ours))
    report(f"near_duplicates on {n} Reuters bodies, one thread", rows)


def _row(name: str, figures: dict, n: int, ours: dict) -> dict:
    return {
        "side": name,
        "seconds": figures["seconds"],
        "docs_per_s": n / figures["seconds"],
        "peak_mb": figures["peak_mb"],
        "pairs": figures["pairs"],
        "ratio": figures["seconds"] / ours["seconds"],
    }


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        one(sys.argv[2])
    else:
        main()
