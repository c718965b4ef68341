"""report.html: one self-contained page (nothing loaded from anywhere), every corpus value
escaped, and, in headless Chromium, rendered without a console message with its sections, its
chart and a working quote search. The browser tests skip when no Chromium is installed
(.ci/run installs Debian's and sets COPYDESK_REQUIRE_CHROMIUM, which turns the skip into a
failure)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from copydesk.__main__ import Columns, main, run_pipeline, sample_path
from copydesk._report import render_report

SECTIONS = ("summary", "stories", "alignment", "speakers", "quotes")
CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "result"
    assert main(["--out", str(out)]) == 0
    return out / "report.html"


def test_page_is_self_contained(report):
    page = report.read_text(encoding="utf-8")
    assert not re.search(r"""\b(src|href)\s*=""", page)
    assert not re.search(r"@import|url\(|https?://", page)
    assert "default-src 'none'" in page  # the browser refuses any fetch
    for section in SECTIONS:
        assert f'id="{section}"' in page
    # each of the three stories with copies names its original
    assert page.count("<td>original</td>") == 3


def test_corpus_values_are_escaped(tmp_path):
    hostile = '<script>alert("x")</script>'
    text = f"\u201cWe will win {hostile},\u201d said Ada Lovelace. " * 3
    corpus = pd.DataFrame(
        {"id": [f"{hostile}1", f"{hostile}2"], "text": [text, text + " More."]}
    ).set_index("id", drop=False)
    results = run_pipeline(corpus, Columns(id="id"))
    page = render_report(results, title=hostile)
    assert hostile not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert page.count("<script>") == 1


def test_report_without_copies_or_quotes():
    corpus = pd.DataFrame({"text": ["Rain on Friday.", None]})
    page = render_report(run_pipeline(corpus, Columns()))
    assert "No two articles are versions of the same story." in page and "No quotes." in page


def chromium(*args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None, "COPYDESK_REQUIRE_CHROMIUM is set but no Chromium is installed"
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            *args,
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def console_messages(stderr: str) -> list[str]:
    """Chromium logs every console message and uncaught error as ``INFO:CONSOLE(...)``; a
    refused load (the page's policy) is logged there too."""
    return [line for line in stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]


needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("COPYDESK_REQUIRE_CHROMIUM"),
    reason="no headless Chromium installed",
)


@needs_chromium
def test_renders_in_chromium_without_console_messages(report, tmp_path):
    done = chromium(f"--user-data-dir={tmp_path}", "--dump-dom", report.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert console_messages(done.stderr) == []
    dom = done.stdout
    for section in SECTIONS:
        assert f'id="{section}"' in dom
    assert dom.count("<rect") >= 5  # the speaker chart
    assert "Kestrel" in dom and "Priya Annand" in dom
    shown = re.search(r'id="quote-count"[^>]*>(\d+) of (\d+) quotes shown<', dom)
    assert shown is not None, "the search script did not run"
    assert shown.group(1) == shown.group(2) == str(len(pd.read_csv(report.parent / "quotes.csv")))


@needs_chromium
def test_search_filters_the_quote_table_in_chromium(report, tmp_path):
    done = chromium(f"--user-data-dir={tmp_path}", "--dump-dom", report.as_uri() + "#q=calder")
    assert console_messages(done.stderr) == []
    shown = re.search(r'id="quote-count"[^>]*>(\d+) of (\d+) quotes shown<', done.stdout)
    assert shown is not None
    assert 0 < int(shown.group(1)) < int(shown.group(2))
    body = done.stdout.split('id="quote-table"')[1]
    visible = [r for r in body.split("<tr")[2:] if "hidden" not in r.split(">")[0]]
    assert len(visible) == int(shown.group(1))
    assert all("calder" in r.lower() for r in visible)


@needs_chromium
def test_console_errors_would_be_caught(tmp_path):
    """The check above is real: a page with a script error fails it."""
    page = tmp_path / "broken.html"
    page.write_text("<html><body><script>notDefined();</script></body></html>")
    done = chromium(f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri())
    assert any("notDefined" in line for line in console_messages(done.stderr))


def test_sample_path_is_inside_the_package():
    assert Path(sample_path()).is_file()
