"""The main job on a Dask cluster: ``copydesk --dask ADDRESS`` (a running scheduler, such as
``tcp://10.0.0.5:8786``) or ``copydesk --dask local`` (a LocalCluster of worker processes on
this machine) runs the same pipeline with every copydesk step on the cluster.

The pipeline calls copydesk through an *engine*: the :mod:`copydesk` module itself on one
machine, or a :class:`DaskEngine`, whose functions take the same pandas columns, spread them
over the cluster in partitions, run the Dask form of the function (the ``.copydesk`` accessor,
or ``near_duplicates`` / ``duplicate_groups`` on a Dask Series, where copies meet across
partitions) and give back what copydesk gives on pandas. So the tables are the same as a plain
run's, whatever the cluster.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import copydesk as cd

from ._engine import LocalEngine


class DaskEngine:
    """copydesk's pipeline functions, each run on the cluster of ``client``."""

    def __init__(self, client: Any, npartitions: int) -> None:
        self.client = client
        self.npartitions = npartitions

    def _spread(self, column: Any) -> Any:
        import dask.dataframe as dd

        parts = max(1, min(self.npartitions, len(column)))
        return dd.from_pandas(column, npartitions=parts, sort=False)

    def clean(self, texts: Any, progress: bool = False, **options: Any) -> Any:
        return self._spread(texts).copydesk.clean(**options).compute()

    def clean_report(self, texts: Any, progress: bool = False, **options: Any) -> Any:
        found = self._spread(texts).copydesk.clean_report(**options).compute()
        return found.reset_index(drop=True)

    def clean_with_report(
        self, texts: Any, progress: bool = False, errors: str = "raise"
    ) -> tuple[Any, Any]:
        """What ``LocalEngine.clean_with_report`` gives, from one cleaning pass on the cluster:
        each partition is cleaned once and hands back its texts and its removals together (a
        row's error names its partition and index label, as the accessor's do)."""
        import dask
        import pandas as pd

        from ._engine import clean_with_report
        from .dask import run_partition

        parts = self._spread(texts).to_delayed()
        both = dask.compute(
            *(
                dask.delayed(run_partition)(
                    part, clean_with_report, {"errors": errors}, {"number": i}
                )
                for i, part in enumerate(parts)
            )
        )
        cleaned = pd.concat([part for part, _ in both])
        removals = pd.concat([found for _, found in both], ignore_index=True)
        return cleaned, removals

    def pairs_and_groups(
        self,
        texts: Any,
        dates: Any = None,
        sources: Any = None,
        progress: bool = False,
        errors: str = "raise",
    ) -> tuple[Any, Any]:
        """What ``LocalEngine.pairs_and_groups`` gives, in two searches on the cluster."""
        pairs = self.near_duplicates(texts, errors=errors)
        groups = self.duplicate_groups(texts, dates=dates, sources=sources, errors=errors)
        return pairs, groups

    def quotes(self, texts: Any, progress: bool = False, **options: Any) -> Any:
        return self._spread(texts).copydesk.quotes(**options).compute().reset_index(drop=True)

    def near_duplicates(self, texts: Any, progress: bool = False, **options: Any) -> Any:
        return cd.near_duplicates(self._spread(texts), **options)

    def duplicate_groups(
        self,
        texts: Any,
        dates: Any = None,
        sources: Any = None,
        progress: bool = False,
        **options: Any,
    ) -> Any:
        import pandas as pd

        spread = [None if c is None else self._spread(c) for c in (texts, dates, sources)]
        found = cd.duplicate_groups(spread[0], dates=spread[1], sources=spread[2], **options)
        found = found.compute()
        if isinstance(found, pd.Series):
            return found if found.hasnans else found.astype("int64")
        # pandas builds ``original`` from a list: the same inference here.
        found["original"] = pd.Series(found["original"].tolist(), index=found.index)
        return found


@contextmanager
def engine_for(address: str | None) -> Iterator[Any]:
    """The engine of a run: a ``LocalEngine`` for ``None``, else a :class:`DaskEngine` on the
    scheduler at ``address`` (``local``: a LocalCluster of worker processes, closed after)."""
    if address is None:
        yield LocalEngine()
        return
    import dask
    from distributed import Client, LocalCluster

    # Each p2p shuffle logs its start and end as warnings: noise in a command-line run.
    logging.getLogger("distributed.shuffle._scheduler_plugin").setLevel(logging.ERROR)
    with dask.config.set({"dataframe.convert-string": False}):
        if address == "local":
            with (
                LocalCluster(processes=True, dashboard_address=None) as cluster,
                Client(cluster) as client,
            ):
                yield DaskEngine(client, _partitions(client))
        else:
            with Client(address) as client:
                yield DaskEngine(client, _partitions(client))


def _partitions(client: Any) -> int:
    """Two partitions per worker thread: enough to keep every thread busy."""
    threads = sum(client.nthreads().values()) or os.cpu_count() or 1
    return 2 * threads
