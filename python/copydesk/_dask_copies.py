"""Copies of a story on Dask: :func:`near_duplicates` and :func:`duplicate_groups` over a Dask
Series, with the single-machine answer.

The search is the single-machine one cut into the steps ``_core`` exposes for distributed
engines (``src/similarity/copies/sketch.rs``); Dask only moves rows between them:

1. Per partition, ``copy_sketches``: for every row with words an exact key (a hash of its
   normalised words) and one key per LSH band, tagged with the row's place in the whole
   Series (``partition << 32 | rank among the partition's present rows``).
2. Band entries are shuffled on ``(band, key)``, so that two copies meet whatever partition
   they started in. In a bucket, rows with one exact key count once (their earliest row), and
   every pair of what is left is a candidate.
3. Each candidate's two signature digests (a byte per MinHash value) are brought together;
   candidates that agree on too few positions to pass the signature estimate are dropped
   (most chance meetings) before any text moves. The two texts of the rest are brought
   together and ``copy_candidates`` decides the pairs of each partition as the single
   machine does, over an index of that partition's texts.
4. Rows with equal exact keys (a shuffle on the key) are paired with similarity 1, and each
   verified pair of earliest rows stands for every pair of their members; the pairs are
   sorted by position in the Series and named by its index labels.

Options and their defaults live in Rust (``CopyOptions``): both paths read the same ones.

``errors=`` works as on one machine. A row that fails in a partition's task names its row in
that partition; the client turns that into the row's place in the whole Series
(:func:`globalised`). Under ``errors="null"`` the rows that would fail (text that is not valid
Unicode) are made missing before the search (:func:`null_failing_rows`), so that every step
counts them as missing, as the single machine does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd

from . import _core
from ._columns import Column
from .dask import worker_threads

#: A row's place in the Series: its partition number in the high bits, its rank among the
#: partition's present rows in the low ones, so that sorting places sorts rows.
RANK_BITS = 32
RANK_MASK = (1 << RANK_BITS) - 1

_PAIR_COLUMNS = ["a", "b", "label_a", "label_b", "similarity"]


def _threads(n_threads: int | None) -> int | None:
    return worker_threads() if n_threads is None else n_threads


def partition_number(partition_info: dict[str, Any] | None) -> int:
    return 0 if partition_info is None else int(partition_info["number"])


# ---- errors --------------------------------------------------------------------------------


@contextmanager
def tagged(number: int) -> Iterator[None]:
    """Marks a row's error raised in partition ``number`` with it, so that the client can
    name the row by its place in the whole Series (the attribute travels with the pickled
    exception from a worker)."""
    try:
        yield
    except (_core.RowError, TypeError) as error:
        error.partition = number  # type: ignore[attr-defined]
        raise


_ROW_MESSAGE = re.compile(r"row (\d+): (.*)", re.DOTALL)


def globalised(series: Any, error: Exception) -> Exception:
    """``error`` of a row of one partition of ``series`` (see :func:`tagged`), naming the row
    by its position in the whole Series as the single machine does; other errors as they are."""
    number = getattr(error, "partition", None)
    found = _ROW_MESSAGE.match(str(error))
    if number is None or found is None:
        return error
    row = int(found.group(1)) + (len(series.partitions[:number]) if number else 0)
    named = type(error)(f"row {row}: {found.group(2)}")
    if isinstance(error, _core.RowError):
        named.row = row
    return named


def null_failing_rows(part: pd.Series) -> pd.Series:
    """``errors="null"`` on one partition: texts that are not valid Unicode (lone surrogates,
    which only an object column can hold) become missing."""
    if part.dtype != object:
        return part
    failing = [i for i, v in enumerate(part.to_numpy()) if isinstance(v, str) and _unencodable(v)]
    if not failing:
        return part
    part = part.copy()
    part.iloc[failing] = None
    return part


def _unencodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def prepared(series: Any, errors: str) -> Any:
    """The texts the search reads: checks ``errors``, and under ``"null"`` the failing rows
    missing."""
    from ._copies import _check_errors

    if _check_errors(errors) == "raise":
        return series
    return series.map_partitions(null_failing_rows, meta=series._meta)


def sketch_partition(
    part: pd.Series,
    options: dict[str, Any],
    n_threads: int | None = None,
    partition_info: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """Step 1 on one partition: ``pos``, ``label``, ``text``, the exact key (``hi``, ``lo``),
    the signature digest (bytes) and band keys ``b0``, ``b1``, ... of every row with words."""
    with tagged(partition_number(partition_info)):
        found = _core.copy_sketches(
            Column.of(part, "texts").payload, options=options, n_threads=_threads(n_threads)
        )
    rows = found["row"]
    ranks = np.cumsum(part.notna().to_numpy()) - 1
    place = (partition_number(partition_info) << RANK_BITS) + ranks[rows].astype("int64")
    frame = pd.DataFrame(
        {
            "pos": place,
            "label": part.index[rows],
            "text": part.iloc[rows].to_numpy(dtype=object),
            "hi": found["exact"][:, 0],
            "lo": found["exact"][:, 1],
            "digest": [row.tobytes() for row in found["digest"]],
        }
    )
    bands = pd.DataFrame(found["bands"], columns=[f"b{i}" for i in range(found["bands"].shape[1])])
    return pd.concat([frame, bands], axis=1)


def band_entries(sketches: pd.DataFrame) -> pd.DataFrame:
    """Step 2's input: one row per (row, band), ``bucket = band << 32 | key``."""
    keys = sketches.filter(regex=r"^b\d+$").to_numpy(dtype="int64")
    width = keys.shape[1]
    bucket = (np.arange(width, dtype="int64") << 32) + keys
    return pd.DataFrame(
        {
            "bucket": bucket.reshape(-1),
            "hi": np.repeat(sketches["hi"].to_numpy(), width),
            "lo": np.repeat(sketches["lo"].to_numpy(), width),
            "pos": np.repeat(sketches["pos"].to_numpy(), width),
        }
    )


def bucket_pairs(entries: pd.DataFrame) -> pd.DataFrame:
    """Step 2 on one shuffled partition: candidate pairs ``a < b`` of every bucket, one row
    per exact key (its earliest row) in each bucket."""
    met = entries.loc[entries["bucket"].duplicated(keep=False)]  # most buckets hold one row
    first = met.sort_values(["bucket", "pos"]).drop_duplicates(["bucket", "hi", "lo"])
    shared = first.loc[first["bucket"].duplicated(keep=False), ["bucket", "pos"]]
    pairs = shared.merge(shared, on="bucket", suffixes=("_a", "_b"))
    pairs = pairs.loc[pairs["pos_a"] < pairs["pos_b"], ["pos_a", "pos_b"]]
    return pairs.set_axis(["a", "b"], axis=1).drop_duplicates().reset_index(drop=True)


def pair_ends(candidates: pd.DataFrame) -> pd.DataFrame:
    """Each candidate twice, once under each of its rows (``pos``), to fetch both texts."""
    return pd.concat(
        [candidates.assign(pos=candidates["a"]), candidates.assign(pos=candidates["b"])],
        ignore_index=True,
    )


def digest_filter(ends: pd.DataFrame, min_equal: int) -> pd.DataFrame:
    """Step 3a on one partition holding both ends of its candidates with their digests: the
    candidates whose digests agree on at least ``min_equal`` positions (the others would fail
    the signature estimate; see ``Sketch::digest`` in Rust)."""
    ends = ends.drop_duplicates(["a", "b", "pos"])
    left = ends.loc[ends["pos"] == ends["a"], ["a", "b", "digest"]]
    right = ends.loc[ends["pos"] == ends["b"], ["a", "b", "digest"]]
    both = left.merge(right, on=["a", "b"], suffixes=("_a", "_b"))
    if both.empty:
        return both[["a", "b"]]
    digest_a, digest_b = (
        np.frombuffer(b"".join(both[f"digest_{end}"]), dtype="uint8").reshape(len(both), -1)
        for end in "ab"
    )
    agree = (digest_a == digest_b).sum(axis=1)
    return both.loc[agree >= min_equal, ["a", "b"]].reset_index(drop=True)


def score_pairs(
    ends: pd.DataFrame, options: dict[str, Any], n_threads: int | None = None
) -> pd.DataFrame:
    """Step 3 on one partition holding both ends of its candidates (each perhaps several
    times): the pairs that the single-machine search keeps, with their similarity."""
    ends = ends.drop_duplicates(["a", "b", "pos"])
    docs = ends.drop_duplicates("pos").sort_values("pos")
    places = docs["pos"].to_numpy()
    left = ends.loc[ends["pos"] == ends["a"], ["a", "b", "label"]]
    right = ends.loc[ends["pos"] == ends["b"], ["a", "b", "label"]]
    both = left.merge(right, on=["a", "b"], suffixes=("_a", "_b"))
    similarity = _core.copy_candidates(
        docs["text"].tolist(),
        np.searchsorted(places, both["a"].to_numpy()).tolist(),
        np.searchsorted(places, both["b"].to_numpy()).tolist(),
        options=options,
        n_threads=_threads(n_threads),
    )
    both["similarity"] = pd.Series(similarity, index=both.index, dtype="float64")
    return both.loc[both["similarity"].notna(), _PAIR_COLUMNS].reset_index(drop=True)


def exact_members(keys: pd.DataFrame) -> pd.DataFrame:
    """Step 4 on one partition shuffled on the exact key: ``rep`` (the earliest row of the
    group), ``pos`` and ``label`` of every member of a group of two or more rows."""
    repeated = keys.loc[keys.duplicated(["hi", "lo"], keep=False)]
    rep = repeated.groupby(["hi", "lo"])["pos"].transform("min")
    return pd.DataFrame(
        {"rep": rep.to_numpy(), "pos": repeated["pos"].to_numpy(), "label": repeated["label"]}
    ).reset_index(drop=True)


def present_count(part: pd.Series) -> pd.Series:
    """The number of present (not missing) rows of one partition."""
    return pd.Series([int(part.notna().sum())], dtype="int64")


def _ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """Pairs with ``a < b`` (labels swapped along with places), sorted by place."""
    swap = frame["a"].to_numpy() > frame["b"].to_numpy()
    if swap.any():
        frame = frame.copy()
        for x, y in (("a", "b"), ("label_a", "label_b")):
            values = frame[x].to_numpy(copy=True)
            frame.loc[swap, x] = frame.loc[swap, y].to_numpy()
            frame.loc[swap, y] = values[swap]
    return frame.sort_values(["a", "b"], kind="stable").reset_index(drop=True)


def expand(verified: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """Step 4 on the client: the pairs inside exact groups (similarity 1), and for each
    verified pair of earliest rows every pair of their members."""
    inside = members.merge(members, on="rep", suffixes=("_a", "_b"))
    inside = inside.loc[inside["pos_a"] < inside["pos_b"]]
    exact = pd.DataFrame(
        {
            "a": inside["pos_a"].to_numpy(),
            "b": inside["pos_b"].to_numpy(),
            "label_a": inside["label_a"].to_numpy(),
            "label_b": inside["label_b"].to_numpy(),
            "similarity": 1.0,
        }
    )
    ends = [verified[[p, f"label_{p}"]].set_axis(["pos", "label"], axis=1) for p in "ab"]
    alone = pd.concat(ends, ignore_index=True).drop_duplicates("pos")
    alone = alone.loc[~alone["pos"].isin(members["rep"])]
    alone = alone.assign(rep=alone["pos"])
    table = pd.concat([members[["rep", "pos", "label"]], alone[["rep", "pos", "label"]]])
    crossed = verified[["a", "b", "similarity"]].merge(
        table.add_suffix("_a"), left_on="a", right_on="rep_a"
    )
    crossed = crossed.merge(table.add_suffix("_b"), left_on="b", right_on="rep_b")
    between = pd.DataFrame(
        {
            "a": crossed["pos_a"].to_numpy(),
            "b": crossed["pos_b"].to_numpy(),
            "label_a": crossed["label_a"].to_numpy(),
            "label_b": crossed["label_b"].to_numpy(),
            "similarity": crossed["similarity"].to_numpy(),
        }
    )
    return _ordered(pd.concat([exact, between], ignore_index=True))


#: Up to this many partitions the shuffles are Dask's task-based ones: on 17,555 Reuters texts
#: in 4 partitions the search took 3.3-3.8 s with them against 9.5-14 s with the p2p shuffle
#: (1 worker, a loaded 2-core machine). Past it, Dask chooses (p2p on a distributed cluster).
TASK_SHUFFLE_PARTITIONS = 32


def _lazy_search(series: Any, options: dict[str, Any], n_threads: int | None) -> tuple[Any, Any]:
    """The Dask graph of steps 1-4: verified pairs of earliest rows, and exact groups."""
    method = "tasks" if series.npartitions <= TASK_SHUFFLE_PARTITIONS else None
    sketches = series.map_partitions(
        sketch_partition,
        options,
        n_threads,
        meta=sketch_partition(series._meta, options, 1),
    )
    candidates = _candidates(sketches, options, method)
    ends = candidates.map_partitions(pair_ends, meta=pair_ends(candidates._meta))
    fetched = _fetch(sketches[["pos", "label", "text"]], ends, method)
    verified = fetched.shuffle("a", shuffle_method=method).map_partitions(
        score_pairs, options, n_threads, meta=_pairs_meta(series)
    )
    keys = sketches[["pos", "label", "hi", "lo"]]
    members = keys.shuffle(["hi", "lo"], shuffle_method=method).map_partitions(
        exact_members, meta=exact_members(keys._meta)
    )
    return verified, members


def _candidates(sketches: Any, options: dict[str, Any], method: str | None) -> Any:
    """Steps 2 and 3a: distinct candidate pairs whose digests pass."""
    entries = sketches.map_partitions(band_entries, meta=band_entries(sketches._meta))
    met = entries.shuffle("bucket", shuffle_method=method).map_partitions(
        bucket_pairs, meta=bucket_pairs(entries._meta)
    )
    # A pair met in several bands arrives more than once; digest_filter drops the repeats
    # after the shuffle that brings them together anyway.
    ends = met.map_partitions(pair_ends, meta=pair_ends(met._meta))
    digests = _fetch(sketches[["pos", "digest"]], ends, method)
    min_equal = _core.copy_sketches([], options=options)["min_equal"]  # checks options too
    return digests.shuffle("a", shuffle_method=method).map_partitions(
        digest_filter, min_equal, meta=met._meta
    )


def _fetch(rows: Any, ends: Any, method: str | None) -> Any:
    """``rows`` (per text) joined to the candidate ends that name them. On a small search
    (task shuffles) the ends, a few integers each, are broadcast to every partition of
    ``rows``, so that only the rows candidates need leave their partition afterwards; past
    it, Dask's hash join (both sides shuffled) keeps every piece bounded."""
    if method == "tasks":
        return rows.merge(ends.repartition(npartitions=1), on="pos", broadcast=True)
    return rows.merge(ends, on="pos", shuffle_method=method)


def _pairs_meta(series: Any) -> pd.DataFrame:
    labels = series._meta.index
    return pd.DataFrame(
        {
            "a": pd.Series(dtype="int64"),
            "b": pd.Series(dtype="int64"),
            "label_a": labels[:0].to_series(index=pd.RangeIndex(0)),
            "label_b": labels[:0].to_series(index=pd.RangeIndex(0)),
            "similarity": pd.Series(dtype="float64"),
        }
    )


def search(
    series: Any, options: dict[str, Any], n_threads: int | None = None
) -> tuple[pd.DataFrame, np.ndarray]:
    """Runs the search on the cluster: every copy pair by place (``a``, ``b``) and label, in
    Series order, and the number of present rows of each partition."""
    import dask

    try:
        verified, members, counts = dask.compute(
            *_lazy_search(series, options, n_threads),
            series.map_partitions(present_count, meta=pd.Series(dtype="int64")),
        )
    except (_core.RowError, TypeError) as error:
        raise globalised(series, error) from error
    return expand(verified, members), counts.to_numpy()


def near_duplicates(
    series: Any, options: dict[str, Any], n_threads: int | None = None, errors: str = "raise"
) -> Any:
    """:func:`copydesk.near_duplicates` on a Dask Series: a pandas DataFrame ``a``, ``b``
    (index labels, ``a`` the earlier row) and ``similarity``, equal to the pandas answer."""
    pairs, _ = search(prepared(series, errors), options, n_threads)
    index = series._meta.index
    return pd.DataFrame(
        {
            "a": _labels(index, pairs["label_a"]),
            "b": _labels(index, pairs["label_b"]),
            "similarity": pairs["similarity"].astype("float64").to_numpy(),
        }
    )


def _labels(index: Any, values: pd.Series) -> Any:
    return pd.Index(values.to_numpy(), dtype=index.dtype)
