"""The main job: `copydesk` with no input runs on the bundled sample; clear errors otherwise."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from copydesk.__main__ import main, sample_path


def test_runs_on_the_bundled_sample(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "bundled sample corpus" in out and "articles" in out


def test_writes_results(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": f"a{i}", "text": f"Story  {i}\u00a0text."} for i in range(5)]
    corpus.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = tmp_path / "result"
    assert main([str(corpus), "--text-column", "text", "--id-column", "id", "--out", str(out)]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["articles"] == 5
    assert "a3" in (out / "articles.csv").read_text()
    for table in ("duplicates.csv", "quotes.csv"):
        assert (out / table).exists()


def test_sample_finds_the_copied_story_and_quotes(tmp_path):
    assert main(["--out", str(tmp_path)]) == 0
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["copy_pairs"] >= 1 and summary["quotes"] >= 3
    pairs = (tmp_path / "duplicates.csv").read_text()
    assert "harbor-1" in pairs and "harbor-2" in pairs


@pytest.mark.parametrize(
    "args, message",
    [
        (["/no/such/file.csv"], "no such file"),
        ([sample_path(), "--text-column", "body"], "no column 'body'"),
    ],
)
def test_clear_errors(args, message):
    with pytest.raises(SystemExit, match=message):
        main(args)


def test_module_entry_point():
    done = subprocess.run(
        [sys.executable, "-m", "copydesk"], check=False, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "articles" in done.stdout
