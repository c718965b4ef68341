"""The Spark and Ray Data recipes of docs/scale-out.md, run as written: each gives the pandas
answers. Skipped when the engine is not installed (CI does not install them); `-m "not spark"`
or `-m "not ray"` skips one alone."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pandas as pd
import pytest

import copydesk as cd

DOC = Path(__file__).resolve().parents[1] / "docs" / "scale-out.md"


def recipe(name: str) -> str:
    """The code block that follows ``<!-- recipe: NAME -->`` in the doc."""
    found = re.search(rf"<!-- recipe: {name} -->\s*```python\n(.*?)```", DOC.read_text(), re.S)
    assert found, f"no {name} recipe in {DOC}"
    return found.group(1)


def run_recipe(name: str) -> dict:
    scope: dict = {}
    exec(recipe("data"), scope)
    exec(recipe(name), scope)
    return scope


def check(scope: dict) -> None:
    articles = scope["ARTICLES"]
    texts = articles.set_index("id")["text"]
    cleaned = scope["cleaned"].set_index("id")["clean_text"].sort_index()
    expected = cd.clean(texts).sort_index()
    assert cleaned.fillna("").tolist() == expected.fillna("").tolist()
    quotes = scope["quotes"].sort_values(["id", "text"]).reset_index(drop=True)
    want = cd.quotes(texts).rename(columns={"row": "id"})[["id", "text", "speaker_name", "kind"]]
    want = want.sort_values(["id", "text"]).reset_index(drop=True)
    assert len(want) >= 1
    pd.testing.assert_frame_equal(quotes, want, check_dtype=False)


@pytest.mark.spark
@pytest.mark.skipif(importlib.util.find_spec("pyspark") is None, reason="pyspark is absent")
def test_spark_recipe_gives_the_pandas_answers():
    check(run_recipe("spark"))


@pytest.mark.ray
@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="ray is absent")
def test_ray_recipe_gives_the_pandas_answers():
    check(run_recipe("ray"))
