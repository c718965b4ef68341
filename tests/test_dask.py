"""copydesk on Dask: the accessor on Dask Series gives the pandas answers, on a LocalCluster of
worker processes. Skipped when dask is not installed; `-m "not dask"` skips these alone."""

from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path

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


# ---- copies across partitions --------------------------------------------------------------


def story(rng: random.Random, words: int) -> str:
    """A made-up article: sentences of random words from a small vocabulary."""
    vocabulary = [f"word{i}" for i in range(500)]
    sentences = []
    for _ in range(words // 12):
        sentence = " ".join(rng.choice(vocabulary) for _ in range(12))
        sentences.append(sentence.capitalize() + ".")
    return " ".join(sentences)


def corpus(seed: int = 7) -> list[str | None]:
    """Stories with trimmed, re-headlined, upper-cased and exact copies, unrelated stories,
    empty and missing texts, shuffled so that copies land in different partitions."""
    rng = random.Random(seed)
    texts: list[str | None] = []
    for _ in range(12):
        original = story(rng, 150)
        texts += [
            original,
            original[: len(original) * 2 // 3],
            "Breaking: a new headline. " + original,
            original.upper(),
            story(rng, 120),
        ]
    texts += [texts[0], None, "", " ,; ", None]
    rng.shuffle(texts)
    return texts


def partition_of(series) -> dict:
    """The partition number of every index label of a Dask Series."""
    return {
        label: number
        for number in range(series.npartitions)
        for label in series.partitions[number].compute().index
    }


@pytest.mark.parametrize(
    "index",
    [
        None,
        [f"story-{i}" for i in range(65)],
        list(range(1000, 935, -1)),  # labels that run against the row order
    ],
)
def test_near_duplicates_across_partitions_equal_pandas(client, index):
    s = pd.Series(corpus(), index=index, name="body")
    series = dd.from_pandas(s, npartitions=4, sort=False)
    expected = cd.near_duplicates(series.compute())
    got = cd.near_duplicates(series)
    pd.testing.assert_frame_equal(got, expected)
    assert got.values.tolist() == cd.near_duplicates(s).values.tolist()
    where = partition_of(series)
    crossing = [(a, b) for a, b in zip(got["a"], got["b"], strict=True) if where[a] != where[b]]
    assert len(got) > 40 and len(crossing) > 10


def test_many_partitions_use_dasks_own_shuffle(client):
    """Past 32 partitions the shuffles are Dask's choice (p2p on a cluster): same answers."""
    s = pd.Series(corpus(13), name="body")
    series = dd.from_pandas(s, npartitions=33, sort=False)
    assert series.npartitions > 32
    pd.testing.assert_frame_equal(cd.near_duplicates(series), cd.near_duplicates(series.compute()))


def test_the_engines_one_cleaning_pass_gives_both_tables(client):
    """The main job's Dask engine cleans each partition once for the texts and the removals:
    the same tables as on one machine, and as its two separate passes."""
    from copydesk._engine import LocalEngine
    from copydesk._pipeline_dask import DaskEngine

    texts = pd.Series(
        ["var a = {b: 1};\nThe minister said.", None, "Cafe\u0301  au lait", "Plain."] * 5,
        index=range(100, 120),
        name="body",
    )
    import dask

    engine = DaskEngine(client, 4)
    with dask.config.set({"dataframe.convert-string": False}):  # as the main job runs it
        cleaned, removals = engine.clean_with_report(texts)
        separate = engine.clean_report(texts)
    local = LocalEngine().clean_with_report(texts)
    pd.testing.assert_series_equal(cleaned, local[0])
    pd.testing.assert_frame_equal(removals, local[1])
    pd.testing.assert_frame_equal(removals, separate)
    assert len(removals) == 5


def test_exact_copies_in_different_partitions(client):
    text = "The harbour bridge will close for six months of repairs, the council said."
    s = pd.Series(["Nothing alike here at all.", text, None, text.upper(), "x y z", text])
    series = dd.from_pandas(s, npartitions=3, sort=False)
    got = cd.near_duplicates(series)
    assert got.values.tolist() == [[1, 3, 1.0], [1, 5, 1.0], [3, 5, 1.0]]
    groups = cd.duplicate_groups(series).compute()
    assert groups.tolist() == [0, 1, pd.NA, 1, 2, 1]


def test_search_options_reach_the_cluster(client):
    s = pd.Series(corpus(3), name="body")
    series = dd.from_pandas(s, npartitions=3, sort=False)
    options = {"threshold": 0.9, "num_perm": 64, "bands": 32, "shingle_size": 4, "seed": 9}
    expected = cd.near_duplicates(series.compute(), **options)
    pd.testing.assert_frame_equal(series.copydesk.near_duplicates(**options), expected)
    assert len(expected) != len(cd.near_duplicates(s))
    with pytest.raises(cd.InvalidOptionError):
        cd.near_duplicates(series, bands=7)


def test_duplicate_groups_across_partitions_equal_pandas(client):
    s = pd.Series(corpus(11), index=[f"n{i}" for i in range(65)], name="body")
    series = dd.from_pandas(s, npartitions=5, sort=False)
    got = series.copydesk.duplicate_groups()
    assert isinstance(got, dd.Series)
    got = got.compute()
    expected = cd.duplicate_groups(series.compute())
    pd.testing.assert_index_equal(got.index, expected.index)
    assert got.name == "body" and str(got.dtype) == "Int64"
    assert got.tolist() == expected.astype("Int64").tolist()
    assert got.nunique() < got.count()


def test_no_copies_and_empty_partitions(client):
    s = pd.Series(["One story.", None, "Another, quite different."], name="body")
    series = dd.from_pandas(s, npartitions=2, sort=False)
    pd.testing.assert_frame_equal(cd.near_duplicates(series), cd.near_duplicates(s))
    empty = series[series.str.len() > 1000]
    pd.testing.assert_frame_equal(cd.near_duplicates(empty), cd.near_duplicates(s[:0]))
    assert cd.duplicate_groups(empty).compute().tolist() == []


def test_duplicate_groups_with_dates_and_sources_equal_pandas(client):
    texts = corpus(5)
    rng = random.Random(5)
    dates = [None if i % 9 == 0 else f"2024-03-{rng.randint(1, 28):02d}" for i in range(65)]
    sources = [f"outlet-{i % 4}" if i % 11 else None for i in range(65)]
    index = [f"n{i}" for i in range(65)]
    frame = pd.DataFrame({"text": texts, "date": dates, "source": sources}, index=index)
    spread = dd.from_pandas(frame, npartitions=4, sort=False)
    local = spread.compute()
    for options in (
        {"dates": "date"},
        {"dates": "date", "sources": "source"},
    ):
        got = cd.duplicate_groups(spread["text"], **{k: spread[v] for k, v in options.items()})
        assert isinstance(got, dd.DataFrame)
        got = got.compute()
        expected = cd.duplicate_groups(local["text"], **{k: local[v] for k, v in options.items()})
        assert got.columns.tolist() == expected.columns.tolist()
        pd.testing.assert_index_equal(got.index, expected.index)
        for column in expected.columns:
            assert got[column].tolist() == expected[column].tolist(), (options, column)
        assert (~got["is_original"].fillna(True)).sum() > 10
    with pytest.raises(TypeError, match="partitioned like the texts"):
        cd.duplicate_groups(spread["text"], dates=local["date"])
    with pytest.raises(cd.MismatchError):
        cd.duplicate_groups(spread["text"], sources=spread["source"].repartition(npartitions=2))


REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("COPYDESK_DATA", REPO.parent / "shared" / "data"))
BBC = DATA / "bbc-news-2225" / "bbc.jsonl.gz"


@pytest.mark.skipif(not BBC.is_file(), reason="BBC data is absent")
def test_bbc_copies_on_a_cluster_equal_pandas(client):
    """2,225 BBC articles in 6 partitions: the 100 exact-duplicate pairs and the near copies."""
    with gzip.open(BBC, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    s = pd.Series([r["text"] for r in rows], index=[r["id"] for r in rows], name="text")
    series = dd.from_pandas(s, npartitions=6, sort=False)
    expected = cd.near_duplicates(series.compute())
    got = cd.near_duplicates(series)
    pd.testing.assert_frame_equal(got, expected)
    where = partition_of(series)
    assert len(got) >= 100 and any(
        where[a] != where[b] for a, b in zip(got["a"], got["b"], strict=True)
    )


# ---- errors= on the cluster -------------------------------------------------------------


def versions(n: int = 9) -> list:
    """``n`` versions of one story, each with its own last words."""
    base = story(random.Random(3), 120)
    return [f"{base} Version {i} ends here." for i in range(n)]


def object_series(texts: list, npartitions: int = 3) -> tuple[pd.Series, dd.Series]:
    """An object Series (the only kind that holds a lone surrogate) and its Dask form."""
    import dask

    s = pd.Series(texts, index=[f"n{i}" for i in range(len(texts))], dtype=object)
    with dask.config.set({"dataframe.convert-string": False}):
        return s, dd.from_pandas(s, npartitions=npartitions, sort=False)


@pytest.fixture
def synchronous():
    """Dask's scheduler in this thread: the same graph, without a cluster's round trips."""
    import dask

    with dask.config.set(scheduler="synchronous"):
        yield


def test_errors_reach_the_search(synchronous):
    """near_duplicates and duplicate_groups take errors= on a Dask Series as on pandas: a
    failing row in a later partition is named by its place in the whole Series, and
    errors="null" gives the pandas answer."""
    texts = versions()
    texts[7] = "broken \ud800 " + texts[7]
    s, series = object_series(texts)
    for function in (cd.near_duplicates, cd.duplicate_groups):
        with pytest.raises(cd.RowError, match=r"row 7: .*lone surrogate") as caught:
            function(series)
        assert caught.value.row == 7
        with pytest.raises(cd.InvalidOptionError, match="errors"):
            function(series, errors="skip")
    pd.testing.assert_frame_equal(
        cd.near_duplicates(series, errors="null"), cd.near_duplicates(s, errors="null")
    )
    groups = series.copydesk.duplicate_groups(errors="null").compute()
    assert groups.tolist() == cd.duplicate_groups(s, errors="null").astype("Int64").tolist()
    assert groups.iloc[7] is pd.NA
    texts[7] = 7
    with pytest.raises(TypeError, match="row 7: expected str, got int"):
        cd.near_duplicates(object_series(texts)[1])


def test_the_partition_of_a_row_error_travels_from_a_worker():
    """A worker sends the exception pickled: the partition it was tagged with survives."""
    import pickle

    from copydesk._dask_copies import tagged

    for error in (cd.RowError("row 1: bad"), TypeError("row 1: expected str, got int")):
        with pytest.raises(type(error)) as caught, tagged(4):
            raise error
        assert pickle.loads(pickle.dumps(caught.value)).partition == 4


def test_unreadable_dates_follow_errors(synchronous):
    texts = versions()
    dates = ["2024-03-01"] * 8 + ["27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM"]
    s, series = object_series(texts)
    _, when = object_series(dates)
    with pytest.raises(cd.RowError, match="row 8: cannot read the date") as caught:
        cd.duplicate_groups(series, dates=when).compute()
    assert caught.value.row == 8
    got = cd.duplicate_groups(series, dates=when, errors="null").compute()
    want = cd.duplicate_groups(s, dates=dates, errors="null")
    assert got["original"].tolist() == want["original"].tolist()


def test_a_row_error_of_the_accessor_names_partition_and_label(synchronous):
    _, series = object_series(["a", "b", "c", "d", "broken \ud800", "f"], npartitions=3)
    with pytest.raises(cd.RowError, match=r"row 0 of partition 2 \(index label 'n4'\)"):
        series.copydesk.clean().compute()
    cleaned = series.copydesk.clean(errors="null").compute()
    assert cleaned.isna().tolist() == [False, False, False, False, True, False]
