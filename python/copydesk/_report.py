"""``report.html`` of the main job: one self-contained page (inline CSS and a few lines of inline
JavaScript, no network, no external fonts) with the corpus summary, the stories that have
copies with a side-by-side alignment of one pair, a bar chart of the most quoted speakers and a
searchable quote table. Built with the standard library; every value from the corpus goes
through :func:`html.escape`.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import pandas as pd

import copydesk as cd

if TYPE_CHECKING:
    from .__main__ import Results

#: Stories listed in the report (the largest first); the tables on disk hold them all.
MAX_STORIES = 30
#: Quote rows in the page; beyond it the page says so and points to the quotes table.
MAX_QUOTES = 5000
#: Bars in the speaker chart.
MAX_SPEAKERS = 15
#: Articles in the "most removed" table.
MAX_CLEANED = 10

# The page may load nothing: styles and the script are inline, and no fetch is allowed.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2937;
background:#f9fafb;line-height:1.45}
header{background:#1e293b;color:#f8fafc;padding:1.2em 2em}
header h1{margin:0;font-size:1.5em}header p{margin:.3em 0 0;color:#cbd5e1}
main{max-width:72em;margin:0 auto;padding:1em 2em 3em}
section{background:#fff;border:1px solid #e5e7eb;border-radius:6px;padding:1em 1.5em;
margin:1.2em 0}
h2{font-size:1.2em;margin:.2em 0 .6em}h3{font-size:1em;margin:1em 0 .4em}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border-bottom:1px solid #e5e7eb;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f3f4f6}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(11em,1fr));gap:.6em}
.figure{background:#f3f4f6;border-radius:4px;padding:.5em .8em}
.figure b{display:block;font-size:1.4em}.figure span{color:#4b5563;font-size:.85em}
.story{border-top:1px solid #e5e7eb;padding-top:.6em;margin-top:.8em}
.muted{color:#6b7280;font-size:.9em}
.kind{border-radius:3px;padding:0 .3em;font-size:.85em}
.kind-direct{background:#fde68a}.kind-partial{background:#fef3c7}.kind-indirect{background:#dbeafe}
#quote-search{font-size:1em;padding:.35em .6em;width:24em;max-width:100%;
border:1px solid #9ca3af;border-radius:4px}
svg text{font-family:inherit;font-size:12px}
"""

# Filters the quote table as the user types; "#q=word" in the address fills the box.
_SCRIPT = """
(function () {
  var box = document.getElementById("quote-search");
  var rows = document.querySelectorAll("#quote-table tbody tr");
  var count = document.getElementById("quote-count");
  function filter() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var hit = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !hit;
      if (hit) { shown += 1; }
    });
    count.textContent = shown + " of " + rows.length + " quotes shown";
  }
  var wanted = /^#q=(.*)$/.exec(window.location.hash);
  if (wanted) { box.value = decodeURIComponent(wanted[1]); }
  box.addEventListener("input", filter);
  filter();
})();
"""


def e(value: Any) -> str:
    """Escapes any value for HTML text or an attribute; missing values become empty."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value))


def render_report(results: Results, title: str = "") -> str:
    """The whole page as a string."""
    s = results.summary
    subtitle = f"{s['articles']:,} articles, {s['copy_pairs']:,} copy pairs, {s['quotes']:,} quotes"
    body = "".join(
        [
            _summary_section(results),
            _stories_section(results),
            _speakers_section(results),
            _quotes_section(results),
        ]
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>copydesk report: {e(title)}</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>copydesk report</h1><p>{e(title)} &middot; {e(subtitle)} &middot; "
        f"copydesk {e(cd.__version__)}</p></header><main>{body}</main>"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def _figure(value: Any, label: str) -> str:
    shown = f"{value:,}" if isinstance(value, int) else e(value)
    return f'<div class="figure"><b>{shown}</b><span>{e(label)}</span></div>'


def _summary_section(results: Results) -> str:
    s = results.summary
    share = s["characters_removed"] / s["characters_in"] if s["characters_in"] else 0.0
    figures = [
        _figure(s["articles"], "articles"),
        _figure(s["articles_without_text"], "without text"),
        *[
            _figure(s[key], label)
            for key, label in (
                ("failed_articles", "failed (--errors null)"),
                ("unreadable_dates", "with unreadable dates (undated)"),
            )
            if s.get(key)
        ],
        _figure(f"{share:.1%}", f"of {s['characters_in']:,} characters removed"),
        *[_figure(n, f"{kind} spans removed") for kind, n in s["removals"].items()],
        _figure(s["copy_pairs"], "copy pairs"),
        _figure(s["stories_with_copies"], "stories with copies"),
        _figure(s["quotes"], "quotes"),
        *[_figure(n, f"{kind} quotes") for kind, n in s["quotes_by_kind"].items()],
        _figure(s["speakers"], "speakers"),
    ]
    return (
        '<section id="summary"><h2>Corpus</h2>'
        f'<div class="figures">{"".join(figures)}</div>{_cleaned_table(results)}</section>'
    )


def _cleaned_table(results: Results) -> str:
    """The articles that lost the most to cleaning."""
    articles = results.articles
    kinds = [c for c in articles.columns if c.startswith("removed_")]
    top = articles[articles["chars_removed"].fillna(0) > 0]
    top = top.sort_values("chars_removed", ascending=False, kind="stable").head(MAX_CLEANED)
    if not len(top):
        return '<p class="muted">Cleaning removed nothing.</p>'
    head = "".join(f'<th class="n">{e(k.removeprefix("removed_"))}</th>' for k in kinds)
    rows = "".join(
        f"<tr><td>{e(label)}</td><td class='n'>{e(row['chars_removed'])}</td>"
        + "".join(f"<td class='n'>{e(row[k])}</td>" for k in kinds)
        + "</tr>"
        for label, row in top.iterrows()
    )
    return (
        f"<h3>Most cleaned articles</h3><table><thead><tr><th>article</th>"
        f'<th class="n">characters removed</th>{head}</tr></thead><tbody>{rows}</tbody></table>'
        '<p class="muted">Counts per kind are removed spans; articles.* holds every article.</p>'
    )


def _stories_section(results: Results) -> str:
    groups = results.groups
    if not len(groups):
        return (
            '<section id="stories"><h2>Stories with copies</h2>'
            '<p class="muted">No two articles are versions of the same story.</p></section>'
        )
    id_name = results.columns.article
    order = groups.groupby("group", sort=False)["size"].first()
    order = order.sort_values(ascending=False, kind="stable")
    cards = [
        _story_card(results, groups[groups["group"] == g], id_name)
        for g in order.index[:MAX_STORIES]
    ]
    more = len(order) - MAX_STORIES
    note = f'<p class="muted">{more:,} more stories in groups.*</p>' if more > 0 else ""
    return (
        '<section id="stories"><h2>Stories with copies</h2>'
        f"{_alignment(results, order.index[0], id_name)}{''.join(cards)}{note}</section>"
    )


def _story_card(results: Results, members: Any, id_name: str) -> str:
    articles = results.articles
    extra = [c for c in (results.columns.source, results.columns.date, "title") if c]
    extra = [c for c in dict.fromkeys(extra) if c in articles.columns]
    head = "".join(f"<th>{e(c)}</th>" for c in extra)
    rows = []
    for label, original in zip(members[id_name], members["is_original"], strict=True):
        row = articles.loc[label]
        cells = "".join(f"<td>{e(row[c])}</td>" for c in extra)
        mark = "original" if _is_true(original) else ""
        rows.append(f"<tr><td>{e(label)}</td>{cells}<td>{mark}</td></tr>")
    pairs = _pairs_of(results, set(members[id_name]))
    group = members["group"].iloc[0]
    return (
        f'<div class="story"><h3>Story {e(group)}: {len(members)} articles</h3>'
        f"<table><thead><tr><th>article</th>{head}<th></th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<p class="muted">pairs: {pairs}</p></div>'
    )


def _is_true(flag: Any) -> bool:
    """A nullable boolean (numpy, Python or missing) that is true."""
    return bool(pd.notna(flag) and flag)


def _pairs_of(results: Results, labels: set[Any]) -> str:
    d = results.duplicates
    inside = d[d["a"].isin(labels) & d["b"].isin(labels)]
    return ", ".join(
        f"{e(a)} &harr; {e(b)} ({s:.2f})"
        for a, b, s in zip(inside["a"], inside["b"], inside["similarity"], strict=True)
    )


def _alignment(results: Results, group: Any, id_name: str) -> str:
    """One pair of the largest story side by side: its most similar pair that is not an exact
    copy (an exact copy aligns to nothing interesting), else its first pair."""
    members = set(results.groups.loc[results.groups["group"] == group, id_name])
    d = results.duplicates
    pairs = d[d["a"].isin(members) & d["b"].isin(members)]
    if not len(pairs):
        return ""
    edited = pairs[pairs["similarity"] < 1.0]
    pick = (edited if len(edited) else pairs).sort_values("similarity", kind="stable").iloc[-1]
    texts = results.articles["clean_text"]
    alignment = cd.align(texts[pick["a"]], texts[pick["b"]])
    return (
        f'<div id="alignment"><h3>Side by side: {e(pick["a"])} (a) and {e(pick["b"])} (b)</h3>'
        '<p class="muted">Sentences: same, <span style="background:#fef9c3">edited</span>, '
        '<span style="background:#dcfce7">added</span>, '
        '<span style="background:#fee2e2">removed</span>, '
        '<span style="background:#dbeafe">moved</span>.</p>'
        f"{alignment._repr_html_()}</div>"
    )


def _speakers_section(results: Results) -> str:
    from .__main__ import top_speakers

    top = top_speakers(results.quotes, MAX_SPEAKERS)
    if not top:
        return (
            '<section id="speakers"><h2>Most quoted</h2><p class="muted">No quotes.</p></section>'
        )
    most = top[0][1]
    bar, label_width, chart_width = 22, 210, 420
    height = bar * len(top) + 4
    bars = []
    for i, (name, count) in enumerate(top):
        y = i * bar + 2
        width = max(2, round(chart_width * count / most))
        bars.append(
            f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{e(name[:32])}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{width}" height="{bar - 6}" '
            f'fill="#2563eb"><title>{e(name)}: {count}</title></rect>'
            f'<text x="{label_width + width + 6}" y="{y + 15}">{count}</text>'
        )
    total_width = label_width + chart_width + 50
    return (
        '<section id="speakers"><h2>Most quoted speakers</h2>'
        f'<svg role="img" aria-label="quotes per speaker" width="{total_width}" '
        f'height="{height}" viewBox="0 0 {total_width} {height}">{"".join(bars)}</svg>'
        '<p class="muted">Quotes per speaker: pronouns and titles resolved to names where the '
        "extractor could; pronouns it could not resolve are left out.</p></section>"
    )


def _quotes_section(results: Results) -> str:
    quotes = results.quotes
    shown = quotes.head(MAX_QUOTES)
    rows = "".join(
        f"<tr><td>{e(row)}</td><td>{e(name)}</td><td>{e(cue)}</td>"
        f'<td><span class="kind kind-{e(kind)}">{e(kind)}</span></td><td>{e(text)}</td></tr>'
        for row, name, cue, kind, text in zip(
            shown["row"],
            shown["speaker_name"],
            shown["cue"],
            shown["kind"],
            shown["text"],
            strict=True,
        )
    )
    more = len(quotes) - len(shown)
    note = (
        f'<p class="muted">The first {len(shown):,} of {len(quotes):,} quotes; the quotes table holds all.</p>'
        if more > 0
        else ""
    )
    return (
        '<section id="quotes"><h2>Quotes</h2>'
        '<p><input id="quote-search" type="search" placeholder="Search quotes, speakers, '
        f'articles" aria-label="search quotes"> <span id="quote-count" class="muted"></span></p>{note}'
        '<table id="quote-table"><thead><tr><th>article</th><th>speaker</th><th>cue</th>'
        f"<th>kind</th><th>quote</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )
