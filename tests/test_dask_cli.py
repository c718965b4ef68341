"""The main job on Dask: ``copydesk --dask local`` writes the same tables as a plain run. In
its own module, so that its LocalCluster never meets the one of tests/test_dask.py."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from copydesk.__main__ import main

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.dask

TABLES = (
    "articles.csv",
    "duplicates.csv",
    "groups.csv",
    "quotes.csv",
    "summary.json",
    "report.html",
)


def test_dask_address_writes_the_tables_of_a_plain_run(tmp_path):
    """A running scheduler, named by its address (the sample has dates and sources)."""
    plain, on_dask = tmp_path / "plain", tmp_path / "dask"
    assert main(["--out", str(plain)]) == 0
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        assert main(["--dask", cluster.scheduler_address, "--out", str(on_dask)]) == 0
    for table in TABLES:
        assert (on_dask / table).read_text() == (plain / table).read_text(), table
    summary = json.loads((on_dask / "summary.json").read_text())
    assert summary["copy_pairs"] >= 1 and summary["quotes"] >= 3


def test_dask_local_from_the_command_line(tmp_path):
    """``--dask local`` starts (and closes) a LocalCluster of its own."""
    done = subprocess.run(
        [sys.executable, "-m", "copydesk", "--dask", "local", "--out", str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "articles" in done.stdout and (tmp_path / "duplicates.csv").is_file()
