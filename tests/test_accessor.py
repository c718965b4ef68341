"""The pandas ``.copydesk`` accessor on the bundled sample: each method gives what the function of
the same name gives, index labels kept; ``progress=True`` passes through; the notebook displays
(``_repr_html_``) of a quote list, a CleanResult and an Alignment."""

from __future__ import annotations

import pandas as pd
import pytest

import copydesk as cd
from copydesk.__main__ import sample_path


@pytest.fixture(scope="module")
def texts() -> pd.Series:
    frame = pd.read_json(sample_path(), lines=True, dtype=False).set_index("id")
    return frame["text"]


def test_clean_and_clean_report(texts):
    pd.testing.assert_series_equal(texts.copydesk.clean(), cd.clean(texts))
    report = texts.copydesk.clean_report()
    pd.testing.assert_frame_equal(report, cd.clean_report(texts))
    assert set(report["row"]) <= set(texts.index) and "dam-ledger" in set(report["row"])


def test_copies(texts):
    cleaned = texts.copydesk.clean()
    pairs = cleaned.copydesk.near_duplicates()
    pd.testing.assert_frame_equal(pairs, cd.near_duplicates(cleaned))
    assert ("dam-ledger", "dam-post") in set(zip(pairs["a"], pairs["b"], strict=True))
    groups = cleaned.copydesk.duplicate_groups()
    assert groups["dam-courier"] == groups["dam-post"] != groups["rail-1"]
    assert pd.isna(groups["photo-1"])


def test_quotes_and_similarity(texts):
    cleaned = texts.copydesk.clean()
    quotes = cleaned.copydesk.quotes()
    pd.testing.assert_frame_equal(quotes, cd.quotes(cleaned))
    assert set(quotes["row"]) <= set(texts.index)
    same = cleaned.copydesk.similarity(cleaned, metric="jaccard")
    assert list(same.index) == list(texts.index)
    assert (same.dropna() == 1.0).all() and pd.isna(same["photo-1"])


def test_progress_passes_through(texts, capsys):
    pytest.importorskip("tqdm")
    cleaned = texts.copydesk.clean(progress=True)
    texts.copydesk.quotes(progress=True)
    cleaned.copydesk.near_duplicates(progress=True)
    err = capsys.readouterr().err
    assert err.count(f"/{len(texts)}") >= 2


def test_notebook_displays(texts):
    cleaned = cd.clean(texts["dam-post"])
    quotes = cd.quotes(cleaned)
    assert "Priya Annand" in quotes._repr_html_() and "<span" in quotes._repr_html_()
    report = cd.clean_report(texts["dam-ledger"])
    assert "_paq" in report._repr_html_() and "<span" in report._repr_html_()
    alignment = cd.align(cd.clean(texts["dam-ledger"]), cleaned)
    page = alignment._repr_html_()
    assert "<table" in page and "Dam scare empties two towns" in page
