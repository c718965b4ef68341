"""copydesk on Dask: throughput of clean, quotes and near_duplicates on LocalClusters of 1 and 2
worker processes (one thread each) against the single-process call on one thread and on all
cores.

Input: the Reuters-21578 bodies longer than 200 characters (17,555 texts, 16 MB), or with
``--bbc`` the 2,225 BBC articles (5 MB). On the cluster the texts are first spread over the
workers and persisted (as ``read_parquet`` would leave them), in 4 partitions per worker; the
timed call then runs on what the workers hold: ``clean`` and ``quotes`` persist their results
on the workers, ``near_duplicates`` brings its pairs back (it returns a pandas DataFrame). The
single-process calls take the pandas Series. Times are the median of three runs after a
warm-up; docs/s and MB/s are over the whole input. Every Dask run is checked against the
single-process answer (the same number of quotes and the same pairs).

The machine is what it is: on a 2-core VM shared with other jobs, two workers cannot be twice
as fast as one, and the cluster's own costs (task scheduling, shuffles, moving results) show.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from harness import data_path, report  # noqa: E402

PARTITIONS_PER_WORKER = 4


def texts(bbc: bool) -> list[str] | None:
    if bbc:
        path = data_path("bbc-news-2225", "bbc.jsonl.gz")
        field, shortest = "text", 0
    else:
        path = data_path("reuters21578", "reuters21578.jsonl.gz")
        field, shortest = "body", 200
    if path is None:
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return [r[field] for r in rows if len(r.get(field) or "") > shortest]


def seconds(run: Callable[[], Any], repeat: int = 3) -> float:
    run()
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def single_process(series: Any, n_threads: int | None) -> dict[str, Callable[[], Any]]:
    import copydesk as cd

    return {
        "clean": lambda: cd.clean(series, n_threads=n_threads),
        "quotes": lambda: cd.quotes(series, n_threads=n_threads),
        "near_duplicates": lambda: cd.near_duplicates(series, n_threads=n_threads),
    }


def on_cluster(spread: Any) -> dict[str, Callable[[], Any]]:
    import copydesk as cd

    def on_workers(result: Any) -> Any:
        """Runs ``result`` where the data is and brings back only its row count."""
        return result.map_partitions(rows, meta=(None, "int64")).sum().compute()

    return {
        "clean": lambda: on_workers(fresh(spread).copydesk.clean()),
        "quotes": lambda: on_workers(fresh(spread).copydesk.quotes()),
        "near_duplicates": lambda: cd.near_duplicates(fresh(spread)),
    }


def fresh(spread: Any) -> Any:
    """The persisted texts under new task names, so that no run can pick up results a
    previous run left on the workers (Dask names tasks by their inputs; results are released
    asynchronously)."""
    return spread.map_partitions(same, uuid.uuid4().hex, meta=spread._meta)


def same(part: Any, _nonce: str) -> Any:
    return part


def rows(part: Any) -> Any:
    """The row count of one partition (a plain function: Dask cannot see through it)."""
    import pandas as pd

    return pd.Series([len(part)], dtype="int64")


def check(series: Any, spread: Any) -> None:
    """The cluster gives the single-process answers."""
    import copydesk as cd

    local = spread.compute()
    assert spread.copydesk.quotes().compute().shape == cd.quotes(local).shape
    assert cd.near_duplicates(spread).equals(cd.near_duplicates(local))
    assert len(local) == len(series)


def main() -> None:
    import logging

    import dask
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client, LocalCluster

    bbc = "--bbc" in sys.argv
    corpus = texts(bbc)
    if corpus is None:
        print("bench_dask: data absent (COPYDESK_DATA), skipped")
        return
    logging.getLogger("distributed.shuffle._scheduler_plugin").setLevel(logging.ERROR)
    dask.config.set({"dataframe.convert-string": False})
    series = pd.Series(corpus, name="text")
    docs, megabytes = len(series), sum(len(t.encode()) for t in corpus) / 1e6
    rows = []

    def add(setup: str, name: str, took: float) -> None:
        rows.append(
            {
                "setup": setup,
                "function": name,
                "seconds": took,
                "docs_per_s": docs / took,
                "mb_per_s": megabytes / took,
            }
        )

    for n_threads, setup in ((1, "one process, 1 thread"), (None, "one process, all cores")):
        for name, run in single_process(series, n_threads).items():
            add(setup, name, seconds(run))
    for workers in (1, 2):
        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            spread = dd.from_pandas(
                series, npartitions=PARTITIONS_PER_WORKER * workers, sort=False
            ).persist()
            client.wait_for_workers(workers)
            check(series, spread)
            for name, run in on_cluster(spread).items():
                add(f"LocalCluster {workers} worker(s) x 1 thread", name, seconds(run))
    corpus_name = "BBC" if bbc else "Reuters-21578 bodies > 200 chars"
    report(f"dask ({corpus_name}: {docs} docs, {megabytes:.1f} MB)", rows)


if __name__ == "__main__":
    main()
