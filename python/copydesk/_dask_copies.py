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
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from . import _core
from ._columns import Column
from .dask import worker_threads

#: A row's place in the Series: its partition number in the high bits, its rank among the
#: partition's present rows in the low ones, so that sorting places sorts rows.
_RANK_BITS = 32
_RANK_MASK = (1 << _RANK_BITS) - 1

_PAIR_COLUMNS = ["a", "b", "label_a", "label_b", "similarity"]


def _threads(n_threads: int | None) -> int | None:
    return worker_threads() if n_threads is None else n_threads


def _partition_number(partition_info: dict[str, Any] | None) -> int:
    return 0 if partition_info is None else int(partition_info["number"])


def sketch_partition(
    part: pd.Series,
    options: dict[str, Any],
    n_threads: int | None = None,
    partition_info: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """Step 1 on one partition: ``pos``, ``label``, ``text``, the exact key (``hi``, ``lo``),
    the signature digest (bytes) and band keys ``b0``, ``b1``, ... of every row with words."""
    found = _core.copy_sketches(
        Column.of(part, "texts").payload, options=options, n_threads=_threads(n_threads)
    )
    rows = found["row"]
    ranks = np.cumsum(part.notna().to_numpy()) - 1
    place = (_partition_number(partition_info) << _RANK_BITS) + ranks[rows].astype("int64")
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
    fetched = sketches[["pos", "label", "text"]].merge(ends, on="pos", shuffle_method=method)
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
    digests = sketches[["pos", "digest"]].merge(ends, on="pos", shuffle_method=method)
    min_equal = _core.copy_sketches([], options=options)["min_equal"]  # checks options too
    return digests.shuffle("a", shuffle_method=method).map_partitions(
        digest_filter, min_equal, meta=met._meta
    )


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

    verified, members, counts = dask.compute(
        *_lazy_search(series, options, n_threads),
        series.map_partitions(present_count, meta=pd.Series(dtype="int64")),
    )
    return expand(verified, members), counts.to_numpy()


def near_duplicates(series: Any, options: dict[str, Any], n_threads: int | None = None) -> Any:
    """:func:`copydesk.near_duplicates` on a Dask Series: a pandas DataFrame ``a``, ``b``
    (index labels, ``a`` the earlier row) and ``similarity``, equal to the pandas answer."""
    pairs, _ = search(series, options, n_threads)
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


def duplicate_groups(
    series: Any,
    options: dict[str, Any],
    n_threads: int | None = None,
    dates: Any = None,
    sources: Any = None,
) -> Any:
    """:func:`copydesk.duplicate_groups` on a Dask Series: the pandas answer, lazily per
    partition (the search itself runs at once). Without ``dates`` and ``sources``, a Dask
    Series of ``Int64`` group ids (missing for missing texts); with either (Dask Series
    partitioned like ``series``), a Dask DataFrame with the columns of the pandas one."""
    pairs, counts = search(series, options, n_threads)
    bases, later = number_groups(pairs, counts)
    if dates is None and sources is None:
        meta = pd.Series(pd.array([], dtype="Int64"), index=series._meta.index, name=series.name)
        return series.map_partitions(group_partition, bases, later, meta=meta)
    import dask.dataframe as dd

    for name, column in (("dates", dates), ("sources", sources)):
        if column is not None and column.npartitions != series.npartitions:
            raise _core.MismatchError(
                f"{name}: {column.npartitions} partitions for {series.npartitions} of texts"
            )
    keys = None if dates is None else dates.map_partitions(date_keys, meta=(None, "Int64"))
    originals = find_originals(series, pairs, keys, sources)
    parts = [series, keys, sources]
    meta = groups_frame(series._meta, None, None, [0], {}, {}, sources is not None)
    return dd.map_partitions(
        _groups_frame_partition,
        *parts,
        bases,
        later,
        originals,
        sources is not None,
        meta=meta,
        align_dataframes=False,
    )


def date_keys(part: pd.Series) -> pd.Series:
    """Dates as the single machine orders them (nanoseconds since the epoch, UTC)."""
    from ._copies import _date_keys

    return pd.Series(pd.array(_date_keys(part, len(part)), dtype="Int64"), index=part.index)


def find_originals(series: Any, pairs: pd.DataFrame, keys: Any, sources: Any) -> dict[int, Any]:
    """Each partition's rows that are in a group with copies, as ``(ranks, original labels,
    is_original, original sources)``: the groups' originals by date, as on one machine."""
    import dask
    import dask.dataframe as dd

    places = np.unique(np.concatenate([pairs["a"].to_numpy(), pairs["b"].to_numpy()]))
    rows = dd.map_partitions(
        involved_rows,
        series,
        keys,
        sources,
        places,
        meta=involved_rows(series._meta, None, None, places[:0]),
        align_dataframes=False,
    )
    (rows,) = dask.compute(rows)
    rows = rows.set_index("pos").loc[places]
    a, b = (np.searchsorted(places, pairs[end].to_numpy()).tolist() for end in ("a", "b"))
    dates = [None if pd.isna(d) else int(d) for d in rows["date"]]
    first = np.asarray(_core.group_pairs(len(places), a, b, dates=dates)["original"])
    part = places >> _RANK_BITS
    found: dict[int, Any] = {}
    for p in np.unique(part):
        mine = part == p
        found[int(p)] = (
            places[mine] & _RANK_MASK,
            rows["label"].to_numpy()[first[mine]],
            first[mine] == np.flatnonzero(mine),
            rows["source"].to_numpy()[first[mine]],
        )
    return found


def involved_rows(
    part: pd.Series,
    keys: pd.Series | None,
    sources: pd.Series | None,
    places: np.ndarray,
    partition_info: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """The place, label, date key and source of the rows of one partition at ``places``."""
    present = part.notna().to_numpy()
    place = (_partition_number(partition_info) << _RANK_BITS) + np.arange(int(present.sum()))
    keep = np.flatnonzero(present)[np.isin(place, places)]
    none = pd.Series([None] * len(part), index=part.index, dtype=object)
    return pd.DataFrame(
        {
            "pos": place[np.isin(place, places)],
            "label": part.index[keep],
            "date": (none if keys is None else keys).astype(object).to_numpy()[keep],
            "source": (none if sources is None else sources).astype(object).to_numpy()[keep],
        }
    )


def _groups_frame_partition(
    part: pd.Series,
    keys: pd.Series | None,
    sources: pd.Series | None,
    bases: list[int],
    later: dict[int, Any],
    originals: dict[int, Any],
    with_sources: bool,
    partition_info: dict[str, Any] | None = None,
) -> pd.DataFrame:
    number = _partition_number(partition_info)
    return groups_frame(part, sources, number, bases, later, originals, with_sources)


def groups_frame(
    part: pd.Series,
    sources: pd.Series | None,
    number: int | None,
    bases: list[int],
    later: dict[int, Any],
    originals: dict[int, Any],
    with_sources: bool,
) -> pd.DataFrame:
    """``group``, ``original``, ``is_original`` (and ``source``, ``original_source``) of one
    partition: a row outside any group with copies is its own original."""
    number = number or 0
    group = group_partition(part, bases, later, {"number": number})
    present = part.notna().to_numpy()
    own_source = np.full(len(part), None, dtype=object)
    if sources is not None:
        own_source = sources.astype(object).to_numpy()
    original = np.where(present, part.index.to_numpy(dtype=object), None)
    is_original = pd.array(np.where(present, True, None), dtype="boolean")
    original_source = np.where(present, own_source, None)
    if number in originals:
        ranks, labels, flags, their_sources = originals[number]
        at = np.flatnonzero(present)[ranks]
        original[at] = labels
        is_original[at] = flags
        original_source[at] = their_sources
    frame = pd.DataFrame(
        {"group": group.array, "original": original, "is_original": is_original},
        index=part.index,
    )
    if with_sources:
        frame["source"] = own_source
        frame["original_source"] = original_source
    return frame


def number_groups(pairs: pd.DataFrame, counts: np.ndarray) -> tuple[list[int], dict[int, Any]]:
    """Group ids as the single machine numbers them (in order of each group's first row):
    the first id of each partition, and per partition the ranks and ids of the rows that are
    not first in their group (their group's id)."""
    ends = [pairs[end].to_numpy(dtype="int64") for end in ("a", "b")]
    places = np.unique(np.concatenate(ends))
    a, b = (np.searchsorted(places, end).tolist() for end in ends)
    roots = places[np.asarray(_core.group_pairs(len(places), a, b)["original"], dtype="int64")]
    is_later = roots != places
    later = places[is_later]
    later_part = later >> _RANK_BITS
    later_counts = np.bincount(later_part, minlength=len(counts))[: len(counts)]
    bases = np.concatenate([[0], np.cumsum(counts - later_counts)[:-1]]).astype("int64")
    # A first row's id: its partition's first id plus the first rows before it there.
    first = roots[is_later]
    part = first >> _RANK_BITS
    before = np.searchsorted(later, first) - np.searchsorted(later, part << _RANK_BITS)
    ids = bases[part] + (first & _RANK_MASK) - before
    by_part = {
        int(p): (later[later_part == p] & _RANK_MASK, ids[later_part == p])
        for p in np.unique(later_part)
    }
    return bases.tolist(), by_part


def group_partition(
    part: pd.Series,
    bases: list[int],
    later: dict[int, Any],
    partition_info: dict[str, Any] | None = None,
) -> pd.Series:
    """Group ids of one partition: rows first in their group count up from the partition's
    first id; the others take their group's id."""
    number = _partition_number(partition_info)
    present = part.notna().to_numpy()
    ids = np.zeros(int(present.sum()), dtype="int64")
    ranks, their_ids = later.get(number, (np.zeros(0, "int64"), np.zeros(0, "int64")))
    first = np.ones(len(ids), dtype=bool)
    first[ranks] = False
    ids[first] = bases[number] + np.arange(int(first.sum()))
    ids[ranks] = their_ids
    out = pd.array(np.zeros(len(part), dtype="int64"), dtype="Int64")
    out[~present] = pd.NA
    out[present] = ids
    return pd.Series(out, index=part.index, name=part.name)
