"""copydesk on Dask: the accessor on Dask Series gives the pandas answers, on a LocalCluster of
worker processes. Skipped when dask is not installed; `-m "not dask"` skips these alone."""

from __future__ import annotations

import pandas as pd
import pytest

import copydesk as cd

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.dask

TEXTS = [f"Story  {i}\u00a0about the\r\n\r\n\r\nharbor." if i % 7 else None for i in range(60)]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_accessor_is_registered_on_dask_series():
    series = dd.from_pandas(pd.Series(["a  b"]), npartitions=1)
    assert hasattr(series, "copydesk")


def test_pandas_accessor():
    s = pd.Series(["a  b", None], index=[5, 6], name="t")
    pd.testing.assert_series_equal(s.copydesk.clean(), cd.clean(s))


@pytest.mark.parametrize("dtype", [object, "str"])
def test_clean_on_a_cluster_equals_pandas(client, dtype):
    s = pd.Series(TEXTS, name="body", dtype=dtype, index=range(100, 160))
    series = dd.from_pandas(s, npartitions=4)
    # Dask may convert object strings to its own string dtype: compare with pandas on the
    # Series Dask holds, and on the values of the original.
    expected = cd.clean(series.compute())
    got = series.copydesk.clean().compute()
    pd.testing.assert_series_equal(got, expected)
    assert got.fillna("").tolist() == cd.clean(s).fillna("").tolist()


def test_quotes_on_a_cluster_equal_pandas(client):
    text = "\u201cWe will rebuild the wall,\u201d said Mayor Ines Calder on Tuesday."
    s = pd.Series([text, None, "No quotes here."] * 4, name="body", index=range(12))
    series = dd.from_pandas(s, npartitions=3)
    got = series.copydesk.quotes().compute().reset_index(drop=True)
    expected = cd.quotes(series.compute())
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert len(got) == 4 and set(got["row"]) == {0, 3, 6, 9}


def test_pandas_accessor_covers_the_functions():
    s = pd.Series(["The council voted on Tuesday.", "The council voted Tuesday."], index=["x", "y"])
    assert list(s.copydesk.similarity(s)) == [1.0, 1.0]
    assert len(s.copydesk.quotes()) == 0
    assert len(s.copydesk.duplicate_groups()) == 2


def test_worker_threads_size_the_pool(client):
    from copydesk.dask import worker_threads

    assert client.submit(worker_threads).result() == 1
    assert worker_threads() is None
