"""similarity_matrix against rapidfuzz's cdist, one core each, on the same strings.

Cases (ratio = rapidfuzz time / copydesk time, > 1 means copydesk is faster):

- news headlines of 10-80 characters (AG News titles), levenshtein and jaro_winkler;
- sentences of 200-400 characters (BBC News), levenshtein.

Both sides get two different lists (no symmetric shortcut) and return float32 matrices of
normalised similarity. copydesk runs with ``n_threads=1`` (and RAYON_NUM_THREADS=1), rapidfuzz
with ``workers=1``. ``COPYDESK_SIMD=avx2`` (or ``portable``) before the run measures a narrower
vector path than the CPU's best. The comparison with strsim is a Rust bench:
``RAYON_NUM_THREADS=1 cargo bench --bench similarity``. Needs the data (COPYDESK_DATA) and
rapidfuzz; skips without them.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re

os.environ.setdefault("RAYON_NUM_THREADS", "1")

import numpy as np

import copydesk as cd
from harness import data_path, median_seconds, report


def headlines() -> list[str] | None:
    path = data_path("ag-news-test", "test.csv")
    if path is None:
        return None
    with open(path, encoding="utf-8") as f:
        return [row[1] for row in csv.reader(f) if 10 <= len(row[1]) <= 80]


def sentences() -> list[str] | None:
    path = data_path("bbc-news-2225", "bbc.jsonl.gz")
    if path is None:
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    split = (s for t in texts for s in re.split(r"(?<=[.!?])\s+", t))
    return [s for s in split if 200 <= len(s) <= 400]


def case(name: str, a: list[str], b: list[str], metric: str, scorer) -> dict:
    from rapidfuzz.process import cdist

    def ours():
        return cd.similarity_matrix(a, b, metric=metric, n_threads=1)

    def theirs():
        return cdist(a, b, scorer=scorer, workers=1, dtype=np.float32)

    diff = float(np.max(np.abs(ours() - theirs())))
    t_ours, t_theirs = median_seconds(ours, repeat=5), median_seconds(theirs, repeat=5)
    pairs = len(a) * len(b)
    return {
        "case": name,
        "metric": metric,
        "pairs": pairs,
        "copydesk_ns_per_pair": t_ours / pairs * 1e9,
        "rapidfuzz_ns_per_pair": t_theirs / pairs * 1e9,
        "ratio": t_theirs / t_ours,
        "max_abs_diff": diff,
    }


def main() -> None:
    try:
        from rapidfuzz.distance import JaroWinkler, Levenshtein
    except ImportError:
        print("bench_similarity: skipped, rapidfuzz is not installed")
        return
    heads, long = headlines(), sentences()
    if heads is None or long is None:
        print("bench_similarity: skipped, no data under COPYDESK_DATA")
        return
    ha, hb = heads[:1000], heads[1000:2000]
    la, lb = long[:300], long[300:600]
    rows = [
        case("headlines 10-80", ha, hb, "levenshtein", Levenshtein.normalized_similarity),
        case("headlines 10-80", ha, hb, "jaro_winkler", JaroWinkler.normalized_similarity),
        case("sentences 200-400", la, lb, "levenshtein", Levenshtein.normalized_similarity),
    ]
    report(
        f"similarity_matrix vs rapidfuzz.cdist (simd={os.environ.get('COPYDESK_SIMD', 'auto')})",
        rows,
    )


if __name__ == "__main__":
    main()
