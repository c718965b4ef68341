"""The sample corpus bundled with copydesk: 31 short fictional news articles written by the
team, carrying the problems real scraped news has (see README.md beside this file).

>>> import copydesk.sample
>>> df = copydesk.sample.load()   # a DataFrame indexed by article id
"""

from __future__ import annotations

from importlib import resources
from typing import Any


def path() -> str:
    """The corpus file: JSONL with ``id``, ``source``, ``date``, ``title`` and ``text``."""
    return str(resources.files(__name__).joinpath("articles.jsonl"))


def load() -> Any:
    """The corpus as a ``pandas.DataFrame`` indexed by ``id`` (the column kept too); ``text``
    is the scraped body, missing for one article, as scraped corpora have."""
    import pandas as pd

    frame = pd.read_json(path(), lines=True, dtype=False)
    return frame.set_index("id", drop=False).rename_axis(None)
