"""The main job: ``copydesk [INPUT ...] [--text-column COL] [--id-column COL] [--out DIR] ...``.

Reads a corpus (CSV, JSONL, JSON, Parquet, plain .txt files, any of them gzipped, and folders of
them; with no INPUT, the sample corpus bundled with the package), cleans it, finds copies of the
same story, extracts quotes and prints a summary table. With ``--out DIR`` it writes there:
``articles`` (the input columns plus the cleaned text, characters and spans removed, story
group), ``duplicates`` (pairs of copies), ``groups`` (the articles of each story that has copies,
with its original), ``quotes``, ``summary.json`` and ``report.html``. Every table names articles
by ``--id-column`` when given (by file path for .txt inputs, else by row number).

Three parts, so other front ends can reuse them: :func:`read_corpus`, :func:`run_pipeline`
(the corpus in, a :class:`Results` out) and :func:`write_results`.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import sys
import zlib
from dataclasses import dataclass, field
from typing import Any

import copydesk as cd
from copydesk import _copies, sample
from copydesk._columns import QUOTE_DTYPES, is_missing
from copydesk._engine import LocalEngine
from copydesk._pipeline_dask import engine_for

TABLE_SUFFIXES = (".csv", ".jsonl", ".json", ".parquet")
READABLE_SUFFIXES = (*TABLE_SUFFIXES, ".txt")
#: The removal kinds of :func:`copydesk.clean_report`, counted per article.
REMOVAL_KINDS = ("code", "markup", "boilerplate", "metadata", "control")
#: The id column of a corpus read from .txt files.
PATH_COLUMN = "path"


class UsageError(SystemExit):
    """A problem with the user's input, reported as one line without a traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(f"copydesk: {message}")


@dataclass
class Columns:
    """Which input columns hold what."""

    text: str = "text"
    id: str | None = None
    date: str | None = None
    source: str | None = None

    @property
    def article(self) -> str:
        """The column naming articles in the groups and quotes tables: the id column's name
        (``row`` without one), or ``NAME_id`` when those tables have a column NAME already."""
        name = self.id or "row"
        return f"{name}_id" if name in TABLE_COLUMNS else name


#: The columns of the groups and quotes tables besides the one naming articles.
TABLE_COLUMNS = frozenset(
    ("group", "original", "is_original", "size", "source", "original_source", *QUOTE_DTYPES)
)


@dataclass
class Results:
    """The tables of one run; ``articles`` is indexed by article id (or row number)."""

    columns: Columns
    articles: Any
    duplicates: Any
    groups: Any
    quotes: Any
    summary: dict[str, Any] = field(default_factory=dict)


# ---- reading --------------------------------------------------------------------------------


def sample_path() -> str:
    """The bundled sample corpus (JSONL with id, source, date, title, text)."""
    return sample.path()


def read_corpus(inputs: list[str], columns: Columns, out: str | None = None) -> Any:
    """All inputs as one DataFrame indexed by the id column (row numbers without one). Checks
    that the named columns exist and that there is at least one row. A folder's files under
    ``out`` (the output folder) are not read: they are a run's results, not articles."""
    import pandas as pd

    files = [f for path in inputs for f in _files(path, out)]
    if not files:
        raise UsageError("the corpus is empty: no .csv, .jsonl, .json, .parquet or .txt files")
    frames = [_read_file(f, columns) for f in files]
    for path, frame in zip(files, frames, strict=True):
        if len(frames) > 1 and _suffix(path) != ".txt":
            _check_columns(frame, columns, f"in {path}")
    corpus = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if columns.id is None and all(_suffix(f) == ".txt" for f in files):
        columns.id = PATH_COLUMN
    _check_columns(corpus, columns, "in the input")
    if len(corpus) == 0:
        raise UsageError("the corpus is empty: the inputs hold no rows")
    if columns.id is not None:
        missing = corpus.index[corpus[columns.id].isna().to_numpy()]
        if len(missing):
            rows = ", ".join(map(str, missing[:3])) + (", ..." if len(missing) > 3 else "")
            raise UsageError(
                f"the id column {columns.id!r} is empty for {len(missing)} articles "
                f"(rows {rows}); ids must name one article each"
            )
        repeated = corpus[columns.id][corpus[columns.id].duplicated()]
        if len(repeated):
            raise UsageError(
                f"the id column {columns.id!r} repeats {len(repeated)} values, e.g. "
                f"{repeated.iloc[0]!r}; ids must name one article each"
            )
        corpus = corpus.set_index(columns.id, drop=False)
        corpus.index.name = None
    return corpus


def _check_columns(frame: Any, columns: Columns, where: str) -> None:
    """Every named column is in ``frame`` (of every file: a file without the text column
    would otherwise add articles without text)."""
    for name in (columns.text, columns.id, columns.date, columns.source):
        if name is not None and name not in frame.columns:
            known = ", ".join(map(str, frame.columns)) or "none"
            raise UsageError(f"no column {name!r} {where} (its columns: {known})")


def _suffix(path: str) -> str:
    """The file's kind: ``.csv`` for ``a.csv`` and ``a.csv.gz``."""
    base = path[:-3] if path.endswith(".gz") else path
    return os.path.splitext(base)[1].lower()


def _files(path: str, skip: str | None = None) -> list[str]:
    """The readable files at ``path``: the file itself, or a folder's files, recursively,
    leaving out the folder ``skip``."""
    if not os.path.exists(path):
        raise UsageError(f"no such file or folder: {path}")
    if not os.path.isdir(path):
        if _suffix(path) not in READABLE_SUFFIXES:
            raise UsageError(f"cannot read {path}: expected .csv, .jsonl, .json, .parquet or .txt")
        return [path]
    found = []
    skipped = os.path.realpath(skip) if skip else None
    for folder, subfolders, names in os.walk(path):
        if os.path.realpath(folder) == skipped:
            subfolders.clear()
            continue
        subfolders.sort()
        found += [os.path.join(folder, n) for n in sorted(names) if _suffix(n) in READABLE_SUFFIXES]
    return found


def _read_file(path: str, columns: Columns) -> Any:
    """One input file as a DataFrame. A CSV's text, id and source columns are read as text:
    ids such as ``007`` keep their zeros, and an article whose text looks like a number is
    still an article."""
    import pandas as pd

    kind = _suffix(path)
    try:
        if kind == ".txt":
            return pd.DataFrame({PATH_COLUMN: [path], columns.text: [_read_text(path)]})
        if kind == ".csv":
            named = (columns.text, columns.id, columns.source)
            return pd.read_csv(path, dtype={name: str for name in named if name is not None})
        if kind == ".parquet":
            return pd.read_parquet(path)
        return pd.read_json(path, lines=kind == ".jsonl", dtype=False)
    except (ValueError, OSError, EOFError, zlib.error, ImportError) as e:
        # EOFError and zlib.error: a truncated or corrupt .gz file.
        raise UsageError(f"cannot read {path}: {e}") from e


def _read_text(path: str) -> str:
    """A plain text file: UTF-8, or else Windows-1252 (the usual encoding of older news
    files, Latin-1 with curly quotes and dashes in 0x80-0x9F), said on stderr; decoding UTF-8
    with replacement turned every accented letter and curly quote into U+FFFD."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        print(f"copydesk: {path} is not UTF-8: read as Windows-1252", file=sys.stderr)
        return data.decode("latin-1").translate(_CP1252_C1)


def _cp1252_c1() -> dict[int, str]:
    """Latin-1's C1 controls (0x80-0x9F) as Windows-1252 reads those bytes (five bytes it
    leaves undefined stay controls)."""
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            pass
    return table


_CP1252_C1 = _cp1252_c1()


# ---- the pipeline ---------------------------------------------------------------------------


def run_pipeline(
    corpus: Any,
    columns: Columns,
    progress: bool = False,
    engine: Any = None,
    errors: str = "raise",
) -> Results:
    """Cleans, finds copies of the same story and extracts quotes with ``engine``'s functions
    (this process by default, or a Dask engine: see ``_pipeline_dask``); no output. A row that
    fails (a date that cannot be read, a text that is not valid Unicode) follows ``errors``:
    ``"raise"`` stops the run naming the article, ``"null"`` counts it as missing and says so
    on stderr."""
    engine = engine if engine is not None else LocalEngine()
    texts = _text_column(corpus, columns.text)
    dates, unread_dates = _read_dates(corpus, columns.date, errors)
    _stage(progress, f"cleaning {len(texts):,} articles")
    cleaned, removals = engine.clean_with_report(texts, progress=progress, errors=errors)
    failed = texts.notna().to_numpy() & cleaned.isna().to_numpy()
    if failed.any():
        _warn_missing(corpus.index[failed], "articles whose text cannot be processed")
    _stage(progress, "finding copies of the same story")
    duplicates, groups = engine.pairs_and_groups(
        cleaned,
        dates=dates,
        sources=corpus[columns.source] if columns.source else None,
        progress=progress,
        errors=errors,
    )
    groups = _groups_frame(groups)
    _stage(progress, "extracting quotes")
    quotes = engine.quotes(cleaned, progress=progress, errors=errors)
    for offset in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
        quotes[offset] = quotes[offset].astype("Int64")  # float64 when one is missing
    articles = _articles_frame(corpus, texts, cleaned, removals, groups["group"])
    results = Results(
        columns, articles, duplicates, _copied_groups(groups, corpus, columns), quotes
    )
    results.summary = summarise(results)
    results.summary["failed_articles"] = int(failed.sum())
    results.summary["unreadable_dates"] = unread_dates
    return results


def _read_dates(corpus: Any, name: str | None, errors: str) -> tuple[Any, int]:
    """The date column parsed (UTC timestamps, missing where absent or unreadable) and the
    number of dates that cannot be read: under ``errors="raise"`` any is a usage error naming
    the first articles and their values, under ``"null"`` they are named on stderr."""
    if name is None:
        return None, 0
    stamps, unread = _copies.parse_dates(corpus[name], len(corpus))
    if len(unread):
        labels = corpus.index[unread.index.to_numpy()]
        examples = ", ".join(
            f"{k!r} ({v!r})" for k, v in zip(labels[:3], unread.iloc[:3], strict=True)
        )
        more = ", ..." if len(unread) > 3 else ""
        what = f"the dates in column {name!r} of {len(unread):,} articles: {examples}{more}"
        if errors == "raise":
            raise UsageError(f"cannot read {what} (--errors null counts them as undated)")
        print(f"copydesk: cannot read {what}; they count as undated", file=sys.stderr)
    return stamps.set_axis(corpus.index), len(unread)


def _warn_missing(labels: Any, what: str) -> None:
    """Says on stderr which articles ``errors="null"`` turned missing."""
    named = ", ".join(map(repr, labels[:3])) + (", ..." if len(labels) > 3 else "")
    print(f"copydesk: {len(labels):,} {what} count as missing: {named}", file=sys.stderr)


def _stage(progress: bool, message: str) -> None:
    if progress:
        print(f"copydesk: {message}", file=sys.stderr, flush=True)


def _text_column(corpus: Any, name: str) -> Any:
    """The text column, checked: some text, and nothing but text or missing values. A string
    column (pandas ``str``, Arrow) is passed on as it is, so it is read without copies."""
    import pandas as pd

    texts = corpus[name]
    if texts.isna().all():
        raise UsageError(f"the corpus is empty: no article has text in column {name!r}")
    if texts.dtype != object and pd.api.types.is_string_dtype(texts):
        return texts
    texts = texts.astype(object).where(texts.notna(), None)
    wrong = texts.map(lambda v: v is not None and not isinstance(v, str))
    if wrong.any():
        label = wrong[wrong].index[0]
        kind = type(texts[label]).__name__
        raise UsageError(f"column {name!r} holds {kind} values, not text (article {label!r})")
    return texts


def _articles_frame(corpus: Any, texts: Any, cleaned: Any, removals: Any, group: Any) -> Any:
    """The input columns plus ``clean_text``, ``chars_removed``, ``removals`` (spans removed),
    one count of spans per removal kind, and ``story_group``."""
    import pandas as pd

    before = texts.str.len()
    after = cleaned.str.len()
    articles = corpus.assign(
        clean_text=cleaned, chars_removed=(before - after).astype("Int64"), removals=0
    )
    counts = pd.crosstab(removals["row"], removals["kind"]) if len(removals) else None
    for kind in REMOVAL_KINDS:
        column = f"removed_{kind}"
        if counts is not None and kind in counts.columns:
            articles[column] = counts[kind].reindex(articles.index, fill_value=0).to_numpy()
        else:
            articles[column] = 0
        articles["removals"] += articles[column]
    articles["story_group"] = group
    return articles


def _groups_frame(groups: Any) -> Any:
    """``duplicate_groups`` as a frame with ``group``, ``original`` and ``is_original`` also
    when it gave a plain Series (no dates, no sources): the original is the group's first row."""
    import pandas as pd

    if isinstance(groups, pd.DataFrame):
        return groups
    frame = pd.DataFrame({"group": groups.astype("Int64")})
    first = pd.Series(frame.index, index=frame.index).groupby(frame["group"]).transform("first")
    frame["original"] = first.where(frame["group"].notna())
    frame["is_original"] = (first == frame.index).astype("boolean").where(frame["group"].notna())
    return frame


def _copied_groups(groups: Any, corpus: Any, columns: Columns) -> Any:
    """The stories that have copies: one row per article, ``size`` the story's article count,
    groups in order of first appearance."""
    size = groups["group"].map(groups["group"].value_counts())
    table = groups.assign(size=size.astype("Int64"))
    table = table[table["size"] > 1]
    if columns.date and columns.date != columns.id:
        table.insert(1, columns.date, corpus.loc[table.index, columns.date])
    table.insert(0, columns.article, table.index)
    return table.sort_values("group", kind="stable").reset_index(drop=True)


def summarise(results: Results) -> dict[str, Any]:
    """The figures of the terminal summary and ``summary.json``."""
    articles, quotes = results.articles, results.quotes
    kinds = quotes["kind"].value_counts() if len(quotes) else {}
    return {
        "articles": len(articles),
        "articles_without_text": int(articles["clean_text"].isna().sum()),
        "characters_in": int(_text_column(articles, results.columns.text).str.len().sum()),
        "characters_removed": int(articles["chars_removed"].sum()),
        "removals": {kind: int(articles[f"removed_{kind}"].sum()) for kind in REMOVAL_KINDS},
        "copy_pairs": len(results.duplicates),
        "stories_with_copies": int(results.groups["group"].nunique()),
        "articles_in_those_stories": len(results.groups),
        "quotes": len(quotes),
        "quotes_by_kind": {k: int(kinds.get(k, 0)) for k in ("direct", "partial", "indirect")},
        "speakers": int(quotes["speaker_name"].nunique()) if len(quotes) else 0,
        "top_speakers": top_speakers(quotes, 5),
    }


#: Speaker names that are pronouns the quote extractor could not resolve to a person: they
#: name nobody, so the speaker rankings leave them out.
UNRESOLVED = frozenset("i you he she it we they him her his its them this that".split())


def top_speakers(quotes: Any, n: int) -> list[tuple[str, int]]:
    """The ``n`` most quoted speakers (resolved names, unresolved pronouns left out) with their
    counts of statements: quotes of one article that share a reporting verb count once (a
    mixed quotation is a partial quote and the reported clause around it, two quotes of one
    statement)."""
    import pandas as pd

    if not len(quotes):
        return []
    named = quotes.dropna(subset=["speaker_name"])
    named = named[~named["speaker_name"].str.lower().isin(UNRESOLVED)]
    cued = named["cue_start"].notna()
    statements = pd.concat([named[cued].drop_duplicates(["row", "cue_start"]), named[~cued]])
    counts = statements["speaker_name"].value_counts(sort=False)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [(str(name), int(count)) for name, count in ranked[:n]]


# ---- output ---------------------------------------------------------------------------------


def write_results(results: Results, out: str, fmt: str = "csv", title: str = "") -> list[str]:
    """Writes every table, ``summary.json`` and ``report.html`` to ``out``; returns the file
    names written."""
    from ._report import render_report

    try:
        os.makedirs(out, exist_ok=True)
    except OSError as e:
        raise UsageError(f"cannot write to {out}: {e}") from e
    id_name = results.columns.article
    tables = {
        "articles": results.articles,
        "duplicates": results.duplicates,
        "groups": results.groups,
        "quotes": results.quotes.rename(columns={"row": id_name}),
    }
    written = [_write_table(table, os.path.join(out, name), fmt) for name, table in tables.items()]
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(results.summary, f, indent=2)
    with open(os.path.join(out, "report.html"), "w", encoding="utf-8") as f:
        f.write(render_report(results, title))
    return [*written, "summary.json", "report.html"]


def _write_table(table: Any, stem: str, fmt: str) -> str:
    if fmt == "parquet":
        import pyarrow as pa

        try:
            table.to_parquet(stem + ".parquet", index=False)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            _as_text_where_mixed(table, os.path.basename(stem)).to_parquet(
                stem + ".parquet", index=False
            )
        return os.path.basename(stem) + ".parquet"
    table.to_csv(stem + ".csv", index=False)
    return os.path.basename(stem) + ".csv"


def _as_text_where_mixed(table: Any, name: str) -> Any:
    """``table`` with every column Arrow cannot type (an input column mixing, say, strings
    and lists, as scraped JSON often does) as text: strings as they are, other values as
    JSON; stderr names the columns. CSV writes such values as text anyway."""
    import pyarrow as pa

    mixed = []
    for column in table.columns:
        if table[column].dtype == object:
            try:
                pa.array(table[column], from_pandas=True)
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                mixed.append(column)
    if mixed:
        listed = ", ".join(map(repr, mixed))
        print(f"copydesk: {name}: columns {listed} mix types: written as text", file=sys.stderr)
    return table.assign(**{str(c): table[c].map(_as_text) for c in mixed})


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if is_missing(value):
        return None
    return json.dumps(value, default=str, ensure_ascii=False)


def print_summary(
    results: Results, source: str, out: str | None = None, written: list[str] | None = None
) -> None:
    """The short summary table that ends a run."""
    s = results.summary
    removed = ", ".join(f"{n:,} {kind}" for kind, n in s["removals"].items() if n)
    by_kind = ", ".join(f"{n:,} {kind}" for kind, n in s["quotes_by_kind"].items())
    top = ", ".join(f"{name} ({n})" for name, n in s["top_speakers"]) or "none"
    notes = [
        f"{n:,} {what}"
        for n, what in (
            (s["articles_without_text"], "without text"),
            (s.get("failed_articles", 0), "failed"),
            (s.get("unreadable_dates", 0), "with unreadable dates"),
        )
        if n
    ]
    rows = [
        ("articles", f"{s['articles']:,}" + (f" ({', '.join(notes)})" if notes else "")),
        (
            "cleaned",
            f"{s['characters_removed']:,} of {s['characters_in']:,} characters removed"
            + (f"; spans: {removed}" if removed else ""),
        ),
        (
            "copies",
            f"{s['copy_pairs']:,} pairs; {s['stories_with_copies']:,} stories with copies "
            f"({s['articles_in_those_stories']:,} articles)",
        ),
        ("quotes", f"{s['quotes']:,} ({by_kind}) from {s['speakers']:,} speakers"),
        ("most quoted", top),
    ]
    if out:
        rows.append(("written", f"{out}{os.sep}: {', '.join(written or [])}"))
    print(f"copydesk {cd.__version__}: {source}")
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")


# ---- command line ---------------------------------------------------------------------------


DESCRIPTION = """\
Run copydesk's main job on a corpus of news articles: clean the text (leaked
code, boilerplate, markup, mojibake, control characters), find copies of the
same story across the corpus (and each story's original, with --date-column),
extract quotes with their speakers, and print a summary table. INPUT is any mix
of CSV, JSONL, JSON, Parquet and plain .txt files (gzipped too) and folders of
them; with no INPUT, the sample corpus bundled with copydesk. With --out DIR it
also writes the tables articles, duplicates, groups and quotes, summary.json and
a self-contained report.html."""

EPILOG = """\
example:
  copydesk corpus.jsonl --text-column body --id-column id --date-column date \\
      --source-column outlet --out result
  (writes result/articles.csv, duplicates.csv, groups.csv, quotes.csv,
  summary.json and report.html; 'copydesk' alone runs on the bundled sample)"""


def build_parser() -> argparse.ArgumentParser:
    """The command line: every option with its help text."""
    parser = argparse.ArgumentParser(
        prog="copydesk",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="files or folders to read (default: the bundled sample corpus)",
    )
    parser.add_argument(
        "--text-column",
        metavar="COL",
        default="text",
        help="column with the article text (default: text)",
    )
    parser.add_argument(
        "--id-column",
        metavar="COL",
        help="column naming each article, used in every table (default: the file path for "
        ".txt inputs, else the row number)",
    )
    parser.add_argument(
        "--date-column",
        metavar="COL",
        help="column with publication dates: each story's original is its earliest version",
    )
    parser.add_argument(
        "--source-column", metavar="COL", help="column naming each article's outlet"
    )
    parser.add_argument("--out", metavar="DIR", help="folder for the tables and report.html")
    parser.add_argument(
        "--format",
        choices=("csv", "parquet"),
        default="csv",
        help="format of the tables written to --out (default: csv)",
    )
    parser.add_argument(
        "--errors",
        choices=("raise", "null"),
        default="raise",
        help="an article that cannot be processed (a date that cannot be read, text that is not "
        "valid Unicode): 'raise' stops the job naming it, 'null' counts it as missing and "
        "names it on stderr (default: raise)",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bars (default: on when the terminal shows them and tqdm is installed)",
    )
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run every step on the Dask scheduler at ADDRESS ('local': a cluster of worker "
        "processes on this machine); needs copydesk[dask]",
    )
    return parser


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def _naming_article(error: Exception, corpus: Any) -> str:
    """A row's error with the article's id in front of the row position it names."""
    row = getattr(error, "row", None)
    if not isinstance(row, int) or not 0 <= row < len(corpus):
        return str(error)
    return f"article {corpus.index[row]!r} ({error}); --errors null counts it as missing"


def _default_progress() -> bool:
    try:
        import tqdm  # noqa: F401
    except ImportError:
        return False
    return sys.stderr.isatty()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.format == "parquet" and importlib.util.find_spec("pyarrow") is None:
        raise UsageError("--format parquet needs pyarrow: pip install pyarrow")
    sample = not args.inputs
    columns = Columns(
        text=args.text_column,
        id=args.id_column or ("id" if sample else None),
        date=args.date_column or ("date" if sample else None),
        source=args.source_column or ("source" if sample else None),
    )
    corpus = read_corpus(args.inputs or [sample_path()], columns, args.out)
    progress = _default_progress() if args.progress is None else args.progress
    try:
        with engine_for(args.dask) as engine:
            results = run_pipeline(corpus, columns, progress, engine, args.errors)
    except cd.CopydeskError as e:  # a row that failed: the message names it
        raise UsageError(_naming_article(e, corpus)) from e
    except KeyboardInterrupt:
        print("copydesk: interrupted", file=sys.stderr)
        return 130
    source = "the bundled sample corpus" if sample else ", ".join(args.inputs)
    written = write_results(results, args.out, args.format, source) if args.out else None
    print_summary(results, source, args.out, written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
