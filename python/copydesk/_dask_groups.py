"""Story groups on Dask: :func:`duplicate_groups` over a Dask Series, numbered as on one
machine.

The copy pairs come from :func:`copydesk._dask_copies.search`. Group ids are consecutive in
order of each group's first row, so a row's id is the number of rows before it that are first
in their group: each partition starts from the count of such rows in the partitions before it
(its present rows less the rows that are not first), and rows that are not first take their
group's id. Only rows in groups with copies need anything from the client; every other present
row is a group, and an original, of its own. With ``dates``, each group's original is its
earliest member (``_core.group_pairs``, the single-machine rule), found from the dates of the
rows in groups with copies only.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from . import _core
from ._dask_copies import (
    RANK_BITS,
    RANK_MASK,
    globalised,
    partition_number,
    prepared,
    search,
    tagged,
)


def duplicate_groups(
    series: Any,
    options: dict[str, Any],
    n_threads: int | None = None,
    dates: Any = None,
    sources: Any = None,
    errors: str = "raise",
) -> Any:
    """:func:`copydesk.duplicate_groups` on a Dask Series: the pandas answer, lazily per
    partition (the search itself runs at once). Without ``dates`` and ``sources``, a Dask
    Series of ``Int64`` group ids (missing for missing texts); with either (Dask Series
    partitioned like ``series``), a Dask DataFrame with the columns of the pandas one."""
    for name, column in (("dates", dates), ("sources", sources)):
        _check_partitioned_like(series, column, name)
    series = prepared(series, errors)
    pairs, counts = search(series, options, n_threads)
    bases, later = number_groups(pairs, counts)
    if dates is None and sources is None:
        meta = pd.Series(pd.array([], dtype="Int64"), index=series._meta.index, name=series.name)
        return series.map_partitions(group_partition, bases, later, meta=meta)
    import dask.dataframe as dd

    keys = None
    if dates is not None:
        keys = dates.map_partitions(date_keys, errors, meta=(None, "Int64"))
    try:
        originals = find_originals(series, pairs, keys, sources)
    except (_core.RowError, TypeError) as error:
        raise globalised(series, error) from error
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


def _check_partitioned_like(series: Any, column: Any, name: str) -> None:
    """``dates`` and ``sources`` go partition by partition with the texts."""
    if column is None:
        return
    if not hasattr(column, "npartitions"):
        kind = type(column).__name__
        raise TypeError(f"{name}: expected a Dask Series partitioned like the texts, got {kind}")
    if column.npartitions != series.npartitions:
        raise _core.MismatchError(
            f"{name}: {column.npartitions} partitions for {series.npartitions} of texts"
        )


def date_keys(
    part: pd.Series, errors: str = "raise", partition_info: dict[str, Any] | None = None
) -> pd.Series:
    """Dates as the single machine orders them (nanoseconds since the epoch, UTC); a date
    that cannot be read follows ``errors``."""
    from ._copies import _date_keys

    with tagged(partition_number(partition_info)):
        keys = _date_keys(part, len(part), errors)
    return pd.Series(pd.array(keys, dtype="Int64"), index=part.index)


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
    part = places >> RANK_BITS
    found: dict[int, Any] = {}
    for p in np.unique(part):
        mine = part == p
        found[int(p)] = (
            places[mine] & RANK_MASK,
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
    place = (partition_number(partition_info) << RANK_BITS) + np.arange(int(present.sum()))
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
    number = partition_number(partition_info)
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
    later_part = later >> RANK_BITS
    later_counts = np.bincount(later_part, minlength=len(counts))[: len(counts)]
    bases = np.concatenate([[0], np.cumsum(counts - later_counts)[:-1]]).astype("int64")
    # A first row's id: its partition's first id plus the first rows before it there.
    first = roots[is_later]
    part = first >> RANK_BITS
    before = np.searchsorted(later, first) - np.searchsorted(later, part << RANK_BITS)
    ids = bases[part] + (first & RANK_MASK) - before
    by_part = {
        int(p): (later[later_part == p] & RANK_MASK, ids[later_part == p])
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
    number = partition_number(partition_info)
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
