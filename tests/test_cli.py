"""The main job: `copydesk` with no input runs on the bundled sample; every input kind, both
output formats, the tables named by ids, clear errors; and a run on real BBC articles (skipped
when the evaluation data is absent)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from copydesk.__main__ import build_parser, main, sample_path

DATA = Path(os.environ.get("COPYDESK_DATA", Path(__file__).parents[1] / ".." / "shared" / "data"))
TABLES = ("articles", "duplicates", "groups", "quotes")

STORY = (
    "The city council voted on Tuesday to rebuild the north harbor wall after a year of delays. "
    "\u201cWe cannot keep patching a wall built for smaller storms,\u201d said Mayor Ines Calder."
)


def sample() -> pd.DataFrame:
    return pd.read_json(sample_path(), lines=True)


def run(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "result"
    assert main([*args, "--out", str(out)]) == 0
    return out


def test_runs_on_the_bundled_sample(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "bundled sample corpus" in out
    for row in ("articles", "cleaned", "copies", "quotes", "most quoted"):
        assert f"  {row} " in out
    assert "31 (1 without text)" in out


def test_sample_carries_the_problems_it_promises():
    articles = sample().set_index("id")
    assert 28 <= len(articles) <= 34
    text = articles["text"].fillna("")
    assert text.str.contains("window.").any() and text.str.contains('"@context"').any()
    assert text.str.contains("\u00e2\u20ac").any()  # mojibake
    assert text.str.contains(r"\(Reporting by").any() and text.str.contains("Updated").any()
    wire = articles.loc[["dam-ledger", "dam-courier", "dam-post"]]
    assert wire["source"].nunique() == 3 and wire["title"].nunique() == 3
    assert articles["text"].isna().sum() == 1


def test_sample_results(tmp_path):
    out = run(tmp_path)
    groups = pd.read_csv(out / "groups.csv")
    stories = groups.groupby("group")["id"].apply(set).tolist()
    assert {"dam-ledger", "dam-courier", "dam-post"} in stories
    assert {"harbor-1", "harbor-2"} in stories and {"tide-1", "tide-2"} in stories
    assert not any({"rail-1", "rail-2"} <= s for s in stories)
    dam = groups[groups["id"] == "dam-post"].iloc[0]
    assert dam["original"] == "dam-ledger" and dam["original_source"] == "Coastal Ledger"
    quotes = pd.read_csv(out / "quotes.csv")
    assert set(quotes["kind"]) == {"direct", "partial", "indirect"}
    assert "Priya Annand" in set(quotes["speaker_name"])
    assert not quotes["text"].str.contains("the Wall").any()
    articles = pd.read_csv(out / "articles.csv").set_index("id")
    assert "window." not in articles.loc["harbor-1", "clean_text"]
    assert "\u2019s lives" in articles.loc["dam-post", "clean_text"]  # mojibake repaired
    assert articles.loc["dam-ledger", "removed_code"] >= 1
    assert articles.loc["dam-courier", "chars_removed"] > 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["articles"] == 31 and summary["stories_with_copies"] == 3
    # Hanna Lowe's "she said" quotes are hers (they went to Priya Annand while the age in
    # `Hanna Lowe, 71, who ...` was taken for the speaker); four speakers tie at four quotes.
    assert summary["top_speakers"][0] == ["Hanna Lowe", 4]
    assert ["Priya Annand", 4] in summary["top_speakers"]


def write_inputs(folder: Path) -> dict[str, Path]:
    """One two-row corpus in every input kind the main job reads."""
    folder.mkdir()
    frame = pd.DataFrame({"id": ["a", "b"], "body": [STORY, "Rain is expected on Friday."]})
    paths = {kind: folder / f"corpus.{kind}" for kind in ("csv", "jsonl", "json", "parquet")}
    frame.to_csv(paths["csv"], index=False)
    frame.to_json(paths["jsonl"], orient="records", lines=True)
    frame.to_json(paths["json"], orient="records")
    frame.to_parquet(paths["parquet"])
    paths["jsonl.gz"] = folder / "corpus.jsonl.gz"
    paths["jsonl.gz"].write_bytes(gzip.compress(paths["jsonl"].read_bytes()))
    return paths


@pytest.mark.parametrize("kind", ["csv", "jsonl", "json", "parquet", "jsonl.gz"])
def test_reads_every_table_kind(tmp_path, kind):
    path = write_inputs(tmp_path / "in")[kind]
    out = run(tmp_path, str(path), "--text-column", "body", "--id-column", "id")
    quotes = pd.read_csv(out / "quotes.csv")
    assert list(quotes["id"]) == ["a"] and quotes["speaker_name"][0] == "Ines Calder"


def test_reads_text_files_and_folders(tmp_path):
    folder = tmp_path / "texts"
    (folder / "deeper").mkdir(parents=True)
    (folder / "one.txt").write_text(STORY, encoding="utf-8")
    (folder / "deeper" / "two.txt").write_text(STORY + " Share this article", encoding="utf-8")
    (folder / "notes.md").write_text("not read", encoding="utf-8")
    lone = tmp_path / "three.txt"
    lone.write_text("Rain is expected on Friday.", encoding="utf-8")
    out = run(tmp_path, str(folder), str(lone))
    articles = pd.read_csv(out / "articles.csv")
    assert len(articles) == 3 and articles["path"].str.endswith(".txt").all()
    pairs = pd.read_csv(out / "duplicates.csv")
    assert {Path(p).name for p in pairs.iloc[0][["a", "b"]]} == {"one.txt", "two.txt"}
    assert set(pd.read_csv(out / "quotes.csv")["path"]) <= set(articles["path"])


def test_mixed_inputs_and_row_numbers_without_ids(tmp_path):
    paths = write_inputs(tmp_path / "in")
    out = run(tmp_path, str(paths["csv"]), str(paths["parquet"]), "--text-column", "body")
    assert len(pd.read_csv(out / "articles.csv")) == 4
    pairs = pd.read_csv(out / "duplicates.csv")
    assert (pairs["a"].tolist(), pairs["b"].tolist()) == ([0, 1], [2, 3])
    assert set(pd.read_csv(out / "quotes.csv")["row"]) == {0, 2}


def test_parquet_output(tmp_path):
    out = run(tmp_path, "--format", "parquet")
    for table in TABLES:
        frame = pd.read_parquet(out / f"{table}.parquet")
        assert len(frame) > 0
    quotes = pd.read_parquet(out / "quotes.parquet")
    assert quotes["speaker_start"].dtype == "Int64"
    assert (out / "report.html").exists() and (out / "summary.json").exists()


def test_progress_bars(tmp_path, capsys):
    paths = write_inputs(tmp_path / "in")
    assert main([str(paths["csv"]), "--text-column", "body", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "extracting quotes" in err and "2/2" in err


@pytest.mark.parametrize(
    "args, message",
    [
        (["/no/such/file.csv"], "no such file or folder: /no/such/file.csv"),
        ([sample_path(), "--text-column", "body"], "no column 'body' in the input"),
        ([sample_path(), "--id-column", "key"], "no column 'key'"),
        ([sample_path(), "--date-column", "when"], "no column 'when'"),
        ([sample_path(), "--id-column", "source"], "the id column 'source' repeats"),
        ([__file__], "cannot read .*: expected .csv"),
    ],
)
def test_clear_errors(args, message):
    with pytest.raises(SystemExit, match=message) as failure:
        main(args)
    assert str(failure.value.code).startswith("copydesk: ")


def test_empty_corpus_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(SystemExit, match=r"the corpus is empty: no \.csv"):
        main([str(tmp_path / "empty")])
    header_only = tmp_path / "header.csv"
    header_only.write_text("id,text\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="the inputs hold no rows"):
        main([str(header_only)])
    no_text = tmp_path / "no_text.csv"
    no_text.write_text("id,text\na,\nb,\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="no article has text in column 'text'"):
        main([str(no_text)])
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="cannot read"):
        main([str(broken)])


def test_non_text_column_is_a_clear_error(tmp_path):
    numbers = tmp_path / "numbers.jsonl"  # a CSV's text column is read as text
    numbers.write_text('{"id": "a", "text": 1}\n{"id": "b", "text": 2}\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="column 'text' holds int values, not text"):
        main([str(numbers), "--id-column", "id"])


def test_bad_dates_and_unwritable_output_are_clear_errors(tmp_path):
    corpus = tmp_path / "corpus.csv"
    corpus.write_text(f'id,when,text\na,soon,"{STORY}"\nb,later,"{STORY}"\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="cannot read the dates in column 'when'"):
        main([str(corpus), "--id-column", "id", "--date-column", "when"])
    with pytest.raises(SystemExit, match="cannot write to"):
        main([str(corpus), "--out", str(corpus)])


def test_unreadable_dates_name_the_articles_or_count_as_undated(tmp_path, capsys):
    """Reuters-21578 dates carry junk such as ``&#5;&#5;&#5;RM`` after the time: by default
    the job stops naming the article and its value; with ``--errors null`` it finishes, the
    dates count as undated and stderr and summary.json say how many and which."""
    corpus = tmp_path / "corpus.jsonl"
    junk = "27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM"
    rows = [("a", "2024-03-01"), ("b", junk), ("c", "2024-03-02"), ("d", None)]
    corpus.write_text(
        "".join(json.dumps({"id": i, "date": d, "text": STORY}) + "\n" for i, d in rows),
        encoding="utf-8",
    )
    args = [str(corpus), "--id-column", "id", "--date-column", "date"]
    with pytest.raises(SystemExit, match=r"column 'date' of 1 articles: 'b' \('27-MAR-1987"):
        main(args)
    out = run(tmp_path, *args, "--errors", "null")
    assert "cannot read the dates in column 'date' of 1 articles: 'b'" in capsys.readouterr().err
    summary = json.loads((out / "summary.json").read_text())
    assert summary["unreadable_dates"] == 1 and summary["failed_articles"] == 0
    assert "with unreadable dates (undated)" in (out / "report.html").read_text()
    groups = pd.read_csv(out / "groups.csv")
    assert groups["original"].tolist() == ["a"] * 4  # all one story, a the earliest dated


def test_a_failed_article_is_named_by_its_id(tmp_path, capsys, monkeypatch):
    """A text that is not valid Unicode (a lone surrogate, which Python code can make though
    the file readers drop it) fails its row: the error names the article by its id, not its
    row number; ``--errors null`` counts it as missing and names it."""
    import copydesk.__main__ as cli

    texts = pd.Series([STORY, "broken \ud800 text"], dtype=object)
    corpus = pd.DataFrame({"id": ["x1", "x2"], "text": texts})
    corpus.index = corpus["id"].tolist()
    monkeypatch.setattr(cli, "read_corpus", lambda inputs, columns, out: corpus)
    with pytest.raises(SystemExit, match=r"article 'x2' \(row 1: .*--errors null"):
        main(["corpus.csv", "--id-column", "id"])
    assert main(["corpus.csv", "--id-column", "id", "--errors", "null"]) == 0
    printed = capsys.readouterr()
    assert "1 articles whose text cannot be processed count as missing: 'x2'" in printed.err
    assert "articles     2 (1 without text, 1 failed)" in printed.out


def test_csv_ids_and_texts_are_read_as_text(tmp_path):
    """pandas reads ``007`` as the number 7 and an all-digit text column as numbers: the id,
    text and source columns of a CSV are read as text, so the tables name articles by the
    ids the input has."""
    corpus = tmp_path / "corpus.csv"
    corpus.write_text(f'id,text\n007,"{STORY}"\n008,"{STORY}"\n010,12345\n', encoding="utf-8")
    out = run(tmp_path, str(corpus), "--id-column", "id")
    articles = pd.read_csv(out / "articles.csv", dtype={"id": str})
    assert articles["id"].tolist() == ["007", "008", "010"]
    assert articles["clean_text"].iloc[2] == "12345"
    assert pd.read_csv(out / "groups.csv", dtype=str)["id"].tolist() == ["007", "008"]


def test_id_column_named_like_a_table_column(tmp_path):
    """An id column named like a column of the quotes or groups table (here ``text``, also
    the date column) names articles as ``text_id`` there instead of writing two columns of
    one name (which Parquet refuses)."""
    corpus = tmp_path / "corpus.csv"
    corpus.write_text(f'text,body\n2024-03-02,"{STORY}"\n2024-03-01,"{STORY}"\n', "utf-8")
    args = ["--text-column", "body", "--id-column", "text", "--date-column", "text"]
    out = run(tmp_path, str(corpus), *args, "--format", "parquet")
    quotes = pd.read_parquet(out / "quotes.parquet")
    assert quotes["text_id"].tolist() == ["2024-03-02", "2024-03-01"]
    groups = pd.read_parquet(out / "groups.parquet")
    assert groups["text_id"].tolist() == ["2024-03-02", "2024-03-01"]
    assert groups["original"].tolist() == ["2024-03-01"] * 2


def test_missing_ids_are_a_clear_error(tmp_path):
    corpus = tmp_path / "corpus.csv"
    corpus.write_text(f'id,text\na,"{STORY}"\n,"{STORY}"\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="the id column 'id' is empty for 1 articles"):
        main([str(corpus), "--id-column", "id"])


def test_a_file_without_the_text_column_is_named(tmp_path):
    """Files read together must all have the named columns: one without the text column
    added its articles as articles without text, and said nothing."""
    (tmp_path / "a.csv").write_text(f'id,text\na,"{STORY}"\n', encoding="utf-8")
    (tmp_path / "b.csv").write_text(f'id,body\nb,"{STORY}"\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"no column 'text' in .*b\.csv \(its columns: id, body"):
        main([str(tmp_path), "--id-column", "id"])


def test_a_text_file_not_in_utf8_is_read_as_windows_1252(tmp_path, capsys):
    """Older news files are often Windows-1252: their accented letters and curly quotes
    became U+FFFD; now the file is read as Windows-1252 and stderr says so."""
    (tmp_path / "old.txt").write_bytes(b"Caf\xe9 society, said the mayor, \x93quoted\x94.")
    out = run(tmp_path, str(tmp_path / "old.txt"))
    text = pd.read_csv(out / "articles.csv")["clean_text"].iloc[0]
    assert text == "Caf\u00e9 society, said the mayor, \u201cquoted\u201d."
    assert "old.txt is not UTF-8: read as Windows-1252" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["corpus.csv.gz", "corpus.txt.gz"])
def test_a_truncated_gzip_file_is_a_clear_error(tmp_path, name):
    whole = gzip.compress(f'id,text\na,"{STORY}"\n'.encode())
    (tmp_path / name).write_bytes(whole[: len(whole) // 2])
    with pytest.raises(SystemExit, match=f"cannot read .*{name}: Compressed file ended"):
        main([str(tmp_path / name)])


def test_parquet_output_of_columns_that_mix_types(tmp_path, capsys):
    """Scraped JSON often mixes types in a column (an author as a string here, a list
    there): Arrow cannot type it and --format parquet stopped with a traceback. Such columns
    are written as text (JSON for non-strings), and stderr names them."""
    corpus = tmp_path / "corpus.jsonl"
    rows = [
        {"id": "a", "text": STORY, "author": "Ann"},
        {"id": "b", "text": STORY, "author": ["Bo"]},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = run(tmp_path, str(corpus), "--id-column", "id", "--format", "parquet")
    assert pd.read_parquet(out / "articles.parquet")["author"].tolist() == ["Ann", '["Bo"]']
    assert "articles: columns 'author' mix types: written as text" in capsys.readouterr().err


def test_a_second_run_does_not_read_the_first_runs_output(tmp_path):
    """``copydesk DIR --out DIR/result`` twice: the second run read the first one's tables
    (its quotes as articles) and stopped on summary.json."""
    (tmp_path / "corpus.csv").write_text(f'id,text\na,"{STORY}"\n', encoding="utf-8")
    args = [str(tmp_path), "--id-column", "id", "--out", str(tmp_path / "result")]
    assert main(args) == 0
    assert main(args) == 0
    assert pd.read_csv(tmp_path / "result" / "articles.csv")["id"].tolist() == ["a"]


def test_help_describes_the_job_and_every_option(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "Run copydesk's main job" in text and "example:" in text
    for action in build_parser()._actions:
        assert action.help, f"{action.dest} has no help text"


def test_module_entry_point():
    done = subprocess.run(
        [sys.executable, "-m", "copydesk"], check=False, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "most quoted" in done.stdout


def test_error_exit_code_without_traceback():
    done = subprocess.run(
        [sys.executable, "-m", "copydesk", "/no/such.csv"],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == "copydesk: no such file or folder: /no/such.csv"


BBC = DATA / "bbc-news-2225"


@pytest.mark.skipif(not BBC.exists(), reason="evaluation data absent")
def test_real_articles_every_table_uses_the_ids(tmp_path):
    """A few hundred real BBC articles, with some of the collection's exact duplicates."""
    bbc = pd.read_json(BBC / "bbc.jsonl.gz", lines=True)
    duplicates = json.loads((BBC / "derived_exact_duplicate_groups.json").read_text())
    keep = set(bbc["id"][::10]) | {i for group in duplicates[:10] for i in group}
    corpus = tmp_path / "corpus.jsonl"
    bbc[bbc["id"].isin(keep)].to_json(corpus, orient="records", lines=True, force_ascii=False)
    out = run(tmp_path, str(corpus), "--text-column", "text", "--id-column", "id")
    ids = set(pd.read_csv(out / "articles.csv")["id"])
    assert len(ids) == len(keep) > 200
    pairs = pd.read_csv(out / "duplicates.csv")
    assert set(pairs["a"]) | set(pairs["b"]) <= ids
    found = set(zip(pairs["a"], pairs["b"], strict=True))
    assert all(tuple(sorted(g))[:2] in found for g in duplicates[:10] if len(g) == 2)
    assert set(pd.read_csv(out / "groups.csv")["id"]) <= ids
    quotes = pd.read_csv(out / "quotes.csv")
    assert len(quotes) > 500 and set(quotes["id"]) <= ids
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "business/" in page and 'id="quote-table"' in page
