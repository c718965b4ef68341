"""The main job: ``copydesk [INPUT ...] [--text-column COL] [--id-column COL] [--out DIR]``.

Reads a corpus (CSV, JSONL, Parquet, or .txt files and folders of them; with no INPUT, the
sample corpus bundled with the package), cleans it, finds copies of the same story, extracts
quotes and prints a summary. With ``--out DIR`` it writes the tables there: ``articles.csv``
(cleaned text, characters removed, story group), ``duplicates.csv`` (pairs of copies),
``quotes.csv`` and ``summary.json``. Articles are named by ``--id-column`` when given.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from importlib import resources
from typing import Any

import copydesk as cd
from copydesk._pipeline_dask import engine_for

TEXT_SUFFIXES = (".txt",)
TABLE_SUFFIXES = (".csv", ".jsonl", ".json", ".parquet")


def sample_path() -> str:
    """The bundled sample corpus (JSONL with id, source, date, text)."""
    return str(resources.files("copydesk").joinpath("sample", "articles.jsonl"))


def read_corpus(inputs: list[str], text_column: str, id_column: str | None) -> Any:
    """All inputs as one DataFrame with the text column (and the id column when given)."""
    import pandas as pd

    frames = []
    for path in inputs:
        if not os.path.exists(path):
            raise SystemExit(f"copydesk: no such file or folder: {path}")
        frames.extend(_read_path(path, text_column))
    if not frames:
        raise SystemExit("copydesk: the corpus is empty (no readable files in the inputs)")
    corpus = pd.concat(frames, ignore_index=True)
    for column in [text_column] + ([id_column] if id_column else []):
        if column not in corpus.columns:
            known = ", ".join(map(str, corpus.columns))
            raise SystemExit(f"copydesk: no column {column!r} in the input (columns: {known})")
    if len(corpus) == 0:
        raise SystemExit("copydesk: the corpus is empty (0 rows)")
    if id_column:
        corpus = corpus.set_index(id_column, drop=False)
    return corpus


def _read_path(path: str, text_column: str) -> list[Any]:
    import pandas as pd

    if os.path.isdir(path):
        frames: list[Any] = []
        for name in sorted(os.listdir(path)):
            if name.endswith(TEXT_SUFFIXES + TABLE_SUFFIXES):
                frames.extend(_read_path(os.path.join(path, name), text_column))
        return frames
    if path.endswith(".txt"):
        with open(path, encoding="utf-8", errors="replace") as f:
            return [pd.DataFrame({"id": [os.path.basename(path)], text_column: [f.read()]})]
    if path.endswith(".csv"):
        return [pd.read_csv(path)]
    if path.endswith((".jsonl", ".json")):
        return [pd.read_json(path, lines=path.endswith(".jsonl"))]
    if path.endswith(".parquet"):
        return [pd.read_parquet(path)]
    raise SystemExit(f"copydesk: cannot read {path}: expected .csv, .jsonl, .parquet or .txt")


def run(
    corpus: Any,
    text_column: str,
    out: str | None,
    progress: bool,
    date_column: str | None = None,
    source_column: str | None = None,
    engine: Any = cd,
) -> dict[str, Any]:
    """Runs the pipeline with ``engine``'s functions (copydesk, or a Dask engine); returns the
    summary figures."""
    texts = corpus[text_column]
    cleaned = engine.clean(texts, progress=progress)
    pairs = engine.near_duplicates(cleaned, progress=progress)
    groups = engine.duplicate_groups(
        cleaned,
        dates=corpus[date_column] if date_column else None,
        sources=corpus[source_column] if source_column else None,
    )
    # One group id per row; with dates or sources, a frame that also names each original.
    group_ids = groups["group"] if hasattr(groups, "columns") else groups
    quotes = engine.quotes(cleaned, progress=progress)
    before = texts.fillna("").astype(str).str.len()
    after = cleaned.fillna("").astype(str).str.len()
    articles = corpus.assign(
        clean_text=cleaned, characters_removed=before - after, story_group=group_ids
    )
    summary = {
        "articles": len(corpus),
        "characters_removed": int((before - after).sum()),
        "copy_pairs": len(pairs),
        "stories_with_copies": int((group_ids.value_counts() > 1).sum()),
        "quotes": len(quotes),
        "speakers": int(quotes["speaker_name"].nunique()) if len(quotes) else 0,
    }
    if out:
        os.makedirs(out, exist_ok=True)
        articles.to_csv(os.path.join(out, "articles.csv"), index=False)
        pairs.to_csv(os.path.join(out, "duplicates.csv"), index=False)
        quotes.to_csv(os.path.join(out, "quotes.csv"), index=False)
        with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2)
    return summary


def print_summary(summary: dict[str, Any], source: str, out: str | None) -> None:
    print(f"copydesk {cd.__version__}: {source}")
    width = max(len(k) for k in summary)
    for key, value in summary.items():
        print(f"  {key.replace('_', ' '):<{width}}  {value:>10,}")
    if out:
        print(f"  results written to {out}/")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="copydesk", description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", help="CSV, JSONL, Parquet or .txt files, or folders")
    parser.add_argument("--text-column", default="text", help="column with the article text")
    parser.add_argument("--id-column", default=None, help="column naming each article")
    parser.add_argument("--date-column", default=None, help="column with publication dates")
    parser.add_argument("--source-column", default=None, help="column naming the outlet")
    parser.add_argument("--out", default=None, help="folder for the results")
    parser.add_argument("--progress", action="store_true", help="show a progress bar")
    parser.add_argument(
        "--dask", metavar="ADDRESS", help="run on the Dask scheduler at ADDRESS ('local': here)"
    )
    args = parser.parse_args(argv)
    inputs = args.inputs or [sample_path()]
    sample = not args.inputs
    id_column = args.id_column or ("id" if sample else None)
    date_column = args.date_column or ("date" if sample else None)
    source_column = args.source_column or ("source" if sample else None)
    corpus = read_corpus(inputs, args.text_column, id_column)
    for column in (date_column, source_column):
        if column and column not in corpus.columns:
            raise SystemExit(f"copydesk: no column {column!r} in the input")
    source = "the bundled sample corpus" if sample else ", ".join(args.inputs)
    with engine_for(args.dask) as engine:
        summary = run(
            corpus, args.text_column, args.out, args.progress, date_column, source_column, engine
        )
    print_summary(summary, source, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
