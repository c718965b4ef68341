"""Similarity metrics through the public API: exact values against plain-Python references
(DESIGN.md semantics, on code points), every column kind, missing values, errors, matrices,
top-k and processors."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import copydesk as cd

# ---- plain references -------------------------------------------------------------------


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def lcs(a, b):
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if ca == cb else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def osa(a, b):
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(
                d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def jaro(a, b):
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    r = max(max(len(a), len(b)) // 2 - 1, 0)
    af, bf, m = [False] * len(a), [False] * len(b), 0
    for i, ca in enumerate(a):
        for j in range(max(0, i - r), min(len(b), i + r + 1)):
            if not bf[j] and b[j] == ca:
                af[i] = bf[j] = True
                m += 1
                break
    if m == 0:
        return 0.0
    am = [x for x, f in zip(a, af, strict=True) if f]
    bm = [x for x, f in zip(b, bf, strict=True) if f]
    t = sum(x != y for x, y in zip(am, bm, strict=True)) // 2
    return (m / len(a) + m / len(b) + (m - t) / m) / 3


def jaro_winkler(a, b):
    s = jaro(a, b)
    if s > 0.7:
        p = 0
        for x, y in zip(a[:4], b, strict=False):
            if x != y:
                break
            p += 1
        s += 0.1 * p * (1 - s)
    return s


def norm(d, denom):
    return 1.0 if denom == 0 else 1 - d / denom


REFERENCE = {
    "levenshtein": lambda a, b: norm(lev(a, b), max(len(a), len(b))),
    "indel": lambda a, b: norm(len(a) + len(b) - 2 * lcs(a, b), len(a) + len(b)),
    "osa": lambda a, b: norm(osa(a, b), max(len(a), len(b))),
    "jaro": jaro,
    "jaro_winkler": jaro_winkler,
}

TEXT = st.text(alphabet=st.sampled_from("abcde é\u2019\u201c中😀"), max_size=150)


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT)
def test_metrics_match_references_on_unicode(a, b):
    for metric, ref in REFERENCE.items():
        assert cd.similarity(a, b, metric=metric) == pytest.approx(ref(a, b), abs=1e-12), metric
    assert cd.distance(a, b) == lev(a, b)
    assert cd.distance(a, b, metric="osa") == osa(a, b)


@settings(max_examples=40, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=9), st.lists(TEXT, min_size=1, max_size=9))
def test_matrix_equals_pairwise(a, b):
    for metric in ("levenshtein", "jaro_winkler", "indel"):
        m = cd.similarity_matrix(a, b, metric=metric)
        want = np.array([[REFERENCE[metric](x, y) for y in b] for x in a], dtype=np.float32)
        np.testing.assert_array_equal(m, want)


def test_known_values():
    assert cd.similarity("kitten", "sitting") == pytest.approx(1 - 3 / 7)
    assert cd.distance("ca", "abc", metric="damerau_levenshtein") == 2
    assert cd.distance("ca", "abc", metric="osa") == 3
    assert cd.similarity("night", "nacht", metric="sorensen_dice") == 0.25
    assert cd.similarity("karolin", "kathrin", metric="hamming") == pytest.approx(1 - 3 / 7)
    assert cd.similarity("", "", metric="jaro") == 1.0
    assert cd.similarity("the cat sat", "the cat sat on the mat", metric="containment") == 1.0
    assert cd.similarity("a b", "b c", metric="jaccard") == pytest.approx(1 / 3)
    assert cd.similarity("a b c d", "b c d e", metric="jaccard", ngram=2) == pytest.approx(2 / 4)


# ---- columns, missing values, errors ------------------------------------------------------

A = ["kitten", None, "flaw", "café"]
B = ["sitting", "x", "lawn", "cafe"]
WANT = [1 - 3 / 7, None, 0.5, 0.75]


def close(got, want):
    return all(
        (w is None and (g is None or (isinstance(g, float) and math.isnan(g))))
        or (w is not None and abs(g - w) < 1e-12)
        for g, w in zip(got, want, strict=True)
    )


def test_elementwise_over_every_kind():
    assert close(cd.similarity(A, B), WANT)
    s = cd.similarity(pd.Series(A, index=list("wxyz"), name="h"), pd.Series(B))
    assert isinstance(s, pd.Series) and list(s.index) == list("wxyz") and s.name == "h"
    assert close(s.tolist(), WANT)
    assert close(cd.similarity(pa.array(A), pa.array(B)).to_pylist(), WANT)
    assert close(cd.similarity(pl.Series(A), pl.Series(B)).to_list(), WANT)
    assert close(cd.similarity(np.array(A, dtype=object), B).tolist(), WANT)


def test_scalar_against_column_and_distance_ints():
    assert cd.similarity("kitten", ["kitten", "sitting"]) == [1.0, pytest.approx(1 - 3 / 7)]
    assert cd.distance(["kitten", None], ["sitting", "a"]) == [3, None]
    assert cd.similarity(None, "a") is None


def test_errors_are_clear():
    with pytest.raises(cd.MismatchError, match="equal length"):
        cd.similarity("ab", "abc", metric="hamming")
    with pytest.raises(cd.RowError, match="row 1"):
        cd.similarity(["ab", "ab"], ["ab", "abc"], metric="hamming")
    assert cd.similarity(["ab", "ab"], ["ab", "abc"], metric="hamming", errors="null") == [
        1.0,
        None,
    ]
    with pytest.raises(cd.InvalidOptionError, match="valid metrics: levenshtein"):
        cd.similarity("a", "b", metric="levenstein")
    with pytest.raises(cd.InvalidOptionError, match="edit metrics"):
        cd.distance("a", "b", metric="jaro")
    with pytest.raises(cd.MismatchError, match="differ in length"):
        cd.similarity(["a"], ["a", "b"])
    with pytest.raises(TypeError, match="row 1"):
        cd.similarity(["a", 3], ["a", "b"])
    with pytest.raises(cd.InvalidOptionError, match="ngram"):
        cd.similarity("a", "b", metric="levenshtein", ngram=2)


# ---- matrices and top-k -------------------------------------------------------------------

HEADS = ["Apple pie wins", "Apple pies win", "Banana split", "apple pie wins", "Banana splits"]


def test_matrix_shape_dtype_and_symmetry():
    m = cd.similarity_matrix(HEADS)
    assert m.dtype == np.float32 and m.shape == (5, 5)
    np.testing.assert_array_equal(m, m.T)
    np.testing.assert_array_equal(m, cd.similarity_matrix(HEADS, HEADS))
    assert np.all(np.diag(m) == 1.0)
    assert cd.similarity_matrix(HEADS, ["x"], n_threads=1).shape == (5, 1)


def test_matrix_cutoff_missing_and_word_metrics():
    m = cd.similarity_matrix(HEADS, cutoff=0.8)
    full = cd.similarity_matrix(HEADS)
    np.testing.assert_array_equal(m, np.where(full >= np.float32(0.8), full, 0))
    m = cd.similarity_matrix(["a", None], pd.Series(["a", "b", None]))
    assert m.shape == (2, 3) and m[0, 0] == 1.0 and np.isnan(m[1]).all() and np.isnan(m[:, 2]).all()
    c = cd.similarity_matrix(["the cat", "the cat sat on the mat"], metric="containment")
    assert c[0, 1] == 1.0 and c[1, 0] == pytest.approx(0.4)


def test_nearest_labels_and_agrees_with_matrix():
    s = pd.Series(HEADS, index=[f"h{i}" for i in range(5)])
    top = cd.nearest(s, k=2)
    assert list(top.columns) == ["query", "choice", "score"]
    assert (top["query"] != top["choice"]).all()
    assert top.iloc[0].tolist() == ["h0", "h3", pytest.approx(1 - 1 / 14)]
    m = cd.similarity_matrix(HEADS, metric="jaro_winkler").astype(np.float64)
    np.fill_diagonal(m, -1)
    top = cd.nearest(HEADS, k=1, metric="jaro_winkler")
    assert top["choice"].tolist() == m.argmax(axis=1).tolist()
    none = cd.nearest(HEADS, ["zzzz"], k=3, cutoff=0.5)
    assert len(none) == 0 and list(none.columns) == ["query", "choice", "score"]
    with pytest.raises(cd.InvalidOptionError, match="k"):
        cd.nearest(HEADS, k=0)


# ---- processors ---------------------------------------------------------------------------


def test_news_processor_folds_typography():
    a = "Caf\u00e9 \u201cCr\u00e8me\u201d \u2014 O\u2019Brien  says"
    b = 'cafe "creme" - o\'brien says'
    assert cd.similarity(a, b) < 1.0
    assert cd.similarity(a, b, processor="news") == 1.0
    assert cd.similarity_matrix([a], [b], processor="news")[0, 0] == 1.0
    with pytest.raises(cd.InvalidOptionError, match="news"):
        cd.similarity(a, b, processor="newz")


def test_callable_processor_runs_once_per_string():
    calls = []

    def lower(s):
        calls.append(s)
        return s.lower()

    m = cd.similarity_matrix(["AB", "Cd"], ["ab", "CD", "x"], processor=lower)
    assert m[0, 0] == 1.0 and m[1, 1] == 1.0
    assert len(calls) == 5
    assert cd.similarity(["AB", None], ["ab", "a"], processor=lower) == [1.0, None]
    with pytest.raises(TypeError, match="processor"):
        cd.similarity("a", "b", processor=lambda s: 3)
