"""clean() against ftfy.fix_text, one thread each, on the same articles, and clean()'s
throughput on text that is already clean.

Cases (each skipped when its data is absent):
- scraped pages: the scrapinghub dev pages as a naive scraper extracts them (scripts, styles,
  menus and all), the input clean() is built for;
- BBC articles: 2,225 news articles, plain prose;
- already clean: the gold article bodies of the scrapinghub pages (several languages) and the
  BBC articles, each after one clean() so the pipeline finds nothing to change, where the
  target is >= 200 MB/s per core.

Times are CPU time of this process (one thread on each side), so a busy machine does not
tilt the ratio; the medians of repeats are printed with the ratios.

ftfy.fix_text only repairs characters; clean() also removes code, markup, metadata and
boilerplate, so the ratio is of the full default pipeline against ftfy's full default.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import sys
import time

import copydesk as cd
from harness import data_path, median_seconds, report

CPU = time.process_time


def scraped_pages() -> list[str] | None:
    base = data_path("scrapinghub-article-extraction")
    evals = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval")
    if base is None or not os.path.isdir(evals):
        return None
    sys.path.insert(0, evals)
    from clean import dirty_text  # the evaluation's own naive scraper

    pages = sorted(glob.glob(os.path.join(base, "html", "*.html.gz")))
    return [
        dirty_text(gzip.open(p, "rt", encoding="utf-8", errors="replace").read()) for p in pages
    ]


def bbc_articles() -> list[str] | None:
    path = data_path("bbc-news-2225", "bbc.jsonl.gz")
    if path is None:
        return None
    return [json.loads(line)["text"] for line in gzip.open(path, "rt", encoding="utf-8")]


def gold_bodies() -> list[str] | None:
    path = data_path("scrapinghub-article-extraction", "ground-truth.json")
    if path is None:
        return None
    return [v["articleBody"] for v in json.load(open(path, encoding="utf-8")).values()]


def megabytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def main() -> None:
    try:
        import ftfy
    except ImportError:
        ftfy = None
    rows = []
    for name, load in (("scraped pages", scraped_pages), ("BBC articles", bbc_articles)):
        texts = load()
        if texts is None:
            continue
        mb = megabytes(texts)
        ours = median_seconds(lambda texts=texts: cd.clean(texts, n_threads=1), repeat=5, clock=CPU)
        row = {"case": name, "MB": mb, "copydesk_s": ours, "copydesk_MB_s": mb / ours}
        if ftfy is not None:
            peer = median_seconds(
                lambda texts=texts: [ftfy.fix_text(t) for t in texts], repeat=3, clock=CPU
            )
            row.update(ftfy_s=peer, ftfy_MB_s=mb / peer, ratio=peer / ours)
        rows.append(row)
    for name, load in (
        ("already clean (gold bodies)", gold_bodies),
        ("already clean (BBC)", bbc_articles),
    ):
        texts = load()
        if texts is None:
            continue
        clean_texts = cd.clean(texts, n_threads=1)
        mb = megabytes(clean_texts)
        ours = median_seconds(lambda t=clean_texts: cd.clean(t, n_threads=1), repeat=5, clock=CPU)
        rows.append({"case": name, "MB": mb, "copydesk_s": ours, "copydesk_MB_s": mb / ours})
    report("clean", rows)


if __name__ == "__main__":
    main()
