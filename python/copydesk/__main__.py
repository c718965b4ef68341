"""The main job: ``copydesk [INPUT ...] [--text-column COL] [--id-column COL] [--out DIR]``.

Reads a corpus (CSV, JSONL, Parquet, or .txt files and folders of them; with no INPUT, the
sample corpus bundled with the package), runs copydesk over it and prints a summary. With
``--out DIR`` it writes the results there. The pipeline grows with the engines: today it cleans.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from importlib import resources
from typing import Any

import copydesk as cd

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


def run(corpus: Any, text_column: str, out: str | None, progress: bool) -> dict[str, Any]:
    """Runs the pipeline; returns the summary figures."""
    texts = corpus[text_column]
    cleaned = cd.clean(texts, progress=progress)
    result = corpus.assign(clean_text=cleaned)
    before = int(texts.fillna("").str.len().sum())
    after = int(cleaned.fillna("").str.len().sum())
    summary = {
        "articles": len(corpus),
        "characters_in": before,
        "characters_out": after,
        "characters_removed": before - after,
    }
    if out:
        os.makedirs(out, exist_ok=True)
        result.to_csv(os.path.join(out, "articles.csv"), index=False)
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
    parser.add_argument("--out", default=None, help="folder for the results")
    parser.add_argument("--progress", action="store_true", help="show a progress bar")
    args = parser.parse_args(argv)
    inputs = args.inputs or [sample_path()]
    id_column = args.id_column or (None if args.inputs else "id")
    corpus = read_corpus(inputs, args.text_column, id_column)
    source = "the bundled sample corpus" if not args.inputs else ", ".join(args.inputs)
    print_summary(run(corpus, args.text_column, args.out, args.progress), source, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
